#include "dissector/conversation/answer_table.h"

#include <algorithm>

namespace snmpdissect::conversation {

void AnswerTable::Add(RequestRef request, uint64_t response_frame) {
  if (frozen_) return;
  if (entries_.size() >= max_entries_ || request.index >= kMaxIndex ||
      request.frame >= (uint64_t{1} << 56)) {
    ++dropped_;
    return;
  }
  // Grow geometrically but never past the cap, so a capped table holds at
  // most max_entries_ entries of memory.
  if (entries_.size() == entries_.capacity()) {
    entries_.reserve(std::min(max_entries_, std::max<size_t>(64, entries_.capacity() * 2)));
  }
  entries_.push_back(Entry{Pack(request), response_frame});
}

void AnswerTable::Freeze() {
  if (frozen_) return;
  // Responses mostly arrive in request order: nearly sorted already. A
  // stable sort keeps the first answer recorded for a request first.
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.request < b.request; });
  frozen_ = true;
}

uint64_t AnswerTable::Find(RequestRef request) const {
  if (!frozen_ || request.index >= kMaxIndex) return 0;
  const uint64_t key = Pack(request);
  const auto it = std::lower_bound(
      entries_.begin(), entries_.end(), key,
      [](const Entry& e, uint64_t k) { return e.request < k; });
  return it != entries_.end() && it->request == key ? it->response_frame : 0;
}

void AnswerTable::Clear() {
  entries_.clear();
  frozen_ = false;
  dropped_ = 0;
}

}  // namespace snmpdissect::conversation
