#include "dissector/print/protocol_summary.h"

#include "dissector/print/value_format.h"
#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/tcp_fields.h"
#include "dissector/proto/udp_fields.h"
#include "dissector/proto/vlan_fields.h"

namespace snmpdissect::print {
namespace {

using tree::FieldId;
using tree::FieldType;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

// Appends ", <label>: <value>" for the child of `field` when present.
void AppendChildValue(const Tree& tree, NodeId parent, FieldId field, const char* label,
                      std::string* out) {
  const NodeId child = ChildOf(tree, parent, field);
  if (child == kNoNode) return;
  out->append(label);
  const tree::Node& node = tree.node(child);
  switch (node.type) {
    case FieldType::kUint:
    case FieldType::kBool:
      AppendDecimal(tree.UintValue(child), out);
      break;
    case FieldType::kInt:
      AppendDecimal(tree.IntValue(child), out);
      break;
    case FieldType::kIpv4:
      AppendIpv4(tree.Ipv4Value(child), out);
      break;
    case FieldType::kIpv6:
      AppendIpv6(tree.TextValue(child), out);
      break;
    case FieldType::kEther:
      AppendEther(tree.TextValue(child), out);
      break;
    default:
      AppendHexBytes(tree.TextValue(child), out);  // kBytes: did not decode
      break;
  }
}

// "74 bytes on wire (592 bits)".
void AppendBytesAndBits(const Tree& tree, NodeId length, const char* what, std::string* out) {
  const uint64_t n = length == kNoNode ? 0 : tree.UintValue(length);
  AppendDecimal(n, out);
  out->append(" bytes");
  out->append(what);
  out->append(" (");
  AppendDecimal(n * 8, out);
  out->append(" bits)");
}

}  // namespace

NodeId ChildOf(const Tree& tree, NodeId parent, FieldId field) {
  for (NodeId c = tree.node(parent).first_child; c != kNoNode; c = tree.node(c).next_sibling) {
    if (tree.node(c).field == field) return c;
  }
  return kNoNode;
}

bool AppendProtocolSummary(const Tree& tree, NodeId id, std::string* out) {
  const tree::FieldInfo& field = tree.field(id);
  const FieldId f = field.id;
  if (f == proto::Frame::hf[proto::Frame::kFrame]) {
    // packet-frame.c: "Frame %u: %u bytes on wire (%u bits), %u bytes
    // captured (%u bits)".
    const NodeId number = ChildOf(tree, id, proto::Frame::hf[proto::Frame::kNumber]);
    out->append("Frame ");
    AppendDecimal(number == kNoNode ? uint64_t{0} : tree.UintValue(number), out);
    out->append(": ");
    AppendBytesAndBits(tree, ChildOf(tree, id, proto::Frame::hf[proto::Frame::kLen]), " on wire", out);
    out->append(", ");
    AppendBytesAndBits(tree, ChildOf(tree, id, proto::Frame::hf[proto::Frame::kCapLen]), " captured", out);
    return true;
  }
  if (f == proto::Eth::hf[proto::Eth::kEth]) {
    out->append(field.name);
    AppendChildValue(tree, id, proto::Eth::hf[proto::Eth::kSrc], ", Src: ", out);
    AppendChildValue(tree, id, proto::Eth::hf[proto::Eth::kDst], ", Dst: ", out);
    return true;
  }
  if (f == proto::Vlan::hf[proto::Vlan::kVlan]) {
    out->append(field.name);
    AppendChildValue(tree, id, proto::Vlan::hf[proto::Vlan::kPriority], ", PRI: ", out);
    AppendChildValue(tree, id, proto::Vlan::hf[proto::Vlan::kDei], ", DEI: ", out);
    AppendChildValue(tree, id, proto::Vlan::hf[proto::Vlan::kId], ", ID: ", out);
    return true;
  }
  if (f == proto::Ip::hf[proto::Ip::kIp]) {
    out->append(field.name);
    AppendChildValue(tree, id, proto::Ip::hf[proto::Ip::kSrc], ", Src: ", out);
    AppendChildValue(tree, id, proto::Ip::hf[proto::Ip::kDst], ", Dst: ", out);
    return true;
  }
  if (f == proto::Ipv6::hf[proto::Ipv6::kIpv6]) {
    out->append(field.name);
    AppendChildValue(tree, id, proto::Ipv6::hf[proto::Ipv6::kSrc], ", Src: ", out);
    AppendChildValue(tree, id, proto::Ipv6::hf[proto::Ipv6::kDst], ", Dst: ", out);
    return true;
  }
  if (f == proto::Udp::hf[proto::Udp::kUdp]) {
    out->append(field.name);
    AppendChildValue(tree, id, proto::Udp::hf[proto::Udp::kSrcport], ", Src Port: ", out);
    AppendChildValue(tree, id, proto::Udp::hf[proto::Udp::kDstport], ", Dst Port: ", out);
    return true;
  }
  if (f == proto::Tcp::hf[proto::Tcp::kTcp]) {
    out->append(field.name);
    AppendChildValue(tree, id, proto::Tcp::hf[proto::Tcp::kSrcport], ", Src Port: ", out);
    AppendChildValue(tree, id, proto::Tcp::hf[proto::Tcp::kDstport], ", Dst Port: ", out);
    AppendChildValue(tree, id, proto::Tcp::hf[proto::Tcp::kSeq], ", Seq: ", out);
    // packet-tcp.c shows Ack only when the ACK flag is set.
    const NodeId flags = ChildOf(tree, id, proto::Tcp::hf[proto::Tcp::kFlags]);
    const NodeId ack_flag =
        flags == kNoNode ? kNoNode : ChildOf(tree, flags, proto::Tcp::hf[proto::Tcp::kFlagsAck]);
    if (ack_flag != kNoNode && tree.BoolValue(ack_flag)) {
      AppendChildValue(tree, id, proto::Tcp::hf[proto::Tcp::kAck], ", Ack: ", out);
    }
    AppendChildValue(tree, id, proto::Tcp::hf[proto::Tcp::kLen], ", Len: ", out);
    return true;
  }
  return false;
}

}  // namespace snmpdissect::print
