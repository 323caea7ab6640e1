// Test support: capture files built in memory (classic pcap and pcapng),
// for tests that feed Capture::OpenBuffer or write a file, without
// depending on corpus/ for every case.
//
//   std::string file = testing::PcapFile(DLT_EN10MB, {frame1, frame2});
//   auto capture = capture::Capture::OpenBuffer(testing::AsSpan(file), "t");

#ifndef SNMPDISSECT_DISSECTOR_CAPTURE_TESTING_PCAP_BUILDER_H_
#define SNMPDISSECT_DISSECTOR_CAPTURE_TESTING_PCAP_BUILDER_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/types/span.h"

namespace snmpdissect::capture::testing {

inline absl::Span<const uint8_t> AsSpan(const std::string& s) {
  return absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// Little-endian appends (both formats are written in the host order of the
// writer; we write little-endian and say so in the magic numbers).
inline void PutLe16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v & 0xff));
  out->push_back(static_cast<char>(v >> 8));
}
inline void PutLe32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

struct Record {
  std::string data;
  uint32_t seconds = 1700000000;
  uint32_t fraction = 0;  // microseconds, or nanoseconds in a nano file
  uint32_t original_length = 0;  // 0: data.size()
};

// A classic pcap file (libpcap's savefile format).
inline std::string PcapFile(uint32_t link_type, const std::vector<Record>& records,
                            bool nanoseconds = false) {
  std::string out;
  PutLe32(&out, nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4);
  PutLe16(&out, 2);
  PutLe16(&out, 4);
  PutLe32(&out, 0);       // thiszone
  PutLe32(&out, 0);       // sigfigs
  PutLe32(&out, 262144);  // snaplen
  PutLe32(&out, link_type);
  for (const Record& r : records) {
    PutLe32(&out, r.seconds);
    PutLe32(&out, r.fraction);
    PutLe32(&out, static_cast<uint32_t>(r.data.size()));
    PutLe32(&out, r.original_length != 0 ? r.original_length
                                         : static_cast<uint32_t>(r.data.size()));
    out += r.data;
  }
  return out;
}

inline std::string PcapFile(uint32_t link_type, const std::vector<std::string>& frames) {
  std::vector<Record> records;
  uint32_t i = 0;
  for (const std::string& f : frames) {
    records.push_back(Record{.data = f, .seconds = 1700000000 + i, .fraction = 500000});
    ++i;
  }
  return PcapFile(link_type, records);
}

// A pcapng file: section header, one interface, enhanced packet blocks with
// the default microsecond resolution.
inline std::string PcapngFile(uint16_t link_type, const std::vector<Record>& records) {
  std::string out;
  auto block = [&out](uint32_t type, const std::string& body) {
    const uint32_t padded = static_cast<uint32_t>((body.size() + 3) & ~size_t{3});
    const uint32_t total = 12 + padded;
    PutLe32(&out, type);
    PutLe32(&out, total);
    out += body;
    out.append(padded - body.size(), '\0');
    PutLe32(&out, total);
  };
  std::string shb;
  PutLe32(&shb, 0x1a2b3c4d);  // byte-order magic
  PutLe16(&shb, 1);
  PutLe16(&shb, 0);
  PutLe32(&shb, 0xffffffff);  // section length unknown
  PutLe32(&shb, 0xffffffff);
  block(0x0a0d0d0a, shb);
  std::string idb;
  PutLe16(&idb, link_type);
  PutLe16(&idb, 0);
  PutLe32(&idb, 262144);
  block(0x00000001, idb);
  for (const Record& r : records) {
    const uint64_t ts = uint64_t{r.seconds} * 1000000 + r.fraction;
    std::string epb;
    PutLe32(&epb, 0);  // interface 0
    PutLe32(&epb, static_cast<uint32_t>(ts >> 32));
    PutLe32(&epb, static_cast<uint32_t>(ts & 0xffffffff));
    PutLe32(&epb, static_cast<uint32_t>(r.data.size()));
    PutLe32(&epb, r.original_length != 0 ? r.original_length
                                         : static_cast<uint32_t>(r.data.size()));
    epb += r.data;
    block(0x00000006, epb);
  }
  return out;
}

}  // namespace snmpdissect::capture::testing

#endif  // SNMPDISSECT_DISSECTOR_CAPTURE_TESTING_PCAP_BUILDER_H_
