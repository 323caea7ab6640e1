#include "dissector/proto/raw.h"

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

}  // namespace snmpdissect::proto
