// SNMP request/response matching within each conversation, as Wireshark's
// SNMP dissector does it (snmp.response_in, snmp.response_to, snmp.time),
// with diagnostics for retransmitted requests, duplicate responses,
// responses to nothing and (in a second pass) requests never answered.
//
// One pass (what tshark shows without -2): a response learns its request.
//
//   conversation::RequestTracker tracker;                   // per capture
//   for (each SNMP message m of each frame, in capture order) {
//     const conversation::Match match = tracker.Track(
//         flow, conversation::ClassifyMessage(m), {.frame = n, .index = i}, time_ns);
//     conversation::AddMatchTree(match, &tree, snmp_node);  // match_tree.h
//   }
//
// Two passes (tshark -2): the first pass records which frame answered each
// request; the second pass shows it on the request, and says which
// requests got no answer.
//
//   conversation::RequestTracker tracker({.record_answers = true});
//   first pass: Track(...) every message (the results may be ignored)
//   tracker.StartSecondPass();
//   second pass: Track(...) again; requests now carry response_frame /
//   unanswered.
//
// Conversations. A request travels client -> server and its answer
// server -> client over the same transport, so a message's key is (transport,
// client address and port, server address and port) taken from its source
// for a request and from its destination for a response, plus the identifier
// space (request-id for SNMPv1/v2c, msgID for SNMPv3; message_role.h) and the
// identifier. The same request-id on another port pair, transport or IP
// version is another request. An answer must come from the address and port
// the request went to (RFC 3417 section 3: the response goes back to the
// transport address the request came from); an agent answering from another
// port is not matched.
//
// Retransmissions. A request with the key of one still outstanding is a
// retransmission of it (the original named). A request with the key of one
// already answered is a retransmission too (same identifier reused) and
// opens a new exchange: the next response answers it. The response's
// snmp.response_to and snmp.time refer to the latest copy of the request
// (as Wireshark's do). A second response to the same exchange is a
// duplicate response.
//
// Bounds (memory does not grow with the capture):
// - At most TrackerLimits::max_requests exchanges are held (answered ones
//   too, to recognise retransmissions and duplicates); a new request past
//   the cap evicts the oldest (by first sight; a FIFO ring beside the hash
//   map). 88 octets per hash slot (at most twice the cap) plus 48 per ring
//   slot: at most about 15 MB at the default 65536.
// - An exchange whose latest request is older than max_age_ns of capture
//   time is forgotten (evicted from the ring's front; one found stale before
//   it reaches the front is treated as gone). A response after that no
//   longer matches and is reported unmatched.
// - The answer table for two passes holds at most max_answers entries (16
//   octets each, 64 MB at the default 4M); see answer_table.h for what
//   happens past it. It is kept only when record_answers is set.
// Steady state allocates nothing: the map and the ring stop growing at the
// cap, and erasing leaves the map's capacity in place.
//
// Not thread-safe. Feed messages in capture order.

#ifndef SNMPDISSECT_DISSECTOR_CONVERSATION_REQUEST_TRACKER_H_
#define SNMPDISSECT_DISSECTOR_CONVERSATION_REQUEST_TRACKER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dissector/conversation/answer_table.h"
#include "dissector/conversation/flow.h"
#include "dissector/conversation/message_role.h"

namespace snmpdissect::conversation {

struct TrackerLimits {
  // Exchanges (requests, answered or not) held at once; at least 1.
  size_t max_requests = 65536;
  // Capture time after which an unanswered request is given up (and an
  // answered one forgotten); 0 or less: never by age.
  int64_t max_age_ns = int64_t{60} * 1'000'000'000;
  // Answers kept for a second pass (when record_answers is set).
  size_t max_answers = size_t{1} << 22;
  // Keep request -> response frame pairs in the first pass, for
  // StartSecondPass(). Off for one-pass runs: no memory grows with them.
  bool record_answers = false;
};

enum class MatchKind : uint8_t {
  kNone,               // not matched: unconfirmed, no transport, or an
                       // unreadable SNMPv3 message with nothing to answer
  kRequest,            // a request seen for the first time
  kRetransmission,     // a request seen before (request_frame: the original)
  kResponse,           // answers request_frame
  kDuplicateResponse,  // answers request_frame again (first in first_response_frame)
  kUnmatchedResponse,  // a Response or Report to no request held
};

// What Track() found for one message.
struct Match {
  MatchKind kind = MatchKind::kNone;
  // kResponse, kDuplicateResponse: the request answered (its latest copy).
  // kRetransmission: the original request of the exchange.
  uint64_t request_frame = 0;
  // kResponse, kDuplicateResponse: capture time since request_frame.
  int64_t elapsed_ns = 0;
  // kDuplicateResponse: the response that came first.
  uint64_t first_response_frame = 0;
  // Second pass only, for kRequest and kRetransmission: the frame that
  // answered the exchange (0: none known), and whether the first pass saw
  // every answer and none came (kSnmpNoResponse).
  uint64_t response_frame = 0;
  bool unanswered = false;

