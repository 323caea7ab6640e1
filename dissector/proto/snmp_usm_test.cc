// The SNMP tree with USM processing: verdicts, the decrypted ScopedPDU as a
// data source of its own, failure experts, Report counters, and no secrets
// in the output.

#include <string>

#include "codec/snmp/testing/tlv.h"
#include "codec/usm/testing/messages.h"
#include "dissector/proto/snmp.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/testing/snmp_test_util.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using testing::Dissect;
using testing::Dissected;
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using usm::AuthProtocol;
using usm::PrivProtocol;
using usm::testing::Build;
using usm::testing::BuildOptions;
using usm::testing::User;

// The experts on `node`.
std::vector<ExpertId> ExpertsOn(const tree::Tree& tree, NodeId node) {
  std::vector<ExpertId> experts;
  for (tree::DiagnosticId d = tree.node(node).first_diagnostic; d != tree::kNoDiagnostic;
       d = tree.diagnostic(d).next) {
    experts.push_back(tree.diagnostic(d).expert);
  }
  return experts;
}

bool HasExpert(const tree::Tree& tree, ExpertId expert) {
  for (tree::DiagnosticId d = 0; d < tree.diagnostic_count(); ++d) {
    if (tree.diagnostic(d).expert == expert) return true;
  }
  return false;
}

