// The pipeline over hand-built frames: every link type to SNMP, dispatch
// through the tables, IP fragment and TCP stream reassembly into data
// sources of their own, and malformed input at each layer.

#include "dissector/pipeline/frame_dissector.h"
#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/tcp_fields.h"
#include "dissector/proto/udp_fields.h"
#include "dissector/proto/vlan_fields.h"

#include <string>
#include <vector>

#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

using namespace proto::testing;  // NOLINT: builders and checks
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Range;
using tree::Tree;

constexpr int kEthernet = 1;

class PipelineTest : public ::testing::Test {
 protected:
  const FrameResult& Run(int link_type, const std::string& bytes) {
    frames_.push_back(bytes);  // keep it alive: the tree's sources borrow nothing, but
                               // the SNMP dissector's message does
    FrameInput in;
    in.link_type = link_type;
    in.timestamp_ns = 1700000000'000000000 + static_cast<int64_t>(frames_.size()) * 1000;
    in.number = frames_.size();
    in.data = absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(frames_.back().data()),
                                        frames_.back().size());
    const FrameResult& r = dissector_.Dissect(in, &tree_);
    ExpectWellFormedTree(tree_, bytes.size());
    return r;
  }
  std::string Protocols() const {
    return std::string(tree_.TextValue(tree_.Find(proto::Frame::hf[proto::Frame::kProtocols])));
  }

  // These tests are about the layers: the same request sent again and
  // again would be a retransmission, which frame_dissector_match_test.cc
  // covers.
  static Options LayersOnly() {
    Options o;
    o.match_requests = false;
    return o;
  }

  FrameDissector dissector_{LayersOnly()};
  Tree tree_;
  std::vector<std::string> frames_;
};

TEST_F(PipelineTest, EthernetIpv4UdpSnmp) {
  const std::string snmp = SnmpGet();
  const FrameResult& r = Run(kEthernet, Ethernet(0x0800, Ipv4(Udp(53602, 161, snmp))));
  EXPECT_EQ(Layers(tree_), "frame:eth:ip:udp:snmp");
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:udp:snmp");
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_FALSE(r.messages[0].malformed);
  EXPECT_FALSE(r.messages[0].tcp);
  EXPECT_EQ(r.messages[0].offset, 42u);
  EXPECT_EQ(r.messages[0].length, snmp.size());
  EXPECT_EQ(tree_.node(r.messages[0].node).range, (Range{42, static_cast<uint32_t>(snmp.size())}));
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Frame::hf[proto::Frame::kNumber])), 1u);
  EXPECT_FALSE(r.malformed);
  EXPECT_EQ(r.endpoints.ip_version, 4);
  EXPECT_EQ(r.endpoints.transport, 17);
  EXPECT_EQ(r.endpoints.src_port, 53602);
  EXPECT_EQ(r.endpoints.dst_port, 161);
  EXPECT_EQ(r.endpoints.src[0], 10);
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Diagnostics(tree_);
  EXPECT_EQ(tree_.Find(proto::Eth::hf[proto::Eth::kPadding]), tree::kNoNode);
}

TEST_F(PipelineTest, TrapPortAndPadding) {
  // A short datagram: Ethernet pads the frame to 60 octets.
  const std::string frame =
      Ethernet(0x0800, Ipv4(Udp(40000, 162, std::string("\x30\x00", 2)))) + std::string(16, '\0');
  ASSERT_EQ(frame.size(), 60u);
  const FrameResult& r = Run(kEthernet, frame);
  EXPECT_EQ(r.messages.size(), 1u);
  const NodeId padding = tree_.Find(proto::Eth::hf[proto::Eth::kPadding]);
  ASSERT_NE(padding, tree::kNoNode);
  EXPECT_EQ(tree_.node(padding).range, (Range{44, 16}));
}

