// Ethernet II (DIX) and IEEE 802.3 framing (IEEE 802.3 clause 3): the
// "eth" node with destination, source and type (or length), and later the
// padding or trailer after the network layer's datagram.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_ETHERNET_H_
#define SNMPDISSECT_DISSECTOR_PROTO_ETHERNET_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// Adds "eth" under the root. next is the EtherType, or 0 for an 802.3
// frame whose type field is a length (LLC is not dissected).
Handoff DissectEthernet(const LayerInput& in, tree::Tree* tree);

// The octets of `frame` from `end` (where the network layer's datagram
// ended) on: padding up to the 60-octet minimum frame (IEEE 802.3 4.2.3.3),
// then a trailer. Adds eth.padding / eth.trailer under `eth`.
void AddEthernetTrailer(const LayerInput& frame, size_t end, tree::Tree* tree,
                        tree::NodeId eth);

// Ethernet II / 802.3 (link type DLT_EN10MB), with its rows and hand-off.
extern const Protocol kEthernetProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_ETHERNET_H_
