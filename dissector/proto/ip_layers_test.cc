// IPv4 and IPv6 over hand-built packets: header fields and ranges,
// options, extension headers, fragments, bogus and truncated headers.

#include <string>

#include "dissector/proto/ipv4.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace testing;  // NOLINT: builders and checks
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Range;
using tree::Tree;

TEST(Ipv4Test, HeaderFieldsAndRanges) {
  Ipv4Options o;
  o.id = 0xee90;
  o.tos = 0xb9;  // DSCP 46 (EF), ECN 1
  const std::string packet = testing::Ipv4(testing::Udp(53602, 161, "snmp"), o);
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(packet, 14), &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.version, 4);
  EXPECT_EQ(ip.next, 17u);
  EXPECT_EQ(ip.payload_offset, 20u);
  EXPECT_EQ(ip.payload_length, 12u);
  EXPECT_EQ(ip.claimed_payload_length, 12u);
  EXPECT_FALSE(ip.fragment);
  EXPECT_EQ(ip.src[0], 10);
  EXPECT_EQ(ip.dst[3], 2);
  EXPECT_EQ(tree.node(ip.node).range, (Range{14, 20}));
  auto value = [&](FieldId f) { return tree.UintValue(tree.Find(f)); };
  auto range = [&](FieldId f) { return tree.node(tree.Find(f)).range; };
  EXPECT_EQ(value(Ip::hf[Ip::kVersion]), 4u);
  EXPECT_EQ(value(Ip::hf[Ip::kHdrLen]), 20u);
  EXPECT_EQ(value(Ip::hf[Ip::kDsfield]), 0xb9u);
  EXPECT_EQ(value(Ip::hf[Ip::kDsfieldDscp]), 46u);
  EXPECT_EQ(value(Ip::hf[Ip::kDsfieldEcn]), 1u);
  EXPECT_EQ(value(Ip::hf[Ip::kLen]), 32u);
  EXPECT_EQ(range(Ip::hf[Ip::kLen]), (Range{16, 2}));
  EXPECT_EQ(value(Ip::hf[Ip::kId]), 0xee90u);
  EXPECT_EQ(value(Ip::hf[Ip::kFlags]), 2u);  // DF
  EXPECT_TRUE(tree.BoolValue(tree.Find(Ip::hf[Ip::kFlagsDf])));
  EXPECT_FALSE(tree.BoolValue(tree.Find(Ip::hf[Ip::kFlagsMf])));
  EXPECT_EQ(value(Ip::hf[Ip::kFragOffset]), 0u);
  EXPECT_EQ(value(Ip::hf[Ip::kTtl]), 64u);
  EXPECT_EQ(value(Ip::hf[Ip::kProto]), 17u);
  EXPECT_EQ(range(Ip::hf[Ip::kChecksum]), (Range{24, 2}));
  EXPECT_EQ(tree.Ipv4Value(tree.Find(Ip::hf[Ip::kSrc])), 0x0a000001u);
  EXPECT_EQ(range(Ip::hf[Ip::kSrc]), (Range{26, 4}));
  EXPECT_EQ(tree.Ipv4Value(tree.Find(Ip::hf[Ip::kDst])), 0x0a000002u);
  EXPECT_EQ(range(Ip::hf[Ip::kDst]), (Range{30, 4}));
  EXPECT_EQ(FindAll(tree, Ip::hf[Ip::kAddr]).size(), 2u);
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, 14 + packet.size());
}

