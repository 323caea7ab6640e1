// IPv4 and IPv6 over hand-built packets: header fields and ranges,
// options, extension headers, fragments, bogus and truncated headers.

#include <string>

#include "dissector/proto/ipv4.h"
#include "dissector/proto/ipv6.h"
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
  const std::string packet = Ipv4(Udp(53602, 161, "snmp"), o);
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
  EXPECT_EQ(value(FieldId::kIpVersion), 4u);
  EXPECT_EQ(value(FieldId::kIpHdrLen), 20u);
  EXPECT_EQ(value(FieldId::kIpDsfield), 0xb9u);
  EXPECT_EQ(value(FieldId::kIpDsfieldDscp), 46u);
  EXPECT_EQ(value(FieldId::kIpDsfieldEcn), 1u);
  EXPECT_EQ(value(FieldId::kIpLen), 32u);
  EXPECT_EQ(range(FieldId::kIpLen), (Range{16, 2}));
  EXPECT_EQ(value(FieldId::kIpId), 0xee90u);
  EXPECT_EQ(value(FieldId::kIpFlags), 2u);  // DF
  EXPECT_TRUE(tree.BoolValue(tree.Find(FieldId::kIpFlagsDf)));
  EXPECT_FALSE(tree.BoolValue(tree.Find(FieldId::kIpFlagsMf)));
  EXPECT_EQ(value(FieldId::kIpFragOffset), 0u);
  EXPECT_EQ(value(FieldId::kIpTtl), 64u);
  EXPECT_EQ(value(FieldId::kIpProto), 17u);
  EXPECT_EQ(range(FieldId::kIpChecksum), (Range{24, 2}));
  EXPECT_EQ(tree.Ipv4Value(tree.Find(FieldId::kIpSrc)), 0x0a000001u);
  EXPECT_EQ(range(FieldId::kIpSrc), (Range{26, 4}));
  EXPECT_EQ(tree.Ipv4Value(tree.Find(FieldId::kIpDst)), 0x0a000002u);
  EXPECT_EQ(range(FieldId::kIpDst), (Range{30, 4}));
  EXPECT_EQ(FindAll(tree, FieldId::kIpAddr).size(), 2u);
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
  const std::string packet = Ipv4("data", o);
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(packet), &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.payload_offset, 40u);
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpHdrLen)), 40u);
  const NodeId ra = tree.Find(FieldId::kIpOptionsRouterAlert);
  ASSERT_NE(ra, tree::kNoNode);
  EXPECT_EQ(tree.node(ra).range, (Range{20, 4}));
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpOptRa)), 0u);
  EXPECT_NE(tree.Find(FieldId::kIpOptionsNop), tree::kNoNode);
  const NodeId rr = tree.Find(FieldId::kIpOptionsRecordRoute);
  ASSERT_NE(rr, tree::kNoNode);
  EXPECT_EQ(tree.node(rr).range, (Range{25, 11}));
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpOptPtr, rr)), 4u);
  // Pointer 4: nothing recorded yet, both slots empty.
  EXPECT_TRUE(FindAll(tree, FieldId::kIpRecRt).empty());
  const auto routes = FindAll(tree, FieldId::kIpEmptyRt);
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(tree.Ipv4Value(routes[0]), 0xc0000201u);
  EXPECT_NE(tree.Find(FieldId::kIpOptionsEol), tree::kNoNode);
  const NodeId type = tree.Find(FieldId::kIpOptType, ra);
  EXPECT_EQ(tree.UintValue(type), 148u);
  EXPECT_TRUE(tree.BoolValue(tree.Find(FieldId::kIpOptTypeCopy, ra)));
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpOptTypeNumber, ra)), 20u);
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, packet.size());
}

TEST(Ipv4Test, BadOptionLengthIsReported) {
  Ipv4Options o;
  o.options = std::string("\x07\x0f\x04\x00", 4);  // claims 15 octets, 4 exist
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(Ipv4("x", o)), &tree);
  EXPECT_TRUE(ip.ok);
  EXPECT_TRUE(HasExpert(tree, ExpertId::kIpOptLenInvalid));
  Tree zero;
  o.options = std::string("\x44\x00\x00\x00", 4);  // timestamp of length 0
  DissectIpv4(Input(Ipv4("x", o)), &zero);
  EXPECT_TRUE(HasExpert(zero, ExpertId::kIpOptLenInvalid));
}

