#include "dissector/proto/udp.h"

#include "absl/strings/str_format.h"
#include "dissector/value/value_format.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/udp_fields.h"

namespace snmpdissect::proto {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;

UdpHandoff DissectUdp(const LayerInput& in, size_t ip_payload_length, tree::Tree* tree) {
  constexpr size_t kHeaderLength = 8;
  UdpHandoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Udp::hf[Udp::kUdp],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: UDP", in, kHeaderLength);
    return out;
  }
  out.src_port = in.U16(0);
  out.dst_port = in.U16(2);
  tree->AddUint(out.node, Udp::hf[Udp::kSrcport], in.At(0, 2), out.src_port);
  tree->AddUint(out.node, Udp::hf[Udp::kDstport], in.At(2, 2), out.dst_port);
  tree->SetHidden(tree->AddUint(out.node, Udp::hf[Udp::kPort], in.At(0, 2), out.src_port));
  tree->SetHidden(tree->AddUint(out.node, Udp::hf[Udp::kPort], in.At(2, 2), out.dst_port));
  size_t length = in.U16(4);
  const NodeId len = tree->AddUint(out.node, Udp::hf[Udp::kLength], in.At(4, 2), length);
  // Not verified, like Wireshark by default (offloading).
  tree->AddUint(out.node, Udp::hf[Udp::kChecksum], in.At(6, 2), in.U16(6));
  if (length == 0 && ip_payload_length > 0xffff) {
    length = ip_payload_length;  // a jumbogram (RFC 2675 section 4)
  } else if (length < kHeaderLength) {
    tree->AddDiagnostic(len, Udp::ei[Udp::kLengthBad], Severity::kError, [&](std::string* o) {
      absl::StrAppendFormat(o, "Bad length value %d < 8", length);
    });
    // The IP layer's length is all that is left to go by.
    length = ip_payload_length;
  } else if (length > ip_payload_length) {
    tree->AddDiagnostic(len, Udp::ei[Udp::kLengthBad], Severity::kError, [&](std::string* o) {
      absl::StrAppendFormat(o, "Bad length value %d > IP payload length", length);
    });
    length = ip_payload_length;
  }
  out.ok = true;
  out.payload_offset = kHeaderLength;
  out.payload_length =
      length > kHeaderLength ? std::min(length, in.size()) - kHeaderLength : 0;
  if (length > in.size()) {
    tree->AddDiagnostic(len, Malformed::ei[Malformed::kExpert], Severity::kError, [&](std::string* o) {
      absl::StrAppendFormat(o, "Length %d exceeds the %d octets captured", length, in.size());
    });
  }
  return out;
}


// --- The Info column (packet-udp.c).

namespace {

using value::AppendDecimal;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

// packet-udp.c: "%u → %u Len=%u", the payload length.
void AppendUdpInfo(const Tree& tree, NodeId udp, std::string* out) {
  AppendDecimal(info::UintOf(tree, udp, Udp::hf[Udp::kSrcport]), out);
  out->append(" -> ");
  AppendDecimal(info::UintOf(tree, udp, Udp::hf[Udp::kDstport]), out);
  out->append(" Len=");
  const uint64_t length = info::UintOf(tree, udp, Udp::hf[Udp::kLength]);
  AppendDecimal(length >= 8 ? length - 8 : 0, out);
}

}  // namespace

// --- Entry point and hand-off (protocol.h).

namespace {

void UdpEntry(const LayerInput& in, FrameState& state) {
  const UdpHandoff u = DissectUdp(in, state.ip_payload_length, state.tree);
  if (u.node != tree::kNoNode && state.tree->columns_wanted()) {
    state.tree->ClearInfo();
    AppendUdpInfo(*state.tree, u.node, state.tree->mutable_info());
  }
  state.AppendProtocol("udp");
  state.last_layer = u.node;
  if (!u.ok) {
    state.malformed = true;
    return;
  }
  state.endpoints.transport = 17;
  state.endpoints.src_port = u.src_port;
  state.endpoints.dst_port = u.dst_port;
  const DissectorHandle* next = state.registry().FindPorts(Table::kUdpPort, u.src_port, u.dst_port);
  // A datagram is one PDU (for SNMP, RFC 3417 section 3).
  if (next != nullptr) next->dissect(in.Skip(u.payload_offset).Prefix(u.payload_length), state);
}

constexpr TableKey kUdpKeys[] = {{Table::kIpProto, 17}};
constexpr DissectorHandle kUdpHandle = {.name = "udp", .dissect = &UdpEntry, .keys = kUdpKeys};
constexpr const DissectorHandle* kHandles[] = {&kUdpHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Udp::kRows};

}  // namespace

const Protocol kUdpProtocol = {.rows = kRowSets, .handles = kHandles};

// packet-udp.c: "User Datagram Protocol, Src Port: 53602, Dst Port: 161".
bool Udp::AppendSummary(const tree::Tree& tree, uint32_t udp, std::string* out) {
  out->append(tree.field(udp).name);
  info::AppendChildValue(tree, udp, hf[kSrcport], ", Src Port: ", out);
  info::AppendChildValue(tree, udp, hf[kDstport], ", Dst Port: ", out);
  return true;
}

}  // namespace snmpdissect::proto
