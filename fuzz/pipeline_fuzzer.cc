// libFuzzer target: a sequence of frames through one FrameDissector, so they
// share IP fragment reassembly, TCP stream reassembly and request/response
// state, as the frames of a capture do. Finds what a single frame cannot:
// overlapping and duplicate fragments, segments out of order, eviction at
// the caps, state left behind by a malformed frame.
//
// Input layout (tools/lib/make_seeds.sh writes seeds in it):
//   byte 0     link type selector (fuzz_support.h kLinkTypes)
//   byte 1     options: bit 0 no IP reassembly, bit 1 no TCP reassembly,
//              bit 2 tiny reassembly and request-tracker limits (so
//              eviction, age-out and the caps are reached with a few
//              frames, not megabytes), bit 3 two passes (tshark -2: the
//              frames again after StartSecondPass, so requests show their
//              responses), bit 4 no request/response matching, bit 5 also
//              decode UDP and TCP port 1161 as SNMP (decode-as), bit 6
//              extreme timestamps: each frame's time octet picks an absolute
//              time from kExtremeTimes (FrameInput takes any int64, and
//              capture files can carry times far outside 1970..2262)
//   then per frame:
//     2 octets  frame length, big-endian (a short last frame is cut)
//     1 octet   time since the previous frame, in units of 100 ms
//     length octets of frame
// At most kMaxFrames frames; whatever follows is ignored.

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "dissector/pipeline/frame_dissector.h"
#include "fuzz/fuzz_support.h"

namespace {

constexpr size_t kMaxFrames = 512;
constexpr int64_t kTimeUnitNs = 100'000'000;
constexpr int64_t kExtremeTimes[] = {
    INT64_MIN, INT64_MIN + 1, -1'000'000'000, -1, 0, 1, 1'000'000'000,
    int64_t{1700000000} * 1'000'000'000, INT64_MAX - 1'000'000'000, INT64_MAX};

snmpdissect::pipeline::Options OptionsFrom(uint8_t bits) {
  snmpdissect::pipeline::Options o;
  o.reassemble_ip = !(bits & 1);
  o.reassemble_tcp = !(bits & 2);
  if (bits & 4) {
    o.ip.max_total_bytes = 4096;
    o.ip.max_pending = 4;
    o.ip.max_datagram = 2048;
    o.ip.max_fragments = 8;
    o.ip.max_age_frames = 16;
    o.ip.max_age_ns = 2 * 1'000'000'000LL;
    o.tcp.max_message = 2048;
    o.tcp.max_total = 4096;
    o.tcp.max_conversations = 4;
    o.tcp.max_listed_frames = 4;
    o.requests.max_requests = 2;
    o.requests.max_age_ns = 3 * 1'000'000'000LL;
    o.requests.max_answers = 2;
  }
  o.requests.record_answers = (bits & 8) != 0;
  o.match_requests = !(bits & 16);
  return o;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)snmpdissect::fuzz::SharedProcessor();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kShared);
  snmpdissect::pipeline::FrameDissector dissector(OptionsFrom(data[1]), &h->snmp);
  if (data[1] & 32) {
    (void)dissector.registry().AddDecodeAs("udp.port==1161,snmp");
    (void)dissector.registry().AddDecodeAs("tcp.port==1161,snmp");
  }
  const int link_type = snmpdissect::fuzz::kLinkTypes[data[0] % snmpdissect::fuzz::kLinkTypeCount];
  const int passes = (data[1] & 8) ? 2 : 1;
  for (int pass = 0; pass < passes; ++pass) {
    if (pass == 1) dissector.StartSecondPass();
    int64_t now = int64_t{1700000000} * 1'000'000'000;
    size_t at = 2;
    for (uint64_t number = 1; number <= kMaxFrames && size - at >= 3; ++number) {
      const size_t length = std::min<size_t>(size_t{data[at]} << 8 | data[at + 1], size - at - 3);
      if (data[1] & 64) {
        now = kExtremeTimes[data[at + 2] % (sizeof(kExtremeTimes) / sizeof(kExtremeTimes[0]))];
      } else {
        now += data[at + 2] * kTimeUnitNs;
      }
      snmpdissect::pipeline::FrameInput input;
      input.link_type = link_type;
      input.timestamp_ns = now;
      input.number = number;
      input.data = absl::Span<const uint8_t>(data + at + 3, length);
      (void)dissector.Dissect(input, &h->tree);
      h->printers.Print(h->tree, input.data);
      at += 3 + length;
    }
  }
  (void)dissector.stats();
  return 0;
}
