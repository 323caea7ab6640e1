#include "dissector/print/summary_line.h"

#include <string_view>

#include "dissector/print/escape.h"
#include "dissector/print/protocol_summary.h"
#include "dissector/print/value_format.h"
#include "dissector/print/value_text.h"
#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/null_fields.h"
#include "dissector/proto/raw_fields.h"
#include "dissector/proto/sll_fields.h"
#include "dissector/proto/snmp_fields.h"
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

uint64_t UintOf(const Tree& tree, NodeId parent, FieldId field, uint64_t absent = 0) {
  const NodeId id = ChildOf(tree, parent, field);
  return id == kNoNode ? absent : tree.UintValue(id);
}

bool BoolOf(const Tree& tree, NodeId parent, FieldId field) {
  const NodeId id = ChildOf(tree, parent, field);
  return id != kNoNode && tree.BoolValue(id);
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

// packet-tcp.c tcp_flags_to_str: FIN SYN RST PSH ACK URG ECE CWR AE, then
// "Reserved"; "<None>" when no flag is set.
void AppendTcpFlags(const Tree& tree, NodeId flags, std::string* out) {
  using proto::Tcp;
  static constexpr uint16_t kOrder[] = {
      Tcp::kFlagsFin, Tcp::kFlagsSyn, Tcp::kFlagsReset, Tcp::kFlagsPush, Tcp::kFlagsAck,
      Tcp::kFlagsUrg, Tcp::kFlagsEce, Tcp::kFlagsCwr,   Tcp::kFlagsAe,   Tcp::kFlagsRes};
  static constexpr const char* kNames[] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                           "URG", "ECE", "CWR", "AE",  "Reserved"};
  bool any = false;
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (!BoolOf(tree, flags, Tcp::hf[kOrder[i]])) continue;
    if (any) out->append(", ");
    out->append(kNames[i]);
    any = true;
  }
  if (!any) out->append("<None>");
}

void AppendTcpInfo(const Tree& tree, NodeId tcp, std::string* out) {
  AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kSrcport]), out);
  out->append(" -> ");
  AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kDstport]), out);
  const NodeId flags = ChildOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kFlags]);
  out->append(" [");
  if (flags != kNoNode) AppendTcpFlags(tree, flags, out);
  out->append("] Seq=");
  AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kSeq]), out);
  if (flags != kNoNode && BoolOf(tree, flags, proto::Tcp::hf[proto::Tcp::kFlagsAck])) {
    out->append(" Ack=");
    AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kAck]), out);
  }
  out->append(" Win=");
  AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kWindowSizeValue]), out);
  if (flags != kNoNode && BoolOf(tree, flags, proto::Tcp::hf[proto::Tcp::kFlagsUrg])) {
    out->append(" Urg=");
    AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kUrgentPointer]), out);
  }
  out->append(" Len=");
  AppendDecimal(UintOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kLen]), out);
  // Options append their own text, in header order (packet-tcp.c
  // dissect_tcpopt_*: tcp_info_append_uint and " SACK_PERM").
  const NodeId options = ChildOf(tree, tcp, proto::Tcp::hf[proto::Tcp::kOptions]);
  if (options == kNoNode) return;
  for (NodeId o = tree.node(options).first_child; o != kNoNode; o = tree.node(o).next_sibling) {
    const FieldId f = tree.node(o).field;
    if (f == proto::Tcp::hf[proto::Tcp::kOptionsMss]) {
      if (NodeId v = ChildOf(tree, o, proto::Tcp::hf[proto::Tcp::kOptionsMssVal]); v != kNoNode) {
        out->append(" MSS=");
        AppendDecimal(tree.UintValue(v), out);
      }
    } else if (f == proto::Tcp::hf[proto::Tcp::kOptionsSackPerm]) {
      out->append(" SACK_PERM");
    } else if (f == proto::Tcp::hf[proto::Tcp::kOptionsTimestamp]) {
      if (NodeId v = ChildOf(tree, o, proto::Tcp::hf[proto::Tcp::kOptionsTimestampTsval]); v != kNoNode) {
        out->append(" TSval=");
        AppendDecimal(tree.UintValue(v), out);
      }
      if (NodeId v = ChildOf(tree, o, proto::Tcp::hf[proto::Tcp::kOptionsTimestampTsecr]); v != kNoNode) {
        out->append(" TSecr=");
        AppendDecimal(tree.UintValue(v), out);
      }
    } else if (f == proto::Tcp::hf[proto::Tcp::kOptionsWscale]) {
      if (NodeId v = ChildOf(tree, o, proto::Tcp::hf[proto::Tcp::kOptionsWscaleMultiplier]); v != kNoNode) {
        out->append(" WS=");
        AppendDecimal(tree.UintValue(v), out);
      }
    } else if (f == proto::Tcp::hf[proto::Tcp::kOptionsSack]) {
      for (NodeId e = tree.node(o).first_child; e != kNoNode; e = tree.node(e).next_sibling) {
        if (tree.node(e).field == proto::Tcp::hf[proto::Tcp::kOptionsSackLe]) {
          out->append(" SLE=");
          AppendDecimal(tree.UintValue(e), out);
        } else if (tree.node(e).field == proto::Tcp::hf[proto::Tcp::kOptionsSackRe]) {
          out->append(" SRE=");
          AppendDecimal(tree.UintValue(e), out);
        }
      }
    }
  }
}

