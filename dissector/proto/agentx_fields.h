// Fields and experts of AgentX (RFC 2741; named as Wireshark 4.0's
// packet-agentx.c names them), declared by the layer itself and assembled
// into the one table by the proto registry (protocols.cc). Wireshark shows
// the PDU header, the PDU body, each Object Identifier, SearchRange and
// VarBind as text subtrees; here they are rows of their own
// (agentx.header, agentx.pdu, agentx.object_id, agentx.search_range,
// agentx.varbind, in_wireshark = false) so that filters and -T fields can
// name them too.
//
//   tree->AddUint(node, AgentX::hf[AgentX::kSessionId], range, session_id);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_AGENTX_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_AGENTX_FIELDS_H_

#include <cstdint>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct AgentX {
  enum Field : uint16_t {
    kAgentX,
    kHeader,
    kVersion,
    kType,
    kFlags,
    kFlagsRegister,
    kFlagsNewIndex,
    kFlagsAnyIndex,
    kFlagsContext,
    kFlagsByteOrder,
    kSessionId,
    kTransactionId,
    kPacketId,
    kPayloadLen,
    kPdu,
    kOstringLen,
    kOstring,
    kObjectId,
    kNSubid,
    kOidPrefix,
    kOidInclude,
    kOid,
    kSearchRange,
    kOpenTimeout,
    kCloseReason,
    kRegTimeout,
    kRegPriority,
    kRegRangeSubid,
    kRegUpperBound,
    kUnregTimeout,
    kUnregPriority,
    kUnregRangeSubid,
    kUnregUpperBound,
    kGetBulkNonRepeaters,
    kGetBulkMaxRepetitions,
    kResponseUptime,
    kResponseError,
    kResponseIndex,
    kVarBind,
    kVarBindType,
    kValue32,
    kValue64,
    kFieldCount,
  };
  // One per codec/agentx DiagnosticCode, in its order (agentx.cc maps them).
  enum Expert : uint16_t {
    kReservedFlags,
    kFlagNotApplicable,
    kContextNotInRfc,
    kReservedNotZero,
    kPayloadNotAligned,
    kTrailingData,
    kPaddingNotZero,
    kIncludeInvalid,
    kOidTooManyArcs,
    kIpAddressWrongSize,
    kRangeSubidInvalid,
    kTooManyDiagnostics,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_AGENTX_FIELDS_H_
