// Codec diagnostics (codec/snmp/diagnostic.h) as tree experts: Wireshark's
// expert where it reports the same thing, ours otherwise.

#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto::internal {

tree::ExpertId ExpertFor(snmp::DiagnosticCode code) {
  using snmp::DiagnosticCode;
  using tree::ExpertId;
  switch (code) {
    case DiagnosticCode::kNonMinimalEncoding: return ExpertId::kSnmpNonMinimalEncoding;
    case DiagnosticCode::kTrailingData: return ExpertId::kSnmpTrailingData;
    case DiagnosticCode::kIntegerInvalid: return ExpertId::kSnmpIntegerInvalid;
    case DiagnosticCode::kValueOutOfRange: return ExpertId::kSnmpValueOutOfRange;
    case DiagnosticCode::kMissingLeadingZero: return ExpertId::kSnmpMissingLeadingZero;
    case DiagnosticCode::kMsgIdOutOfRange: return ExpertId::kSnmpMsgIdOutOfRange;
    case DiagnosticCode::kMsgMaxSizeTooSmall: return ExpertId::kSnmpMsgMaxSizeTooSmall;
    case DiagnosticCode::kMsgFlagsWrongSize: return ExpertId::kSnmpMsgFlagsWrongSize;
    case DiagnosticCode::kPrivWithoutAuth: return ExpertId::kSnmpPrivWithoutAuth;
    case DiagnosticCode::kUnknownSecurityModel: return ExpertId::kSnmpUnknownSecurityModel;
    case DiagnosticCode::kUsmFieldTooLong: return ExpertId::kSnmpUsmFieldTooLong;
    case DiagnosticCode::kEngineIdLength: return ExpertId::kSnmpEngineIdLength;
    case DiagnosticCode::kV2PduInV1: return ExpertId::kSnmpV2PduInV1;
    case DiagnosticCode::kV1TrapInV2: return ExpertId::kSnmpTrapPduObsolete;
    case DiagnosticCode::kIpAddressWrongSize: return ExpertId::kSnmpIpAddressWrongSize;
    case DiagnosticCode::kOidInvalid: return ExpertId::kSnmpInvalidOid;
    case DiagnosticCode::kOpaqueMalformed: return ExpertId::kSnmpOpaqueMalformed;
    case DiagnosticCode::kUnknownValueTag: return ExpertId::kSnmpVarbindWrongClassTag;
    case DiagnosticCode::kNullWithContent: return ExpertId::kSnmpNullWithContent;
    case DiagnosticCode::kTooManyDiagnostics: return ExpertId::kSnmpTooManyDiagnostics;
  }
  // A code added to the codec after this table: still shown, with the
  // codec's own text.
  return ExpertId::kSnmpDecoderNote;
}

tree::Severity SeverityFor(snmp::Severity severity) {
  switch (severity) {
    case snmp::Severity::kNote: return tree::Severity::kNote;
    case snmp::Severity::kWarning: return tree::Severity::kWarning;
    case snmp::Severity::kError: return tree::Severity::kError;
  }
  return tree::Severity::kWarning;
}

}  // namespace snmpdissect::proto::internal
