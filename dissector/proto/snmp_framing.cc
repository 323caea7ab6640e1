#include "dissector/proto/snmp_framing.h"

#include <cstddef>
#include <cstdint>

namespace snmpdissect::proto {

reassembly::PduLength SnmpPduLength(const reassembly::PduPrefix& prefix) {
  using reassembly::PduLength;
  PduLength h;
  uint8_t octet = 0;
  if (!prefix.At(0, &octet)) return h;
  // An SNMP message is a SEQUENCE (RFC 3412 section 6, RFC 1157 4.1): any
  // other identifier means we are not at a message boundary.
  if (octet != 0x30) {
    h.state = PduLength::kInvalid;
    return h;
  }
  if (!prefix.At(1, &octet)) return h;
  if (octet < 0x80) {  // short form
    h.state = PduLength::kOk;
    h.total = 2 + uint64_t{octet};
    return h;
  }
  // 0x80 is the indefinite form, which SNMP forbids (RFC 3417 section 8);
  // 0xff is reserved (X.690 8.1.3.5 c); the codec reads at most 4 length
  // octets.
  const size_t count = octet & 0x7f;
  if (octet == 0x80 || octet == 0xff || count > 4) {
    h.state = PduLength::kInvalid;
    return h;
  }
  uint64_t length = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!prefix.At(2 + i, &octet)) return h;
    length = length << 8 | octet;
  }
  h.state = PduLength::kOk;
  h.total = 2 + count + length;
  return h;
}

}  // namespace snmpdissect::proto
