#include "dissector/pipeline/frame_dissector.h"

#include <algorithm>

#include "absl/strings/str_format.h"
#include "dissector/conversation/match_tree.h"
#include "dissector/proto/ethernet.h"
#include "dissector/proto/frame.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/null.h"
#include "dissector/proto/protocols.h"
#include "dissector/proto/raw.h"
#include "dissector/proto/sll.h"
#include "dissector/proto/tcp.h"
#include "dissector/proto/tcp_fields.h"
#include "dissector/proto/udp.h"
#include "dissector/proto/vlan.h"
#include "dissector/proto/vlan_fields.h"

namespace snmpdissect::pipeline {
namespace {

using proto::Dissector;
using proto::LayerInput;
using proto::Table;
using reassembly::FragmentEventKind;
using reassembly::TcpEventKind;
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;
using tree::Tree;

// The dissector for a pair of ports: the lower one first, as Wireshark
// tries them (the well-known port is usually the lower).
Dissector PortDissector(const proto::Registry& registry, Table table, uint16_t a,
                        uint16_t b) {
  const uint16_t low = std::min(a, b), high = std::max(a, b);
  const Dissector first = registry.Find(table, low);
  return first != Dissector::kNone ? first : registry.Find(table, high);
}

// Reassembler findings as diagnostics on the IP node of the frame that
// brought the fragment.
void AddFragmentDiagnostics(const reassembly::FragmentResult& r, bool v6,
                            const reassembly::IpLimits& limits, Tree* tree, NodeId ip) {
  for (const reassembly::FragmentEvent& e : r.events) {
    const uint64_t v = e.value;
    switch (e.kind) {
      case FragmentEventKind::kOverlap:
        tree->AddDiagnostic(ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentOverlap] : proto::Ip::ei[proto::Ip::kFragmentOverlap],
                            Severity::kNote, [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Fragment at offset %d overlaps data received before "
                                     "(identical)", v);
                            });
        break;
      case FragmentEventKind::kOverlapConflict:
        tree->AddDiagnostic(
            ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentOverlapConflict] : proto::Ip::ei[proto::Ip::kFragmentOverlapConflict],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "Fragment at offset %d overlaps data received before "
                                    "with different octets; the first data is kept",
                                    v);
            });
        break;
      case FragmentEventKind::kMultipleTails:
        tree->AddDiagnostic(
            ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentMultipleTails] : proto::Ip::ei[proto::Ip::kFragmentMultipleTails],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "Fragment ending at octet %d disagrees with the "
                                    "datagram's last fragment; dropped",
                                    v);
            });
        break;
      case FragmentEventKind::kTooLong:
        tree->AddDiagnostic(
            ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentTooLong] : proto::Ip::ei[proto::Ip::kFragmentTooLong],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "Fragment ends at octet %d, past the %d-octet datagram "
                                    "limit; dropped",
                                    v, limits.max_datagram);
            });
        break;
      case FragmentEventKind::kTooManyFragments:
        tree->AddDiagnostic(
            ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentError] : proto::Ip::ei[proto::Ip::kFragmentError],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o, "More than %d fragments; the datagram is dropped",
                                    limits.max_fragments);
            });
        break;
      case FragmentEventKind::kEvictedStale:
        tree->AddDiagnostic(
            ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentError] : proto::Ip::ei[proto::Ip::kFragmentError],
            Severity::kNote, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "%d incomplete datagram(s) dropped: not completed "
                                    "within %d frames or %d s",
                                    v, limits.max_age_frames,
                                    limits.max_age_ns / 1'000'000'000);
            });
        break;
      case FragmentEventKind::kEvictedForSpace:
        tree->AddDiagnostic(
            ip, v6 ? proto::Ipv6::ei[proto::Ipv6::kFragmentError] : proto::Ip::ei[proto::Ip::kFragmentError],
            Severity::kWarning, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "%d incomplete datagram(s) evicted: reassembly table "
                                    "full (%d datagrams, %d octets)",
                                    v, limits.max_pending, limits.max_total_bytes);
            });
        break;
    }
  }
}

