#include "dissector/proto/tcp.h"

#include "absl/strings/str_format.h"
#include "dissector/value/value_format.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/reassembly_tree.h"
#include "dissector/proto/tcp_fields.h"

namespace snmpdissect::proto {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;

constexpr size_t kMinHeader = 20;

// Option kinds (IANA; RFC 9293 3.2, RFC 7323, RFC 2018).
constexpr uint8_t kEol = 0;
constexpr uint8_t kNop = 1;
constexpr uint8_t kMss = 2;
constexpr uint8_t kWindowScale = 3;
constexpr uint8_t kSackPermitted = 4;
constexpr uint8_t kSack = 5;
constexpr uint8_t kTimestamps = 8;

FieldId OptionField(uint8_t kind) {
  switch (kind) {
    case kEol: return Tcp::hf[Tcp::kOptionsEol];
    case kNop: return Tcp::hf[Tcp::kOptionsNop];
    case kMss: return Tcp::hf[Tcp::kOptionsMss];
    case kWindowScale: return Tcp::hf[Tcp::kOptionsWscale];
    case kSackPermitted: return Tcp::hf[Tcp::kOptionsSackPerm];
    case kSack: return Tcp::hf[Tcp::kOptionsSack];
    case kTimestamps: return Tcp::hf[Tcp::kOptionsTimestamp];
    default: return Tcp::hf[Tcp::kOptionsUnknown];
  }
}

// Whether an option of `kind` may have `length` octets (type and length
// included); unknown kinds take any length of at least 2.
bool LengthFits(uint8_t kind, size_t length) {
  switch (kind) {
    case kMss: return length == 4;
    case kWindowScale: return length == 3;
    case kSackPermitted: return length == 2;
    case kSack: return length >= 10 && (length - 2) % 8 == 0;
    case kTimestamps: return length == 10;
    default: return length >= 2;
  }
}

// Options in octets [20, header_length), at most 40: bounded by the header.
void AddOptions(const LayerInput& in, size_t header_length, tree::Tree* tree, NodeId tcp) {
  const NodeId options = tree->AddBytes(tcp, Tcp::hf[Tcp::kOptions],
                                        in.At(kMinHeader, header_length - kMinHeader),
                                        in.Slice(kMinHeader, header_length - kMinHeader));
  size_t at = kMinHeader;
  while (at < header_length) {
    const uint8_t kind = in.U8(at);
    if (kind == kEol || kind == kNop) {
      const NodeId option = tree->AddProtocol(options, OptionField(kind), in.At(at, 1));
      tree->AddUint(option, Tcp::hf[Tcp::kOptionKind], in.At(at, 1), kind);
      ++at;
      if (kind == kEol) return;  // the rest is padding
      continue;
    }
    const NodeId option = tree->AddProtocol(
        options, OptionField(kind), in.At(at, std::min<size_t>(2, header_length - at)));
    tree->AddUint(option, Tcp::hf[Tcp::kOptionKind], in.At(at, 1), kind);
    if (at + 1 >= header_length) {
      tree->AddDiagnostic(option, Tcp::ei[Tcp::kOptionLenInvalid], Severity::kError,
                          "option length octet missing: the header ends");
      return;
    }
    const size_t length = in.U8(at + 1);
    const NodeId len = tree->AddUint(option, Tcp::hf[Tcp::kOptionLen], in.At(at + 1, 1), length);
    if (length < 2 || at + length > header_length || !LengthFits(kind, length)) {
      tree->AddDiagnostic(len, Tcp::ei[Tcp::kOptionLenInvalid], Severity::kError,
                          [&](std::string* o) {
                            absl::StrAppendFormat(o, "Invalid length %d for option kind %d",
                                                  length, kind);
                          });
      if (length < 2 || at + length > header_length) return;  // lost the thread
      at += length;
      continue;
    }
    tree->SetRange(option, in.At(at, length));
    const size_t data = at + 2;
    switch (kind) {
      case kMss:
        tree->AddUint(option, Tcp::hf[Tcp::kOptionsMssVal], in.At(data, 2), in.U16(data));
        break;
      case kWindowScale: {
        const uint8_t shift = in.U8(data);
        tree->AddUint(option, Tcp::hf[Tcp::kOptionsWscaleShift], in.At(data, 1), shift);
        // RFC 7323 section 2.3: shifts above 14 are treated as 14.
        tree->SetGenerated(tree->AddUint(option, Tcp::hf[Tcp::kOptionsWscaleMultiplier],
                                         in.At(data, 1), uint64_t{1} << std::min<int>(shift, 14)));
        break;
      }
      case kSack: {
        size_t blocks = 0;
        for (size_t b = data; b + 8 <= at + length; b += 8, ++blocks) {
          tree->AddUint(option, Tcp::hf[Tcp::kOptionsSackLe], in.At(b, 4), in.U32(b));
          tree->AddUint(option, Tcp::hf[Tcp::kOptionsSackRe], in.At(b + 4, 4), in.U32(b + 4));
        }
        tree->SetGenerated(
            tree->AddUint(option, Tcp::hf[Tcp::kOptionsSackCount], in.At(at, length), blocks));
        break;
      }
      case kTimestamps:
        tree->AddUint(option, Tcp::hf[Tcp::kOptionsTimestampTsval], in.At(data, 4),
                      in.U32(data));
        tree->AddUint(option, Tcp::hf[Tcp::kOptionsTimestampTsecr], in.At(data + 4, 4),
                      in.U32(data + 4));
        break;
      case kSackPermitted:
        break;
      default:
        if (length > 2) {
          tree->AddBytes(option, Tcp::hf[Tcp::kOptionsUnknownPayload], in.At(data, length - 2),
                         in.Slice(data, length - 2));
        }
    }
    at += length;
  }
}

}  // namespace

