#include "dissector/proto/frame_state.h"
#include "dissector/proto/ip.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv4.h"
#include "dissector/proto/ipv6.h"
#include "dissector/proto/reassembly_tree.h"
#include "dissector/proto/info_text.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::proto {
namespace {

// Hands a (whole) datagram's payload to the ip.proto table; the transport
// layer finds the IP layer's addresses and claimed length in `state`.
void Transport(const IpHandoff& ip, uint8_t protocol, const LayerInput& payload,
               size_t claimed_length, FrameState& state) {
  state.ip = &ip;
  state.ip_payload_length = claimed_length;
  state.HandOff(Table::kIpProto, protocol, payload);
}

}  // namespace

namespace {

using value::AppendDecimal;
using value::AppendHexPadded;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

// packet-ip.c for a fragment no transport layer was dissected from.
void AppendIpInfo(const Tree& tree, NodeId ip, std::string* out) {
  const uint64_t proto = info::UintOf(tree, ip, Ip::hf[Ip::kProto]);
  const NodeId proto_node = info::ChildOf(tree, ip, Ip::hf[Ip::kProto]);
  const char* name =
      proto_node == kNoNode ? nullptr
                            : tree::ValueNameOf(tree.field(proto_node), static_cast<int64_t>(proto));
  const uint64_t offset = info::UintOf(tree, ip, Ip::hf[Ip::kFragOffset]) * 8;
  const NodeId flags = info::ChildOf(tree, ip, Ip::hf[Ip::kFlags]);
  const bool more = flags != kNoNode && info::BoolOf(tree, flags, Ip::hf[Ip::kFlagsMf]);
  if (offset != 0 || more) {
    out->append("Fragmented IP protocol (proto=");
    out->append(name != nullptr ? name : "Unknown");
    out->push_back(' ');
    AppendDecimal(proto, out);
    out->append(", off=");
    AppendDecimal(offset, out);
    out->append(", ID=");
    const size_t start = out->size();
    AppendHexPadded(info::UintOf(tree, ip, Ip::hf[Ip::kId]), 4, out);
    out->erase(start, 2);  // "%04x": no 0x
    out->push_back(')');
    return;
  }
  out->append(name != nullptr ? name : "Unknown");
  out->append(" (");
  AppendDecimal(proto, out);
  out->push_back(')');
}

}  // namespace


void IpLayer(bool v6, const LayerInput& in, FrameState& state) {
  tree::Tree* tree = state.tree;
  const IpHandoff ip = v6 ? DissectIpv6(in, state.options().max_ipv6_extension_headers, tree)
                          : DissectIpv4(in, tree);
  // packet-ip.c sets the Info for a datagram no transport layer takes (a
  // fragment); a transport layer replaces it. IPv6's says nothing here.
  if (tree->columns_wanted()) {
    tree->ClearInfo();
    if (!v6 && ip.node != tree::kNoNode) AppendIpInfo(*tree, ip.node, tree->mutable_info());
  }
  state.AppendProtocol(v6 ? "ipv6" : "ip");
  for (int i = 0; i < ip.extension_count; ++i) {
    state.AppendProtocol(tree::GetField(ip.extensions[i]).abbrev);
  }
  state.last_layer = ip.node;
  if (in.source == tree::kFrameSource && ip.datagram_end > 0) {
    state.has_datagram_end = true;
    state.datagram_end = in.offset + ip.datagram_end;
  }
  if (!ip.ok) {
    state.malformed = true;
    return;
  }
  Endpoints& e = state.endpoints;
  e.ip_version = v6 ? 6 : 4;
  e.src = ip.src;
  e.dst = ip.dst;
  const LayerInput payload = in.Skip(ip.payload_offset).Prefix(ip.payload_length);
  if (!ip.fragment) {
    Transport(ip, static_cast<uint8_t>(ip.next), payload, ip.claimed_payload_length, state);
    return;
  }
  if (!state.options().reassemble_ip) return;
  reassembly::FragmentKey key;
  key.version = v6 ? 6 : 4;
  key.protocol = v6 ? 0 : static_cast<uint8_t>(ip.next);
  key.id = ip.fragment_id;
  key.src = ip.src;
  key.dst = ip.dst;
  reassembly::Fragment fragment;
  fragment.offset = ip.fragment_offset;
  fragment.more = ip.more_fragments;
  fragment.data = payload.bytes;
  fragment.frame = state.number;
  fragment.time_ns = state.timestamp_ns;
  fragment.next_header = static_cast<uint8_t>(ip.next);
  reassembly::IpReassembler& reassembler = v6 ? *state.services->ipv6 : *state.services->ipv4;
  const reassembly::FragmentResult& r = reassembler.Add(key, fragment);
  AddFragmentDiagnostics(r, v6, reassembler.limits(), tree, ip.node);
  if (r.status != reassembly::FragmentStatus::kComplete) return;
  // The reassembled payload becomes a data source: the node holding it.
  const tree::NodeId data = AddReassembledDatagram(r, v6, payload, tree, ip.node);
  if (data == tree::kNoNode) return;  // the tree is full
  IpHandoff reassembled = ip;
  reassembled.fragment = false;
  Transport(reassembled, r.protocol, LayerInput{r.data, 0, data}, r.data.size(), state);
}

}  // namespace snmpdissect::proto
