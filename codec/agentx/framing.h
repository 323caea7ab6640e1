// Where AgentX PDUs end in a TCP stream (RFC 2741 6.1 and 7.1: PDUs follow
// one another on the transport with no other framing; each is the 20-octet
// header plus h.payload_length octets). The dissector hands this to its TCP
// reassembler: given the unconsumed start of a stream, how long is the next
// PDU, or how many octets are needed to know.
//
//   agentx::Frame frame = agentx::FramePdu(stream);
//   switch (frame.status) {
//     case agentx::FrameStatus::kComplete:  // stream[0, frame.length) is a PDU
//     case agentx::FrameStatus::kNeedMore:  // wait for frame.length octets in all
//     case agentx::FrameStatus::kInvalid:   // not AgentX: frame.error says why
//   }
//
// Cost: reads 20 octets at most; no allocation.
//
// Hostile input: payload_length is read in the byte order h.flags selects
// (NETWORK_BYTE_ORDER), and a PDU longer than kHeaderLength +
// kMaxPayloadLength, or with a version other than 1, is kInvalid at once,
// so a lying length cannot make a reassembler wait for (and buffer) up to
// 4 GiB. Lengths are computed in size_t: no overflow.

#ifndef SNMPDISSECT_CODEC_AGENTX_FRAMING_H_
#define SNMPDISSECT_CODEC_AGENTX_FRAMING_H_

#include <cstddef>

#include "codec/agentx/error.h"
#include "codec/agentx/reader.h"

namespace snmpdissect::agentx {

enum class FrameStatus : unsigned char { kComplete, kNeedMore, kInvalid };

struct Frame {
  FrameStatus status = FrameStatus::kNeedMore;
  // kComplete: the PDU's length. kNeedMore: the stream length needed to go
  // on (20 until the header is whole, then the whole PDU's). kInvalid: 0.
  size_t length = 0;
  // kInvalid: kUnsupportedVersion or kPayloadTooLong, with its offset.
  Error error;
};

[[nodiscard]] Frame FramePdu(Bytes stream);

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_FRAMING_H_
