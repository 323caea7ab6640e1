#include "codec/ber/integer.h"

#include <limits>
#include <vector>

#include "codec/ber/test_bytes.h"
#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

Element IntegerElement(const std::vector<uint8_t>& content) {
  Element e;
  e.tag = kInteger;
  e.location = {0, 2, static_cast<uint32_t>(content.size())};
  e.content = content;
  return e;
}

struct SignedCase {
  const char* why;
  const char* hex;
  ErrorCode code;
  int64_t value;
  bool non_minimal;
};

const SignedCase kSigned[] = {
    {"zero", "00", ErrorCode::kOk, 0, false},
    {"minus one", "ff", ErrorCode::kOk, -1, false},
    {"127", "7f", ErrorCode::kOk, 127, false},
    {"128 needs a zero octet", "00 80", ErrorCode::kOk, 128, false},
    {"-128", "80", ErrorCode::kOk, -128, false},
    {"-129", "ff 7f", ErrorCode::kOk, -129, false},
    {"INT64_MAX", "7f ff ff ff ff ff ff ff", ErrorCode::kOk,
     std::numeric_limits<int64_t>::max(), false},
    {"INT64_MIN", "80 00 00 00 00 00 00 00", ErrorCode::kOk,
     std::numeric_limits<int64_t>::min(), false},
    {"redundant zero octet (X.690 8.3.2)", "00 05", ErrorCode::kOk, 5, true},
    {"redundant 0xff octet", "ff ff", ErrorCode::kOk, -1, true},
    {"padded to 12 octets but small", "00 00 00 00 00 00 00 00 00 00 00 01",
     ErrorCode::kOk, 1, true},
    {"empty (X.690 8.3.1)", "", ErrorCode::kEmptyInteger, 0, false},
    {"2^63 overflows int64", "00 80 00 00 00 00 00 00 00", ErrorCode::kIntegerOverflow, 0,
     false},
    {"nine significant octets", "01 00 00 00 00 00 00 00 00", ErrorCode::kIntegerOverflow,
     0, false},
    {"below INT64_MIN", "ff 7f ff ff ff ff ff ff ff", ErrorCode::kIntegerOverflow, 0, false},
};

TEST(IntegerTest, DecodesSigned) {
  for (const SignedCase& c : kSigned) {
    SCOPED_TRACE(c.why);
    const std::vector<uint8_t> content = HexBytes(c.hex);
    int64_t value = 42;
    bool non_minimal = false;
    const Error e = DecodeInt64(IntegerElement(content), &value, &non_minimal);
    EXPECT_EQ(e.code, c.code);
    if (e.ok()) {
      EXPECT_EQ(value, c.value);
      EXPECT_EQ(non_minimal, c.non_minimal);
    } else {
      EXPECT_EQ(e.offset, 2u) << "errors point at the content";
    }
  }
}

struct UnsignedCase {
  const char* why;
  const char* hex;
  ErrorCode code;
  uint64_t value;
};

const UnsignedCase kUnsigned[] = {
    {"zero", "00", ErrorCode::kOk, 0},
    {"2^32-1 with its sign octet", "00 ff ff ff ff", ErrorCode::kOk, 0xffffffffu},
    {"Counter64 max: 9 octets with leading zero", "00 ff ff ff ff ff ff ff ff",
     ErrorCode::kOk, std::numeric_limits<uint64_t>::max()},
    {"2^63", "00 80 00 00 00 00 00 00 00", ErrorCode::kOk, uint64_t{1} << 63},
    {"sign bit set", "80", ErrorCode::kNegativeUnsigned, 0},
    {"2^64 overflows", "01 00 00 00 00 00 00 00 00", ErrorCode::kIntegerOverflow, 0},
    {"ten octets", "00 01 00 00 00 00 00 00 00 00", ErrorCode::kIntegerOverflow, 0},
    {"empty", "", ErrorCode::kEmptyInteger, 0},
};

TEST(IntegerTest, DecodesUnsigned) {
  for (const UnsignedCase& c : kUnsigned) {
    SCOPED_TRACE(c.why);
    const std::vector<uint8_t> content = HexBytes(c.hex);
    uint64_t value = 42;
    bool non_minimal = false;
    EXPECT_EQ(DecodeUint64(IntegerElement(content), &value, &non_minimal).code, c.code);
    if (c.code == ErrorCode::kOk) {
      EXPECT_EQ(value, c.value);
    }
  }
}

TEST(IntegerTest, ReadsAsUnsignedWithinAWidth) {
  struct Case {
    const char* hex;
    size_t max_octets;
    bool ok;
    uint64_t value;
  };
  const Case cases[] = {
      {"dd", 4, true, 221},                  // the leading 0x00 left out
      {"ffffffff", 4, true, 0xffffffffu},    // 2^32-1 without its 0x00
      {"ffffffffff", 4, false, 0},           // five octets: wider than 32 bits
      {"ffffffffffffffff", 8, true, ~uint64_t{0}},
      {"ffffffffffffffff", 9, true, ~uint64_t{0}},  // never more than 64 bits
      {"01ffffffffffffffff", 9, false, 0},
      {"", 4, false, 0},                     // empty content is no number
      {"7f", 1, true, 127},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.hex);
    const std::vector<uint8_t> content = HexBytes(c.hex);
    uint64_t value = 42;
    EXPECT_EQ(ReadAsUnsigned(content, c.max_octets, &value), c.ok);
    EXPECT_EQ(value, c.ok ? c.value : 42u);
  }
}

}  // namespace
}  // namespace snmpdissect::ber
