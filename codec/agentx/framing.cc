#include "codec/agentx/framing.h"

#include "codec/agentx/model.h"

namespace snmpdissect::agentx {

Frame FramePdu(Bytes stream) {
  Frame frame;
  // The version octet alone already tells garbage from AgentX.
  if (!stream.empty() && stream[0] != kVersion) {
    frame.status = FrameStatus::kInvalid;
    frame.error = Error{ErrorCode::kUnsupportedVersion, 0};
    return frame;
  }
  if (stream.size() < kHeaderLength) {
    frame.length = kHeaderLength;
    return frame;
  }
  const ByteOrder order = (stream[2] & kFlagNetworkByteOrder) ? ByteOrder::kBigEndian
                                                              : ByteOrder::kLittleEndian;
  const uint32_t payload_length = Load32(stream.data() + 16, order);
  if (payload_length > kMaxPayloadLength) {
    frame.status = FrameStatus::kInvalid;
    frame.error = Error{ErrorCode::kPayloadTooLong, 16};
    return frame;
  }
  frame.length = kHeaderLength + size_t{payload_length};
  frame.status = stream.size() >= frame.length ? FrameStatus::kComplete : FrameStatus::kNeedMore;
  return frame;
}

}  // namespace snmpdissect::agentx
