#include "codec/agentx/testing/capture_pdus.h"

#include <cstdint>
#include <map>

#include "absl/strings/str_cat.h"
#include "codec/agentx/framing.h"
#include "codec/testing/transport_segments.h"

namespace snmpdissect::agentx::testing {
namespace {

using codec_testing::Be16;
using codec_testing::Be32;
using codec_testing::TransportSegment;

struct Stream {
  bool synchronised = false;
  uint32_t next_seq = 0;
  std::string buffer;
};

class Extractor {
 public:
  explicit Extractor(int port) : port_(port) {}

  void Segment(const TransportSegment& t) {
    if (t.protocol != 6) return;
    frame_ = t.frame;
    Tcp(std::string(t.addresses), t.data, t.size);
  }

  std::vector<CapturedPdu> pdus;
  std::string error;

 private:
  void Tcp(const std::string& addresses, const uint8_t* p, size_t n) {
    if (n < 20 || (Be16(p) != port_ && Be16(p + 2) != port_)) return;
    const size_t header = (p[12] >> 4) * 4u;
    if (header < 20 || header > n) return;
    Stream& s = streams_[addresses + std::string(reinterpret_cast<const char*>(p), 4)];
    uint32_t seq = Be32(p + 4);
    const bool syn = p[13] & 0x02;
    if (syn) {
      s = Stream{true, seq + 1, ""};
      return;
    }
    const uint8_t* data = p + header;
    size_t length = n - header;
    if (s.synchronised) {
      const uint32_t behind = s.next_seq - seq;  // octets already seen
      if (behind < 0x80000000u) {
        if (behind >= length) return;  // a retransmission
        data += behind;
        length -= behind;
        seq += behind;
      }
      s.next_seq = seq + static_cast<uint32_t>(length);
    }
    s.buffer.append(reinterpret_cast<const char*>(data), length);
    for (;;) {
      const agentx::Frame f = FramePdu(
          Bytes(reinterpret_cast<const uint8_t*>(s.buffer.data()), s.buffer.size()));
      if (f.status == FrameStatus::kNeedMore) return;
      if (f.status == FrameStatus::kInvalid) {
        if (error.empty()) error = absl::StrCat("frame ", frame_, ": not an AgentX stream");
        s.buffer.clear();
        return;
      }
      pdus.push_back({frame_, s.buffer.substr(0, f.length)});
      s.buffer.erase(0, f.length);
    }
  }

  int port_;
  int frame_ = 0;
  std::map<std::string, Stream> streams_;
};

}  // namespace

absl::StatusOr<std::vector<CapturedPdu>> ReadCapturePdus(const std::string& path, int port) {
  Extractor extractor(port);
  const absl::Status walked = codec_testing::ForEachTransportSegment(
      path, [&](const TransportSegment& t) { extractor.Segment(t); });
  if (!walked.ok()) return walked;
  if (!extractor.error.empty()) return absl::DataLossError(absl::StrCat(path, ": ", extractor.error));
  return std::move(extractor.pdus);
}

}  // namespace snmpdissect::agentx::testing
