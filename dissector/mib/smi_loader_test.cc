#include "dissector/mib/smi_loader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <csignal>
#include <unistd.h>

#include "dissector/mib/core_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "absl/strings/str_cat.h"

namespace snmpdissect::mib {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::AllOf;
using ::testing::IsEmpty;
using ::testing::Not;

// The child's memory cap for the exhaustion test: room for the base
// modules, not for 20,000 more objects (sanitizer builds allocate more per
// object, with the same outcome).
constexpr int kTestMemoryMiB = 8;

std::string SourceDir() {
  const char* dir = std::getenv("SNMPDISSECT_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

std::string TestData(const char* sub) {
  return SourceDir() + "/dissector/mib/testdata/" + sub;
}

const Object* Find(const Table& table, std::vector<uint32_t> arcs) {
  uint32_t id = table.Exact(arcs);
  return id == kNoObject ? nullptr : &table.object(id);
}

TEST(SmiLoaderTest, VendorMibResolvesWithTypesAndIndex) {
  Table table;
  AddCoreTable(&table);
  SmiLoadOptions options;
  options.dirs = {TestData("mibs")};
  SmiLoadReport report = LoadSmiModules(options, &table);
  table.Finish();
  EXPECT_THAT(report.errors, IsEmpty());
  EXPECT_THAT(report.loaded, Contains("EXAMPLE-VENDOR-MIB"));

  const Object* temp = Find(table, {1, 3, 6, 1, 4, 1, 99999, 1, 1});
  ASSERT_NE(temp, nullptr);
  EXPECT_EQ(temp->name, "exampleTemp");
  EXPECT_EQ(temp->module, "EXAMPLE-VENDOR-MIB");
  EXPECT_EQ(temp->kind, Kind::kScalar);
  EXPECT_EQ(temp->base, BaseType::kInteger);
  EXPECT_EQ(temp->tc, "ExampleTemp");
  EXPECT_EQ(temp->hint, "d-1");

  const Object* state = Find(table, {1, 3, 6, 1, 4, 1, 99999, 1, 2});
  ASSERT_NE(state, nullptr);
  ASSERT_NE(table.FindEnum(*state, 3), nullptr);
  EXPECT_EQ(table.FindEnum(*state, 3)->name, "hot");

  const Object* mac = Find(table, {1, 3, 6, 1, 4, 1, 99999, 1, 3, 1, 3});
  ASSERT_NE(mac, nullptr);
  EXPECT_EQ(mac->tc, "MacAddress");
  EXPECT_EQ(mac->hint, "1x:");
  EXPECT_EQ(mac->fixed_size, 6u);
  const Object* packets = Find(table, {1, 3, 6, 1, 4, 1, 99999, 1, 3, 1, 4});
  ASSERT_NE(packets, nullptr);
  EXPECT_EQ(packets->base, BaseType::kCounter32);

  // INDEX { exampleIfIndex, IMPLIED exampleName }, and the AUGMENTS row
  // carries the same.
  for (std::vector<uint32_t> row : {std::vector<uint32_t>{1, 3, 6, 1, 4, 1, 99999, 1, 3, 1},
                                    std::vector<uint32_t>{1, 3, 6, 1, 4, 1, 99999, 1, 4, 1}}) {
    const Object* entry = Find(table, row);
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->kind, Kind::kEntry);
    auto index = table.index(*entry);
    ASSERT_EQ(index.size(), 2u);
    EXPECT_EQ(table.object(index[0].object).name, "exampleIfIndex");
    EXPECT_FALSE(index[0].implied);
    EXPECT_EQ(table.object(index[1].object).name, "exampleName");
    EXPECT_TRUE(index[1].implied);
  }
}

// net-snmp's own MIBs, which Debian ships in /usr/share/snmp/mibs
// (libsnmp-base, a dependency of the build's libsnmp-dev): every file loads
// (its module is copied) with no error line, importing only the built-in
// base modules and each other.
TEST(SmiLoaderTest, NetSnmpMibsLoadWithNoError) {
  const std::string dir = "/usr/share/snmp/mibs";
  std::vector<std::string> expected;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") expected.push_back(entry.path().stem().string());
  }
  ASSERT_GE(expected.size(), 13u) << dir << " (install libsnmp-base)";
  Table table;
  AddCoreTable(&table);
  SmiLoadOptions options;
  options.dirs = {dir};
  options.modules = {"ALL"};
  SmiLoadReport report = LoadSmiModules(options, &table);
  table.Finish();
  EXPECT_THAT(report.errors, IsEmpty());
  EXPECT_THAT(report.loaded, ::testing::UnorderedElementsAreArray(expected));
  // A net-snmp agent's sysObjectID (NET-SNMP-TC).
  Match m = table.Lookup(std::vector<uint32_t>{1, 3, 6, 1, 4, 1, 8072, 3, 2, 10});
  ASSERT_NE(m.object, kNoObject);
  EXPECT_EQ(table.object(m.object).name, "linux");
  EXPECT_EQ(table.object(m.object).module, "NET-SNMP-TC");
  EXPECT_EQ(m.matched, 10u);
}

TEST(SmiLoaderTest, NamedModuleLoadsItAndItsImportsOnly) {
  Table table;
  SmiLoadOptions options;
  options.dirs = {TestData("badmibs"), TestData("mibs")};
  options.modules = {"EXAMPLE-VENDOR-MIB"};
  SmiLoadReport report = LoadSmiModules(options, &table);
  EXPECT_THAT(report.errors, IsEmpty());
  EXPECT_EQ(report.loaded, std::vector<std::string>{"EXAMPLE-VENDOR-MIB"});
  EXPECT_GT(report.rows, 10u);
}

TEST(SmiLoaderTest, BrokenMibIsOneLinePerProblemAndTheRestLoads) {
  Table table;
  SmiLoadOptions options;
  options.dirs = {TestData("badmibs"), TestData("mibs")};
  SmiLoadReport report = LoadSmiModules(options, &table);
  table.Finish();
  ASSERT_FALSE(report.errors.empty());
  for (const std::string& line : report.errors) {
    EXPECT_THAT(line, HasSubstr("BROKEN-MIB.txt:"));
    EXPECT_EQ(line.find('\n'), std::string::npos);
  }
  EXPECT_THAT(report.errors[0], HasSubstr("NO-SUCH-MIB"));
  // The broken module is left out whole (libsmi's node list of a module
  // with severe errors can be inconsistent); the other file loads.
  EXPECT_EQ(report.loaded, std::vector<std::string>{"EXAMPLE-VENDOR-MIB"});
  EXPECT_NE(Find(table, {1, 3, 6, 1, 4, 1, 99999, 1, 1}), nullptr);
}

TEST(SmiLoaderTest, MissingModuleAndDirectoryAreReported) {
  Table table;
  SmiLoadOptions options;
  options.dirs = {TestData("no-such-dir")};
  SmiLoadReport report = LoadSmiModules(options, &table);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_THAT(report.errors[0], HasSubstr("no-such-dir"));

  options.dirs = {TestData("mibs")};
  options.modules = {"NOT-THERE-MIB"};
  report = LoadSmiModules(options, &table);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_THAT(report.errors[0], HasSubstr("NOT-THERE-MIB"));
}

TEST(SmiLoaderTest, OversizedFileIsSkippedWithALine) {
  Table table;
  SmiLoadOptions options;
  options.dirs = {TestData("mibs")};
  options.max_file_bytes = 100;
  SmiLoadReport report = LoadSmiModules(options, &table);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_THAT(report.errors[0], HasSubstr("larger than 100 bytes"));
  EXPECT_THAT(report.loaded, IsEmpty());
}

TEST(SmiLoaderTest, TextLoadsAndHostileTextIsContained) {
  Table table;
  SmiLoadReport report = LoadSmiText(
      "T-MIB DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI;\n"
      "t OBJECT IDENTIFIER ::= { enterprises 7 }\nEND\n",
      "t.mib", &table);
  EXPECT_THAT(report.errors, IsEmpty());
  EXPECT_NE(Find(table, {1, 3, 6, 1, 4, 1, 7}), nullptr);

  // Truncated, binary, and a lying import: errors, no crash, nothing copied
  // from a module that did not parse.
  for (std::string text : {std::string("T-MIB DEFINITIONS ::= BEGIN\nt OBJECT IDENTIFIER ::= {"),
                           std::string("\x01\x02\xff\x1b[2J", 7),
                           std::string("X DEFINITIONS ::= BEGIN IMPORTS a FROM NOPE-MIB; b OBJECT IDENTIFIER ::= { a 1 } END")}) {
    Table t;
    SmiLoadReport r = LoadSmiText(text, "bad.mib", &t);
    EXPECT_FALSE(r.errors.empty()) << text;
    for (const std::string& line : r.errors) {
      EXPECT_EQ(line.find('\x1b'), std::string::npos);
    }
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Inputs on which libsmi itself crashes (the fuzz target found them; libsmi
// 0.4.8's smidump crashes on the first too): libsmi runs in a child
// process, so the crash is one line and the load goes on without the file.
TEST(SmiLoaderTest, LibsmiCrashIsContainedAndTheFileLeftOut) {
  for (const char* name : {"smi_loader-libsmi-check-type-usage"}) {
    const std::string text = ReadFile(SourceDir() + "/corpus/regressions/" + name);
    ASSERT_FALSE(text.empty()) << name;
    Table table;
    SmiLoadReport report = LoadSmiText(text, "crash.mib", &table);
    ASSERT_FALSE(report.errors.empty());
    // "(signal 11)", or in sanitizer builds "(the sanitizer's report ...)".
    EXPECT_THAT(report.errors[0], HasSubstr("crash.mib: libsmi crashed ("));
    EXPECT_THAT(report.errors[0], HasSubstr("reading it; left out"));
    EXPECT_THAT(report.loaded, IsEmpty());
  }
  // The module libsmi can parse but not walk is left out without a crash.
  const std::string text =
      ReadFile(SourceDir() + "/corpus/regressions/smi_loader-libsmi-next-node");
  Table table;
  SmiLoadReport report = LoadSmiText(text, "walk.mib", &table);
  EXPECT_FALSE(report.errors.empty());
  for (const std::string& line : report.errors) EXPECT_THAT(line, ::testing::Not(HasSubstr("crashed")));
}

// A directory made for one test, removed after it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "smi-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data()) != nullptr ? pattern : "";
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string file = path_ + "/" + name;
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::string path_;
};

// Loads `dir` (EXAMPLE-VENDOR-MIB copied beside its files) with `options`.
SmiLoadReport LoadBesideVendorMib(const TempDir& dir, SmiLoadOptions options, Table* table) {
  std::filesystem::copy(TestData("mibs/EXAMPLE-VENDOR-MIB.txt"), dir.path(),
                        std::filesystem::copy_options::skip_existing);
  options.dirs = {dir.path()};
  return LoadSmiModules(options, table);
}

const char kImportsCrasher[] =
    "A-MIB DEFINITIONS ::= BEGIN\nIMPORTS crasherThing FROM CRASHER-MIB;\n"
    "a OBJECT IDENTIFIER ::= { crasherThing 1 }\nEND\n";

// The report's lines that say a child crashed.
std::vector<std::string> CrashLines(const SmiLoadReport& report) {
  std::vector<std::string> crashes;
  for (const std::string& line : report.errors) {
    if (line.find("crashed") != std::string::npos) crashes.push_back(line);
  }
  return crashes;
}

// Review item 1: a file that crashed libsmi is excluded for good, even when
// another module IMPORTS it (libsmi would find it again on its path); the
// crash is blamed on the file libsmi was reading (the imported one), not
// the importer; every other file still loads.
TEST(SmiLoaderTest, CrashingFileIsExcludedEvenFromImports) {
  TempDir dir;
  const std::string crasher =
      ReadFile(SourceDir() + "/corpus/regressions/smi_loader-libsmi-check-type-usage");
  ASSERT_FALSE(crasher.empty());
  dir.Write("CRASHER-MIB.txt", crasher);
  dir.Write("A-MIB.txt", kImportsCrasher);   // loaded first: reaches the crasher through IMPORTS
  dir.Write("Z-MIB.txt", absl::StrCat("Z", kImportsCrasher + 1));  // after it
  Table table;
  SmiLoadReport report = LoadBesideVendorMib(dir, {}, &table);
  table.Finish();
  const std::vector<std::string> crashes = CrashLines(report);
  ASSERT_EQ(crashes.size(), 1u) << ::testing::PrintToString(report.errors);
  EXPECT_THAT(crashes[0], HasSubstr(dir.path() + "/CRASHER-MIB.txt: libsmi crashed ("));
  // The importers no longer find it: libsmi's own "cannot locate" for each.
  for (const char* importer : {"A-MIB.txt", "Z-MIB.txt"}) {
    EXPECT_THAT(report.errors, Contains(AllOf(HasSubstr(importer), HasSubstr("CRASHER-MIB"))));
  }
  EXPECT_THAT(report.loaded, ::testing::ElementsAre("EXAMPLE-VENDOR-MIB"));
  // Only the user's paths are shown, never the private search directory.
  for (const std::string& line : report.errors) EXPECT_THAT(line, Not(HasSubstr("snmpdissect-mib-")));
}

// A crashing file linked under two names (a symlink beside it, as a MIB
// directory often has for renamed modules): both names go at the first
// crash, so the importer that reaches it again is not blamed for it.
TEST(SmiLoaderTest, CrashingFileIsExcludedUnderEveryName) {
  TempDir dir;
  const std::string crasher =
      ReadFile(SourceDir() + "/corpus/regressions/smi_loader-libsmi-check-type-usage");
  ASSERT_FALSE(crasher.empty());
  dir.Write("CRASHER-MIB.txt", crasher);
  ASSERT_EQ(symlink("CRASHER-MIB.txt", (dir.path() + "/CRASHER-COPY.txt").c_str()), 0);
  dir.Write("A-MIB.txt", kImportsCrasher);
  Table table;
  SmiLoadReport report = LoadBesideVendorMib(dir, {}, &table);
  table.Finish();
  const std::vector<std::string> crashes = CrashLines(report);
  ASSERT_EQ(crashes.size(), 1u) << ::testing::PrintToString(report.errors);
  EXPECT_THAT(crashes[0], HasSubstr("/CRASHER-"));
  EXPECT_THAT(report.errors, Contains(AllOf(HasSubstr("A-MIB.txt"), HasSubstr("CRASHER-MIB"))));
  EXPECT_THAT(report.errors, Not(Contains(HasSubstr("A-MIB.txt: libsmi crashed"))));
  EXPECT_THAT(report.loaded, ::testing::ElementsAre("EXAMPLE-VENDOR-MIB"));
  for (const std::string& line : report.errors) EXPECT_THAT(line, Not(HasSubstr("snmpdissect-mib-")));
}

// libsmi takes time quadratic in the number of siblings under one node: a
// file of many is a hang for a short deadline.
std::string ManySiblings(const std::string& module, int count) {
  std::string text = absl::StrCat(module, " DEFINITIONS ::= BEGIN\nIMPORTS enterprises FROM SNMPv2-SMI;\n",
                                  "b OBJECT IDENTIFIER ::= { enterprises 77 }\n");
  for (int i = 0; i < count; ++i) {
    absl::StrAppend(&text, "o", i, " OBJECT IDENTIFIER ::= { b ", i, " }\n");
  }
  absl::StrAppend(&text, "END\n");
  return text;
}

// Review item 2: the deadline is per file (time without news from the
// child), so a slow file costs itself only, and the whole load has its own
// cap; both are options (the fuzz target's are short).
TEST(SmiLoaderTest, SlowFileTimesOutAloneAndTheWholeLoadHasACap) {
  TempDir dir;
  dir.Write("SLOW-MIB.txt", ManySiblings("SLOW-MIB", 100000));
  Table table;
  SmiLoadOptions options;
  options.file_seconds = 1;
  SmiLoadReport report = LoadBesideVendorMib(dir, options, &table);
  ASSERT_EQ(report.errors.size(), 1u) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.errors[0],
            dir.path() + "/SLOW-MIB.txt: libsmi did not finish in 1 s reading it; left out");
  EXPECT_THAT(report.loaded, ::testing::ElementsAre("EXAMPLE-VENDOR-MIB"));

  // A hang reached through IMPORTS is blamed on the file libsmi had open
  // (the parent reads the child's /proc/PID/fd), not on the importer.
  dir.Write("A-MIB.txt",
            "A-MIB DEFINITIONS ::= BEGIN\nIMPORTS b FROM SLOW-MIB;\n"
            "a OBJECT IDENTIFIER ::= { b 1 }\nEND\n");
  Table imported;
  report = LoadBesideVendorMib(dir, options, &imported);
  ASSERT_FALSE(report.errors.empty());
  EXPECT_EQ(report.errors[0],
            dir.path() + "/SLOW-MIB.txt: libsmi did not finish in 1 s reading it; left out");
  for (const std::string& line : report.errors) {
    EXPECT_THAT(line, Not(HasSubstr("A-MIB.txt: libsmi")));
  }
  EXPECT_THAT(report.errors, Contains(AllOf(HasSubstr("A-MIB.txt"), HasSubstr("SLOW-MIB"))));
  EXPECT_THAT(report.loaded, ::testing::ElementsAre("EXAMPLE-VENDOR-MIB"));

  options.file_seconds = 20;
  options.total_seconds = 1;
  Table t;
  report = LoadBesideVendorMib(dir, options, &t);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], "libsmi did not finish the load in 1 s; no user MIB loaded");
}

