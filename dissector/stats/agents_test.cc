#include "dissector/stats/agents.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/stats/stats_testing.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::stats {
namespace {

using namespace proto::testing;  // NOLINT: frame builders
using namespace snmp::testing;   // NOLINT: BER builders
using ::testing::HasSubstr;
using ::testing::Not;

constexpr uint32_t kManager = 0x0a000001;  // 10.0.0.1
constexpr uint32_t kAgent = 0x0a000002;    // 10.0.0.2

// Hand-built frames through the pipeline (with request matching, as the
// tool runs it) into SnmpAgents.
class AgentsTest : public ::testing::Test {
 protected:
  explicit AgentsTest(size_t max_pairs = kMaxAgentPairs) : agents_(nullptr, "", max_pairs) {}

  void Send(uint32_t src, uint16_t sport, uint32_t dst, uint16_t dport, const std::string& snmp,
            SnmpAgents* agents = nullptr) {
    Ipv4Options ip;
    ip.protocol = 17;
    ip.src = src;
    ip.dst = dst;
    frame_ = Ethernet(0x0800, Ipv4(Udp(sport, dport, snmp), ip));
    pipeline::FrameInput in;
    in.link_type = 1;
    in.number = ++number_;
    in.timestamp_ns = 1700000000'000000000 + static_cast<int64_t>(number_) * 1000000;
    in.data = AsBytes(frame_);
    const pipeline::FrameResult& r = dissector_.Dissect(in, &tree_);
    (agents != nullptr ? agents : &agents_)->AddFrame(in, tree_, r);
  }
  static std::string V2(uint8_t pdu, int64_t id, const std::string& varbinds,
                        const std::string& community = "public", int64_t status = 0) {
    return Seq(Int(1) + Octets(community) + Tlv(pdu, Int(id) + Int(status) + Int(0) + Seq(varbinds)));
  }
  const AgentPair* Pair(uint32_t manager, uint32_t agent, uint16_t port,
                        bool listener_is_manager = false) {
    PairKey k;
    k.ip_version = 4;
    k.port = port;
    k.listener_is_manager = listener_is_manager;
    for (int i = 0; i < 4; ++i) {
      k.manager[i] = static_cast<uint8_t>(manager >> (24 - 8 * i));
      k.agent[i] = static_cast<uint8_t>(agent >> (24 - 8 * i));
    }
    return const_cast<AgentTable&>(agents_.table()).Find(k);
  }
  std::string Text() const {
    std::string out;
    agents_.AppendText(&out);
    return out;
  }
  std::string Json() const {
    std::string out;
    agents_.AppendJson(&out);
    return out;
  }

