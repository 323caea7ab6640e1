// The answers a first pass over a capture learned, for the second pass of a
// two-pass analysis (tshark -2): which frame answered each request. In one
// pass a request cannot know its response (it comes later); the second pass
// looks it up here to show "[Response In: N]" and to say which requests
// were never answered.
//
//   conversation::AnswerTable answers(/*max_entries=*/1 << 22);
//   // first pass, as responses match:
//   answers.Add(RequestRef{.frame = 1, .index = 0}, /*response_frame=*/2);
//   answers.Freeze();                     // between the passes
//   // second pass:
//   uint64_t response = answers.Find(RequestRef{.frame = 1, .index = 0});  // 2
//
// A request is named by its frame and its index among the SNMP messages of
// that frame (a TCP segment may carry several). Entries are appended in the
// order responses arrive and sorted once by Freeze(); Find() is a binary
// search, so the second pass allocates nothing.
//
// Bounded: at most `max_entries` entries (16 octets each). Past the cap,
// Add() drops the answer and overflowed() turns true: the table then no
// longer knows every answer, so the second pass must not claim a request
// went unanswered (it still shows the answers it kept). Messages with an
// index of kMaxIndex or more in their frame are not recorded (and count
// as dropped).

#ifndef SNMPDISSECT_DISSECTOR_CONVERSATION_ANSWER_TABLE_H_
#define SNMPDISSECT_DISSECTOR_CONVERSATION_ANSWER_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace snmpdissect::conversation {

// One SNMP message of a capture: its frame (1-based) and its position among
// the frame's SNMP messages (0-based).
struct RequestRef {
  uint64_t frame = 0;
  uint32_t index = 0;

  friend bool operator==(const RequestRef&, const RequestRef&) = default;
};

class AnswerTable {
 public:
  // Messages per frame distinguished (the index takes the low 8 bits of a
  // packed key; frame numbers up to 2^56 fit the rest).
  static constexpr uint32_t kMaxIndex = 256;

  explicit AnswerTable(size_t max_entries) : max_entries_(max_entries) {}

  // Records that `request` was answered by `response_frame` (first pass).
  // Ignored once frozen.
  void Add(RequestRef request, uint64_t response_frame);
  // Sorts the entries for Find(); Add() is ignored from now on.
  void Freeze();
  // The frame that answered `request`, 0 when none is known. Only after
  // Freeze(); 0 before.
  [[nodiscard]] uint64_t Find(RequestRef request) const;
  // Forgets everything (and unfreezes); keeps the capacity.
  void Clear();

  size_t size() const { return entries_.size(); }
  size_t max_entries() const { return max_entries_; }
  bool frozen() const { return frozen_; }
  // Some answer was dropped (cap or index): the table is incomplete.
  bool overflowed() const { return dropped_ > 0; }
  uint64_t dropped() const { return dropped_; }

 private:
  struct Entry {
    uint64_t request;  // frame << 8 | index
    uint64_t response_frame;
  };
  static uint64_t Pack(RequestRef r) { return r.frame << 8 | r.index; }

  size_t max_entries_;
  std::vector<Entry> entries_;
  bool frozen_ = false;
  uint64_t dropped_ = 0;
};

}  // namespace snmpdissect::conversation

#endif  // SNMPDISSECT_DISSECTOR_CONVERSATION_ANSWER_TABLE_H_
