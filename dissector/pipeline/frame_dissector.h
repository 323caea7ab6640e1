// The capture pipeline: one captured packet in, its dissection tree out.
// Owns the dissector tables, the IP fragment and TCP stream reassembly
// state, and (unless given one) the SNMP dissector; keeps them across
// frames, so feed it every frame of a capture in order.
//
//   pipeline::FrameDissector dissector;                    // default tables
//   dissector.registry().AddDecodeAs("udp.port==1161,snmp");
//   dissector.snmp().set_usm(&users);                      // SNMPv3 users
//   tree::Tree tree;
//   for (each capture::Packet p) {
//     const pipeline::FrameResult& r = dissector.Dissect(
//         {.link_type = p.link_type, .timestamp_ns = p.timestamp_ns,
//          .original_length = p.original_length, .number = p.number,
//          .data = p.data},
//         &tree);
//     print tree; r.messages lists the SNMP messages found
//   }
//
// Request/response matching (dissector/conversation): each SNMP message is
// matched within its conversation (request-id for SNMPv1/v2c, msgID for
// SNMPv3) once the frame is dissected; responses get snmp.response_to and
// snmp.time, and retransmissions, duplicate and unmatched responses a
// diagnostic, as in one tshark pass. A two-pass run (tshark -2) also shows
// snmp.response_in on requests and flags requests never answered:
//
//   pipeline::Options options;
//   options.requests.record_answers = true;
//   pipeline::FrameDissector dissector(options);
//   for (each packet) dissector.Dissect(...);   // first pass: print nothing
//   dissector.StartSecondPass();
//   for (each packet again) { dissector.Dissect(...); print tree; }
//
// The tree: "frame" first, then one node per layer as children of the
// root (eth, vlan, ip, udp, tcp, snmp, snmp ...), Wireshark's shape. Bytes
// that are not contiguous in the frame (a reassembled IP datagram or SNMP
// message spanning TCP segments) are a data source of their own: a node
// holding them (ip.reassembled.data, ipv6.reassembled.data,
// tcp.reassembled.data) whose id is the tree::SourceId of everything
// dissected from them.
//
// Malformed or truncated input at any layer gives a partial tree and a
// diagnostic, never a crash; state stays bounded (reassembly caps), and
// the next frame is dissected normally. A plain UDP frame allocates nothing
// once the tree and the dissector have warmed up.
//
// Lifetimes: the result is valid until the next Dissect. Reassembled data
// sources live in the tree. The SNMP dissector's message() refers to the
// last message of the last frame and is valid until the next Dissect.

#ifndef SNMPDISSECT_DISSECTOR_PIPELINE_FRAME_DISSECTOR_H_
#define SNMPDISSECT_DISSECTOR_PIPELINE_FRAME_DISSECTOR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "dissector/conversation/message_role.h"
#include "dissector/conversation/request_tracker.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/ip.h"
#include "dissector/proto/net_layer.h"
#include "dissector/proto/registry.h"
#include "dissector/proto/snmp.h"
#include "dissector/reassembly/ip_reassembly.h"
#include "dissector/reassembly/tcp_reassembly.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::pipeline {

struct FrameInput {
  int link_type = 0;          // libpcap's DLT_ value
  int64_t timestamp_ns = 0;   // since the Unix epoch
  uint32_t original_length = 0;  // on the wire; 0: the captured length
  uint64_t number = 0;        // 1-based frame number
  absl::Span<const uint8_t> data;  // the captured octets
};

struct Options {
  reassembly::IpLimits ip;
  reassembly::TcpLimits tcp;
  bool reassemble_ip = true;   // off: fragments are shown but not joined
  bool reassemble_tcp = true;  // off: each segment's payload is one message
  // Nested VLAN tags followed (QinQ is 2; more is unusual).
  int max_vlan_tags = 8;
  // IPv6 extension headers walked per packet.
  int max_ipv6_extension_headers = 16;
  // Request/response matching; off: no snmp.response_* fields, no
  // retransmission or unmatched diagnostics, no tracker memory.
  bool match_requests = true;
  // The tracker's caps (request_tracker.h: 65536 exchanges, 60 s, 4M
  // answers), and record_answers for a two-pass run.
  conversation::TrackerLimits requests;
};

