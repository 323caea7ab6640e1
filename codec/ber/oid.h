// OBJECT IDENTIFIER contents (X.690 8.19) within SMI limits (RFC 2578
// section 3.5: at most 128 arcs, each at most 2^32-1).
//
// An OidView borrows the validated content octets of an encoded OID; arcs are
// decoded on demand, so holding one costs nothing per packet.
//
//   OidView oid;
//   if (auto e = DecodeOid(element, &oid); !e.ok()) ...
//   std::string text;
//   AppendOidText(oid, &text);  // "1.3.6.1.2.1.1.3.0"

#ifndef SNMPDISSECT_CODEC_BER_OID_H_
#define SNMPDISSECT_CODEC_BER_OID_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/types/span.h"
#include "codec/ber/error.h"
#include "codec/ber/reader.h"

namespace snmpdissect::ber {

inline constexpr size_t kMaxOidArcs = 128;

// Content octets of an OID that passed ValidateOid. Borrows them: the bytes
// must outlive the view. A default view is empty (no arcs).
struct OidView {
  Bytes content;
  size_t arc_count = 0;

  bool empty() const { return arc_count == 0; }
  friend bool operator==(const OidView& a, const OidView& b) {
    return a.arc_count == b.arc_count &&
           std::equal(a.content.begin(), a.content.end(), b.content.begin(),
                      b.content.end());
  }
};

// Checks content octets against X.690 8.19 and RFC 2578; `content_offset` is
// their absolute offset, for the error.
[[nodiscard]] Error ValidateOid(Bytes content, size_t content_offset,
                                OidView* out);

// ValidateOid on an element's content.
[[nodiscard]] Error DecodeOid(const Element& element, OidView* out);

// Copies up to `capacity` arcs into `arcs` and returns the arc count.
size_t OidArcs(const OidView& oid, uint32_t* arcs, size_t capacity);

// Appends the dotted form, e.g. "1.3.6.1.2.1.1.1.0".
void AppendOidText(const OidView& oid, std::string* out);
std::string OidText(const OidView& oid);

// Appends the dotted form of arcs held as numbers, e.g. {1, 3, 6} as
// "1.3.6": the same text as AppendOidText gives the same arcs, for OIDs that
// do not arrive BER-encoded (AgentX, RFC 2741 section 5.1, sends 32-bit
// subidentifiers). Nothing is appended for no arcs.
void AppendArcsText(absl::Span<const uint32_t> arcs, std::string* out);

// True when `oid` begins with the arcs of `prefix`.
bool OidHasPrefix(const OidView& oid, absl::Span<const uint32_t> prefix);

// Encodes arcs as OID content octets (canonical DER) and appends them to
// `out`. Fails (returns false) for fewer than 2 arcs, a first arc above 2, a
// second arc of 40 or more under first arc 0 or 1, or more than 128 arcs.
bool AppendOidContent(absl::Span<const uint32_t> arcs, std::string* out);

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_OID_H_
