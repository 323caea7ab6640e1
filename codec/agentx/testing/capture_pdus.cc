#include "codec/agentx/testing/capture_pdus.h"

#include <pcap/pcap.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include "absl/strings/str_cat.h"
#include "codec/agentx/framing.h"

namespace snmpdissect::agentx::testing {
namespace {

uint16_t Be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }
uint32_t Be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}

struct Stream {
  bool synchronised = false;
  uint32_t next_seq = 0;
  std::string buffer;
};

class Extractor {
 public:
  explicit Extractor(int port) : port_(port) {}

  void Frame(int frame, int link_type, const uint8_t* data, size_t size) {
    frame_ = frame;
    size_t at = 0;
    uint16_t ethertype = 0;
    switch (link_type) {
      case DLT_EN10MB:
        if (size < 14) return;
        ethertype = Be16(data + 12);
        at = 14;
        break;
      case DLT_LINUX_SLL:
        if (size < 16) return;
        ethertype = Be16(data + 14);
        at = 16;
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
    const uint8_t* p = data + at;
    const size_t n = size - at;
    if (ethertype == 0x0800 && n >= 20) {
      const size_t header = (p[0] & 0x0f) * 4u;
      const size_t total = std::min<size_t>(Be16(p + 2), n);
      if (header < 20 || total < header || p[9] != 6) return;
      Tcp(std::string(reinterpret_cast<const char*>(p + 12), 8), p + header, total - header);
    } else if (ethertype == 0x86dd && n >= 40 && p[6] == 6) {
      const size_t payload = std::min<size_t>(Be16(p + 4), n - 40);
      Tcp(std::string(reinterpret_cast<const char*>(p + 8), 32), p + 40, payload);
    }
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
  char errbuf[PCAP_ERRBUF_SIZE] = {0};
  pcap_t* pcap = pcap_open_offline(path.c_str(), errbuf);
  if (pcap == nullptr) return absl::NotFoundError(absl::StrCat(path, ": ", errbuf));
  Extractor extractor(port);
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
  if (!extractor.error.empty()) return absl::DataLossError(absl::StrCat(path, ": ", extractor.error));
  return std::move(extractor.pdus);
}

}  // namespace snmpdissect::agentx::testing