// One SNMP message found in the frame.
struct SnmpMessage {
  tree::NodeId node = tree::kNoNode;  // its "snmp" node
  bool malformed = false;
  bool tcp = false;
  // Where it lies: offset and length in a data source (the frame, or a
  // reassembled buffer's node).
  tree::SourceId source = tree::kFrameSource;
  size_t offset = 0;
  size_t length = 0;
  // What it is for request/response matching, and what matching found
  // (MatchKind::kNone when matching is off).
  conversation::MessageRole role;
  conversation::Match match;
};

// Addresses and ports of the frame, for summary lines and conversations.
using Endpoints = proto::Endpoints;

struct FrameResult {
  tree::NodeId frame = tree::kNoNode;
  absl::Span<const SnmpMessage> messages;
  // Some layer below SNMP was malformed or truncated.
  bool malformed = false;
  // The link type has no dissector: only the frame node was added.
  bool unknown_link_type = false;
  Endpoints endpoints;
};

struct PipelineStats {
  reassembly::IpReassemblyStats ipv4;
  reassembly::IpReassemblyStats ipv6;
  reassembly::TcpReassemblyStats tcp;
  conversation::TrackerStats requests;
};

class FrameDissector : private proto::SnmpSink {
 public:
  // Owns its SNMP dissector.
  explicit FrameDissector(Options options = {});
  // Uses `snmp` (not owned; it must outlive this), e.g. one the caller
  // configured with USM users.
  FrameDissector(Options options, proto::SnmpDissector* snmp);
  ~FrameDissector();
  FrameDissector(const FrameDissector&) = delete;
  FrameDissector& operator=(const FrameDissector&) = delete;

  proto::Registry& registry() { return registry_; }
  const proto::Registry& registry() const { return registry_; }
  proto::SnmpDissector& snmp() { return *snmp_; }

  // Clears `tree` and dissects `input` into it.
  const FrameResult& Dissect(const FrameInput& input, tree::Tree* tree);

  // Ends the first pass of a two-pass run and starts the second: forgets
  // the per-capture state (IP and TCP reassembly, the request tracker's
  // exchanges, the first and previous timestamps behind frame.time_relative
  // and frame.time_delta) but keeps the answers the tracker recorded, so
  // that the second pass, fed the same frames, shows snmp.response_in and
  // kSnmpNoResponse. Needs options.requests.record_answers (without it the
  // second pass shows what the first did). Allocates (fresh tables): call it
  // once per run.
  void StartSecondPass();

  // Statistics of the current pass.
  PipelineStats stats() const;
  const conversation::RequestTracker& requests() const { return tracker_; }

 private:
  // Classifies each SNMP message for request matching (proto::SnmpSink).
  void OnSnmpMessage(const proto::SnmpRecord& record) override;
  // Matches the frame's SNMP messages and annotates their trees.
  void MatchRequests();

  Options options_;
  proto::Registry registry_;
  std::unique_ptr<proto::SnmpDissector> owned_snmp_;
  proto::SnmpDissector* snmp_;
  reassembly::IpReassembler ipv4_;
  reassembly::IpReassembler ipv6_;
  reassembly::TcpReassembler tcp_;
  conversation::RequestTracker tracker_;
  // The layers' scratch (a decoded AgentX PDU), reused across frames.
  proto::ScratchSlots scratch_;
  // What every layer reaches through the FrameState.
  proto::Services services_;

  // Across frames: for frame.time_relative and frame.time_delta.
  bool seen_frame_ = false;
  int64_t first_timestamp_ns_ = 0;
  int64_t previous_timestamp_ns_ = 0;

  // Per frame, one value (capacity kept across frames).
  proto::FrameState state_;
  std::vector<SnmpMessage> messages_;
  FrameResult result_;
};

}  // namespace snmpdissect::pipeline

#endif  // SNMPDISSECT_DISSECTOR_PIPELINE_FRAME_DISSECTOR_H_
