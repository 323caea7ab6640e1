#include "dissector/reassembly/ip_reassembly.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "dissector/time_arithmetic.h"

namespace snmpdissect::reassembly {
namespace {

// A frame or time distance that treats a step backwards (captures merged
// out of order) as no time at all.
uint64_t Since(uint64_t now, uint64_t then) { return now > then ? now - then : 0; }
int64_t Since(int64_t now, int64_t then) {
  return now > then ? time::SaturatingSub(now, then) : 0;
}

}  // namespace

IpReassembler::IpReassembler(IpLimits limits) : limits_(limits) {
  // One datagram of the largest size must always fit, or nothing could
  // complete.
  limits_.max_total_bytes =
      std::max(limits_.max_total_bytes, limits_.max_datagram + 2 * kDatagramOverhead +
                                            limits_.max_fragments *
                                                (sizeof(FragmentSource) + sizeof(Interval)));
  limits_.max_pending = std::max<size_t>(limits_.max_pending, 1);
  limits_.max_fragments = std::max<size_t>(limits_.max_fragments, 1);
}

void IpReassembler::Erase(List::iterator it) {
  stats_.bytes -= it->accounted;
  index_.erase(it->key);
  datagrams_.erase(it);
  stats_.pending = datagrams_.size();
}

void IpReassembler::Charge(Datagram* d) {
  const size_t now = d->buffer.capacity() + kDatagramOverhead +
                     d->sources.capacity() * sizeof(FragmentSource) +
                     d->covered.capacity() * sizeof(Interval);
  stats_.bytes = stats_.bytes - d->accounted + now;
  d->accounted = now;
  stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.bytes);
}

void IpReassembler::EvictStale(const Fragment& fragment) {
  uint64_t evicted = 0;
  while (!datagrams_.empty()) {
    const Datagram& oldest = datagrams_.front();
    const bool stale =
        Since(fragment.frame, oldest.first_frame) > limits_.max_age_frames ||
        (limits_.max_age_ns > 0 &&
         Since(fragment.time_ns, oldest.first_time_ns) > limits_.max_age_ns);
    if (!stale) break;
    Erase(datagrams_.begin());
    ++evicted;
  }
  if (evicted > 0) {
    stats_.evicted_stale += evicted;
    result_.events.push_back({FragmentEventKind::kEvictedStale, evicted});
  }
}

void IpReassembler::MakeRoom(size_t extra, bool new_datagram, const Datagram* keep) {
  uint64_t evicted = 0;
  auto it = datagrams_.begin();
  while (it != datagrams_.end() &&
         (stats_.bytes + extra > limits_.max_total_bytes ||
          (new_datagram && datagrams_.size() >= limits_.max_pending))) {
    if (&*it == keep) {
      ++it;
      continue;
    }
    auto next = std::next(it);
    Erase(it);
    it = next;
    ++evicted;
  }
  if (evicted > 0) {
    stats_.evicted_for_space += evicted;
    result_.events.push_back({FragmentEventKind::kEvictedForSpace, evicted});
  }
}

void IpReassembler::Store(Datagram* d, uint32_t begin, absl::Span<const uint8_t> data) {
  const uint32_t end = begin + static_cast<uint32_t>(data.size());
  if (begin == end) return;
  bool overlap = false, conflict = false;
  // Compare what is already there; copy only the gaps (first data wins).
  uint32_t at = begin;
  for (const Interval& iv : d->covered) {
    if (iv.end <= at) continue;
    if (iv.begin >= end) break;
    if (iv.begin > at) {
      std::memcpy(d->buffer.data() + at, data.data() + (at - begin), iv.begin - at);
      at = iv.begin;
    }
    const uint32_t stop = std::min(iv.end, end);
    overlap = true;
    if (std::memcmp(d->buffer.data() + at, data.data() + (at - begin), stop - at) != 0) {
      conflict = true;
    }
    at = stop;
  }
  if (at < end) std::memcpy(d->buffer.data() + at, data.data() + (at - begin), end - at);
  if (conflict) {
    result_.events.push_back({FragmentEventKind::kOverlapConflict, begin});
  } else if (overlap) {
    result_.events.push_back({FragmentEventKind::kOverlap, begin});
  }
  // Merge [begin, end) into the sorted interval list.
  Interval merged{begin, end};
  std::vector<Interval>& c = d->covered;
  auto first = std::lower_bound(c.begin(), c.end(), begin,
                                [](const Interval& iv, uint32_t b) { return iv.end < b; });
  auto last = first;
  while (last != c.end() && last->begin <= end) {
    merged.begin = std::min(merged.begin, last->begin);
    merged.end = std::max(merged.end, last->end);
    ++last;
  }
  first = c.erase(first, last);
  c.insert(first, merged);
}