TEST(Ipv4Test, OptionsAreTakenApart) {
  Ipv4Options o;
  // Router alert (4), NOP, record route with 2 slots (11), EOL: 4+1+11+1 =
  // 17, padded to 20.
  o.options = std::string("\x94\x04\x00\x00", 4) + "\x01" +
              std::string("\x07\x0b\x04", 3) + Be32(0xc0000201) + Be32(0) + std::string(1, '\0') +
              std::string(3, '\0');
  const std::string packet = testing::Ipv4("data", o);
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(packet), &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.payload_offset, 40u);
  EXPECT_EQ(tree.UintValue(tree.Find(Ip::hf[Ip::kHdrLen])), 40u);
  const NodeId ra = tree.Find(Ip::hf[Ip::kOptionsRouterAlert]);
  ASSERT_NE(ra, tree::kNoNode);
  EXPECT_EQ(tree.node(ra).range, (Range{20, 4}));
  EXPECT_EQ(tree.UintValue(tree.Find(Ip::hf[Ip::kOptRa])), 0u);
  EXPECT_NE(tree.Find(Ip::hf[Ip::kOptionsNop]), tree::kNoNode);
  const NodeId rr = tree.Find(Ip::hf[Ip::kOptionsRecordRoute]);
  ASSERT_NE(rr, tree::kNoNode);
  EXPECT_EQ(tree.node(rr).range, (Range{25, 11}));
  EXPECT_EQ(tree.UintValue(tree.Find(Ip::hf[Ip::kOptPtr], rr)), 4u);
  // Pointer 4: nothing recorded yet, both slots empty.
  EXPECT_TRUE(FindAll(tree, Ip::hf[Ip::kRecRt]).empty());
  const auto routes = FindAll(tree, Ip::hf[Ip::kEmptyRt]);
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(tree.Ipv4Value(routes[0]), 0xc0000201u);
  EXPECT_NE(tree.Find(Ip::hf[Ip::kOptionsEol]), tree::kNoNode);
  const NodeId type = tree.Find(Ip::hf[Ip::kOptType], ra);
  EXPECT_EQ(tree.UintValue(type), 148u);
  EXPECT_TRUE(tree.BoolValue(tree.Find(Ip::hf[Ip::kOptTypeCopy], ra)));
  EXPECT_EQ(tree.UintValue(tree.Find(Ip::hf[Ip::kOptTypeNumber], ra)), 20u);
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, packet.size());
}

TEST(Ipv4Test, BadOptionLengthIsReported) {
  Ipv4Options o;
  o.options = std::string("\x07\x0f\x04\x00", 4);  // claims 15 octets, 4 exist
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(testing::Ipv4("x", o)), &tree);
  EXPECT_TRUE(ip.ok);
  EXPECT_TRUE(HasExpert(tree, Ip::ei[Ip::kOptLenInvalid]));
  Tree zero;
  o.options = std::string("\x44\x00\x00\x00", 4);  // timestamp of length 0
  DissectIpv4(Input(testing::Ipv4("x", o)), &zero);
  EXPECT_TRUE(HasExpert(zero, Ip::ei[Ip::kOptLenInvalid]));
}

TEST(Ipv4Test, FragmentFields) {
  Ipv4Options o;
  o.dont_fragment = false;
  o.more_fragments = true;
  o.fragment_offset = 1480;
  o.id = 7;
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(testing::Ipv4(std::string(16, 'f'), o)), &tree);
  ASSERT_TRUE(ip.ok);
  EXPECT_TRUE(ip.fragment);
  EXPECT_TRUE(ip.more_fragments);
  EXPECT_EQ(ip.fragment_offset, 1480u);
  EXPECT_EQ(ip.fragment_id, 7u);
  EXPECT_EQ(tree.UintValue(tree.Find(Ip::hf[Ip::kFragOffset])), 185u);  // 8-octet units
  EXPECT_EQ(tree.UintValue(tree.Find(Ip::hf[Ip::kFlags])), 1u);
}