void AddTcpDiagnostics(const reassembly::TcpResult& r, const reassembly::TcpLimits& limits,
                       Tree* tree, NodeId tcp) {
  for (const reassembly::TcpEvent& e : r.events) {
    const uint64_t v = e.value;
    switch (e.kind) {
      case TcpEventKind::kRetransmission:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kAnalysisRetransmission], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Retransmission: %d octets seen before, ignored", v);
                            });
        break;
      case TcpEventKind::kOutOfOrder:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kAnalysisOutOfOrder], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "Out-of-order segment (%d octets) for a gap the stream "
                                  "was already resynchronised after; ignored",
                                  v);
                            });
        break;
      case TcpEventKind::kLostSegment:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kAnalysisLostSegment], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "Previous segment(s) not captured: %d octets missing; "
                                  "the SNMP stream restarts at this segment",
                                  v);
                            });
        break;
      case TcpEventKind::kPartialDropped:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kSegmentError], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "%d octets of an incomplete SNMP message dropped", v);
                            });
        break;
      case TcpEventKind::kMessageTooLong:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kSegmentTooLong], Severity::kError,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "BER header claims a %d-octet message, more than the "
                                  "%d-octet reassembly limit; skipping it",
                                  v, limits.max_message);
                            });
        break;
      case TcpEventKind::kSkipping:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kSegmentTooLong], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Skipping an over-long message: %d octets to go", v);
                            });
        break;
      case TcpEventKind::kBufferLimit:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kSegmentError], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "Reassembly memory limit (%d octets): a %d-octet partial "
                                  "message could not be held and is dropped",
                                  limits.max_total, v);
                            });
        break;
      case TcpEventKind::kConversationsEvicted:
        tree->AddDiagnostic(tcp, proto::Tcp::ei[proto::Tcp::kSegmentError], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "%d least recently used conversation(s) forgotten: "
                                  "table full (%d)",
                                  v, limits.max_conversations);
                            });
        break;
    }
  }
}

}  // namespace

FrameDissector::FrameDissector(Options options) : FrameDissector(options, nullptr) {}

FrameDissector::FrameDissector(Options options, proto::SnmpDissector* snmp)
    : options_(options),
      owned_snmp_(snmp == nullptr ? std::make_unique<proto::SnmpDissector>() : nullptr),
      snmp_(snmp != nullptr ? snmp : owned_snmp_.get()),
      ipv4_(options.ip),
      ipv6_(options.ip),
      tcp_(options.tcp),
      tracker_(options.requests) {
  proto::RegisterProtocols();
  // Room for the usual frame, so steady state does not allocate.
  protocols_.reserve(256);
  messages_.reserve(16);
}

FrameDissector::~FrameDissector() = default;

PipelineStats FrameDissector::stats() const {
  return PipelineStats{ipv4_.stats(), ipv6_.stats(), tcp_.stats(), tracker_.stats()};
}

void FrameDissector::StartSecondPass() {
  ipv4_ = reassembly::IpReassembler(options_.ip);
  ipv6_ = reassembly::IpReassembler(options_.ip);
  tcp_ = reassembly::TcpReassembler(options_.tcp);
  tracker_.StartSecondPass();
  seen_frame_ = false;
  first_timestamp_ns_ = 0;
  previous_timestamp_ns_ = 0;
}

void FrameDissector::AppendProtocol(const char* name) {
  if (!protocols_.empty()) protocols_.push_back(':');
  protocols_.append(name);
}

const FrameResult& FrameDissector::Dissect(const FrameInput& input, Tree* tree) {
  tree->Clear();
  tree_ = tree;
  input_ = &input;
  protocols_.clear();
  messages_.clear();
  result_ = FrameResult{};
  link_node_ = tree::kNoNode;
  last_layer_ = tree::kNoNode;
  has_datagram_end_ = false;
  datagram_end_ = 0;
  snmp_appended_ = false;

  const uint32_t captured = LayerInput::Clamp(input.data.size());
  if (!seen_frame_) {
    seen_frame_ = true;
    first_timestamp_ns_ = input.timestamp_ns;
    previous_timestamp_ns_ = input.timestamp_ns;
  }
  result_.frame = proto::AddFrame(
      {.number = input.number,
       .timestamp_ns = input.timestamp_ns,
       .first_timestamp_ns = first_timestamp_ns_,
       .previous_timestamp_ns = previous_timestamp_ns_,
       .captured_length = captured,
       .original_length = input.original_length != 0 ? input.original_length : captured},
      tree);
  const LayerInput frame{input.data, 0, tree::kFrameSource};
  const Dissector link = input.link_type >= 0
                             ? registry_.Find(Table::kLinkType,
                                              static_cast<uint32_t>(input.link_type))
                             : Dissector::kNone;
  if (link == Dissector::kNone) {
    result_.unknown_link_type = true;
    tree->AddDiagnostic(result_.frame, proto::Frame::ei[proto::Frame::kUnknownLinkType], Severity::kWarning,
                        [&](std::string* o) {
                          absl::StrAppendFormat(o, "No dissector for link type %d",
                                                input.link_type);
                        });
  } else {
    Link(link, frame);
  }
  proto::AddFrameProtocols(protocols_, tree, result_.frame);
  if (options_.match_requests) MatchRequests();
  previous_timestamp_ns_ = input.timestamp_ns;
  result_.messages = messages_;
  tree_ = nullptr;
  input_ = nullptr;
  return result_;
}

