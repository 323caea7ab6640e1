#include "dissector/proto/ethernet.h"

#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::proto {
namespace {

using tree::FieldId;

constexpr size_t kHeaderLength = 14;
constexpr size_t kMinimumFrame = 60;  // without the FCS
// Type values up to 1500 are 802.3 lengths; 1536 (0x0600) and up are
// EtherTypes; in between is undefined (IEEE 802.3 3.2.6).
constexpr uint32_t kMaxLength = 1500;
constexpr uint32_t kMinEthertype = 0x0600;

// An address with Wireshark's children: the address again (eth.addr, which
// filters match on either side) and its LG and IG bits (IEEE 802 8.2);
// `column` (tree.h Columns) gets its text, as packet-eth.c sets
// COL_DEF_SRC/DST (an IP layer above overwrites them); null when no
// column is wanted.
void AddAddress(const LayerInput& in, size_t at, FieldId field, FieldId lg, FieldId ig,
                tree::Tree* tree, tree::NodeId eth, std::string* column) {
  const ByteSpan address = in.Slice(at, 6);
  const tree::NodeId node = tree->AddEther(eth, field, in.At(at, 6), address);
  if (node != tree::kNoNode && column != nullptr) {
    value::AppendEther(tree->TextValue(node), column);
  }
  tree->AddEther(node, Eth::hf[Eth::kAddr], in.At(at, 6), address);
  const uint8_t first = in.U8(at);
  tree->AddBool(node, lg, in.At(at, 3), (first & 0x02) != 0);
  tree->AddBool(node, ig, in.At(at, 3), (first & 0x01) != 0);
}

}  // namespace

Handoff DissectEthernet(const LayerInput& in, tree::Tree* tree) {
  Handoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Eth::hf[Eth::kEth],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  tree::Columns& columns = tree->mutable_columns();
  if (out.node != tree::kNoNode) {
    columns.source.clear();
    columns.destination.clear();
  }
  if (in.size() >= 6) {
    AddAddress(in, 0, Eth::hf[Eth::kDst], Eth::hf[Eth::kDstLg], Eth::hf[Eth::kDstIg], tree,
               out.node, tree->columns_wanted() ? &columns.destination : nullptr);
  }
  if (in.size() >= 12) {
    AddAddress(in, 6, Eth::hf[Eth::kSrc], Eth::hf[Eth::kSrcLg], Eth::hf[Eth::kSrcIg], tree,
               out.node, tree->columns_wanted() ? &columns.source : nullptr);
  }
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: Ethernet", in, kHeaderLength);
    return out;
  }
  const uint32_t type = in.U16(12);
  out.ok = true;
  out.payload_offset = kHeaderLength;
  out.payload_length = in.size() - kHeaderLength;
  if (type <= kMaxLength) {
    tree->SetLabel(out.node, "IEEE 802.3 Ethernet");
    tree->AddUint(out.node, Eth::hf[Eth::kLen], in.At(12, 2), type);
    out.payload_length = std::min<size_t>(out.payload_length, type);
    return out;  // next = 0: LLC follows, not dissected here
  }
  const tree::NodeId node = tree->AddUint(out.node, Eth::hf[Eth::kType], in.At(12, 2), type);
  if (type < kMinEthertype) {
    tree->AddDiagnostic(node, Malformed::ei[Malformed::kExpert], tree::Severity::kWarning,
                        "Invalid length/type: neither an 802.3 length nor an EtherType");
    return out;
  }
  out.next = type;
  return out;
}

void AddEthernetTrailer(const LayerInput& frame, size_t end, tree::Tree* tree,
                        tree::NodeId eth) {
  if (end >= frame.size()) return;
  const size_t padding_end = std::max(end, std::min(frame.size(), kMinimumFrame));
  if (padding_end > end) {
    tree->AddBytes(eth, Eth::hf[Eth::kPadding], frame.At(end, padding_end - end),
                   frame.Slice(end, padding_end - end));
  }
  if (frame.size() > padding_end) {
    tree->AddBytes(eth, Eth::hf[Eth::kTrailer],
                   frame.At(padding_end, frame.size() - padding_end),
                   frame.Slice(padding_end, frame.size() - padding_end));
  }
}


// --- Entry point and hand-off (protocol.h).

namespace {

void EthernetEntry(const LayerInput& in, FrameState& state) {
  const Handoff h = DissectEthernet(in, state.tree);
  state.link_node = h.node;
  if (!state.LinkDone(h, in.Skip(h.payload_offset).Prefix(h.payload_length), "eth",
                      /*ethertype_layer=*/true)) {
    return;
  }
  // Octets after the IP datagram the layers above found (802.3 padding or
  // a trailer).
  if (state.has_datagram_end) {
    AddEthernetTrailer(in, state.datagram_end, state.tree, state.link_node);
  }
}

constexpr TableKey kEthernetKeys[] = {{Table::kLinkType, 1}};  // DLT_EN10MB
constexpr DissectorHandle kEthernetHandle = {
    .name = "eth", .dissect = &EthernetEntry, .keys = kEthernetKeys};
constexpr const DissectorHandle* kHandles[] = {&kEthernetHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Eth::kRows};

}  // namespace

const Protocol kEthernetProtocol = {.rows = kRowSets, .handles = kHandles};

// packet-eth.c: "Ethernet II, Src: <mac>, Dst: <mac>" (tshark -n: no OUI
// names, we ship no manuf database).
bool Eth::AppendSummary(const tree::Tree& tree, uint32_t eth, std::string* out) {
  out->append(tree.field(eth).name);
  info::AppendChildValue(tree, eth, hf[kSrc], ", Src: ", out);
  info::AppendChildValue(tree, eth, hf[kDst], ", Dst: ", out);
  return true;
}

}  // namespace snmpdissect::proto
