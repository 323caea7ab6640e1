#include "codec/ber/oid.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace snmpdissect::ber {
namespace {

// The first subidentifier packs two arcs as 40 * X + Y (X.690 8.19.4); with
// X = 2, Y may itself reach 2^32-1.
constexpr uint64_t kMaxArc = 0xffffffffu;
constexpr uint64_t kMaxFirstSubidentifier = kMaxArc + 80;

// Calls visit(arc) for every arc of validated content.
template <typename Visit>
void ForEachArc(Bytes content, Visit visit) {
  uint64_t subidentifier = 0;
  bool first = true;
  for (uint8_t octet : content) {
    subidentifier = (subidentifier << 7) | (octet & 0x7f);
    if (octet & 0x80) continue;
    if (first) {
      const uint64_t x = subidentifier < 80 ? subidentifier / 40 : 2;
      visit(static_cast<uint32_t>(x));
      visit(static_cast<uint32_t>(subidentifier - 40 * x));
      first = false;
    } else {
      visit(static_cast<uint32_t>(subidentifier));
    }
    subidentifier = 0;
  }
}

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

}  // namespace

Error ValidateOid(Bytes content, size_t content_offset, OidView* out) {
  if (content.empty()) return Error{ErrorCode::kOidEmpty, content_offset};
  size_t arcs = 0;
  uint64_t subidentifier = 0;
  bool at_start = true;  // at the first octet of a subidentifier
  for (size_t i = 0; i < content.size(); ++i) {
    const uint8_t octet = content[i];
    if (at_start && octet == 0x80) {
      return Error{ErrorCode::kOidPadding, content_offset + i};
    }
    at_start = false;
    subidentifier = (subidentifier << 7) | (octet & 0x7f);
    const uint64_t limit = arcs == 0 ? kMaxFirstSubidentifier : kMaxArc;
    if (subidentifier > limit) {
      return Error{ErrorCode::kOidArcOverflow, content_offset + i};
    }
    if (octet & 0x80) continue;
    arcs += arcs == 0 ? 2 : 1;
    if (arcs > kMaxOidArcs) {
      return Error{ErrorCode::kOidTooManyArcs, content_offset + i};
    }
    subidentifier = 0;
    at_start = true;
  }
  if (!at_start) {
    return Error{ErrorCode::kOidTruncatedArc,
                 content_offset + content.size() - 1};
  }
  out->content = content;
  out->arc_count = arcs;
  return kOk;
}

Error DecodeOid(const Element& element, OidView* out) {
  return ValidateOid(element.content, element.location.content_offset(), out);
}

size_t OidArcs(const OidView& oid, uint32_t* arcs, size_t capacity) {
  size_t n = 0;
  ForEachArc(oid.content, [&](uint32_t arc) {
    if (n < capacity) arcs[n] = arc;
    ++n;
  });
  return n;
}

void AppendOidText(const OidView& oid, std::string* out) {
  bool first = true;
  ForEachArc(oid.content, [&](uint32_t arc) {
    if (!first) out->push_back('.');
    first = false;
    absl::StrAppend(out, arc);
  });
}

std::string OidText(const OidView& oid) {
  std::string text;
  AppendOidText(oid, &text);
  return text;
}

bool OidHasPrefix(const OidView& oid, absl::Span<const uint32_t> prefix) {
  if (oid.arc_count < prefix.size()) return false;
  size_t i = 0;
  bool match = true;
  ForEachArc(oid.content, [&](uint32_t arc) {
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
