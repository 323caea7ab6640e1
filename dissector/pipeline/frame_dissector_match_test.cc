// Request/response matching through the pipeline, over hand-built frames:
// the generated snmp.response_to / snmp.time / snmp.response_in nodes at the
// end of the message's snmp node, the diagnostics, conversations over UDP
// and TCP, IPv4 and IPv6, and the two-pass API (StartSecondPass).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "codec/snmp/testing/tlv.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

using namespace proto::testing;  // NOLINT: builders and checks
using conversation::MatchKind;
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Tree;

constexpr int kEthernet = 1;
constexpr int64_t kStart = 1700000000'000000000;

std::string Response(int64_t request_id) { return SnmpBigResponse(10, request_id); }

// Manager 10.0.0.1:40000 <-> agent 10.0.0.2:161 over UDP/IPv4 (or IPv6).
std::string ToAgent(const std::string& snmp, bool v6 = false) {
  if (v6) return Ethernet(0x86dd, Ipv6(Udp(40000, 161, snmp)));
  return Ethernet(0x0800, Ipv4(Udp(40000, 161, snmp)));
}
std::string ToManager(const std::string& snmp, bool v6 = false) {
  if (v6) {
    Ipv6Options o;
    std::swap(o.src, o.dst);
    return Ethernet(0x86dd, Ipv6(Udp(161, 40000, snmp), o));
  }
  Ipv4Options o;
  std::swap(o.src, o.dst);
  return Ethernet(0x0800, Ipv4(Udp(161, 40000, snmp), o));
}

class MatchTest : public ::testing::Test {
 protected:
  // Frame number n at kStart + n ms.
  const FrameResult& Run(const std::string& bytes) {
    frames_.push_back(bytes);
    return Replay(frames_.size());
  }
  // Dissects stored frame `number` again (for a second pass).
  const FrameResult& Replay(size_t number) {
    const std::string& bytes = frames_[number - 1];
    FrameInput in;
    in.link_type = kEthernet;
    in.timestamp_ns = kStart + static_cast<int64_t>(number) * 1'000'000;
    in.number = number;
    in.data = absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(bytes.data()),
                                        bytes.size());
    const FrameResult& r = dissector_->Dissect(in, &tree_);
    ExpectWellFormedTree(tree_, bytes.size());
    return r;
  }
  // The value of `field` in the frame's tree, -1 when absent.
  int64_t Value(FieldId field) const {
    const NodeId id = tree_.Find(field);
    return id == tree::kNoNode ? -1 : static_cast<int64_t>(tree_.UintValue(id));
  }
  std::string Texts() const { return Diagnostics(tree_); }

  std::unique_ptr<FrameDissector> dissector_ = std::make_unique<FrameDissector>();
  Tree tree_;
  std::vector<std::string> frames_;
};

TEST_F(MatchTest, ResponseToAndTimeAtTheEndOfTheSnmpNode) {
  const FrameResult& req = Run(ToAgent(SnmpGet(77)));
  ASSERT_EQ(req.messages.size(), 1u);
  EXPECT_EQ(req.messages[0].match.kind, MatchKind::kRequest);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseIn]), -1);  // one pass: unknown
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Texts();

  const FrameResult& resp = Run(ToManager(Response(77)));
  ASSERT_EQ(resp.messages.size(), 1u);
  EXPECT_EQ(resp.messages[0].match.kind, MatchKind::kResponse);
  const NodeId snmp = resp.messages[0].node;
  const NodeId to = tree_.Find(proto::Snmp::hf[proto::Snmp::kResponseTo], snmp);
  ASSERT_NE(to, tree::kNoNode);
  EXPECT_EQ(tree_.UintValue(to), 1u);
  EXPECT_TRUE(tree_.node(to).generated);
  EXPECT_EQ(tree_.node(to).parent, snmp);
  const NodeId time = tree_.node(snmp).last_child;
  EXPECT_EQ(tree_.node(time).field, proto::Snmp::hf[proto::Snmp::kTime]);
  EXPECT_EQ(tree_.IntValue(time), 1'000'000);
  EXPECT_EQ(tree_.node(time).next_sibling, tree::kNoNode);
  EXPECT_EQ(tree_.node(to).next_sibling, time);
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Texts();
  EXPECT_EQ(dissector_->stats().requests.matched, 1u);
}

TEST_F(MatchTest, RetransmissionDuplicateAndUnmatched) {
  Run(ToAgent(SnmpGet(5)));
  Run(ToAgent(SnmpGet(5)));
  EXPECT_TRUE(HasExpert(tree_, proto::Snmp::ei[proto::Snmp::kRetransmission]));
  EXPECT_NE(Texts().find("Retransmission of the request in frame 1"), std::string::npos)
      << Texts();
  Run(ToManager(Response(5)));
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), 2);  // the latest copy
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Texts();
  Run(ToManager(Response(5)));
  EXPECT_NE(Texts().find("Duplicate response; the first was in frame 3"), std::string::npos)
      << Texts();
  Run(ToManager(Response(6)));
  EXPECT_TRUE(HasExpert(tree_, proto::Snmp::ei[proto::Snmp::kResponseUnmatched]));
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), -1);
  // A trap is not matched at all.
  Run(ToManager(snmp::testing::Community(
      1, snmp::testing::PduTlv(0xa7, snmp::testing::Vb(snmp::testing::SysUpTime0(),
                                                       snmp::testing::Int(5, 0x43))))));
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Texts();
  const PipelineStats s = dissector_->stats();
  EXPECT_EQ(s.requests.retransmissions, 1u);
  EXPECT_EQ(s.requests.duplicate_responses, 1u);
  EXPECT_EQ(s.requests.unmatched_responses, 1u);
}

