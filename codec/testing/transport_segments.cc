#include "codec/testing/transport_segments.h"

#include <pcap/pcap.h>

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace snmpdissect::codec_testing {
namespace {

constexpr uint16_t kIpv4 = 0x0800;
constexpr uint16_t kIpv6 = 0x86dd;

// The EtherType of the frame's network layer and where it starts; false
// when the link header is cut short.
bool Link(int link_type, const uint8_t* data, size_t size, uint16_t* ethertype, size_t* at) {
  switch (link_type) {
    case DLT_EN10MB:
      if (size < 14) return false;
      *ethertype = Be16(data + 12);
      *at = 14;
      while (*ethertype == 0x8100 || *ethertype == 0x88a8) {  // IEEE 802.1Q / 802.1ad tags
        if (size < *at + 4) return false;
        *ethertype = Be16(data + *at + 2);
        *at += 4;
      }
      return true;
    case DLT_LINUX_SLL:
      if (size < 16) return false;
      *ethertype = Be16(data + 14);
      *at = 16;
      return true;
    case DLT_LINUX_SLL2:
      if (size < 20) return false;
      *ethertype = Be16(data);
      *at = 20;
      return true;
    case DLT_NULL:  // the address family in host order: 2 is AF_INET everywhere
      if (size < 4) return false;
      *ethertype = (data[0] == 2 || data[3] == 2) ? kIpv4 : kIpv6;
      *at = 4;
      return true;
    default:  // raw IP: the version nibble
      if (size < 1) return false;
      *ethertype = (data[0] >> 4) == 4 ? kIpv4 : kIpv6;
      *at = 0;
      return true;
  }
}

void Network(int frame, uint16_t ethertype, const uint8_t* p, size_t n,
             absl::FunctionRef<void(const TransportSegment&)> visit) {
  if (ethertype == kIpv4 && n >= 20) {
    const size_t header = (p[0] & 0x0f) * 4u;
    const size_t total = std::min<size_t>(Be16(p + 2), n);
    if (header < 20 || total < header) return;
    if ((Be16(p + 6) & 0x3fff) != 0) return;  // a fragment (MF or an offset)
    visit({frame, p[9], std::string_view(reinterpret_cast<const char*>(p + 12), 8), p + header,
           total - header});
  } else if (ethertype == kIpv6 && n >= 40) {
    const size_t payload = std::min<size_t>(Be16(p + 4), n - 40);
    visit({frame, p[6], std::string_view(reinterpret_cast<const char*>(p + 8), 32), p + 40,
           payload});
  }
}

}  // namespace

absl::Status ForEachTransportSegment(const std::string& path,
                                     absl::FunctionRef<void(const TransportSegment&)> visit) {
  char error[PCAP_ERRBUF_SIZE] = {0};
  pcap_t* pcap = pcap_open_offline(path.c_str(), error);
  if (pcap == nullptr) return absl::NotFoundError(absl::StrCat(path, ": ", error));
  const int link_type = pcap_datalink(pcap);
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  int frame = 0;
  int rc = 0;
  while ((rc = pcap_next_ex(pcap, &header, &data)) == 1) {
    ++frame;
    uint16_t ethertype = 0;
    size_t at = 0;
    if (Link(link_type, data, header->caplen, &ethertype, &at)) {
      Network(frame, ethertype, data + at, header->caplen - at, visit);
    }
  }
  const std::string failure = rc == PCAP_ERROR ? pcap_geterr(pcap) : "";
  pcap_close(pcap);
  if (!failure.empty()) return absl::DataLossError(absl::StrCat(path, ": ", failure));
  return absl::OkStatus();
}

}  // namespace snmpdissect::codec_testing
