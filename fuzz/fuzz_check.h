// The fuzz targets' invariant check: on failure one line naming the target
// and the invariant, then abort(), which libFuzzer records as a crash with
// the input that caused it (the same for every target, so kept once).
#ifndef SNMPDISSECT_FUZZ_FUZZ_CHECK_H_
#define SNMPDISSECT_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

namespace snmpdissect::fuzz {

inline void CheckInvariant(const char* target, bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "%s invariant violated: %s\n", target, what);
    std::abort();
  }
}

}  // namespace snmpdissect::fuzz

#endif  // SNMPDISSECT_FUZZ_FUZZ_CHECK_H_
