// What the IPv4 and IPv6 layers hand to the transport layer and to the
// fragment reassembler.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_IP_H_
#define SNMPDISSECT_DISSECTOR_PROTO_IP_H_

#include <array>
#include <cstdint>

#include "dissector/proto/net_layer.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::proto {

struct IpHandoff : Handoff {
  // 4 or 6 when the version field was read; next is the protocol number of
  // the payload (after IPv6 extension headers).
  int version = 0;
  // Addresses; IPv4 uses the first 4 octets.
  std::array<uint8_t, 16> src{};
  std::array<uint8_t, 16> dst{};
  // The payload length the header claims (the payload span may be shorter
  // when the capture was cut).
  size_t claimed_payload_length = 0;
  // Where the datagram ends in the layer's input (header plus claimed
  // payload, cut to the input): a link trailer starts there.
  size_t datagram_end = 0;
  // A fragment of a larger datagram (RFC 791 section 3.2: MF set or a
  // non-zero offset; RFC 8200 section 4.5: a Fragment header that is not
  // an atomic fragment, RFC 6946). The payload is this fragment's octets.
  bool fragment = false;
  uint32_t fragment_offset = 0;  // in octets
  bool more_fragments = false;
  uint32_t fragment_id = 0;
  // IPv6 extension headers passed, in order (their protocol fields, for
  // frame.protocols).
  static constexpr int kMaxListed = 8;
  std::array<tree::FieldId, kMaxListed> extensions{};
  int extension_count = 0;
};

struct FrameState;

// The IPv4 and IPv6 layers' shared hand-off (ip_layer.cc): dissects the
// header, lists the layer (and IPv6 extension headers), records addresses,
// reassembles fragments (reassembly_tree.h) and hands the payload to the
// ip.proto table.
void IpLayer(bool v6, const LayerInput& in, FrameState& state);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_IP_H_