  SnmpAgents agents_;
  pipeline::FrameDissector dissector_;
  tree::Tree tree_;
  std::string frame_;
  uint64_t number_ = 0;
};

TEST_F(AgentsTest, RequestsResponsesErrorsAndTheSystemGroup) {
  const std::string null = Tlv(0x05, "");
  const std::string sys_name = OidHex("2b06010201010500");
  Send(kManager, 40000, kAgent, 161, V2(0xa0, 1, Vb(SysDescr0(), null) + Vb(sys_name, null)));
  Send(kAgent, 161, kManager, 40000,
       V2(0xa2, 1, Vb(SysDescr0(), Octets("Linux box")) + Vb(sys_name, Octets("box"))));
  Send(kManager, 40001, kAgent, 161, V2(0xa3, 2, Vb(sys_name, Octets("x")), "private"));
  Send(kAgent, 161, kManager, 40001, V2(0xa2, 2, Vb(sys_name, Octets("x")), "private", 17));
  Send(kManager, 40002, kAgent, 161, V2(0xa1, 3, Vb(SysDescr0(), null)));  // never answered
  const AgentPair* p = Pair(kManager, kAgent, 161);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(agents_.table().size(), 1u);  // the manager's ports are not part of the key
  EXPECT_EQ(p->messages, 5u);
  EXPECT_EQ(p->versions, 1u << 1);
  EXPECT_EQ(p->pdus[0], 1u);
  EXPECT_EQ(p->pdus[1], 1u);
  EXPECT_EQ(p->pdus[2], 2u);
  EXPECT_EQ(p->pdus[3], 1u);
  EXPECT_EQ(p->error_status[17], 1u);
  EXPECT_EQ(p->requests, 3u);
  EXPECT_EQ(p->unanswered(), 1u);
  ASSERT_EQ(p->sys_descr.size(), 1u);
  EXPECT_EQ(p->sys_descr.text(0), "Linux box");
  // Only responses name the agent: the set-request's "x" is not its name.
  // The set's response echoes it, and is kept.
  ASSERT_EQ(p->sys_name.size(), 2u);
  EXPECT_EQ(p->sys_name.text(0), "box");
  const std::string text = Text();
  EXPECT_THAT(text, HasSubstr("Manager 10.0.0.1 -> agent 10.0.0.2 port 161\n"));
  EXPECT_THAT(text, HasSubstr("  Communities:  \"public\", \"private\"\n"));
  EXPECT_THAT(text, HasSubstr("  PDUs:         get-request 1, get-next-request 1, "
                              "get-response 2, set-request 1\n"));
  EXPECT_THAT(text, HasSubstr("  Errors:       notWritable 1\n"));
  EXPECT_THAT(text, HasSubstr("  Requests:     3 (unanswered 1)\n"));
  EXPECT_THAT(text, HasSubstr("  sysDescr:     \"Linux box\"\n"));
  EXPECT_THAT(text, HasSubstr("Pairs: 1 (at most 4096 kept; 0 evicted, with 0 messages)\n"));
  const std::string json = Json();
  EXPECT_THAT(json, HasSubstr("\"manager\":\"10.0.0.1\",\"agent\":\"10.0.0.2\",\"port\":161,"
                              "\"listener\":\"agent\""));
  EXPECT_THAT(json, HasSubstr("\"pdus\":{\"get-request\":1,\"get-next-request\":1,"
                              "\"get-response\":2,\"set-request\":1}"));
  EXPECT_THAT(json, HasSubstr("\"error_status\":{\"notWritable\":1},\"requests\":3,"
                              "\"unanswered\":1,\"unmatched_responses\":0"));
}

// error-status values RFC 3416 does not name (19 and 20 here) are counted
// by their numbers: one "Unknown" each would repeat a JSON key, and a JSON
// reader keeps only the last of them.
TEST_F(AgentsTest, UnnamedErrorStatusValuesKeepTheirNumbers) {
  const std::string null = Tlv(0x05, "");
  Send(kManager, 40000, kAgent, 161, V2(0xa0, 1, Vb(SysDescr0(), null)));
  Send(kAgent, 161, kManager, 40000, V2(0xa2, 1, Vb(SysDescr0(), null), "public", 19));
  Send(kManager, 40001, kAgent, 161, V2(0xa0, 2, Vb(SysDescr0(), null)));
  Send(kAgent, 161, kManager, 40001, V2(0xa2, 2, Vb(SysDescr0(), null), "public", 20));
  EXPECT_THAT(Text(), HasSubstr("  Errors:       19 1, 20 1\n"));
  EXPECT_THAT(Json(), HasSubstr("\"error_status\":{\"19\":1,\"20\":1}"));
}

TEST_F(AgentsTest, UnmatchedResponsesStartTheAgentsPair) {
  Send(kAgent, 161, kManager, 40000, V2(0xa2, 77, ""));
  Send(kAgent, 161, kManager, 40000, V2(0xa2, 78, ""));
  const AgentPair* p = Pair(kManager, kAgent, 161);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->unmatched_responses, 2u);
  EXPECT_EQ(p->requests, 0u);
  EXPECT_EQ(p->unanswered(), 0u);
  EXPECT_THAT(Text(), HasSubstr("  Unmatched responses: 2\n"));
}

TEST_F(AgentsTest, AnInformsAnswerCountsUnderTheInform) {
  // An SNMPv2 inform from the agent to the manager's port 162, and a
  // get-request to that port (a command to the receiver: its own record)
  // answered from the same port, then the inform's answer.
  Send(kAgent, 50000, kManager, 162, V2(0xa6, 5, ""));
  Send(kAgent, 50001, kManager, 162, V2(0xa0, 6, ""));
  Send(kManager, 162, kAgent, 50001, V2(0xa2, 6, ""));
  Send(kManager, 162, kAgent, 50000, V2(0xa2, 5, ""));
  Send(kAgent, 50002, kManager, 162, V2(0xa7, 7, ""));  // snmpV2-trap
  const AgentPair* inform = Pair(kManager, kAgent, 162, /*listener_is_manager=*/true);
  ASSERT_NE(inform, nullptr);
  EXPECT_EQ(inform->pdus[6], 1u);
  EXPECT_EQ(inform->pdus[2], 1u);
  EXPECT_EQ(inform->pdus[7], 1u);
  EXPECT_EQ(inform->unanswered(), 0u);
  const AgentPair* command = Pair(kAgent, kManager, 162);
  ASSERT_NE(command, nullptr);
  EXPECT_EQ(command->pdus[0], 1u);
  EXPECT_EQ(command->pdus[2], 1u);
  EXPECT_THAT(Text(), HasSubstr("Agent 10.0.0.2 -> manager 10.0.0.1 port 162\n"));
}

