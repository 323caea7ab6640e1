// libFuzzer target: a whole capture file (classic pcap in either byte order
// and timestamp precision, or pcapng) read from memory by libpcap through
// capture::Capture::OpenBuffer (fmemopen: no temporary files), every packet
// through the FrameDissector with shared reassembly state, and every
// printer. Errors in the file are values: the target only needs to not
// crash, leak or hang.
//
// The seeds are the real captures of corpus/pcap cut down to their first
// packets (tools/lib/make_seeds.sh), so libpcap's header and record parsing
// and the pipeline both start from real data.

#include <cstddef>
#include <cstdint>
#include <memory>

#include "dissector/capture/capture.h"
#include "dissector/pipeline/frame_dissector.h"
#include "fuzz/fuzz_support.h"

namespace {

// A bound on packets per input, so a file of 16-octet empty records cannot
// make one input run for long (max_len bounds it too; this is belt and
// braces for -max_len overrides).
constexpr uint64_t kMaxPackets = 4096;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)snmpdissect::fuzz::SharedProcessor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kShared);
  snmpdissect::capture::Options options;
  options.max_packets = kMaxPackets;
  auto capture = snmpdissect::capture::Capture::OpenBuffer(
      absl::Span<const uint8_t>(data, size), "fuzz", options);
  if (!capture.ok()) return 0;
  snmpdissect::pipeline::FrameDissector dissector({}, &h->snmp);
  snmpdissect::capture::Packet packet;
  while ((*capture)->Next(&packet) == snmpdissect::capture::ReadResult::kPacket) {
    snmpdissect::pipeline::FrameInput input;
    input.link_type = packet.link_type;
    input.timestamp_ns = packet.timestamp_ns;
    input.original_length = packet.original_length;
    input.number = packet.number;
    input.data = packet.data;
    (void)dissector.Dissect(input, &h->tree);
    h->printers.Print(h->tree, input.data);
  }
  (void)(*capture)->status().message();
  return 0;
}
