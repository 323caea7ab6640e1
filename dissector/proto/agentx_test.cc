// The AgentX layer (agentx.h): trees and Info of well-formed PDUs of both
// byte orders, its TCP framing, hostile PDUs (every truncation, every
// single-octet corruption, lying and oversized lengths), and the hand-off
// through the pipeline (TCP port 705, several PDUs per segment, a PDU split
// over segments, decode-as).

#include "dissector/proto/agentx.h"

#include <cstdint>
#include <string>
#include <vector>

#include "codec/agentx/testing/pdu_builder.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/proto/agentx_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/protocols.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using agentx::ByteOrder;
using agentx::PduType;
using agentx::VarBindType;
using agentx::testing::PduBuilder;
using testing::ExpectWellFormedTree;
using testing::FindAll;
using testing::HasExpert;
using tree::NodeId;
using tree::Range;
using tree::Tree;

// Where the PDU lies in the tests' imaginary frame (after Ethernet, IPv4
// and a TCP header with timestamps).
constexpr size_t kAt = 66;

std::string ResponsePdu(ByteOrder order) {
  PduBuilder b(order);
  b.U32(4242).U16(0).U16(0);  // sysUpTime, error, index
  b.VarBindHead(VarBindType::kInteger, {1, 3, 6, 1, 2, 1, 1, 7, 0}).U32(0xfffffffe);
  b.VarBindHead(VarBindType::kOctetString, {1, 3, 6, 1, 2, 1, 1, 5, 0}).OctetString("host");
  b.VarBindHead(VarBindType::kCounter64, {1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6, 1}).U64(1ull << 40);
  b.VarBindHead(VarBindType::kObjectIdentifier, {1, 3, 6, 1, 2, 1, 1, 2, 0})
      .Oid({1, 3, 6, 1, 4, 1, 8072, 3, 2, 10});
  b.VarBindHead(VarBindType::kNoSuchInstance, {1, 3, 6, 1, 2, 1, 1, 9, 0});
  return b.Build(PduType::kResponse, 5, 6, 7);
}

struct Dissected {
  Tree tree;
  NodeId node = tree::kNoNode;
};

// `storage` must outlive the tree's use of it (nothing is borrowed, but
// the scratch PDU points into it until the next call).
void Dissect(const std::string& pdu, Dissected* out) {
  static AgentXScratch scratch;
  out->tree.Clear();
  LayerInput in = testing::Input(pdu, kAt);
  out->node = DissectAgentXPdu(in, &out->tree, &scratch);
  ExpectWellFormedTree(out->tree, kAt + pdu.size());
}

std::vector<std::string> Strings(const Tree& tree, uint16_t local) {
  std::vector<std::string> out;
  for (NodeId id : FindAll(tree, AgentX::hf[local])) out.emplace_back(tree.TextValue(id));
  return out;
}

std::vector<uint64_t> Uints(const Tree& tree, uint16_t local) {
  std::vector<uint64_t> out;
  for (NodeId id : FindAll(tree, AgentX::hf[local])) out.push_back(tree.UintValue(id));
  return out;
}

class AgentXByteOrderTest : public ::testing::TestWithParam<ByteOrder> {};

