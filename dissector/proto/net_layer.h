// Shared pieces of the capture pipeline's layers (frame, link, IP, UDP,
// TCP): where a layer's bytes lie, bounds-checked big-endian reads, and how
// a layer hands off to the next.
//
// Each layer is a function over a LayerInput that adds its protocol node
// (a child of the tree root, as in Wireshark) with Wireshark-named fields,
// and returns what the next layer needs: a key for a dissector table
// (registry.h) and where the payload is. A layer never looks past its input
// and never fails hard: a short or inconsistent header gives a partial node,
// a diagnostic, and ok == false.
//
//   LayerInput frame{.bytes = packet};
//   Handoff eth = DissectEthernet(frame, &tree);
//   if (eth.ok) { LayerInput next = frame.Skip(eth.payload_offset) ... }

#ifndef SNMPDISSECT_DISSECTOR_PROTO_NET_LAYER_H_
#define SNMPDISSECT_DISSECTOR_PROTO_NET_LAYER_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "absl/types/span.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

using ByteSpan = absl::Span<const uint8_t>;

// A layer's octets: from its first octet to the end of what its parent gave
// it (the rest of the frame, or of a reassembled buffer), and where they lie
// in their data source. Borrows the bytes.
struct LayerInput {
  ByteSpan bytes;
  size_t offset = 0;  // of bytes[0] in `source`
  tree::SourceId source = tree::kFrameSource;

  size_t size() const { return bytes.size(); }
  // The tree range of `length` octets at `at` within this input (clamped to
  // 32 bits; frames are far smaller).
  tree::Range At(size_t at, size_t length) const {
    return {Clamp(offset + at), Clamp(length), source};
  }
  // The input from `at` on (empty past the end).
  LayerInput Skip(size_t at) const {
    at = std::min(at, bytes.size());
    return {bytes.subspan(at), offset + at, source};
  }
  // The first `length` octets (all of them if fewer).
  LayerInput Prefix(size_t length) const {
    return {bytes.subspan(0, std::min(length, bytes.size())), offset, source};
  }

  // Bounds-checked big-endian reads: every read of a layer goes through
  // these, and an out-of-range read gives 0 instead of touching memory. Layers
  // check lengths first to report truncation; these make a slip harmless.
  uint8_t U8(size_t at) const { return at < bytes.size() ? bytes[at] : 0; }
  uint16_t U16(size_t at) const {
    return static_cast<uint16_t>(U8(at) << 8 | U8(at + 1));
  }
  uint32_t U24(size_t at) const {
    return uint32_t{U8(at)} << 16 | uint32_t{U8(at + 1)} << 8 | U8(at + 2);
  }
  uint32_t U32(size_t at) const { return uint32_t{U16(at)} << 16 | U16(at + 2); }
  uint32_t Le32(size_t at) const {
    return uint32_t{U8(at)} | uint32_t{U8(at + 1)} << 8 | uint32_t{U8(at + 2)} << 16 |
           uint32_t{U8(at + 3)} << 24;
  }
  // `length` octets at `at`, cut to what exists.
  ByteSpan Slice(size_t at, size_t length) const {
    if (at >= bytes.size()) return {};
    return bytes.subspan(at, std::min(length, bytes.size() - at));
  }

  static uint32_t Clamp(size_t v) {
    return static_cast<uint32_t>(std::min<size_t>(v, std::numeric_limits<uint32_t>::max()));
  }
};

// What a link or network layer found for the next one.
struct Handoff {
  tree::NodeId node = tree::kNoNode;  // this layer's protocol node
  // The header decoded: next and the payload are meaningful.
  bool ok = false;
  // The key of the next dissector table: an EtherType for link layers and
  // VLAN tags (0 when the frame carries none, e.g. an 802.3 length field),
  // the protocol number for IP.
  uint32_t next = 0;
  // The payload, within this layer's input.
  size_t payload_offset = 0;
  size_t payload_length = 0;
};

// Marks `node` malformed because its header needs `need` octets and the
// input holds `have`: a generated "[Malformed Packet: <what>]" child with
// the _ws.malformed expert, as the SNMP layer does for a broken message.
// `label` must be a string literal ("Malformed Packet: IPv4").
void AddTruncated(tree::Tree* tree, tree::NodeId node, const char* label,
                  const LayerInput& in, size_t need);

// EtherTypes the layers hand off with (IEEE 802 numbers).
inline constexpr uint32_t kEthertypeIpv4 = 0x0800;
inline constexpr uint32_t kEthertypeIpv6 = 0x86dd;
inline constexpr uint32_t kEthertypeVlan = 0x8100;
inline constexpr uint32_t kEthertypeQinQ = 0x88a8;
inline constexpr uint32_t kEthertypeQinQOld = 0x9100;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_NET_LAYER_H_
