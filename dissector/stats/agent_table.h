// The per manager/agent pair table behind -z snmp,agents (agents.h), kept a
// module of its own so that other analyses across frames (the planned
// security audit) can fill and read the same records.
//
//   AgentTable table;                          // kMaxAgentPairs records
//   AgentPair& pair = table.Touch(key, timestamp_ns);
//   ++pair.pdus[tag];
//   pair.communities.Add(community);
//   table.ForEach([](const AgentPair& p) { ... });
//
// A pair is two IP addresses in their roles (RFC 3411 section 2.2: the
// manager commands, the agent responds and notifies) and the port of the
// side that listens; the other side's port is not part of it, since a
// manager sends each request from any port it likes.
//
// Cost model: every record lives in one array reserved when the table is
// built (cap x sizeof(AgentPair), about 2.2 KiB a pair: 9 MiB of address
// space at the default cap, resident only as records come into use) and a
// hash index reserved for the cap too; names are copied into fixed buffers inside the
// record. Touching a pair, new or known, allocates nothing: a new pair
// takes the next unused record until the cap, then the least recently
// seen pair's record (its index entry erased, the record reset). So a
// capture of any length, or a flood of spoofed addresses, costs at most
// the cap's memory, and the table says how many pairs (and their
// messages) it evicted.
//
// Hostile text: names (communities, user names, sysDescr, sysName) are
// packet bytes of any length; each record keeps a few distinct ones per
// kind, each cut to a fixed size at a UTF-8 character boundary (marked
// truncated), and counts the distinct ones it had no room for.

#ifndef SNMPDISSECT_DISSECTOR_STATS_AGENT_TABLE_H_
#define SNMPDISSECT_DISSECTOR_STATS_AGENT_TABLE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"

namespace snmpdissect::stats {

// Records kept at most (the default cap).
inline constexpr size_t kMaxAgentPairs = 4096;

// A few distinct strings, each at most Bytes long as kept.
template <size_t Count, size_t Bytes>
class BoundedNames {
 public:
  // Keeps `text` (cut to Bytes at a character boundary) unless a kept name
  // already has the same cut text; when all Count places are taken, counts
  // the message in not_kept() instead (each time: nothing remembers which
  // names those were, so it counts messages, not names).
  void Add(std::string_view text);
  void Clear() { size_ = 0, not_kept_ = 0; }

  size_t size() const { return size_; }
  std::string_view text(size_t i) const { return {texts_[i].data(), lengths_[i]}; }
  bool truncated(size_t i) const { return truncated_[i]; }
  uint64_t not_kept() const { return not_kept_; }

 private:
  std::array<std::array<char, Bytes>, Count> texts_;
  std::array<uint16_t, Count> lengths_{};
  std::array<bool, Count> truncated_{};
  uint8_t size_ = 0;
  uint64_t not_kept_ = 0;
};

// The longest prefix of `text` of at most `limit` octets that does not end
// inside a UTF-8 sequence (RFC 3629 section 3: continuation octets are
// 10xxxxxx), so a cut name never grows an invalid character of its own.
inline size_t CutAtCharacter(std::string_view text, size_t limit) {
  if (text.size() <= limit) return text.size();
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  return cut;
}

template <size_t Count, size_t Bytes>
void BoundedNames<Count, Bytes>::Add(std::string_view text) {
  static_assert(Bytes <= UINT16_MAX && Count <= UINT8_MAX);
  const size_t length = CutAtCharacter(text, Bytes);
  const std::string_view kept = text.substr(0, length);
  for (size_t i = 0; i < size_; ++i) {
    if (this->text(i) == kept) return;
  }
  if (size_ == Count) {
    ++not_kept_;
    return;
  }
  std::memcpy(texts_[size_].data(), kept.data(), length);
  lengths_[size_] = static_cast<uint16_t>(length);
  truncated_[size_] = length != text.size();
  ++size_;
}

struct PairKey {
  uint8_t ip_version = 0;                 // 4 or 6
  // The side that listens on `port`: the agent for commands (161), the
  // manager for notifications (162).
  bool listener_is_manager = false;
  uint16_t port = 0;
  std::array<uint8_t, 16> manager{};      // IPv4 in the first 4 octets
  std::array<uint8_t, 16> agent{};