TEST_P(AgentXByteOrderTest, ResponseTreeAndInfo) {
  const std::string pdu = ResponsePdu(GetParam());
  Dissected d;
  Dissect(pdu, &d);
  const Tree& t = d.tree;
  EXPECT_EQ(t.node(d.node).range, (Range{kAt, static_cast<uint32_t>(pdu.size())}));
  EXPECT_EQ(t.info(), "Response-PDU: sid=5, tid=6, packid=7, plen=" +
                          std::to_string(pdu.size() - 20));
  EXPECT_EQ(Uints(t, AgentX::kSessionId), (std::vector<uint64_t>{5}));
  EXPECT_EQ(t.node(t.Find(AgentX::hf[AgentX::kPacketId])).range, (Range{kAt + 12, 4}));
  const bool big = GetParam() == ByteOrder::kBigEndian;
  EXPECT_EQ(Uints(t, AgentX::kFlagsByteOrder), (std::vector<uint64_t>{big ? 1u : 0u}));
  EXPECT_EQ(Uints(t, AgentX::kResponseUptime), (std::vector<uint64_t>{4242}));
  EXPECT_EQ(Uints(t, AgentX::kVarBindType), (std::vector<uint64_t>{2, 4, 70, 6, 129}));
  // Wireshark's agentx.v.val32 is FT_UINT32: -2 as its 32 bits.
  EXPECT_EQ(Uints(t, AgentX::kValue32), (std::vector<uint64_t>{0xfffffffe}));
  EXPECT_EQ(Uints(t, AgentX::kValue64), (std::vector<uint64_t>{1ull << 40}));
  EXPECT_EQ(Strings(t, AgentX::kOstring), (std::vector<std::string>{"host"}));
  EXPECT_EQ(Strings(t, AgentX::kOid),
            (std::vector<std::string>{".1.3.6.1.2.1.1.7.0", ".1.3.6.1.2.1.1.5.0",
                                      ".1.3.6.1.2.1.31.1.1.1.6.1", ".1.3.6.1.2.1.1.2.0",
                                      ".1.3.6.1.4.1.8072.3.2.10", ".1.3.6.1.2.1.1.9.0"}));
  EXPECT_EQ(Strings(t, AgentX::kObjectId)[0], "1.3.6.1.2.1.1.7.0");
  EXPECT_EQ(Uints(t, AgentX::kOidPrefix), (std::vector<uint64_t>{2, 2, 2, 2, 4, 2}));
  EXPECT_EQ(FindAll(t, AgentX::hf[AgentX::kVarBind]).size(), 5u);
  const NodeId body = t.Find(AgentX::hf[AgentX::kPdu]);
  ASSERT_NE(body, tree::kNoNode);
  EXPECT_STREQ(t.node(body).label, "Response-PDU");
  EXPECT_EQ(t.diagnostic_count(), 0u);
  EXPECT_EQ(t.first_malformed(), tree::kNoNode);
}

INSTANTIATE_TEST_SUITE_P(BothOrders, AgentXByteOrderTest,
                         ::testing::Values(ByteOrder::kLittleEndian, ByteOrder::kBigEndian));

TEST(AgentXTest, GetNextRangesRegisterAndContext) {
  PduBuilder get;
  get.OctetString("ctx");
  get.Oid({1, 3, 6, 1, 2, 1, 1}, /*include=*/1).Oid({1, 3, 6, 1, 2, 1, 2});
  Dissected d;
  Dissect(get.Build(PduType::kGetNext, 1, 2, 3, agentx::kFlagNonDefaultContext), &d);
  EXPECT_EQ(Strings(d.tree, AgentX::kOstring), (std::vector<std::string>{"ctx"}));
  const auto ranges = FindAll(d.tree, AgentX::hf[AgentX::kSearchRange]);
  ASSERT_EQ(ranges.size(), 1u);
  EXPECT_EQ(Uints(d.tree, AgentX::kOidInclude), (std::vector<uint64_t>{1, 0}));
  const auto oids = FindAll(d.tree, AgentX::hf[AgentX::kObjectId]);
  EXPECT_STREQ(d.tree.node(oids[0]).label, "Range Start");
  EXPECT_STREQ(d.tree.node(oids[1]).label, "Range End");

  PduBuilder reg;
  reg.U8(5).U8(127).U8(9).U8(0).Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 1}).U32(24);
  Dissect(reg.Build(PduType::kRegister), &d);
  EXPECT_EQ(Uints(d.tree, AgentX::kRegTimeout), (std::vector<uint64_t>{5}));
  EXPECT_EQ(Uints(d.tree, AgentX::kRegPriority), (std::vector<uint64_t>{127}));
  EXPECT_EQ(Uints(d.tree, AgentX::kRegUpperBound), (std::vector<uint64_t>{24}));
  EXPECT_TRUE(Uints(d.tree, AgentX::kUnregUpperBound).empty());

  PduBuilder close;
  close.U8(5).U8(0).U8(0).U8(0);
  Dissect(close.Build(PduType::kClose), &d);
  const NodeId reason = d.tree.Find(AgentX::hf[AgentX::kCloseReason]);
  ASSERT_NE(reason, tree::kNoNode);
  EXPECT_STREQ(tree::ValueNameOf(d.tree.field(reason), 5), "reasonShutdown");
}