// packet-udp.c: "%u → %u Len=%u", the payload length.
void AppendUdpInfo(const Tree& tree, NodeId udp, std::string* out) {
  AppendDecimal(UintOf(tree, udp, proto::Udp::hf[proto::Udp::kSrcport]), out);
  out->append(" -> ");
  AppendDecimal(UintOf(tree, udp, proto::Udp::hf[proto::Udp::kDstport]), out);
  out->append(" Len=");
  const uint64_t length = UintOf(tree, udp, proto::Udp::hf[proto::Udp::kLength]);
  AppendDecimal(length >= 8 ? length - 8 : 0, out);
}

// packet-ip.c for a fragment no transport layer was dissected from.
void AppendIpInfo(const Tree& tree, NodeId ip, std::string* out) {
  const uint64_t proto = UintOf(tree, ip, proto::Ip::hf[proto::Ip::kProto]);
  const NodeId proto_node = ChildOf(tree, ip, proto::Ip::hf[proto::Ip::kProto]);
  const char* name =
      proto_node == kNoNode ? nullptr
                            : tree::ValueNameOf(tree.field(proto_node), static_cast<int64_t>(proto));
  const uint64_t offset = UintOf(tree, ip, proto::Ip::hf[proto::Ip::kFragOffset]) * 8;
  const NodeId flags = ChildOf(tree, ip, proto::Ip::hf[proto::Ip::kFlags]);
  const bool more = flags != kNoNode && BoolOf(tree, flags, proto::Ip::hf[proto::Ip::kFlagsMf]);
  if (offset != 0 || more) {
    out->append("Fragmented IP protocol (proto=");
    out->append(name != nullptr ? name : "Unknown");
    out->push_back(' ');
    AppendDecimal(proto, out);
    out->append(", off=");
    AppendDecimal(offset, out);
    out->append(", ID=");
    const size_t start = out->size();
    AppendHexPadded(UintOf(tree, ip, proto::Ip::hf[proto::Ip::kId]), 4, out);
    out->erase(start, 2);  // "%04x": no 0x
    out->push_back(')');
    return;
  }
  out->append(name != nullptr ? name : "Unknown");
  out->append(" (");
  AppendDecimal(proto, out);
  out->push_back(')');
}

// True when some diagnostic on `id` is `expert` with at least `severity`.
bool HasExpert(const Tree& tree, NodeId id, tree::ExpertId expert, tree::Severity severity) {
  for (tree::DiagnosticId d = tree.node(id).first_diagnostic; d != tree::kNoDiagnostic;
       d = tree.diagnostic(d).next) {
    if (tree.diagnostic(d).expert == expert && tree.diagnostic(d).severity >= severity) {
      return true;
    }
  }
  return false;
}

// Whether node `id` lies in the subtree of `ancestor`.
bool Below(const Tree& tree, NodeId id, NodeId ancestor) {
  for (NodeId up = tree.node(id).parent; up != kNoNode; up = tree.node(up).parent) {
    if (up == ancestor) return true;
  }
  return false;
}

