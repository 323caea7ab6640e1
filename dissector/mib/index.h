// Table indices: the instance arcs after a column's OID, taken apart by its
// entry's INDEX clause (RFC 2578 section 7.7) and shown by each INDEX
// object's syntax.
//
//   // ipNetToMediaPhysAddress.2.10.0.0.1: INDEX { ipNetToMediaIfIndex,
//   //                                             ipNetToMediaNetAddress }
//   IndexPart parts[kMaxIndexParts];
//   size_t n = DecodeIndex(table, entry, suffix, parts);     // 2
//   AppendIndexPart(table, parts, n, 1, &s);  // "ipNetToMediaNetAddress = 10.0.0.1"
//
// Section 7.7's rules: integers are one arc; IpAddress four; a fixed-size
// OCTET STRING its size; other strings and OBJECT IDENTIFIERs a length arc
// then that many arcs, unless IMPLIED (the last object takes every remaining
// arc). String arcs above 255 do not decode. An InetAddress index preceded
// by its InetAddressType (RFC 4001 section 4.1) shows as an address.
// Nothing allocates beyond `out`.

#ifndef SNMPDISSECT_DISSECTOR_MIB_INDEX_H_
#define SNMPDISSECT_DISSECTOR_MIB_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/types/span.h"
#include "dissector/mib/table.h"

namespace snmpdissect::mib {

inline constexpr size_t kMaxIndexParts = 32;  // ParseLimits::max_index

struct DecodedIndex {
  uint32_t object = kNoObject;
  absl::Span<const uint32_t> arcs;  // the object's value arcs (no length arc); borrows suffix
};

// Decodes `suffix` by `entry`'s INDEX into `parts` (at most kMaxIndexParts)
// and returns how many decoded. Decoding stops at the first object whose
// arcs do not fit; *complete (when given) tells whether every INDEX object
// decoded and every arc was used.
size_t DecodeIndex(const Table& table, uint32_t entry, absl::Span<const uint32_t> suffix,
                   DecodedIndex* parts, bool* complete = nullptr);

// "name = value" for parts[i]; parts[0..count) give the context an
// InetAddress needs.
void AppendIndexPart(const Table& table, const DecodedIndex* parts, size_t count, size_t i,
                     std::string* out);

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_INDEX_H_
