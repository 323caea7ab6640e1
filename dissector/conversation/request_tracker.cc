#include "dissector/conversation/request_tracker.h"

#include <algorithm>

#include "dissector/time_arithmetic.h"

namespace snmpdissect::conversation {

RequestTracker::RequestTracker(TrackerLimits limits)
    : limits_(limits), answers_(limits.max_answers) {
  limits_.max_requests = std::max<size_t>(limits_.max_requests, 1);
}

RequestTracker::Key RequestTracker::MakeKey(const Flow& flow, const MessageRole& role,
                                            bool from_client) {
  Key k;
  k.client = from_client ? flow.src : flow.dst;
  k.server = from_client ? flow.dst : flow.src;
  k.client_port = from_client ? flow.src_port : flow.dst_port;
  k.server_port = from_client ? flow.dst_port : flow.src_port;
  k.ip_version = flow.ip_version;
  k.transport = flow.transport;
  k.space = role.space;
  k.id = role.id;
  return k;
}

bool RequestTracker::Stale(const Exchange& e, int64_t now) const {
  // Capture time may run backwards (merged captures, clock steps): a
  // request "from the future" is not stale.
  return limits_.max_age_ns > 0 && now > e.last_time_ns &&
         static_cast<uint64_t>(now) - static_cast<uint64_t>(e.last_time_ns) >
             static_cast<uint64_t>(limits_.max_age_ns);
}

void RequestTracker::EvictFront() {
  exchanges_.erase(ring_[head_]);
  head_ = head_ + 1 == ring_.size() ? 0 : head_ + 1;
}

void RequestTracker::EvictStale(int64_t now) {
  // The ring is in order of first sight, so the front is (about) the
  // oldest; stop at the first that is still young.
  while (!exchanges_.empty()) {
    const auto it = exchanges_.find(ring_[head_]);
    if (it == exchanges_.end() || !Stale(it->second, now)) return;
    EvictFront();
    ++stats_.evicted_by_age;
  }
}

void RequestTracker::PushRing(const Key& key) {
  const size_t held = exchanges_.size();  // before this key is inserted
  if (held == ring_.size()) {
    // Full ring below the cap: grow (doubling, at most to the cap) and
    // unroll it so the oldest is at 0.
    std::vector<Key> grown;
    grown.reserve(std::min(limits_.max_requests, std::max<size_t>(64, ring_.size() * 2)));
    for (size_t i = 0; i < held; ++i) grown.push_back(ring_[(head_ + i) % ring_.size()]);
    grown.resize(grown.capacity());
    ring_.swap(grown);
    head_ = 0;
  }
  ring_[(head_ + held) % ring_.size()] = key;
}

Match RequestTracker::Request(const Key& key, RequestRef at, int64_t now) {
  Match m;
  ++stats_.requests;
  auto it = exchanges_.find(key);
  if (it != exchanges_.end() && !Stale(it->second, now)) {
    Exchange& e = it->second;
    m.kind = MatchKind::kRetransmission;
    m.request_frame = e.first.frame;
    ++stats_.retransmissions;
    if (e.response_frame != 0) {
      // Answered already: the identifier is reused, and this copy opens a
      // new exchange for the next response.
      e.first = at;
      e.response_frame = 0;
    }
    e.last_frame = at.frame;
    e.last_time_ns = now;
  } else {
    m.kind = MatchKind::kRequest;
    const Exchange fresh{.first = at, .last_frame = at.frame, .last_time_ns = now};
    if (it != exchanges_.end()) {
      // Stale but not yet at the ring's front: reuse its slot.
      it->second = fresh;
    } else {
      if (exchanges_.size() >= limits_.max_requests) {
        EvictFront();
        ++stats_.evicted_by_count;
      }
      PushRing(key);
      it = exchanges_.emplace(key, fresh).first;
    }
  }
  if (second_pass_) {
    m.response_frame = answers_.Find(it->second.first);
    m.unanswered = m.response_frame == 0 && answers_complete();
  }
  return m;
}

Match RequestTracker::Response(const Key& key, bool certain, RequestRef at, int64_t now) {
  Match m;
  const auto it = exchanges_.find(key);
  if (it == exchanges_.end() || Stale(it->second, now)) {
    // An unreadable SNMPv3 message with reportableFlag clear may as well be
    // a notification: only a certain response is unmatched.
    if (certain) {
      m.kind = MatchKind::kUnmatchedResponse;
      ++stats_.unmatched_responses;
    }
    return m;
  }
  Exchange& e = it->second;
  m.request_frame = e.last_frame;
  m.elapsed_ns = time::SaturatingSub(now, e.last_time_ns);
  if (e.response_frame == 0) {
    m.kind = MatchKind::kResponse;
    e.response_frame = at.frame;
    ++stats_.matched;
    if (limits_.record_answers && !second_pass_) answers_.Add(e.first, at.frame);
  } else {
    m.kind = MatchKind::kDuplicateResponse;
    m.first_response_frame = e.response_frame;
    ++stats_.duplicate_responses;
  }
  return m;
}

Match RequestTracker::Track(const Flow& flow, const MessageRole& role, RequestRef at,
                            int64_t time_ns) {
  if (role.kind == RoleKind::kNone || flow.ip_version == 0 || flow.transport == 0) {
    return Match{};
  }
  EvictStale(time_ns);
  if (role.kind == RoleKind::kRequest) {
    return Request(MakeKey(flow, role, /*from_client=*/true), at, time_ns);
  }
  return Response(MakeKey(flow, role, /*from_client=*/false),
                  /*certain=*/role.kind == RoleKind::kResponse, at, time_ns);
}

void RequestTracker::ForgetExchanges() {
  // Erasing one by one keeps the table's capacity (clear() would free a
  // large one), so the second pass does not grow it again.
  for (auto it = exchanges_.begin(); it != exchanges_.end();) exchanges_.erase(it++);
  head_ = 0;
}

void RequestTracker::StartSecondPass() {
  ForgetExchanges();
  stats_ = TrackerStats{};
  answers_.Freeze();
  second_pass_ = true;
}

void RequestTracker::Reset() {
  ForgetExchanges();
  stats_ = TrackerStats{};
  answers_.Clear();
  second_pass_ = false;
}

}  // namespace snmpdissect::conversation
