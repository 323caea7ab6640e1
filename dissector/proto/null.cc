#include "dissector/proto/null.h"

#include "dissector/proto/frame_state.h"
#include "dissector/proto/null_fields.h"

namespace snmpdissect::proto {

using tree::FieldId;

Handoff DissectNull(const LayerInput& in, bool network_byte_order, tree::Tree* tree) {
  constexpr size_t kHeaderLength = 4;
  Handoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Null::hf[Null::kNull],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: Null/Loopback", in, kHeaderLength);
    return out;
  }
  uint32_t family = in.U32(0);
  if (!network_byte_order && family > 0xffff) {
    // Host byte order of an unknown host: families are small numbers, so a
    // value with high bits set was written little-endian (how Wireshark
    // guesses too).
    family = in.Le32(0);
  }
  tree->AddUint(out.node, Null::hf[Null::kFamily], in.At(0, 4), family);
  out.ok = true;
  out.payload_offset = kHeaderLength;
  out.payload_length = in.size() - kHeaderLength;
  switch (family) {
    case 2:
      out.next = kEthertypeIpv4;
      break;
    case 24:
    case 28:
    case 30:
      out.next = kEthertypeIpv6;
      break;
    default:
      out.next = 0;
  }
  return out;
}


// --- Entry points and hand-off (protocol.h).

namespace {

// The address family maps to an EtherType; Wireshark lists no "ethertype".
void NullEntry(const LayerInput& in, FrameState& state) {
  const Handoff h = DissectNull(in, /*network_byte_order=*/false, state.tree);
  state.LinkDone(h, in.Skip(h.payload_offset).Prefix(h.payload_length), "null", false);
}
void LoopEntry(const LayerInput& in, FrameState& state) {
  const Handoff h = DissectNull(in, /*network_byte_order=*/true, state.tree);
  state.LinkDone(h, in.Skip(h.payload_offset).Prefix(h.payload_length), "null", false);
}

constexpr TableKey kNullKeys[] = {{Table::kLinkType, 0}};    // DLT_NULL
constexpr TableKey kLoopKeys[] = {{Table::kLinkType, 108}};  // DLT_LOOP (OpenBSD)
constexpr DissectorHandle kNullHandle = {.name = "null", .dissect = &NullEntry, .keys = kNullKeys};
constexpr DissectorHandle kLoopHandle = {.name = "null", .dissect = &LoopEntry, .keys = kLoopKeys};
constexpr const DissectorHandle* kHandles[] = {&kNullHandle, &kLoopHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Null::kRows};

}  // namespace

const Protocol kNullProtocol = {.rows = kRowSets, .handles = kHandles};

}  // namespace snmpdissect::proto