TEST(Ipv4Test, BogusHeaders) {
  const std::string good = testing::Ipv4(testing::Udp(1, 161, "x"));
  {
    std::string v5 = good;
    v5[0] = 0x55;
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(v5), &tree).ok);
    EXPECT_TRUE(HasExpert(tree, Ip::ei[Ip::kBogusIpVersion]));
  }
  {
    std::string ihl = good;
    ihl[0] = 0x44;  // 16-octet header
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(ihl), &tree).ok);
    EXPECT_TRUE(HasExpert(tree, Ip::ei[Ip::kBogusHeaderLength]));
  }
  {
    Ipv4Options o;
    o.total_length = 10;
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(testing::Ipv4("x", o)), &tree).ok);
    EXPECT_TRUE(HasExpert(tree, Ip::ei[Ip::kBogusIpLength]));
  }
  {
    Ipv4Options o;
    o.total_length = 0;  // TSO: take the captured length
    Tree tree;
    const IpHandoff ip = DissectIpv4(Input(testing::Ipv4("abcd", o)), &tree);
    EXPECT_TRUE(ip.ok);
    EXPECT_EQ(ip.payload_length, 4u);
  }
  {
    Ipv4Options o;
    o.total_length = 200;  // more than captured
    Tree tree;
    const IpHandoff ip = DissectIpv4(Input(testing::Ipv4("abcd", o)), &tree);
    EXPECT_TRUE(ip.ok);
    EXPECT_EQ(ip.payload_length, 4u);
    EXPECT_EQ(ip.claimed_payload_length, 180u);
    EXPECT_TRUE(HasExpert(tree, Malformed::ei[Malformed::kExpert]));
  }
  // Shorter than the captured frame: the rest is a link trailer.
  {
    const std::string padded = testing::Ipv4("ab") + std::string(10, '\0');
    Tree tree;
    const IpHandoff ip = DissectIpv4(Input(padded), &tree);
    EXPECT_EQ(ip.payload_length, 2u);
    EXPECT_EQ(ip.datagram_end, 22u);
  }
  for (size_t n = 0; n < 20; ++n) {
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(good.substr(0, n)), &tree).ok) << n;
    ExpectWellFormedTree(tree, n);
  }
}

// A network layer sets the address columns over the link layer's, even when
// its header is cut short (then they are empty, as tshark shows them).
TEST(IpColumnsTest, NetworkAddressesReplaceTheLinkLayers) {
  Tree tree;
  tree.mutable_columns().source = "02:66:77:88:99:aa";  // as Ethernet left them
  tree.mutable_columns().destination = "00:11:22:33:44:55";
  const IpHandoff ip = DissectIpv4(Input(testing::Ipv4(testing::Udp(53602, 161, "snmp"))), &tree);
  EXPECT_EQ(tree.columns().source, "10.0.0.1");
  EXPECT_EQ(tree.columns().destination, "10.0.0.2");
  EXPECT_STREQ(tree.columns().protocol, "IPv4");
  std::string line;
  ASSERT_TRUE(Ip::AppendSummary(tree, ip.node, &line));
  EXPECT_EQ(line, "Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2");

  const IpHandoff ip6 = DissectIpv6(Input(testing::Ipv6(testing::Udp(1, 2, "x"))), 8, &tree);
  EXPECT_EQ(tree.columns().source, "2001:db8::1");
  EXPECT_EQ(tree.columns().destination, "2001:db8::2");
  line.clear();
  ASSERT_TRUE(Ipv6::AppendSummary(tree, ip6.node, &line));
  EXPECT_EQ(line, "Internet Protocol Version 6, Src: 2001:db8::1, Dst: 2001:db8::2");

  DissectIpv4(Input(testing::Ipv4("x").substr(0, 10)), &tree);
  EXPECT_EQ(tree.columns().source, "");
  EXPECT_EQ(tree.columns().destination, "");
}

