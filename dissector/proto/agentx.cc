#include "dissector/proto/agentx.h"

#include <algorithm>
#include <cstdint>

#include "absl/strings/str_format.h"
#include "codec/agentx/decode.h"
#include "codec/agentx/describe.h"
#include "codec/agentx/framing.h"
#include "dissector/proto/agentx_fields.h"
#include "dissector/proto/agentx_internal.h"
#include "dissector/proto/codec_severity.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/malformed_fields.h"

namespace snmpdissect::proto {
namespace {

using agentx_internal::Ranges;
using tree::NodeId;
using tree::Tree;

// The codec's diagnostics and AgentX's experts are in the same order
// (agentx_fields.h).
static_assert(static_cast<uint16_t>(agentx::DiagnosticCode::kTooManyDiagnostics) ==
              AgentX::kTooManyDiagnostics);

// RFC 2741 6.1: version, type, flags, <reserved>, then sessionID,
// transactionID, packetID and payload_length in the byte order the flags
// select.
void AddHeader(const agentx::Header& h, const Ranges& r, Tree* tree, NodeId agentx) {
  if (!h.version.present) return;
  const NodeId header = tree->AddNone(agentx, AgentX::hf[AgentX::kHeader], r.At(h.location));
  tree->AddUint(header, AgentX::hf[AgentX::kVersion], r.At(h.version.location), h.version.value);
  tree->AddUint(header, AgentX::hf[AgentX::kType], r.At(h.type.location), h.type.value);
  const tree::Range flags_range = r.At(h.flags.location);
  const NodeId flags =
      tree->AddUint(header, AgentX::hf[AgentX::kFlags], flags_range, h.flags.value);
  for (uint16_t bit : {AgentX::kFlagsRegister, AgentX::kFlagsNewIndex, AgentX::kFlagsAnyIndex,
                       AgentX::kFlagsContext, AgentX::kFlagsByteOrder}) {
    const tree::FieldId id = AgentX::hf[bit];
    tree->AddBool(flags, id, flags_range, (h.flags.value & tree::GetField(id).bitmask) != 0);
  }
  const struct {
    const agentx::Field<uint32_t>& field;
    uint16_t local;
  } kWords[] = {{h.session_id, AgentX::kSessionId},
                {h.transaction_id, AgentX::kTransactionId},
                {h.packet_id, AgentX::kPacketId},
                {h.payload_length, AgentX::kPayloadLen}};
  for (const auto& w : kWords) {
    tree->AddUint(header, AgentX::hf[w.local], r.At(w.field.location), w.field.value);
  }
}

// After everything that decoded, like tshark's "[Malformed Packet: AgentX]".
void AddMalformed(agentx::Error error, const LayerInput& in, Tree* tree, NodeId agentx) {
  const size_t stop = std::clamp(error.offset, in.offset, in.offset + in.size());
  const NodeId bad = tree->AddNone(agentx, Malformed::hf[Malformed::kMalformed],
                                   in.At(stop - in.offset, in.offset + in.size() - stop));
  tree->SetLabel(bad, "Malformed Packet: AgentX");
  tree->SetGenerated(bad);
  tree->MarkMalformed(bad);
  tree->AddDiagnostic(bad, Malformed::ei[Malformed::kExpert], tree::Severity::kError,
                      [&](std::string* out) {
                        absl::StrAppendFormat(out, "Malformed Packet: offset %d: %s",
                                              error.offset, agentx::ErrorText(error.code));
                      });
}

}  // namespace

reassembly::PduLength AgentXPduLength(const reassembly::PduPrefix& prefix) {
  using reassembly::PduLength;
  uint8_t header[agentx::kHeaderLength];
  size_t n = 0;
  while (n < sizeof(header) && prefix.At(n, &header[n])) ++n;
  const agentx::Frame frame = agentx::FramePdu({header, n});
  if (frame.status == agentx::FrameStatus::kInvalid) return {PduLength::kInvalid};
  if (n < sizeof(header)) return {};  // the length is in the header's last word
  // The header is whole: frame.length is the PDU's, whether or not the
  // stream holds all of it yet.
  return {PduLength::kOk, frame.length};
}

NodeId DissectAgentXPdu(const LayerInput& in, Tree* tree, AgentXScratch* scratch) {
  agentx::Pdu& pdu = scratch->pdu;
  const agentx::Error error = agentx::DecodePdu(in.bytes, in.offset, &pdu);
  const Ranges r{in.source, in.offset + in.size()};
  // Wireshark's AgentX node spans the PDU as tcp_dissect_pdus cut it.
  const NodeId node = tree->AddProtocol(Tree::kRoot, AgentX::hf[AgentX::kAgentX],
                                        in.At(0, in.size()));
  AddHeader(pdu.header, r, tree, node);
  agentx_internal::AddPduBody(pdu, r, tree, node, &scratch->text);
  for (const agentx::Diagnostic& d : pdu.diagnostics) {
    tree->AddDiagnostic(tree->Innermost(node, d.offset, in.source),
                        AgentX::ei[static_cast<uint16_t>(d.code)], TreeSeverity(d.severity),
                        agentx::DiagnosticText(d.code));
  }
  if (!error.ok()) AddMalformed(error, in, tree, node);
  // packet-agentx.c: col_add_fstr(COL_INFO, "%s: sid=%d, tid=%d, packid=%d,
  // plen=%d") once the header is read; each PDU of a segment replaces it.
  if (pdu.header.payload_length.present && tree->columns_wanted()) {
    tree->ClearInfo();
    agentx::AppendSummary(pdu, tree->mutable_info());
  }
  return node;
}

// --- Entry point and hand-off (protocol.h).

namespace {

void AgentXEntry(const LayerInput& in, FrameState& state) {
  state.AppendProtocolOnce("agentx");
  DissectAgentXPdu(in, state.tree, &state.Scratch<AgentXScratch>());
}

constexpr uint32_t kAgentXPort = 705;  // RFC 2741 8.1 (IANA agentx)
constexpr TableKey kAgentXKeys[] = {{Table::kTcpPort, kAgentXPort}};
constexpr DissectorHandle kAgentXHandle = {.name = "agentx",
                                           .dissect = &AgentXEntry,
                                           .framing = &AgentXPduLength,
                                           .keys = kAgentXKeys,
                                           .decode_as = true};
constexpr const DissectorHandle* kHandles[] = {&kAgentXHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&AgentX::kRows};

}  // namespace

const Protocol kAgentXProtocol = {.rows = kRowSets, .handles = kHandles};

}  // namespace snmpdissect::proto
