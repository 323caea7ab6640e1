#include "dissector/proto/sll.h"

#include "dissector/proto/frame_state.h"
#include "dissector/proto/sll_fields.h"

namespace snmpdissect::proto {
namespace {

using tree::FieldId;

constexpr size_t kAddressSpace = 8;       // the address field is always 8 octets
constexpr uint32_t kArphrdEther = 1;      // linux/if_arp.h
constexpr uint32_t kArphrdLoopback = 772;
constexpr uint32_t kMinEthertype = 0x0600;

// The link-layer address field: the address proper (an Ethernet address
// when the hardware type says so), then the unused rest of the 8 octets.
void AddAddress(const LayerInput& in, size_t at, uint32_t hatype, uint32_t halen,
                tree::Tree* tree, tree::NodeId sll) {
  const size_t used = std::min<size_t>(halen, kAddressSpace);
  if ((hatype == kArphrdEther || hatype == kArphrdLoopback) && used == 6) {
    tree->AddEther(sll, Sll::hf[Sll::kSrcEth], in.At(at, 6), in.Slice(at, 6));
  } else if (used > 0) {
    tree->AddBytes(sll, Sll::hf[Sll::kSrcOther], in.At(at, used), in.Slice(at, used));
  }
  if (used < kAddressSpace) {
    tree->AddBytes(sll, Sll::hf[Sll::kUnused], in.At(at + used, kAddressSpace - used),
                   in.Slice(at + used, kAddressSpace - used));
  }
}

void AddProtocol(const LayerInput& in, size_t at, size_t header_length, tree::Tree* tree,
                 Handoff* out) {
  const uint32_t protocol = in.U16(at);
  const bool ethertype = protocol >= kMinEthertype;
  tree->AddUint(out->node, ethertype ? Sll::hf[Sll::kEtype] : Sll::hf[Sll::kLtype],
                in.At(at, 2), protocol);
  out->ok = true;
  out->next = ethertype ? protocol : 0;
  out->payload_offset = header_length;
  out->payload_length = in.size() - header_length;
}

}  // namespace

Handoff DissectSll(const LayerInput& in, tree::Tree* tree) {
  constexpr size_t kHeaderLength = 16;
  Handoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Sll::hf[Sll::kSll],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  tree->SetLabel(out.node, "Linux cooked capture v1");
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: SLL", in, kHeaderLength);
    return out;
  }
  const uint32_t hatype = in.U16(2);
  const uint32_t halen = in.U16(4);
  tree->AddUint(out.node, Sll::hf[Sll::kPkttype], in.At(0, 2), in.U16(0));
  tree->AddUint(out.node, Sll::hf[Sll::kHatype], in.At(2, 2), hatype);
  tree->AddUint(out.node, Sll::hf[Sll::kHalen], in.At(4, 2), halen);
  AddAddress(in, 6, hatype, halen, tree, out.node);
  AddProtocol(in, 14, kHeaderLength, tree, &out);
  return out;
}

Handoff DissectSll2(const LayerInput& in, tree::Tree* tree) {
  constexpr size_t kHeaderLength = 20;
  Handoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Sll::hf[Sll::kSll],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  tree->SetLabel(out.node, "Linux cooked capture v2");
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: SLL2", in, kHeaderLength);
    return out;
  }
  const uint32_t hatype = in.U16(8);
  const uint32_t halen = in.U8(11);
  AddProtocol(in, 0, kHeaderLength, tree, &out);
  tree->AddBytes(out.node, Sll::hf[Sll::kUnused], in.At(2, 2), in.Slice(2, 2));  // reserved
  tree->AddUint(out.node, Sll::hf[Sll::kIfindex], in.At(4, 4), in.U32(4));
  tree->AddUint(out.node, Sll::hf[Sll::kHatype], in.At(8, 2), hatype);
  tree->AddUint(out.node, Sll::hf[Sll::kPkttype], in.At(10, 1), in.U8(10));
  tree->AddUint(out.node, Sll::hf[Sll::kHalen], in.At(11, 1), halen);
  AddAddress(in, 12, hatype, halen, tree, out.node);
  return out;
}


// --- Entry points and hand-off (protocol.h).

namespace {

void SllEntry(const LayerInput& in, FrameState& state) {
  const Handoff h = DissectSll(in, state.tree);
  state.LinkDone(h, in.Skip(h.payload_offset).Prefix(h.payload_length), "sll", true);
}
void Sll2Entry(const LayerInput& in, FrameState& state) {
  const Handoff h = DissectSll2(in, state.tree);
  state.LinkDone(h, in.Skip(h.payload_offset).Prefix(h.payload_length), "sll", true);
}

constexpr TableKey kSllKeys[] = {{Table::kLinkType, 113}};   // DLT_LINUX_SLL
constexpr TableKey kSll2Keys[] = {{Table::kLinkType, 276}};  // DLT_LINUX_SLL2
constexpr DissectorHandle kSllHandle = {.name = "sll", .dissect = &SllEntry, .keys = kSllKeys};
constexpr DissectorHandle kSll2Handle = {
    .name = "sll", .dissect = &Sll2Entry, .keys = kSll2Keys};
constexpr const DissectorHandle* kHandles[] = {&kSllHandle, &kSll2Handle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Sll::kRows};

}  // namespace

const Protocol kSllProtocol = {.rows = kRowSets, .handles = kHandles};

}  // namespace snmpdissect::proto
