#include "dissector/print/summary_line.h"

#include <string_view>

#include "dissector/print/escape.h"
#include "dissector/print/protocol_summary.h"
#include "dissector/print/value_format.h"
#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6_fields.h"

namespace snmpdissect::print {
namespace {

using tree::FieldId;
using tree::FieldType;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

uint64_t UintOf(const Tree& tree, NodeId parent, FieldId field, uint64_t absent = 0) {
  const NodeId id = ChildOf(tree, parent, field);
  return id == kNoNode ? absent : tree.UintValue(id);
}

// Pads the text written since `start` with spaces to `width`, on the left
// (right-aligned) or on the right (tshark's put_spaces_string and
// put_string_spaces).
void Pad(size_t start, size_t width, bool right_align, std::string* out) {
  const size_t written = out->size() - start;
  if (written >= width) return;
  if (right_align) {
    out->insert(start, width - written, ' ');
  } else {
    out->append(width - written, ' ');
  }
}

// An address column: the network layer's address, else the link layer's.
void AppendAddress(const Tree& tree, NodeId ip, NodeId ipv6, NodeId eth, bool source,
                   std::string* out) {
  if (ip != kNoNode) {
    const NodeId a = ChildOf(tree, ip, source ? proto::Ip::hf[proto::Ip::kSrc] : proto::Ip::hf[proto::Ip::kDst]);
    if (a != kNoNode && tree.node(a).type == FieldType::kIpv4) AppendIpv4(tree.Ipv4Value(a), out);
  } else if (ipv6 != kNoNode) {
    const NodeId a = ChildOf(tree, ipv6, source ? proto::Ipv6::hf[proto::Ipv6::kSrc] : proto::Ipv6::hf[proto::Ipv6::kDst]);
    if (a != kNoNode) AppendIpv6(tree.TextValue(a), out);
  } else if (eth != kNoNode) {
    const NodeId a = ChildOf(tree, eth, source ? proto::Eth::hf[proto::Eth::kSrc] : proto::Eth::hf[proto::Eth::kDst]);
    if (a != kNoNode) AppendEther(tree.TextValue(a), out);
  }
}

// tshark's protocol column: the short name of the highest layer (its
// protocol row's short_name; "" for layers that never name a frame).
const char* ProtocolName(FieldId layer) {
  const char* name = tree::GetField(layer).short_name;
  return name != nullptr ? name : "";
}

}  // namespace

void SummaryLinePrinter::Append(const Tree& tree, std::string* out) const {
  NodeId frame = kNoNode, eth = kNoNode, ip = kNoNode, ipv6 = kNoNode;
  FieldId highest = tree::kRootField;
  for (NodeId l = tree.node(Tree::kRoot).first_child; l != kNoNode;
       l = tree.node(l).next_sibling) {
    const FieldId f = tree.node(l).field;
    if (f == proto::Frame::hf[proto::Frame::kFrame]) {
      frame = l;
    } else if (f == proto::Eth::hf[proto::Eth::kEth]) {
      eth = l;
    } else if (f == proto::Ip::hf[proto::Ip::kIp]) {
      ip = l;  // the innermost IP layer
      ipv6 = kNoNode;
    } else if (f == proto::Ipv6::hf[proto::Ipv6::kIpv6]) {
      ipv6 = l;
      ip = kNoNode;
    }
    if (*ProtocolName(f) != '\0') highest = f;
  }

  // No. and Time.
  size_t start = out->size();
  AppendDecimal(frame == kNoNode ? uint64_t{0} : UintOf(tree, frame, proto::Frame::hf[proto::Frame::kNumber]), out);
  Pad(start, 5, true, out);
  out->push_back(' ');
  start = out->size();
  const NodeId relative =
      frame == kNoNode ? kNoNode : ChildOf(tree, frame, proto::Frame::hf[proto::Frame::kTimeRelative]);
  AppendRelativeTime(relative == kNoNode ? 0 : tree.IntValue(relative),
                     options_.time_decimals, out);
  Pad(start, 10, true, out);
  out->push_back(' ');

  // Source -> Destination.
  start = out->size();
  AppendAddress(tree, ip, ipv6, eth, /*source=*/true, out);
  Pad(start, 12, true, out);
  out->append(" -> ");
  start = out->size();
  AppendAddress(tree, ip, ipv6, eth, /*source=*/false, out);
  Pad(start, 12, false, out);
  out->push_back(' ');

  // Protocol and Length.
  out->append(ProtocolName(highest));
  out->push_back(' ');
  AppendDecimal(frame == kNoNode ? uint64_t{0} : UintOf(tree, frame, proto::Frame::hf[proto::Frame::kLen]), out);
  out->push_back(' ');

  // Info: what the layers wrote while dissecting (tree.h, columns).
  out->append(tree.info());
  if (tree.first_malformed() != kNoNode) out->append("[Malformed Packet]");
  out->push_back('\n');
}

}  // namespace snmpdissect::print
