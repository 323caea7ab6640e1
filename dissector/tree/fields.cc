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