TcpHeader ParseTcp(const LayerInput& in) {
  TcpHeader h;
  if (in.size() < kMinHeader) return h;
  h.fixed_ok = true;
  h.src_port = in.U16(0);
  h.dst_port = in.U16(2);
  h.seq = in.U32(4);
  h.ack = in.U32(8);
  h.header_length = static_cast<size_t>(in.U8(12) >> 4) * 4;
  h.flags = in.U16(12) & 0x0fff;
  h.window = in.U16(14);
  h.checksum = in.U16(16);
  h.urgent = in.U16(18);
  if (h.header_length < kMinHeader || h.header_length > in.size()) return h;
  h.ok = true;
  h.payload_offset = h.header_length;
  h.payload_length = in.size() - h.header_length;
  return h;
}

NodeId AddTcpTree(const LayerInput& in, const TcpHeader& h, const TcpTreeExtras& extras,
                  tree::Tree* tree) {
  const NodeId tcp = tree->AddProtocol(
      tree::Tree::kRoot, Tcp::hf[Tcp::kTcp],
      in.At(0, std::min(in.size(), std::max(h.header_length, kMinHeader))));
  if (!h.fixed_ok) {
    AddTruncated(tree, tcp, "Malformed Packet: TCP", in, kMinHeader);
    return tcp;
  }
  tree->AddUint(tcp, Tcp::hf[Tcp::kSrcport], in.At(0, 2), h.src_port);
  tree->AddUint(tcp, Tcp::hf[Tcp::kDstport], in.At(2, 2), h.dst_port);
  tree->SetHidden(tree->AddUint(tcp, Tcp::hf[Tcp::kPort], in.At(0, 2), h.src_port));
  tree->SetHidden(tree->AddUint(tcp, Tcp::hf[Tcp::kPort], in.At(2, 2), h.dst_port));
  const tree::Range none = in.At(0, 0);
  if (extras.has_stream) {
    tree->SetGenerated(tree->AddUint(tcp, Tcp::hf[Tcp::kStream], none, extras.stream));
  }
  if (h.ok) {
    tree->SetGenerated(tree->AddUint(tcp, Tcp::hf[Tcp::kLen], none, h.payload_length));
  }
  const bool ack = (h.flags & kTcpAck) != 0;
  if (extras.relative) {
    tree->AddUint(tcp, Tcp::hf[Tcp::kSeq], in.At(4, 4), extras.relative_seq);
    tree->AddUint(tcp, Tcp::hf[Tcp::kSeqRaw], in.At(4, 4), h.seq);
    tree->SetGenerated(
        tree->AddUint(tcp, Tcp::hf[Tcp::kNxtseq], none, extras.next_relative_seq));
    tree->AddUint(tcp, Tcp::hf[Tcp::kAck], in.At(8, 4), ack ? extras.relative_ack : 0);
    tree->AddUint(tcp, Tcp::hf[Tcp::kAckRaw], in.At(8, 4), h.ack);
  } else {
    tree->AddUint(tcp, Tcp::hf[Tcp::kSeq], in.At(4, 4), h.seq);
    tree->AddUint(tcp, Tcp::hf[Tcp::kAck], in.At(8, 4), h.ack);
  }
  const NodeId hdr_len = tree->AddUint(tcp, Tcp::hf[Tcp::kHdrLen], in.At(12, 1), h.header_length);
  const tree::Range flags_range = in.At(12, 2);
  const NodeId flags = tree->AddUint(tcp, Tcp::hf[Tcp::kFlags], flags_range, h.flags);
  const struct {
    FieldId field;
    uint16_t mask;
  } kBits[] = {
      {Tcp::hf[Tcp::kFlagsRes], 0xe00}, {Tcp::hf[Tcp::kFlagsAe], 0x100},
      {Tcp::hf[Tcp::kFlagsCwr], 0x080}, {Tcp::hf[Tcp::kFlagsEce], 0x040},
      {Tcp::hf[Tcp::kFlagsUrg], 0x020}, {Tcp::hf[Tcp::kFlagsAck], 0x010},
      {Tcp::hf[Tcp::kFlagsPush], 0x008}, {Tcp::hf[Tcp::kFlagsReset], 0x004},
      {Tcp::hf[Tcp::kFlagsSyn], 0x002}, {Tcp::hf[Tcp::kFlagsFin], 0x001},
  };
  for (const auto& bit : kBits) {
    tree->AddBool(flags, bit.field, flags_range, (h.flags & bit.mask) != 0);
  }
  tree->AddUint(tcp, Tcp::hf[Tcp::kWindowSizeValue], in.At(14, 2), h.window);
  // Not verified, like Wireshark by default (offloading).
  tree->AddUint(tcp, Tcp::hf[Tcp::kChecksum], in.At(16, 2), h.checksum);
  tree->AddUint(tcp, Tcp::hf[Tcp::kUrgentPointer], in.At(18, 2), h.urgent);
  if (h.header_length < kMinHeader) {
    tree->AddDiagnostic(hdr_len, Tcp::ei[Tcp::kBogusHeaderLength], Severity::kError,
                        [&](std::string* o) {
                          absl::StrAppendFormat(
                              o, "Bogus TCP header length (%d, must be at least 20)",
                              h.header_length);
                        });
    return tcp;
  }
  if (!h.ok) {
    AddTruncated(tree, tcp, "Malformed Packet: TCP", in, h.header_length);
    return tcp;
  }
  if (h.header_length > kMinHeader) AddOptions(in, h.header_length, tree, tcp);
  return tcp;
}