TEST(AgentXTest, NullOidAndEmptyPduTypes) {
  PduBuilder get;
  get.Oid({1, 3, 6, 1, 2, 1, 1, 1, 0}).Oid({});
  Dissected d;
  Dissect(get.Build(PduType::kGet), &d);
  // Wireshark's text for the null OID (RFC 2741 5.1: n_subid and prefix 0).
  EXPECT_EQ(Strings(d.tree, AgentX::kOid),
            (std::vector<std::string>{".1.3.6.1.2.1.1.1.0", "(null)"}));
  EXPECT_EQ(d.tree.node(FindAll(d.tree, AgentX::hf[AgentX::kObjectId])[0]).label, nullptr);
  // CommitSet has no payload: header only, no PDU node.
  Dissect(PduBuilder().Build(PduType::kCommitSet, 9, 8, 7), &d);
  EXPECT_EQ(d.tree.Find(AgentX::hf[AgentX::kPdu]), tree::kNoNode);
  EXPECT_EQ(d.tree.info(), "CommitSet-PDU: sid=9, tid=8, packid=7, plen=0");
  // Wireshark's %d: 32-bit ids above 2^31 print negative.
  Dissect(PduBuilder().Build(PduType::kPing, 0xffffffff, 0, 0), &d);
  EXPECT_EQ(d.tree.info(), "Ping-PDU: sid=-1, tid=0, packid=0, plen=0");
}

TEST(AgentXTest, DiagnosticsBecomeExperts) {
  PduBuilder b;
  b.VarBindHead(VarBindType::kIpAddress, {1, 3, 6, 1, 2, 1, 4, 20, 1, 1}).OctetString("abc", 7);
  Dissected d;
  Dissect(b.Build(PduType::kNotify, 1, 2, 3, /*flags=*/0xe0), &d);
  EXPECT_TRUE(HasExpert(d.tree, AgentX::ei[AgentX::kReservedFlags]));
  EXPECT_TRUE(HasExpert(d.tree, AgentX::ei[AgentX::kIpAddressWrongSize]));
  EXPECT_TRUE(HasExpert(d.tree, AgentX::ei[AgentX::kPaddingNotZero]));
  EXPECT_EQ(d.tree.first_malformed(), tree::kNoNode);
  // The padding diagnostic sits on the octet string's nodes, not the top.
  bool on_top = false;
  for (tree::DiagnosticId i = d.tree.node(d.node).first_diagnostic; i != tree::kNoDiagnostic;
       i = d.tree.diagnostic(i).next) {
    on_top |= d.tree.diagnostic(i).expert == AgentX::ei[AgentX::kPaddingNotZero];
  }
  EXPECT_FALSE(on_top);
}

