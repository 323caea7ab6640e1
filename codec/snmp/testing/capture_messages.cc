#include "codec/snmp/testing/capture_messages.h"

#include <pcap/pcap.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "codec/ber/reader.h"

namespace snmpdissect::snmp::testing {
namespace {

constexpr uint16_t kSnmpPort = 161;
constexpr uint16_t kTrapPort = 162;

uint16_t Be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }

bool IsSnmpPort(uint16_t a, uint16_t b) {
  return a == kSnmpPort || a == kTrapPort || b == kSnmpPort || b == kTrapPort;
}

// Per-direction TCP stream buffers keyed by the raw address/port bytes.
using FlowKey = std::string;

class Extractor {
 public:
  void Frame(int frame, int link_type, const uint8_t* data, size_t size) {
    frame_ = frame;
    size_t at = 0;
    uint16_t ethertype = 0;
    switch (link_type) {
      case DLT_EN10MB:
        if (size < 14) return;
        ethertype = Be16(data + 12);
        at = 14;
        while (ethertype == 0x8100 || ethertype == 0x88a8) {
          if (size < at + 4) return;
          ethertype = Be16(data + at + 2);
          at += 4;
        }
        break;
      case DLT_LINUX_SLL:
        if (size < 16) return;
        ethertype = Be16(data + 14);
        at = 16;
        break;
      case DLT_LINUX_SLL2:
        if (size < 20) return;
        ethertype = Be16(data);
        at = 20;
        break;
      case DLT_NULL:
        if (size < 4) return;
        ethertype = (data[0] == 2 || data[3] == 2) ? 0x0800 : 0x86dd;
        at = 4;
        break;
      default:  // raw IP
        if (size < 1) return;
        ethertype = (data[0] >> 4) == 4 ? 0x0800 : 0x86dd;
        break;
    }
    if (ethertype == 0x0800) Ipv4(data + at, size - at);
    if (ethertype == 0x86dd) Ipv6(data + at, size - at);
  }

  std::vector<CapturedMessage> messages;

 private:
  void Ipv4(const uint8_t* p, size_t n) {
    if (n < 20) return;
    const size_t header = (p[0] & 0x0f) * 4u;
    const size_t total = std::min<size_t>(Be16(p + 2), n);
    if (header < 20 || total < header) return;
    if ((Be16(p + 6) & 0x3fff) != 0) return;  // fragments: not on loopback
    Transport(p[9], std::string(reinterpret_cast<const char*>(p + 12), 8), p + header,
              total - header);
  }

  void Ipv6(const uint8_t* p, size_t n) {
    if (n < 40) return;
    const size_t payload = std::min<size_t>(Be16(p + 4), n - 40);
    Transport(p[6], std::string(reinterpret_cast<const char*>(p + 8), 32), p + 40, payload);
  }

  void Transport(int protocol, const std::string& addresses, const uint8_t* p, size_t n) {
    if (protocol == 17 && n >= 8) {
      if (!IsSnmpPort(Be16(p), Be16(p + 2))) return;
      const size_t length = std::min<size_t>(Be16(p + 4), n);
      if (length < 8) return;
      messages.push_back({frame_, false, std::string(reinterpret_cast<const char*>(p + 8),
                                                     length - 8)});
    } else if (protocol == 6 && n >= 20) {
      if (!IsSnmpPort(Be16(p), Be16(p + 2))) return;
      const size_t header = (p[12] >> 4) * 4u;
      if (header < 20 || header > n) return;
      const FlowKey key = addresses + std::string(reinterpret_cast<const char*>(p), 4);
      std::string& stream = streams_[key];
      stream.append(reinterpret_cast<const char*>(p + header), n - header);
      SplitStream(&stream);
    }
  }

  // RFC 3430: messages back to back; take each complete one off the front.
  void SplitStream(std::string* stream) {
    for (;;) {
      ber::Reader reader(ber::Bytes(reinterpret_cast<const uint8_t*>(stream->data()),
                                    stream->size()));
      ber::Element element;
      if (!reader.Next(&element).ok()) return;  // incomplete (or garbage)
      const size_t size = element.location.total_length();
      messages.push_back({frame_, true, stream->substr(0, size)});
      stream->erase(0, size);
    }
  }

  int frame_ = 0;
  std::map<FlowKey, std::string> streams_;
};

}  // namespace

absl::StatusOr<std::vector<CapturedMessage>> ReadCaptureMessages(const std::string& path) {
  char error[PCAP_ERRBUF_SIZE] = {0};
  pcap_t* pcap = pcap_open_offline(path.c_str(), error);
  if (pcap == nullptr) return absl::NotFoundError(absl::StrCat(path, ": ", error));
  Extractor extractor;
  const int link_type = pcap_datalink(pcap);
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  int frame = 0;
  int rc = 0;
  while ((rc = pcap_next_ex(pcap, &header, &data)) == 1) {
    extractor.Frame(++frame, link_type, data, header->caplen);
  }
  const std::string failure = rc == PCAP_ERROR ? pcap_geterr(pcap) : "";
  pcap_close(pcap);
  if (!failure.empty()) return absl::DataLossError(absl::StrCat(path, ": ", failure));
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