// --- The Info column (packet-tcp.c), from the node just built: "46194 ->
// 161 [SYN] Seq=0 Win=65495 Len=0 MSS=65495 SACK_PERM TSval=... WS=1024".

namespace {

using value::AppendDecimal;
using tree::FieldId;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

// packet-tcp.c tcp_flags_to_str: FIN SYN RST PSH ACK URG ECE CWR AE, then
// "Reserved"; "<None>" when no flag is set.
void AppendTcpFlags(const Tree& tree, NodeId flags, std::string* out) {
  static constexpr uint16_t kOrder[] = {
      Tcp::kFlagsFin, Tcp::kFlagsSyn, Tcp::kFlagsReset, Tcp::kFlagsPush, Tcp::kFlagsAck,
      Tcp::kFlagsUrg, Tcp::kFlagsEce, Tcp::kFlagsCwr,   Tcp::kFlagsAe,   Tcp::kFlagsRes};
  static constexpr const char* kNames[] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                           "URG", "ECE", "CWR", "AE",  "Reserved"};
  bool any = false;
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (!info::BoolOf(tree, flags, Tcp::hf[kOrder[i]])) continue;
    if (any) out->append(", ");
    out->append(kNames[i]);
    any = true;
  }
  if (!any) out->append("<None>");
}

