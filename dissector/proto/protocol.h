// What a protocol supplies to be dissected: one descriptor, in its own files
// under dissector/proto/, registered by ONE line in protocols.cc.
//
// A protocol's descriptor names
//   - its field and expert rows (tree::ProtocolRows, from
//     <protocol>_fields.{h,cc}: a struct with Field/Expert enums and
//     hf/ei id blocks; the protocol row's short_name is the Protocol
//     column);
//   - its dissector handles (Wireshark's dissector_handle_t): a name (for
//     frame.protocols and tshark's -d), an entry point, for a protocol over
//     TCP its PDU framing (the length of its next PDU, for the stream
//     reassembler), and the table keys it claims by default (Wireshark's
//     proto_reg_handoff: "tcp.port 705").
// The entry point dissects the layer, adds its tree under the root, and
// hands its payload on through the tables (FrameState::HandOff); it may
// set the Info column (FrameState::info).
//
// Example: AgentX (RFC 2741) over TCP port 705, all in agentx*.{h,cc}:
//
//   // agentx_fields.h / .cc: struct AgentX { enum Field {kAgentX, kVersion,
//   //   ...}; enum Expert {...}; hf; ei; kRows; } and its rows.
//   // RFC 2741 6.1: a 20-octet header whose payload_length gives the rest;
//   // the codec's agentx::FramePdu reads it (codec/agentx/framing.h).
//   reassembly::PduLength AgentXPduLength(const reassembly::PduPrefix& p) {
//     uint8_t header[20];
//     size_t n = 0;
//     while (n < sizeof(header) && p.At(n, &header[n])) ++n;
//     const agentx::Frame f = agentx::FramePdu({header, n});
//     if (f.status == agentx::FrameStatus::kInvalid) return {reassembly::PduLength::kInvalid};
//     if (n < sizeof(header) && f.status != agentx::FrameStatus::kComplete) return {};
//     return {reassembly::PduLength::kOk, f.length};  // the header is whole
//   }
//   void DissectAgentX(const LayerInput& in, FrameState& state) {
//     state.AppendProtocol("agentx");
//     tree::NodeId top = state.tree->AddProtocol(tree::Tree::kRoot,
//         AgentX::hf[AgentX::kAgentX], in.At(0, in.size()));
//     ... decode with codec/agentx, add fields, set state.info ...
//   }
//   constexpr TableKey kAgentXKeys[] = {{Table::kTcpPort, 705}};
//   constexpr DissectorHandle kAgentXHandle = {
//       .name = "agentx", .dissect = &DissectAgentX,
//       .framing = &AgentXPduLength, .keys = kAgentXKeys, .decode_as = true};
//   constexpr const DissectorHandle* kHandles[] = {&kAgentXHandle};
//   constexpr const tree::ProtocolRows* kRowSets[] = {&AgentX::kRows};
//   const Protocol kAgentXProtocol = {.rows = kRowSets, .handles = kHandles};
//
// and in protocols.cc, the one registration line:
//
//   &kAgentXProtocol,

#ifndef SNMPDISSECT_DISSECTOR_PROTO_PROTOCOL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_PROTOCOL_H_

#include <cstdint>

#include "absl/types/span.h"
#include "dissector/proto/net_layer.h"
#include "dissector/reassembly/tcp_reassembly.h"
#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct FrameState;

// A layer's entry point: dissects `in` (its octets, to the end of what the
// layer below gave it) into state.tree and hands on. Never fails hard.
using EntryPoint = void (*)(const LayerInput& in, FrameState& state);

// The dissector tables (Wireshark's "wtap_encap", "ethertype", "ip.proto",
// "udp.port", "tcp.port").
enum class Table : uint8_t { kLinkType, kEthertype, kIpProto, kUdpPort, kTcpPort };
inline constexpr int kTableCount = 5;

struct TableKey {
  Table table;
  uint32_t key;
};

struct DissectorHandle {
  const char* name;  // "snmp": frame.protocols and tshark's -d name
  EntryPoint dissect;
  // Over TCP: how the stream is cut into this protocol's PDUs; nullptr:
  // each segment's payload is handed on as it is.
  reassembly::PduFraming framing = nullptr;
  // Keys this handle takes in the default tables.
  absl::Span<const TableKey> keys = {};
  // May be named by decode-as (-d udp.port==N,<name>).
  bool decode_as = false;
};

struct Protocol {
  // The protocol's row sets (most protocols have one; a file may declare
  // related ones together, e.g. 802.1Q and 802.1ad).
  absl::Span<const tree::ProtocolRows* const> rows;
  absl::Span<const DissectorHandle* const> handles = {};
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_PROTOCOL_H_
