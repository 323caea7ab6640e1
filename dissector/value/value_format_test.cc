#include "dissector/value/value_format.h"

#include <string>

#include "gtest/gtest.h"

namespace snmpdissect::value {
namespace {

std::string HexPadded(uint64_t value, int digits) {
  std::string out = "<";
  AppendHexPadded(value, digits, &out);
  return out;
}

TEST(ValueFormatTest, HexPaddedPadsToTheWidthAndNeverCuts) {
  EXPECT_EQ(HexPadded(0, 4), "<0x0000");
  EXPECT_EQ(HexPadded(0x800, 4), "<0x0800");
  EXPECT_EQ(HexPadded(0x2, 2), "<0x02");
  EXPECT_EQ(HexPadded(0x12345, 4), "<0x12345");  // wider than asked: all digits
  EXPECT_EQ(HexPadded(0, 0), "<0x0");
  EXPECT_EQ(HexPadded(UINT64_MAX, 4), "<0xffffffffffffffff");
  EXPECT_EQ(HexPadded(1, 99), "<0x0000000000000001");  // at most 16 digits
}

// A reference the chunked writer must agree with at every length around
// its 64-octet chunks.
std::string SlowHex(const std::string& bytes) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kDigits[b >> 4];
    out += kDigits[b & 0xf];
  }
  return out;
}

TEST(ValueFormatTest, HexBytesAtEveryChunkBoundary) {
  for (size_t length : {0, 1, 63, 64, 65, 127, 128, 129, 1000}) {
    std::string bytes;
    for (size_t i = 0; i < length; ++i) bytes.push_back(static_cast<char>(i * 37 + 11));
    std::string out = "x";
    AppendHexBytes(bytes, &out);
    std::string expected = "x";
    expected += SlowHex(bytes);
    EXPECT_EQ(out, expected) << length;
  }
}

TEST(ValueFormatTest, EtherSeparatesOctetsWithColons) {
  std::string out;
  AppendEther(std::string("\x00\x1b\x21\x0a\x0b\xff", 6), &out);
  EXPECT_EQ(out, "00:1b:21:0a:0b:ff");
  out.clear();
  AppendEther("", &out);
  EXPECT_EQ(out, "");
  AppendEther("\x7f", &out);
  EXPECT_EQ(out, "7f");
}

TEST(ValueFormatTest, TimesAndNumbers) {
  std::string out;
  AppendDecimal(int64_t{-42}, &out);
  out.push_back(' ');
  AppendDecimal(UINT64_MAX, &out);
  EXPECT_EQ(out, "-42 18446744073709551615");
  out.clear();
  AppendRelativeTime(205000, 9, &out);
  EXPECT_EQ(out, "0.000205000");
  out.clear();
  AppendRelativeTime(-1'500'000'000, 3, &out);
  EXPECT_EQ(out, "-1.500");
  out.clear();
  AppendAbsoluteTime(1'795'137'496'481'826'000, &out);
  EXPECT_EQ(out, "Nov 20, 2026 01:18:16.481826000 UTC");
}

}  // namespace
}  // namespace snmpdissect::value