void AppendTcpInfo(const Tree& tree, NodeId tcp, std::string* out) {
  AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kSrcport]), out);
  out->append(" -> ");
  AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kDstport]), out);
  const NodeId flags = info::ChildOf(tree, tcp, Tcp::hf[Tcp::kFlags]);
  out->append(" [");
  if (flags != kNoNode) AppendTcpFlags(tree, flags, out);
  out->append("] Seq=");
  AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kSeq]), out);
  if (flags != kNoNode && info::BoolOf(tree, flags, Tcp::hf[Tcp::kFlagsAck])) {
    out->append(" Ack=");
    AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kAck]), out);
  }
  out->append(" Win=");
  AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kWindowSizeValue]), out);
  if (flags != kNoNode && info::BoolOf(tree, flags, Tcp::hf[Tcp::kFlagsUrg])) {
    out->append(" Urg=");
    AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kUrgentPointer]), out);
  }
  out->append(" Len=");
  AppendDecimal(info::UintOf(tree, tcp, Tcp::hf[Tcp::kLen]), out);
  // Options append their own text, in header order (packet-tcp.c
  // dissect_tcpopt_*: tcp_info_append_uint and " SACK_PERM").
  const NodeId options = info::ChildOf(tree, tcp, Tcp::hf[Tcp::kOptions]);
  if (options == kNoNode) return;
  for (NodeId o = tree.node(options).first_child; o != kNoNode; o = tree.node(o).next_sibling) {
    const FieldId f = tree.node(o).field;
    if (f == Tcp::hf[Tcp::kOptionsMss]) {
      if (NodeId v = info::ChildOf(tree, o, Tcp::hf[Tcp::kOptionsMssVal]); v != kNoNode) {
        out->append(" MSS=");
        AppendDecimal(tree.UintValue(v), out);
      }
    } else if (f == Tcp::hf[Tcp::kOptionsSackPerm]) {
      out->append(" SACK_PERM");
    } else if (f == Tcp::hf[Tcp::kOptionsTimestamp]) {
      if (NodeId v = info::ChildOf(tree, o, Tcp::hf[Tcp::kOptionsTimestampTsval]); v != kNoNode) {
        out->append(" TSval=");
        AppendDecimal(tree.UintValue(v), out);
      }
      if (NodeId v = info::ChildOf(tree, o, Tcp::hf[Tcp::kOptionsTimestampTsecr]); v != kNoNode) {
        out->append(" TSecr=");
        AppendDecimal(tree.UintValue(v), out);
      }
    } else if (f == Tcp::hf[Tcp::kOptionsWscale]) {
      if (NodeId v = info::ChildOf(tree, o, Tcp::hf[Tcp::kOptionsWscaleMultiplier]); v != kNoNode) {
        out->append(" WS=");
        AppendDecimal(tree.UintValue(v), out);
      }
    } else if (f == Tcp::hf[Tcp::kOptionsSack]) {
      for (NodeId e = tree.node(o).first_child; e != kNoNode; e = tree.node(e).next_sibling) {
        if (tree.node(e).field == Tcp::hf[Tcp::kOptionsSackLe]) {
          out->append(" SLE=");
          AppendDecimal(tree.UintValue(e), out);
        } else if (tree.node(e).field == Tcp::hf[Tcp::kOptionsSackRe]) {
          out->append(" SRE=");
          AppendDecimal(tree.UintValue(e), out);
        }
      }
    }
  }
}

}  // namespace

// --- Entry point and hand-off (protocol.h).

