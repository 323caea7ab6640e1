// libFuzzer target: display filter text (dissector/filter), the parser of
// untrusted text users type or paste. The input is the filter. Frames to
// run it on come from corpus/pcap (dissected once at start-up with the
// sample users, so decrypted PDUs, Reports, matching and diagnostics are
// all there). Aborts unless:
//   - a compile error names a column inside the text (or just past it);
//   - a compiled filter evaluates on every frame without crashing;
//   - the filter printed back (printer.h) compiles, selects the same
//     frames, and prints the same text again.
// Bounds exercised: kMaxFilterLength, kMaxDepth, PCRE2's match/depth/heap
// limits (a pathological pattern runs against every string of the frames).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/capture/capture.h"
#include "dissector/filter/filter.h"
#include "dissector/filter/parser.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/tree/tree.h"

namespace {

using snmpdissect::filter::DisplayFilter;
using snmpdissect::filter::FilterError;

struct Frames {
  Frames() {
    const std::string dir = SNMPDISSECT_CORPUS_PCAP_DIR;
    auto users = snmpdissect::usm::LoadUsersFile(dir + "/snmp_users");
    if (users.ok()) usm = std::make_unique<snmpdissect::usm::Processor>(*std::move(users));
    for (const char* name : {"v1-v2c.pcap", "v3-auth.pcap", "v3-priv-aes128.pcap",
                             "failures.pcap", "traps-informs.pcap", "ipv6.pcap", "tcp.pcap"}) {
      auto in = snmpdissect::capture::Capture::OpenFile(dir + "/" + name, {});
      if (!in.ok()) continue;
      snmpdissect::pipeline::Options options;
      snmpdissect::pipeline::FrameDissector dissector(options);
      if (usm != nullptr) dissector.snmp().set_usm(usm.get());
      snmpdissect::capture::Packet packet;
      int n = 0;
      while ((*in)->Next(&packet) == snmpdissect::capture::ReadResult::kPacket && n++ < 60) {
        trees.emplace_back();
        (void)dissector.Dissect({.link_type = packet.link_type,
                                 .timestamp_ns = packet.timestamp_ns,
                                 .original_length = packet.original_length,
                                 .number = packet.number,
                                 .data = packet.data},
                                &trees.back());
      }
    }
  }
  std::unique_ptr<snmpdissect::usm::Processor> usm;
  std::vector<snmpdissect::tree::Tree> trees;
};

const Frames& SharedFrames() {
  static const Frames* frames = new Frames();
  return *frames;
}

std::vector<bool> Select(const DisplayFilter& f) {
  std::vector<bool> out;
  for (const auto& t : SharedFrames().trees) out.push_back(f.Matches(t));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  SharedFrames();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FilterError error;
  std::unique_ptr<DisplayFilter> f = DisplayFilter::Compile(text, &error);
  if (f == nullptr) {
    if (error.message.empty() || error.column > text.size()) {
      std::fprintf(stderr, "bad error: '%s' at %u\n", error.message.c_str(), error.column);
      std::abort();
    }
    return 0;
  }
  const std::vector<bool> first = Select(*f);
  // Printing spells operators out and escapes bytes, so a filter near the
  // length cap may print past it; below the cap the round trip must hold.
  if (f->canonical().size() > snmpdissect::filter::kMaxFilterLength) return 0;
  FilterError again_error;
  std::unique_ptr<DisplayFilter> again = DisplayFilter::Compile(f->canonical(), &again_error);
  if (again == nullptr) {
    std::fprintf(stderr, "printed filter does not compile: %s\n  %s\n", f->canonical().c_str(),
                 again_error.message.c_str());
    std::abort();
  }
  if (again->canonical() != f->canonical()) {
    std::fprintf(stderr, "printing is not stable:\n  %s\n  %s\n", f->canonical().c_str(),
                 again->canonical().c_str());
    std::abort();
  }
  if (Select(*again) != first) {
    std::fprintf(stderr, "printed filter selects other frames: %s\n", f->canonical().c_str());
    std::abort();
  }
  return 0;
}
