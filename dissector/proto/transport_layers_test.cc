// UDP, TCP and the dissector tables over hand-built segments.

#include <string>

#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/protocols.h"
#include "dissector/proto/registry.h"
#include "dissector/proto/tcp.h"
#include "dissector/proto/tcp_fields.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "dissector/proto/udp.h"
#include "dissector/proto/udp_fields.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace testing;  // NOLINT: builders and checks
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Range;
using tree::Tree;

TEST(UdpTest, FieldsAndPayload) {
  const std::string datagram = testing::Udp(53602, 161, "message");
  Tree tree;
  const UdpHandoff u = DissectUdp(Input(datagram, 34), datagram.size(), &tree);
  ASSERT_TRUE(u.ok);
  EXPECT_EQ(u.src_port, 53602);
  EXPECT_EQ(u.dst_port, 161);
  EXPECT_EQ(u.payload_offset, 8u);
  EXPECT_EQ(u.payload_length, 7u);
  EXPECT_EQ(tree.node(u.node).range, (Range{34, 8}));
  EXPECT_EQ(tree.UintValue(tree.Find(Udp::hf[Udp::kSrcport])), 53602u);
  EXPECT_EQ(tree.node(tree.Find(Udp::hf[Udp::kDstport])).range, (Range{36, 2}));
  EXPECT_EQ(tree.UintValue(tree.Find(Udp::hf[Udp::kLength])), 15u);
  EXPECT_EQ(tree.node(tree.Find(Udp::hf[Udp::kChecksum])).range, (Range{40, 2}));
  const auto ports = FindAll(tree, Udp::hf[Udp::kPort]);
  ASSERT_EQ(ports.size(), 2u);
  EXPECT_EQ(tree.UintValue(ports[1]), 161u);
  EXPECT_EQ(tree.diagnostic_count(), 0u);
}

TEST(UdpTest, BadLengths) {
  {
    Tree tree;  // below 8
    const UdpHandoff u = DissectUdp(Input(testing::Udp(1, 161, "abc", 4)), 11, &tree);
    EXPECT_TRUE(u.ok);
    EXPECT_TRUE(HasExpert(tree, Udp::ei[Udp::kLengthBad]));
    EXPECT_EQ(u.payload_length, 3u);  // what the IP layer says
  }
  {
    Tree tree;  // above the IP payload
    const UdpHandoff u = DissectUdp(Input(testing::Udp(1, 161, "abc", 100)), 11, &tree);
    EXPECT_TRUE(HasExpert(tree, Udp::ei[Udp::kLengthBad]));
    EXPECT_EQ(u.payload_length, 3u);
  }
  {
    Tree tree;  // shorter than the IP payload: the rest is not UDP's
    const UdpHandoff u = DissectUdp(Input(testing::Udp(1, 161, "abcdef", 10)), 14, &tree);
    EXPECT_EQ(u.payload_length, 2u);
    EXPECT_EQ(tree.diagnostic_count(), 0u);
  }
  {
    Tree tree;  // the capture was cut: IP claims more than we have
    const UdpHandoff u = DissectUdp(Input(testing::Udp(1, 161, "abcdef").substr(0, 10)), 14, &tree);
    EXPECT_TRUE(u.ok);
    EXPECT_EQ(u.payload_length, 2u);
    EXPECT_TRUE(HasExpert(tree, Malformed::ei[Malformed::kExpert]));
  }
  for (size_t n = 0; n < 8; ++n) {
    Tree tree;
    EXPECT_FALSE(DissectUdp(Input(testing::Udp(1, 2, "").substr(0, n)), 8, &tree).ok);
  }
}

