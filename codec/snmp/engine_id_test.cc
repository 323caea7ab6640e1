#include "codec/snmp/engine_id.h"

#include <string>

#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace snmpdissect::snmp {
namespace {

using testing::AsBytes;
using testing::Hex;

struct EngineIdCase {
  const char* why;
  const char* hex;
  EngineIdLayout layout;
  uint32_t enterprise;
  const char* format_name;
  bool length_mismatch;
};

const EngineIdCase kCases[] = {
    {"discovery: empty", "", EngineIdLayout::kEmpty, 0, "invalid", false},
    {"net-snmp random + time", "80001f88804b1f5a2a6571c4b7", EngineIdLayout::kRfc3411, 8072,
     "net-snmp random", false},
    {"IPv4 127.0.0.1 (format 1)", "80000009017f000001", EngineIdLayout::kRfc3411, 9, "ipv4",
     false},
    {"IPv4 with 3 octets", "80000009017f0000", EngineIdLayout::kRfc3411, 9, "ipv4", true},
    {"IPv6 ::1 (format 2)", "8000000902" "00000000000000000000000000000001",
     EngineIdLayout::kRfc3411, 9, "ipv6", false},
    {"MAC (format 3)", "8000000903001122334455", EngineIdLayout::kRfc3411, 9, "mac", false},
    {"text (format 4)", "800000090468656c6c6f", EngineIdLayout::kRfc3411, 9, "text", false},
    {"octets (format 5)", "8000000905aabbcc", EngineIdLayout::kRfc3411, 9, "octets", false},
    {"reserved format 6", "8000000906aa", EngineIdLayout::kRfc3411, 9, "reserved", false},
    {"enterprise-specific 200", "80000009c8aa", EngineIdLayout::kRfc3411, 9,
     "enterprise-specific", false},
    {"RFC 1910 12-octet form", "000000090102030405060708", EngineIdLayout::kLegacy, 9,
     "legacy (RFC 1910)", false},
    {"RFC 1910 form of 10 octets", "00000009010203040506", EngineIdLayout::kLegacy, 9,
     "legacy (RFC 1910)", true},
    {"too short: 4 octets", "80000009", EngineIdLayout::kInvalid, 0, "invalid", false},
    {"too long: 33 octets", "800000090400000000000000000000000000000000000000000000000000000000",
     EngineIdLayout::kInvalid, 0, "invalid", false},
};

TEST(EngineIdTest, ParsesEveryFormat) {
  for (const EngineIdCase& c : kCases) {
    SCOPED_TRACE(c.why);
    const std::string bytes = Hex(c.hex);
    const EngineIdInfo info = ParseEngineId(AsBytes(bytes));
    EXPECT_EQ(info.layout, c.layout);
    EXPECT_EQ(info.enterprise, c.enterprise);
    EXPECT_STREQ(EngineIdFormatName(info), c.format_name);
    EXPECT_EQ(info.length_mismatch, c.length_mismatch);
  }
}

TEST(EngineIdTest, SplitsNetSnmpRandomAndTime) {
  const std::string bytes = Hex("80001f88804b1f5a2a6571c4b7");
  const EngineIdInfo info = ParseEngineId(AsBytes(bytes));
  EXPECT_TRUE(info.conformance);
  EXPECT_EQ(info.netsnmp_random, 0x2a5a1f4bu);
  EXPECT_EQ(info.netsnmp_time, 0xb7c47165u);
}

TEST(EngineIdTest, ReadsNetSnmpSixtyFourBitTime) {
  // 64-bit time_t hosts: 4 random octets, then 8 of time, little-endian.
  const std::string bytes = Hex("80001f888001020304" "00e1f50500000000");
  const EngineIdInfo info = ParseEngineId(AsBytes(bytes));
  EXPECT_FALSE(info.length_mismatch);
  EXPECT_EQ(info.netsnmp_time, 100000000u);
  const std::string odd = Hex("80001f888001020304" "00e1f5");
  EXPECT_TRUE(ParseEngineId(AsBytes(odd)).length_mismatch);
}

TEST(EngineIdTest, FlagsAllZerosAndAllOnes) {
  const std::string zeros(12, '\0');
  const std::string ones(12, '\xff');
  EXPECT_TRUE(ParseEngineId(AsBytes(zeros)).forbidden_value);
  EXPECT_TRUE(ParseEngineId(AsBytes(ones)).forbidden_value);
}

}  // namespace
}  // namespace snmpdissect::snmp
