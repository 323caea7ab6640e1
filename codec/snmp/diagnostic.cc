#include "codec/snmp/diagnostic.h"

namespace snmpdissect::snmp {

const char* DiagnosticText(DiagnosticCode code) {
  switch (code) {
    case DiagnosticCode::kNonMinimalEncoding: return "non-minimal BER encoding (not DER)";
    case DiagnosticCode::kTrailingData: return "trailing data";
    case DiagnosticCode::kIntegerInvalid: return "integer empty or too large to represent";
    case DiagnosticCode::kValueOutOfRange: return "value wider than its type";
    case DiagnosticCode::kMissingLeadingZero:
      return "negative encoding of a non-negative value: the leading 0x00 octet is missing "
             "(X.690 8.3)";
    case DiagnosticCode::kMsgIdOutOfRange: return "msgID outside 0..2147483647";
    case DiagnosticCode::kMsgMaxSizeTooSmall: return "msgMaxSize outside 484..2147483647";
    case DiagnosticCode::kMsgFlagsWrongSize: return "msgFlags is not exactly one octet";
    case DiagnosticCode::kPrivWithoutAuth: return "privFlag set without authFlag";
    case DiagnosticCode::kUnknownSecurityModel: return "unknown security model";
    case DiagnosticCode::kUsmFieldTooLong: return "identifier or parameter longer than RFC 3411/3414 allow";
    case DiagnosticCode::kEngineIdLength: return "engine ID not 5 to 32 octets";
    case DiagnosticCode::kV2PduInV1: return "SNMPv2 PDU in an SNMPv1 message";
    case DiagnosticCode::kV1TrapInV2: return "SNMPv1 Trap-PDU outside SNMPv1";
    case DiagnosticCode::kIpAddressWrongSize: return "IpAddress is not 4 octets";
    case DiagnosticCode::kOidInvalid: return "invalid object identifier";
    case DiagnosticCode::kOpaqueMalformed: return "malformed Opaque special value";
    case DiagnosticCode::kUnknownValueTag: return "unknown value type";
    case DiagnosticCode::kNullWithContent: return "NULL with content octets";
    case DiagnosticCode::kTooManyDiagnostics: return "too many problems; later ones not listed";
  }
  return "unknown diagnostic";
}

Severity DefaultSeverity(DiagnosticCode code) {
  switch (code) {
    case DiagnosticCode::kNonMinimalEncoding:
    case DiagnosticCode::kTooManyDiagnostics:
      return Severity::kNote;
    case DiagnosticCode::kPrivWithoutAuth:
    case DiagnosticCode::kIntegerInvalid:
    case DiagnosticCode::kOidInvalid:
      return Severity::kError;
    default:
      return Severity::kWarning;
  }
}

}  // namespace snmpdissect::snmp