// Hostile input: every prefix of a PDU, and every single octet replaced by
// each of a few values, gives a well-formed tree; a cut PDU is marked
// malformed with the error's offset, and the Info appears once the header
// is whole.
TEST(AgentXHostileTest, EveryTruncationAndCorruption) {
  for (ByteOrder order : {ByteOrder::kLittleEndian, ByteOrder::kBigEndian}) {
    const std::string pdu = ResponsePdu(order);
    Dissected d;
    for (size_t n = 0; n < pdu.size(); ++n) {
      SCOPED_TRACE(n);
      Dissect(pdu.substr(0, n), &d);
      if (::testing::Test::HasFailure()) return;
      EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
      EXPECT_TRUE(HasExpert(d.tree, Malformed::ei[Malformed::kExpert]));
      EXPECT_EQ(d.tree.info().empty(), n < 20);
    }
    for (size_t i = 0; i < pdu.size(); ++i) {
      for (uint8_t v : {0x00, 0x01, 0x7f, 0x80, 0xff}) {
        std::string bad = pdu;
        bad[i] = static_cast<char>(v);
        Dissect(bad, &d);
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
}

TEST(AgentXHostileTest, LyingAndOversizedLengths) {
  const std::string pdu = ResponsePdu(ByteOrder::kLittleEndian);
  const std::string payload = pdu.substr(20);
  Dissected d;
  // payload_length past the input: nothing of the body reaches past it.
  PduBuilder longer;
  longer.Raw(payload);
  Dissect(longer.Build(PduType::kResponse, 5, 6, 7, 0, payload.size() + 400), &d);
  EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
  // payload_length short of the VarBinds: they are cut at the claimed end.
  PduBuilder shorter;
  shorter.Raw(payload);
  Dissect(shorter.Build(PduType::kResponse, 5, 6, 7, 0, 24), &d);
  EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
  for (NodeId id : FindAll(d.tree, AgentX::hf[AgentX::kVarBind])) {
    EXPECT_LE(d.tree.node(id).range.end(), kAt + 20 + 24);
  }
  // payload_length at 4 GiB - 1, over the codec's cap.
  Dissect(PduBuilder().Build(PduType::kGet, 1, 2, 3, 0, 0xffffffff), &d);
  EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
  // n_subid 255 (RFC 2741 5.1 allows 128), an octet string claiming 4 GiB,
  // an unknown v.type.
  PduBuilder oid;
  oid.U8(255).U8(0).U8(0).U8(0).Raw(std::string(64, '\1'));
  Dissect(oid.Build(PduType::kRemoveAgentCaps), &d);
  EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
  PduBuilder str;
  str.U8(1).U8(0).U8(0).U8(0).Oid({1, 3, 6, 1, 4, 1, 8072}).U32(0xffffffff).Raw("abcd");
  Dissect(str.Build(PduType::kOpen), &d);
  EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
  PduBuilder tag;
  tag.U16(99).U16(0).Oid({1, 3, 6, 1, 2, 1, 1, 1, 0}).U32(1);
  Dissect(tag.Build(PduType::kTestSet), &d);
  EXPECT_NE(d.tree.first_malformed(), tree::kNoNode);
  EXPECT_EQ(Uints(d.tree, AgentX::kVarBindType), (std::vector<uint64_t>{99}));
}

// The framing the reassembler calls, over octets split between what the
// stream held and the new segment.
TEST(AgentXFramingTest, LengthFromTheHeader) {
  using reassembly::PduLength;
  using reassembly::PduPrefix;
  const std::string pdu = ResponsePdu(ByteOrder::kBigEndian);
  const auto bytes = agentx::testing::AsBytes(pdu);
  for (size_t held = 0; held <= pdu.size(); ++held) {
    for (size_t fresh = 0; held + fresh <= pdu.size(); fresh += 7) {
      const PduLength l = AgentXPduLength(PduPrefix(bytes.subspan(0, held),
                                                    bytes.subspan(held, fresh)));
      if (held + fresh < 20) {
        EXPECT_EQ(l.state, PduLength::kNeedMore);
      } else {
        EXPECT_EQ(l.state, PduLength::kOk);
        EXPECT_EQ(l.total, pdu.size());
      }
    }
  }
  std::string v2 = pdu;
  v2[0] = 2;  // h.version 2: not the start of an AgentX PDU
  EXPECT_EQ(AgentXPduLength(PduPrefix({}, agentx::testing::AsBytes(v2.substr(0, 1)))).state,
            PduLength::kInvalid);
  const std::string huge = PduBuilder().Build(PduType::kGet, 1, 2, 3, 0, 0x7fffffff);
  EXPECT_EQ(AgentXPduLength(PduPrefix({}, agentx::testing::AsBytes(huge))).state,
            PduLength::kInvalid);
}

// Through the pipeline: TCP port 705, two PDUs in one segment, one PDU over
// two segments (reassembled), and decode-as for another port.
class AgentXPipelineTest : public ::testing::Test {
 protected:
  const pipeline::FrameResult& Run(uint16_t src, uint16_t dst, uint32_t seq,
                                   const std::string& payload) {
    testing::Ipv4Options ip;
    ip.protocol = 6;
    testing::TcpOptions tcp;
    tcp.src = src;
    tcp.dst = dst;
    tcp.seq = seq;
    frames_.push_back(testing::Ethernet(0x0800, testing::Ipv4(testing::Tcp(tcp, payload), ip)));
    pipeline::FrameInput in;
    in.link_type = 1;
    in.number = frames_.size();
    in.data = agentx::testing::AsBytes(frames_.back());
    const pipeline::FrameResult& r = dissector_.Dissect(in, &tree_);
    ExpectWellFormedTree(tree_, frames_.back().size());
    return r;
  }
  std::string Protocols() const {
    return std::string(tree_.TextValue(tree_.Find(Frame::hf[Frame::kProtocols])));
  }

  std::vector<std::string> frames_;
  pipeline::FrameDissector dissector_;
  Tree tree_;
};

TEST_F(AgentXPipelineTest, PortHandOffAndStreamReassembly) {
  const std::string ping = PduBuilder().Build(PduType::kPing, 5, 0, 1);
  const std::string response = ResponsePdu(ByteOrder::kLittleEndian);
  Run(44662, 705, 1000, ping + response);
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:tcp:agentx");
  EXPECT_EQ(FindAll(tree_, AgentX::hf[AgentX::kAgentX]).size(), 2u);
  EXPECT_EQ(tree_.info().substr(0, 13), "Response-PDU:");  // the last PDU's
  // The response again, cut in two: nothing AgentX until the second part.
  const uint32_t next = 1000 + static_cast<uint32_t>(ping.size() + response.size());
  Run(44662, 705, next, response.substr(0, 30));
  EXPECT_EQ(tree_.Find(AgentX::hf[AgentX::kAgentX]), tree::kNoNode);
  Run(44662, 705, next + 30, response.substr(30));
  const auto nodes = FindAll(tree_, AgentX::hf[AgentX::kAgentX]);
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_NE(tree_.node(nodes[0]).range.source, tree::kFrameSource);  // reassembled
  EXPECT_EQ(Uints(tree_, AgentX::kVarBindType).size(), 5u);
  // Garbage on the port: shown as malformed AgentX, the next PDU resynchronises.
  Run(44662, 705, next + static_cast<uint32_t>(response.size()), "\x07garbage");
  EXPECT_NE(tree_.first_malformed(), tree::kNoNode);
}

TEST_F(AgentXPipelineTest, DecodeAs) {
  const std::string ping = PduBuilder().Build(PduType::kPing, 5, 0, 1);
  Run(40000, 7050, 1, ping);
  EXPECT_EQ(tree_.Find(AgentX::hf[AgentX::kAgentX]), tree::kNoNode);
  ASSERT_TRUE(dissector_.registry().AddDecodeAs("tcp.port==7050,agentx").ok());
  Run(40001, 7050, 1, ping);
  EXPECT_EQ(Protocols(), "eth:ethertype:ip:tcp:agentx");
}

}  // namespace
}  // namespace snmpdissect::proto
