// The dotted text of OBJECT IDENTIFIER content (oid.h AppendOidText).
//
// Every varbind name and OID value of every packet is formatted, so this is
// on the hot path of the tool and of the fuzz targets: the text is built on
// the stack and appended once, and the common one-octet arcs (X.690 8.19.2,
// values 0..127) are copied from a table instead of divided into digits.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "codec/ber/oid.h"
#include "codec/ber/oid_arcs.h"

namespace snmpdissect::ber {
namespace {

// ".0" to ".127": the text of a one-octet subidentifier after the first.
struct SmallArc {
  char text[4];
  uint8_t size;
};

constexpr std::array<SmallArc, 128> MakeSmallArcs() {
  std::array<SmallArc, 128> table{};
  for (int value = 0; value < 128; ++value) {
    SmallArc& arc = table[value];
    arc.text[0] = '.';
    int n = 1;
    if (value >= 100) arc.text[n++] = static_cast<char>('0' + value / 100);
    if (value >= 10) arc.text[n++] = static_cast<char>('0' + value / 10 % 10);
    arc.text[n++] = static_cast<char>('0' + value % 10);
    arc.size = static_cast<uint8_t>(n);
  }
  return table;
}

constexpr std::array<SmallArc, 128> kSmallArcs = MakeSmallArcs();
static_assert(kSmallArcs[0].size == 2 && kSmallArcs[127].text[3] == '7');

// ".4294967295", the longest arc with its dot (RFC 2578 section 3.5).
constexpr size_t kMaxArcText = 11;
// Content shorter than kMaxOidArcs octets has at most kMaxOidArcs arcs (the
// first subidentifier holds two, "2.4294967295" at most), each at most
// kMaxArcText long; plus the slack a whole-entry copy from kSmallArcs may
// write past the text.
constexpr size_t kShortOidText = kMaxOidArcs * kMaxArcText + sizeof(SmallArc::text);

// Writes `value` in decimal at `out` and returns the number of digits.
size_t WriteDecimal(uint32_t value, char* out) {
  char reversed[10];
  size_t n = 0;
  do {
    reversed[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (size_t i = 0; i < n; ++i) out[i] = reversed[n - 1 - i];
  return n;
}

// Any content, in chunks. Views not made by ValidateOid may be longer than
// any valid OID; their text is whatever ForEachArc makes of them.
void AppendLongOidText(Bytes content, std::string* out) {
  char buffer[1024];
  size_t used = 0;
  bool first = true;
  internal::ForEachArc(content, [&](uint32_t arc) {
    if (sizeof(buffer) - used < kMaxArcText) {
      out->append(buffer, used);
      used = 0;
    }
    if (!first) buffer[used++] = '.';
    first = false;
    used += WriteDecimal(arc, buffer + used);
  });
  out->append(buffer, used);
}

// Writes "X.Y" for the first subidentifier, 40 * X + Y (X.690 8.19.4).
size_t WriteFirstPair(uint64_t subidentifier, char* out) {
  const uint64_t x = subidentifier < 80 ? subidentifier / 40 : 2;
  out[0] = static_cast<char>('0' + x);
  out[1] = '.';
  return 2 + WriteDecimal(static_cast<uint32_t>(subidentifier - 40 * x), out + 2);
}

}  // namespace

void AppendOidText(const OidView& oid, std::string* out) {
  const Bytes content = oid.content;
  if (content.size() >= kMaxOidArcs) {
    AppendLongOidText(content, out);
    return;
  }
  // The text fits kShortOidText: no check per arc. The same arcs as
  // ForEachArc: an unfinished last subidentifier (only in views that did
  // not pass ValidateOid) is left out.
  char buffer[kShortOidText];
  size_t used = 0;
  size_t i = 0;
  uint64_t subidentifier = 0;
  for (; i < content.size(); ++i) {
    const uint8_t octet = content.data()[i];
    subidentifier = (subidentifier << 7) | (octet & 0x7f);
    if ((octet & 0x80) == 0) break;
  }
  if (i == content.size()) return;  // no complete subidentifier
  used = WriteFirstPair(subidentifier, buffer);
  subidentifier = 0;
  // The rest of the content, by pointer (i + 1 <= content.size()).
  const uint8_t* const end = content.data() + content.size();
  for (const uint8_t* p = content.data() + i + 1; p != end; ++p) {
    const uint8_t octet = *p;
    if (octet & 0x80) {
      subidentifier = (subidentifier << 7) | (octet & 0x7f);
      continue;
    }
    if (subidentifier == 0) {
      // One octet (or zero padding before it): 0..127 from the table.
      const SmallArc& arc = kSmallArcs[octet];
      std::memcpy(buffer + used, arc.text, sizeof(arc.text));
      used += arc.size;
      continue;
    }
    subidentifier = (subidentifier << 7) | octet;
    buffer[used++] = '.';
    used += WriteDecimal(static_cast<uint32_t>(subidentifier), buffer + used);
    subidentifier = 0;
  }
  out->append(buffer, used);
}

void AppendArcsText(absl::Span<const uint32_t> arcs, std::string* out) {
  // Chunked like AppendLongOidText: any number of arcs, one append per
  // buffer.
  char buffer[1024];
  size_t used = 0;
  bool first = true;
  for (const uint32_t arc : arcs) {
    if (sizeof(buffer) - used < kMaxArcText) {
      out->append(buffer, used);
      used = 0;
    }
    if (!first) buffer[used++] = '.';
    first = false;
    used += WriteDecimal(arc, buffer + used);
  }
  out->append(buffer, used);
}

std::string OidText(const OidView& oid) {
  std::string text;
  AppendOidText(oid, &text);
  return text;
}

}  // namespace snmpdissect::ber
