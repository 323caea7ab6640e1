#include "codec/ber/oid.h"

#include <algorithm>

#include "codec/ber/oid_arcs.h"

namespace snmpdissect::ber {
namespace {

// The first subidentifier packs two arcs as 40 * X + Y (X.690 8.19.4); with
// X = 2, Y may itself reach 2^32-1.
constexpr uint64_t kMaxArc = 0xffffffffu;
constexpr uint64_t kMaxFirstSubidentifier = kMaxArc + 80;

void AppendBase128(uint64_t value, std::string* out) {
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>(value & 0x7f);
    value >>= 7;
  } while (value != 0);
  while (n > 1) out->push_back(static_cast<char>(digits[--n] | 0x80));
  out->push_back(digits[0]);
}

// Checks a subidentifier of two or more octets starting at content[*i]
// (its first octet has the continuation bit) and leaves *i at its last
// octet: no leading 0x80 (X.690 8.19.2), a value at most `limit`, and an end
// before the content does.
Error SkipLongSubidentifier(Bytes content, size_t content_offset, uint64_t limit,
                            size_t* i) {
  const uint8_t* const octets = content.data();
  size_t at = *i;
  if (octets[at] == 0x80) return Error{ErrorCode::kOidPadding, content_offset + at};
  uint64_t value = 0;
  // Four octets hold 28 bits, below any limit; from the fifth on, each
  // octet is checked as it arrives, so `value` never wraps.
  for (size_t length = 1;; ++length, ++at) {
    if (at == content.size()) {
      return Error{ErrorCode::kOidTruncatedArc, content_offset + at - 1};
    }
    const uint8_t octet = octets[at];
    value = (value << 7) | (octet & 0x7f);
    if (length > 4 && value > limit) {
      return Error{ErrorCode::kOidArcOverflow, content_offset + at};
    }
    if ((octet & 0x80) == 0) break;
  }
  *i = at;
  return kOk;
}

}  // namespace

Error ValidateOid(Bytes content, size_t content_offset, OidView* out) {
  if (content.empty()) return Error{ErrorCode::kOidEmpty, content_offset};
  // The loop walks the span's own octets (no per-octet bounds assertion):
  // `i` never passes content.size(). One-octet subidentifiers, the common
  // case, take one test each; only longer ones check padding and overflow.
  const uint8_t* const octets = content.data();
  const size_t size = content.size();
  size_t arcs = 1;  // the first subidentifier holds two arcs (X.690 8.19.4)
  size_t i = 0;
  while (i < size) {
    if (octets[i] & 0x80) {
      if (Error e = SkipLongSubidentifier(content, content_offset,
                                          arcs == 1 ? kMaxFirstSubidentifier : kMaxArc,
                                          &i);
          !e.ok()) {
        return e;
      }
    }
    // octets[i] ends the subidentifier.
    if (++arcs > kMaxOidArcs) {
      return Error{ErrorCode::kOidTooManyArcs, content_offset + i};
    }
    ++i;
  }
  out->content = content;
  out->arc_count = arcs;
  return kOk;
}

Error DecodeOid(const Element& element, OidView* out) {
  return ValidateOid(element.content, element.location.content_offset(), out);
}

bool OidHasPrefix(const OidView& oid, absl::Span<const uint32_t> prefix) {
  if (oid.arc_count < prefix.size()) return false;
  size_t i = 0;
  bool match = true;
  internal::ForEachArc(oid.content, [&](uint32_t arc) {
    if (i < prefix.size() && arc != prefix[i]) match = false;
    ++i;
  });
  return match;
}

bool AppendOidContent(absl::Span<const uint32_t> arcs, std::string* out) {
  if (arcs.size() < 2 || arcs.size() > kMaxOidArcs || arcs[0] > 2 ||
      (arcs[0] < 2 && arcs[1] >= 40)) {
    return false;
  }
  AppendBase128(uint64_t{arcs[0]} * 40 + arcs[1], out);
  for (size_t i = 2; i < arcs.size(); ++i) AppendBase128(arcs[i], out);
  return true;
}

}  // namespace snmpdissect::ber
