// Linux "cooked" captures (the any device and others without a usable
// link header): LINKTYPE_LINUX_SLL (113, 16-octet header) and
// LINKTYPE_LINUX_SLL2 (276, 20 octets with the interface index), per
// https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html and
// LINKTYPE_LINUX_SLL2.html. Both are Wireshark's "sll" protocol.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SLL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SLL_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// next is the EtherType in the protocol field, or 0 when the field holds
// one of Linux's non-EtherType protocol values (below 0x0600: 802.2 LLC,
// Novell 802.3, CAN ...).
Handoff DissectSll(const LayerInput& in, tree::Tree* tree);
Handoff DissectSll2(const LayerInput& in, tree::Tree* tree);

// Linux cooked captures v1 and v2, with their rows and hand-off.
extern const Protocol kSllProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SLL_H_
