// Codec diagnostics (codec/snmp/diagnostic.h) as tree experts: Wireshark's
// expert where it reports the same thing, ours otherwise.

#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto::internal {

tree::ExpertId ExpertFor(snmp::DiagnosticCode code) {
  using snmp::DiagnosticCode;
  using tree::ExpertId;
  switch (code) {
    case DiagnosticCode::kNonMinimalEncoding: return Snmp::ei[Snmp::kNonMinimalEncoding];
    case DiagnosticCode::kTrailingData: return Snmp::ei[Snmp::kTrailingData];
    case DiagnosticCode::kIntegerInvalid: return Snmp::ei[Snmp::kIntegerInvalid];
    case DiagnosticCode::kValueOutOfRange: return Snmp::ei[Snmp::kValueOutOfRange];
    case DiagnosticCode::kMissingLeadingZero: return Snmp::ei[Snmp::kMissingLeadingZero];
    case DiagnosticCode::kMsgIdOutOfRange: return Snmp::ei[Snmp::kMsgIdOutOfRange];
    case DiagnosticCode::kMsgMaxSizeTooSmall: return Snmp::ei[Snmp::kMsgMaxSizeTooSmall];
    case DiagnosticCode::kMsgFlagsWrongSize: return Snmp::ei[Snmp::kMsgFlagsWrongSize];
    case DiagnosticCode::kPrivWithoutAuth: return Snmp::ei[Snmp::kPrivWithoutAuth];
    case DiagnosticCode::kUnknownSecurityModel: return Snmp::ei[Snmp::kUnknownSecurityModel];
    case DiagnosticCode::kUsmFieldTooLong: return Snmp::ei[Snmp::kUsmFieldTooLong];
    case DiagnosticCode::kEngineIdLength: return Snmp::ei[Snmp::kEngineIdLength];
    case DiagnosticCode::kV2PduInV1: return Snmp::ei[Snmp::kV2PduInV1];
    case DiagnosticCode::kV1TrapInV2: return Snmp::ei[Snmp::kTrapPduObsolete];
    case DiagnosticCode::kIpAddressWrongSize: return Snmp::ei[Snmp::kIpAddressWrongSize];
    case DiagnosticCode::kOidInvalid: return Snmp::ei[Snmp::kInvalidOid];
    case DiagnosticCode::kOpaqueMalformed: return Snmp::ei[Snmp::kOpaqueMalformed];
    case DiagnosticCode::kUnknownValueTag: return Snmp::ei[Snmp::kVarbindWrongClassTag];
    case DiagnosticCode::kNullWithContent: return Snmp::ei[Snmp::kNullWithContent];
    case DiagnosticCode::kTooManyDiagnostics: return Snmp::ei[Snmp::kTooManyDiagnostics];
  }
  // A code added to the codec after this table: still shown, with the
  // codec's own text.
  return Snmp::ei[Snmp::kDecoderNote];
}

}  // namespace snmpdissect::proto::internal
