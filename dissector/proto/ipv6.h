// IPv6 (RFC 8200): the "ipv6" node with the fixed header and, nested in it
// as Wireshark does, the extension headers it passes: Hop-by-Hop Options
// (section 4.3), Routing (4.4), Fragment (4.5) and Destination Options
// (4.6) with their options (4.2). Other next headers (AH, ESP, upper
// layers) end the walk and are handed off.
//
//   IpHandoff ip = DissectIpv6(eth_payload, /*max_extension_headers=*/8, &tree);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_IPV6_H_
#define SNMPDISSECT_DISSECTOR_PROTO_IPV6_H_

#include "dissector/proto/ip.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// Walks at most `max_extension_headers` extension headers (each costs
// nodes; a hostile chain of 8-octet headers could otherwise fill a jumbo
// packet): past that, a diagnostic and next is the header not walked.
IpHandoff DissectIpv6(const LayerInput& in, int max_extension_headers, tree::Tree* tree);

// IPv6, with its rows and hand-off.
extern const Protocol kIpv6Protocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_IPV6_H_