bool IpReassembler::Complete(const Datagram& d) const {
  if (!d.tail_known) return false;
  if (d.tail_end == 0) return true;
  return d.covered.size() == 1 && d.covered[0].begin == 0 && d.covered[0].end == d.tail_end;
}

const FragmentResult& IpReassembler::Add(const FragmentKey& key, const Fragment& fragment) {
  result_.status = FragmentStatus::kDropped;
  result_.data = {};
  result_.fragments = {};
  result_.protocol = 0;
  result_.events.clear();
  EvictStale(fragment);

  const uint64_t end = uint64_t{fragment.offset} + fragment.data.size();
  if (end > limits_.max_datagram) {
    // RFC 791: a datagram is at most 65535 octets; a fragment reaching past
    // that is an attack or garbage (the "ping of death").
    result_.events.push_back({FragmentEventKind::kTooLong, end});
    ++stats_.dropped_fragments;
    return result_;
  }

  auto found = index_.find(key);
  Datagram* d = nullptr;
  if (found == index_.end()) {
    MakeRoom(kDatagramOverhead + end, /*new_datagram=*/true, nullptr);
    Datagram& fresh = datagrams_.emplace_back();
    fresh.key = key;
    fresh.first_frame = fragment.frame;
    fresh.first_time_ns = fragment.time_ns;
    fresh.protocol = key.version == 4 ? key.protocol : 0;
    index_.emplace(key, std::prev(datagrams_.end()));
    stats_.pending = datagrams_.size();
    d = &fresh;
    Charge(d);
  } else {
    d = &*found->second;
  }

  // RFC 8200 section 4.5: the last fragment fixes the length; data past it,
  // or a second last fragment ending elsewhere, cannot be placed.
  const uint32_t end32 = static_cast<uint32_t>(end);
  const uint32_t covered_end = d->covered.empty() ? 0 : d->covered.back().end;
  if ((!fragment.more && d->tail_known && end32 != d->tail_end) ||
      (!fragment.more && !d->tail_known && covered_end > end32) ||
      (fragment.more && d->tail_known && end32 > d->tail_end)) {
    result_.events.push_back({FragmentEventKind::kMultipleTails, end});
    ++stats_.dropped_fragments;
    return result_;
  }
  if (d->sources.size() >= limits_.max_fragments) {
    result_.events.push_back({FragmentEventKind::kTooManyFragments, d->sources.size()});
    ++stats_.dropped_fragments;
    Erase(index_.find(key)->second);
    return result_;
  }
  if (!fragment.more) {
    d->tail_known = true;
    d->tail_end = end32;
  }
  if (end32 > d->buffer.size()) {
    // Geometric growth (capped) so that in-order fragments do not copy the
    // buffer each time; capacity is what is charged.
    const size_t old_capacity = d->buffer.capacity();
    if (end32 > old_capacity) {
      const size_t capacity =
          std::min(std::max<size_t>(end32, 2 * old_capacity), limits_.max_datagram);
      MakeRoom(capacity - old_capacity, /*new_datagram=*/false, d);
      d->buffer.reserve(capacity);
    }
    d->buffer.resize(end32);
  }
  Store(d, fragment.offset, fragment.data);
  d->sources.push_back({fragment.frame, fragment.offset,
                        static_cast<uint32_t>(fragment.data.size())});
  if (key.version == 6 && fragment.offset == 0) d->protocol = fragment.next_header;
  Charge(d);
  MakeRoom(0, /*new_datagram=*/false, d);  // bookkeeping may have grown

  if (!Complete(*d)) {
    result_.status = FragmentStatus::kHeld;
    return result_;
  }
  completed_.swap(d->buffer);
  completed_.resize(d->tail_end);
  completed_sources_.assign(d->sources.begin(), d->sources.end());
  std::stable_sort(completed_sources_.begin(), completed_sources_.end(),
                   [](const FragmentSource& a, const FragmentSource& b) {
                     return a.offset < b.offset;
                   });
  result_.protocol = d->protocol;
  Erase(index_.find(key)->second);
  ++stats_.completed;
  result_.status = FragmentStatus::kComplete;
  result_.data = completed_;
  result_.fragments = completed_sources_;
  return result_;
}

}  // namespace snmpdissect::reassembly
