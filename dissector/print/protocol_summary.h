// The summary tshark puts on a protocol's top line, worked out from the
// protocol node's children (Wireshark's dissectors build these with
// proto_tree_add_protocol_format; packet-frame.c, -eth.c, -vlan.c, -ip.c,
// -ipv6.c, -udp.c, -tcp.c in Wireshark 4.0):
//
//   Frame 1: 127 bytes on wire (1016 bits), 127 bytes captured (1016 bits)
//   Ethernet II, Src: 00:00:00:00:00:00, Dst: 00:00:00:00:00:00
//   802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 100
//   Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1
//   Internet Protocol Version 6, Src: ::1, Dst: ::1
//   User Datagram Protocol, Src Port: 53602, Dst Port: 161
//   Transmission Control Protocol, Src Port: 46194, Dst Port: 161, Seq: 0, Ack: 1, Len: 0
//
// Ethernet addresses are printed as tshark -n does (no OUI names: we ship no
// manuf database). Protocols whose top line is just their name (SNMP) have
// no summary. Used by the -V printer and by -T fields (tshark prints a
// protocol field as this line when the dissector built one, else as its
// abbreviation: "-e udp" gives the line, "-e snmp" gives "snmp").
//
//   std::string line;
//   if (!AppendProtocolSummary(tree, id, &line)) line += tree.field(id).name;

#ifndef SNMPDISSECT_DISSECTOR_PRINT_PROTOCOL_SUMMARY_H_
#define SNMPDISSECT_DISSECTOR_PRINT_PROTOCOL_SUMMARY_H_

#include <string>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

// Appends the summary line of protocol node `id` and returns true; returns
// false and appends nothing when tshark shows the protocol by name only.
bool AppendProtocolSummary(const tree::Tree& tree, tree::NodeId id, std::string* out);

// The first direct child of `parent` with `field`, or kNoNode.
tree::NodeId ChildOf(const tree::Tree& tree, tree::NodeId parent, tree::FieldId field);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_PROTOCOL_SUMMARY_H_
