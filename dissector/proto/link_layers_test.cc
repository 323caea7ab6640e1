// The frame and link layers over hand-built frames: field values and byte
// ranges, hand-off keys, truncation.

#include <string>

#include "dissector/proto/ethernet.h"
#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/null.h"
#include "dissector/proto/null_fields.h"
#include "dissector/proto/raw.h"
#include "dissector/proto/sll.h"
#include "dissector/proto/sll_fields.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "dissector/proto/vlan.h"
#include "dissector/proto/vlan_fields.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace testing;  // NOLINT: builders and checks
using tree::FieldId;
using tree::NodeId;
using tree::Range;
using tree::Tree;

TEST(FrameTest, FieldsAndProtocols) {
  Tree tree;
  const NodeId frame = AddFrame({.number = 7,
                                 .timestamp_ns = 1795223896'481826000,
                                 .first_timestamp_ns = 1795223896'000000000,
                                 .previous_timestamp_ns = 1795223896'481000000,
                                 .captured_length = 127,
                                 .original_length = 127},
                                &tree);
  AddFrameProtocols("eth:ethertype:ip:udp:snmp", &tree, frame);
  EXPECT_EQ(tree.node(frame).range, (Range{0, 127}));
  EXPECT_EQ(tree.UintValue(tree.Find(Frame::hf[Frame::kNumber])), 7u);
  EXPECT_EQ(tree.UintValue(tree.Find(Frame::hf[Frame::kLen])), 127u);
  EXPECT_EQ(tree.UintValue(tree.Find(Frame::hf[Frame::kCapLen])), 127u);
  EXPECT_EQ(tree.IntValue(tree.Find(Frame::hf[Frame::kTimeEpoch])), 1795223896'481826000);
  EXPECT_EQ(tree.IntValue(tree.Find(Frame::hf[Frame::kTime])), 1795223896'481826000);
  EXPECT_EQ(tree.IntValue(tree.Find(Frame::hf[Frame::kTimeRelative])), 481826000);
  EXPECT_EQ(tree.IntValue(tree.Find(Frame::hf[Frame::kTimeDelta])), 826000);
  EXPECT_EQ(tree.TextValue(tree.Find(Frame::hf[Frame::kProtocols])), "eth:ethertype:ip:udp:snmp");
  EXPECT_EQ(tree.diagnostic_count(), 0u);
  // The No., Time and Length columns, set while dissecting (tree.h Columns).
  EXPECT_TRUE(tree.columns().has_number);
  EXPECT_EQ(tree.columns().number, 7u);
  EXPECT_EQ(tree.columns().relative_time_ns, 481826000);
  EXPECT_EQ(tree.columns().length, 127u);
  std::string line;
  ASSERT_TRUE(Frame::AppendSummary(tree, frame, &line));
  EXPECT_EQ(line, "Frame 7: 127 bytes on wire (1016 bits), 127 bytes captured (1016 bits)");

  Tree bad;
  AddFrame({.number = 1, .captured_length = 100, .original_length = 60}, &bad);
  EXPECT_TRUE(HasExpert(bad, Frame::ei[Frame::kLenLtCaplen]));
}

TEST(FrameTest, TimesAcrossTheWholeRangeSaturate) {
  // corpus/regressions/pipeline-frame-time-delta-overflow.
  Tree tree;
  AddFrame({.number = 2,
            .timestamp_ns = INT64_MIN,
            .first_timestamp_ns = INT64_MAX,
            .previous_timestamp_ns = INT64_MAX,
            .captured_length = 1,
            .original_length = 1},
           &tree);
  EXPECT_EQ(tree.IntValue(tree.Find(Frame::hf[Frame::kTimeDelta])), INT64_MIN);
  EXPECT_EQ(tree.IntValue(tree.Find(Frame::hf[Frame::kTimeRelative])), INT64_MIN);
}

TEST(EthernetTest, FieldsAndRanges) {
  const std::string frame = Ethernet(0x0800, "payload");
  Tree tree;
  const Handoff h = DissectEthernet(Input(frame), &tree);
  ASSERT_TRUE(h.ok);
  EXPECT_EQ(h.next, 0x0800u);
  EXPECT_EQ(h.payload_offset, 14u);
  EXPECT_EQ(h.payload_length, 7u);
  EXPECT_EQ(tree.node(h.node).range, (Range{0, 14}));
  const NodeId dst = tree.Find(Eth::hf[Eth::kDst]);
  EXPECT_EQ(tree.TextValue(dst), MacA());
  EXPECT_EQ(tree.node(dst).range, (Range{0, 6}));
  const NodeId src = tree.Find(Eth::hf[Eth::kSrc]);
  EXPECT_EQ(tree.TextValue(src), MacB());
  EXPECT_EQ(tree.node(src).range, (Range{6, 6}));
  EXPECT_EQ(FindAll(tree, Eth::hf[Eth::kAddr]).size(), 2u);
  // MacB is 02:..: locally administered, individual.
  EXPECT_TRUE(tree.BoolValue(tree.Find(Eth::hf[Eth::kSrcLg])));
  EXPECT_FALSE(tree.BoolValue(tree.Find(Eth::hf[Eth::kSrcIg])));
  EXPECT_FALSE(tree.BoolValue(tree.Find(Eth::hf[Eth::kDstLg])));
  const NodeId type = tree.Find(Eth::hf[Eth::kType]);
  EXPECT_EQ(tree.UintValue(type), 0x0800u);
  EXPECT_EQ(tree.node(type).range, (Range{12, 2}));
  ExpectWellFormedTree(tree, frame.size());
  // The address columns until a network layer overwrites them, and the
  // protocol's top line, both from the layer itself.
  EXPECT_EQ(tree.columns().source, "02:66:77:88:99:aa");
  EXPECT_EQ(tree.columns().destination, "00:11:22:33:44:55");
  EXPECT_STREQ(tree.columns().protocol, "Ethernet");
  std::string line;
  ASSERT_TRUE(Eth::AppendSummary(tree, h.node, &line));
  EXPECT_EQ(line, "Ethernet II, Src: 02:66:77:88:99:aa, Dst: 00:11:22:33:44:55");
}

TEST(EthernetTest, Ieee8023LengthAndPadding) {
  const std::string frame = Ethernet(46, std::string(46, '\xaa'));
  Tree tree;
  const Handoff h = DissectEthernet(Input(frame), &tree);
  EXPECT_TRUE(h.ok);
  EXPECT_EQ(h.next, 0u);  // LLC: not dissected
  EXPECT_EQ(tree.UintValue(tree.Find(Eth::hf[Eth::kLen])), 46u);
  EXPECT_EQ(tree.Find(Eth::hf[Eth::kType]), tree::kNoNode);

  // A 42-octet frame padded to 60, then a 4-octet trailer.
  const std::string padded = Ethernet(0x0800, std::string(28, 'x')) + std::string(18, '\0') +
                             "TRLR";
  Tree t2;
  const Handoff e = DissectEthernet(Input(padded), &t2);
  AddEthernetTrailer(Input(padded), 42, &t2, e.node);
  const NodeId padding = t2.Find(Eth::hf[Eth::kPadding]);
  ASSERT_NE(padding, tree::kNoNode);
  EXPECT_EQ(t2.node(padding).range, (Range{42, 18}));
  const NodeId trailer = t2.Find(Eth::hf[Eth::kTrailer]);
  ASSERT_NE(trailer, tree::kNoNode);
  EXPECT_EQ(t2.TextValue(trailer), "TRLR");
}

TEST(EthernetTest, TruncatedAtEveryLength) {
  const std::string frame = Ethernet(0x0800, "");
  for (size_t n = 0; n < 14; ++n) {
    Tree tree;
    const Handoff h = DissectEthernet(Input(frame.substr(0, n)), &tree);
    EXPECT_FALSE(h.ok) << n;
    EXPECT_TRUE(HasExpert(tree, Malformed::ei[Malformed::kExpert])) << n;
    EXPECT_NE(tree.Find(Malformed::hf[Malformed::kMalformed]), tree::kNoNode);
    ExpectWellFormedTree(tree, n);
  }
}

TEST(VlanTest, CTagAndSTag) {
  const std::string tag = VlanTag(100, 0x0800, 5, true);
  Tree tree;
  const Handoff h = DissectVlan(Input(tag + "ip"), /*service_tag=*/false, &tree);
  ASSERT_TRUE(h.ok);
  EXPECT_EQ(h.next, 0x0800u);
  EXPECT_EQ(h.payload_offset, 4u);
  EXPECT_EQ(tree.field(h.node).abbrev, std::string("vlan"));
  EXPECT_EQ(tree.UintValue(tree.Find(Vlan::hf[Vlan::kId])), 100u);
  EXPECT_EQ(tree.UintValue(tree.Find(Vlan::hf[Vlan::kPriority])), 5u);
  EXPECT_TRUE(tree.BoolValue(tree.Find(Vlan::hf[Vlan::kDei])));
  EXPECT_EQ(tree.UintValue(tree.Find(Vlan::hf[Vlan::kEtype])), 0x0800u);
  EXPECT_EQ(tree.node(tree.Find(Vlan::hf[Vlan::kEtype])).range, (Range{2, 2}));

  Tree s;
  const Handoff outer = DissectVlan(Input(VlanTag(200, 0x8100, 3)), /*service_tag=*/true, &s);
  ASSERT_TRUE(outer.ok);
  EXPECT_EQ(outer.next, 0x8100u);
  EXPECT_EQ(s.field(outer.node).abbrev, std::string("ieee8021ad"));
  EXPECT_EQ(s.UintValue(s.Find(Ieee8021ad::hf[Ieee8021ad::kId])), 200u);
  EXPECT_EQ(s.UintValue(s.Find(Ieee8021ad::hf[Ieee8021ad::kPriority])), 3u);
  EXPECT_EQ(s.UintValue(s.Find(Ieee8021ah::hf[Ieee8021ah::kEtype])), 0x8100u);

  Tree cut;
  EXPECT_FALSE(DissectVlan(Input(tag.substr(0, 3)), false, &cut).ok);
  EXPECT_TRUE(HasExpert(cut, Malformed::ei[Malformed::kExpert]));
}

TEST(SllTest, Version1) {
  const std::string frame = testing::Sll(0x0800, "ip", /*packet_type=*/4);
  Tree tree;
  const Handoff h = DissectSll(Input(frame), &tree);
  ASSERT_TRUE(h.ok);
  EXPECT_EQ(h.next, 0x0800u);
  EXPECT_EQ(h.payload_offset, 16u);
  EXPECT_EQ(tree.UintValue(tree.Find(Sll::hf[Sll::kPkttype])), 4u);
  EXPECT_EQ(tree.UintValue(tree.Find(Sll::hf[Sll::kHatype])), 772u);
  EXPECT_EQ(tree.UintValue(tree.Find(Sll::hf[Sll::kHalen])), 6u);
  const NodeId src = tree.Find(Sll::hf[Sll::kSrcEth]);
  ASSERT_NE(src, tree::kNoNode);
  EXPECT_EQ(tree.node(src).range, (Range{6, 6}));
  EXPECT_EQ(tree.node(tree.Find(Sll::hf[Sll::kUnused])).range, (Range{12, 2}));
  EXPECT_EQ(tree.node(tree.Find(Sll::hf[Sll::kEtype])).range, (Range{14, 2}));
  ExpectWellFormedTree(tree, frame.size());

  Tree llc;  // protocol 0x0004: 802.2 LLC, not an EtherType
  const Handoff l = DissectSll(Input(testing::Sll(0x0004, "llc")), &llc);
  EXPECT_TRUE(l.ok);
  EXPECT_EQ(l.next, 0u);
  EXPECT_NE(llc.Find(Sll::hf[Sll::kLtype]), tree::kNoNode);
}

TEST(SllTest, Version2) {
  const std::string frame = Sll2(0x86dd, "ip6", /*ifindex=*/3);
  Tree tree;
  const Handoff h = DissectSll2(Input(frame), &tree);
  ASSERT_TRUE(h.ok);
  EXPECT_EQ(h.next, 0x86ddu);
  EXPECT_EQ(h.payload_offset, 20u);
  EXPECT_EQ(tree.UintValue(tree.Find(Sll::hf[Sll::kIfindex])), 3u);
  EXPECT_EQ(tree.node(tree.Find(Sll::hf[Sll::kIfindex])).range, (Range{4, 4}));
  EXPECT_EQ(tree.UintValue(tree.Find(Sll::hf[Sll::kHatype])), 1u);
  EXPECT_EQ(tree.TextValue(tree.Find(Sll::hf[Sll::kSrcEth])), MacA());
  EXPECT_EQ(tree.node(tree.Find(Sll::hf[Sll::kSrcEth])).range, (Range{12, 6}));
  for (size_t n = 0; n < 20; ++n) {
    Tree cut;
    EXPECT_FALSE(DissectSll2(Input(frame.substr(0, n)), &cut).ok);
  }
}

TEST(NullTest, HostAndNetworkByteOrderFamilies) {
  struct Case {
    std::string header;
    bool loop;
    uint32_t family;
    uint32_t next;
  } cases[] = {
      {Le32(2), false, 2, 0x0800},        // little-endian host, AF_INET
      {Be32(2), false, 2, 0x0800},        // big-endian host
      {Le32(24), false, 24, 0x86dd},      // NetBSD/OpenBSD AF_INET6
      {Le32(28), false, 28, 0x86dd},      // FreeBSD
      {Be32(30), false, 30, 0x86dd},      // Darwin, big-endian
      {Be32(2), true, 2, 0x0800},         // DLT_LOOP: network order
      {Le32(7), false, 7, 0},             // unknown family
  };
  for (const Case& c : cases) {
    Tree tree;
    const Handoff h = DissectNull(Input(c.header + "ip"), c.loop, &tree);
    ASSERT_TRUE(h.ok);
    EXPECT_EQ(tree.UintValue(tree.Find(Null::hf[Null::kFamily])), c.family);
    EXPECT_EQ(h.next, c.next) << c.family;
    EXPECT_EQ(h.payload_offset, 4u);
  }
  Tree cut;
  EXPECT_FALSE(DissectNull(Input("\x02"), false, &cut).ok);
}

TEST(RawTest, VersionNibbleChoosesTheNetworkLayer) {
  Tree tree;
  EXPECT_EQ(DissectRaw(Input("\x45rest"), &tree).next, 0x0800u);
  EXPECT_EQ(DissectRaw(Input("\x60rest"), &tree).next, 0x86ddu);
  // Anything else goes to IPv4, whose dissector reports the bogus version.
  EXPECT_EQ(DissectRaw(Input("\x10rest"), &tree).next, 0x0800u);
  Tree empty;
  EXPECT_FALSE(DissectRaw(Input(""), &empty).ok);
}

}  // namespace
}  // namespace snmpdissect::proto
