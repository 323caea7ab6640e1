#include "dissector/print/escape.h"

#include <array>
#include <cstdint>

#include "dissector/print/staged_append.h"

namespace snmpdissect::print {
namespace {

// One lookup per octet for PlainAsciiEnd.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int c = 0x20; c < 0x7f; ++c) plain[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return plain;
}();

// Valid but display-steering code points: C1 controls (0x9b is CSI on some
// terminals), bidi marks and overrides (Unicode TR9; "Trojan Source"), and
// the line / paragraph separators.
bool IsSteering(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
         (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
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
      switch (c) {
        case '\t': staged.Put("\\t"); break;
        case '\n': staged.Put("\\n"); break;
        case '\r': staged.Put("\\r"); break;
        case '\\': staged.Put("\\\\"); break;
        case '"': staged.Put(quotes == EscapeQuotes::kYes ? "\\\"" : "\""); break;
        default:  // the other C0 controls and DEL: plain ASCII went above
          staged.PutHex("\\x", c, 2);
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t length = DecodeUtf8(raw, i, &cp);
    if (length == 0) {
      staged.PutHex("\\x", c, 2);  // one octet at a time: resynchronise after it
      ++i;
    } else if (IsSteering(cp)) {
      staged.PutHex("\\u", cp, 4);
      i += length;
    } else {
      staged.Put(raw.substr(i, length));
      i += length;
    }
  }
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

}  // namespace snmpdissect::print
