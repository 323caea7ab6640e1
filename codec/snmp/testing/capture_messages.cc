#include "codec/snmp/testing/capture_messages.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "codec/ber/reader.h"
#include "codec/testing/transport_segments.h"

namespace snmpdissect::snmp::testing {
namespace {

using codec_testing::Be16;
using codec_testing::TransportSegment;

constexpr uint16_t kSnmpPort = 161;
constexpr uint16_t kTrapPort = 162;

bool IsSnmpPort(uint16_t a, uint16_t b) {
  return a == kSnmpPort || a == kTrapPort || b == kSnmpPort || b == kTrapPort;
}

// SNMP over UDP (one message a datagram) and TCP (RFC 3430: messages back
// to back in each direction's stream).
class Extractor {
 public:
  void Segment(const TransportSegment& t) {
    const uint8_t* p = t.data;
    const size_t n = t.size;
    if (t.protocol == 17 && n >= 8) {
      if (!IsSnmpPort(Be16(p), Be16(p + 2))) return;
      const size_t length = std::min<size_t>(Be16(p + 4), n);
      if (length < 8) return;
      messages.push_back({t.frame, false, std::string(reinterpret_cast<const char*>(p + 8),
                                                      length - 8)});
    } else if (t.protocol == 6 && n >= 20) {
      if (!IsSnmpPort(Be16(p), Be16(p + 2))) return;
      const size_t header = (p[12] >> 4) * 4u;
      if (header < 20 || header > n) return;
      // Per-direction stream buffers keyed by the raw address/port bytes.
      std::string& stream =
          streams_[std::string(t.addresses) + std::string(reinterpret_cast<const char*>(p), 4)];
      stream.append(reinterpret_cast<const char*>(p + header), n - header);
      SplitStream(t.frame, &stream);
    }
  }

  std::vector<CapturedMessage> messages;

 private:
  // Takes each complete message off the front.
  void SplitStream(int frame, std::string* stream) {
    for (;;) {
      ber::Reader reader(ber::Bytes(reinterpret_cast<const uint8_t*>(stream->data()),
                                    stream->size()));
      ber::Element element;
      if (!reader.Next(&element).ok()) return;  // incomplete (or garbage)
      const size_t size = element.location.total_length();
      messages.push_back({frame, true, stream->substr(0, size)});
      stream->erase(0, size);
    }
  }

  std::map<std::string, std::string> streams_;
};

}  // namespace

absl::StatusOr<std::vector<CapturedMessage>> ReadCaptureMessages(const std::string& path) {
  Extractor extractor;
  const absl::Status walked = codec_testing::ForEachTransportSegment(
      path, [&](const TransportSegment& t) { extractor.Segment(t); });
  if (!walked.ok()) return walked;
  return std::move(extractor.messages);
}

std::string SourceDir() {
  const char* dir = std::getenv("SNMPDISSECT_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

std::vector<std::string> CorpusCaptures() {
  std::vector<std::string> paths;
  const std::filesystem::path dir = std::filesystem::path(SourceDir()) / "corpus" / "pcap";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".pcap" || ext == ".pcapng") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

}  // namespace snmpdissect::snmp::testing
