// The field table: every field a dissection tree can hold, declared once as
// data (like Wireshark's hf_ registration arrays). A node names its field by
// FieldId; printers look up the abbreviation, display name, type and value
// names here. Nothing else invents field names.
//
// Abbreviations follow Wireshark's (checked against `tshark -G fields` by
// fields_test when tshark is installed), so display filters, -e field lists
// and habits carry over. Where Wireshark has no field for something we show
// (net-snmp Opaque floats, ...), the entry says so with in_wireshark = false.
//
//   const FieldInfo& f = GetField(FieldId::kSnmpMsgId);
//   f.abbrev  // "snmp.msgID"
//   f.name    // "msgID"
//
// To add a field (e.g. for a new layer): add its FieldId below, in the same
// position as its row in fields.cc (a static_assert checks the order).

#ifndef SNMPDISSECT_DISSECTOR_TREE_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_TREE_FIELDS_H_

#include <cstdint>
#include <string_view>

#include "absl/types/span.h"

namespace snmpdissect::tree {

// What kind of value a field holds (Wireshark's FT_* types, narrowed to what
// we use). A node's value kind is its field's type, except that any field may
// fall back to kBytes to show raw content that did not decode (an invalid
// OID, an IpAddress of 3 octets).
enum class FieldType : uint8_t {
  kNone,          // no value: a label, a structure
  kProtocol,      // a protocol layer's top node
  kUint,          // uint64_t
  kInt,           // int64_t
  kBool,          // bool, usually one bit of a flags octet (see bitmask)
  kDouble,        // double
  kBytes,         // raw octets, printed as hex (or text, see Display)
  kString,        // raw octets meant as text; printers escape them
  kOid,           // dotted decimal text, "1.3.6.1.2.1.1.1.0"
  kIpv4,          // uint32_t in host order
  kIpv6,          // 16 octets
  kEther,         // 6 octets
  kAbsoluteTime,  // int64_t nanoseconds since the Unix epoch, UTC
  kRelativeTime,  // int64_t nanoseconds: a duration, or since some origin
};

// How a printer renders the value, beyond its type.
enum class Display : uint8_t {
  kDefault,
  kHex,                 // integers as 0x...
  kItemCount,           // integers as "1 item" / "3 items"
  kTextIfPrintable,     // bytes as "quoted text" when they are printable UTF-8
  kSinglePrecision,     // doubles that came from a 32-bit float
  kSummaryOfChildren,   // kNone: label "<child 1 value>: <child 2 value>"
                        // (Wireshark's VarBind line)
};

// A name for the integer values min..max (Wireshark's range_string).
struct ValueName {
  int64_t min;
  int64_t max;
  const char* name;
};

struct TrueFalse {
  const char* true_text;
  const char* false_text;
};

enum class FieldId : uint16_t {
  kRoot,  // the invisible root every tree starts with
  kWsMalformed,

  kSnmp,
  kSnmpVersion,
  kSnmpCommunity,
  // SNMPv3 header (RFC 3412 section 6).
  kSnmpMsgVersion,
  kSnmpMsgGlobalData,
  kSnmpMsgId,
  kSnmpMsgMaxSize,
  kSnmpMsgFlags,
  kSnmpV3FlagsReport,
  kSnmpV3FlagsCrypt,
  kSnmpV3FlagsAuth,
  kSnmpMsgSecurityModel,
  kSnmpMsgSecurityParameters,
  // USM (RFC 3414 section 2.4).
  kSnmpMsgAuthoritativeEngineId,
  kSnmpMsgAuthoritativeEngineBoots,
  kSnmpMsgAuthoritativeEngineTime,
  kSnmpMsgUserName,
  kSnmpMsgAuthenticationParameters,
  kSnmpMsgPrivacyParameters,
  // USM outcome (RFC 3414 sections 3.2, 6 and 8): generated.
  kSnmpV3Auth,
  kSnmpUsmAuthProtocol,
  kSnmpUsmPrivProtocol,
  // Request/response matching (dissector/conversation).
  kSnmpResponseIn,
  kSnmpResponseTo,
  kSnmpTime,
  // SnmpEngineID structure (RFC 3411 section 5).
  kSnmpEngineIdConform,
  kSnmpEngineIdEnterprise,
  kSnmpEngineIdFormat,
  kSnmpEngineIdIpv4,
  kSnmpEngineIdIpv6,
  kSnmpEngineIdMac,
  kSnmpEngineIdText,
  kSnmpEngineIdData,
  kSnmpEngineIdTime,
  kSnmpAgentIdTrailer,
  // msgData / ScopedPDU.
  kSnmpMsgData,
  kSnmpPlaintextElement,
  kSnmpEncryptedPdu,
  kSnmpDecryptedPdu,
  kSnmpContextEngineId,
  kSnmpContextName,
  // PDUs (RFC 3416 section 3, RFC 1157 section 4.1.6).
  kSnmpData,
  kSnmpGetRequestElement,
  kSnmpGetNextRequestElement,
  kSnmpGetResponseElement,
  kSnmpSetRequestElement,
  kSnmpTrapElement,
  kSnmpGetBulkRequestElement,
  kSnmpInformRequestElement,
  kSnmpV2TrapElement,
  kSnmpReportElement,
  kSnmpRequestId,
  kSnmpErrorStatus,
  kSnmpErrorIndex,
  kSnmpNonRepeaters,
  kSnmpMaxRepetitions,
  kSnmpEnterprise,
  kSnmpAgentAddr,
  kSnmpGenericTrap,
  kSnmpSpecificTrap,
  kSnmpTimeStamp,
  kSnmpVariableBindings,
  kSnmpVarBind,
  kSnmpName,
  // Values (RFC 2578 section 7.1, RFC 3416 section 3).
  kSnmpValueInt,
  kSnmpValueOctets,
  kSnmpValueOid,
  kSnmpValueNull,
  kSnmpValueIpv4,
  kSnmpValueIpv6,
  kSnmpValueAddr,
  kSnmpValueU32,
  kSnmpValueG32,
  kSnmpValueUnknown,
  kSnmpValueCounter,
  kSnmpValueNsap,
  kSnmpValueTimeticks,
  kSnmpValueOpaque,
  kSnmpNoSuchObject,
  kSnmpNoSuchInstance,
  kSnmpEndOfMibView,
  // net-snmp Opaque specials: not in Wireshark.
  kSnmpValueOpaqueFloat,
  kSnmpValueOpaqueDouble,
  kSnmpValueOpaqueCounter64,
  kSnmpValueOpaqueInt64,
  kSnmpValueOpaqueUint64,