  friend bool operator==(const Match&, const Match&) = default;
};

struct TrackerStats {
  uint64_t requests = 0;             // kRequest + kRetransmission
  uint64_t retransmissions = 0;
  uint64_t matched = 0;              // kResponse
  uint64_t duplicate_responses = 0;
  uint64_t unmatched_responses = 0;
  uint64_t evicted_by_count = 0;     // exchanges dropped at the cap
  uint64_t evicted_by_age = 0;       // exchanges dropped after max_age_ns
};

class RequestTracker {
 public:
  explicit RequestTracker(TrackerLimits limits = {});

  // Matches one message: `flow` is who sent it to whom, `role` what it is
  // (ClassifyMessage), `at` which message of the capture, `time_ns` its
  // capture time.
  [[nodiscard]] Match Track(const Flow& flow, const MessageRole& role, RequestRef at,
                            int64_t time_ns);

  // Between the passes of a two-pass run: forgets every exchange and the
  // statistics, freezes the answers the first pass recorded, and from now
  // on fills Match::response_frame and Match::unanswered for requests.
  void StartSecondPass();
  // Forgets everything, answers included; back to a first pass.
  void Reset();

  bool second_pass() const { return second_pass_; }
  // Whether the second pass may say a request went unanswered: answers
  // were recorded and none was dropped.
  bool answers_complete() const {
    return limits_.record_answers && !answers_.overflowed();
  }
  const TrackerLimits& limits() const { return limits_; }
  const TrackerStats& stats() const { return stats_; }
  const AnswerTable& answers() const { return answers_; }
  // Exchanges held now (at most limits().max_requests).
  size_t size() const { return exchanges_.size(); }

 private:
  struct Key {
    std::array<uint8_t, 16> client{};
    std::array<uint8_t, 16> server{};
    uint16_t client_port = 0;
    uint16_t server_port = 0;
    uint8_t ip_version = 0;
    uint8_t transport = 0;
    IdSpace space = IdSpace::kRequestId;
    int64_t id = 0;

    friend bool operator==(const Key&, const Key&) = default;
    template <typename H>
    friend H AbslHashValue(H h, const Key& k) {
      return H::combine(std::move(h), k.client, k.server, k.client_port, k.server_port,
                        k.ip_version, k.transport, k.space, k.id);
    }
  };
  struct Exchange {
    RequestRef first;           // the request that opened the exchange
    uint64_t last_frame = 0;    // its latest copy
    int64_t last_time_ns = 0;
    uint64_t response_frame = 0;  // 0: outstanding
  };

  static Key MakeKey(const Flow& flow, const MessageRole& role, bool from_client);
  bool Stale(const Exchange& e, int64_t now) const;
  void EvictStale(int64_t now);
  void EvictFront();
  void PushRing(const Key& key);
  void ForgetExchanges();
  Match Request(const Key& key, RequestRef at, int64_t now);
  Match Response(const Key& key, bool certain, RequestRef at, int64_t now);

  TrackerLimits limits_;
  absl::flat_hash_map<Key, Exchange> exchanges_;
  // Keys in order of insertion: ring_[(head_ + i) % ring_.size()] for
  // i < exchanges_.size(). Every held exchange has exactly one slot.
  std::vector<Key> ring_;
  size_t head_ = 0;
  AnswerTable answers_;
  bool second_pass_ = false;
  TrackerStats stats_;
};

}  // namespace snmpdissect::conversation

#endif  // SNMPDISSECT_DISSECTOR_CONVERSATION_REQUEST_TRACKER_H_
