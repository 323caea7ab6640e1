// Internal to codec/ber: the arc walk shared by oid.cc and oid_text.cc.

#ifndef SNMPDISSECT_CODEC_BER_OID_ARCS_H_
#define SNMPDISSECT_CODEC_BER_OID_ARCS_H_

#include <cstdint>

#include "codec/ber/reader.h"

namespace snmpdissect::ber::internal {

// Calls visit(arc) for every arc of validated content. Most subidentifiers
// are one octet, so that case costs one test per octet.
template <typename Visit>
inline void ForEachArc(Bytes content, Visit visit) {
  uint64_t subidentifier = 0;
  bool first = true;
  for (uint8_t octet : content) {
    if (octet & 0x80) {
      subidentifier = (subidentifier << 7) | (octet & 0x7f);
      continue;
    }
    subidentifier = (subidentifier << 7) | octet;
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

}  // namespace snmpdissect::ber::internal

#endif  // SNMPDISSECT_CODEC_BER_OID_ARCS_H_