  // --- Capture pipeline layers (dissector/proto net layers). Names and
  // types are Wireshark 4.0's (epan/dissectors/packet-frame.c, -eth.c,
  // -vlan.c, -ieee8021ah.c, -sll.c, -null.c, -raw.c, -ip.c, -ipv6.c, -udp.c,
  // -tcp.c). Fields Wireshark adds hidden (ip.addr, udp.port, ...) are
  // ordinary nodes here.
  // Frame (the capture record).
  kFrame,
  kFrameTime,
  kFrameTimeEpoch,
  kFrameTimeDelta,
  kFrameTimeRelative,
  kFrameNumber,
  kFrameLen,
  kFrameCapLen,
  kFrameProtocols,
  // Ethernet II / IEEE 802.3.
  kEth,
  kEthDst,
  kEthSrc,
  kEthAddr,
  kEthDstLg,
  kEthDstIg,
  kEthSrcLg,
  kEthSrcIg,
  kEthType,
  kEthLen,
  kEthPadding,
  kEthTrailer,
  // 802.1Q VLAN tag and 802.1ad S-tag.
  kVlan,
  kVlanPriority,
  kVlanDei,
  kVlanId,
  kVlanEtype,
  kIeee8021ad,
  kIeee8021adPriority,
  kIeee8021adDei,
  kIeee8021adId,
  kIeee8021ahEtype,
  // Linux cooked capture v1 and v2.
  kSll,
  kSllPkttype,
  kSllHatype,
  kSllHalen,
  kSllSrcEth,
  kSllSrcOther,
  kSllUnused,
  kSllLtype,
  kSllEtype,
  kSllIfindex,
  // BSD loopback / raw IP.
  kNull,
  kNullFamily,
  kRaw,
  // IPv4 (RFC 791).
  kIp,
  kIpVersion,
  kIpHdrLen,
  kIpDsfield,
  kIpDsfieldDscp,
  kIpDsfieldEcn,
  kIpLen,
  kIpId,
  kIpFlags,
  kIpFlagsRb,
  kIpFlagsDf,
  kIpFlagsMf,
  kIpFragOffset,
  kIpTtl,
  kIpProto,
  kIpChecksum,
  kIpSrc,
  kIpDst,
  kIpAddr,
  kIpOptions,
  kIpOptionsEol,
  kIpOptionsNop,
  kIpOptionsRecordRoute,
  kIpOptionsRoute,
  kIpOptionsSourceRoute,
  kIpOptionsTimestamp,
  kIpOptionsRouterAlert,
  kIpOptionsSid,
  kIpOptionsUnknown,
  kIpOptType,
  kIpOptTypeCopy,
  kIpOptTypeClass,
  kIpOptTypeNumber,
  kIpOptLen,
  kIpOptPtr,
  kIpRecRt,
  kIpSrcRt,
  kIpOptRa,
  kIpOptSid,
  kIpOptOverflow,
  kIpOptFlag,
  kIpOptTimeStamp,
  kIpOptTimeStampAddr,
  kIpOptData,
  kIpFragments,
  kIpFragment,
  kIpFragmentCount,
  kIpReassembledLength,
  kIpReassembledData,
  // IPv6 (RFC 8200) and its extension headers.
  kIpv6Protocol,  // (FieldType::kIpv6 takes the short name)
  kIpv6Version,
  kIpv6Tclass,
  kIpv6TclassDscp,
  kIpv6TclassEcn,
  kIpv6Flow,
  kIpv6Plen,
  kIpv6Nxt,
  kIpv6Hlim,
  kIpv6Src,
  kIpv6Dst,
  kIpv6Addr,
  kIpv6Hopopts,
  kIpv6HopoptsNxt,
  kIpv6HopoptsLen,
  kIpv6HopoptsLenOct,
  kIpv6Dstopts,
  kIpv6DstoptsNxt,
  kIpv6DstoptsLen,
  kIpv6DstoptsLenOct,
  kIpv6Opt,
  kIpv6OptType,
  kIpv6OptLength,
  kIpv6OptPad1,
  kIpv6OptPadn,
  kIpv6OptRouterAlert,
  kIpv6OptJumbo,
  kIpv6OptUnknown,
  kIpv6Routing,
  kIpv6RoutingNxt,
  kIpv6RoutingLen,
  kIpv6RoutingLenOct,
  kIpv6RoutingType,
  kIpv6RoutingSegleft,
  kIpv6RoutingUnknownData,
  kIpv6Fraghdr,
  kIpv6FraghdrNxt,
  kIpv6FraghdrReservedOctet,
  kIpv6FraghdrOffset,
  kIpv6FraghdrReservedBits,
  kIpv6FraghdrMore,
  kIpv6FraghdrIdent,
  kIpv6Fragments,
  kIpv6Fragment,
  kIpv6FragmentCount,
  kIpv6ReassembledLength,
  kIpv6ReassembledData,
  // UDP (RFC 768).
  kUdp,
  kUdpSrcport,
  kUdpDstport,
  kUdpPort,
  kUdpLength,
  kUdpChecksum,
  // TCP (RFC 9293).
  kTcp,
  kTcpSrcport,
  kTcpDstport,
  kTcpPort,
  kTcpStream,
  kTcpLen,
  kTcpSeq,
  kTcpSeqRaw,
  kTcpNxtseq,
  kTcpAck,
  kTcpAckRaw,
  kTcpHdrLen,
  kTcpFlags,
  kTcpFlagsRes,
  kTcpFlagsAe,
  kTcpFlagsCwr,
  kTcpFlagsEce,
  kTcpFlagsUrg,
  kTcpFlagsAck,
  kTcpFlagsPush,
  kTcpFlagsReset,
  kTcpFlagsSyn,
  kTcpFlagsFin,
  kTcpWindowSizeValue,
  kTcpChecksum,
  kTcpUrgentPointer,
  kTcpOptions,
  kTcpOptionsEol,
  kTcpOptionsNop,
  kTcpOptionsMss,
  kTcpOptionsWscale,
  kTcpOptionsSackPerm,
  kTcpOptionsSack,
  kTcpOptionsTimestamp,
  kTcpOptionsUnknown,
  kTcpOptionKind,
  kTcpOptionLen,
  kTcpOptionsMssVal,
  kTcpOptionsWscaleShift,
  kTcpOptionsWscaleMultiplier,
  kTcpOptionsSackLe,
  kTcpOptionsSackRe,
  kTcpOptionsSackCount,
  kTcpOptionsTimestampTsval,
  kTcpOptionsTimestampTsecr,
  kTcpOptionsUnknownPayload,
  kTcpSegmentData,
  kTcpSegments,
  kTcpSegment,
  kTcpSegmentCount,
  kTcpReassembledLength,
  kTcpReassembledData,
  kIpEmptyRt,  // (late addition: an IPv4 route option's unused slot)
  kCount,  // not a field
};

struct FieldInfo {
  FieldId id;
  const char* abbrev;  // "snmp.msgID"; empty for kRoot only
  const char* name;    // "msgID": what printers show before the value
  FieldType type;
  Display display = Display::kDefault;
  // Integer fields: names for values (printed "name (value)").
  absl::Span<const ValueName> value_names = {};
  // Printed for an integer with no name in value_names; nullptr prints the
  // bare number (open-ended sets such as enterprise numbers).
  const char* unknown_name = nullptr;
  // kBool fields.
  TrueFalse true_false = {"True", "False"};
  // kBool / integer fields that are bits of an octet: the mask within a
  // value of bit_width bits; printers draw ".... .1.. = " like Wireshark.
  uint64_t bitmask = 0;
  uint8_t bit_width = 0;
  // False for fields Wireshark does not have (our extensions).
  bool in_wireshark = true;
};

inline constexpr size_t kFieldCount = static_cast<size_t>(FieldId::kCount);

// The row for `id`; `id` must be a real field (below kCount).
const FieldInfo& GetField(FieldId id);

// Every row, in FieldId order.
absl::Span<const FieldInfo> AllFields();

// The field with this abbreviation, or nullptr.
const FieldInfo* FindField(std::string_view abbrev);

// The name for `value` in `field`'s value_names, or unknown_name (possibly
// nullptr) when none matches.
const char* ValueNameOf(const FieldInfo& field, int64_t value);

}  // namespace snmpdissect::tree

#endif  // SNMPDISSECT_DISSECTOR_TREE_FIELDS_H_