TEST_F(PipelineTest, OtherPortsNeedDecodeAs) {
  const std::string frame = Ethernet(0x0800, Ipv4(Udp(40000, 1161, SnmpGet())));
  EXPECT_TRUE(Run(kEthernet, frame).messages.empty());
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:udp");
  ASSERT_TRUE(dissector_.registry().AddDecodeAs("udp.port==1161,snmp").ok());
  EXPECT_EQ(Run(kEthernet, frame).messages.size(), 1u);
}

TEST_F(PipelineTest, VlanAndQinQ) {
  const std::string ip = Ipv4(Udp(40000, 161, SnmpGet()));
  const FrameResult& one = Run(kEthernet, Ethernet(0x8100, VlanTag(100, 0x0800, 5) + ip));
  EXPECT_EQ(one.messages.size(), 1u);
  EXPECT_EQ(Protocols(), "eth:ethertype:vlan:ethertype:ip:udp:snmp");
  EXPECT_EQ(one.messages[0].offset, 46u);
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Vlan::hf[proto::Vlan::kId])), 100u);

  const FrameResult& two = Run(
      kEthernet, Ethernet(0x88a8, VlanTag(200, 0x8100) + VlanTag(100, 0x0800) + ip));
  EXPECT_EQ(two.messages.size(), 1u);
  EXPECT_EQ(Protocols(), "eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:ip:udp:snmp");
  EXPECT_EQ(Layers(tree_), "frame:eth:ieee8021ad:vlan:ip:udp:snmp");

  const FrameResult& old = Run(kEthernet, Ethernet(0x9100, VlanTag(7, 0x0800) + ip));
  EXPECT_EQ(old.messages.size(), 1u);

  // Tags nested past the cap stop with a diagnostic.
  std::string tags;
  for (int i = 0; i < 20; ++i) tags += VlanTag(1, 0x8100);
  const FrameResult& deep = Run(kEthernet, Ethernet(0x8100, tags + VlanTag(1, 0x0800) + ip));
  EXPECT_TRUE(deep.messages.empty());
  EXPECT_TRUE(HasExpert(tree_, proto::Vlan::ei[proto::Vlan::kTooManyTags]));
  EXPECT_EQ(FindAll(tree_, proto::Vlan::hf[proto::Vlan::kVlan]).size(), 8u);
}

TEST_F(PipelineTest, EveryLinkTypeReachesSnmp) {
  const std::string v4 = Ipv4(Udp(40000, 161, SnmpGet()));
  const std::string v6 = Ipv6(Udp(40000, 161, SnmpGet()));
  struct Case {
    int link_type;
    std::string frame;
    const char* protocols;
  } cases[] = {
      {113, Sll(0x0800, v4), "sll:ethertype:ip:udp:snmp"},
      {276, Sll2(0x86dd, v6), "sll:ethertype:ipv6:udp:snmp"},
      {0, Le32(2) + v4, "null:ip:udp:snmp"},
      {0, Le32(30) + v6, "null:ipv6:udp:snmp"},
      {0, Be32(24) + v6, "null:ipv6:udp:snmp"},
      {108, Be32(2) + v4, "null:ip:udp:snmp"},
      {12, v4, "raw:ip:udp:snmp"},
      {14, v6, "raw:ipv6:udp:snmp"},
      {101, v6, "raw:ipv6:udp:snmp"},
      {228, v4, "ip:udp:snmp"},
      {229, v6, "ipv6:udp:snmp"},
      {kEthernet, Ethernet(0x86dd, v6), "eth:ethertype:ipv6:udp:snmp"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.protocols);
    const FrameResult& r = Run(c.link_type, c.frame);
    ASSERT_EQ(r.messages.size(), 1u) << Diagnostics(tree_);
    EXPECT_FALSE(r.messages[0].malformed);
    EXPECT_EQ(Protocols(), c.protocols);
    EXPECT_EQ(r.messages[0].offset + r.messages[0].length, c.frame.size());
    EXPECT_EQ(tree_.diagnostic_count(), 0u) << Diagnostics(tree_);
  }
}

