// What a protocol supplies to be dissected: one descriptor, in its own files
// under dissector/proto/, registered by ONE line in protocols.cc.
//
// A protocol's descriptor names
//   - its field and expert rows (tree::ProtocolRows, from
//     <protocol>_fields.{h,cc}: a struct with Field/Expert enums and
//     hf/ei id blocks; the protocol row's short_name is the Protocol
//     column, its `summary` the builder of its top line in -V, a function
//     of the layer's own file: "User Datagram Protocol, Src Port: ...");
//   - its dissector handles (Wireshark's dissector_handle_t): a name (for
//     frame.protocols and tshark's -d), an entry point, for a protocol over
//     TCP its PDU framing (the length of its next PDU, for the stream
//     reassembler), and the table keys it claims by default (Wireshark's
//     proto_reg_handoff: "tcp.port 705").
// The entry point dissects the layer, adds its tree under the root, and
// hands its payload on through the tables (FrameState::HandOff); it sets
// the columns it owns while it dissects (tree::Columns: the Info text, the
// addresses for a link or network layer), as Wireshark's dissectors do.
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
//     ... decode with codec/agentx, add fields, set the Info column ...
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

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <type_traits>
#include <vector>

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

// What a layer keeps between frames only for its buffers' capacity (a
// decoded PDU whose vectors it reuses): derive from LayerScratch and ask the
// frame for it (FrameState::Scratch<T>()). Never meaning carried from one
// frame to the next: a layer overwrites what it reads.
class LayerScratch {
 public:
  virtual ~LayerScratch() = default;
};

// The pipeline's scratch slots, one per LayerScratch type, each made on its
// first use and kept with the pipeline (Services::scratch): steady state
// allocates nothing, and two pipelines (two threads) share nothing. A slot
// is found by an index the type gets once per process.
class ScratchSlots {
 public:
  template <typename T>
  T& Get() {
    static_assert(std::is_base_of_v<LayerScratch, T>);
    const size_t slot = SlotOf<T>();
    if (slot >= slots_.size()) slots_.resize(slot + 1);
    std::unique_ptr<LayerScratch>& p = slots_[slot];
    if (p == nullptr) p = std::make_unique<T>();
    return static_cast<T&>(*p);
  }

 private:
  template <typename T>
  static size_t SlotOf() {
    static const size_t slot = next_slot_.fetch_add(1, std::memory_order_relaxed);
    return slot;
  }
  static inline std::atomic<size_t> next_slot_{0};
  std::vector<std::unique_ptr<LayerScratch>> slots_;
};

struct Protocol {
  // The protocol's row sets (most protocols have one; a file may declare
  // related ones together, e.g. 802.1Q and 802.1ad).
  absl::Span<const tree::ProtocolRows* const> rows;
  absl::Span<const DissectorHandle* const> handles = {};
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_PROTOCOL_H_
