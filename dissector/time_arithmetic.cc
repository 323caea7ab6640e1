#include "dissector/time_arithmetic.h"

#include <limits>

namespace snmpdissect::time {

int64_t SaturatingSub(int64_t a, int64_t b) {
  int64_t result = 0;
  if (!__builtin_sub_overflow(a, b, &result)) return result;
  return b < 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
}

int64_t SaturatingNs(int64_t seconds, int64_t nanoseconds) {
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
