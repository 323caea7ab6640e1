#include "tools/snmpdissect/options.h"

#include <string>
#include <vector>

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