// Review item 4: a DISPLAY-HINT is a quoted string and may hold a tab and
// a newline as display-separators (RFC 2579 section 3.1; libsmi accepts
// "1x\n1d\t1o"); written into the tab-separated row stream it split the row.
// Now the fields are length-prefixed: the object with that hint is one
// line naming it and its field, no row is split or made up, and the
// module's other objects load.
TEST(SmiLoaderTest, TabAndNewlineInAHintArriveWhole) {
  const std::string text =
      "H-MIB DEFINITIONS ::= BEGIN\n"
      "IMPORTS enterprises, OBJECT-TYPE FROM SNMPv2-SMI TEXTUAL-CONVENTION FROM SNMPv2-TC;\n"
      "Ht ::= TEXTUAL-CONVENTION\n"
      " DISPLAY-HINT \"1x\n1d\t1o\"\n"
      " STATUS current\n DESCRIPTION \"d\"\n SYNTAX OCTET STRING (SIZE(0..10))\n"
      "h OBJECT IDENTIFIER ::= { enterprises 5 }\n"
      "hv OBJECT-TYPE SYNTAX Ht MAX-ACCESS read-only STATUS current DESCRIPTION \"x\" ::= { h 1 }\n"
      "hw OBJECT-TYPE SYNTAX INTEGER { up(1), down(2) } MAX-ACCESS read-only STATUS current\n"
      " DESCRIPTION \"x\" ::= { h 2 }\n"
      "END\n";
  Table table;
  SmiLoadReport report = LoadSmiText(text, "h.mib", &table);
  table.Finish();
  ASSERT_EQ(report.errors.size(), 1u) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.errors[0],
            "h.mib (H-MIB): hv (1.3.6.1.4.1.5.1): its DISPLAY-HINT \"1x\\x0a1d\\x091o\" holds a tab "
            "or newline; the object is left out");
  EXPECT_EQ(Find(table, {1, 3, 6, 1, 4, 1, 5, 1}), nullptr);
  const Object* h = Find(table, {1, 3, 6, 1, 4, 1, 5});
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->name, "h");
  const Object* hw = Find(table, {1, 3, 6, 1, 4, 1, 5, 2});
  ASSERT_NE(hw, nullptr);
  ASSERT_NE(table.FindEnum(*hw, 2), nullptr);
  EXPECT_EQ(table.FindEnum(*hw, 2)->name, "down");
}

