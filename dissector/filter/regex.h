// "matches": a PCRE2 pattern compiled once, as Wireshark 4.0 compiles it
// (epan/dfilter: case-insensitive, UTF-8), with bounds for hostile
// patterns and subjects:
//   - compile: parentheses nested at most kRegexNestLimit deep;
//   - match: at most kRegexMatchLimit backtracking steps, kRegexDepthLimit
//     deep, kRegexHeapLimitKiB of heap; a match that hits a limit counts
//     as no match (a frame is never selected by a pattern that gave up).
// Subjects need not be valid UTF-8 (PCRE2_MATCH_INVALID_UTF): packet
// strings are arbitrary octets.
//
// Matching allocates nothing once the match data has grown to what the
// pattern needs (PCRE2 keeps its backtracking frames in the match data).
// Not thread-safe: one Regex is one match at a time.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_REGEX_H_
#define SNMPDISSECT_DISSECTOR_FILTER_REGEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace snmpdissect::filter {

inline constexpr uint32_t kRegexNestLimit = 64;
inline constexpr uint32_t kRegexMatchLimit = 100000;
inline constexpr uint32_t kRegexDepthLimit = 1000;
inline constexpr uint32_t kRegexHeapLimitKiB = 4096;

class Regex {
 public:
  // nullptr with `error` set when `pattern` does not compile.
  static std::unique_ptr<Regex> Compile(std::string_view pattern, std::string* error);
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  bool Matches(std::string_view subject) const;

 private:
  Regex() = default;
  struct State;
  State* state_ = nullptr;
};

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_REGEX_H_