  friend bool operator==(const PairKey&, const PairKey&) = default;
  template <typename H>
  friend H AbslHashValue(H h, const PairKey& k) {
    return H::combine(std::move(h), k.ip_version, k.listener_is_manager, k.port, k.manager,
                      k.agent);
  }
};

// PDU tags 0 (get-request) .. 8 (report), RFC 3416 section 3.
inline constexpr size_t kPduTypes = 9;
// error-status values counted one by one: RFC 3416 section 3 defines 0..18;
// larger (non-conforming) values share the last slot.
inline constexpr size_t kErrorStatusSlots = 32;
// Report counters kept per pair (codec/snmp/report.h names 13).
inline constexpr size_t kReportSlots = 16;

struct AgentPair {
  PairKey key;
  uint64_t first_frame = 0;  // the frame that created the record
  int64_t first_ns = 0;
  int64_t last_ns = 0;
  uint64_t messages = 0;
  // snmp.version / snmp.msgVersion values 0..7 seen (bit v); other values
  // set other_version.
  uint8_t versions = 0;
  bool other_version = false;
  // SNMPv3 security levels seen, by msgFlags' auth (bit 0) and priv (bit 1)
  // flags (RFC 3412 section 6.4): bit (auth | priv << 1) is set, so 1 is
  // noAuthNoPriv, 2 authNoPriv, 8 authPriv, 4 the invalid priv without auth.
  uint8_t security_levels = 0;
  BoundedNames<4, 64> communities;
  BoundedNames<8, 64> users;
  std::array<uint64_t, kPduTypes> pdus{};
  uint64_t unreadable_pdus = 0;  // encrypted and not decrypted, or malformed
  std::array<uint64_t, kErrorStatusSlots> error_status{};  // [0] noError too
  uint64_t requests = 0;             // new requests (not retransmissions)
  uint64_t answered = 0;             // of them, answered by a Response/Report
  uint64_t unmatched_responses = 0;  // answering no request held
  // Reports by counter: `report_counters[i]` names it (a codec/snmp/report.h
  // name, static), nullptr for a Report naming no known counter.
  std::array<const char*, kReportSlots> report_counters{};
  std::array<uint64_t, kReportSlots> report_counts{};
  uint8_t report_slots_used = 0;
  BoundedNames<2, 256> sys_descr;
  BoundedNames<2, 64> sys_name;

  uint64_t unanswered() const { return requests > answered ? requests - answered : 0; }
  void CountReport(const char* counter);

 private:
  friend class AgentTable;
  uint32_t generation_ = 0;  // bumped each time the record is reused
  uint32_t newer_ = 0;  // LRU list, by record index; kNone at the ends
  uint32_t older_ = 0;
};

class AgentTable {
 public:
  explicit AgentTable(size_t max_pairs = kMaxAgentPairs);
  AgentTable(const AgentTable&) = delete;
  AgentTable& operator=(const AgentTable&) = delete;

  // The pair's record, made (first_ns = `timestamp_ns`) when new; its
  // last_ns is `timestamp_ns` after this and it becomes the most recent.
  // `frame_number` is kept as first_frame of a new record.
  AgentPair& Touch(const PairKey& key, int64_t timestamp_ns, uint64_t frame_number);
  // The record of `key`, or nullptr; does not change recency.
  AgentPair* Find(const PairKey& key);

  // A handle that outlives nothing: (index, generation) of a record, so a
  // caller can remember a pair without a pointer or a key copy, and learn
  // when it was evicted since.
  struct Handle {
    uint32_t index = UINT32_MAX;
    uint32_t generation = 0;
  };
  Handle HandleOf(const AgentPair& pair) const {
    return {static_cast<uint32_t>(&pair - records_.data()), pair.generation_};
  }
  // Touch() by handle: nullptr when the record was evicted (or reused)
  // since the handle was taken.
  AgentPair* Touch(Handle handle, int64_t timestamp_ns);

  // Every record held, oldest first-seen frame first.
  void ForEach(absl::FunctionRef<void(const AgentPair&)> each) const;

  size_t size() const { return index_.size(); }
  size_t max_pairs() const { return max_pairs_; }
  uint64_t evicted_pairs() const { return evicted_pairs_; }
  uint64_t evicted_messages() const { return evicted_messages_; }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  void Unlink(uint32_t i);
  void LinkNewest(uint32_t i);

  size_t max_pairs_;
  std::vector<AgentPair> records_;  // capacity max_pairs_, never reallocated
  absl::flat_hash_map<PairKey, uint32_t> index_;
  uint32_t newest_ = kNone;
  uint32_t oldest_ = kNone;
  uint64_t evicted_pairs_ = 0;
  uint64_t evicted_messages_ = 0;
};

}  // namespace snmpdissect::stats

#endif  // SNMPDISSECT_DISSECTOR_STATS_AGENT_TABLE_H_