// Review item 5: the child's memory is capped (RLIMIT_DATA past what it had
// at fork); a MIB that needs more is one line naming it, and the others load.
TEST(SmiLoaderTest, MibThatExhaustsTheMemoryCapIsOneLine) {
  TempDir dir;
  dir.Write("HUGE-MIB.txt", ManySiblings("HUGE-MIB", 20000));
  Table table;
  SmiLoadOptions options;
  options.max_child_memory = size_t{kTestMemoryMiB} << 20;
  SmiLoadReport report = LoadBesideVendorMib(dir, options, &table);
  ASSERT_EQ(report.errors.size(), 1u) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.errors[0],
            absl::StrCat(dir.path(), "/HUGE-MIB.txt: libsmi ran out of memory (its cap is ",
                         kTestMemoryMiB, " MiB) reading it; left out"));
  EXPECT_THAT(report.loaded, ::testing::ElementsAre("EXAMPLE-VENDOR-MIB"));
}

// Review item 6: the size cap holds on every way in: a --mib file path
// (libsmi reads a module argument holding '.' or '/' as a file), a module
// found by name in a directory, and the text of LoadSmiText.
TEST(SmiLoaderTest, SizeCapHoldsOnEveryWayIn) {
  Table table;
  SmiLoadOptions options;
  options.max_file_bytes = 100;
  const std::string file = TestData("mibs/EXAMPLE-VENDOR-MIB.txt");
  options.modules = {file};
  SmiLoadReport report = LoadSmiModules(options, &table);
  ASSERT_EQ(report.errors.size(), 1u) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.errors[0], file + ": larger than 100 bytes, not read");
  EXPECT_THAT(report.loaded, IsEmpty());

  options.dirs = {TestData("mibs")};
  options.modules = {"EXAMPLE-VENDOR-MIB"};
  report = LoadSmiModules(options, &table);
  EXPECT_THAT(report.errors, Contains(file + ": larger than 100 bytes, not read"));
  EXPECT_THAT(report.errors, Contains(HasSubstr("--mib EXAMPLE-VENDOR-MIB")));
  EXPECT_THAT(report.loaded, IsEmpty());

  report = LoadSmiText(std::string(101, ' '), "t.mib", &table, options);
  EXPECT_EQ(report.errors, std::vector<std::string>{"t.mib: larger than 100 bytes, not read"});

  // Within the cap, a file path loads.
  options = {};
  options.modules = {file};
  report = LoadSmiModules(options, &table);
  EXPECT_THAT(report.errors, IsEmpty());
  EXPECT_THAT(report.loaded, ::testing::ElementsAre("EXAMPLE-VENDOR-MIB"));
}

