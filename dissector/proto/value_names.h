// Value names several protocols share (IANA and IEEE registries), as
// Wireshark prints them.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_VALUE_NAMES_H_
#define SNMPDISSECT_DISSECTOR_PROTO_VALUE_NAMES_H_

#include "dissector/tree/fields.h"

namespace snmpdissect::proto {

inline constexpr tree::TrueFalse kSetNotSet = {"Set", "Not set"};

// EtherType (IEEE 802 numbers; the ones a path to SNMP crosses, and their
// neighbours).
inline constexpr tree::ValueName kEthertypeNames[] = {
    {0x0800, 0x0800, "IPv4"},
    {0x0806, 0x0806, "ARP"},
    {0x8100, 0x8100, "802.1Q Virtual LAN"},
    {0x86dd, 0x86dd, "IPv6"},
    {0x8847, 0x8847, "MPLS label switched packet"},
    {0x88a8, 0x88a8, "802.1ad Provider Bridge (Q-in-Q)"},
    {0x88cc, 0x88cc, "802.1 Link Layer Discovery Protocol (LLDP)"},
    {0x9100, 0x9100, "VLAN-tagged frame (Q-in-Q)"},
};

// DSCP (RFC 2474, 2597, 3246, 8622) and ECN (RFC 3168) code points.
inline constexpr tree::ValueName kDscpNames[] = {
    {0, 0, "Default"},  {1, 1, "Lower Effort"}, {8, 8, "Class Selector 1"},
    {10, 10, "Assured Forwarding 11"}, {12, 12, "Assured Forwarding 12"},
    {14, 14, "Assured Forwarding 13"}, {16, 16, "Class Selector 2"},
    {18, 18, "Assured Forwarding 21"}, {20, 20, "Assured Forwarding 22"},
    {22, 22, "Assured Forwarding 23"}, {24, 24, "Class Selector 3"},
    {26, 26, "Assured Forwarding 31"}, {28, 28, "Assured Forwarding 32"},
    {30, 30, "Assured Forwarding 33"}, {32, 32, "Class Selector 4"},
    {34, 34, "Assured Forwarding 41"}, {36, 36, "Assured Forwarding 42"},
    {38, 38, "Assured Forwarding 43"}, {40, 40, "Class Selector 5"},
    {44, 44, "Voice Admit"},           {46, 46, "Expedited Forwarding"},
    {48, 48, "Class Selector 6"},      {56, 56, "Class Selector 7"},
};

inline constexpr tree::ValueName kEcnNames[] = {
    {0, 0, "Not ECN-Capable Transport"},
    {1, 1, "ECN-Capable Transport codepoint '01'"},
    {2, 2, "ECN-Capable Transport codepoint '10'"},
    {3, 3, "Congestion Experienced"},
};

// IANA protocol numbers (ip.proto, ipv6.nxt and every "next header").
inline constexpr tree::ValueName kIpProtoNames[] = {
    {0, 0, "IPv6 Hop-by-Hop Option"},
    {1, 1, "ICMP"},
    {2, 2, "IGMP"},
    {4, 4, "IPIP"},
    {6, 6, "TCP"},
    {17, 17, "UDP"},
    {41, 41, "IPv6"},
    {43, 43, "Routing Header for IPv6"},
    {44, 44, "Fragment Header for IPv6"},
    {47, 47, "Generic Routing Encapsulation"},
    {50, 50, "Encap Security Payload"},
    {51, 51, "Authentication Header"},
    {58, 58, "ICMPv6"},
    {59, 59, "IPv6 No Next Header"},
    {60, 60, "Destination Options for IPv6"},
    {103, 103, "Protocol Independent Mulitcast"},
    {132, 132, "Stream Control Transmission Protocol"},
    {135, 135, "Mobile IPv6"},
    {136, 136, "Lightweight User Datagram Protocol"},
};

inline constexpr tree::TrueFalse kYesNo = {"Yes", "No"};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_VALUE_NAMES_H_