// What packet-snmp.c does to COL_INFO for one message; `info_start` is
// where the column begins in *out.
void ApplySnmpInfo(const Tree& tree, NodeId snmp, NodeId malformed, size_t info_start,
                   std::string* out) {
  const NodeId encrypted = tree.Find(proto::Snmp::hf[proto::Snmp::kEncryptedPdu], snmp);
  const NodeId data = tree.Find(proto::Snmp::hf[proto::Snmp::kData], snmp);
  if (encrypted != kNoNode && (data == kNoNode || !Below(tree, data, encrypted))) {
    // dissect_snmp_T_encryptedPDU: col_set_str, replacing the column. No
    // user or no key is "privKey Unknown"; the tree does not tell a bad
    // salt or ciphertext length (Wireshark: "Failed to decrypt") from a
    // missing key (the same expert), so those say "privKey Unknown" too.
    out->resize(info_start);
    const NodeId plain = ChildOf(tree, encrypted, proto::Snmp::hf[proto::Snmp::kDecryptedPdu]);
    if (plain != kNoNode) {
      out->append("encryptedPDU: Decrypted data not formatted as expected");
    } else if (HasExpert(tree, encrypted, proto::Snmp::ei[proto::Snmp::kCryptoUnavailable],
                         tree::Severity::kComment)) {
      out->append("encryptedPDU: Failed to decrypt");
    } else {
      out->append("encryptedPDU: privKey Unknown");
    }
    return;
  }
  if (data == kNoNode) return;
  // dissect_snmp_PDUs: col_clear, the CHOICE (varbinds append " <OID>"),
  // then col_prepend of the PDU's name unless an exception left the CHOICE.
  out->resize(info_start);
  const NodeId pdu = tree.node(data).first_child;
  const tree::Range& data_range = tree.node(data).range;
  const bool thrown_inside =
      malformed != kNoNode && Below(tree, malformed, snmp) &&
      tree.node(malformed).range.source == data_range.source &&
      tree.node(malformed).range.offset >= data_range.offset;
  if (!thrown_inside && tree.node(data).type != FieldType::kBytes) {
    const char* name =
        tree::ValueNameOf(tree.field(data), static_cast<int64_t>(tree.UintValue(data)));
    if (name != nullptr && std::string_view(name) != "Unknown") out->append(name);
  }
  if (pdu == kNoNode) return;
  for (NodeId c = tree.node(pdu).first_child; c != kNoNode; c = tree.node(c).next_sibling) {
    const tree::Node& child = tree.node(c);
    if (child.field == proto::Snmp::hf[proto::Snmp::kEnterprise] && child.type == FieldType::kOid) {
      out->push_back(' ');
      AppendResolvedOidName(tree.TextValue(c), out);
    } else if (child.field == proto::Snmp::hf[proto::Snmp::kVariableBindings]) {
      for (NodeId vb = child.first_child; vb != kNoNode; vb = tree.node(vb).next_sibling) {
        const NodeId name = ChildOf(tree, vb, proto::Snmp::hf[proto::Snmp::kName]);
        if (name == kNoNode || tree.node(name).type != FieldType::kOid) continue;
        out->push_back(' ');
        AppendVarBindOid(tree.TextValue(name), /*with_dotted=*/false, out);
      }
    }
  }
}

}  // namespace

void SummaryLinePrinter::Append(const Tree& tree, std::string* out) const {
  NodeId frame = kNoNode, eth = kNoNode, ip = kNoNode, ipv6 = kNoNode, udp = kNoNode,
         tcp = kNoNode;
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
    } else if (f == proto::Udp::hf[proto::Udp::kUdp]) {
      udp = l;
    } else if (f == proto::Tcp::hf[proto::Tcp::kTcp]) {
      tcp = l;
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

  // Info, layer by layer as the dissectors would write it.
  const size_t info_start = out->size();
  if (tcp != kNoNode) {
    AppendTcpInfo(tree, tcp, out);
  } else if (udp != kNoNode) {
    AppendUdpInfo(tree, udp, out);
  } else if (ip != kNoNode) {
    AppendIpInfo(tree, ip, out);
  }
  const NodeId malformed = tree.Find(proto::Malformed::hf[proto::Malformed::kMalformed]);
  for (NodeId l = tree.node(Tree::kRoot).first_child; l != kNoNode;
       l = tree.node(l).next_sibling) {
    if (tree.node(l).field == proto::Snmp::hf[proto::Snmp::kSnmp]) ApplySnmpInfo(tree, l, malformed, info_start, out);
  }
  if (malformed != kNoNode) out->append("[Malformed Packet]");
  out->push_back('\n');
}

}  // namespace snmpdissect::print