// Review item 3: the child's crash that is not libsmi's, in a sanitizer
// build a sanitizer report from our code, must not pass for a libsmi
// failure. The hook runs in the child where libsmi would.
#if defined(SNMPDISSECT_TEST_SANITIZED)
void OverflowInTheChild() {
  char* buffer = new char[8];
  volatile size_t past_the_end = 8;  // not a constant the compiler can flag
  buffer[past_the_end] = 1;          // heap-buffer-overflow: ASan reports it
  delete[] buffer;
}

// ASan alone sees this one (UBSan sees the overflow above first in GCC
// builds, where it is a runtime of its own): both ways must abort.
void UseAfterFreeInTheChild() {
  char* buffer = new char[8];
  delete[] buffer;
  volatile char* dangling = buffer;
  dangling[0] = 1;  // heap-use-after-free
}

TEST(SmiLoaderDeathTest, SanitizerReportInTheChildAbortsTheParent) {
  for (void (*hook)() : {OverflowInTheChild, UseAfterFreeInTheChild}) {
    SmiLoadOptions options;
    options.test_child_hook = hook;
    Table table;
    EXPECT_DEATH(LoadSmiText("", "x.mib", &table, options),
                 "a bug in snmpdissect's loader, not in libsmi");
  }
}
#endif

