#include "tools/snmpdissect/options.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace snmpdissect::cli {
namespace {

absl::StatusOr<Options> Parse(std::vector<const char*> args) { return ParseOptions(args); }

TEST(OptionsTest, NoArgumentsMeansNoInput) {
  auto o = Parse({});
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->action, Options::Action::kNone);
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
  EXPECT_EQ(Parse({"-x"}).status().message(), "unknown option '-x'");
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

TEST(OptionsTest, VersionComesFromTheProject) {
  EXPECT_EQ(VersionText(), std::string("snmpdissect ") + SNMPDISSECT_VERSION + "\n");
  EXPECT_EQ(VersionText().rfind("snmpdissect 0.", 0), 0u);
}

TEST(OptionsTest, HelpDocumentsOptionsAndExitStatus) {
  const std::string help = HelpText();
  for (const char* s : {"--hex HEX", "--hex -", "--help", "--version", "Exit status",
                        "  0 ", "  1 ", "  2 "}) {
    EXPECT_NE(help.find(s), std::string::npos) << s;
  }
}

}  // namespace
}  // namespace snmpdissect::cli

namespace snmpdissect::cli {
namespace {

TEST(OptionsUsersTest, UsersFilesFromBothSpellingsInOrder) {
  auto o = ParseOptions(std::vector<const char*>{"--users", "a", "-o", "snmp.users_file:b",
                                                 "--users=c", "-osnmp.users_file:d"});
  ASSERT_TRUE(o.ok()) << o.status();
  EXPECT_EQ(o->users_files, (std::vector<std::string>{"a", "b", "c", "d"}));
}

TEST(OptionsUsersTest, InlineUsersAreParsedAndTheirErrorsHideThePassword) {
  auto o = ParseOptions(std::vector<const char*>{
      "--user", "alice:SHA2-256:pass\\:word:AES256C:privpass:80001f8804616263", "--user=bob:NONE"});
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
            "-o: unknown preference 'snmp.var_in_tree' (this tool knows snmp.users_file)");
  o = ParseOptions(std::vector<const char*>{"-o", "nocolon"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(), "-o 'nocolon': expected PREFERENCE:VALUE");
  o = ParseOptions(std::vector<const char*>{"--users"});
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().message(), "option '--users' needs an argument");
}

}  // namespace
}  // namespace snmpdissect::cli
