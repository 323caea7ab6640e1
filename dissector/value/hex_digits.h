// Hex digits for every printer. Printers write hex into a buffer and append
// it once, rather than pushing characters one at a time: each push_back is a
// capacity check, and under the fuzzers' comparison tracing a call.

#ifndef SNMPDISSECT_DISSECTOR_VALUE_HEX_DIGITS_H_
#define SNMPDISSECT_DISSECTOR_VALUE_HEX_DIGITS_H_

#include <cstdint>

namespace snmpdissect::value {

inline constexpr char kHexDigits[] = "0123456789abcdef";

// Writes `b` as two lowercase hex digits at dst[0] and dst[1].
inline void WriteHexByte(uint8_t b, char* dst) {
  dst[0] = kHexDigits[b >> 4];
  dst[1] = kHexDigits[b & 0xf];
}

}  // namespace snmpdissect::value

#endif  // SNMPDISSECT_DISSECTOR_VALUE_HEX_DIGITS_H_
