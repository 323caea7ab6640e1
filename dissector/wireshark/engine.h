// The plugin's C++ side: everything it keeps between packets (the SNMP
// dissector, the USM users and their key cache, request/response matching)
// and the tree of the message being shown. It knows nothing of epan: the
// epan side (plugin.cc) copies what it needs out of packet_info into a
// MessageContext, asks for a tree, and renders it (epan_tree.h).
//
//   Engine& engine = Engine::Get();
//   engine.SetUsers(users);                      // preferences applied
//   engine.Reset();                              // a new capture file
//   const tree::Tree* t = engine.Dissect(bytes, context);  // never fails
//
// Why it is split from the epan side: epan reports errors by longjmp, which
// skips C++ destructors. All C++ objects with destructors live here, in a
// frame that has returned before any epan function that may throw is
// called; Dissect also catches every exception (allocation failure), so
// none can unwind into epan's C frames.
//
// Request/response matching follows Wireshark's model: the first pass
// over a frame (packet_info's fd->visited false) tracks each message and
// records its Match; a later pass (tshark -2, clicking a packet in
// Wireshark) reads the record, and then also shows which frame answered a
// request (snmp.response_in) or that none did, as the tool's -2 does.
// Memory: a record per SNMP message of the file (about 64 octets), as
// Wireshark keeps its own per-frame data; forgotten at Reset.
//
// Single-threaded, as epan's dissection is.

#ifndef SNMPDISSECT_DISSECTOR_WIRESHARK_ENGINE_H_
#define SNMPDISSECT_DISSECTOR_WIRESHARK_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/conversation/flow.h"
#include "dissector/conversation/message_role.h"
#include "dissector/conversation/request_tracker.h"
#include "dissector/proto/snmp.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::wireshark {

// What the epan side knows of the message: which frame and which SNMP
// message of it (several over TCP), whether epan saw the frame before, the
// capture time, and who sent it to whom.
struct MessageContext {
  uint64_t frame = 0;
  uint32_t index = 0;
  bool visited = false;
  int64_t time_ns = 0;
  conversation::Flow flow;
};

class Engine {
 public:
  // The one engine of the process (epan has one dissection session).
  // Allocated once and never destroyed: epan's own clean-up may run after
  // static destructors would.
  static Engine& Get();

  // Users for SNMPv3 (authentication and decryption); keys are derived on
  // first use per (user, engine ID) and cached. An empty list turns USM off.
  void SetUsers(std::vector<usm::UserConfig> users);
  size_t user_count() const { return usm_ == nullptr ? 0 : usm_->users().size(); }

  // Forgets every conversation and record (epan's init routine: a new
  // file, or a redissection from scratch).
  void Reset();

  // Dissects one SNMP message (`bytes`: the UDP payload, or one PDU of the
  // TCP stream) into tree(); the result has one "snmp" node under the root,
  // with the matching fields and diagnostics. Returns nullptr only when
  // memory ran out (nothing to show).
  const tree::Tree* Dissect(absl::Span<const uint8_t> bytes, const MessageContext& context);

  // Scratch text for the epan side (item lines, strings): owned here so
  // that no string with a destructor lives in an epan frame.
  std::string& scratch() { return scratch_; }
  std::string& scratch2() { return scratch2_; }

 private:
  // Names from the compiled-in standard MIBs, as the tool shows them by
  // default (dissector/mib/core_table.h).
  Engine();

  struct Record {
    conversation::Match match;
    conversation::MessageRole role;
    // Requests: the first request of the exchange (packed frame << 8 |
    // index), whose answer every copy shows.
    uint64_t exchange = 0;
  };
  static uint64_t Pack(uint64_t frame, uint32_t index) { return frame << 8 | (index & 0xff); }

  conversation::Match Match(const MessageContext& context);
  // The request record of `frame` with `role`'s identifier, or nullptr.
  const Record* FindRequest(uint64_t frame, const conversation::MessageRole& role) const;

  proto::SnmpDissector snmp_;
  std::unique_ptr<usm::Processor> usm_;
  conversation::RequestTracker tracker_;
  absl::flat_hash_map<uint64_t, Record> records_;
  // Exchange (its first request) -> the frame that answered it.
  absl::flat_hash_map<uint64_t, uint64_t> answers_;
  tree::Tree tree_;
  std::string scratch_;
  std::string scratch2_;
};

}  // namespace snmpdissect::wireshark

#endif  // SNMPDISSECT_DISSECTOR_WIRESHARK_ENGINE_H_
