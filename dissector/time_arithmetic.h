// Time arithmetic that cannot overflow, for timestamps taken from capture
// files: a hostile file can put any 64-bit value in a timestamp, and signed
// overflow is undefined behaviour (found by the fuzzers; see
// corpus/regressions/*-overflow). Header-only, shared by the capture,
// frame, reassembly and conversation code.
//
//   int64_t ns = time::SaturatingNs(tv_sec, fraction_ns);
//   int64_t delta = time::SaturatingSub(now_ns, then_ns);

#ifndef SNMPDISSECT_DISSECTOR_TIME_ARITHMETIC_H_
#define SNMPDISSECT_DISSECTOR_TIME_ARITHMETIC_H_

#include <cstdint>
#include <limits>

namespace snmpdissect::time {

// a - b, clamped to the int64 range.
inline int64_t SaturatingSub(int64_t a, int64_t b) {
  int64_t result = 0;
  if (!__builtin_sub_overflow(a, b, &result)) return result;
  return b < 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
}

// seconds * 1e9 + nanoseconds, clamped to the int64 range (about the years
// 1678 to 2262).
inline int64_t SaturatingNs(int64_t seconds, int64_t nanoseconds) {
  int64_t scaled = 0;
  int64_t result = 0;
  if (__builtin_mul_overflow(seconds, int64_t{1'000'000'000}, &scaled) ||
      __builtin_add_overflow(scaled, nanoseconds, &result)) {
    return seconds < 0 ? std::numeric_limits<int64_t>::min()
                       : std::numeric_limits<int64_t>::max();
  }
  return result;
}

}  // namespace snmpdissect::time

#endif  // SNMPDISSECT_DISSECTOR_TIME_ARITHMETIC_H_