TEST(Ipv6Test, HeaderFieldsAndRanges) {
  Ipv6Options o;
  o.traffic_class = 0xb9;
  o.flow = 0xf815a;
  const std::string packet = testing::Ipv6(testing::Udp(46416, 161, "snmp"), o);
  Tree tree;
  const IpHandoff ip = DissectIpv6(Input(packet, 14), 8, &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.version, 6);
  EXPECT_EQ(ip.next, 17u);
  EXPECT_EQ(ip.payload_offset, 40u);
  EXPECT_EQ(ip.payload_length, 12u);
  EXPECT_EQ(tree.node(ip.node).range, (Range{14, 40}));
  auto value = [&](FieldId f) { return tree.UintValue(tree.Find(f)); };
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kVersion]), 6u);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kTclass]), 0xb9u);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kTclassDscp]), 46u);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kTclassEcn]), 1u);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kFlow]), 0xf815au);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kPlen]), 12u);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kNxt]), 17u);
  EXPECT_EQ(value(Ipv6::hf[Ipv6::kHlim]), 64u);
  const NodeId src = tree.Find(Ipv6::hf[Ipv6::kSrc]);
  EXPECT_EQ(tree.TextValue(src), Ipv6Address(1));
  EXPECT_EQ(tree.node(src).range, (Range{22, 16}));
  EXPECT_EQ(tree.node(tree.Find(Ipv6::hf[Ipv6::kDst])).range, (Range{38, 16}));
  EXPECT_EQ(FindAll(tree, Ipv6::hf[Ipv6::kAddr]).size(), 2u);
  EXPECT_EQ(ip.src[15], 1);
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, 14 + packet.size());
}

TEST(Ipv6Test, ExtensionHeadersAreWalked) {
  // Hop-by-Hop (router alert) -> Routing (type 4, 16 octets) ->
  // Destination Options (PadN only) -> UDP.
  const std::string hbh = Ipv6OptionsHeader(43, std::string("\x05\x02\x00\x00", 4));
  const std::string routing = std::string("\x3c\x01\x04\x00", 4) + std::string(12, 'r');
  const std::string dst = Ipv6OptionsHeader(17, "");
  const std::string udp = testing::Udp(40000, 161, "x");
  Ipv6Options o;
  o.next = 0;
  const std::string packet = testing::Ipv6(hbh + routing + dst + udp, o);
  Tree tree;
  const IpHandoff ip = DissectIpv6(Input(packet), 8, &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.next, 17u);
  EXPECT_EQ(ip.payload_offset, 40u + 8 + 16 + 8);
  EXPECT_EQ(ip.payload_length, udp.size());
  ASSERT_EQ(ip.extension_count, 3);
  EXPECT_EQ(ip.extensions[0], Ipv6::hf[Ipv6::kHopopts]);
  EXPECT_EQ(ip.extensions[1], Ipv6::hf[Ipv6::kRouting]);
  EXPECT_EQ(ip.extensions[2], Ipv6::hf[Ipv6::kDstopts]);
  const NodeId h = tree.Find(Ipv6::hf[Ipv6::kHopopts]);
  EXPECT_EQ(tree.node(h).parent, ip.node);  // nested in ipv6, as in Wireshark
  EXPECT_EQ(tree.node(h).range, (Range{40, 8}));
  EXPECT_EQ(tree.UintValue(tree.Find(Ipv6::hf[Ipv6::kHopoptsLenOct])), 8u);
  EXPECT_EQ(tree.UintValue(tree.Find(Ipv6::hf[Ipv6::kOptRouterAlert])), 0u);
  const NodeId r = tree.Find(Ipv6::hf[Ipv6::kRouting]);
  EXPECT_EQ(tree.node(r).range, (Range{48, 16}));
  EXPECT_EQ(tree.UintValue(tree.Find(Ipv6::hf[Ipv6::kRoutingType])), 4u);
  EXPECT_EQ(tree.UintValue(tree.Find(Ipv6::hf[Ipv6::kRoutingLenOct])), 16u);
  EXPECT_NE(tree.Find(Ipv6::hf[Ipv6::kDstopts]), tree::kNoNode);
  EXPECT_NE(tree.Find(Ipv6::hf[Ipv6::kOptPadn]), tree::kNoNode);
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, packet.size());
}

