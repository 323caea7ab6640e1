#include "dissector/mib/smi_loader.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dissector/mib/core_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

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
    EXPECT_THAT(report.errors[0], HasSubstr("crash.mib: libsmi crashed (signal"));
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
