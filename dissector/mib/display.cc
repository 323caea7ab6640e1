#include "dissector/mib/display.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstddef>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace snmpdissect::mib {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads decimal digits at *at (at most 9, so no overflow); false if none.
bool ReadNumber(std::string_view text, size_t* at, uint32_t* value) {
  const size_t start = *at;
  *value = 0;
  while (*at < text.size() && IsDigit(text[*at]) && *at - start < 9) {
    *value = *value * 10 + static_cast<uint32_t>(text[*at] - '0');
    ++*at;
  }
  return *at > start;
}

// One octet-format specification (RFC 2579 section 3.1).
struct Spec {
  bool repeat = false;   // '*': the first octet is a repeat count
  uint32_t length = 0;   // octets per application
  char format = 0;       // x d o a t
  char separator = 0;    // 0: none
  char terminator = 0;   // 0: none (only with repeat)
};

// Parses the spec at *at; false when malformed.
bool ReadSpec(std::string_view hint, size_t* at, Spec* spec) {
  *spec = Spec{};
  if (*at < hint.size() && hint[*at] == '*') {
    spec->repeat = true;
    ++*at;
  }
  if (!ReadNumber(hint, at, &spec->length) || *at >= hint.size()) return false;
  spec->format = hint[(*at)++];
  switch (spec->format) {
    case 'x': case 'd': case 'o':
      // Network-order unsigned numbers: 8 octets fit a uint64.
      if (spec->length == 0 || spec->length > 8) return false;
      break;
    case 'a': case 't':
      break;
    default:
      return false;
  }
  if (*at < hint.size() && !IsDigit(hint[*at]) && hint[*at] != '*') {
    spec->separator = hint[(*at)++];
    if (spec->repeat && *at < hint.size() && !IsDigit(hint[*at]) && hint[*at] != '*') {
      spec->terminator = hint[(*at)++];
    }
  }
  return true;
}

// Formats up to spec.length octets at *at.
void AppendOne(const Spec& spec, std::string_view octets, size_t* at, std::string* out) {
  const size_t n = std::min<size_t>(spec.length, octets.size() - *at);
  const std::string_view part = octets.substr(*at, n);
  *at += n;
  if (spec.format == 'a' || spec.format == 't') {
    out->append(part);
    return;
  }
  uint64_t v = 0;
  for (const char c : part) v = (v << 8) | static_cast<uint8_t>(c);
  switch (spec.format) {
    case 'x':
      absl::StrAppendFormat(out, "%0*x", static_cast<int>(2 * n), v);
      break;
    case 'o':
      absl::StrAppendFormat(out, "%o", v);
      break;
    default:
      absl::StrAppend(out, v);
      break;
  }
}

void AppendScaled(int64_t value, uint32_t decimals, std::string* out) {
  // "d-2": 1234 -> "12.34" (RFC 2579 section 3.1, the integer hint).
  const bool negative = value < 0;
  const uint64_t magnitude =
      negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  char buffer[48];
  char* const end = buffer + sizeof(buffer);
  char* begin = std::to_chars(buffer + 24, end, magnitude).ptr;  // digits in [24, begin)
  std::string_view digits(buffer + 24, static_cast<size_t>(begin - (buffer + 24)));
  if (negative) out->push_back('-');
  if (digits.size() <= decimals) {
    out->append("0.");
    out->append(decimals - digits.size(), '0');
    out->append(digits);
    return;
  }
  out->append(digits.substr(0, digits.size() - decimals));
  out->push_back('.');
  out->append(digits.substr(digits.size() - decimals));
}

}  // namespace

bool AppendHinted(std::string_view hint, std::string_view octets, std::string* out) {
  const size_t start_size = out->size();
  size_t h = 0;
  size_t at = 0;
  Spec spec;
  bool have = false;
  // RFC 2579 section 3.1: the last spec is reused until the octets run out;
  // a hint that consumes no octet per round (length 0 without repeat)
  // could not progress, so it is refused.
  while (at < octets.size()) {
    if (h < hint.size()) {
      if (!ReadSpec(hint, &h, &spec)) {
        out->resize(start_size);
        return false;
      }
      have = true;
    } else if (!have) {
      return false;
    }
    uint32_t rounds = 1;
    if (spec.repeat) {
      rounds = static_cast<uint8_t>(octets[at++]);
    } else if (spec.length == 0) {
      out->resize(start_size);
      return false;
    }
    for (uint32_t r = 0; r < rounds && at < octets.size(); ++r) {
      if (spec.length == 0) break;
      AppendOne(spec, octets, &at, out);
      const bool last_round = r + 1 == rounds;
      if (at < octets.size()) {
        if (last_round && spec.terminator != 0) {
          out->push_back(spec.terminator);
        } else if (spec.separator != 0) {
          out->push_back(spec.separator);
        }
      }
    }
  }
  return have || octets.empty();
}

