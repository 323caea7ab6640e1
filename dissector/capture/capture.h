// Packet input through libpcap: pcap and pcapng files (by path, "-" for
// standard input, or a memory buffer for fuzz targets and tests) and live
// interfaces, with an optional BPF filter and packet-count limit.
//
//   capture::Options options;
//   options.filter = "udp port 161";          // pcap-filter(7), optional
//   options.max_packets = 100;                // -c 100; 0: no limit
//   absl::StatusOr<std::unique_ptr<capture::Capture>> in =
//       capture::Capture::OpenFile("walk.pcapng", options);
//   if (!in.ok()) { print in.status().message(); exit 1 }
//   capture::Packet packet;
//   for (;;) {
//     capture::ReadResult r = (*in)->Next(&packet);
//     if (r == capture::ReadResult::kPacket) { dissect packet; continue; }
//     if (r == capture::ReadResult::kTimeout) continue;   // live only
//     if (r == capture::ReadResult::kError) print (*in)->status().message();
//     break;                                              // kEnd or kError
//   }
//
// Errors are values (absl::Status), never exceptions, and their messages are
// one line that names the file or interface: "walk.pcap: No such file or
// directory", "walk.pcap: not a pcap or pcapng capture (unknown file
// format)", "walk.pcap: truncated or corrupt after packet 41 (byte offset
// 8120): truncated dump file; tried to read 60 captured bytes, only got 12".
// A damaged file yields every packet before the damage, then kError.
//
// Lifetimes: a Packet's data borrows libpcap's buffer and is valid until the
// next Next() call or until the Capture is destroyed; a Capture opened on a
// memory buffer borrows that buffer for its whole life.

#ifndef SNMPDISSECT_DISSECTOR_CAPTURE_CAPTURE_H_
#define SNMPDISSECT_DISSECTOR_CAPTURE_CAPTURE_H_

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

// libpcap's handle, kept out of this header so that users need not include
// <pcap/pcap.h>.
struct pcap;
struct bpf_program;