TEST(TcpTest, HeaderFieldsOptionsAndRanges) {
  TcpOptions o;
  o.seq = 2712111437u;
  o.ack = 0;
  o.flags = 0x002;  // SYN
  o.window = 65495;
  // MSS, SACK permitted, timestamps, NOP, window scale: Linux's SYN.
  o.options = std::string("\x02\x04\xff\xd7", 4) + std::string("\x04\x02", 2) +
              std::string("\x08\x0a", 2) + Be32(3106495531u) + Be32(0) + "\x01" +
              std::string("\x03\x03\x0a", 3);
  const std::string segment = testing::Tcp(o, "");
  const LayerInput in = Input(segment, 34);
  const TcpHeader h = ParseTcp(in);
  ASSERT_TRUE(h.ok);
  EXPECT_EQ(h.header_length, 40u);
  EXPECT_EQ(h.flags, 0x002);
  EXPECT_EQ(h.payload_length, 0u);
  Tree tree;
  const NodeId tcp = AddTcpTree(in, h,
                                {.has_stream = true, .stream = 3, .relative = true,
                                 .relative_seq = 0, .relative_ack = 0,
                                 .next_relative_seq = 1},
                                &tree);
  EXPECT_EQ(tree.node(tcp).range, (Range{34, 40}));
  auto value = [&](FieldId f) { return tree.UintValue(tree.Find(f)); };
  EXPECT_EQ(value(Tcp::hf[Tcp::kSrcport]), 40000u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kDstport]), 161u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kStream]), 3u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kLen]), 0u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kSeq]), 0u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kSeqRaw]), 2712111437u);
  EXPECT_EQ(tree.node(tree.Find(Tcp::hf[Tcp::kSeqRaw])).range, (Range{38, 4}));
  EXPECT_EQ(value(Tcp::hf[Tcp::kNxtseq]), 1u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kHdrLen]), 40u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kFlags]), 0x002u);
  EXPECT_TRUE(tree.BoolValue(tree.Find(Tcp::hf[Tcp::kFlagsSyn])));
  EXPECT_FALSE(tree.BoolValue(tree.Find(Tcp::hf[Tcp::kFlagsAck])));
  EXPECT_EQ(value(Tcp::hf[Tcp::kWindowSizeValue]), 65495u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kOptionsMssVal]), 65495u);
  EXPECT_NE(tree.Find(Tcp::hf[Tcp::kOptionsSackPerm]), tree::kNoNode);
  EXPECT_EQ(value(Tcp::hf[Tcp::kOptionsTimestampTsval]), 3106495531u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kOptionsWscaleShift]), 10u);
  EXPECT_EQ(value(Tcp::hf[Tcp::kOptionsWscaleMultiplier]), 1024u);
  EXPECT_NE(tree.Find(Tcp::hf[Tcp::kOptionsNop]), tree::kNoNode);
  const NodeId ts = tree.Find(Tcp::hf[Tcp::kOptionsTimestamp]);
  EXPECT_EQ(tree.node(ts).range, (Range{34 + 26, 10}));
  EXPECT_EQ(tree.node(tree.Find(Tcp::hf[Tcp::kOptions])).range, (Range{54, 20}));
  EXPECT_EQ(tree.diagnostic_count(), 0u) << Diagnostics(tree);
  ExpectWellFormedTree(tree, 34 + segment.size());
}

TEST(TcpTest, BadHeaders) {
  {
    TcpOptions o;
    std::string s = testing::Tcp(o, "data");
    s[12] = 0x30;  // data offset 3 words
    Tree tree;
    const TcpHeader h = ParseTcp(Input(s));
    EXPECT_TRUE(h.fixed_ok);
    EXPECT_FALSE(h.ok);
    AddTcpTree(Input(s), h, {}, &tree);
    EXPECT_TRUE(HasExpert(tree, Tcp::ei[Tcp::kBogusHeaderLength]));
  }
  {
    TcpOptions o;
    o.options = std::string("\x02\x09\x00\x00", 4);  // MSS claiming 9 octets
    const std::string s = testing::Tcp(o, "");
    Tree tree;
    AddTcpTree(Input(s), ParseTcp(Input(s)), {}, &tree);
    EXPECT_TRUE(HasExpert(tree, Tcp::ei[Tcp::kOptionLenInvalid]));
  }
  {
    TcpOptions o;
    o.options = std::string("\x02\x03\x00\x00", 4);  // MSS of 3 octets: wrong size
    const std::string s = testing::Tcp(o, "");
    Tree tree;
    AddTcpTree(Input(s), ParseTcp(Input(s)), {}, &tree);
    EXPECT_TRUE(HasExpert(tree, Tcp::ei[Tcp::kOptionLenInvalid]));
  }
  TcpOptions o;
  o.options = std::string(8, '\x01');
  const std::string s = testing::Tcp(o, "xy");
  for (size_t n = 0; n < 28; ++n) {
    const std::string cut = s.substr(0, n);
    const LayerInput in = Input(cut);
    const TcpHeader h = ParseTcp(in);
    EXPECT_FALSE(h.ok) << n;
    Tree tree;
    AddTcpTree(in, h, {}, &tree);
    EXPECT_TRUE(HasExpert(tree, Malformed::ei[Malformed::kExpert])) << n;
    ExpectWellFormedTree(tree, n);
  }
}

