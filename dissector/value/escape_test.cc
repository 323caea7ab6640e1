#include "dissector/value/escape.h"

#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace snmpdissect::value {
namespace {

std::string Escaped(std::string_view raw, EscapeQuotes quotes = EscapeQuotes::kNo) {
  std::string out;
  AppendEscaped(raw, quotes, &out);
  return out;
}

// No byte a terminal acts on survives: no C0 control, DEL, C1 control (raw
// or UTF-8 encoded), and the result is valid UTF-8.
void ExpectTerminalSafe(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const uint8_t c = static_cast<uint8_t>(s[i]);
    EXPECT_FALSE(c < 0x20 || c == 0x7f) << "control at " << i << " in " << s;
    if (c == 0xc2 && i + 1 < s.size()) {
      const uint8_t next = static_cast<uint8_t>(s[i + 1]);
      EXPECT_FALSE(next >= 0x80 && next <= 0x9f) << "C1 at " << i;
    }
  }
  EXPECT_TRUE(IsPrintableText(s)) << s;
}

TEST(EscapeTest, PlainTextIsUnchanged) {
  EXPECT_EQ(Escaped("Linux host 5.10 #1 SMP"), "Linux host 5.10 #1 SMP");
  EXPECT_EQ(Escaped("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
            "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");  // é € 😀
}

TEST(EscapeTest, TerminalEscapeSequencesAreSpelledOut) {
  // Cursor movement, colour, window title (OSC 0 ... BEL), clear screen.
  EXPECT_EQ(Escaped("\x1b[2J\x1b[H"), "\\x1b[2J\\x1b[H");
  EXPECT_EQ(Escaped("\x1b]0;pwned\x07"), "\\x1b]0;pwned\\x07");
  EXPECT_EQ(Escaped("red\x1b[31mtext"), "red\\x1b[31mtext");
  EXPECT_EQ(Escaped(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(Escaped("\x7f\x08"), "\\x7f\\x08");
  EXPECT_EQ(Escaped("line1\r\nline2\tx"), "line1\\r\\nline2\\tx");
}

TEST(EscapeTest, BackslashAndQuotesAreUnambiguous) {
  EXPECT_EQ(Escaped("\\x1b"), "\\\\x1b");  // literal text, not an ESC
  EXPECT_EQ(Escaped("say \"hi\""), "say \"hi\"");
  EXPECT_EQ(Escaped("say \"hi\"", EscapeQuotes::kYes), "say \\\"hi\\\"");
}

TEST(EscapeTest, C1AndBidiControlsAreEscapedEvenWhenValidUtf8) {
  EXPECT_EQ(Escaped("\xc2\x9b" "31m"), "\\u009b31m");        // CSI
  EXPECT_EQ(Escaped("abc\xe2\x80\xae" "cba"), "abc\\u202ecba");  // RLO
  EXPECT_EQ(Escaped("\xe2\x81\xa6"), "\\u2066");              // LRI
  EXPECT_EQ(Escaped("\xe2\x80\xa8"), "\\u2028");              // line separator
}

TEST(EscapeTest, InvalidUtf8IsEscapedPerOctet) {
  EXPECT_EQ(Escaped("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(Escaped("\x9b"), "\\x9b");                    // raw 8-bit CSI
  EXPECT_EQ(Escaped("\xc0\xaf"), "\\xc0\\xaf");           // overlong '/'
  EXPECT_EQ(Escaped("\xe0\x80\xaf"), "\\xe0\\x80\\xaf");  // overlong
  EXPECT_EQ(Escaped("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // surrogate
  EXPECT_EQ(Escaped("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // > U+10FFFF
  EXPECT_EQ(Escaped("ok\xe2\x82"), "ok\\xe2\\x82");       // truncated at the end
  EXPECT_EQ(Escaped("\xe2\x82" "A"), "\\xe2\\x82" "A");   // resynchronises
}

TEST(EscapeTest, EveryByteValueComesOutSafe) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  ExpectTerminalSafe(Escaped(all));
  ExpectTerminalSafe(Escaped(all + all, EscapeQuotes::kYes));
  // Every two-octet combination, which covers all truncated sequences.
  for (int a = 0x80; a < 0x100; ++a) {
    for (int b = 0; b < 0x100; b += 7) {
      const char pair[2] = {static_cast<char>(a), static_cast<char>(b)};
      ExpectTerminalSafe(Escaped(std::string_view(pair, 2)));
    }
  }
}

std::string Json(std::string_view raw) {
  std::string out;
  AppendJsonString(raw, &out);
  return out;
}

using Pieces = std::vector<std::pair<std::string, std::string>>;

// Output is staged in a 256-octet buffer: pieces must come out whole and in
// order wherever the buffer fills, and runs longer than it pass straight
// through. `escape` turns the concatenated inputs into `open` + the
// concatenated outputs + `close`.
void ExpectWholeAcrossStagingBoundaries(const Pieces& pieces,
                                        std::string (*escape)(std::string_view),
                                        const std::string& open, const std::string& close) {
  for (size_t stride = 1; stride <= 7; ++stride) {
    std::string raw;
    std::string expected = open;
    for (size_t i = 0; raw.size() < 3000; i += stride) {
      const auto& [in, out] = pieces[i % pieces.size()];
      raw += in;
      expected += out;
    }
    expected += close;
    EXPECT_EQ(escape(raw), expected) << "stride " << stride;
  }
}

TEST(EscapeTest, LongMixedTextAcrossStagingBoundaries) {
  ExpectWholeAcrossStagingBoundaries(
      {{"a", "a"},
       {"\x01", "\\x01"},
       {"\\", "\\\\"},
       {"\t", "\\t"},
       {"\xe2\x80\xae", "\\u202e"},
       {"\xc3\xa9", "\xc3\xa9"},
       {"\xff", "\\xff"},
       {std::string(300, 'p'), std::string(300, 'p')}},
      [](std::string_view raw) { return Escaped(raw); }, "", "");
}

TEST(EscapeTest, LongJsonStringsAcrossStagingBoundaries) {
  ExpectWholeAcrossStagingBoundaries(
      {{"a", "a"},
       {"\x01", "\\u0001"},
       {"\"", "\\\""},
       {"\n", "\\n"},
       {"\x7f", "\\u007f"},
       {"\xe2\x80\xa8", "\\u2028"},
       {"\xff", "\\ufffd"},
       {"\xc3\xa9", "\xc3\xa9"},
       {std::string(300, 'p'), std::string(300, 'p')}},
      Json, "\"", "\"");
}

// The JSON table: JSON's own short escapes, \u00XX for the other controls,
// U+FFFD for invalid octets; bidi marks are legal JSON and stay, the C1
// controls and U+2028/U+2029 do not.
TEST(EscapeTest, JsonSpellsWhatJsonRequires) {
  EXPECT_EQ(Json("say \"hi\" \\ now"), "\"say \\\"hi\\\" \\\\ now\"");
  EXPECT_EQ(Json("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(Json("\x1b[31m\x7f"), "\"\\u001b[31m\\u007f\"");
  EXPECT_EQ(Json("\xc0\xaf!"), "\"\\ufffd\\ufffd!\"");
  EXPECT_EQ(Json("\xc2\x9b\xe2\x80\xa9"), "\"\\u009b\\u2029\"");
  EXPECT_EQ(Json("abc\xe2\x80\xae" "cba"), "\"abc\xe2\x80\xae" "cba\"");
}

TEST(EscapeTest, PlainAsciiEndStopsAtWhatNeedsEscaping) {
  EXPECT_EQ(PlainAsciiEnd("abc", 0), 3u);
  EXPECT_EQ(PlainAsciiEnd("abc", 3), 3u);
  EXPECT_EQ(PlainAsciiEnd("ab\"c", 0), 2u);
  EXPECT_EQ(PlainAsciiEnd("ab\\c", 1), 2u);
  EXPECT_EQ(PlainAsciiEnd("a\x7f", 0), 1u);
  EXPECT_EQ(PlainAsciiEnd("a\x1f", 0), 1u);
  EXPECT_EQ(PlainAsciiEnd("a\x80", 0), 1u);
  EXPECT_EQ(PlainAsciiEnd(" ~", 0), 2u);
}

TEST(EscapeTest, PrintableTextDecidesTextOrHex) {
  EXPECT_TRUE(IsPrintableText("Linux host 5.10"));
  EXPECT_TRUE(IsPrintableText(""));
  EXPECT_TRUE(IsPrintableText("Cisco IOS\r\nTechnical Support"));
  EXPECT_TRUE(IsPrintableText("caf\xc3\xa9"));
  EXPECT_FALSE(IsPrintableText(std::string("abc\0", 4)));
  EXPECT_FALSE(IsPrintableText("\x1b[31m"));
  EXPECT_FALSE(IsPrintableText("\x80\x01"));
  EXPECT_FALSE(IsPrintableText("\xc2\x9b"));
}

}  // namespace
}  // namespace snmpdissect::value