TEST_F(PipelineTest, UnknownLinkTypeShowsTheFrameOnly) {
  const FrameResult& r = Run(105, "\x08\x02 wifi frame");
  EXPECT_TRUE(r.unknown_link_type);
  EXPECT_EQ(Layers(tree_), "frame");
  EXPECT_TRUE(HasExpert(tree_, proto::Frame::ei[proto::Frame::kUnknownLinkType]));
  EXPECT_EQ(Run(-1, "x").unknown_link_type, true);
  // The next frame is dissected normally.
  EXPECT_EQ(Run(kEthernet, Ethernet(0x0800, Ipv4(Udp(1, 161, SnmpGet())))).messages.size(), 1u);
}

TEST_F(PipelineTest, MalformedSnmpThenAGoodFrame) {
  const FrameResult& bad =
      Run(kEthernet, Ethernet(0x0800, Ipv4(Udp(1, 161, std::string("\x30\x05\x02\x01", 4)))));
  ASSERT_EQ(bad.messages.size(), 1u);
  EXPECT_TRUE(bad.messages[0].malformed);
  EXPECT_FALSE(bad.malformed);  // the layers below were fine
  const FrameResult& good = Run(kEthernet, Ethernet(0x0800, Ipv4(Udp(1, 161, SnmpGet()))));
  ASSERT_EQ(good.messages.size(), 1u);
  EXPECT_FALSE(good.messages[0].malformed);
}

TEST_F(PipelineTest, TruncatedLayersGivePartialTrees) {
  const std::string frame = Ethernet(0x0800, Ipv4(Udp(1, 161, SnmpGet())));
  for (size_t n = 0; n < frame.size(); ++n) {
    SCOPED_TRACE(n);
    const FrameResult& r = Run(kEthernet, frame.substr(0, n));
    EXPECT_NE(tree_.Find(proto::Frame::hf[proto::Frame::kFrame]), tree::kNoNode);
    if (n < 42) {
      EXPECT_TRUE(r.messages.empty());
      EXPECT_TRUE(r.malformed || HasExpert(tree_, proto::Malformed::ei[proto::Malformed::kExpert])) << n;
    } else {
      ASSERT_EQ(r.messages.size(), 1u);  // a cut message is still shown
      EXPECT_EQ(r.messages[0].malformed, n < frame.size());
    }
  }
}

// Three fragments out of order: the last one completes the datagram, which
// becomes a data source; UDP and SNMP are dissected from it.
TEST_F(PipelineTest, Ipv4FragmentsAreReassembled) {
  const std::string snmp = SnmpBigResponse(3000);
  const std::string udp = Udp(161, 40000, snmp);
  auto fragment = [&](size_t offset, size_t length, bool more) {
    Ipv4Options o;
    o.id = 0x4242;
    o.dont_fragment = false;
    o.more_fragments = more;
    o.fragment_offset = static_cast<uint32_t>(offset);
    return Ethernet(0x0800, Ipv4(udp.substr(offset, length), o));
  };
  const FrameResult& a = Run(kEthernet, fragment(1480, 1480, true));
  EXPECT_TRUE(a.messages.empty());
  EXPECT_EQ(Protocols(), "eth:ethertype:ip");
  const FrameResult& b = Run(kEthernet, fragment(2960, udp.size() - 2960, false));
  EXPECT_TRUE(b.messages.empty());
  const FrameResult& c = Run(kEthernet, fragment(0, 1480, true));
  ASSERT_EQ(c.messages.size(), 1u) << Diagnostics(tree_);
  EXPECT_FALSE(c.messages[0].malformed);
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:udp:snmp");
  const NodeId data = tree_.Find(proto::Ip::hf[proto::Ip::kReassembledData]);
  ASSERT_NE(data, tree::kNoNode);
  EXPECT_EQ(tree_.TextValue(data), udp);
  EXPECT_EQ(tree_.node(data).range, (Range{34, 1480}));  // this frame's part
  EXPECT_EQ(c.messages[0].source, data);
  EXPECT_EQ(c.messages[0].offset, 8u);
  const NodeId udp_node = tree_.Find(proto::Udp::hf[proto::Udp::kUdp]);
  EXPECT_EQ(tree_.node(udp_node).range, (Range{0, 8, data}));
  const auto frames = FindAll(tree_, proto::Ip::hf[proto::Ip::kFragment]);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(tree_.UintValue(frames[0]), 3u);  // offset order: frame 3 holds offset 0
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Ip::hf[proto::Ip::kFragmentCount])), 3u);
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Ip::hf[proto::Ip::kReassembledLength])), udp.size());
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Diagnostics(tree_);
  EXPECT_EQ(dissector_.stats().ipv4.completed, 1u);
  EXPECT_EQ(dissector_.stats().ipv4.pending, 0u);
}

