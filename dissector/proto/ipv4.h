// IPv4 (RFC 791): the "ip" node with every header field, the options taken
// apart (RFC 791 section 3.1, RFC 2113 router alert), and what the
// transport layer or the fragment reassembler needs.
//
//   IpHandoff ip = DissectIpv4(eth_payload, &tree);
//   if (ip.ok && !ip.fragment) { UDP at eth_payload.Skip(ip.payload_offset) }

#ifndef SNMPDISSECT_DISSECTOR_PROTO_IPV4_H_
#define SNMPDISSECT_DISSECTOR_PROTO_IPV4_H_

#include "dissector/proto/ip.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

IpHandoff DissectIpv4(const LayerInput& in, tree::Tree* tree);

// IPv4, with its rows and hand-off.
extern const Protocol kIpv4Protocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_IPV4_H_
