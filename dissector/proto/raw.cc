#include "dissector/proto/raw.h"

#include "dissector/proto/frame_state.h"
#include "dissector/proto/raw_fields.h"

namespace snmpdissect::proto {

Handoff DissectRaw(const LayerInput& in, tree::Tree* tree) {
  Handoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Raw::hf[Raw::kRaw], in.At(0, in.size()));
  out.ok = true;
  out.payload_offset = 0;
  out.payload_length = in.size();
  if (in.size() == 0) {
    AddTruncated(tree, out.node, "Malformed Packet: Raw", in, 1);
    out.ok = false;
    return out;
  }
  switch (in.U8(0) >> 4) {
    case 4:
      out.next = kEthertypeIpv4;
      break;
    case 6:
      out.next = kEthertypeIpv6;
      break;
    default:
      // Neither: let the IPv4 layer say the version is bogus, as Wireshark
      // does, rather than show nothing.
      out.next = kEthertypeIpv4;
  }
  return out;
}


// --- Entry point and hand-off (protocol.h).

namespace {

void RawEntry(const LayerInput& in, FrameState& state) {
  const Handoff h = DissectRaw(in, state.tree);
  state.LinkDone(h, in.Skip(h.payload_offset).Prefix(h.payload_length), "raw", false);
}

// libpcap hands LINKTYPE_RAW (101) in a file to its users as DLT_RAW, which
// is 12, or 14 on OpenBSD; every spelling is accepted (pcap/dlt.h).
constexpr TableKey kRawKeys[] = {
    {Table::kLinkType, 12}, {Table::kLinkType, 14}, {Table::kLinkType, 101}};
constexpr DissectorHandle kRawHandle = {.name = "raw", .dissect = &RawEntry, .keys = kRawKeys};
constexpr const DissectorHandle* kHandles[] = {&kRawHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Raw::kRows};

}  // namespace

const Protocol kRawProtocol = {.rows = kRowSets, .handles = kHandles};

}  // namespace snmpdissect::proto