TEST_F(PipelineTest, Ipv6FragmentsAreReassembled) {
  const std::string snmp = SnmpBigResponse(2000);
  const std::string udp = Udp(161, 40000, snmp);
  auto fragment = [&](size_t offset, size_t length, bool more) {
    Ipv6Options o;
    o.next = 44;
    return Ethernet(0x86dd, Ipv6(Ipv6FragmentHeader(17, static_cast<uint32_t>(offset), more,
                                                    0xabcdef) +
                                     udp.substr(offset, length),
                                 o));
  };
  EXPECT_TRUE(Run(kEthernet, fragment(0, 1232, true)).messages.empty());
  EXPECT_EQ(Protocols(), "eth:ethertype:ipv6:ipv6.fraghdr");
  const FrameResult& r = Run(kEthernet, fragment(1232, udp.size() - 1232, false));
  ASSERT_EQ(r.messages.size(), 1u) << Diagnostics(tree_);
  EXPECT_FALSE(r.messages[0].malformed);
  EXPECT_EQ(Protocols(), "eth:ethertype:ipv6:ipv6.fraghdr:udp:snmp");
  const NodeId data = tree_.Find(proto::Ipv6::hf[proto::Ipv6::kReassembledData]);
  ASSERT_NE(data, tree::kNoNode);
  EXPECT_EQ(tree_.TextValue(data), udp);
  EXPECT_EQ(r.messages[0].source, data);
  EXPECT_EQ(r.endpoints.ip_version, 6);
}

TEST_F(PipelineTest, ConflictingFragmentsAreReported) {
  const std::string udp = Udp(161, 40000, SnmpBigResponse(100));
  Ipv4Options o;
  o.dont_fragment = false;
  o.more_fragments = true;
  Run(kEthernet, Ethernet(0x0800, Ipv4(udp.substr(0, 64), o)));
  std::string evil = udp.substr(32, 64);
  evil[0] ^= 0x55;
  o.fragment_offset = 32;
  Run(kEthernet, Ethernet(0x0800, Ipv4(evil, o)));
  EXPECT_TRUE(HasExpert(tree_, proto::Ip::ei[proto::Ip::kFragmentOverlapConflict])) << Diagnostics(tree_);
  o.fragment_offset = 96;
  o.more_fragments = false;
  const FrameResult& r = Run(kEthernet, Ethernet(0x0800, Ipv4(udp.substr(96), o)));
  EXPECT_EQ(r.messages.size(), 1u);  // first data kept: the message is intact
  EXPECT_FALSE(r.messages[0].malformed);
}

TEST_F(PipelineTest, FragmentsPastTheLimitAreDropped) {
  Ipv4Options o;
  o.dont_fragment = false;
  o.more_fragments = false;
  o.fragment_offset = 65528;
  Run(kEthernet, Ethernet(0x0800, Ipv4(std::string(100, 'x'), o)));
  EXPECT_TRUE(HasExpert(tree_, proto::Ip::ei[proto::Ip::kFragmentTooLong]));
}

class TcpPipelineTest : public PipelineTest {
 protected:
  // Client 10.0.0.1:40000 -> agent 10.0.0.2:161.
  const FrameResult& Segment(const std::string& payload, uint16_t flags = 0x018) {
    TcpOptions o;
    o.seq = seq_;
    o.ack = 5001;
    o.flags = flags;
    Ipv4Options ip;
    ip.protocol = 6;
    seq_ += static_cast<uint32_t>(payload.size()) + ((flags & 0x002) != 0 ? 1 : 0);
    return Run(kEthernet, Ethernet(0x0800, Ipv4(Tcp(o, payload), ip)));
  }
  uint32_t seq_ = 1000;
};

