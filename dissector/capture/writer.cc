#include "dissector/capture/writer.h"

#include <pcap/pcap.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "dissector/capture/pcapng_writer.h"

namespace snmpdissect::capture {
namespace {

// pcap through libpcap's dumper, which writes the microsecond or the
// nanosecond magic number to match the dead handle's precision.
class PcapWriter final : public Writer {
 public:
  PcapWriter(std::string name, pcap_t* dead, pcap_dumper_t* dumper, bool nanoseconds)
      : name_(std::move(name)), dead_(dead), dumper_(dumper), nanoseconds_(nanoseconds) {}
  ~PcapWriter() override { (void)Close(); }

  void Write(const Packet& packet) override {
    pcap_pkthdr header{};
    const int64_t units = nanoseconds_ ? 1000000000 : 1000000;
    const int64_t divisor = nanoseconds_ ? 1 : 1000;
    int64_t seconds = packet.timestamp_ns / 1000000000;
    int64_t fraction = packet.timestamp_ns % 1000000000;
    if (fraction < 0) {  // before 1970: keep the fraction non-negative
      fraction += 1000000000;
      --seconds;
    }
    header.ts.tv_sec = seconds;
    header.ts.tv_usec = static_cast<suseconds_t>((fraction / divisor) % units);
    header.caplen = static_cast<bpf_u_int32>(packet.data.size());
    header.len = packet.original_length;
    pcap_dump(reinterpret_cast<u_char*>(dumper_), &header, packet.data.data());
  }

  absl::Status Close() override {
    if (dumper_ == nullptr) return status_;
    // pcap_dump reports nothing: a failed write shows in the stream's
    // error flag, checked as the dumper flushes.
    if (pcap_dump_flush(dumper_) != 0 || std::ferror(pcap_dump_file(dumper_))) {
      status_ = absl::UnavailableError(absl::StrCat(name_, ": ", std::strerror(errno)));
    }
    const bool to_stdout = pcap_dump_file(dumper_) == stdout;
    if (to_stdout) {
      pcap_dump_flush(dumper_);
    } else {
      pcap_dump_close(dumper_);
    }
    pcap_close(dead_);
    dumper_ = nullptr;
    return status_;
  }

 private:
  std::string name_;
  pcap_t* dead_;
  pcap_dumper_t* dumper_;
  bool nanoseconds_;
  absl::Status status_;
};

absl::StatusOr<std::unique_ptr<Writer>> OpenPcap(const std::string& path,
                                                 const WriterOptions& o) {
  pcap_t* dead = pcap_open_dead_with_tstamp_precision(
      o.link_type, o.snaplen,
      o.nanoseconds ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO);
  if (dead == nullptr) return absl::InternalError(absl::StrCat(path, ": pcap_open_dead failed"));
  pcap_dumper_t* dumper =
      path == "-" ? pcap_dump_fopen(dead, stdout) : pcap_dump_open(dead, path.c_str());
  if (dumper == nullptr) {
    std::string message = absl::StrCat(path == "-" ? "standard output" : path, ": ",
                                       pcap_geterr(dead));
    pcap_close(dead);
    return absl::InvalidArgumentError(message);
  }
  return std::unique_ptr<Writer>(new PcapWriter(path, dead, dumper, o.nanoseconds));
}

}  // namespace

absl::StatusOr<std::unique_ptr<Writer>> Writer::Open(const std::string& path,
                                                     const WriterOptions& options) {
  if (options.format == FileFormat::kPcap) return OpenPcap(path, options);
  return OpenPcapng(path, options);
}

}  // namespace snmpdissect::capture
