// Every SNMP message in the real net-snmp captures of corpus/pcap/ (made by
// tools/gen-corpus.sh) decodes without a structural error and round-trips:
// decode -> encode -> decode gives an equivalent model, and a message that
// was canonical DER re-encodes to its own bytes.

#include <string>

#include "absl/strings/escaping.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/encode.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace snmpdissect::snmp {
namespace {

using testing::AsBytes;

bool IsLeadingZeroCapture(const std::string& path) {
  return path.ends_with("/leading-zero.pcap");
}

TEST(CorpusTest, EveryCapturedMessageDecodesAndRoundTrips) {
  const std::vector<std::string> captures = testing::CorpusCaptures();
  ASSERT_FALSE(captures.empty()) << "no captures in " << testing::SourceDir()
                                 << "/corpus/pcap (run tools/gen-corpus.sh)";
  size_t total = 0, v3 = 0, encrypted = 0, tcp = 0, missing_leading_zero = 0;
  Message first, second;
  std::string wire;
  for (const std::string& path : captures) {
    auto messages = testing::ReadCaptureMessages(path);
    ASSERT_TRUE(messages.ok()) << messages.status();
    EXPECT_FALSE(messages->empty()) << path;
    for (const testing::CapturedMessage& captured : *messages) {
      SCOPED_TRACE(path + " frame " + std::to_string(captured.frame));
      const ber::Error e = DecodeMessage(AsBytes(captured.bytes), &first);
      ASSERT_TRUE(e.ok()) << ber::ToStatus(e) << "\n"
                          << absl::BytesToHexString(captured.bytes);
      for (const Diagnostic& d : first.diagnostics) {
        // The one built capture of hostile-but-meant encodings
        // (tools/gen-corpus/leading_zero_capture.cc) warns by design.
        if (d.code == DiagnosticCode::kMissingLeadingZero && IsLeadingZeroCapture(path)) {
          ++missing_leading_zero;
          continue;
        }
        ADD_FAILURE() << "unexpected diagnostic: " << DiagnosticText(d.code) << " at "
                      << d.offset;
      }
      wire.clear();
      EncodeMessage(first, &wire);
      ASSERT_TRUE(DecodeMessage(AsBytes(wire), &second).ok());
      EXPECT_TRUE(EquivalentMessages(first, second));
      if (ReencodesExactly(first, captured.bytes.size())) {
        EXPECT_EQ(absl::BytesToHexString(wire), absl::BytesToHexString(captured.bytes));
      }
      ++total;
      v3 += first.is_v3();
      encrypted += first.encrypted;
      tcp += captured.tcp;
    }
  }
  // The generator covers all three versions, every security level, and TCP.
  EXPECT_GT(total, 100u);
  EXPECT_GT(v3, 50u);
  EXPECT_GT(encrypted, 20u);
  EXPECT_GT(tcp, 0u);
  EXPECT_GE(missing_leading_zero, 10u) << "corpus/pcap/leading-zero.pcap";
  std::cout << total << " messages (" << v3 << " SNMPv3, " << encrypted << " encrypted, "
            << tcp << " over TCP) from " << captures.size() << " captures\n";
}

}  // namespace
}  // namespace snmpdissect::snmp