TEST(Ipv4Test, FragmentFields) {
  Ipv4Options o;
  o.dont_fragment = false;
  o.more_fragments = true;
  o.fragment_offset = 1480;
  o.id = 7;
  Tree tree;
  const IpHandoff ip = DissectIpv4(Input(Ipv4(std::string(16, 'f'), o)), &tree);
  ASSERT_TRUE(ip.ok);
  EXPECT_TRUE(ip.fragment);
  EXPECT_TRUE(ip.more_fragments);
  EXPECT_EQ(ip.fragment_offset, 1480u);
  EXPECT_EQ(ip.fragment_id, 7u);
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpFragOffset)), 185u);  // 8-octet units
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpFlags)), 1u);
}

TEST(Ipv4Test, BogusHeaders) {
  const std::string good = Ipv4(Udp(1, 161, "x"));
  {
    std::string v5 = good;
    v5[0] = 0x55;
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(v5), &tree).ok);
    EXPECT_TRUE(HasExpert(tree, ExpertId::kIpBogusIpVersion));
  }
  {
    std::string ihl = good;
    ihl[0] = 0x44;  // 16-octet header
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(ihl), &tree).ok);
    EXPECT_TRUE(HasExpert(tree, ExpertId::kIpBogusHeaderLength));
  }
  {
    Ipv4Options o;
    o.total_length = 10;
    Tree tree;
    EXPECT_FALSE(DissectIpv4(Input(Ipv4("x", o)), &tree).ok);
    EXPECT_TRUE(HasExpert(tree, ExpertId::kIpBogusIpLength));
  }
  {
    Ipv4Options o;
    o.total_length = 0;  // TSO: take the captured length
    Tree tree;
    const IpHandoff ip = DissectIpv4(Input(Ipv4("abcd", o)), &tree);
    EXPECT_TRUE(ip.ok);
    EXPECT_EQ(ip.payload_length, 4u);
  }
  {
    Ipv4Options o;
    o.total_length = 200;  // more than captured
    Tree tree;
    const IpHandoff ip = DissectIpv4(Input(Ipv4("abcd", o)), &tree);
    EXPECT_TRUE(ip.ok);
    EXPECT_EQ(ip.payload_length, 4u);
    EXPECT_EQ(ip.claimed_payload_length, 180u);
    EXPECT_TRUE(HasExpert(tree, ExpertId::kMalformed));
  }
  // Shorter than the captured frame: the rest is a link trailer.
  {
    const std::string padded = Ipv4("ab") + std::string(10, '\0');
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

TEST(Ipv6Test, HeaderFieldsAndRanges) {
  Ipv6Options o;
  o.traffic_class = 0xb9;
  o.flow = 0xf815a;
  const std::string packet = Ipv6(Udp(46416, 161, "snmp"), o);
  Tree tree;
  const IpHandoff ip = DissectIpv6(Input(packet, 14), 8, &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.version, 6);
  EXPECT_EQ(ip.next, 17u);
  EXPECT_EQ(ip.payload_offset, 40u);
  EXPECT_EQ(ip.payload_length, 12u);
  EXPECT_EQ(tree.node(ip.node).range, (Range{14, 40}));
  auto value = [&](FieldId f) { return tree.UintValue(tree.Find(f)); };
  EXPECT_EQ(value(FieldId::kIpv6Version), 6u);
  EXPECT_EQ(value(FieldId::kIpv6Tclass), 0xb9u);
  EXPECT_EQ(value(FieldId::kIpv6TclassDscp), 46u);
  EXPECT_EQ(value(FieldId::kIpv6TclassEcn), 1u);
  EXPECT_EQ(value(FieldId::kIpv6Flow), 0xf815au);
  EXPECT_EQ(value(FieldId::kIpv6Plen), 12u);
  EXPECT_EQ(value(FieldId::kIpv6Nxt), 17u);
  EXPECT_EQ(value(FieldId::kIpv6Hlim), 64u);
  const NodeId src = tree.Find(FieldId::kIpv6Src);
  EXPECT_EQ(tree.TextValue(src), Ipv6Address(1));
  EXPECT_EQ(tree.node(src).range, (Range{22, 16}));
  EXPECT_EQ(tree.node(tree.Find(FieldId::kIpv6Dst)).range, (Range{38, 16}));
  EXPECT_EQ(FindAll(tree, FieldId::kIpv6Addr).size(), 2u);
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
  const std::string udp = Udp(40000, 161, "x");
  Ipv6Options o;
  o.next = 0;
  const std::string packet = Ipv6(hbh + routing + dst + udp, o);
  Tree tree;
  const IpHandoff ip = DissectIpv6(Input(packet), 8, &tree);
  ASSERT_TRUE(ip.ok) << Diagnostics(tree);
  EXPECT_EQ(ip.next, 17u);
  EXPECT_EQ(ip.payload_offset, 40u + 8 + 16 + 8);
  EXPECT_EQ(ip.payload_length, udp.size());
  ASSERT_EQ(ip.extension_count, 3);
  EXPECT_EQ(ip.extensions[0], FieldId::kIpv6Hopopts);
  EXPECT_EQ(ip.extensions[1], FieldId::kIpv6Routing);
  EXPECT_EQ(ip.extensions[2], FieldId::kIpv6Dstopts);
  const NodeId h = tree.Find(FieldId::kIpv6Hopopts);
  EXPECT_EQ(tree.node(h).parent, ip.node);  // nested in ipv6, as in Wireshark
  EXPECT_EQ(tree.node(h).range, (Range{40, 8}));
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpv6HopoptsLenOct)), 8u);
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpv6OptRouterAlert)), 0u);
  const NodeId r = tree.Find(FieldId::kIpv6Routing);
  EXPECT_EQ(tree.node(r).range, (Range{48, 16}));
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpv6RoutingType)), 4u);
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpv6RoutingLenOct)), 16u);
  EXPECT_NE(tree.Find(FieldId::kIpv6Dstopts), tree::kNoNode);
  EXPECT_NE(tree.Find(FieldId::kIpv6OptPadn), tree::kNoNode);
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, packet.size());
}

