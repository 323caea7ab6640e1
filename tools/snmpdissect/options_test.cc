#include "tools/snmpdissect/options.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tools/snmpdissect/option_table.h"

namespace snmpdissect::cli {
namespace {

absl::StatusOr<Options> Parse(std::vector<const char*> args) { return ParseOptions(args); }

TEST(OptionsTest, NoArgumentsIsAnErrorThatSaysWhatToGive) {
  EXPECT_EQ(Parse({}).status().message(), "no input: give -r FILE, -i INTERFACE or --hex HEX");
  EXPECT_EQ(Parse({"-V"}).status().message(),
            "no input: give -r FILE, -i INTERFACE or --hex HEX");
}

TEST(OptionsTest, HexTakesTheNextArgumentOrAnEqualsValue) {
  auto o = Parse({"--hex", "30 00"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->action, Options::Action::kHex);
  EXPECT_EQ(o->hex, "30 00");
  o = Parse({"--hex=3000"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->hex, "3000");
  o = Parse({"--hex", "-"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->action, Options::Action::kHexStdin);
  o = Parse({"--hex=-"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->action, Options::Action::kHexStdin);
  // The value may look like an option: it is the argument of --hex.
  o = Parse({"--hex", "--help"});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->action, Options::Action::kHex);
}

TEST(OptionsTest, HelpAndVersionEndParsing) {
  EXPECT_EQ(Parse({"--help"})->action, Options::Action::kHelp);
  EXPECT_EQ(Parse({"-h", "--bogus"})->action, Options::Action::kHelp);
  EXPECT_EQ(Parse({"--hex", "00", "--version"})->action, Options::Action::kVersion);
}

TEST(OptionsTest, ErrorsNameTheArgument) {
  EXPECT_EQ(Parse({"--foo"}).status().message(), "unknown option '--foo'");
  EXPECT_EQ(Parse({"-k"}).status().message(), "unknown option '-k'");
  EXPECT_EQ(Parse({"-Vk"}).status().message(), "unknown option '-k' in '-Vk'");
  EXPECT_EQ(Parse({"-z"}).status().message(), "option '-z' needs an argument");
  EXPECT_EQ(Parse({"--verbose"}).status().message(), "unknown option '--verbose'");
  EXPECT_EQ(Parse({"--help=x"}).status().message(), "option '--help' takes no argument");
  EXPECT_EQ(Parse({"-r"}).status().message(), "option '-r' needs an argument");
  EXPECT_EQ(Parse({"--hex"}).status().message(), "option '--hex' needs an argument");
  EXPECT_EQ(Parse({"capture.pcap"}).status().message(),
            "unexpected argument 'capture.pcap'");
  EXPECT_EQ(Parse({"-"}).status().message(), "unexpected argument '-'");
  EXPECT_EQ(Parse({"--hex", "00", "--hex", "01"}).status().message(),
            "option '--hex' given more than once");
  EXPECT_EQ(Parse({"--bogus", "--help"}).status().message(), "unknown option '--bogus'");
}

TEST(OptionsTest, ErrorsEscapeTheArgument) {
  // The message goes to a terminal: an argument cannot smuggle escapes in.
  EXPECT_EQ(Parse({"--\x1b[2J"}).status().message(), "unknown option '--\\x1b[2J'");
}

TEST(OptionsTest, CaptureInputs) {
  auto o = Parse({"-r", "walk.pcap"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->action, Options::Action::kRead);
  EXPECT_EQ(o->path, "walk.pcap");
  EXPECT_EQ(o->format, Options::Format::kSummary);
  o = Parse({"-r-"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->path, "-");
  o = Parse({"-i", "lo", "-c", "10", "-f", "udp port 161"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->action, Options::Action::kLive);
  EXPECT_EQ(o->interface, "lo");
  EXPECT_EQ(o->count, 10u);
  EXPECT_EQ(o->filter, "udp port 161");
  EXPECT_EQ(Parse({"-r", "a", "-i", "lo"}).status().message(),
            "options '-r' and '-i' both name an input; give one");
  EXPECT_EQ(Parse({"-r", "a", "-r", "b"}).status().message(), "option '-r' given more than once");
  EXPECT_EQ(Parse({"-r", ""}).status().message(), "-r: empty file name");
}

TEST(OptionsTest, BundledLettersAsGetoptReadsThem) {
  // "-nr FILE": flags, then the value-taking letter takes the next word.
  auto o = Parse({"-nr", "walk.pcap", "-Vxq2"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->path, "walk.pcap");
  EXPECT_EQ(o->format, Options::Format::kTree);
  EXPECT_TRUE(o->hex_dump);
  EXPECT_TRUE(o->quiet);
  EXPECT_TRUE(o->two_pass);
  EXPECT_FALSE(o->resolve_names);  // -n: no MIB names
  // ... or the rest of its own word.
  o = Parse({"-c5", "-rwalk.pcap"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->count, 5u);
  EXPECT_EQ(o->path, "walk.pcap");
  EXPECT_TRUE(o->resolve_names);  // MIB names by default
}

TEST(OptionsTest, CountsMustBePositiveNumbers) {
  for (const char* bad : {"0", "-1", "ten", "", "5x", "99999999999999999999999"}) {
    EXPECT_EQ(Parse({"-r", "a", "-c", bad}).status().message(),
              std::string("-c: '") + bad + "' is not a positive packet count")
        << bad;
  }
}

TEST(OptionsTest, CaptureBufferInMebibytes) {
  absl::StatusOr<Options> o = Parse({"-i", "lo", "-B", "64"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->buffer_mib, 64);
  EXPECT_EQ(Parse({"-i", "lo"})->buffer_mib, 0) << "0: the capture's default";
  // pcap_set_buffer_size takes an int of bytes.
  for (const char* bad : {"0", "-1", "2048", "two", "", "8M"}) {
    EXPECT_EQ(Parse({"-i", "lo", "-B", bad}).status().message(),
              std::string("-B: '") + bad + "' is not a buffer size in MiB (1 to 2047)")
        << bad;
  }
}

TEST(OptionsTest, OutputFormats) {
  EXPECT_EQ(Parse({"-r", "a", "-T", "json"})->format, Options::Format::kJson);
  EXPECT_EQ(Parse({"-r", "a", "-T", "ndjson"})->format, Options::Format::kNdjson);
  EXPECT_EQ(Parse({"-r", "a", "-T", "ek"})->format, Options::Format::kEk);
  EXPECT_EQ(Parse({"-r", "a", "-T", "text"})->format, Options::Format::kSummary);
  EXPECT_EQ(Parse({"-r", "a", "-T", "text", "-V"})->format, Options::Format::kTree);
  auto o = Parse({"-r", "a", "-O", "snmp,udp"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->format, Options::Format::kTree);  // -O shows details, as in tshark
  EXPECT_EQ(o->expand_only, (std::vector<std::string>{"snmp", "udp"}));
  o = Parse({"-r", "a", "-T", "fields", "-e", "snmp.name", "-e", "frame.number", "-E",
             "header=y"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->fields, (std::vector<std::string>{"snmp.name", "frame.number"}));
  EXPECT_EQ(o->field_settings, (std::vector<std::string>{"header=y"}));

  EXPECT_EQ(Parse({"-r", "a", "-T", "pdml"}).status().message(),
            "-T: unknown format 'pdml' (text, json, ndjson, fields or ek)");
  EXPECT_EQ(Parse({"-r", "a", "-T", "fields"}).status().message(),
            "-T fields needs at least one -e FIELD");
  EXPECT_EQ(Parse({"-r", "a", "-e", "snmp.name"}).status().message(), "-e needs -T fields");
  EXPECT_EQ(Parse({"-r", "a", "-E", "header=y"}).status().message(), "-E needs -T fields");
  EXPECT_EQ(Parse({"-r", "a", "-T", "json", "-V"}).status().message(),
            "-V applies to text output, not -T json");
  EXPECT_EQ(Parse({"-r", "a", "-O", "snmp,"}).status().message(),
            "-O: empty protocol name in 'snmp,'");
}

TEST(OptionsTest, TwoPassNeedsAFileItCanReread) {
  EXPECT_TRUE(Parse({"-2", "-r", "a"}).ok());
  EXPECT_EQ(Parse({"-2", "-r", "-"}).status().message(),
            "-2 needs a file it can read twice (-r FILE, not -r -)");
  EXPECT_EQ(Parse({"-2", "-i", "lo"}).status().message(),
            "-2 needs a file it can read twice (-r FILE, not -i)");
}

TEST(OptionsTest, HexInputRefusesCaptureOptions) {
  EXPECT_TRUE(Parse({"--hex", "00", "-V", "-q"}).ok());
  EXPECT_EQ(Parse({"--hex", "00", "-T", "json"}).status().message(),
            "option '-T' applies to captures (-r, -i); --hex prints each message's tree");
  EXPECT_EQ(Parse({"-c", "3", "--hex", "-"}).status().message(),
            "option '-c' applies to captures (-r, -i); --hex prints each message's tree");
}

TEST(OptionsTest, DecodeAsSpecsAreKeptInOrder) {
  auto o = Parse({"-r", "a", "-d", "udp.port==1161,snmp", "-d", "tcp.port==1161,snmp"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->decode_as,
            (std::vector<std::string>{"udp.port==1161,snmp", "tcp.port==1161,snmp"}));
}

TEST(OptionsTest, VersionComesFromTheProject) {
  EXPECT_EQ(VersionText(), std::string("snmpdissect ") + SNMPDISSECT_VERSION + "\n");
  EXPECT_EQ(VersionText().rfind("snmpdissect 0.", 0), 0u);
}

TEST(OptionsTest, HelpDocumentsOptionsAndExitStatus) {
  const std::string help = HelpText();
  for (const char* s : {"--hex HEX", "--hex -", "Exit status", "  0 ", "  1 ", "  2 "}) {
    EXPECT_NE(help.find(s), std::string::npos) << s;
  }
  // Every option of the table, as its row spells it, and no line too wide.
  for (const OptionSpec& spec : OptionTable()) {
    if (spec.letter != '\0') {
      const std::string spelled = std::string("  -") + spec.letter +
                                  (spec.value_name ? std::string(" ") + spec.value_name : "");
      EXPECT_NE(help.find(spelled), std::string::npos) << spelled;
    }
    if (spec.long_name != nullptr) {
      EXPECT_NE(help.find(spec.long_name), std::string::npos);
    }
  }
  for (std::string_view rest = help; !rest.empty();) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    EXPECT_LE(end, 78u) << rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
}

TEST(OptionsTest, TheTableNamesEachOptionOnce) {
  std::set<char> letters;
  std::set<std::string> names;
  for (const OptionSpec& spec : OptionTable()) {
    EXPECT_TRUE(spec.letter != '\0' || spec.long_name != nullptr);
    if (spec.letter != '\0') {
      EXPECT_TRUE(letters.insert(spec.letter).second) << spec.letter;
    }
    if (spec.long_name != nullptr) {
      EXPECT_TRUE(names.insert(spec.long_name).second) << spec.long_name;
    }
    EXPECT_EQ(FindShortOption(spec.letter), spec.letter ? &spec : nullptr);
    if (spec.long_name != nullptr) {
      EXPECT_EQ(FindLongOption(spec.long_name), &spec);
    }
  }
}

}  // namespace
}  // namespace snmpdissect::cli

namespace snmpdissect::cli {
namespace {

TEST(OptionsUsersTest, UsersFilesFromBothSpellingsInOrder) {
  auto o = ParseOptions(std::vector<const char*>{"--users", "a", "-o", "snmp.users_file:b",
                                                 "--users=c", "-osnmp.users_file:d", "--hex",
                                                 "00"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->users_files, (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(OptionsMibTest, MibDirsFromBothSpellingsAndModulesInOrder) {
  auto o = ParseOptions(std::vector<const char*>{"--mib-dir", "a", "-o", "snmp.mib_path:b",
                                                 "--mib-dir=c", "--mib", "X-MIB", "--mib=ALL",
                                                 "--hex", "00"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->mib_dirs, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(o->mib_modules, (std::vector<std::string>{"X-MIB", "ALL"}));
  for (const char* bad : {"--mib-dir=", "--mib="}) {
    auto e = ParseOptions(std::vector<const char*>{bad, "--hex", "00"});
    EXPECT_FALSE(e.ok()) << bad;
  }
  auto e = ParseOptions(std::vector<const char*>{"-o", "snmp.mib_path:", "--hex", "00"});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().message(), "-o snmp.mib_path: empty directory name");
}

TEST(OptionsUsersTest, InlineUsersAreParsedAndTheirErrorsHideThePassword) {
  auto o = ParseOptions(std::vector<const char*>{
      "--user", "alice:SHA2-256:pass\\:word:AES256C:privpass:80001f8804616263", "--user=bob:NONE",
      "-r", "x.pcap"});
  ASSERT_TRUE(o.ok()) << o.status();
  ASSERT_EQ(o->users.size(), 2u);
  EXPECT_EQ(o->users[0].name, "alice");
  EXPECT_EQ(o->users[0].auth, usm::AuthProtocol::kSha256);
  EXPECT_EQ(o->users[0].auth_password, "pass:word");
  EXPECT_EQ(o->users[0].priv, usm::PrivProtocol::kAes256Reeder);
  EXPECT_EQ(o->users[0].engine_id, std::string("\x80\x00\x1f\x88\x04" "abc", 8));
  EXPECT_EQ(o->users[1].auth, usm::AuthProtocol::kNone);

  auto bad = ParseOptions(std::vector<const char*>{"--user", "alice:MD5:S3cretPassw0rd:AES9:x"});
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(absl::StartsWith(std::string(bad.status().message()), "--user: "));
  EXPECT_EQ(std::string(bad.status().message()).find("S3cret"), std::string::npos);
}

TEST(OptionsUsersTest, PreferencesOtherThanTheUsersFileAreErrors) {
  auto o = ParseOptions(std::vector<const char*>{"-o", "snmp.var_in_tree:TRUE"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(),
            "-o: unknown preference 'snmp.var_in_tree' (this tool knows snmp.users_file and "
            "snmp.mib_path)");
  o = ParseOptions(std::vector<const char*>{"-o", "nocolon"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(), "-o 'nocolon': expected PREFERENCE:VALUE");
  o = ParseOptions(std::vector<const char*>{"--users"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(), "option '--users' needs an argument");
}

}  // namespace
}  // namespace snmpdissect::cli
