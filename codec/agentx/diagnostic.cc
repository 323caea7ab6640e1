#include "codec/agentx/diagnostic.h"

namespace snmpdissect::agentx {

const char* DiagnosticText(DiagnosticCode code) {
  switch (code) {
    case DiagnosticCode::kReservedFlags: return "reserved h.flags bits set";
    case DiagnosticCode::kFlagNotApplicable: return "flag set on a PDU type it does not apply to";
    case DiagnosticCode::kContextNotInRfc:
      return "context on a PDU type RFC 2741 gives none (as net-snmp sends)";
    case DiagnosticCode::kReservedNotZero: return "reserved octet not zero";
    case DiagnosticCode::kPayloadNotAligned: return "payload_length not a multiple of 4";
    case DiagnosticCode::kTrailingData: return "trailing data after the last field";
    case DiagnosticCode::kPaddingNotZero: return "octet string padding not zero";
    case DiagnosticCode::kIncludeInvalid: return "include field neither 0 nor 1";
    case DiagnosticCode::kOidTooManyArcs: return "object identifier with more than 128 arcs";
    case DiagnosticCode::kIpAddressWrongSize: return "IpAddress is not 4 octets";
    case DiagnosticCode::kRangeSubidInvalid: return "range_subid beyond the subtree's subidentifiers";
    case DiagnosticCode::kTooManyDiagnostics: return "too many problems; later ones not listed";
  }
  return "unknown diagnostic";
}

Severity DefaultSeverity(DiagnosticCode code) {
  switch (code) {
    case DiagnosticCode::kPaddingNotZero:
    case DiagnosticCode::kContextNotInRfc:
    case DiagnosticCode::kTooManyDiagnostics:
      return Severity::kNote;
    default:
      return Severity::kWarning;
  }
}

}  // namespace snmpdissect::agentx