TEST_F(TcpPipelineTest, MessagesBackToBackAndAcrossSegments) {
  const FrameResult& syn = Segment("", 0x002);
  EXPECT_TRUE(syn.messages.empty());
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:tcp");
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Tcp::hf[proto::Tcp::kStream])), 0u);
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Tcp::hf[proto::Tcp::kSeq])), 0u);

  // Two messages in one segment.
  const std::string a = SnmpGet(1), b = SnmpGet(2);
  const FrameResult& two = Segment(a + b);
  ASSERT_EQ(two.messages.size(), 2u);
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:tcp:snmp");
  EXPECT_EQ(two.messages[0].offset, 54u);
  EXPECT_EQ(two.messages[1].offset, 54u + a.size());
  EXPECT_TRUE(two.messages[0].tcp);
  EXPECT_EQ(Layers(tree_), "frame:eth:ip:tcp:snmp:snmp");
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Tcp::hf[proto::Tcp::kSeq])), 1u);
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Tcp::hf[proto::Tcp::kLen])), a.size() + b.size());

  // One message over three segments.
  const std::string big = SnmpBigResponse(500, 3);
  const FrameResult& p1 = Segment(big.substr(0, 100));
  EXPECT_TRUE(p1.messages.empty());
  const NodeId held = tree_.Find(proto::Tcp::hf[proto::Tcp::kSegmentData]);
  ASSERT_NE(held, tree::kNoNode);
  EXPECT_EQ(tree_.node(held).range, (Range{54, 100}));
  EXPECT_TRUE(Segment(big.substr(100, 300)).messages.empty());
  const FrameResult& p3 = Segment(big.substr(400) + a);
  ASSERT_EQ(p3.messages.size(), 2u) << Diagnostics(tree_);
  const NodeId data = tree_.Find(proto::Tcp::hf[proto::Tcp::kReassembledData]);
  ASSERT_NE(data, tree::kNoNode);
  EXPECT_EQ(tree_.TextValue(data), big);
  EXPECT_EQ(tree_.node(data).range, (Range{54, static_cast<uint32_t>(big.size() - 400)}));
  EXPECT_EQ(p3.messages[0].source, data);
  EXPECT_EQ(p3.messages[0].offset, 0u);
  EXPECT_FALSE(p3.messages[0].malformed);
  EXPECT_EQ(p3.messages[1].source, tree::kFrameSource);
  EXPECT_EQ(p3.messages[1].offset, 54 + big.size() - 400);
  const auto frames = FindAll(tree_, proto::Tcp::hf[proto::Tcp::kSegment]);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(tree_.UintValue(frames[0]), 3u);
  EXPECT_EQ(tree_.UintValue(tree_.Find(proto::Tcp::hf[proto::Tcp::kSegmentCount])), 3u);
  EXPECT_EQ(tree_.diagnostic_count(), 0u) << Diagnostics(tree_);
}

TEST_F(TcpPipelineTest, TwoGigabyteClaimIsDiagnosedAndSkipped) {
  Segment("", 0x002);
  const FrameResult& r = Segment(std::string("\x30\x84\x80\x00\x00\x00", 6) + std::string(500, 'z'));
  EXPECT_TRUE(r.messages.empty());
  EXPECT_TRUE(HasExpert(tree_, proto::Tcp::ei[proto::Tcp::kSegmentTooLong])) << Diagnostics(tree_);
  for (int i = 0; i < 20; ++i) {
    EXPECT_TRUE(Segment(std::string(1400, 'z')).messages.empty());
  }
  EXPECT_EQ(dissector_.stats().tcp.buffered, 0u);
  EXPECT_LE(dissector_.stats().tcp.peak_buffered, 64u);
}

