// Every SNMP message in the real net-snmp captures of corpus/pcap/ through
// the dissector and the text printer: no message is malformed, every tree is
// well formed, and the printed text is free of control characters.

#include <string>

#include "codec/snmp/testing/capture_messages.h"
#include "codec/snmp/testing/tlv.h"
#include "dissector/value/escape.h"
#include "dissector/print/text_tree.h"
#include "dissector/proto/snmp.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/testing/snmp_test_util.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

TEST(SnmpCorpusTest, EveryCapturedMessageDissectsAndPrints) {
  const std::vector<std::string> captures = snmp::testing::CorpusCaptures();
  ASSERT_FALSE(captures.empty()) << "no captures in corpus/pcap (tools/gen-corpus.sh)";
  SnmpDissector dissector;
  tree::Tree tree;
  print::TextTreePrinter printer;
  std::string text;
  size_t total = 0, with_pdu = 0, encrypted = 0, reports = 0, missing_leading_zero = 0;
  for (const std::string& path : captures) {
    auto messages = snmp::testing::ReadCaptureMessages(path);
    ASSERT_TRUE(messages.ok()) << messages.status();
    for (const snmp::testing::CapturedMessage& captured : *messages) {
      SCOPED_TRACE(path + " frame " + std::to_string(captured.frame));
      tree.Clear();
      const SnmpDissection d = dissector.Dissect(snmp::testing::AsBytes(captured.bytes), {},
                                                 &tree, tree::Tree::kRoot);
      EXPECT_FALSE(d.malformed()) << ber::ToStatus(d.error);
      // Only the Note/Response experts for noSuchObject & co., and the
      // counter every Report carries, explained.
      // corpus/pcap/leading-zero.pcap, built to carry non-negative values
      // without their leading 0x00 octet, warns about each by design.
      const bool leading_zero_capture = path.ends_with("/leading-zero.pcap");
      size_t report_notes = 0;
      for (tree::DiagnosticId i = 0; i < tree.diagnostic_count(); ++i) {
        const tree::ExpertId expert = tree.diagnostic(i).expert;
        report_notes += expert == Snmp::ei[Snmp::kReportCounter];
        missing_leading_zero += expert == Snmp::ei[Snmp::kMissingLeadingZero];
        EXPECT_TRUE(expert == Snmp::ei[Snmp::kVarbindResponse] ||
                    expert == Snmp::ei[Snmp::kReportCounter] ||
                    (leading_zero_capture && expert == Snmp::ei[Snmp::kMissingLeadingZero]))
            << tree::GetExpert(expert).abbrev;
      }
      const bool report = tree.Find(Snmp::hf[Snmp::kReportElement]) != tree::kNoNode;
      EXPECT_EQ(report_notes, report ? 1u : 0u);
      reports += report;
      testing::ExpectWellFormedSnmpTree(tree, captured.bytes.size());
      text.clear();
      printer.Print(tree, &text);
      EXPECT_TRUE(value::IsPrintableText(text));
      for (char c : text) ASSERT_TRUE(c == '\n' || static_cast<uint8_t>(c) >= 0x20) << text;
      ++total;
      with_pdu += tree.Find(Snmp::hf[Snmp::kData]) != tree::kNoNode;
      encrypted += tree.Find(Snmp::hf[Snmp::kEncryptedPdu]) != tree::kNoNode;
    }
  }
  EXPECT_GT(total, 100u);
  EXPECT_GT(with_pdu, 50u);
  EXPECT_GT(encrypted, 20u);
  EXPECT_GT(reports, 20u);
  EXPECT_GE(missing_leading_zero, 10u) << "corpus/pcap/leading-zero.pcap";
}

}  // namespace
}  // namespace snmpdissect::proto
