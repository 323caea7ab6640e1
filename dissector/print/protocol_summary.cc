#include "dissector/print/protocol_summary.h"

#include "dissector/print/value_format.h"

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
  switch (field.id) {
    case FieldId::kFrame: {
      // packet-frame.c: "Frame %u: %u bytes on wire (%u bits), %u bytes
      // captured (%u bits)".
      const NodeId number = ChildOf(tree, id, FieldId::kFrameNumber);
      out->append("Frame ");
      AppendDecimal(number == kNoNode ? uint64_t{0} : tree.UintValue(number), out);
      out->append(": ");
      AppendBytesAndBits(tree, ChildOf(tree, id, FieldId::kFrameLen), " on wire", out);
      out->append(", ");
      AppendBytesAndBits(tree, ChildOf(tree, id, FieldId::kFrameCapLen), " captured", out);
      return true;
    }
    case FieldId::kEth:
      out->append(field.name);
      AppendChildValue(tree, id, FieldId::kEthSrc, ", Src: ", out);
      AppendChildValue(tree, id, FieldId::kEthDst, ", Dst: ", out);
      return true;
    case FieldId::kVlan:
      out->append(field.name);
      AppendChildValue(tree, id, FieldId::kVlanPriority, ", PRI: ", out);
      AppendChildValue(tree, id, FieldId::kVlanDei, ", DEI: ", out);
      AppendChildValue(tree, id, FieldId::kVlanId, ", ID: ", out);
      return true;
    case FieldId::kIp:
      out->append(field.name);
      AppendChildValue(tree, id, FieldId::kIpSrc, ", Src: ", out);
      AppendChildValue(tree, id, FieldId::kIpDst, ", Dst: ", out);
      return true;
    case FieldId::kIpv6Protocol:
      out->append(field.name);
      AppendChildValue(tree, id, FieldId::kIpv6Src, ", Src: ", out);
      AppendChildValue(tree, id, FieldId::kIpv6Dst, ", Dst: ", out);
      return true;
    case FieldId::kUdp:
      out->append(field.name);
      AppendChildValue(tree, id, FieldId::kUdpSrcport, ", Src Port: ", out);
      AppendChildValue(tree, id, FieldId::kUdpDstport, ", Dst Port: ", out);
      return true;
    case FieldId::kTcp: {
      out->append(field.name);
      AppendChildValue(tree, id, FieldId::kTcpSrcport, ", Src Port: ", out);
      AppendChildValue(tree, id, FieldId::kTcpDstport, ", Dst Port: ", out);
      AppendChildValue(tree, id, FieldId::kTcpSeq, ", Seq: ", out);
      // packet-tcp.c shows Ack only when the ACK flag is set.
      const NodeId flags = ChildOf(tree, id, FieldId::kTcpFlags);
      const NodeId ack_flag =
          flags == kNoNode ? kNoNode : ChildOf(tree, flags, FieldId::kTcpFlagsAck);
      if (ack_flag != kNoNode && tree.BoolValue(ack_flag)) {
        AppendChildValue(tree, id, FieldId::kTcpAck, ", Ack: ", out);
      }
      AppendChildValue(tree, id, FieldId::kTcpLen, ", Len: ", out);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace snmpdissect::print
