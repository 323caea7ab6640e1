#include "dissector/stats/agent_table.h"

#include <algorithm>
#include <tuple>

namespace snmpdissect::stats {
void AgentPair::CountReport(const char* counter) {
  for (size_t i = 0; i < report_slots_used; ++i) {
    if (report_counters[i] == counter) {
      ++report_counts[i];
      return;
    }
  }
  // More distinct counters than slots cannot happen with the codec's table
  // (13 names and the unknown one); should it grow, the rest share the last
  // slot as unknown.
  size_t slot = kReportSlots - 1;
  if (report_slots_used < kReportSlots) {
    slot = report_slots_used++;
    report_counters[slot] = counter;
  } else {
    report_counters[slot] = nullptr;
  }
  ++report_counts[slot];
}

AgentTable::AgentTable(size_t max_pairs) : max_pairs_(std::max<size_t>(max_pairs, 1)) {
  records_.reserve(max_pairs_);
  index_.reserve(max_pairs_);
}

void AgentTable::Unlink(uint32_t i) {
  AgentPair& r = records_[i];
  if (r.newer_ != kNone) records_[r.newer_].older_ = r.older_;
  else newest_ = r.older_;
  if (r.older_ != kNone) records_[r.older_].newer_ = r.newer_;
  else oldest_ = r.newer_;
}

void AgentTable::LinkNewest(uint32_t i) {
  AgentPair& r = records_[i];
  r.newer_ = kNone;
  r.older_ = newest_;
  if (newest_ != kNone) records_[newest_].newer_ = i;
  newest_ = i;
  if (oldest_ == kNone) oldest_ = i;
}

AgentPair* AgentTable::Find(const PairKey& key) {
  const auto it = index_.find(key);
  return it == index_.end() ? nullptr : &records_[it->second];
}

AgentPair* AgentTable::Touch(Handle handle, int64_t timestamp_ns) {
  if (handle.index >= records_.size() || records_[handle.index].generation_ != handle.generation) {
    return nullptr;
  }
  const uint32_t i = handle.index;
  if (newest_ != i) {
    Unlink(i);
    LinkNewest(i);
  }
  records_[i].last_ns = timestamp_ns;
  return &records_[i];
}

AgentPair& AgentTable::Touch(const PairKey& key, int64_t timestamp_ns, uint64_t frame_number) {
  const auto it = index_.find(key);
  if (it != index_.end()) {
    AgentPair& pair = records_[it->second];
    return *Touch(HandleOf(pair), timestamp_ns);
  }
  uint32_t i;
  if (records_.size() < max_pairs_) {
    i = static_cast<uint32_t>(records_.size());
    records_.emplace_back();  // within the reserved capacity
  } else {
    // The least recently seen pair makes room. flat_hash_map's erase leaves
    // a tombstone and its inserts reuse or purge them in place, so the
    // index never grows past its reserved capacity.
    i = oldest_;
    Unlink(i);
    ++evicted_pairs_;
    evicted_messages_ += records_[i].messages;
    index_.erase(records_[i].key);
    const uint32_t generation = records_[i].generation_ + 1;
    records_[i] = AgentPair{};
    records_[i].generation_ = generation;
  }
  AgentPair& pair = records_[i];
  pair.key = key;
  pair.first_frame = frame_number;
  pair.first_ns = timestamp_ns;
  pair.last_ns = timestamp_ns;
  index_.emplace(key, i);
  LinkNewest(i);
  return pair;
}

void AgentTable::ForEach(absl::FunctionRef<void(const AgentPair&)> each) const {
  // Printing only, once per run: the order costs a small vector.
  std::vector<const AgentPair*> order;
  order.reserve(index_.size());
  for (const auto& [key, i] : index_) order.push_back(&records_[i]);
  std::sort(order.begin(), order.end(), [](const AgentPair* a, const AgentPair* b) {
    return std::tie(a->first_frame, a->key.manager, a->key.agent, a->key.port) <
           std::tie(b->first_frame, b->key.manager, b->key.agent, b->key.port);
  });
  for (const AgentPair* p : order) each(*p);
}

}  // namespace snmpdissect::stats