namespace {

void TcpEntry(const LayerInput& in, FrameState& state) {
  const TcpHeader h = ParseTcp(in);
  const DissectorHandle* next =
      h.fixed_ok ? state.registry().FindPorts(Table::kTcpPort, h.src_port, h.dst_port)
                 : nullptr;
  // The protocol above frames its PDUs on the stream (protocol.h); without
  // one, or with reassembly off, each payload is handed on as it is.
  const reassembly::PduFraming framing =
      next != nullptr && state.options().reassemble_tcp ? next->framing : nullptr;
  const LayerInput payload = in.Skip(h.payload_offset).Prefix(h.payload_length);
  TcpTreeExtras extras;
  const reassembly::TcpResult* r = nullptr;
  if (h.ok) {
    const IpHandoff& ip = *state.ip;
    reassembly::TcpSegment segment;
    segment.version = static_cast<uint8_t>(ip.version);
    segment.src = ip.src;
    segment.dst = ip.dst;
    segment.src_port = h.src_port;
    segment.dst_port = h.dst_port;
    segment.seq = h.seq;
    segment.ack = h.ack;
    segment.flags = h.flags;
    segment.payload = payload.bytes;
    segment.frame = state.number;
    r = &state.services->tcp->Add(segment, framing);
    extras.has_stream = true;
    extras.stream = r->stream;
    extras.relative = true;
    extras.relative_seq = r->relative_seq;
    extras.relative_ack = r->relative_ack;
    extras.next_relative_seq = r->next_relative_seq;
  }
  tree::Tree* tree = state.tree;
  const tree::NodeId tcp = AddTcpTree(in, h, extras, tree);
  if (tcp != tree::kNoNode && tree->columns_wanted()) {
    tree->ClearInfo();
    AppendTcpInfo(*tree, tcp, tree->mutable_info());
  }
  state.AppendProtocol("tcp");
  state.last_layer = tcp;
  if (h.fixed_ok) {
    state.endpoints.transport = 6;
    state.endpoints.src_port = h.src_port;
    state.endpoints.dst_port = h.dst_port;
  }
  if (!h.ok) {
    state.malformed = true;
    return;
  }
  AddTcpDiagnostics(*r, state.services->tcp->limits(), tree, tcp);
  if (next == nullptr) return;
  if (framing == nullptr) {
    if (payload.size() > 0) next->dissect(payload, state);
    return;
  }
  for (const reassembly::TcpMessage& m : r->messages) {
    if (!m.reassembled) {
      next->dissect(payload.Skip(m.offset).Prefix(m.bytes.size()), state);
      continue;
    }
    const tree::NodeId data = AddReassembledSegments(m, payload, tree, tcp);
    if (data == tree::kNoNode) continue;  // the tree is full
    next->dissect(LayerInput{m.bytes, 0, data}, state);
  }
  AddHeldSegmentData(*r, payload, tree, tcp);
}

constexpr TableKey kTcpKeys[] = {{Table::kIpProto, 6}};
constexpr DissectorHandle kTcpHandle = {.name = "tcp", .dissect = &TcpEntry, .keys = kTcpKeys};
constexpr const DissectorHandle* kHandles[] = {&kTcpHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Tcp::kRows};

}  // namespace

const Protocol kTcpProtocol = {.rows = kRowSets, .handles = kHandles};

// packet-tcp.c: "Transmission Control Protocol, Src Port: 46194, Dst Port:
// 161, Seq: 0, Ack: 1, Len: 0"; Ack only when the ACK flag is set.
bool Tcp::AppendSummary(const tree::Tree& tree, uint32_t tcp, std::string* out) {
  out->append(tree.field(tcp).name);
  info::AppendChildValue(tree, tcp, hf[kSrcport], ", Src Port: ", out);
  info::AppendChildValue(tree, tcp, hf[kDstport], ", Dst Port: ", out);
  info::AppendChildValue(tree, tcp, hf[kSeq], ", Seq: ", out);
  const tree::NodeId flags = info::ChildOf(tree, tcp, hf[kFlags]);
  if (flags != tree::kNoNode && info::BoolOf(tree, flags, hf[kFlagsAck])) {
    info::AppendChildValue(tree, tcp, hf[kAck], ", Ack: ", out);
  }
  info::AppendChildValue(tree, tcp, hf[kLen], ", Len: ", out);
  return true;
}

}  // namespace snmpdissect::proto
