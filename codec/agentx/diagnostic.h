// Non-fatal findings of the AgentX decoder: problems that leave the PDU's
// structure intact (a reserved octet that is not zero, a flag on a PDU type
// that has no use for it, octets after the last field, an IpAddress that is
// not 4 octets ...). They ride on the decoded PDU, with the offset of the
// field concerned, so the dissector can show them where they occur as
// Wireshark's expert info; the severity scale is the SNMP codec's
// (codec/snmp/diagnostic.h).

#ifndef SNMPDISSECT_CODEC_AGENTX_DIAGNOSTIC_H_
#define SNMPDISSECT_CODEC_AGENTX_DIAGNOSTIC_H_

#include <cstddef>
#include <cstdint>

#include "codec/snmp/diagnostic.h"

namespace snmpdissect::agentx {

using snmp::Severity;

enum class DiagnosticCode : uint8_t {
  kReservedFlags,         // h.flags bits 5..7 set (RFC 2741 6.1)
  kFlagNotApplicable,     // INSTANCE_REGISTRATION outside Register, NEW_INDEX /
                          // ANY_INDEX outside IndexAllocate (RFC 2741 6.1)
  kContextNotInRfc,       // NON_DEFAULT_CONTEXT and a context on a type RFC 2741
                          // 6.2 gives none (Open, Close, CommitSet, UndoSet,
                          // CleanupSet, Response). net-snmp sends and reads them
                          // (a subagent's Response echoes the request's context)
  kReservedNotZero,       // a reserved octet is not zero (RFC 2741 5, 6)
  kPayloadNotAligned,     // payload_length not a multiple of 4 (RFC 2741 6.1)
  kTrailingData,          // payload octets after the PDU's last field
  kPaddingNotZero,        // octet string padding not zero (RFC 2741 5.3)
  kIncludeInvalid,        // include neither 0 nor 1 (RFC 2741 5.1). A 1 where
                          // it means nothing (outside a SearchRange's start) is
                          // not flagged: RFC 2741 only says it is unused there,
                          // and net-snmp sends 1 on OID values
  kOidTooManyArcs,        // prefix + n_subid above 128 arcs (RFC 2578 3.5)
  kIpAddressWrongSize,    // IpAddress is not 4 octets (RFC 2741 5.4)
  kRangeSubidInvalid,     // r.range_subid beyond the subtree's subidentifiers
                          // (RFC 2741 6.2.3)
  kTooManyDiagnostics,    // the per-PDU cap was reached; later ones dropped
};

struct Diagnostic {
  DiagnosticCode code;
  Severity severity;
  size_t offset;  // absolute byte offset of the field concerned

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "reserved octet not zero", ...
const char* DiagnosticText(DiagnosticCode code);
Severity DefaultSeverity(DiagnosticCode code);

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_DIAGNOSTIC_H_
