#include "dissector/print/escape.h"

#include <cstdint>

namespace snmpdissect::print {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

// Valid but display-steering code points: C1 controls (0x9b is CSI on some
// terminals), bidi marks and overrides (Unicode TR9; "Trojan Source"), and
// the line / paragraph separators.
bool IsSteering(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c || cp == 0x200e || cp == 0x200f ||
         (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

void AppendHexByte(uint8_t b, std::string* out) {
  out->append("\\x");
  out->push_back(kHexDigits[b >> 4]);
  out->push_back(kHexDigits[b & 0xf]);
}

void AppendCodePoint(uint32_t cp, std::string* out) {
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHexDigits[(cp >> shift) & 0xf]);
}

}  // namespace

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
  size_t i = 0;
  while (i < raw.size()) {
    const uint8_t c = static_cast<uint8_t>(raw[i]);
    if (c < 0x80) {
      switch (c) {
        case '\t': out->append("\\t"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\\': out->append("\\\\"); break;
        case '"':
          out->append(quotes == EscapeQuotes::kYes ? "\\\"" : "\"");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            AppendHexByte(c, out);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const size_t length = DecodeUtf8(raw, i, &cp);
    if (length == 0) {
      AppendHexByte(c, out);  // one octet at a time: resynchronise after it
      ++i;
    } else if (IsSteering(cp)) {
      AppendCodePoint(cp, out);
      i += length;
    } else {
      out->append(raw.substr(i, length));
      i += length;
    }
  }
}

bool IsPrintableText(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size()) {
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
