// libFuzzer target: one link-layer frame through the full dissector
// (pipeline::FrameDissector: link, VLAN, IPv4/IPv6 with extension headers
// and fragments, UDP, TCP, SNMP with USM, the tree) and every printer.
//
// Input: byte 0 picks the link type (fuzz_support.h kLinkTypes: its low 7
// bits modulo the table's size, including one link type with no
// dissector) and, with its top bit, decodes UDP/TCP port 1161 as SNMP too
// (tshark's decode-as); the rest is the frame as captured.
//
// A fresh FrameDissector per input: its reassembly state must not carry
// from one input to the next, or a crash would depend on what ran before it
// and not reproduce from its file. pipeline_fuzzer covers shared state.

#include <cstddef>
#include <cstdint>

#include "dissector/pipeline/frame_dissector.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)snmpdissect::fuzz::SharedProcessor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kShared);
  snmpdissect::pipeline::FrameDissector dissector({}, &h->snmp);
  if (data[0] & 0x80) {
    (void)dissector.registry().AddDecodeAs("udp.port==1161,snmp");
    (void)dissector.registry().AddDecodeAs("tcp.port==1161,snmp");
  }
  snmpdissect::pipeline::FrameInput input;
  input.link_type =
      snmpdissect::fuzz::kLinkTypes[(data[0] & 0x7f) % snmpdissect::fuzz::kLinkTypeCount];
  input.timestamp_ns = int64_t{1700000000} * 1000000000;
  input.number = 1;
  input.data = absl::Span<const uint8_t>(data + 1, size - 1);
  (void)dissector.Dissect(input, &h->tree);
  h->printers.Print(h->tree, input.data);
  return 0;
}
