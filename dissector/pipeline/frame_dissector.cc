#include "dissector/pipeline/frame_dissector.h"

#include <string>

#include "absl/strings/str_format.h"
#include "dissector/conversation/match_tree.h"
#include "dissector/proto/frame.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/protocols.h"

namespace snmpdissect::pipeline {

using tree::NodeId;
using tree::Severity;
using tree::Tree;

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
  registry_ = proto::Registry(proto::RegisteredProtocols());
  services_.registry = &registry_;
  services_.options = {.reassemble_ip = options.reassemble_ip,
                       .reassemble_tcp = options.reassemble_tcp,
                       .max_vlan_tags = options.max_vlan_tags,
                       .max_ipv6_extension_headers = options.max_ipv6_extension_headers};
  services_.ipv4 = &ipv4_;
  services_.ipv6 = &ipv6_;
  services_.tcp = &tcp_;
  services_.snmp = snmp_;
  services_.scratch = &scratch_;
  services_.snmp_sink = this;
  // Room for the usual frame, so steady state does not allocate.
  state_.protocols.reserve(256);
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

const FrameResult& FrameDissector::Dissect(const FrameInput& input, Tree* tree) {
  tree->Clear();
  state_.Reset(tree, input.number, input.timestamp_ns, &services_);
  messages_.clear();
  result_ = FrameResult{};

  const uint32_t captured = proto::LayerInput::Clamp(input.data.size());
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
  // The link type's dissector takes the frame; each layer hands on through
  // the tables (registry.h).
  const proto::LayerInput frame{input.data, 0, tree::kFrameSource};
  if (input.link_type < 0 ||
      !state_.HandOff(proto::Table::kLinkType, static_cast<uint32_t>(input.link_type), frame)) {
    result_.unknown_link_type = true;
    tree->AddDiagnostic(result_.frame, proto::Frame::ei[proto::Frame::kUnknownLinkType],
                        Severity::kWarning, [&](std::string* o) {
                          absl::StrAppendFormat(o, "No dissector for link type %d",
                                                input.link_type);
                        });
  }
  proto::AddFrameProtocols(state_.protocols, tree, result_.frame);
  result_.malformed = state_.malformed;
  result_.endpoints = state_.endpoints;
  if (options_.match_requests) MatchRequests();
  previous_timestamp_ns_ = input.timestamp_ns;
  result_.messages = messages_;
  return result_;
}

void FrameDissector::OnSnmpMessage(const proto::SnmpRecord& record) {
  messages_.push_back(SnmpMessage{.node = record.node,
                                  .malformed = record.malformed,
                                  .tcp = record.tcp,
                                  .source = record.source,
                                  .offset = record.offset,
                                  .length = record.length,
                                  .role = conversation::ClassifyMessage(*record.message),
                                  .match = {}});
}

void FrameDissector::MatchRequests() {
  const Endpoints& e = state_.endpoints;
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
        flow, m.role, {.frame = state_.number, .index = static_cast<uint32_t>(i)},
        state_.timestamp_ns);
    conversation::AddMatchTree(m.match, state_.tree, m.node);
  }
}

}  // namespace snmpdissect::pipeline
