// Who sent an SNMP message to whom: the transport 5-tuple of one message,
// as the capture pipeline found it (IPv4 or IPv6 addresses, UDP or TCP
// ports). The request tracker turns it into a conversation key.
//
//   conversation::Flow flow;
//   flow.ip_version = 4;
//   flow.transport = conversation::kUdp;
//   flow.src[0..3] = 192.0.2.1; flow.src_port = 40000;
//   flow.dst[0..3] = 192.0.2.2; flow.dst_port = 161;
//
// Plain data, no ownership.

#ifndef SNMPDISSECT_DISSECTOR_CONVERSATION_FLOW_H_
#define SNMPDISSECT_DISSECTOR_CONVERSATION_FLOW_H_

#include <array>
#include <cstdint>

namespace snmpdissect::conversation {

// IANA protocol numbers of the transports SNMP runs over (RFC 3417).
inline constexpr uint8_t kUdp = 17;
inline constexpr uint8_t kTcp = 6;

struct Flow {
  uint8_t ip_version = 0;  // 4 or 6; 0: no IP layer (then nothing is matched)
  uint8_t transport = 0;   // kUdp, kTcp; 0: none (nothing is matched)
  std::array<uint8_t, 16> src{};  // IPv4 in the first 4 octets, the rest 0
  std::array<uint8_t, 16> dst{};
  uint16_t src_port = 0;
  uint16_t dst_port = 0;

  friend bool operator==(const Flow&, const Flow&) = default;
};

}  // namespace snmpdissect::conversation

#endif  // SNMPDISSECT_DISSECTOR_CONVERSATION_FLOW_H_
