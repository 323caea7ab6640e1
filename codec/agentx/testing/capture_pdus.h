// Test support: the AgentX PDUs carried in a capture file (TCP port 705,
// RFC 2741 8.1), for tests and tools that check the codec against real
// net-snmp traffic (corpus/pcap/agentx.pcap). Test-only: the codec knows
// nothing of captures, and the dissector has its own reassembler.
//
// Handles what tools/gen-corpus.sh records on loopback: Ethernet, Linux
// SLL, raw IP or BSD NULL carrying unfragmented IPv4/IPv6 and TCP. Each
// direction of each connection is one stream, cut into PDUs by
// agentx::FramePdu; a PDU belongs to the frame that completes it (as
// Wireshark reports a reassembled PDU). Retransmitted octets are dropped
// by sequence number.

#ifndef SNMPDISSECT_CODEC_AGENTX_TESTING_CAPTURE_PDUS_H_
#define SNMPDISSECT_CODEC_AGENTX_TESTING_CAPTURE_PDUS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace snmpdissect::agentx::testing {

inline constexpr int kAgentxPort = 705;

struct CapturedPdu {
  int frame = 0;       // 1-based number of the frame that completes the PDU
  std::string bytes;   // header and payload
};

// Every whole PDU, in capture order. A stream that does not frame as
// AgentX (FramePdu kInvalid) is reported as an error.
absl::StatusOr<std::vector<CapturedPdu>> ReadCapturePdus(const std::string& path,
                                                         int port = kAgentxPort);

}  // namespace snmpdissect::agentx::testing

#endif  // SNMPDISSECT_CODEC_AGENTX_TESTING_CAPTURE_PDUS_H_
