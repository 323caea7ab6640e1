// IEEE 802.1Q tags: a C-tag (EtherType 0x8100, or the pre-standard 0x9100
// of early Q-in-Q gear) as Wireshark's "vlan" node, an S-tag (0x88a8,
// IEEE 802.1ad) as its "ieee8021ad" node. Each tag is a layer of its own,
// a child of the root, like in Wireshark; the pipeline bounds how many it
// follows.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_VLAN_H_
#define SNMPDISSECT_DISSECTOR_PROTO_VLAN_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// `in` starts at the tag control information (after the TPID the previous
// layer read as its EtherType). next is the encapsulated EtherType.
Handoff DissectVlan(const LayerInput& in, bool service_tag, tree::Tree* tree);

// 802.1Q and 802.1ad tags, with their rows and hand-off.
extern const Protocol kVlanProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_VLAN_H_
