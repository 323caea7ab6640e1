// BSD loopback encapsulation: DLT_NULL (0), a 4-octet address family in the
// byte order of the capturing host, and DLT_LOOP (108; OpenBSD), the same
// in network byte order. Wireshark's "null" protocol.
//
// AF_INET is 2 everywhere, but AF_INET6 differs: 24 (NetBSD, OpenBSD,
// BSD/OS), 28 (FreeBSD, DragonFly BSD) and 30 (Darwin); a capture read
// elsewhere must accept all three.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_NULL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_NULL_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// next is the EtherType for the family (IPv4 or IPv6), 0 for other families.
Handoff DissectNull(const LayerInput& in, bool network_byte_order, tree::Tree* tree);

// BSD loopback (host and network byte order), with its rows and hand-off.
extern const Protocol kNullProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_NULL_H_