TEST_F(TcpPipelineTest, LostSegmentAndRetransmissionAreDiagnosed) {
  Segment("", 0x002);
  const std::string a = SnmpGet(1);
  Segment(a);
  seq_ -= static_cast<uint32_t>(a.size());
  EXPECT_TRUE(Segment(a).messages.empty());  // retransmitted
  EXPECT_TRUE(HasExpert(tree_, proto::Tcp::ei[proto::Tcp::kAnalysisRetransmission]));
  seq_ += 500;  // a segment never captured
  EXPECT_EQ(Segment(a).messages.size(), 1u);
  EXPECT_TRUE(HasExpert(tree_, proto::Tcp::ei[proto::Tcp::kAnalysisLostSegment]));
}

TEST_F(TcpPipelineTest, NonSnmpPortsAreNotSplit) {
  TcpOptions o;
  o.dst = 80;
  Ipv4Options ip;
  ip.protocol = 6;
  const FrameResult& r =
      Run(kEthernet, Ethernet(0x0800, Ipv4(Tcp(o, "GET / HTTP/1.0\r\n\r\n"), ip)));
  EXPECT_TRUE(r.messages.empty());
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:tcp");
  EXPECT_NE(tree_.Find(proto::Tcp::hf[proto::Tcp::kStream]), tree::kNoNode);
}

// Without a summary-line printer the layers build no column text (as
// tshark's dissectors get no cinfo then); everything else, the tree above
// all, is the same.
TEST(PipelineColumnsTest, ColumnTextOnlyWhenWantedAndTheTreeIsTheSame) {
  TcpOptions tcp;
  Ipv4Options over_tcp;
  over_tcp.protocol = 6;
  const std::vector<std::string> frames = {
      Ethernet(0x0800, Ipv4(Udp(53602, 161, SnmpGet()))),
      Ethernet(0x86dd, Ipv6(Udp(53602, 161, SnmpGet(7)))),
      Ethernet(0x0800, Ipv4(Tcp(tcp, SnmpGet(9)), over_tcp)),
      Ethernet(0x0800, Ipv4(Udp(40000, 1161, "not snmp"))),
  };
  FrameDissector wanted_dissector{Options{}}, unwanted_dissector{Options{}};
  Tree wanted, unwanted;
  unwanted.set_columns_wanted(false);
  for (size_t i = 0; i < frames.size(); ++i) {
    SCOPED_TRACE(i);
    FrameInput in;
    in.link_type = kEthernet;
    in.number = i + 1;
    in.data = absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(frames[i].data()),
                                        frames[i].size());
    wanted_dissector.Dissect(in, &wanted);
    unwanted_dissector.Dissect(in, &unwanted);
    EXPECT_FALSE(wanted.columns().source.empty());
    EXPECT_FALSE(wanted.columns().destination.empty());
    EXPECT_FALSE(wanted.info().empty());
    EXPECT_TRUE(unwanted.columns().source.empty());
    EXPECT_TRUE(unwanted.columns().destination.empty());
    EXPECT_TRUE(unwanted.info().empty()) << unwanted.info();
    // The numbers and the protocol cost nothing to keep: JSON reads them.
    EXPECT_STREQ(unwanted.columns().protocol, wanted.columns().protocol);
    EXPECT_EQ(unwanted.columns().number, i + 1);
    EXPECT_EQ(unwanted.columns().length, wanted.columns().length);
    ASSERT_EQ(unwanted.size(), wanted.size());
    for (NodeId id = 0; id < wanted.size(); ++id) {
      const tree::Node& a = wanted.node(id);
      const tree::Node& b = unwanted.node(id);
      EXPECT_EQ(a.field, b.field) << id;
      EXPECT_EQ(a.range, b.range) << id;
      EXPECT_EQ(a.scalar, b.scalar) << id;
      EXPECT_EQ(wanted.TextValue(id), unwanted.TextValue(id)) << id;
    }
    EXPECT_EQ(Diagnostics(wanted), Diagnostics(unwanted));
  }
  EXPECT_STREQ(wanted.columns().protocol, "UDP");
}

}  // namespace
}  // namespace snmpdissect::pipeline