// The name of the handle a table gives `key`, "" for none.
std::string NameAt(const Registry& r, Table table, uint32_t key) {
  const DissectorHandle* h = r.Find(table, key);
  return h == nullptr ? "" : h->name;
}

TEST(RegistryTest, DefaultsAndDecodeAs) {
  Registry r(RegisteredProtocols());
  EXPECT_EQ(NameAt(r, Table::kLinkType, 1), "eth");
  EXPECT_EQ(NameAt(r, Table::kLinkType, 113), "sll");
  EXPECT_EQ(NameAt(r, Table::kLinkType, 276), "sll");
  EXPECT_NE(r.Find(Table::kLinkType, 113), r.Find(Table::kLinkType, 276));  // v1, v2
  EXPECT_EQ(NameAt(r, Table::kLinkType, 0), "null");
  EXPECT_EQ(NameAt(r, Table::kLinkType, 108), "null");
  EXPECT_NE(r.Find(Table::kLinkType, 0), r.Find(Table::kLinkType, 108));  // byte orders
  for (uint32_t raw : {12u, 14u, 101u}) EXPECT_EQ(NameAt(r, Table::kLinkType, raw), "raw");
  EXPECT_EQ(NameAt(r, Table::kLinkType, 228), "ip");
  EXPECT_EQ(NameAt(r, Table::kLinkType, 229), "ipv6");
  EXPECT_FALSE(r.HasLinkType(105));
  EXPECT_FALSE(r.HasLinkType(-1));
  EXPECT_EQ(NameAt(r, Table::kEthertype, 0x88a8), "ieee8021ad");
  EXPECT_EQ(NameAt(r, Table::kEthertype, 0x9100), "vlan");
  EXPECT_EQ(NameAt(r, Table::kIpProto, 17), "udp");
  EXPECT_EQ(NameAt(r, Table::kUdpPort, 162), "snmp");
  EXPECT_EQ(NameAt(r, Table::kTcpPort, 161), "snmp");
  EXPECT_NE(r.Find(Table::kTcpPort, 161)->framing, nullptr);  // SNMP frames its TCP stream
  EXPECT_EQ(NameAt(r, Table::kUdpPort, 1161), "");
  EXPECT_EQ(Registry().Find(Table::kUdpPort, 161), nullptr);  // no protocols, no entries

  EXPECT_TRUE(r.AddDecodeAs("udp.port==1161,snmp").ok());
  EXPECT_EQ(NameAt(r, Table::kUdpPort, 1161), "snmp");
  EXPECT_EQ(NameAt(r, Table::kTcpPort, 1161), "");
  EXPECT_TRUE(r.AddDecodeAs(" tcp.port==10161,SNMP ").ok());
  EXPECT_EQ(NameAt(r, Table::kTcpPort, 10161), "snmp");
  for (const char* bad : {"udp.port=1161,snmp", "udp.port==0,snmp", "udp.port==70000,snmp",
                          "udp.port==x,snmp", "udp.port==161", "ip.proto==17,snmp",
                          "udp.port==161,dns", "udp.port==161,tcp", ""}) {
    const absl::Status s = r.AddDecodeAs(bad);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(std::string(s.message()).find("bad decode-as"), std::string::npos);
  }
  r.Remove(Table::kUdpPort, 1161);
  EXPECT_EQ(NameAt(r, Table::kUdpPort, 1161), "");
}

}  // namespace
}  // namespace snmpdissect::proto
