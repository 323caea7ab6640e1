// Test support: the frames of corpus/pcap captures, read through
// capture::Capture and kept in memory, for pipeline tests that replay them
// (many times, truncated, mutated) without re-reading files. Test-only.

#ifndef SNMPDISSECT_DISSECTOR_PIPELINE_TESTING_CORPUS_FRAMES_H_
#define SNMPDISSECT_DISSECTOR_PIPELINE_TESTING_CORPUS_FRAMES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "dissector/capture/capture.h"
#include "dissector/pipeline/frame_dissector.h"

namespace snmpdissect::pipeline::testing {

struct StoredFrame {
  int link_type = 0;
  int64_t timestamp_ns = 0;
  uint32_t original_length = 0;
  uint64_t number = 0;
  std::string data;

  // A FrameInput over the first `length` octets (all by default).
  FrameInput Input(size_t length = std::string::npos) const {
    FrameInput in;
    in.link_type = link_type;
    in.timestamp_ns = timestamp_ns;
    in.number = number;
    const size_t n = std::min(length, data.size());
    in.original_length = n == data.size() ? original_length : static_cast<uint32_t>(n);
    in.data = absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(data.data()), n);
    return in;
  }
};

inline absl::StatusOr<std::vector<StoredFrame>> ReadFrames(const std::string& path) {
  auto capture = capture::Capture::OpenFile(path);
  if (!capture.ok()) return capture.status();
  std::vector<StoredFrame> frames;
  capture::Packet p;
  capture::ReadResult r;
  while ((r = (*capture)->Next(&p)) == capture::ReadResult::kPacket) {
    frames.push_back(StoredFrame{p.link_type, p.timestamp_ns, p.original_length, p.number,
                                 std::string(reinterpret_cast<const char*>(p.data.data()),
                                             p.data.size())});
  }
  if (r == capture::ReadResult::kError) return (*capture)->status();
  return frames;
}

}  // namespace snmpdissect::pipeline::testing

#endif  // SNMPDISSECT_DISSECTOR_PIPELINE_TESTING_CORPUS_FRAMES_H_