TEST_F(MatchTest, Ipv6AndIpv4AreDifferentConversations) {
  Run(ToAgent(SnmpGet(9), /*v6=*/true));
  Run(ToManager(Response(9), /*v6=*/false));
  EXPECT_TRUE(HasExpert(tree_, proto::Snmp::ei[proto::Snmp::kResponseUnmatched]));
  Run(ToManager(Response(9), /*v6=*/true));
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), 1);
}

TEST_F(MatchTest, TcpSeveralMessagesPerSegment) {
  auto segment = [&](bool to_agent, uint32_t seq, const std::string& payload,
                     uint16_t flags = 0x018) {
    TcpOptions o;
    o.seq = seq;
    o.flags = flags;
    Ipv4Options ip;
    ip.protocol = 6;
    if (!to_agent) {
      std::swap(o.src, o.dst);
      std::swap(ip.src, ip.dst);
    }
    return Run(Ethernet(0x0800, Ipv4(Tcp(o, payload), ip)));
  };
  segment(true, 999, "", 0x002);
  segment(false, 4999, "", 0x012);
  const std::string a = SnmpGet(1), b = SnmpGet(2);
  const FrameResult& two = segment(true, 1000, a + b);
  ASSERT_EQ(two.messages.size(), 2u);
  EXPECT_EQ(two.messages[1].match.kind, MatchKind::kRequest);
  const std::string ra = Response(1), rb = Response(2);
  const FrameResult& answers = segment(false, 5000, rb + ra);
  ASSERT_EQ(answers.messages.size(), 2u);
  EXPECT_EQ(answers.messages[0].match.kind, MatchKind::kResponse);
  EXPECT_EQ(answers.messages[1].match.kind, MatchKind::kResponse);
  const auto to = FindAll(tree_, proto::Snmp::hf[proto::Snmp::kResponseTo]);
  ASSERT_EQ(to.size(), 2u);
  EXPECT_EQ(tree_.UintValue(to[0]), 3u);
  EXPECT_EQ(tree_.UintValue(to[1]), 3u);
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Texts();
}

TEST_F(MatchTest, TwoPassesShowResponseInAndNoResponse) {
  Options options;
  options.requests.record_answers = true;
  dissector_ = std::make_unique<FrameDissector>(options);
  Run(ToAgent(SnmpGet(1)));
  Run(ToAgent(SnmpGet(2)));
  Run(ToManager(Response(1)));
  Run(ToAgent(SnmpGet(3)));
  Run(ToAgent(SnmpGet(3)));  // retransmission
  Run(ToManager(Response(3)));
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), 5);

  dissector_->StartSecondPass();
  Replay(1);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseIn]), 3);
  EXPECT_TRUE(tree_.node(tree_.Find(proto::Snmp::hf[proto::Snmp::kResponseIn])).generated);
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Texts();
  // frame.time_relative starts again from the first frame.
  EXPECT_EQ(tree_.IntValue(tree_.Find(proto::Frame::hf[proto::Frame::kTimeRelative])), 0);
  Replay(2);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseIn]), -1);
  EXPECT_TRUE(HasExpert(tree_, proto::Snmp::ei[proto::Snmp::kNoResponse])) << Texts();
  Replay(3);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), 1);
  EXPECT_EQ(tree_.IntValue(tree_.Find(proto::Frame::hf[proto::Frame::kTimeRelative])), 2'000'000);
  Replay(4);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseIn]), 6);
  Replay(5);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseIn]), 6);
  EXPECT_TRUE(HasExpert(tree_, proto::Snmp::ei[proto::Snmp::kRetransmission]));
  EXPECT_FALSE(HasExpert(tree_, proto::Snmp::ei[proto::Snmp::kNoResponse]));
  Replay(6);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), 5);
  EXPECT_EQ(dissector_->stats().requests.matched, 2u);
}

TEST_F(MatchTest, MatchingOff) {
  Options options;
  options.match_requests = false;
  dissector_ = std::make_unique<FrameDissector>(options);
  Run(ToAgent(SnmpGet(1)));
  const FrameResult& r = Run(ToManager(Response(1)));
  EXPECT_EQ(r.messages[0].match.kind, MatchKind::kNone);
  EXPECT_EQ(r.messages[0].role.kind, conversation::RoleKind::kResponse);
  EXPECT_EQ(Value(proto::Snmp::hf[proto::Snmp::kResponseTo]), -1);
  Run(ToManager(Response(1)));
  EXPECT_EQ(tree_.diagnostic_count(), 0u);
}

}  // namespace
}  // namespace snmpdissect::pipeline
