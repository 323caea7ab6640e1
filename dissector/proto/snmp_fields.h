// Fields and experts of SNMP (RFC 3411-3418, RFC 1157; Wireshark 4.0 packet-snmp.c), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Snmp::hf[Snmp::kValueOpaqueUint64], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_FIELDS_H_

#include <cstdint>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Snmp {
  enum Field : uint16_t {
    kSnmp,
    kVersion,
    kCommunity,
    kMsgVersion,
    kMsgGlobalData,
    kMsgId,
    kMsgMaxSize,
    kMsgFlags,
    kV3FlagsReport,
    kV3FlagsCrypt,
    kV3FlagsAuth,
    kMsgSecurityModel,
    kMsgSecurityParameters,
    kMsgAuthoritativeEngineId,
    kMsgAuthoritativeEngineBoots,
    kMsgAuthoritativeEngineTime,
    kMsgUserName,
    kMsgAuthenticationParameters,
    kMsgPrivacyParameters,
    kV3Auth,
    kUsmAuthProtocol,
    kUsmPrivProtocol,
    kResponseIn,
    kResponseTo,
    kTime,
    kEngineIdConform,
    kEngineIdEnterprise,
    kEngineIdFormat,
    kEngineIdIpv4,
    kEngineIdIpv6,
    kEngineIdMac,
    kEngineIdText,
    kEngineIdData,
    kEngineIdTime,
    kAgentIdTrailer,
    kMsgData,
    kPlaintextElement,
    kEncryptedPdu,
    kDecryptedPdu,
    kContextEngineId,
    kContextName,
    kData,
    kGetRequestElement,
    kGetNextRequestElement,
    kGetResponseElement,
    kSetRequestElement,
    kTrapElement,
    kGetBulkRequestElement,
    kInformRequestElement,
    kV2TrapElement,
    kReportElement,
    kRequestId,
    kErrorStatus,
    kErrorIndex,
    kNonRepeaters,
    kMaxRepetitions,
    kEnterprise,
    kAgentAddr,
    kGenericTrap,
    kSpecificTrap,
    kTimeStamp,
    kVariableBindings,
    kVarBind,
    kName,
    kValueInt,
    kValueOctets,
    kValueOid,
    kValueNull,
    kValueIpv4,
    kValueIpv6,
    kValueAddr,
    kValueU32,
    kValueG32,
    kValueUnknown,
    kValueCounter,
    kValueNsap,
    kValueTimeticks,
    kValueOpaque,
    kNoSuchObject,
    kNoSuchInstance,
    kEndOfMibView,
    kValueOpaqueFloat,
    kValueOpaqueDouble,
    kValueOpaqueCounter64,
    kValueOpaqueInt64,
    kValueOpaqueUint64,
    // MIB resolution (dissector/mib; snmp_mib.cc): generated children of
    // snmp.name, snmp.value.* and snmp.enterprise.
    kNameResolved,
    kNameIndex,
    kValueDisplay,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kVarbindResponse,
    kRfc3411NonConformant,
    kRfc1910NonConformant,
    kInvalidOid,
    kTrapPduObsolete,
    kVarbindWrongClassTag,
    kAuthenticationOk,
    kAuthenticationError,
    kVerifyAuthenticationError,
    kFailedDecryptedDataPdu,
    kDecryptedDataBadFormatted,
    kNonMinimalEncoding,
    kTrailingData,
    kIntegerInvalid,
    kValueOutOfRange,
    kMissingLeadingZero,
    kMsgIdOutOfRange,
    kMsgMaxSizeTooSmall,
    kMsgFlagsWrongSize,
    kPrivWithoutAuth,
    kUnknownSecurityModel,
    kUsmFieldTooLong,
    kEngineIdLength,
    kV2PduInV1,
    kIpAddressWrongSize,
    kOpaqueMalformed,
    kNullWithContent,
    kTooManyDiagnostics,
    kDecoderNote,
    kUsmNote,
    kReportCounter,
    kCryptoUnavailable,
    kRetransmission,
    kNoResponse,
    kResponseUnmatched,
    kInetAddressWithoutType,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_FIELDS_H_
