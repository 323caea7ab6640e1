// Raw IP link types: DLT_RAW (12; 14 on OpenBSD), LINKTYPE_RAW (101) carry
// IPv4 or IPv6 told apart by the version nibble; LINKTYPE_IPV4 (228) and
// LINKTYPE_IPV6 (229) say which. Wireshark shows a "raw" node for the
// former and none for the latter.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_RAW_H_
#define SNMPDISSECT_DISSECTOR_PROTO_RAW_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// Adds the "raw" node (no fields: there is no link header) and hands off by
// the version nibble: next is an EtherType (IPv4 for versions other than 4
// and 6, whose dissector then reports the bogus version).
Handoff DissectRaw(const LayerInput& in, tree::Tree* tree);

// Raw IP (IPv4 or IPv6 by the version nibble), with its rows and hand-off.
extern const Protocol kRawProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_RAW_H_
