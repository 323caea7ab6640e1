#include "tools/snmpdissect/hex_input.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace snmpdissect::cli {
namespace {

std::vector<uint8_t> Ok(std::string_view text) {
  std::vector<uint8_t> out;
  std::string error;
  EXPECT_TRUE(ParseHex(text, &out, &error)) << text << ": " << error;
  return out;
}

std::string Error(std::string_view text) {
  std::vector<uint8_t> out;
  std::string error;
  EXPECT_FALSE(ParseHex(text, &out, &error)) << text;
  return error;
}

TEST(HexInputTest, AcceptsSpacesColonsAndEitherCase) {
  const std::vector<uint8_t> expected = {0x30, 0x03, 0x02, 0x01, 0xab};
  EXPECT_EQ(Ok("300302 01ab"), expected);
  EXPECT_EQ(Ok("30:03:02:01:AB"), expected);
  EXPECT_EQ(Ok(" 30 03\t02 01 ab \r"), expected);
  EXPECT_EQ(Ok("3 0 0 3 0201ab"), expected);  // separators anywhere
}

TEST(HexInputTest, RejectsWithoutEchoingTheInput) {
  EXPECT_EQ(Error("zz"), "unexpected character at column 1");
  EXPECT_EQ(Error("30 0x03"), "unexpected character at column 5");
  EXPECT_EQ(Error("30\x1b[2J"), "unexpected character at column 3");
  EXPECT_EQ(Error("300"), "odd number of hex digits");
  EXPECT_EQ(Error(""), "no hex digits");
  EXPECT_EQ(Error(" : "), "no hex digits");
  EXPECT_EQ(Error(std::string_view("30\0" "00", 5)), "unexpected character at column 3");
}

TEST(HexInputTest, ReusesTheOutputVector) {
  std::vector<uint8_t> out = {1, 2, 3, 4, 5, 6, 7, 8};
  std::string error;
  ASSERT_TRUE(ParseHex("ff", &out, &error));
  EXPECT_EQ(out, std::vector<uint8_t>{0xff});
}

TEST(HexInputTest, StripCommentKeepsTheHex) {
  EXPECT_EQ(StripComment("  3000  # a comment"), "3000");
  EXPECT_EQ(StripComment("# only a comment"), "");
  EXPECT_EQ(StripComment("   \t\r"), "");
  EXPECT_EQ(StripComment("30 00"), "30 00");
}

}  // namespace
}  // namespace snmpdissect::cli