TEST_F(AgentsTest, HugeAndHostileCommunitiesAreCutAndEscaped) {
  const std::string huge(60000, 'c');
  Send(kManager, 40000, kAgent, 161, V2(0xa0, 1, "", huge));
  Send(kManager, 40000, kAgent, 161, V2(0xa0, 2, "", "\x1b]0;owned\x07\xff"));
  for (int i = 0; i < 10; ++i) {
    Send(kManager, 40000, kAgent, 161, V2(0xa0, 3 + i, "", absl::StrCat("c", i)));
  }
  const AgentPair* p = Pair(kManager, kAgent, 161);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->communities.size(), 4u);
  EXPECT_EQ(p->communities.not_kept(), 8u);
  const std::string text = Text();
  EXPECT_THAT(text, HasSubstr(absl::StrCat("\"", std::string(64, 'c'), "\"..., ")));
  EXPECT_THAT(text, HasSubstr("\"\\x1b]0;owned\\x07\\xff\""));
  EXPECT_THAT(text, HasSubstr("(and 8 messages naming others)"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b")));
  EXPECT_LT(text.size(), 2000u);
  const std::string json = Json();
  EXPECT_THAT(json, HasSubstr("{\"text\":\"" + std::string(64, 'c') + "\",\"truncated\":true}"));
  EXPECT_THAT(json, HasSubstr("\\u001b]0;owned\\u0007\\ufffd"));
  EXPECT_THAT(json, HasSubstr("\"communities_messages_not_kept\":8"));
}

TEST_F(AgentsTest, SnmpV3WithoutAUserAndWithoutKeys) {
  const std::string scoped = Seq(Octets("") + Octets("") + Tlv(0xa0, Int(9) + Int(0) + Int(0) + Seq("")));
  // Engine discovery: an empty user, noAuthNoPriv, reportable.
  Send(kManager, 40000, kAgent, 161, V3("\x04", UsmFields("", ""), scoped));
  // The security parameters missing altogether: no user at all.
  Send(kManager, 40000, kAgent, 161,
       Seq(Int(3) + Seq(Int(43) + Int(65507) + Octets("\x04") + Int(3)) + Octets("") + scoped));
  // authPriv, encrypted, and no user to decrypt it: unreadable, and a
  // request by its reportable flag.
  Send(kManager, 40000, kAgent, 161,
       V3(std::string("\x07", 1), UsmFields(NetSnmpEngineId(), "alice", std::string(12, 'a'),
                                            std::string(8, 'p')),
          Octets(std::string(40, '\x55'))));
  const AgentPair* p = Pair(kManager, kAgent, 161);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->messages, 3u);
  EXPECT_EQ(p->versions, 1u << 3);
  ASSERT_EQ(p->users.size(), 2u);
  EXPECT_EQ(p->users.text(0), "");
  EXPECT_EQ(p->users.text(1), "alice");
  EXPECT_EQ(p->security_levels, (1u << 0) | (1u << 3));  // noAuthNoPriv, authPriv
  // The message without security parameters stops decoding before its
  // PDU (malformed): unreadable too, and counted under the same pair.
  EXPECT_EQ(p->unreadable_pdus, 2u);
  EXPECT_EQ(p->pdus[0], 1u);
  const std::string text = Text();
  EXPECT_THAT(text, HasSubstr("  Users:        \"\", \"alice\"\n"));
  EXPECT_THAT(text, HasSubstr("  Security:     noAuthNoPriv, authPriv\n"));
  EXPECT_THAT(text, HasSubstr("  Unreadable:   2\n"));
}

