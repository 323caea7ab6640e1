#include "dissector/tree/fields.h"

#include <cstring>

namespace snmpdissect::tree {
namespace {

// RFC 3412 section 6 msgVersion / RFC 3416 version; the names are
// Wireshark's (2 was SNMPv2u, RFC 1910).
constexpr ValueName kVersionNames[] = {
    {0, 0, "version-1"}, {1, 1, "v2c"}, {2, 2, "v2u"}, {3, 3, "snmpv3"}};

// SnmpSecurityModel (RFC 3411 section 5; 4 is TSM, RFC 5591).
constexpr ValueName kSecurityModelNames[] = {
    {0, 0, "Any"}, {1, 1, "V1"}, {2, 2, "V2C"}, {3, 3, "USM"}, {4, 4, "TSM"}};

// SnmpEngineID format octet (RFC 3411 section 5).
constexpr ValueName kEngineIdFormatNames[] = {
    {1, 1, "IPv4 address"},
    {2, 2, "IPv6 address"},
    {3, 3, "MAC address"},
    {4, 4, "Text, administratively assigned"},
    {5, 5, "Octets, administratively assigned"},
    {6, 127, "Reserved"},
    {128, 255, "Enterprise-specific"},
};

// A few IANA private enterprise numbers seen in engine IDs. Wireshark loads
// the whole registry; this short list covers the common agents, and any
// other number prints bare.
constexpr ValueName kEnterpriseNames[] = {
    {0, 0, "Reserved"},           {2, 2, "IBM"},
    {9, 9, "ciscoSystems"},       {11, 11, "Hewlett-Packard"},
    {311, 311, "Microsoft"},      {674, 674, "Dell Inc."},
    {1991, 1991, "Brocade"},      {2011, 2011, "HUAWEI"},
    {2021, 2021, "ucdavis"},      {2636, 2636, "Juniper Networks"},
    {4526, 4526, "Netgear"},      {6527, 6527, "Nokia"},
    {8072, 8072, "net-snmp"},     {12356, 12356, "Fortinet"},
    {14988, 14988, "MikroTik"},   {30065, 30065, "Arista Networks"},
};

// msgData CHOICE (RFC 3412 section 6).
constexpr ValueName kMsgDataNames[] = {{0, 0, "plaintext"}, {1, 1, "encryptedPDU"}};

// PDU tags [0]..[8] (RFC 3416 section 3, RFC 1157 Trap-PDU); Wireshark's names.
constexpr ValueName kPduNames[] = {
    {0, 0, "get-request"},    {1, 1, "get-next-request"}, {2, 2, "get-response"},
    {3, 3, "set-request"},    {4, 4, "trap"},             {5, 5, "getBulkRequest"},
    {6, 6, "informRequest"},  {7, 7, "snmpV2-trap"},      {8, 8, "report"},
};

// error-status (RFC 3416 section 3: 0..18).
constexpr ValueName kErrorStatusNames[] = {
    {0, 0, "noError"},
    {1, 1, "tooBig"},
    {2, 2, "noSuchName"},
    {3, 3, "badValue"},
    {4, 4, "readOnly"},
    {5, 5, "genErr"},
    {6, 6, "noAccess"},
    {7, 7, "wrongType"},
    {8, 8, "wrongLength"},
    {9, 9, "wrongEncoding"},
    {10, 10, "wrongValue"},
    {11, 11, "noCreation"},
    {12, 12, "inconsistentValue"},
    {13, 13, "resourceUnavailable"},
    {14, 14, "commitFailed"},
    {15, 15, "undoFailed"},
    {16, 16, "authorizationError"},
    {17, 17, "notWritable"},
    {18, 18, "inconsistentName"},
};

// generic-trap (RFC 1157 section 4.1.6).
constexpr ValueName kGenericTrapNames[] = {
    {0, 0, "coldStart"},
    {1, 1, "warmStart"},
    {2, 2, "linkDown"},
    {3, 3, "linkUp"},
    {4, 4, "authenticationFailure"},
    {5, 5, "egpNeighborLoss"},
    {6, 6, "enterpriseSpecific"},
};

constexpr TrueFalse kSetNotSet = {"Set", "Not set"};
constexpr TrueFalse kConformance = {"RFC3411 (SNMPv3)", "RFC1910 (Non-SNMPv3)"};

// --- Capture pipeline layers (dissector/proto net layers): value names as
// Wireshark prints them.

// EtherType (IEEE 802 numbers; the ones a path to SNMP crosses, and their
// neighbours).
constexpr ValueName kEthertypeNames[] = {
    {0x0800, 0x0800, "IPv4"},
    {0x0806, 0x0806, "ARP"},
    {0x8100, 0x8100, "802.1Q Virtual LAN"},
    {0x86dd, 0x86dd, "IPv6"},
    {0x8847, 0x8847, "MPLS label switched packet"},
    {0x88a8, 0x88a8, "802.1ad Provider Bridge (Q-in-Q)"},
    {0x88cc, 0x88cc, "802.1 Link Layer Discovery Protocol (LLDP)"},
    {0x9100, 0x9100, "VLAN-tagged frame (Q-in-Q)"},
};

// 802.1Q PCP (IEEE 802.1Q table I-2 traffic types), Wireshark's wording.
constexpr ValueName kVlanPriorityNames[] = {
    {0, 0, "Best Effort (default)"},
    {1, 1, "Background"},
    {2, 2, "Excellent Effort"},
    {3, 3, "Critical Applications"},
    {4, 4, "Video, < 100ms latency and jitter"},
    {5, 5, "Voice, < 10ms latency and jitter"},
    {6, 6, "Internetwork Control"},
    {7, 7, "Network Control"},
};

// Linux packet types (linux/if_packet.h PACKET_*).
constexpr ValueName kSllPacketTypeNames[] = {
    {0, 0, "Unicast to us"},        {1, 1, "Broadcast"},
    {2, 2, "Multicast"},            {3, 3, "Unicast to another host"},
    {4, 4, "Sent by us"},
};

// ARPHRD_* values seen in cooked captures (linux/if_arp.h).
constexpr ValueName kSllHardwareTypeNames[] = {
    {1, 1, "Ethernet"},        {512, 512, "PPP"},          {772, 772, "Loopback"},
    {776, 776, "IPv6-in-IPv4"}, {778, 778, "IP GRE"},      {823, 823, "netlink"},
    {65534, 65534, "None"},
};

// Address families in a BSD loopback header: AF_INET is 2 everywhere;
// AF_INET6 is 24 (NetBSD, OpenBSD, BSD/OS), 28 (FreeBSD, DragonFly) or 30
// (Darwin), so a capture from any of them must map all three to IPv6.
constexpr ValueName kNullFamilyNames[] = {
    {2, 2, "IP"},
    {24, 24, "IPv6"},
    {28, 28, "IPv6"},
    {30, 30, "IPv6"},
};

// DSCP (RFC 2474, 2597, 3246, 8622) and ECN (RFC 3168) code points.
constexpr ValueName kDscpNames[] = {
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
constexpr ValueName kEcnNames[] = {
    {0, 0, "Not ECN-Capable Transport"},
    {1, 1, "ECN-Capable Transport codepoint '01'"},
    {2, 2, "ECN-Capable Transport codepoint '10'"},
    {3, 3, "Congestion Experienced"},
};

// IANA protocol numbers (ip.proto, ipv6.nxt and every "next header").
constexpr ValueName kIpProtoNames[] = {
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

// IPv4 option types (RFC 791 section 3.1, RFC 2113), copy/class/number
// combined.
constexpr ValueName kIpOptionTypeNames[] = {
    {0, 0, "End of Options List (EOL)"},
    {1, 1, "No-Operation (NOP)"},
    {7, 7, "Record Route"},
    {68, 68, "Time Stamp"},
    {130, 130, "Security"},
    {131, 131, "Loose Source Route"},
    {136, 136, "Stream ID"},
    {137, 137, "Strict Source Route"},
    {148, 148, "Router Alert"},
};
constexpr ValueName kIpOptionClassNames[] = {
    {0, 0, "Control"}, {1, 1, "Reserved for future use"},
    {2, 2, "Debugging and measurement"}, {3, 3, "Reserved for future use"},
};
// RFC 791 Internet Timestamp flag.
constexpr ValueName kIpTimestampFlagNames[] = {
    {0, 0, "Time stamps only"},
    {1, 1, "Time stamp and address"},
    {3, 3, "Time stamps for prespecified addresses"},
};

// IPv6 option types (RFC 8200 section 4.2, RFC 2711, RFC 2675).
constexpr ValueName kIpv6OptionTypeNames[] = {
    {0x00, 0x00, "Pad1"},
    {0x01, 0x01, "PadN"},
    {0x05, 0x05, "Router Alert"},
    {0xc2, 0xc2, "Jumbo Payload"},
};
// IPv6 routing types (IANA "Routing Types").
constexpr ValueName kIpv6RoutingTypeNames[] = {
    {0, 0, "Source Route"},  {2, 2, "Type 2 Routing"},    {3, 3, "RPL Source Route"},
    {4, 4, "Segment Routing"}, {5, 5, "CRH-16"},         {6, 6, "CRH-32"},
};

// TCP option kinds (IANA "TCP Option Kind Numbers").
constexpr ValueName kTcpOptionKindNames[] = {
    {0, 0, "End of Option List"},
    {1, 1, "No-Operation"},
    {2, 2, "Maximum Segment Size"},
    {3, 3, "Window Scale"},
    {4, 4, "SACK Permitted"},
    {5, 5, "SACK"},
    {8, 8, "Time Stamp Option"},
    {19, 19, "MD5 signature"},
    {28, 28, "User Timeout"},
    {29, 29, "TCP Authentication Option"},
    {30, 30, "Multipath TCP"},
    {34, 34, "TCP Fast Open Cookie"},
    {253, 254, "RFC3692-style Experiment"},
};

constexpr TrueFalse kLgBit = {"Locally administered address (this is NOT the factory default)",
                              "Globally unique address (factory default)"};
constexpr TrueFalse kIgBit = {"Group address (multicast/broadcast)",
                              "Individual address (unicast)"};
constexpr TrueFalse kDeiBit = {"Eligible", "Ineligible"};
constexpr TrueFalse kYesNo = {"Yes", "No"};

using enum FieldId;
using enum FieldType;

// Rows in FieldId order. Names and abbreviations are Wireshark's (4.0
// packet-snmp.c) unless in_wireshark is false.
constexpr FieldInfo kFields[] = {
    {.id = kRoot, .abbrev = "", .name = "", .type = kNone, .in_wireshark = false},
    {.id = kWsMalformed, .abbrev = "_ws.malformed", .name = "Malformed Packet",
     .type = kProtocol},

    {.id = kSnmp, .abbrev = "snmp", .name = "Simple Network Management Protocol",
     .type = kProtocol},
    {.id = kSnmpVersion, .abbrev = "snmp.version", .name = "version", .type = kInt,
     .value_names = kVersionNames, .unknown_name = "Unknown"},
    {.id = kSnmpCommunity, .abbrev = "snmp.community", .name = "community",
     .type = kString},

    {.id = kSnmpMsgVersion, .abbrev = "snmp.msgVersion", .name = "msgVersion",
     .type = kInt, .value_names = kVersionNames, .unknown_name = "Unknown"},
    {.id = kSnmpMsgGlobalData, .abbrev = "snmp.msgGlobalData_element",
     .name = "msgGlobalData", .type = kNone},
    {.id = kSnmpMsgId, .abbrev = "snmp.msgID", .name = "msgID", .type = kInt},
    {.id = kSnmpMsgMaxSize, .abbrev = "snmp.msgMaxSize", .name = "msgMaxSize",
     .type = kInt},
    {.id = kSnmpMsgFlags, .abbrev = "snmp.msgFlags", .name = "msgFlags", .type = kBytes},
    {.id = kSnmpV3FlagsReport, .abbrev = "snmp.v3.flags.report", .name = "Reportable",
     .type = kBool, .true_false = kSetNotSet, .bitmask = 0x04, .bit_width = 8},
    {.id = kSnmpV3FlagsCrypt, .abbrev = "snmp.v3.flags.crypt", .name = "Encrypted",
     .type = kBool, .true_false = kSetNotSet, .bitmask = 0x02, .bit_width = 8},
    {.id = kSnmpV3FlagsAuth, .abbrev = "snmp.v3.flags.auth", .name = "Authenticated",
     .type = kBool, .true_false = kSetNotSet, .bitmask = 0x01, .bit_width = 8},
    {.id = kSnmpMsgSecurityModel, .abbrev = "snmp.msgSecurityModel",
     .name = "msgSecurityModel", .type = kInt, .value_names = kSecurityModelNames,
     .unknown_name = "Unknown"},
    {.id = kSnmpMsgSecurityParameters, .abbrev = "snmp.msgSecurityParameters",
     .name = "msgSecurityParameters", .type = kBytes},

    {.id = kSnmpMsgAuthoritativeEngineId, .abbrev = "snmp.msgAuthoritativeEngineID",
     .name = "msgAuthoritativeEngineID", .type = kBytes},
    {.id = kSnmpMsgAuthoritativeEngineBoots,
     .abbrev = "snmp.msgAuthoritativeEngineBoots",
     .name = "msgAuthoritativeEngineBoots", .type = kInt},
    {.id = kSnmpMsgAuthoritativeEngineTime, .abbrev = "snmp.msgAuthoritativeEngineTime",
     .name = "msgAuthoritativeEngineTime", .type = kInt},
    {.id = kSnmpMsgUserName, .abbrev = "snmp.msgUserName", .name = "msgUserName",
     .type = kString},
    {.id = kSnmpMsgAuthenticationParameters,
     .abbrev = "snmp.msgAuthenticationParameters",
     .name = "msgAuthenticationParameters", .type = kBytes},
    {.id = kSnmpMsgPrivacyParameters, .abbrev = "snmp.msgPrivacyParameters",
     .name = "msgPrivacyParameters", .type = kBytes},
    {.id = kSnmpV3Auth, .abbrev = "snmp.v3.auth", .name = "Authentication", .type = kBool,
     .true_false = {"OK", "Failed"}},
    {.id = kSnmpUsmAuthProtocol, .abbrev = "snmp.usm.auth_protocol",
     .name = "Authentication protocol", .type = kString, .in_wireshark = false},
    {.id = kSnmpUsmPrivProtocol, .abbrev = "snmp.usm.priv_protocol",
     .name = "Privacy protocol", .type = kString, .in_wireshark = false},
    // Wireshark's FT_FRAMENUM fields; which frame answered or was answered.
    {.id = kSnmpResponseIn, .abbrev = "snmp.response_in", .name = "Response In",
     .type = kUint},
    {.id = kSnmpResponseTo, .abbrev = "snmp.response_to", .name = "Response To",
     .type = kUint},
    {.id = kSnmpTime, .abbrev = "snmp.time", .name = "Time", .type = kRelativeTime},

    {.id = kSnmpEngineIdConform, .abbrev = "snmp.engineid.conform",
     .name = "Engine ID Conformance", .type = kBool, .true_false = kConformance,
     .bitmask = 0x80, .bit_width = 8},
    {.id = kSnmpEngineIdEnterprise, .abbrev = "snmp.engineid.enterprise",
     .name = "Engine Enterprise ID", .type = kUint, .value_names = kEnterpriseNames},
    {.id = kSnmpEngineIdFormat, .abbrev = "snmp.engineid.format",
     .name = "Engine ID Format", .type = kUint, .value_names = kEngineIdFormatNames,
     .unknown_name = "Unknown"},
    {.id = kSnmpEngineIdIpv4, .abbrev = "snmp.engineid.ipv4",
     .name = "Engine ID Data: IPv4 address", .type = kIpv4},
    {.id = kSnmpEngineIdIpv6, .abbrev = "snmp.engineid.ipv6",
     .name = "Engine ID Data: IPv6 address", .type = kIpv6},
    {.id = kSnmpEngineIdMac, .abbrev = "snmp.engineid.mac",
     .name = "Engine ID Data: MAC address", .type = kEther},
    {.id = kSnmpEngineIdText, .abbrev = "snmp.engineid.text",
     .name = "Engine ID Data: Text", .type = kString},
    {.id = kSnmpEngineIdData, .abbrev = "snmp.engineid.data", .name = "Engine ID Data",
     .type = kBytes},
    {.id = kSnmpEngineIdTime, .abbrev = "snmp.engineid.time",
     .name = "Engine ID Data: Creation Time", .type = kAbsoluteTime},
    {.id = kSnmpAgentIdTrailer, .abbrev = "snmp.agentid_trailer",
     .name = "AgentID Trailer", .type = kBytes},

    {.id = kSnmpMsgData, .abbrev = "snmp.msgData", .name = "msgData", .type = kUint,
     .value_names = kMsgDataNames, .unknown_name = "Unknown"},
    {.id = kSnmpPlaintextElement, .abbrev = "snmp.plaintext_element",
     .name = "plaintext", .type = kNone},
    {.id = kSnmpEncryptedPdu, .abbrev = "snmp.encryptedPDU", .name = "encryptedPDU",
     .type = kBytes},
    {.id = kSnmpDecryptedPdu, .abbrev = "snmp.decrypted_pdu", .name = "Decrypted ScopedPDU",
     .type = kBytes},
    {.id = kSnmpContextEngineId, .abbrev = "snmp.contextEngineID",
     .name = "contextEngineID", .type = kBytes},
    {.id = kSnmpContextName, .abbrev = "snmp.contextName", .name = "contextName",
     .type = kString},

    {.id = kSnmpData, .abbrev = "snmp.data", .name = "data", .type = kUint,
     .value_names = kPduNames, .unknown_name = "Unknown"},
    {.id = kSnmpGetRequestElement, .abbrev = "snmp.get_request_element",
     .name = "get-request", .type = kNone},
    {.id = kSnmpGetNextRequestElement, .abbrev = "snmp.get_next_request_element",
     .name = "get-next-request", .type = kNone},
    {.id = kSnmpGetResponseElement, .abbrev = "snmp.get_response_element",
     .name = "get-response", .type = kNone},
    {.id = kSnmpSetRequestElement, .abbrev = "snmp.set_request_element",
     .name = "set-request", .type = kNone},
    {.id = kSnmpTrapElement, .abbrev = "snmp.trap_element", .name = "trap",
     .type = kNone},
    {.id = kSnmpGetBulkRequestElement, .abbrev = "snmp.getBulkRequest_element",
     .name = "getBulkRequest", .type = kNone},
    {.id = kSnmpInformRequestElement, .abbrev = "snmp.informRequest_element",
     .name = "informRequest", .type = kNone},
    {.id = kSnmpV2TrapElement, .abbrev = "snmp.snmpV2_trap_element",
     .name = "snmpV2-trap", .type = kNone},
    {.id = kSnmpReportElement, .abbrev = "snmp.report_element", .name = "report",
     .type = kNone},
    {.id = kSnmpRequestId, .abbrev = "snmp.request_id", .name = "request-id",
     .type = kInt},
    {.id = kSnmpErrorStatus, .abbrev = "snmp.error_status", .name = "error-status",
     .type = kInt, .value_names = kErrorStatusNames, .unknown_name = "Unknown"},
    {.id = kSnmpErrorIndex, .abbrev = "snmp.error_index", .name = "error-index",
     .type = kInt},
    {.id = kSnmpNonRepeaters, .abbrev = "snmp.non_repeaters", .name = "non-repeaters",
     .type = kInt},
    {.id = kSnmpMaxRepetitions, .abbrev = "snmp.max_repetitions",
     .name = "max-repetitions", .type = kInt},
    {.id = kSnmpEnterprise, .abbrev = "snmp.enterprise", .name = "enterprise",
     .type = kOid},
    {.id = kSnmpAgentAddr, .abbrev = "snmp.agent_addr", .name = "agent-addr",
     .type = kIpv4},
    {.id = kSnmpGenericTrap, .abbrev = "snmp.generic_trap", .name = "generic-trap",
     .type = kInt, .value_names = kGenericTrapNames, .unknown_name = "Unknown"},
    {.id = kSnmpSpecificTrap, .abbrev = "snmp.specific_trap", .name = "specific-trap",
     .type = kInt},
    // Signed here (Wireshark: FT_UINT32) so that a lying negative TimeTicks
    // shows as sent; the decoder flags it.
    {.id = kSnmpTimeStamp, .abbrev = "snmp.time_stamp", .name = "time-stamp",
     .type = kInt},
    {.id = kSnmpVariableBindings, .abbrev = "snmp.variable_bindings",
     .name = "variable-bindings", .type = kUint, .display = Display::kItemCount},
    {.id = kSnmpVarBind, .abbrev = "snmp.VarBind_element", .name = "VarBind",
     .type = kNone, .display = Display::kSummaryOfChildren},
    {.id = kSnmpName, .abbrev = "snmp.name", .name = "Object Name", .type = kOid},

    {.id = kSnmpValueInt, .abbrev = "snmp.value.int", .name = "Value (Integer32)",
     .type = kInt},
    {.id = kSnmpValueOctets, .abbrev = "snmp.value.octets",
     .name = "Value (OctetString)", .type = kBytes,
     .display = Display::kTextIfPrintable},
    {.id = kSnmpValueOid, .abbrev = "snmp.value.oid", .name = "Value (OID)",
     .type = kOid},
    {.id = kSnmpValueNull, .abbrev = "snmp.value.null", .name = "Value (Null)",
     .type = kNone},
    {.id = kSnmpValueIpv4, .abbrev = "snmp.value.ipv4", .name = "Value (IpAddress)",
     .type = kIpv4},
    {.id = kSnmpValueIpv6, .abbrev = "snmp.value.ipv6", .name = "Value (IpAddress)",
     .type = kIpv6},
    {.id = kSnmpValueAddr, .abbrev = "snmp.value.addr", .name = "Value (IpAddress)",
     .type = kBytes},
    {.id = kSnmpValueU32, .abbrev = "snmp.value.u32", .name = "Value (Unsigned32)",
     .type = kUint},
    {.id = kSnmpValueG32, .abbrev = "snmp.value.g32", .name = "Value (Gauge32)",
     .type = kUint},
    {.id = kSnmpValueUnknown, .abbrev = "snmp.value.unk", .name = "Value (Unknown)",
     .type = kBytes},
    // Wireshark shows Counter64 on this field too, labelled "Value (Counter64)".
    {.id = kSnmpValueCounter, .abbrev = "snmp.value.counter",
     .name = "Value (Counter32)", .type = kUint},
    {.id = kSnmpValueNsap, .abbrev = "snmp.value.nsap", .name = "Value (NSAP)",
     .type = kBytes},
    {.id = kSnmpValueTimeticks, .abbrev = "snmp.value.timeticks",
     .name = "Value (Timeticks)", .type = kUint},
    {.id = kSnmpValueOpaque, .abbrev = "snmp.value.opaque", .name = "Value (Opaque)",
     .type = kBytes},
    {.id = kSnmpNoSuchObject, .abbrev = "snmp.noSuchObject", .name = "noSuchObject",
     .type = kNone},
    {.id = kSnmpNoSuchInstance, .abbrev = "snmp.noSuchInstance",
     .name = "noSuchInstance", .type = kNone},
    {.id = kSnmpEndOfMibView, .abbrev = "snmp.endOfMibView", .name = "endOfMibView",
     .type = kNone},

    {.id = kSnmpValueOpaqueFloat, .abbrev = "snmp.value.opaque.float",
     .name = "Opaque Float", .type = kDouble, .display = Display::kSinglePrecision,
     .in_wireshark = false},
    {.id = kSnmpValueOpaqueDouble, .abbrev = "snmp.value.opaque.double",
     .name = "Opaque Double", .type = kDouble, .in_wireshark = false},
    {.id = kSnmpValueOpaqueCounter64, .abbrev = "snmp.value.opaque.counter64",
     .name = "Opaque Counter64", .type = kUint, .in_wireshark = false},
    {.id = kSnmpValueOpaqueInt64, .abbrev = "snmp.value.opaque.int64",
     .name = "Opaque Int64", .type = kInt, .in_wireshark = false},
    {.id = kSnmpValueOpaqueUint64, .abbrev = "snmp.value.opaque.uint64",
     .name = "Opaque UInt64", .type = kUint, .in_wireshark = false},
    // --- Capture pipeline layers (see fields.h).
    {.id = kFrame, .abbrev = "frame", .name = "Frame", .type = kProtocol},
    {.id = kFrameTime, .abbrev = "frame.time", .name = "Arrival Time",
     .type = kAbsoluteTime},
    // Wireshark 4.0: FT_RELATIVE_TIME (seconds since the epoch).
    {.id = kFrameTimeEpoch, .abbrev = "frame.time_epoch", .name = "Epoch Time",
     .type = kRelativeTime},
    {.id = kFrameTimeDelta, .abbrev = "frame.time_delta",
     .name = "Time delta from previous captured frame", .type = kRelativeTime},
    {.id = kFrameTimeRelative, .abbrev = "frame.time_relative",
     .name = "Time since reference or first frame", .type = kRelativeTime},
    {.id = kFrameNumber, .abbrev = "frame.number", .name = "Frame Number", .type = kUint},
    {.id = kFrameLen, .abbrev = "frame.len", .name = "Frame Length", .type = kUint},
    {.id = kFrameCapLen, .abbrev = "frame.cap_len", .name = "Capture Length",
     .type = kUint},
    {.id = kFrameProtocols, .abbrev = "frame.protocols", .name = "Protocols in frame",
     .type = kString},

    {.id = kEth, .abbrev = "eth", .name = "Ethernet II", .type = kProtocol},
    {.id = kEthDst, .abbrev = "eth.dst", .name = "Destination", .type = kEther},
    {.id = kEthSrc, .abbrev = "eth.src", .name = "Source", .type = kEther},
    {.id = kEthAddr, .abbrev = "eth.addr", .name = "Address", .type = kEther},
    {.id = kEthDstLg, .abbrev = "eth.dst.lg", .name = "LG bit", .type = kBool,
     .true_false = kLgBit, .bitmask = 0x020000, .bit_width = 24},
    {.id = kEthDstIg, .abbrev = "eth.dst.ig", .name = "IG bit", .type = kBool,
     .true_false = kIgBit, .bitmask = 0x010000, .bit_width = 24},
    {.id = kEthSrcLg, .abbrev = "eth.src.lg", .name = "LG bit", .type = kBool,
     .true_false = kLgBit, .bitmask = 0x020000, .bit_width = 24},
    {.id = kEthSrcIg, .abbrev = "eth.src.ig", .name = "IG bit", .type = kBool,
     .true_false = kIgBit, .bitmask = 0x010000, .bit_width = 24},
    {.id = kEthType, .abbrev = "eth.type", .name = "Type", .type = kUint,
     .display = Display::kHex, .value_names = kEthertypeNames},
    {.id = kEthLen, .abbrev = "eth.len", .name = "Length", .type = kUint},
    {.id = kEthPadding, .abbrev = "eth.padding", .name = "Padding", .type = kBytes},
    {.id = kEthTrailer, .abbrev = "eth.trailer", .name = "Trailer", .type = kBytes},

    {.id = kVlan, .abbrev = "vlan", .name = "802.1Q Virtual LAN", .type = kProtocol},
    {.id = kVlanPriority, .abbrev = "vlan.priority", .name = "Priority", .type = kUint,
     .value_names = kVlanPriorityNames, .bitmask = 0xe000, .bit_width = 16},
    {.id = kVlanDei, .abbrev = "vlan.dei", .name = "DEI", .type = kBool,
     .true_false = kDeiBit, .bitmask = 0x1000, .bit_width = 16},
    {.id = kVlanId, .abbrev = "vlan.id", .name = "ID", .type = kUint, .bitmask = 0x0fff,
     .bit_width = 16},
    {.id = kVlanEtype, .abbrev = "vlan.etype", .name = "Type", .type = kUint,
     .display = Display::kHex, .value_names = kEthertypeNames},
    {.id = kIeee8021ad, .abbrev = "ieee8021ad", .name = "IEEE 802.1ad", .type = kProtocol},
    {.id = kIeee8021adPriority, .abbrev = "ieee8021ad.priority", .name = "Priority",
     .type = kUint, .bitmask = 0xe000, .bit_width = 16},
    {.id = kIeee8021adDei, .abbrev = "ieee8021ad.dei", .name = "DEI", .type = kUint,
     .bitmask = 0x1000, .bit_width = 16},
    {.id = kIeee8021adId, .abbrev = "ieee8021ad.id", .name = "ID", .type = kUint,
     .bitmask = 0x0fff, .bit_width = 16},
    {.id = kIeee8021ahEtype, .abbrev = "ieee8021ah.etype", .name = "Type", .type = kUint,
     .display = Display::kHex, .value_names = kEthertypeNames},

    {.id = kSll, .abbrev = "sll", .name = "Linux cooked capture", .type = kProtocol},
    {.id = kSllPkttype, .abbrev = "sll.pkttype", .name = "Packet type", .type = kUint,
     .value_names = kSllPacketTypeNames, .unknown_name = "Unknown"},
    {.id = kSllHatype, .abbrev = "sll.hatype", .name = "Link-layer address type",
     .type = kUint, .value_names = kSllHardwareTypeNames},
    {.id = kSllHalen, .abbrev = "sll.halen", .name = "Link-layer address length",
     .type = kUint},
    {.id = kSllSrcEth, .abbrev = "sll.src.eth", .name = "Source", .type = kEther},
    {.id = kSllSrcOther, .abbrev = "sll.src.other", .name = "Source", .type = kBytes},
    {.id = kSllUnused, .abbrev = "sll.unused", .name = "Unused", .type = kBytes},
    {.id = kSllLtype, .abbrev = "sll.ltype", .name = "Protocol", .type = kUint,
     .display = Display::kHex},
    {.id = kSllEtype, .abbrev = "sll.etype", .name = "Protocol", .type = kUint,
     .display = Display::kHex, .value_names = kEthertypeNames},
    {.id = kSllIfindex, .abbrev = "sll.ifindex", .name = "Interface index", .type = kUint},

    {.id = kNull, .abbrev = "null", .name = "Null/Loopback", .type = kProtocol},
    {.id = kNullFamily, .abbrev = "null.family", .name = "Family", .type = kUint,
     .value_names = kNullFamilyNames, .unknown_name = "Unknown"},
    {.id = kRaw, .abbrev = "raw", .name = "Raw packet data", .type = kProtocol},

    {.id = kIp, .abbrev = "ip", .name = "Internet Protocol Version 4", .type = kProtocol},
    {.id = kIpVersion, .abbrev = "ip.version", .name = "Version", .type = kUint,
     .bitmask = 0xf0, .bit_width = 8},
    // In octets, as tshark gives it (the header holds 32-bit words).
    {.id = kIpHdrLen, .abbrev = "ip.hdr_len", .name = "Header Length", .type = kUint},
    {.id = kIpDsfield, .abbrev = "ip.dsfield", .name = "Differentiated Services Field",
     .type = kUint, .display = Display::kHex},
    {.id = kIpDsfieldDscp, .abbrev = "ip.dsfield.dscp",
     .name = "Differentiated Services Codepoint", .type = kUint, .value_names = kDscpNames,
     .unknown_name = "Unknown", .bitmask = 0xfc, .bit_width = 8},
    {.id = kIpDsfieldEcn, .abbrev = "ip.dsfield.ecn",
     .name = "Explicit Congestion Notification", .type = kUint, .value_names = kEcnNames,
     .bitmask = 0x03, .bit_width = 8},
    {.id = kIpLen, .abbrev = "ip.len", .name = "Total Length", .type = kUint},
    {.id = kIpId, .abbrev = "ip.id", .name = "Identification", .type = kUint,
     .display = Display::kHex},
    {.id = kIpFlags, .abbrev = "ip.flags", .name = "Flags", .type = kUint,
     .display = Display::kHex, .bitmask = 0xe0, .bit_width = 8},
    {.id = kIpFlagsRb, .abbrev = "ip.flags.rb", .name = "Reserved bit", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x80, .bit_width = 8},
    {.id = kIpFlagsDf, .abbrev = "ip.flags.df", .name = "Don't fragment", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x40, .bit_width = 8},
    {.id = kIpFlagsMf, .abbrev = "ip.flags.mf", .name = "More fragments", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x20, .bit_width = 8},
    // In 8-octet units, as tshark 4.0 gives it.
    {.id = kIpFragOffset, .abbrev = "ip.frag_offset", .name = "Fragment Offset",
     .type = kUint, .bitmask = 0x1fff, .bit_width = 16},
    {.id = kIpTtl, .abbrev = "ip.ttl", .name = "Time to Live", .type = kUint},
    {.id = kIpProto, .abbrev = "ip.proto", .name = "Protocol", .type = kUint,
     .value_names = kIpProtoNames},
    {.id = kIpChecksum, .abbrev = "ip.checksum", .name = "Header Checksum", .type = kUint,
     .display = Display::kHex},
    {.id = kIpSrc, .abbrev = "ip.src", .name = "Source Address", .type = kIpv4},
    {.id = kIpDst, .abbrev = "ip.dst", .name = "Destination Address", .type = kIpv4},
    {.id = kIpAddr, .abbrev = "ip.addr", .name = "Source or Destination Address",
     .type = kIpv4},
    // Wireshark shows the options under a text item without a field.
    {.id = kIpOptions, .abbrev = "ip.options", .name = "Options", .type = kNone,
     .in_wireshark = false},
    {.id = kIpOptionsEol, .abbrev = "ip.options.eol",
     .name = "IP Option - End of Options List (EOL)", .type = kProtocol},
    {.id = kIpOptionsNop, .abbrev = "ip.options.nop",
     .name = "IP Option - No-Operation (NOP)", .type = kProtocol},
    {.id = kIpOptionsRecordRoute, .abbrev = "ip.options.record_route",
     .name = "IP Option - Record Route", .type = kProtocol},
    {.id = kIpOptionsRoute, .abbrev = "ip.options.route",
     .name = "IP Option - Loose Source Route", .type = kProtocol},
    {.id = kIpOptionsSourceRoute, .abbrev = "ip.options.source_route",
     .name = "IP Option - Strict Source Route", .type = kProtocol},
    {.id = kIpOptionsTimestamp, .abbrev = "ip.options.timestamp",
     .name = "IP Option - Time Stamp", .type = kProtocol},
    {.id = kIpOptionsRouterAlert, .abbrev = "ip.options.routeralert",
     .name = "IP Option - Router Alert", .type = kProtocol},
    {.id = kIpOptionsSid, .abbrev = "ip.options.sid", .name = "IP Option - Stream ID",
     .type = kProtocol},
    {.id = kIpOptionsUnknown, .abbrev = "ip.options.unknown",
     .name = "IP Option - Unknown", .type = kProtocol, .in_wireshark = false},
    {.id = kIpOptType, .abbrev = "ip.opt.type", .name = "Type", .type = kUint,
     .value_names = kIpOptionTypeNames, .unknown_name = "Unknown"},
    {.id = kIpOptTypeCopy, .abbrev = "ip.opt.type.copy", .name = "Copy on fragmentation",
     .type = kBool, .true_false = kYesNo, .bitmask = 0x80, .bit_width = 8},
    {.id = kIpOptTypeClass, .abbrev = "ip.opt.type.class", .name = "Class",
     .type = kUint, .value_names = kIpOptionClassNames, .bitmask = 0x60, .bit_width = 8},
    {.id = kIpOptTypeNumber, .abbrev = "ip.opt.type.number", .name = "Number",
     .type = kUint, .bitmask = 0x1f, .bit_width = 8},
    {.id = kIpOptLen, .abbrev = "ip.opt.len", .name = "Length", .type = kUint},
    {.id = kIpOptPtr, .abbrev = "ip.opt.ptr", .name = "Pointer", .type = kUint},
    {.id = kIpRecRt, .abbrev = "ip.rec_rt", .name = "Recorded Route", .type = kIpv4},
    {.id = kIpSrcRt, .abbrev = "ip.src_rt", .name = "Source Route", .type = kIpv4},
    {.id = kIpOptRa, .abbrev = "ip.opt.ra", .name = "Router Alert", .type = kUint},
    {.id = kIpOptSid, .abbrev = "ip.opt.sid", .name = "Stream Identifier", .type = kUint},
    {.id = kIpOptOverflow, .abbrev = "ip.opt.overflow", .name = "Overflow", .type = kUint,
     .bitmask = 0xf0, .bit_width = 8},
    {.id = kIpOptFlag, .abbrev = "ip.opt.flag", .name = "Flag", .type = kUint,
     .value_names = kIpTimestampFlagNames, .unknown_name = "Unknown", .bitmask = 0x0f,
     .bit_width = 8},
    {.id = kIpOptTimeStamp, .abbrev = "ip.opt.time_stamp", .name = "Time stamp",
     .type = kUint},
    {.id = kIpOptTimeStampAddr, .abbrev = "ip.opt.time_stamp_addr", .name = "Address",
     .type = kIpv4},
    // The content octets of an option not taken apart; Wireshark has no
    // generic field for them.
    {.id = kIpOptData, .abbrev = "ip.opt.data", .name = "Data", .type = kBytes,
     .in_wireshark = false},
    // Wireshark: FT_BYTES; here a structure over the fragments' frames.
    {.id = kIpFragments, .abbrev = "ip.fragments", .name = "IPv4 Fragments",
     .type = kNone},
    // Wireshark: FT_FRAMENUM.
    {.id = kIpFragment, .abbrev = "ip.fragment", .name = "IPv4 Fragment", .type = kUint},
    {.id = kIpFragmentCount, .abbrev = "ip.fragment.count", .name = "Fragment count",
     .type = kUint},
    {.id = kIpReassembledLength, .abbrev = "ip.reassembled.length",
     .name = "Reassembled IPv4 length", .type = kUint},
    {.id = kIpReassembledData, .abbrev = "ip.reassembled.data",
     .name = "Reassembled IPv4 data", .type = kBytes},

    {.id = kIpv6Protocol, .abbrev = "ipv6", .name = "Internet Protocol Version 6",
     .type = kProtocol},
    {.id = kIpv6Version, .abbrev = "ipv6.version", .name = "Version", .type = kUint,
     .bitmask = 0xf0, .bit_width = 8},
    {.id = kIpv6Tclass, .abbrev = "ipv6.tclass", .name = "Traffic Class", .type = kUint,
     .display = Display::kHex, .bitmask = 0x0ff00000, .bit_width = 32},
    {.id = kIpv6TclassDscp, .abbrev = "ipv6.tclass.dscp",
     .name = "Differentiated Services Codepoint", .type = kUint, .value_names = kDscpNames,
     .unknown_name = "Unknown", .bitmask = 0x0fc00000, .bit_width = 32},
    {.id = kIpv6TclassEcn, .abbrev = "ipv6.tclass.ecn",
     .name = "Explicit Congestion Notification", .type = kUint, .value_names = kEcnNames,
     .bitmask = 0x00300000, .bit_width = 32},
    {.id = kIpv6Flow, .abbrev = "ipv6.flow", .name = "Flow Label", .type = kUint,
     .display = Display::kHex, .bitmask = 0x000fffff, .bit_width = 32},
    {.id = kIpv6Plen, .abbrev = "ipv6.plen", .name = "Payload Length", .type = kUint},
    {.id = kIpv6Nxt, .abbrev = "ipv6.nxt", .name = "Next Header", .type = kUint,
     .value_names = kIpProtoNames},
    {.id = kIpv6Hlim, .abbrev = "ipv6.hlim", .name = "Hop Limit", .type = kUint},
    {.id = kIpv6Src, .abbrev = "ipv6.src", .name = "Source Address", .type = kIpv6},
    {.id = kIpv6Dst, .abbrev = "ipv6.dst", .name = "Destination Address", .type = kIpv6},
    {.id = kIpv6Addr, .abbrev = "ipv6.addr", .name = "Source or Destination Address",
     .type = kIpv6},
    {.id = kIpv6Hopopts, .abbrev = "ipv6.hopopts", .name = "IPv6 Hop-by-Hop Option",
     .type = kProtocol},
    {.id = kIpv6HopoptsNxt, .abbrev = "ipv6.hopopts.nxt", .name = "Next Header",
     .type = kUint, .value_names = kIpProtoNames},
    {.id = kIpv6HopoptsLen, .abbrev = "ipv6.hopopts.len", .name = "Length", .type = kUint},
    {.id = kIpv6HopoptsLenOct, .abbrev = "ipv6.hopopts.len_oct", .name = "Length",
     .type = kUint},
    {.id = kIpv6Dstopts, .abbrev = "ipv6.dstopts", .name = "Destination Options for IPv6",
     .type = kProtocol},
    {.id = kIpv6DstoptsNxt, .abbrev = "ipv6.dstopts.nxt", .name = "Next Header",
     .type = kUint, .value_names = kIpProtoNames},
    {.id = kIpv6DstoptsLen, .abbrev = "ipv6.dstopts.len", .name = "Length", .type = kUint},
    {.id = kIpv6DstoptsLenOct, .abbrev = "ipv6.dstopts.len_oct", .name = "Length",
     .type = kUint},
    {.id = kIpv6Opt, .abbrev = "ipv6.opt", .name = "IPv6 Option", .type = kNone},
    {.id = kIpv6OptType, .abbrev = "ipv6.opt.type", .name = "Type", .type = kUint,
     .display = Display::kHex, .value_names = kIpv6OptionTypeNames},
    {.id = kIpv6OptLength, .abbrev = "ipv6.opt.length", .name = "Length", .type = kUint},
    {.id = kIpv6OptPad1, .abbrev = "ipv6.opt.pad1", .name = "Pad1", .type = kNone},
    {.id = kIpv6OptPadn, .abbrev = "ipv6.opt.padn", .name = "PadN", .type = kBytes},
    {.id = kIpv6OptRouterAlert, .abbrev = "ipv6.opt.router_alert", .name = "Router Alert",
     .type = kUint},
    {.id = kIpv6OptJumbo, .abbrev = "ipv6.opt.jumbo", .name = "Payload Length",
     .type = kUint},
    {.id = kIpv6OptUnknown, .abbrev = "ipv6.opt.unknown", .name = "Unknown Option Payload",
     .type = kBytes},
    {.id = kIpv6Routing, .abbrev = "ipv6.routing", .name = "Routing Header for IPv6",
     .type = kProtocol},
    {.id = kIpv6RoutingNxt, .abbrev = "ipv6.routing.nxt", .name = "Next Header",
     .type = kUint, .value_names = kIpProtoNames},
    {.id = kIpv6RoutingLen, .abbrev = "ipv6.routing.len", .name = "Length", .type = kUint},
    {.id = kIpv6RoutingLenOct, .abbrev = "ipv6.routing.len_oct", .name = "Length",
     .type = kUint},
    {.id = kIpv6RoutingType, .abbrev = "ipv6.routing.type", .name = "Type", .type = kUint,
     .value_names = kIpv6RoutingTypeNames, .unknown_name = "Unknown"},
    {.id = kIpv6RoutingSegleft, .abbrev = "ipv6.routing.segleft", .name = "Segments Left",
     .type = kUint},
    {.id = kIpv6RoutingUnknownData, .abbrev = "ipv6.routing.unknown_data",
     .name = "Type-Specific Data", .type = kBytes},
    {.id = kIpv6Fraghdr, .abbrev = "ipv6.fraghdr", .name = "Fragment Header for IPv6",
     .type = kProtocol},
    {.id = kIpv6FraghdrNxt, .abbrev = "ipv6.fraghdr.nxt", .name = "Next header",
     .type = kUint, .value_names = kIpProtoNames},
    {.id = kIpv6FraghdrReservedOctet, .abbrev = "ipv6.fraghdr.reserved_octet",
     .name = "Reserved octet", .type = kUint, .display = Display::kHex},
    // In 8-octet units, as tshark 4.0 gives it.
    {.id = kIpv6FraghdrOffset, .abbrev = "ipv6.fraghdr.offset", .name = "Offset",
     .type = kUint, .bitmask = 0xfff8, .bit_width = 16},
    {.id = kIpv6FraghdrReservedBits, .abbrev = "ipv6.fraghdr.reserved_bits",
     .name = "Reserved bits", .type = kUint, .bitmask = 0x0006, .bit_width = 16},
    {.id = kIpv6FraghdrMore, .abbrev = "ipv6.fraghdr.more", .name = "More Fragments",
     .type = kBool, .true_false = kYesNo, .bitmask = 0x0001, .bit_width = 16},
    {.id = kIpv6FraghdrIdent, .abbrev = "ipv6.fraghdr.ident", .name = "Identification",
     .type = kUint, .display = Display::kHex},
    {.id = kIpv6Fragments, .abbrev = "ipv6.fragments", .name = "IPv6 Fragments",
     .type = kNone},
    {.id = kIpv6Fragment, .abbrev = "ipv6.fragment", .name = "IPv6 Fragment",
     .type = kUint},
    {.id = kIpv6FragmentCount, .abbrev = "ipv6.fragment.count", .name = "Fragment count",
     .type = kUint},
    {.id = kIpv6ReassembledLength, .abbrev = "ipv6.reassembled.length",
     .name = "Reassembled IPv6 length", .type = kUint},
    {.id = kIpv6ReassembledData, .abbrev = "ipv6.reassembled.data",
     .name = "Reassembled IPv6 data", .type = kBytes},

    {.id = kUdp, .abbrev = "udp", .name = "User Datagram Protocol", .type = kProtocol},
    {.id = kUdpSrcport, .abbrev = "udp.srcport", .name = "Source Port", .type = kUint},
    {.id = kUdpDstport, .abbrev = "udp.dstport", .name = "Destination Port", .type = kUint},
    {.id = kUdpPort, .abbrev = "udp.port", .name = "Source or Destination Port",
     .type = kUint},
    {.id = kUdpLength, .abbrev = "udp.length", .name = "Length", .type = kUint},
    {.id = kUdpChecksum, .abbrev = "udp.checksum", .name = "Checksum", .type = kUint,
     .display = Display::kHex},

    {.id = kTcp, .abbrev = "tcp", .name = "Transmission Control Protocol",
     .type = kProtocol},
    {.id = kTcpSrcport, .abbrev = "tcp.srcport", .name = "Source Port", .type = kUint},
    {.id = kTcpDstport, .abbrev = "tcp.dstport", .name = "Destination Port", .type = kUint},
    {.id = kTcpPort, .abbrev = "tcp.port", .name = "Source or Destination Port",
     .type = kUint},
    {.id = kTcpStream, .abbrev = "tcp.stream", .name = "Stream index", .type = kUint},
    {.id = kTcpLen, .abbrev = "tcp.len", .name = "TCP Segment Len", .type = kUint},
    // Relative to the first sequence number seen in that direction, as
    // tshark shows by default; tcp.seq_raw is the header's.
    {.id = kTcpSeq, .abbrev = "tcp.seq", .name = "Sequence Number", .type = kUint},
    {.id = kTcpSeqRaw, .abbrev = "tcp.seq_raw", .name = "Sequence Number (raw)",
     .type = kUint},
    {.id = kTcpNxtseq, .abbrev = "tcp.nxtseq", .name = "Next Sequence Number",
     .type = kUint},
    {.id = kTcpAck, .abbrev = "tcp.ack", .name = "Acknowledgment Number", .type = kUint},
    {.id = kTcpAckRaw, .abbrev = "tcp.ack_raw", .name = "Acknowledgment number (raw)",
     .type = kUint},
    // In octets, as tshark gives it.
    {.id = kTcpHdrLen, .abbrev = "tcp.hdr_len", .name = "Header Length", .type = kUint},
    {.id = kTcpFlags, .abbrev = "tcp.flags", .name = "Flags", .type = kUint,
     .display = Display::kHex, .bitmask = 0x0fff, .bit_width = 12},
    {.id = kTcpFlagsRes, .abbrev = "tcp.flags.res", .name = "Reserved", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0xe00, .bit_width = 12},
    {.id = kTcpFlagsAe, .abbrev = "tcp.flags.ae", .name = "Accurate ECN", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x100, .bit_width = 12},
    {.id = kTcpFlagsCwr, .abbrev = "tcp.flags.cwr", .name = "Congestion Window Reduced",
     .type = kBool, .true_false = kSetNotSet, .bitmask = 0x080, .bit_width = 12},
    {.id = kTcpFlagsEce, .abbrev = "tcp.flags.ece", .name = "ECN-Echo", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x040, .bit_width = 12},
    {.id = kTcpFlagsUrg, .abbrev = "tcp.flags.urg", .name = "Urgent", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x020, .bit_width = 12},
    {.id = kTcpFlagsAck, .abbrev = "tcp.flags.ack", .name = "Acknowledgment",
     .type = kBool, .true_false = kSetNotSet, .bitmask = 0x010, .bit_width = 12},
    {.id = kTcpFlagsPush, .abbrev = "tcp.flags.push", .name = "Push", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x008, .bit_width = 12},
    {.id = kTcpFlagsReset, .abbrev = "tcp.flags.reset", .name = "Reset", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x004, .bit_width = 12},
    {.id = kTcpFlagsSyn, .abbrev = "tcp.flags.syn", .name = "Syn", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x002, .bit_width = 12},
    {.id = kTcpFlagsFin, .abbrev = "tcp.flags.fin", .name = "Fin", .type = kBool,
     .true_false = kSetNotSet, .bitmask = 0x001, .bit_width = 12},
    {.id = kTcpWindowSizeValue, .abbrev = "tcp.window_size_value", .name = "Window",
     .type = kUint},
    {.id = kTcpChecksum, .abbrev = "tcp.checksum", .name = "Checksum", .type = kUint,
     .display = Display::kHex},
    {.id = kTcpUrgentPointer, .abbrev = "tcp.urgent_pointer", .name = "Urgent Pointer",
     .type = kUint},
    {.id = kTcpOptions, .abbrev = "tcp.options", .name = "Options", .type = kBytes},
    {.id = kTcpOptionsEol, .abbrev = "tcp.options.eol",
     .name = "TCP Option - End of Option List (EOL)", .type = kProtocol},
    {.id = kTcpOptionsNop, .abbrev = "tcp.options.nop",
     .name = "TCP Option - No-Operation (NOP)", .type = kProtocol},
    {.id = kTcpOptionsMss, .abbrev = "tcp.options.mss",
     .name = "TCP Option - Maximum segment size", .type = kProtocol},
    {.id = kTcpOptionsWscale, .abbrev = "tcp.options.wscale",
     .name = "TCP Option - Window scale", .type = kProtocol},
    {.id = kTcpOptionsSackPerm, .abbrev = "tcp.options.sack_perm",
     .name = "TCP Option - SACK permitted", .type = kProtocol},
    {.id = kTcpOptionsSack, .abbrev = "tcp.options.sack", .name = "TCP Option - SACK",
     .type = kProtocol},
    {.id = kTcpOptionsTimestamp, .abbrev = "tcp.options.timestamp",
     .name = "TCP Option - Timestamps", .type = kProtocol},
    {.id = kTcpOptionsUnknown, .abbrev = "tcp.options.unknown",
     .name = "TCP Option - Unknown", .type = kProtocol},
    {.id = kTcpOptionKind, .abbrev = "tcp.option_kind", .name = "Kind", .type = kUint,
     .value_names = kTcpOptionKindNames, .unknown_name = "Unknown"},
    {.id = kTcpOptionLen, .abbrev = "tcp.option_len", .name = "Length", .type = kUint},
    {.id = kTcpOptionsMssVal, .abbrev = "tcp.options.mss_val", .name = "MSS Value",
     .type = kUint},
    {.id = kTcpOptionsWscaleShift, .abbrev = "tcp.options.wscale.shift",
     .name = "Shift count", .type = kUint},
    {.id = kTcpOptionsWscaleMultiplier, .abbrev = "tcp.options.wscale.multiplier",
     .name = "Multiplier", .type = kUint},
    {.id = kTcpOptionsSackLe, .abbrev = "tcp.options.sack_le", .name = "left edge",
     .type = kUint},
    {.id = kTcpOptionsSackRe, .abbrev = "tcp.options.sack_re", .name = "right edge",
     .type = kUint},
    {.id = kTcpOptionsSackCount, .abbrev = "tcp.options.sack.count",
     .name = "TCP SACK Count", .type = kUint},
    {.id = kTcpOptionsTimestampTsval, .abbrev = "tcp.options.timestamp.tsval",
     .name = "Timestamp value", .type = kUint},
    {.id = kTcpOptionsTimestampTsecr, .abbrev = "tcp.options.timestamp.tsecr",
     .name = "Timestamp echo reply", .type = kUint},
    {.id = kTcpOptionsUnknownPayload, .abbrev = "tcp.options.unknown.payload",
     .name = "Payload", .type = kBytes},
    {.id = kTcpSegmentData, .abbrev = "tcp.segment_data", .name = "TCP segment data",
     .type = kBytes},
    {.id = kTcpSegments, .abbrev = "tcp.segments", .name = "Reassembled TCP Segments",
     .type = kNone},
    {.id = kTcpSegment, .abbrev = "tcp.segment", .name = "Frame", .type = kUint},
    {.id = kTcpSegmentCount, .abbrev = "tcp.segment.count", .name = "Segment count",
     .type = kUint},
    {.id = kTcpReassembledLength, .abbrev = "tcp.reassembled.length",
     .name = "Reassembled TCP length", .type = kUint},
    {.id = kTcpReassembledData, .abbrev = "tcp.reassembled.data",
     .name = "Reassembled TCP Data", .type = kBytes},
    {.id = kIpEmptyRt, .abbrev = "ip.empty_rt", .name = "Empty Route", .type = kIpv4},
};

constexpr bool RowsInIdOrder() {
  for (size_t i = 0; i < std::size(kFields); ++i) {
    if (static_cast<size_t>(kFields[i].id) != i) return false;
  }
  return std::size(kFields) == kFieldCount;
}
static_assert(RowsInIdOrder(), "kFields rows must follow FieldId order, one per id");

}  // namespace

const FieldInfo& GetField(FieldId id) { return kFields[static_cast<size_t>(id)]; }

absl::Span<const FieldInfo> AllFields() { return kFields; }

const FieldInfo* FindField(std::string_view abbrev) {
  // A linear scan: lookups by name happen when parsing options (display
  // filters, -e lists), never per packet.
  for (const FieldInfo& field : kFields) {
    if (abbrev == field.abbrev && field.id != FieldId::kRoot) return &field;
  }
  return nullptr;
}

const char* ValueNameOf(const FieldInfo& field, int64_t value) {
  for (const ValueName& name : field.value_names) {
    if (value >= name.min && value <= name.max) return name.name;
  }
  return field.unknown_name;
}

}  // namespace snmpdissect::tree
