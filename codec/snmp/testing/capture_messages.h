// Test support: the SNMP messages carried in a capture file, for tests that
// decode real net-snmp traffic from corpus/pcap/. Test-only: codec/ itself
// knows nothing of captures (DESIGN.md); the dissector's real pipeline lives
// in dissector/.
//
// Handles what tools/gen-corpus.sh records on loopback: Ethernet (and Linux
// cooked SLL/SLL2, raw IP, BSD NULL) carrying unfragmented IPv4/IPv6, UDP
// datagrams to or from ports 161/162, and TCP streams on those ports split
// into back-to-back BER messages (RFC 3430).

#ifndef SNMPDISSECT_CODEC_SNMP_TESTING_CAPTURE_MESSAGES_H_
#define SNMPDISSECT_CODEC_SNMP_TESTING_CAPTURE_MESSAGES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace snmpdissect::snmp::testing {

struct CapturedMessage {
  int frame = 0;          // 1-based frame number of the last segment
  bool tcp = false;
  std::string bytes;
};

absl::StatusOr<std::vector<CapturedMessage>> ReadCaptureMessages(const std::string& path);

// The source tree (SNMPDISSECT_SOURCE_DIR, set by ctest) and the captures in
// corpus/pcap/, sorted by name.
std::string SourceDir();
std::vector<std::string> CorpusCaptures();

}  // namespace snmpdissect::snmp::testing

#endif  // SNMPDISSECT_CODEC_SNMP_TESTING_CAPTURE_MESSAGES_H_
