// Time arithmetic that cannot overflow, for timestamps taken from capture
// files: a hostile file can put any 64-bit value in a timestamp, and signed
// overflow is undefined behaviour (found by the fuzzers; see
// corpus/regressions/*-overflow). Shared by the capture, frame, reassembly
// and conversation code through the dissector_time library: a library
// rather than inline functions, so its users must name it in CMake to link
// and the dependency is checked like any other (DESIGN.md: dependencies
// point down; a wrong-way one fails to link).
//
//   int64_t ns = time::SaturatingNs(tv_sec, fraction_ns);
//   int64_t delta = time::SaturatingSub(now_ns, then_ns);

#ifndef SNMPDISSECT_DISSECTOR_TIME_ARITHMETIC_H_
#define SNMPDISSECT_DISSECTOR_TIME_ARITHMETIC_H_

#include <cstdint>

namespace snmpdissect::time {

// a - b, clamped to the int64 range.
int64_t SaturatingSub(int64_t a, int64_t b);

// seconds * 1e9 + nanoseconds, clamped to the int64 range (about the years
// 1678 to 2262).
int64_t SaturatingNs(int64_t seconds, int64_t nanoseconds);

}  // namespace snmpdissect::time

#endif  // SNMPDISSECT_DISSECTOR_TIME_ARITHMETIC_H_