void FrameDissector::Link(Dissector link, const LayerInput& in) {
  proto::Handoff h;
  bool ethertype_layer = true;  // Wireshark lists "ethertype" after these
  switch (link) {
    case Dissector::kEthernet:
      h = proto::DissectEthernet(in, tree_);
      link_node_ = h.node;
      break;
    case Dissector::kLinuxSll:
      h = proto::DissectSll(in, tree_);
      break;
    case Dissector::kLinuxSll2:
      h = proto::DissectSll2(in, tree_);
      break;
    case Dissector::kNull:
    case Dissector::kLoop:
      h = proto::DissectNull(in, link == Dissector::kLoop, tree_);
      ethertype_layer = false;
      break;
    case Dissector::kRawIp:
      h = proto::DissectRaw(in, tree_);
      ethertype_layer = false;
      break;
    case Dissector::kRawIpv4:
      Ip(/*v6=*/false, in);
      return;
    case Dissector::kRawIpv6:
      Ip(/*v6=*/true, in);
      return;
    default:
      return;
  }
  AppendProtocol(proto::ProtocolName(link));
  last_layer_ = h.node;
  if (!h.ok) {
    result_.malformed = true;
    return;
  }
  if (h.next != 0) {
    if (ethertype_layer) AppendProtocol("ethertype");
    Ethertype(h.next, in.Skip(h.payload_offset).Prefix(h.payload_length), 0);
  }
  if (link == Dissector::kEthernet && has_datagram_end_) {
    proto::AddEthernetTrailer(in, datagram_end_, tree_, link_node_);
  }
}

void FrameDissector::Ethertype(uint32_t ethertype, const LayerInput& in, int depth) {
  const Dissector d = registry_.Find(Table::kEthertype, ethertype);
  switch (d) {
    case Dissector::kVlan:
    case Dissector::kIeee8021ad: {
      if (depth >= options_.max_vlan_tags) {
        tree_->AddDiagnostic(last_layer_, proto::Vlan::ei[proto::Vlan::kTooManyTags], Severity::kWarning,
                             [&](std::string* o) {
                               absl::StrAppendFormat(
                                   o, "More than %d nested VLAN tags; the rest is not dissected",
                                   options_.max_vlan_tags);
                             });
        return;
      }
      const proto::Handoff h = proto::DissectVlan(in, d == Dissector::kIeee8021ad, tree_);
      AppendProtocol(proto::ProtocolName(d));
      last_layer_ = h.node;
      if (!h.ok) {
        result_.malformed = true;
        return;
      }
      if (h.next == 0) return;
      AppendProtocol("ethertype");
      // Bounded by max_vlan_tags.
      Ethertype(h.next, in.Skip(h.payload_offset), depth + 1);
      return;
    }
    case Dissector::kIpv4:
      Ip(/*v6=*/false, in);
      return;
    case Dissector::kIpv6:
      Ip(/*v6=*/true, in);
      return;
    default:
      return;  // ARP, LLDP, ...: not on the way to SNMP
  }
}

