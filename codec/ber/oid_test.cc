#include "codec/ber/oid.h"

#include <string>
#include <vector>

#include "codec/ber/testing/test_bytes.h"
#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

using testing::HexBytes;
using testing::ToHex;

struct OidCase {
  const char* why;
  const char* hex;  // content octets
  ErrorCode code;
  const char* text;  // dotted form when valid
  size_t error_offset;
};

const OidCase kOids[] = {
    {"sysDescr.0", "2b 06 01 02 01 01 01 00", ErrorCode::kOk, "1.3.6.1.2.1.1.1.0", 0},
    {"zeroDotZero", "00", ErrorCode::kOk, "0.0", 0},
    {"first arc 2 with large second arc (X.690 8.19.4)", "88 37", ErrorCode::kOk, "2.999",
     0},
    {"arc of 2^32-1", "2b 8f ff ff ff 7f", ErrorCode::kOk, "1.3.4294967295", 0},
    {"2.(2^32-1) in the first subidentifier", "90 80 80 80 4f", ErrorCode::kOk,
     "2.4294967295", 0},
    {"empty (X.690 8.19.2)", "", ErrorCode::kOidEmpty, "", 0},
    {"arc padded with 0x80 (X.690 8.19.2)", "2b 80 01", ErrorCode::kOidPadding, "", 1},
    {"first subidentifier padded", "80 2b", ErrorCode::kOidPadding, "", 0},
    {"last arc truncated", "2b 06 81", ErrorCode::kOidTruncatedArc, "", 2},
    {"arc of 2^32 (RFC 2578 section 3.5)", "2b 90 80 80 80 00", ErrorCode::kOidArcOverflow,
     "", 5},
    {"arc far beyond 64 bits", "2b ff ff ff ff ff ff ff ff ff ff 7f",
     ErrorCode::kOidArcOverflow, "", 5},
    // First-arc rules (X.690 8.19.4): 40 * X + Y, X = 2 from 80 on.
    {"0.39", "27", ErrorCode::kOk, "0.39", 0},
    {"1.0", "28", ErrorCode::kOk, "1.0", 0},
    {"1.39", "4f", ErrorCode::kOk, "1.39", 0},
    {"2.0", "50", ErrorCode::kOk, "2.0", 0},
    {"2.47, the largest one-octet first subidentifier", "7f", ErrorCode::kOk, "2.47", 0},
    {"2.48, the smallest two-octet one", "81 00", ErrorCode::kOk, "2.48", 0},
    {"2.(2^32) in the first subidentifier", "90 80 80 80 50", ErrorCode::kOidArcOverflow,
     "", 4},
    // Arcs at every digit count and base-128 width.
    {"decimal widths", "2b 00 09 0a 63 64 7f", ErrorCode::kOk, "1.3.0.9.10.99.100.127", 0},
    {"base-128 widths", "2b 81 00 ff 7f 81 80 00 ff ff ff 7f 81 80 80 80 00",
     ErrorCode::kOk, "1.3.128.16383.16384.268435455.268435456", 0},
    {"long arc with a leading 0x80", "2b 80 80 80 80 01", ErrorCode::kOidPadding,
     "", 1},
    {"truncated after a long arc", "2b 8f ff", ErrorCode::kOidTruncatedArc, "", 2},
    {"truncated first subidentifier", "81", ErrorCode::kOidTruncatedArc, "", 0},
    {"padding after a long arc", "2b 81 00 80 01", ErrorCode::kOidPadding, "", 3},
};

TEST(OidTest, ValidatesAndPrints) {
  for (const OidCase& c : kOids) {
    SCOPED_TRACE(c.why);
    const std::vector<uint8_t> content = HexBytes(c.hex);
    OidView oid;
    const Error e = ValidateOid(content, 0, &oid);
    EXPECT_EQ(e.code, c.code) << ErrorText(e.code);
    if (e.ok()) {
      EXPECT_EQ(OidText(oid), c.text);
    } else {
      EXPECT_EQ(e.offset, c.error_offset);
    }
  }
}

TEST(OidTest, AcceptsExactly128Arcs) {
  std::vector<uint8_t> content = {0x2b};  // 1.3
  content.resize(127, 0x01);              // 126 more arcs: 128 in all
  OidView oid;
  ASSERT_TRUE(ValidateOid(content, 0, &oid).ok());
  EXPECT_EQ(oid.arc_count, 128u);
  content.push_back(0x01);
  EXPECT_EQ(ValidateOid(content, 0, &oid).code, ErrorCode::kOidTooManyArcs);
}

TEST(OidTest, EncodesArcsCanonically) {
  const uint32_t arcs[] = {1, 3, 6, 1, 4, 1, 8072, 4294967295u};
  std::string out;
  ASSERT_TRUE(AppendOidContent(arcs, &out));
  EXPECT_EQ(ToHex(out), "2b06010401bf088fffffff7f");
  OidView oid;
  ASSERT_TRUE(ValidateOid(Bytes(reinterpret_cast<const uint8_t*>(out.data()), out.size()), 0, &oid).ok());
  uint32_t back[8];
  ASSERT_EQ(OidArcs(oid, back, 8), 8u);
  EXPECT_EQ(std::vector<uint32_t>(back, back + 8), std::vector<uint32_t>(arcs, arcs + 8));
  EXPECT_TRUE(OidHasPrefix(oid, {1, 3, 6, 1, 4, 1}));
  EXPECT_FALSE(OidHasPrefix(oid, {1, 3, 6, 1, 2}));
}

TEST(OidTest, RefusesToEncodeInvalidArcs) {
  std::string out;
  EXPECT_FALSE(AppendOidContent(std::vector<uint32_t>{1}, &out));
  EXPECT_FALSE(AppendOidContent(std::vector<uint32_t>{3, 1}, &out));
  EXPECT_FALSE(AppendOidContent(std::vector<uint32_t>{1, 40}, &out));
  EXPECT_FALSE(AppendOidContent(std::vector<uint32_t>(129, 1), &out));
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace snmpdissect::ber