TEST(Ipv6Test, FragmentHeader) {
  const std::string frag = Ipv6FragmentHeader(17, 1448, /*more=*/true, 0x1234);
  Ipv6Options o;
  o.next = 44;
  const std::string packet = Ipv6(frag + std::string(24, 'p'), o);
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
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpv6FraghdrOffset)), 181u);  // 8-octet units
  EXPECT_TRUE(tree.BoolValue(tree.Find(FieldId::kIpv6FraghdrMore)));
  EXPECT_EQ(tree.UintValue(tree.Find(FieldId::kIpv6FraghdrIdent)), 0x1234u);

  // An atomic fragment (offset 0, M clear; RFC 6946) is a whole datagram.
  Tree atomic;
  const IpHandoff a = DissectIpv6(
      Input(Ipv6(Ipv6FragmentHeader(17, 0, false, 9) + Udp(1, 161, "x"), o)), 8, &atomic);
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
  const IpHandoff ip = DissectIpv6(Input(Ipv6(chain, o)), 8, &tree);
  EXPECT_TRUE(ip.ok);
  EXPECT_EQ(ip.next, 60u);  // the header not walked
  EXPECT_TRUE(HasExpert(tree, ExpertId::kIpv6TooManyExtensionHeaders));
  EXPECT_EQ(FindAll(tree, FieldId::kIpv6Dstopts).size(), 8u);

  // An option running past its header.
  std::string bad = std::string("\x11\x00", 2) + std::string("\x1e\x09", 2) + "abcd";
  Tree t2;
  DissectIpv6(Input(Ipv6(bad, Ipv6Options{.next = 0})), 8, &t2);
  EXPECT_TRUE(HasExpert(t2, ExpertId::kIpv6OptInvalidLen));

  // A header longer than the packet.
  std::string longer = std::string("\x11\x05", 2) + std::string(6, '\0');
  Tree t3;
  const IpHandoff l = DissectIpv6(Input(Ipv6(longer, Ipv6Options{.next = 0})), 8, &t3);
  EXPECT_FALSE(l.ok);
  EXPECT_TRUE(HasExpert(t3, ExpertId::kMalformed));
}

TEST(Ipv6Test, BogusAndTruncated) {
  const std::string good = Ipv6(Udp(1, 161, "x"));
  std::string v4 = good;
  v4[0] = 0x40;
  Tree tree;
  EXPECT_FALSE(DissectIpv6(Input(v4), 8, &tree).ok);
  EXPECT_TRUE(HasExpert(tree, ExpertId::kIpv6BogusIpv6Version));
  for (size_t n = 0; n < 40; ++n) {
    Tree t;
    EXPECT_FALSE(DissectIpv6(Input(good.substr(0, n)), 8, &t).ok) << n;
    ExpectWellFormedTree(t, n);
  }
  Tree cut;
  const IpHandoff ip = DissectIpv6(Input(good.substr(0, 45)), 8, &cut);
  EXPECT_TRUE(ip.ok);
  EXPECT_EQ(ip.payload_length, 5u);
  EXPECT_TRUE(HasExpert(cut, ExpertId::kIpv6PlenExceedsFraming));
}

}  // namespace
}  // namespace snmpdissect::proto
