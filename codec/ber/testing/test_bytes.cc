#include "codec/ber/testing/test_bytes.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_replace.h"

namespace snmpdissect::ber::testing {

std::vector<uint8_t> HexBytes(const std::string& hex) {
  const std::string raw =
      absl::HexStringToBytes(absl::StrReplaceAll(hex, {{" ", ""}, {"\n", ""}}));
  return std::vector<uint8_t>(raw.begin(), raw.end());
}

std::string ToHex(const std::string& bytes) { return absl::BytesToHexString(bytes); }

}  // namespace snmpdissect::ber::testing