TEST(SnmpUsmTest, DecryptedScopedPduIsADataSourceOfItsOwn) {
  const usm::UserConfig alice = User("alice", AuthProtocol::kSha256, PrivProtocol::kAes128);
  usm::Processor processor({alice});
  BuildOptions o;
  o.sender_priv = PrivProtocol::kAes128;
  const std::string message = Build(alice, o);
  Dissected d;
  Dissect(message, &d, /*frame_offset=*/42, &processor);
  ASSERT_FALSE(d.result.malformed());
  const tree::Tree& t = d.tree;

  const NodeId auth = t.Find(Snmp::hf[Snmp::kV3Auth]);
  ASSERT_NE(auth, tree::kNoNode);
  EXPECT_TRUE(t.BoolValue(auth));
  EXPECT_TRUE(t.node(auth).generated);
  EXPECT_EQ(t.node(auth).parent, t.Find(Snmp::hf[Snmp::kMsgAuthenticationParameters]));
  EXPECT_EQ(ExpertsOn(t, auth), std::vector<ExpertId>{Snmp::ei[Snmp::kAuthenticationOk]});
  EXPECT_EQ(t.TextValue(t.Find(Snmp::hf[Snmp::kUsmAuthProtocol])), "HMAC-SHA-256");

  const NodeId plain = t.Find(Snmp::hf[Snmp::kDecryptedPdu]);
  ASSERT_NE(plain, tree::kNoNode);
  EXPECT_EQ(t.field(t.node(plain).parent).id, Snmp::hf[Snmp::kEncryptedPdu]);
  EXPECT_EQ(t.TextValue(plain), usm::testing::ScopedPdu());
  // Its own range is where it came from: the encryptedPDU in the frame.
  EXPECT_EQ(t.node(plain).range, t.node(t.node(plain).parent).range);
  EXPECT_EQ(t.node(plain).range.source, tree::kFrameSource);

  // Everything dissected from it points into the plaintext.
  const NodeId request_id = t.Find(Snmp::hf[Snmp::kRequestId]);
  ASSERT_NE(request_id, tree::kNoNode);
  EXPECT_EQ(t.IntValue(request_id), 1234);
  EXPECT_EQ(t.node(request_id).range.source, plain);
  const NodeId context = t.Find(Snmp::hf[Snmp::kContextEngineId]);
  ASSERT_NE(context, tree::kNoNode);
  EXPECT_EQ(t.node(context).parent, plain);
  EXPECT_EQ(t.node(context).range, (tree::Range{2, 24, plain}));
  EXPECT_NE(t.Find(Snmp::hf[Snmp::kEngineIdText], context), tree::kNoNode);
  EXPECT_EQ(t.TextValue(t.Find(Snmp::hf[Snmp::kUsmPrivProtocol])), "AES-128");

  EXPECT_NE(d.text.find("Decrypted ScopedPDU: 30"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("[Authentication: OK]"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("request-id: 1234"), std::string::npos) << d.text;
}

TEST(SnmpUsmTest, WithoutUsersNothingChanges) {
  const usm::UserConfig alice = User("alice", AuthProtocol::kSha1, PrivProtocol::kDes);
  BuildOptions o;
  o.sender_priv = PrivProtocol::kDes;
  const std::string message = Build(alice, o);
  Dissected d;
  Dissect(message, &d);
  EXPECT_EQ(d.tree.Find(Snmp::hf[Snmp::kV3Auth]), tree::kNoNode);
  EXPECT_EQ(d.tree.Find(Snmp::hf[Snmp::kDecryptedPdu]), tree::kNoNode);
  EXPECT_EQ(d.tree.diagnostic_count(), 0u);
}

TEST(SnmpUsmTest, WrongPasswordsSayWhatFailed) {
  const usm::UserConfig alice = User("alice", AuthProtocol::kSha1, PrivProtocol::kAes128);
  usm::UserConfig wrong = alice;
  wrong.auth_password = "S3cretAuthWrong";
  wrong.priv_password = "S3cretPrivWrong";
  usm::Processor processor({wrong});
  BuildOptions o;
  o.sender_priv = PrivProtocol::kAes128;
  const std::string message = Build(alice, o);
  Dissected d;
  Dissect(message, &d, 0, &processor);
  const tree::Tree& t = d.tree;
  const NodeId auth = t.Find(Snmp::hf[Snmp::kV3Auth]);
  ASSERT_NE(auth, tree::kNoNode);
  EXPECT_FALSE(t.BoolValue(auth));
  EXPECT_EQ(ExpertsOn(t, auth), std::vector<ExpertId>{Snmp::ei[Snmp::kAuthenticationError]});
  const NodeId plain = t.Find(Snmp::hf[Snmp::kDecryptedPdu]);
  ASSERT_NE(plain, tree::kNoNode);
  EXPECT_EQ(ExpertsOn(t, plain),
            std::vector<ExpertId>{Snmp::ei[Snmp::kDecryptedDataBadFormatted]});
  // Garbage is not dissected.
  EXPECT_EQ(t.Find(Snmp::hf[Snmp::kRequestId]), tree::kNoNode);
  EXPECT_NE(d.text.find("[Authentication: Failed]"), std::string::npos) << d.text;
  EXPECT_NE(d.text.find("wrong key?"), std::string::npos) << d.text;
  // Passwords never appear, in any form.
  EXPECT_EQ(d.text.find("S3cret"), std::string::npos);
  EXPECT_EQ(d.text.find("alice-authpass"), std::string::npos);
}

TEST(SnmpUsmTest, FailuresBeforeAnyCrypto) {
  const usm::UserConfig alice = User("alice", AuthProtocol::kSha1, PrivProtocol::kDes);
  BuildOptions o;
  o.sender_priv = PrivProtocol::kDes;
  const std::string message = Build(alice, o);
  {
    usm::Processor processor({User("bob", AuthProtocol::kSha1, PrivProtocol::kDes)});
    Dissected d;
    Dissect(message, &d, 0, &processor);
    EXPECT_EQ(d.tree.Find(Snmp::hf[Snmp::kV3Auth]), tree::kNoNode);
    EXPECT_EQ(ExpertsOn(d.tree, d.tree.Find(Snmp::hf[Snmp::kMsgAuthenticationParameters])),
              std::vector<ExpertId>{Snmp::ei[Snmp::kVerifyAuthenticationError]});
    EXPECT_EQ(ExpertsOn(d.tree, d.tree.Find(Snmp::hf[Snmp::kEncryptedPdu])),
              std::vector<ExpertId>{Snmp::ei[Snmp::kFailedDecryptedDataPdu]});
    EXPECT_NE(d.text.find("no user \"alice\""), std::string::npos) << d.text;
  }
  {
    usm::Processor processor({alice});
    BuildOptions bad = o;
    bad.sent_salt = "1234567";
    bad.auth = false;
    const std::string salted = Build(alice, bad);
    Dissected d;
    Dissect(salted, &d, 0, &processor);
    EXPECT_NE(d.text.find("msgPrivacyParameters is 7 octets, not 8"), std::string::npos)
        << d.text;
  }
}

TEST(SnmpUsmTest, PlaintextDiagnosticsHangInTheDecryptedTree) {
  // A ScopedPDU with a non-minimal length inside (BER, not DER): the note
  // must hang on a node of the decrypted tree, by plaintext offset.
  using snmp::testing::Hex;
  const usm::UserConfig alice = User("alice", AuthProtocol::kMd5, PrivProtocol::kAes128);
  usm::Processor processor({alice});
  BuildOptions o;
  o.sender_priv = PrivProtocol::kAes128;
  const std::string scoped = usm::testing::ScopedPdu();
  // 30 LL -> 30 81 LL: the same content with a long-form length.
  o.scoped = std::string("\x30\x81", 2) + scoped.substr(1);
  const std::string message = Build(alice, o);
  Dissected d;
  Dissect(message, &d, 0, &processor);
  const tree::Tree& t = d.tree;
  const NodeId plain = t.Find(Snmp::hf[Snmp::kDecryptedPdu]);
  ASSERT_NE(plain, tree::kNoNode);
  EXPECT_NE(t.Find(Snmp::hf[Snmp::kRequestId]), tree::kNoNode);
  bool found = false;
  for (tree::NodeId id = 0; id < t.size(); ++id) {
    for (ExpertId e : ExpertsOn(t, id)) {
      if (e != Snmp::ei[Snmp::kNonMinimalEncoding]) continue;
      found = true;
      // On the decrypted ScopedPDU itself (the outer SEQUENCE's length).
      EXPECT_EQ(id, plain);
    }
  }
  EXPECT_TRUE(found) << d.text;
}

TEST(SnmpUsmTest, ReportCountersAreExplained) {
  using snmp::testing::Hex;
  using snmp::testing::Octets;
  using snmp::testing::OidHex;
  using snmp::testing::PduTlv;
  using snmp::testing::Seq;
  using snmp::testing::Tlv;
  using snmp::testing::V3;
  using snmp::testing::Vb;
  // usmStatsUnknownEngineIDs.0 = 3, as an agent answers discovery.
  const std::string report =
      Seq(Octets(usm::testing::AgentEngineId()) + Octets("") +
          PduTlv(0xa8, Vb(OidHex("2b060106030f01010400"), Tlv(0x41, Hex("03")))));
  const std::string message =
      V3(std::string(1, '\0'), snmp::testing::UsmFields(usm::testing::AgentEngineId(), ""),
         report);
  Dissected d;
  Dissect(message, &d);
  EXPECT_TRUE(HasExpert(d.tree, Snmp::ei[Snmp::kReportCounter]));
  EXPECT_NE(d.text.find("Report: usmStatsUnknownEngineIDs = 3: engine ID discovery"),
            std::string::npos)
      << d.text;
}

TEST(SnmpUsmTest, EveryTruncationDissects) {
  const usm::UserConfig alice = User("alice", AuthProtocol::kSha512, PrivProtocol::kTripleDes);
  usm::Processor processor({alice});
  BuildOptions o;
  o.sender_priv = PrivProtocol::kTripleDes;
  const std::string message = Build(alice, o);
  for (size_t n = 0; n <= message.size(); ++n) {
    Dissected d;
    Dissect(message.substr(0, n), &d, 0, &processor);
    if (n == message.size()) {
      EXPECT_NE(d.tree.Find(Snmp::hf[Snmp::kRequestId]), tree::kNoNode);
    }
  }
}

}  // namespace
}  // namespace snmpdissect::proto
