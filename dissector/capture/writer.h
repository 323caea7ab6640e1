// Packet output: the frames a run selects, written as a capture file that
// tshark, tcpdump and Wireshark read back with the same bytes, link type,
// timestamps and original lengths (tshark's -w, -F).
//
//   capture::WriterOptions o;
//   o.format = capture::FileFormat::kPcapng;   // or kPcap
//   o.link_type = in.link_type();              // a DLT_ value
//   o.nanoseconds = in.timestamp_decimals() == 9;
//   auto writer = capture::Writer::Open("out.pcapng", o);   // "-": stdout
//   if (!writer.ok()) { print writer.status().message(); exit 1 }
//   (*writer)->Write(packet);                 // for each selected packet
//   absl::Status s = (*writer)->Close();      // flushes; reports write errors
//
// pcap goes through libpcap's dumper (pcap_dump). libpcap 1.10 cannot write
// pcapng, and libwiretap (which can) would bring GLib and Wireshark's
// library into the core tool for three block types, so pcapng is written
// here (pcapng_writer.cc): one Section Header Block, one Interface
// Description Block and an Enhanced Packet Block per packet
// (draft-ietf-opsawg-pcapng sections 4.1, 4.2, 4.3), in host byte order as
// the format allows, with if_tsresol 9 for nanosecond timestamps.
//
// Errors are one line naming the file: "out.pcap: Permission denied". A
// write that fails part way is reported by Close(), not lost.

#ifndef SNMPDISSECT_DISSECTOR_CAPTURE_WRITER_H_
#define SNMPDISSECT_DISSECTOR_CAPTURE_WRITER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dissector/capture/capture.h"

namespace snmpdissect::capture {

enum class FileFormat { kPcap, kPcapng };

struct WriterOptions {
  FileFormat format = FileFormat::kPcapng;  // tshark's default
  int link_type = 1;                        // DLT_EN10MB
  int snaplen = 262144;
  bool nanoseconds = false;                 // timestamps to the nanosecond
  std::string application;                  // pcapng shb_userappl; may be empty
};

class Writer {
 public:
  // `path` "-" writes to standard output.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Writer>> Open(const std::string& path,
                                                                    const WriterOptions& options);
  virtual ~Writer() = default;

  // Appends one packet (its data, timestamp and original length). Errors
  // are remembered and reported by Close().
  virtual void Write(const Packet& packet) = 0;

  // Flushes and closes; the first write error, if any, naming the file.
  [[nodiscard]] virtual absl::Status Close() = 0;
};

}  // namespace snmpdissect::capture

#endif  // SNMPDISSECT_DISSECTOR_CAPTURE_WRITER_H_