void FrameDissector::Ip(bool v6, const LayerInput& in) {
  const proto::IpHandoff ip = v6 ? proto::DissectIpv6(in, options_.max_ipv6_extension_headers,
                                                      tree_)
                                 : proto::DissectIpv4(in, tree_);
  AppendProtocol(v6 ? "ipv6" : "ip");
  for (int i = 0; i < ip.extension_count; ++i) {
    AppendProtocol(tree::GetField(ip.extensions[i]).abbrev);
  }
  last_layer_ = ip.node;
  if (in.source == tree::kFrameSource && ip.datagram_end > 0) {
    has_datagram_end_ = true;
    datagram_end_ = in.offset + ip.datagram_end;
  }
  if (!ip.ok) {
    result_.malformed = true;
    return;
  }
  Endpoints& e = result_.endpoints;
  e.ip_version = v6 ? 6 : 4;
  e.src = ip.src;
  e.dst = ip.dst;
  const LayerInput payload = in.Skip(ip.payload_offset).Prefix(ip.payload_length);
  if (!ip.fragment) {
    Transport(static_cast<uint8_t>(ip.next), payload, ip.claimed_payload_length, ip);
    return;
  }
  if (!options_.reassemble_ip) return;
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
  fragment.frame = input_->number;
  fragment.time_ns = input_->timestamp_ns;
  fragment.next_header = static_cast<uint8_t>(ip.next);
  reassembly::IpReassembler& reassembler = v6 ? ipv6_ : ipv4_;
  const reassembly::FragmentResult& r = reassembler.Add(key, fragment);
  AddFragmentDiagnostics(r, v6, reassembler.limits(), tree_, ip.node);
  if (r.status != reassembly::FragmentStatus::kComplete) return;

  // The reassembled payload becomes a data source: the node holding it.
  const tree::Range here = payload.At(0, payload.size());
  const tree::Range none = payload.At(0, 0);
  // The structure itself covers no octets of the frame (its parts are in
  // other frames); the data node covers this frame's part.
  const NodeId fragments =
      tree_->AddNone(ip.node, v6 ? proto::Ipv6::hf[proto::Ipv6::kFragments] : proto::Ip::hf[proto::Ip::kFragments], none);
  tree_->SetGenerated(fragments);
  for (const reassembly::FragmentSource& f : r.fragments) {
    tree_->SetGenerated(tree_->AddUint(
        fragments, v6 ? proto::Ipv6::hf[proto::Ipv6::kFragment] : proto::Ip::hf[proto::Ip::kFragment], none, f.frame));
  }
  tree_->SetGenerated(tree_->AddUint(
      fragments, v6 ? proto::Ipv6::hf[proto::Ipv6::kFragmentCount] : proto::Ip::hf[proto::Ip::kFragmentCount], none,
      r.fragments.size()));
  tree_->SetGenerated(tree_->AddUint(
      fragments, v6 ? proto::Ipv6::hf[proto::Ipv6::kReassembledLength] : proto::Ip::hf[proto::Ip::kReassembledLength], none,
      r.data.size()));
  const NodeId data = tree_->AddBytes(
      fragments, v6 ? proto::Ipv6::hf[proto::Ipv6::kReassembledData] : proto::Ip::hf[proto::Ip::kReassembledData], here,
      r.data);
  if (data == tree::kNoNode) return;  // the tree is full
  tree_->SetGenerated(data);
  const LayerInput whole{r.data, 0, data};
  proto::IpHandoff reassembled = ip;
  reassembled.fragment = false;
  Transport(r.protocol, whole, r.data.size(), reassembled);
}

void FrameDissector::Transport(uint8_t protocol, const LayerInput& in, size_t claimed_length,
                               const proto::IpHandoff& ip) {
  switch (registry_.Find(Table::kIpProto, protocol)) {
    case Dissector::kUdp:
      Udp(in, claimed_length);
      return;
    case Dissector::kTcp:
      Tcp(in, ip);
      return;
    default:
      return;
  }
}

void FrameDissector::Udp(const LayerInput& in, size_t claimed_length) {
  const proto::UdpHandoff u = proto::DissectUdp(in, claimed_length, tree_);
  AppendProtocol("udp");
  last_layer_ = u.node;
  if (!u.ok) {
    result_.malformed = true;
    return;
  }
  result_.endpoints.transport = 17;
  result_.endpoints.src_port = u.src_port;
  result_.endpoints.dst_port = u.dst_port;
  if (PortDissector(registry_, Table::kUdpPort, u.src_port, u.dst_port) != Dissector::kSnmp) {
    return;
  }
  // RFC 3417 section 3: one message per datagram.
  Snmp(in.Skip(u.payload_offset).Prefix(u.payload_length), /*tcp=*/false);
}