// A store through a wild pointer, in our code (the test binary), not in
// libsmi or the C library. The address is not a constant, so the compiler
// cannot turn the store into a trap, and it lies in memory ASan's shadow
// covers, so ASan lets the store fault.
void WildStoreInTheChild() {
  volatile uintptr_t wild = 64;
  *reinterpret_cast<volatile int*>(wild) = 1;
}

#if defined(SNMPDISSECT_TEST_SANITIZED)
// The sanitizer reports the fault; its stack names our source.
TEST(SmiLoaderDeathTest, FaultInOurCodeInTheChildAbortsTheParent) {
  SmiLoadOptions options;
  options.test_child_hook = WildStoreInTheChild;
  Table table;
  EXPECT_DEATH(LoadSmiText("", "x.mib", &table, options),
               "a bug in snmpdissect's loader, not in libsmi");
}

// abort() from our code (an assertion, a hardened check) is the guard's
// own signal in every build: the stack past the C library is ours.
TEST(SmiLoaderDeathTest, AbortFromOurCodeInTheChildAbortsTheParent) {
  SmiLoadOptions options;
  options.test_child_hook = [] { std::abort(); };
  Table table;
  EXPECT_DEATH(LoadSmiText("", "x.mib", &table, options),
               "crashed \\(signal 6\\) in snmpdissect's own code: "
               "a bug in snmpdissect's loader, not in libsmi");
}
#else
// The guard sees the faulting instruction is ours.
TEST(SmiLoaderTest, FaultInOurCodeInTheChildIsNamedOurs) {
  SmiLoadOptions options;
  options.test_child_hook = WildStoreInTheChild;
  Table table;
  SmiLoadReport report = LoadSmiText("", "x.mib", &table, options);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0],
            "snmpdissect's MIB loader crashed (signal 11) in its own code, not in libsmi "
            "(a bug: please report it); no user MIB loaded");
}