namespace snmpdissect::capture {

struct Options {
  // A pcap-filter(7) expression; empty: every packet. On files it runs in
  // user space (libpcap applies the compiled program per packet).
  std::string filter;
  // Stop after this many packets that passed the filter; 0: no limit (-c N).
  uint64_t max_packets = 0;
  // Live capture only.
  int snaplen = 262144;       // what tcpdump and tshark use by default
  bool promiscuous = false;   // off: see only traffic for this host
  // Poll interval: Next() returns kTimeout this often when nothing arrives,
  // so a caller can check for a stop request.
  int timeout_ms = 250;
  // The kernel's capture buffer (pcap_set_buffer_size), tcpdump's and
  // dumpcap's -B. Packets that arrive while it is full are dropped by the
  // kernel and counted (LiveStats). The default is kDefaultBufferBytes.
  int64_t buffer_bytes = 0;
};

// What the default buffer holds: the burst this single-threaded reader
// survives at loopback's full replay speed (README, "Live capture").
inline constexpr int64_t kDefaultBufferBytes = int64_t{8} << 20;

// libpcap's counters for a live capture (pcap_stats(3PCAP)): packets the
// kernel passed to the filter's buffer, those it dropped because the buffer
// was full, and those the interface or its driver dropped. Linux counts
// from the start of the capture.
struct LiveStats {
  uint64_t received = 0;
  uint64_t dropped_by_kernel = 0;
  uint64_t dropped_by_interface = 0;
};

struct Packet {
  // The capture's link-layer type as libpcap reports it (a DLT_ value:
  // DLT_EN10MB 1, DLT_LINUX_SLL 113, DLT_RAW 12, ...).
  int link_type = 0;
  // Arrival time, nanoseconds since the Unix epoch (files are read with
  // nanosecond precision whatever they store).
  int64_t timestamp_ns = 0;
  // Octets captured (data.size()) and the packet's length on the wire.
  uint32_t captured_length = 0;
  uint32_t original_length = 0;
  // 1-based. Files: the record's position in the file, counting records the
  // filter dropped (so it matches tshark's frame.number for that record);
  // live captures: packets received.
  uint64_t number = 0;
  absl::Span<const uint8_t> data;
};

enum class ReadResult {
  kPacket,   // *packet holds the next packet
  kEnd,      // end of file, packet limit reached, or Stop() called
  kTimeout,  // live capture: nothing arrived within timeout_ms; call again
  kError,    // status() says what broke and where
};

class Capture {
 public:
  // A pcap or pcapng file; "-" reads standard input.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Capture>> OpenFile(
      const std::string& path, const Options& options = {});
  // A capture file held in memory (no temporary file: fmemopen). `name`
  // stands for the buffer in messages. `bytes` must outlive the Capture.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Capture>> OpenBuffer(
      absl::Span<const uint8_t> bytes, std::string name, const Options& options = {});
  // A live interface ("eth0", "any", "lo"), in immediate mode.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Capture>> OpenLive(
      const std::string& interface, const Options& options = {});

  ~Capture();
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;

  // The next packet. After kEnd or kError every further call returns the
  // same.
  [[nodiscard]] ReadResult Next(Packet* packet);

  // Why the last Next() returned kError (OK otherwise).
  const absl::Status& status() const { return status_; }

  // Makes a blocked or future Next() return kEnd. Safe to call from a
  // signal handler (pcap_breakloop); for live captures it takes effect
  // within timeout_ms.
  void Stop();

  // OK if `supported(link_type())`; otherwise an error naming the source and
  // its link type: "x.pcap: unsupported link type 105 (IEEE802_11)".
  [[nodiscard]] absl::Status RequireLinkType(absl::FunctionRef<bool(int)> supported) const;

  int link_type() const { return link_type_; }
  // The path, "-" for standard input, the buffer's name, or the interface.
  const std::string& name() const { return name_; }
  bool live() const { return live_; }
  // Live captures: libpcap's counters so far; an error (naming the
  // interface) for files, or when the platform cannot count.
  [[nodiscard]] absl::StatusOr<LiveStats> Stats() const;

  // Packets returned so far, and records read (filtered out ones included).
  uint64_t packets() const { return packets_; }
  uint64_t records() const { return records_; }
  // Files and buffers: how far into the stream libpcap has read (for
  // progress); -1 for live captures or a stream that cannot tell.
  int64_t bytes_read() const;
  // Decimals the source's timestamps carry, for printing them as tshark
  // does: 9 for a nanosecond pcap file, 6 otherwise (microsecond pcap,
  // pcapng, live, and streams that cannot be peeked such as a pipe).
  int timestamp_decimals() const { return timestamp_decimals_; }

 private:
  Capture(pcap* handle, std::string name, bool live, std::FILE* file,
          const Options& options);
  [[nodiscard]] absl::Status ApplyFilter(const std::string& filter);
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Capture>> OpenStream(
      std::FILE* file, std::string name, const Options& options);

  pcap* handle_;
  std::string name_;
  bool live_;
  // The stream libpcap reads (files and buffers), for the byte offset of
  // damage; libpcap owns and closes it.
  std::FILE* file_;
  uint64_t max_packets_;
  int timeout_ms_;
  uint64_t packets_ = 0;
  uint64_t records_ = 0;
  // Files: the compiled filter, run per record (pcap_offline_filter) so
  // record numbers stay exact. Live captures filter in the kernel.
  std::unique_ptr<bpf_program> program_;
  // Nanoseconds per unit of the timestamps' fractional part (1 or 1000).
  int64_t fraction_scale_ = 1;
  int timestamp_decimals_ = 6;
  std::atomic<bool> stop_{false};
  ReadResult final_ = ReadResult::kEnd;
  int link_type_ = 0;
  bool done_ = false;
  absl::Status status_;
};

// The libpcap name of a link type ("EN10MB"), or "unknown".
const char* LinkTypeName(int link_type);

}  // namespace snmpdissect::capture

#endif  // SNMPDISSECT_DISSECTOR_CAPTURE_CAPTURE_H_
