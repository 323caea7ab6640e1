// Test support: hex text to bytes and back, so a test spells the octets it
// feeds the reader as they appear in X.690's examples ("30 03 02 01 05").
// Test-only (codec_ber_testing).
//
//   std::vector<uint8_t> bytes = testing::HexBytes("02 01 05");
//   EXPECT_EQ(testing::ToHex(out), "020105");

#ifndef SNMPDISSECT_CODEC_BER_TESTING_TEST_BYTES_H_
#define SNMPDISSECT_CODEC_BER_TESTING_TEST_BYTES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace snmpdissect::ber::testing {

// The octets of `hex`; spaces and newlines are ignored.
std::vector<uint8_t> HexBytes(const std::string& hex);

// Lowercase hex, two digits per octet, no separators.
std::string ToHex(const std::string& bytes);

}  // namespace snmpdissect::ber::testing

#endif  // SNMPDISSECT_CODEC_BER_TESTING_TEST_BYTES_H_