// A signal raised inside the C library is blamed on the code that called
// it: abort() and raise() from our code are ours.
TEST(SmiLoaderTest, AbortAndRaiseFromOurCodeAreNamedOurs) {
  for (void (*hook)() : {+[] { std::abort(); }, +[] { std::raise(SIGSEGV); }}) {
    SmiLoadOptions options;
    options.test_child_hook = hook;
    Table table;
    SmiLoadReport report = LoadSmiText("", "x.mib", &table, options);
    ASSERT_EQ(report.errors.size(), 1u);
    EXPECT_THAT(report.errors[0], HasSubstr("snmpdissect's MIB loader crashed (signal "));
    EXPECT_THAT(report.errors[0], HasSubstr(") in its own code, not in libsmi"));
  }
}
#endif

TEST(SmiLoaderTest, BaseModulesLoadWithoutErrors) {
  std::vector<SmiBaseModule> modules = SmiBaseModules();
  ASSERT_GE(modules.size(), 10u);
  EXPECT_EQ(modules.front().name, "SNMPv2-SMI");
  Table table;
  SmiLoadReport report = LoadSmiText("", "empty", &table);
  // An empty file is libsmi's syntax error, and the only one: the base
  // modules themselves gave none.
  for (const std::string& line : report.errors) EXPECT_THAT(line, HasSubstr("empty"));
}

}  // namespace
}  // namespace snmpdissect::mib
