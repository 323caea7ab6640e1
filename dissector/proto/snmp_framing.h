// SNMP's framing over TCP (RFC 3430 section 2): messages are BER SEQUENCEs
// back to back on the stream with no other framing, so a message's length
// is its identifier and length octets (X.690 8.1.2, 8.1.3) plus the length
// they give. The TCP reassembler calls this at each message boundary.
//
//   const reassembly::TcpResult& r = tcp.Add(segment, &proto::SnmpPduLength);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_FRAMING_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_FRAMING_H_

#include "dissector/reassembly/tcp_reassembly.h"

namespace snmpdissect::proto {

// kInvalid for anything but a SEQUENCE with a definite length of at most 4
// length octets (what the codec accepts); kNeedMore until the length
// octets have arrived.
[[nodiscard]] reassembly::PduLength SnmpPduLength(const reassembly::PduPrefix& prefix);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_FRAMING_H_
