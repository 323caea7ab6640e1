// Test support: the TCP and UDP segments of a capture file, found by a
// small link/IP walk of our own that shares no code with the dissector, so
// the codec tests that read real captures (codec/snmp/testing,
// codec/agentx/testing) check the codecs against bytes the pipeline did
// not choose. One walk for both: link types Ethernet (with 802.1Q/802.1ad
// tags), Linux SLL and SLL2, BSD loopback and raw IP; IPv4 without
// fragments (the corpus is loopback traffic: none) and the fixed IPv6
// header (no extension headers).
//
//   absl::Status s = ForEachTransportSegment(path, [&](const TransportSegment& t) {
//     if (t.protocol == 6) ... t.data, t.size: the TCP header and payload ...
//   });

#ifndef SNMPDISSECT_CODEC_TESTING_TRANSPORT_SEGMENTS_H_
#define SNMPDISSECT_CODEC_TESTING_TRANSPORT_SEGMENTS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"

namespace snmpdissect::codec_testing {

struct TransportSegment {
  int frame = 0;                // 1-based number of the frame it came in
  int protocol = 0;             // IP protocol: 6 TCP, 17 UDP, ...
  std::string_view addresses;   // source and destination, raw (8 or 32 octets)
  const uint8_t* data = nullptr;  // the transport header and payload
  size_t size = 0;              // up to the IP layer's length and the capture's
};

// Big-endian reads for the callers' header walks.
inline uint16_t Be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
inline uint32_t Be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}

// Calls `visit` for each IP payload of every frame of the capture at
// `path`, in order. NotFound when the file cannot be opened, DataLoss when
// reading stops on a damaged record (every earlier frame was visited).
absl::Status ForEachTransportSegment(const std::string& path,
                                     absl::FunctionRef<void(const TransportSegment&)> visit);

}  // namespace snmpdissect::codec_testing

#endif  // SNMPDISSECT_CODEC_TESTING_TRANSPORT_SEGMENTS_H_
