#include "dissector/value/escape.h"

#include <array>
#include <cstdint>

#include "dissector/value/staged_append.h"

namespace snmpdissect::value {
namespace {

// One lookup per octet for PlainAsciiEnd.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7f; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// What one output format spells out, and how. The walk over the input (runs
// of plain ASCII, UTF-8 decoding, display-steering code points) is the same
// for every format (EscapeWith); only these choices differ.
struct EscapeTable {
  // Per ASCII octet that is not plain (PlainAsciiEnd): its escape, or empty
  // for `hex_prefix` and `hex_digits` hex digits of the octet.
  std::array<std::string_view, 0x80> ascii;
  std::string_view hex_prefix;
  int hex_digits;
  // An octet that does not start a valid UTF-8 sequence: this text, or
  // empty for the octet in hex as above (one octet at a time, so the walk
  // resynchronises after it).
  std::string_view invalid;
  // Whether the bidi controls (U+061C, U+200E/F, U+202A..E, U+2066..9) are
  // escaped too; the C1 controls and U+2028/U+2029 always are.
  bool bidi;
};

// Tab, newline, carriage return and backslash as in C; the other controls
// and DEL by the hex fallback.
constexpr EscapeTable TextTable(bool quotes) {
  EscapeTable t{};
  t.ascii['\t'] = "\\t";
  t.ascii['\n'] = "\\n";
  t.ascii['\r'] = "\\r";
  t.ascii['\\'] = "\\\\";
  t.ascii['"'] = quotes ? "\\\"" : "\"";
  t.hex_prefix = "\\x";
  t.hex_digits = 2;
  t.bidi = true;
  return t;
}

constexpr EscapeTable kText = TextTable(/*quotes=*/false);
constexpr EscapeTable kTextQuoted = TextTable(/*quotes=*/true);

// RFC 8259 section 7: '"', '\\' and the C0 controls must be escaped; the
// short forms where JSON has them, else \u00XX. Section 8.1: JSON text is
// UTF-8, so an invalid octet becomes U+FFFD. Bidi marks are legal JSON and
// stay (a JSON reader is not a terminal); U+2028/U+2029 are escaped for
// JavaScript consumers, the C1 controls for terminals that show the output.
constexpr EscapeTable kJson = [] {
  EscapeTable t{};
  t.ascii['"'] = "\\\"";
  t.ascii['\\'] = "\\\\";
  t.ascii['\n'] = "\\n";
  t.ascii['\r'] = "\\r";
  t.ascii['\t'] = "\\t";
  t.ascii['\b'] = "\\b";
  t.ascii['\f'] = "\\f";
  t.hex_prefix = "\\u";
  t.hex_digits = 4;
  t.invalid = "\\ufffd";
  t.bidi = false;
  return t;
}();

// Valid but display-steering code points: C1 controls (0x9b is CSI on some
// terminals), the line / paragraph separators, and (with `bidi`) the bidi
// marks and overrides (Unicode TR9; "Trojan Source").
bool IsSteering(uint32_t cp, bool bidi) {
  if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029) return true;
  return bidi && (cp == 0x061c || cp == 0x200e || cp == 0x200f ||
                  (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069));
}

// The one escaper. A template on the table so that each format's entry
// point compiles to the code a hand-written escaper for it would be (the
// table's choices are constants there): the printers run it on every
// string they write.
template <const EscapeTable& kTable>
void EscapeWith(std::string_view raw, StagedAppend& staged) {
  size_t i = 0;
  while (i < raw.size()) {
    const size_t plain_end = PlainAsciiEnd(raw, i);
    if (plain_end != i) {
      staged.Put(raw.substr(i, plain_end - i));
      i = plain_end;
      continue;
    }
    const uint8_t c = static_cast<uint8_t>(raw[i]);
    if (c < 0x80) {
      const std::string_view escape = kTable.ascii[c];
      if (escape.empty()) {
        staged.PutHex(kTable.hex_prefix, c, kTable.hex_digits);
      } else {
        staged.Put(escape);
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t length = DecodeUtf8(raw, i, &cp);
    if (length == 0) {
      if (kTable.invalid.empty()) {
        staged.PutHex(kTable.hex_prefix, c, kTable.hex_digits);
      } else {
        staged.Put(kTable.invalid);
      }
      ++i;
    } else if (IsSteering(cp, kTable.bidi)) {
      staged.PutHex("\\u", cp, 4);
      i += length;
    } else {
      staged.Put(raw.substr(i, length));
      i += length;
    }
  }
}

}  // namespace

size_t PlainAsciiEnd(std::string_view raw, size_t i) {
  const char* const data = raw.data();
  const size_t size = raw.size();
  while (i < size && kPlainAscii[static_cast<uint8_t>(data[i])]) ++i;
  return i;
}

size_t DecodeUtf8(std::string_view raw, size_t i, uint32_t* code_point) {
  const auto at = [&](size_t k) -> int {
    return i + k < raw.size() ? static_cast<uint8_t>(raw[i + k]) : -1;
  };
  const int lead = at(0);
  int length;
  int min_second = 0x80;
  int max_second = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) min_second = 0xa0;  // overlong
    if (lead == 0xed) max_second = 0x9f;  // UTF-16 surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) min_second = 0x90;  // overlong
    if (lead == 0xf4) max_second = 0x8f;  // above U+10FFFF
  } else {
    return 0;  // ASCII is handled by the caller; 80..c1 and f5..ff never lead
  }
  const int second = at(1);
  if (second < min_second || second > max_second) return 0;
  uint32_t cp = static_cast<uint32_t>(lead) & (0xff >> (length + 1));
  for (int k = 1; k < length; ++k) {
    const int c = at(k);
    if (c < 0x80 || c > 0xbf) return 0;
    cp = (cp << 6) | (static_cast<uint32_t>(c) & 0x3f);
  }
  *code_point = cp;
  return static_cast<size_t>(length);
}

void AppendEscaped(std::string_view raw, EscapeQuotes quotes, std::string* out) {
  StagedAppend staged(out);
  if (quotes == EscapeQuotes::kYes) {
    EscapeWith<kTextQuoted>(raw, staged);
  } else {
    EscapeWith<kText>(raw, staged);
  }
}

void AppendJsonString(std::string_view raw, std::string* out) {
  StagedAppend staged(out);
  staged.Put('"');
  EscapeWith<kJson>(raw, staged);
  staged.Put('"');
}

bool IsPrintableText(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size()) {
    i = PlainAsciiEnd(raw, i);
    if (i == raw.size()) break;
    const uint8_t c = static_cast<uint8_t>(raw[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t length = DecodeUtf8(raw, i, &cp);
    if (length == 0 || (cp >= 0x80 && cp <= 0x9f)) return false;
    i += length;
  }
  return true;
}

}  // namespace snmpdissect::value
