// UDP (RFC 768): the "udp" node and the payload for the port's dissector.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_UDP_H_
#define SNMPDISSECT_DISSECTOR_PROTO_UDP_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

struct UdpHandoff : Handoff {
  uint16_t src_port = 0;
  uint16_t dst_port = 0;
};

// `in` is the IP payload as captured; `ip_payload_length` is what the IP
// header claims it is (more when the capture was cut). A length field below
// 8 or above the IP payload is udp.length.bad; the payload handed on is
// what the length field covers, cut to what was captured.
UdpHandoff DissectUdp(const LayerInput& in, size_t ip_payload_length, tree::Tree* tree);

// UDP, with its rows and hand-off (the udp.port table).
extern const Protocol kUdpProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_UDP_H_
