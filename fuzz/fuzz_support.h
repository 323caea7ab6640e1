// Shared pieces of the fuzz targets (fuzz/*_fuzzer.cc): the USM users every
// SNMPv3-reaching target knows, the printers every tree goes through, the
// harness (dissector, tree, printers) the dissecting targets keep across
// inputs, and the link-type table the frame-level targets pick from.
//
// Everything here is built once per process (function-local statics), so a
// target pays key derivation and table set-up at start-up, not per input;
// per-input state (trees, output strings) is reused and cleared, as the tool
// does, so a target measures the steady-state code path.

#ifndef SNMPDISSECT_FUZZ_FUZZ_SUPPORT_H_
#define SNMPDISSECT_FUZZ_FUZZ_SUPPORT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/proto/snmp.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::fuzz {

// One user per auth x priv pair the codec knows (both AES key extensions,
// 3DES, DES, every SHA-2 size), named and with passwords as
// usm::testing::User makes them ("<name>-authpass"/"<name>-privpass"), for
// any engine ID. Also the corpus's users (corpus/pcap/snmp_users), so seeds
// from the real captures verify and decrypt.
std::vector<usm::UserConfig> FuzzUsers();

// A Processor over FuzzUsers() whose keys are already derived and localised
// for the test agent's engine ID (usm::testing::AgentEngineId()) and the
// corpus agents' engine IDs: the costly 1 MiB password hashes happen here,
// once, not inside an input's time budget. Shared: its key cache persists
// across inputs, which changes only speed, never the result.
usm::Processor& SharedProcessor();

// Runs the tree through the printers the tool has (full text tree, summary
// line, JSON array and NDJSON, fields with every field of the table, hex
// dump of every data source), writing to one string that is cleared and
// reused: a null sink that still does all the formatting. `frame` is the
// octets the tree was dissected from (for the hex dump).
class Printers {
 public:
  Printers();
  ~Printers();

  // Every printer.
  void Print(const tree::Tree& tree, absl::Span<const uint8_t> frame);

  // At most one printer, chosen by a hash of `frame`: each of the five
  // printers for one input in kSampleSpan, none for the rest. For targets
  // whose speed goal the printers would swamp (snmp_message: a message's
  // JSON alone is several KiB of output); the choice is a function of the
  // input, so a replayed input always takes the same path.
  void PrintSampled(const tree::Tree& tree, absl::Span<const uint8_t> frame);
  static constexpr uint32_t kSampleSpan = 64;

 private:
  enum class Which { kText, kSummary, kJson, kFields, kHexDump, kAll };
  void Run(Which which, const tree::Tree& tree, absl::Span<const uint8_t> frame);

  struct Impl;  // the printers: their headers stay out of this one
  std::unique_ptr<Impl> impl_;
};

// What a target that dissects and prints keeps from one input to the next,
// built once (a function-local static, never destroyed) and reused as the
// tool reuses them across packets: the SNMP dissector, the tree and the
// printers. Between messages the dissector keeps only buffers, so the
// frame-level targets hand it to each input's fresh FrameDissector.
//
//   static fuzz::Harness* h = new fuzz::Harness(fuzz::Harness::Usm::kShared);
//   (void)h->DissectMessage({data, size});
//   h->printers.Print(h->tree, {data, size});
struct Harness {
  enum class Usm : bool {
    kNone,    // SNMPv3 messages are shown as they came
    kShared,  // verified and decrypted with SharedProcessor()'s users
  };
  explicit Harness(Usm usm);

  // Clears the tree and dissects one SNMP message (a UDP payload) into it
  // as a top layer.
  proto::SnmpDissection DissectMessage(absl::Span<const uint8_t> message);

  proto::SnmpDissector snmp;
  tree::Tree tree;
  Printers printers;
};

// libpcap link types the pipeline dissects, plus one it does not (to keep
// the "unknown link type" path live). Frame-level targets pick one with a
// byte of input: kLinkTypes[byte % kLinkTypeCount].
inline constexpr int kLinkTypes[] = {
    1,    // DLT_EN10MB
    0,    // DLT_NULL
    108,  // DLT_LOOP
    12,   // DLT_RAW
    14,   // DLT_RAW (OpenBSD)
    101,  // LINKTYPE_RAW
    113,  // DLT_LINUX_SLL
    276,  // DLT_LINUX_SLL2
    228,  // LINKTYPE_IPV4
    229,  // LINKTYPE_IPV6
    105,  // DLT_IEEE802_11: no dissector
};
inline constexpr size_t kLinkTypeCount = sizeof(kLinkTypes) / sizeof(kLinkTypes[0]);

// The selector byte that picks `link_type` (for seed generators); 0 (Ethernet)
// for link types not in the table.
uint8_t LinkTypeSelector(int link_type);

}  // namespace snmpdissect::fuzz

#endif  // SNMPDISSECT_FUZZ_FUZZ_SUPPORT_H_