void FrameDissector::Tcp(const LayerInput& in, const proto::IpHandoff& ip) {
  const proto::TcpHeader h = proto::ParseTcp(in);
  proto::TcpTreeExtras extras;
  const reassembly::TcpResult* r = nullptr;
  const bool snmp =
      h.fixed_ok &&
      PortDissector(registry_, Table::kTcpPort, h.src_port, h.dst_port) == Dissector::kSnmp;
  const LayerInput payload = in.Skip(h.payload_offset).Prefix(h.payload_length);
  if (h.ok) {
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
    segment.frame = input_->number;
    r = &tcp_.Add(segment, snmp && options_.reassemble_tcp);
    extras.has_stream = true;
    extras.stream = r->stream;
    extras.relative = true;
    extras.relative_seq = r->relative_seq;
    extras.relative_ack = r->relative_ack;
    extras.next_relative_seq = r->next_relative_seq;
  }
  const NodeId tcp = proto::AddTcpTree(in, h, extras, tree_);
  AppendProtocol("tcp");
  last_layer_ = tcp;
  if (h.fixed_ok) {
    result_.endpoints.transport = 6;
    result_.endpoints.src_port = h.src_port;
    result_.endpoints.dst_port = h.dst_port;
  }
  if (!h.ok) {
    result_.malformed = true;
    return;
  }
  AddTcpDiagnostics(*r, options_.tcp, tree_, tcp);
  if (!snmp) return;
  if (!options_.reassemble_tcp) {
    if (payload.size() > 0) Snmp(payload, /*tcp=*/true);
    return;
  }
  for (const reassembly::TcpMessage& m : r->messages) {
    if (!m.reassembled) {
      Snmp(payload.Skip(m.offset).Prefix(m.bytes.size()), /*tcp=*/true);
      continue;
    }
    // Wireshark's "[N Reassembled TCP Segments (M bytes): #4(10), #5(20)]".
    const tree::Range here = payload.At(m.offset, m.segment_length);
    const tree::Range none = payload.At(0, 0);
    const NodeId segments = tree_->AddNone(tcp, proto::Tcp::hf[proto::Tcp::kSegments], none);
    tree_->SetGenerated(segments);
    for (uint64_t frame : m.frames) {
      tree_->SetGenerated(tree_->AddUint(segments, proto::Tcp::hf[proto::Tcp::kSegment], none, frame));
    }
    tree_->SetGenerated(
        tree_->AddUint(segments, proto::Tcp::hf[proto::Tcp::kSegmentCount], none, m.frame_count));
    tree_->SetGenerated(
        tree_->AddUint(segments, proto::Tcp::hf[proto::Tcp::kReassembledLength], none, m.bytes.size()));
    const NodeId data = tree_->AddBytes(segments, proto::Tcp::hf[proto::Tcp::kReassembledData], here, m.bytes);
    if (data == tree::kNoNode) continue;  // the tree is full
    tree_->SetGenerated(data);
    Snmp(LayerInput{m.bytes, 0, data}, /*tcp=*/true);
  }
  if (r->held_length > 0) {
    // "[TCP segment of a reassembled PDU]": octets waiting for the rest of
    // their message.
    tree_->AddBytes(tcp, proto::Tcp::hf[proto::Tcp::kSegmentData],
                    payload.At(r->held_offset, r->held_length),
                    payload.Slice(r->held_offset, r->held_length));
  }
}

void FrameDissector::Snmp(const LayerInput& message, bool tcp) {
  if (!snmp_appended_) {
    AppendProtocol("snmp");
    snmp_appended_ = true;
  }
  const proto::SnmpDissection d = snmp_->Dissect(
      message.bytes, proto::Placement{.offset = message.offset, .source = message.source},
      tree_, Tree::kRoot);
  messages_.push_back(SnmpMessage{.node = d.node,
                                  .malformed = d.malformed(),
                                  .tcp = tcp,
                                  .source = message.source,
                                  .offset = message.offset,
                                  .length = message.size(),
                                  // Read now: message() is overwritten by
                                  // the next message of the frame.
                                  .role = conversation::ClassifyMessage(snmp_->message()),
                                  .match = {}});
}

void FrameDissector::MatchRequests() {
  const Endpoints& e = result_.endpoints;
  conversation::Flow flow;
  flow.ip_version = static_cast<uint8_t>(e.ip_version);
  flow.transport = static_cast<uint8_t>(e.transport);
  flow.src = e.src;
  flow.dst = e.dst;
  flow.src_port = e.src_port;
  flow.dst_port = e.dst_port;
  for (size_t i = 0; i < messages_.size(); ++i) {
    SnmpMessage& m = messages_[i];
    m.match = tracker_.Track(
        flow, m.role, {.frame = input_->number, .index = static_cast<uint32_t>(i)},
        input_->timestamp_ns);
    conversation::AddMatchTree(m.match, tree_, m.node);
  }
}

}  // namespace snmpdissect::pipeline
