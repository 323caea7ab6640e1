// Every AgentX PDU of the real net-snmp capture (corpus/pcap/agentx.pcap,
// tools/gen-corpus.sh agentx) decodes without error or diagnostic, and the
// capture holds the PDU types and value types a master and a subagent
// exchange. tools/agentx/tshark_agentx_test.py compares the decoded fields
// with tshark's.

#include <filesystem>
#include <set>
#include <string>

#include "codec/agentx/decode.h"
#include "codec/agentx/describe.h"
#include "codec/agentx/testing/capture_pdus.h"
#include "codec/agentx/testing/pdu_builder.h"
#include "codec/snmp/testing/capture_messages.h"
#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

std::string CapturePath() {
  return snmp::testing::SourceDir() + "/corpus/pcap/agentx.pcap";
}

TEST(CorpusTest, EveryPduOfTheCaptureDecodes) {
  // The capture is part of the repository (tools/gen-corpus.sh agentx): its
  // absence is a failure, not a reason to skip.
  ASSERT_TRUE(std::filesystem::exists(CapturePath())) << "no " << CapturePath();
  const auto pdus = testing::ReadCapturePdus(CapturePath());
  ASSERT_TRUE(pdus.ok()) << pdus.status();
  ASSERT_GT(pdus->size(), 50u);
  std::set<PduType> types;
  std::set<snmp::ValueType> value_types;
  Pdu pdu;
  for (const testing::CapturedPdu& captured : *pdus) {
    const Error e = DecodePdu(testing::AsBytes(captured.bytes), 0, &pdu);
    std::string text;
    AppendDescription(pdu, &text);
    ASSERT_TRUE(e.ok()) << "frame " << captured.frame << ": " << ToStatus(e) << "\n" << text;
    // Only what net-snmp does on purpose: a context on its Responses.
    for (const Diagnostic& d : pdu.diagnostics) {
      EXPECT_EQ(d.code, DiagnosticCode::kContextNotInRfc) << "frame " << captured.frame << "\n"
                                                          << text;
    }
    EXPECT_EQ(pdu.location.length, captured.bytes.size());
    types.insert(pdu.type());
    for (const VarBind& vb : pdu.varbinds) value_types.insert(vb.value.type);
  }
  // What net-snmp's master and subagent exchange in the capture.
  for (PduType type : {PduType::kOpen, PduType::kRegister, PduType::kUnregister,
                       PduType::kGet, PduType::kGetNext, PduType::kTestSet,
                       PduType::kCommitSet, PduType::kCleanupSet, PduType::kNotify,
                       PduType::kPing, PduType::kClose, PduType::kResponse}) {
    EXPECT_TRUE(types.count(type)) << PduTypeName(static_cast<uint8_t>(type));
  }
  using snmp::ValueType;
  for (ValueType type : {ValueType::kInteger, ValueType::kOctetString, ValueType::kNull,
                         ValueType::kObjectIdentifier, ValueType::kIpAddress,
                         ValueType::kCounter32, ValueType::kGauge32, ValueType::kTimeTicks,
                         ValueType::kOpaque, ValueType::kCounter64, ValueType::kNoSuchObject,
                         ValueType::kNoSuchInstance, ValueType::kEndOfMibView}) {
    EXPECT_TRUE(value_types.count(type)) << snmp::ValueTypeName(type);
  }
}

}  // namespace
}  // namespace snmpdissect::agentx