TEST_F(AgentsTest, ReportsCountByTheirCounter) {
  const std::string scoped_get =
      Seq(Octets("") + Octets("") + Tlv(0xa0, Int(9) + Int(0) + Int(0) + Seq("")));
  const std::string unknown_engine = OidHex("2b060106030f01010400");   // usmStatsUnknownEngineIDs.0
  const std::string other = OidHex("2b06010401");                      // not a counter
  const auto report = [](const std::string& varbinds) {
    return Seq(Octets(NetSnmpEngineId()) + Octets("") +
               Tlv(0xa8, Int(9) + Int(0) + Int(0) + Seq(varbinds)));
  };
  Send(kManager, 40000, kAgent, 161, V3("\x04", UsmFields("", ""), scoped_get));
  Send(kAgent, 161, kManager, 40000,
       V3(std::string("\x00", 1), UsmFields(NetSnmpEngineId(), ""),
          report(Vb(unknown_engine, Tlv(0x41, "\x05")))));
  Send(kAgent, 161, kManager, 40000,
       V3(std::string("\x00", 1), UsmFields(NetSnmpEngineId(), ""), report(Vb(other, Int(1)))));
  const AgentPair* p = Pair(kManager, kAgent, 161);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->pdus[8], 2u);
  EXPECT_EQ(p->requests, 1u);
  EXPECT_EQ(p->unanswered(), 0u);
  EXPECT_THAT(Text(), HasSubstr("  Reports:      usmStatsUnknownEngineIDs 1, unknown 1\n"));
  EXPECT_THAT(Json(), HasSubstr("\"reports\":{\"usmStatsUnknownEngineIDs\":1,\"unknown\":1}"));
}

TEST_F(AgentsTest, TheFilterChoosesFrames) {
  std::unique_ptr<filter::DisplayFilter> filter;
  filter::FilterError error;
  filter = filter::DisplayFilter::Compile("snmp.community == \"private\"", &error);
  ASSERT_NE(filter, nullptr) << error.message;
  SnmpAgents only_private(filter.get(), "snmp.community == \"private\"");
  Send(kManager, 40000, kAgent, 161, V2(0xa0, 1, ""), &only_private);
  Send(kManager, 40000, kAgent, 161, V2(0xa0, 2, "", "private"), &only_private);
  std::string text;
  only_private.AppendText(&text);
  EXPECT_THAT(text, HasSubstr("Filter: snmp.community == \"private\"\n"));
  EXPECT_THAT(text, HasSubstr("  Messages:     1\n"));
  EXPECT_THAT(text, HasSubstr("  Communities:  \"private\"\n"));
}

class SmallAgentsTest : public AgentsTest {
 protected:
  SmallAgentsTest() : AgentsTest(64) {}
};

// Thousands of spoofed managers, past the cap: the table stays at its cap,
// the output says how many pairs and messages it evicted.
TEST_F(SmallAgentsTest, ThousandsOfPairsPastTheCap) {
  for (uint32_t i = 0; i < 3000; ++i) {
    Send(0x0b000000 + i, 40000, kAgent, 161, V2(0xa0, i, ""));
  }
  EXPECT_EQ(agents_.table().size(), 64u);
  EXPECT_EQ(agents_.table().evicted_pairs(), 3000u - 64u);
  EXPECT_EQ(agents_.table().evicted_messages(), 3000u - 64u);
  const std::string text = Text();
  EXPECT_THAT(text, HasSubstr("Pairs: 64 (at most 64 kept; 2936 evicted, with 2936 messages)\n"));
  EXPECT_THAT(text, HasSubstr("Manager 11.0.11.183 -> agent 10.0.0.2 port 161\n"));  // the last
  EXPECT_THAT(Json(), HasSubstr("\"max_pairs\":64,\"evicted_pairs\":2936,"
                                "\"evicted_messages\":2936,\"pairs\":["));
}

// The corpus: numbers checked against tshark by tools/snmpdissect/
// tshark_agents_test.py (frames counted with -Y per pair and PDU type).
TEST(AgentsCorpusTest, V1V2c) {
  SnmpAgents agents(nullptr, "");
  testing::ForEachFrame("v1-v2c.pcap", [&](const pipeline::FrameInput& in, const tree::Tree& tree,
                                           const pipeline::FrameResult& result) {
    agents.AddFrame(in, tree, result);
  });
  ASSERT_EQ(agents.table().size(), 1u);
  agents.table().ForEach([](const AgentPair& p) {
    EXPECT_EQ(p.key.port, 161);
    EXPECT_EQ(p.messages, 234u);
    EXPECT_EQ(p.versions, 0b11u);
    EXPECT_EQ(p.pdus, (std::array<uint64_t, kPduTypes>{6, 91, 117, 8, 0, 12, 0, 0, 0}));
    EXPECT_EQ(p.requests, 117u);
    EXPECT_EQ(p.unanswered(), 0u);
    EXPECT_EQ(p.error_status[2], 4u);  // noSuchName
  });
}

}  // namespace
}  // namespace snmpdissect::stats
