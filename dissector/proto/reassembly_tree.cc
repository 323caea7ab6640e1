#include "dissector/proto/reassembly_tree.h"

#include <string>

#include "absl/strings/str_format.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/tcp_fields.h"

namespace snmpdissect::proto {

using reassembly::FragmentEventKind;
using reassembly::TcpEventKind;
using tree::NodeId;
using tree::Severity;
using tree::Tree;

// Reassembler findings as diagnostics on the IP node of the frame that
// brought the fragment.
void AddFragmentDiagnostics(const reassembly::FragmentResult& r, bool v6,
                            const reassembly::IpLimits& limits, Tree* tree, NodeId ip) {
  for (const reassembly::FragmentEvent& e : r.events) {
    const uint64_t v = e.value;
    switch (e.kind) {
      case FragmentEventKind::kOverlap:
        tree->AddDiagnostic(ip, v6 ? Ipv6::ei[Ipv6::kFragmentOverlap] : Ip::ei[Ip::kFragmentOverlap],
                            Severity::kNote, [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Fragment at offset %d overlaps data received before "
                                     "(identical)", v);
                            });
        break;
      case FragmentEventKind::kOverlapConflict:
        tree->AddDiagnostic(
            ip, v6 ? Ipv6::ei[Ipv6::kFragmentOverlapConflict] : Ip::ei[Ip::kFragmentOverlapConflict],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "Fragment at offset %d overlaps data received before "
                                    "with different octets; the first data is kept",
                                    v);
            });
        break;
      case FragmentEventKind::kMultipleTails:
        tree->AddDiagnostic(
            ip, v6 ? Ipv6::ei[Ipv6::kFragmentMultipleTails] : Ip::ei[Ip::kFragmentMultipleTails],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "Fragment ending at octet %d disagrees with the "
                                    "datagram's last fragment; dropped",
                                    v);
            });
        break;
      case FragmentEventKind::kTooLong:
        tree->AddDiagnostic(
            ip, v6 ? Ipv6::ei[Ipv6::kFragmentTooLong] : Ip::ei[Ip::kFragmentTooLong],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o,
                                    "Fragment ends at octet %d, past the %d-octet datagram "
                                    "limit; dropped",
                                    v, limits.max_datagram);
            });
        break;
      case FragmentEventKind::kTooManyFragments:
        tree->AddDiagnostic(
            ip, v6 ? Ipv6::ei[Ipv6::kFragmentError] : Ip::ei[Ip::kFragmentError],
            Severity::kError, [&](std::string* o) {
              absl::StrAppendFormat(o, "More than %d fragments; the datagram is dropped",
                                    limits.max_fragments);
            });
        break;
      case FragmentEventKind::kEvictedStale:
        tree->AddDiagnostic(
            ip, v6 ? Ipv6::ei[Ipv6::kFragmentError] : Ip::ei[Ip::kFragmentError],
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
            ip, v6 ? Ipv6::ei[Ipv6::kFragmentError] : Ip::ei[Ip::kFragmentError],
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
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kAnalysisRetransmission], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Retransmission: %d octets seen before, ignored", v);
                            });
        break;
      case TcpEventKind::kOutOfOrder:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kAnalysisOutOfOrder], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "Out-of-order segment (%d octets) for a gap the stream "
                                  "was already resynchronised after; ignored",
                                  v);
                            });
        break;
      case TcpEventKind::kLostSegment:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kAnalysisLostSegment], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "Previous segment(s) not captured: %d octets missing; "
                                  "the SNMP stream restarts at this segment",
                                  v);
                            });
        break;
      case TcpEventKind::kPartialDropped:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kSegmentError], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "%d octets of an incomplete SNMP message dropped", v);
                            });
        break;
      case TcpEventKind::kMessageTooLong:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kSegmentTooLong], Severity::kError,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "BER header claims a %d-octet message, more than the "
                                  "%d-octet reassembly limit; skipping it",
                                  v, limits.max_message);
                            });
        break;
      case TcpEventKind::kSkipping:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kSegmentTooLong], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Skipping an over-long message: %d octets to go", v);
                            });
        break;
      case TcpEventKind::kBufferLimit:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kSegmentError], Severity::kWarning,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o,
                                  "Reassembly memory limit (%d octets): a %d-octet partial "
                                  "message could not be held and is dropped",
                                  limits.max_total, v);
                            });
        break;
      case TcpEventKind::kConversationsEvicted:
        tree->AddDiagnostic(tcp, Tcp::ei[Tcp::kSegmentError], Severity::kNote,
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

NodeId AddReassembledDatagram(const reassembly::FragmentResult& r, bool v6,
                              const LayerInput& payload, Tree* tree, NodeId ip) {
  const tree::Range here = payload.At(0, payload.size());
  const tree::Range none = payload.At(0, 0);
  // The structure itself covers no octets of the frame (its parts are in
  // other frames); the data node covers this frame's part.
  const NodeId fragments =
      tree->AddNone(ip, v6 ? Ipv6::hf[Ipv6::kFragments] : Ip::hf[Ip::kFragments], none);
  tree->SetGenerated(fragments);
  for (const reassembly::FragmentSource& f : r.fragments) {
    tree->SetGenerated(tree->AddUint(
        fragments, v6 ? Ipv6::hf[Ipv6::kFragment] : Ip::hf[Ip::kFragment], none, f.frame));
  }
  tree->SetGenerated(tree->AddUint(
      fragments, v6 ? Ipv6::hf[Ipv6::kFragmentCount] : Ip::hf[Ip::kFragmentCount], none,
      r.fragments.size()));
  tree->SetGenerated(tree->AddUint(
      fragments, v6 ? Ipv6::hf[Ipv6::kReassembledLength] : Ip::hf[Ip::kReassembledLength],
      none, r.data.size()));
  const NodeId data = tree->AddBytes(
      fragments, v6 ? Ipv6::hf[Ipv6::kReassembledData] : Ip::hf[Ip::kReassembledData], here,
      r.data);
  if (data != tree::kNoNode) tree->SetGenerated(data);
  return data;
}

NodeId AddReassembledSegments(const reassembly::TcpMessage& m, const LayerInput& payload,
                              Tree* tree, NodeId tcp) {
  // Wireshark's "[N Reassembled TCP Segments (M bytes): #4(10), #5(20)]".
  const tree::Range here = payload.At(m.offset, m.segment_length);
  const tree::Range none = payload.At(0, 0);
  const NodeId segments = tree->AddNone(tcp, Tcp::hf[Tcp::kSegments], none);
  tree->SetGenerated(segments);
  for (uint64_t frame : m.frames) {
    tree->SetGenerated(tree->AddUint(segments, Tcp::hf[Tcp::kSegment], none, frame));
  }
  tree->SetGenerated(tree->AddUint(segments, Tcp::hf[Tcp::kSegmentCount], none, m.frame_count));
  tree->SetGenerated(
      tree->AddUint(segments, Tcp::hf[Tcp::kReassembledLength], none, m.bytes.size()));
  const NodeId data = tree->AddBytes(segments, Tcp::hf[Tcp::kReassembledData], here, m.bytes);
  if (data != tree::kNoNode) tree->SetGenerated(data);
  return data;
}

void AddHeldSegmentData(const reassembly::TcpResult& r, const LayerInput& payload, Tree* tree,
                        NodeId tcp) {
  if (r.held_length == 0) return;
  tree->AddBytes(tcp, Tcp::hf[Tcp::kSegmentData], payload.At(r.held_offset, r.held_length),
                 payload.Slice(r.held_offset, r.held_length));
}

}  // namespace snmpdissect::proto