bool AppendIntegerDisplay(const Table& table, const Object& object, int64_t value,
                          std::string* out) {
  if (const NamedNumber* named = table.FindEnum(object, value); named != nullptr) {
    out->append(named->name);
    absl::StrAppend(out, "(", value, ")");
    return true;
  }
  const std::string_view hint = object.hint;
  if (hint.empty()) return false;
  if (hint[0] == 'd') {
    if (hint.size() == 1) return false;  // plain decimal: the raw value says it
    size_t at = 2;
    uint32_t decimals = 0;
    if (hint[1] != '-' || !ReadNumber(hint, &at, &decimals) || at != hint.size() ||
        decimals == 0 || decimals > 20) {
      return false;
    }
    AppendScaled(value, decimals, out);
    return true;
  }
  if (hint.size() != 1) return false;
  const uint64_t bits = static_cast<uint64_t>(value);
  switch (hint[0]) {
    case 'x': absl::StrAppendFormat(out, "%x", bits); return true;
    case 'o': absl::StrAppendFormat(out, "%o", bits); return true;
    case 'b': {
      if (bits == 0) {
        out->push_back('0');
        return true;
      }
      int top = 63;
      while (((bits >> top) & 1) == 0) --top;
      for (int i = top; i >= 0; --i) out->push_back(((bits >> i) & 1) != 0 ? '1' : '0');
      return true;
    }
    default: return false;
  }
}

bool AppendOctetsDisplay(const Table& table, const Object& object, std::string_view octets,
                         std::string* out) {
  if (object.base == BaseType::kBits) {
    // Bit 0 is the high-order bit of the first octet (RFC 2578 section 7.1.4).
    bool first = true;
    for (size_t i = 0; i < octets.size() * 8; ++i) {
      if ((static_cast<uint8_t>(octets[i / 8]) & (0x80 >> (i % 8))) == 0) continue;
      if (!first) out->append(", ");
      first = false;
      const NamedNumber* named = table.FindEnum(object, static_cast<int64_t>(i));
      if (named != nullptr) {
        out->append(named->name);
        absl::StrAppend(out, "(", i, ")");
      } else {
        absl::StrAppend(out, i);
      }
    }
    if (first) out->append("(none)");
    return true;
  }
  if (object.hint.empty()) return false;
  return AppendHinted(object.hint, octets, out);
}

bool AppendOidName(const Table& table, absl::Span<const uint32_t> arcs, Match match,
                   bool with_module, std::string* out) {
  if (match.object == kNoObject) return false;
  const Object& o = table.object(match.object);
  if (with_module) {
    out->append(o.module);
    out->append("::");
  }
  out->append(o.name);
  for (size_t i = match.matched; i < arcs.size(); ++i) absl::StrAppend(out, ".", arcs[i]);
  return true;
}

// InetAddressType values (RFC 4001 section 3).
enum InetType : uint32_t { kIpv4 = 1, kIpv6 = 2, kIpv4z = 3, kIpv6z = 4, kDns = 16 };

bool AppendInetAddress(uint32_t type, std::string_view octets, std::string* out) {
  char text[INET6_ADDRSTRLEN];
  const auto zone = [&](size_t at) {
    absl::StrAppend(out, "%", uint32_t{static_cast<uint8_t>(octets[at])} << 24 |
                                  uint32_t{static_cast<uint8_t>(octets[at + 1])} << 16 |
                                  uint32_t{static_cast<uint8_t>(octets[at + 2])} << 8 |
                                  static_cast<uint8_t>(octets[at + 3]));
  };
  switch (type) {
    case kIpv4:
    case kIpv4z:
      if (octets.size() != (type == kIpv4 ? 4u : 8u)) return false;
      inet_ntop(AF_INET, octets.data(), text, sizeof(text));
      out->append(text);
      if (type == kIpv4z) zone(4);
      return true;
    case kIpv6:
    case kIpv6z:
      if (octets.size() != (type == kIpv6 ? 16u : 20u)) return false;
      inet_ntop(AF_INET6, octets.data(), text, sizeof(text));
      out->append(text);
      if (type == kIpv6z) zone(16);
      return true;
    case kDns:
      out->push_back('"');
      out->append(octets);
      out->push_back('"');
      return true;
    default:
      return false;
  }
}

void AppendTimeTicks(uint32_t ticks, std::string* out) {
  const uint32_t days = ticks / 8640000;
  const uint32_t hours = ticks / 360000 % 24;
  const uint32_t minutes = ticks / 6000 % 60;
  const uint32_t seconds = ticks / 100 % 60;
  const uint32_t hundredths = ticks % 100;
  absl::StrAppend(out, "(", ticks, ") ");
  if (days > 0) absl::StrAppend(out, days, days == 1 ? " day, " : " days, ");
  absl::StrAppendFormat(out, "%d:%02d:%02d.%02d", hours, minutes, seconds, hundredths);
}

}  // namespace snmpdissect::mib
