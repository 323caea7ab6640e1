// Test helper: hex text to bytes ("30 03 02 01 05", spaces ignored).

#ifndef SNMPDISSECT_CODEC_BER_TEST_BYTES_H_
#define SNMPDISSECT_CODEC_BER_TEST_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_replace.h"

namespace snmpdissect::ber {

inline std::vector<uint8_t> HexBytes(const std::string& hex) {
  const std::string raw = absl::HexStringToBytes(
      absl::StrReplaceAll(hex, {{" ", ""}, {"\n", ""}}));
  return std::vector<uint8_t>(raw.begin(), raw.end());
}

inline std::string ToHex(const std::string& bytes) {
  return absl::BytesToHexString(bytes);
}

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_TEST_BYTES_H_