TEST(Ipv6Test, FragmentHeader) {
  const std::string frag = Ipv6FragmentHeader(17, 1448, /*more=*/true, 0x1234);
  Ipv6Options o;
  o.next = 44;
  const std::string packet = testing::Ipv6(frag + std::string(24, 'p'), o);
  Tree tree;
  const IpHandoff ip = DissectIpv6(Input(packet), 8, &tree);
  ASSERT_TRUE(ip.ok);
  EXPECT_TRUE(ip.fragment);
  EXPECT_TRUE(ip.more_fragments);
  EXPECT_EQ(ip.fragment_offset, 1448u);
  EXPECT_EQ(ip.fragment_id, 0x1234u);
  EXPECT_EQ(ip.next, 17u);
  EXPECT_EQ(ip.payload_offset, 48u);
  EXPECT_EQ(ip.payload_length, 24u);
  EXPECT_EQ(tree.UintValue(tree.Find(Ipv6::hf[Ipv6::kFraghdrOffset])), 181u);  // 8-octet units
  EXPECT_TRUE(tree.BoolValue(tree.Find(Ipv6::hf[Ipv6::kFraghdrMore])));
  EXPECT_EQ(tree.UintValue(tree.Find(Ipv6::hf[Ipv6::kFraghdrIdent])), 0x1234u);

  // An atomic fragment (offset 0, M clear; RFC 6946) is a whole datagram.
  Tree atomic;
  const IpHandoff a = DissectIpv6(
      Input(testing::Ipv6(Ipv6FragmentHeader(17, 0, false, 9) + testing::Udp(1, 161, "x"), o)), 8, &atomic);
  EXPECT_TRUE(a.ok);
  EXPECT_FALSE(a.fragment);
  EXPECT_EQ(a.next, 17u);
}

TEST(Ipv6Test, HostileExtensionChains) {
  // 100 Destination Options headers in a row: walked up to the cap.
  std::string chain;
  for (int i = 0; i < 100; ++i) chain += Ipv6OptionsHeader(60, "");
  Ipv6Options o;
  o.next = 60;
  Tree tree;
  const IpHandoff ip = DissectIpv6(Input(testing::Ipv6(chain, o)), 8, &tree);
  EXPECT_TRUE(ip.ok);
  EXPECT_EQ(ip.next, 60u);  // the header not walked
  EXPECT_TRUE(HasExpert(tree, Ipv6::ei[Ipv6::kTooManyExtensionHeaders]));
  EXPECT_EQ(FindAll(tree, Ipv6::hf[Ipv6::kDstopts]).size(), 8u);

  // An option running past its header.
  std::string bad = std::string("\x11\x00", 2) + std::string("\x1e\x09", 2) + "abcd";
  Tree t2;
  DissectIpv6(Input(testing::Ipv6(bad, Ipv6Options{.next = 0})), 8, &t2);
  EXPECT_TRUE(HasExpert(t2, Ipv6::ei[Ipv6::kOptInvalidLen]));

  // A header longer than the packet.
  std::string longer = std::string("\x11\x05", 2) + std::string(6, '\0');
  Tree t3;
  const IpHandoff l = DissectIpv6(Input(testing::Ipv6(longer, Ipv6Options{.next = 0})), 8, &t3);
  EXPECT_FALSE(l.ok);
  EXPECT_TRUE(HasExpert(t3, Malformed::ei[Malformed::kExpert]));
}

TEST(Ipv6Test, BogusAndTruncated) {
  const std::string good = testing::Ipv6(testing::Udp(1, 161, "x"));
  std::string v4 = good;
  v4[0] = 0x40;
  Tree tree;
  EXPECT_FALSE(DissectIpv6(Input(v4), 8, &tree).ok);
  EXPECT_TRUE(HasExpert(tree, Ipv6::ei[Ipv6::kBogusIpv6Version]));
  for (size_t n = 0; n < 40; ++n) {
    Tree t;
    EXPECT_FALSE(DissectIpv6(Input(good.substr(0, n)), 8, &t).ok) << n;
    ExpectWellFormedTree(t, n);
  }
  Tree cut;
  const IpHandoff ip = DissectIpv6(Input(good.substr(0, 45)), 8, &cut);
  EXPECT_TRUE(ip.ok);
  EXPECT_EQ(ip.payload_length, 5u);
  EXPECT_TRUE(HasExpert(cut, Ipv6::ei[Ipv6::kPlenExceedsFraming]));
}

}  // namespace
}  // namespace snmpdissect::proto
