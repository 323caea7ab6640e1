// Non-negative values sent without the leading 0x00 octet X.690 8.3.2 needs
// before a set top bit (221 as `02 01 dd`): read as their sender meant them,
// unsigned, with a warning that says so; values no unsigned reading can
// save keep the out-of-range diagnostics.

#include <string>
#include <vector>

#include "codec/snmp/decode.h"
#include "codec/snmp/encode.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace snmpdissect::snmp {
namespace {

using namespace testing;  // NOLINT: the TLV spelling helpers

int Count(const Message& m, DiagnosticCode code) {
  int n = 0;
  for (const Diagnostic& d : m.diagnostics) n += d.code == code;
  return n;
}

// An SNMPv3 message whose header and USM integers are given as raw TLVs.
std::string V3Raw(const std::string& msg_id, const std::string& max_size,
                  const std::string& boots, const std::string& time) {
  const std::string usm = Octets(NetSnmpEngineId()) + boots + time + Octets("user") +
                          Octets("") + Octets("");
  const std::string scoped =
      Seq(Octets(NetSnmpEngineId()) + Octets("") + PduTlv(0xa0, Vb(SysDescr0(), Hex("0500"))));
  return Seq(Int(3) + Seq(msg_id + max_size + Octets("\x04") + Int(3)) + Octets(Seq(usm)) +
             scoped);
}

TEST(MissingLeadingZeroTest, UsmBootsAndTimeAreReadUnsigned) {
  // The exchange the issue saw: engineBoots and engineTime 221 as 02 01 dd.
  const std::string wire = V3Raw(Int(42), Int(65507), Tlv(0x02, Hex("dd")), Tlv(0x02, Hex("dd")));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.usm.engine_boots.value, 221);
  EXPECT_EQ(m.usm.engine_time.value, 221);
  EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 2);
  EXPECT_EQ(Count(m, DiagnosticCode::kValueOutOfRange), 0);
  EXPECT_EQ(Count(m, DiagnosticCode::kNonMinimalEncoding), 0);
  EXPECT_EQ(DefaultSeverity(DiagnosticCode::kMissingLeadingZero), Severity::kWarning);
}

TEST(MissingLeadingZeroTest, HeaderIntegersAreReadUnsigned) {
  // msgID 0xc350 (50000) and msgMaxSize 0xffe3 (65507) as two octets.
  const std::string wire = V3Raw(Tlv(0x02, Hex("c350")), Tlv(0x02, Hex("ffe3")), Int(7), Int(9));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.header.msg_id.value, 50000);
  EXPECT_EQ(m.header.max_size.value, 65507);
  EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 2);
  EXPECT_EQ(Count(m, DiagnosticCode::kMsgIdOutOfRange), 0);
  EXPECT_EQ(Count(m, DiagnosticCode::kMsgMaxSizeTooSmall), 0);
}

TEST(MissingLeadingZeroTest, PduCountersAreReadUnsigned) {
  // error-index 221; GetBulk non-repeaters 200 and max-repetitions 255.
  const std::string vb = Vb(SysDescr0(), Hex("0500"));
  const std::string response =
      Community(1, Tlv(0xa2, Int(1234) + Int(0) + Tlv(0x02, Hex("dd")) + Seq(vb)));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(response), &m).ok());
  EXPECT_EQ(m.pdu.error_index.value, 221);
  EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 1);

  const std::string bulk = Community(
      1, Tlv(0xa5, Int(1234) + Tlv(0x02, Hex("c8")) + Tlv(0x02, Hex("ff")) + Seq(vb)));
  ASSERT_TRUE(DecodeMessage(AsBytes(bulk), &m).ok());
  EXPECT_EQ(m.pdu.non_repeaters().value, 200);
  EXPECT_EQ(m.pdu.max_repetitions().value, 255);
  EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 2);
}

TEST(MissingLeadingZeroTest, V1TrapTimeStampIsReadUnsigned) {
  const std::string trap =
      Community(0, Tlv(0xa4, SysDescr0() + Octets(Hex("7f000001"), 0x40) + Int(6) + Int(1) +
                                 Tlv(0x43, Hex("dd")) + Seq("")));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(trap), &m).ok());
  EXPECT_EQ(m.pdu.time_stamp.value, 221);
  EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 1);
}

struct UnsignedValueCase {
  const char* why;
  std::string value;  // the varbind value TLV
  uint64_t meant;
};

TEST(MissingLeadingZeroTest, UnsignedValueTypesAreReadUnsigned) {
  const std::vector<UnsignedValueCase> cases = {
      {"Counter32 221", Tlv(0x41, Hex("dd")), 221},
      {"Gauge32 221", Tlv(0x42, Hex("dd")), 221},
      {"TimeTicks 221", Tlv(0x43, Hex("dd")), 221},
      {"UInteger32 221", Tlv(0x47, Hex("dd")), 221},
      {"Counter32 2^32-1 in four octets", Tlv(0x41, Hex("ffffffff")), 0xffffffffu},
      {"Counter64 2^64-1 in eight octets", Tlv(0x46, Hex("ffffffffffffffff")),
       0xffffffffffffffffu},
      {"Counter64 0x80.. in three octets", Tlv(0x46, Hex("800000")), 0x800000},
      {"net-snmp Opaque Counter64", Octets(Hex("9f7601dd"), 0x44), 221},
      {"net-snmp Opaque UInt64", Octets(Hex("9f7b02ff01"), 0x44), 0xff01},
  };
  for (const UnsignedValueCase& c : cases) {
    SCOPED_TRACE(c.why);
    const std::string wire = Community(1, PduTlv(0xa2, Vb(SysDescr0(), c.value)));
    Message m;
    ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
    const Value& v = m.pdu.varbinds.at(0).value;
    EXPECT_TRUE(v.decoded);
    EXPECT_EQ(v.unsigned_value, c.meant);
    EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 1);
    EXPECT_EQ(Count(m, DiagnosticCode::kValueOutOfRange), 0);
    EXPECT_EQ(Count(m, DiagnosticCode::kOpaqueMalformed), 0);

    // Re-encoded canonically (with the 0x00 octet), it decodes to the same
    // value with no warning: what the sender meant, said properly.
    std::string wire2;
    EncodeMessage(m, &wire2);
    EXPECT_FALSE(ReencodesExactly(m, wire.size()));
    Message again;
    ASSERT_TRUE(DecodeMessage(AsBytes(wire2), &again).ok());
    EXPECT_EQ(again.pdu.varbinds.at(0).value.unsigned_value, c.meant);
    EXPECT_TRUE(again.diagnostics.empty());
  }
}

struct OutOfRangeCase {
  const char* why;
  std::string wire;
  DiagnosticCode code;
};

TEST(MissingLeadingZeroTest, ValuesNoUnsignedReadingSavesKeepTheirDiagnostics) {
  const std::vector<OutOfRangeCase> cases = {
      // Five octets with the top bit set: wider than 32 bits whatever the sign.
      {"Gauge32 of five negative octets",
       Community(1, PduTlv(0xa2, Vb(SysDescr0(), Tlv(0x42, Hex("ffffffffdd"))))),
       DiagnosticCode::kValueOutOfRange},
      {"Counter64 of nine negative octets",
       Community(1, PduTlv(0xa2, Vb(SysDescr0(), Tlv(0x46, Hex("ff00000000000000dd"))))),
       DiagnosticCode::kValueOutOfRange},
      // Unsigned 0x80000000 is past msgID's 2147483647: not what anyone meant.
      {"msgID 80000000", V3Raw(Tlv(0x02, Hex("80000000")), Int(65507), Int(1), Int(1)),
       DiagnosticCode::kMsgIdOutOfRange},
      // error-status 221 is no status either (RFC 3416: 0..18).
      {"error-status dd", Community(1, Tlv(0xa2, Int(1) + Tlv(0x02, Hex("dd")) + Int(0) +
                                                     Seq(Vb(SysDescr0(), Hex("0500"))))),
       DiagnosticCode::kValueOutOfRange},
  };
  for (const OutOfRangeCase& c : cases) {
    SCOPED_TRACE(c.why);
    Message m;
    ASSERT_TRUE(DecodeMessage(AsBytes(c.wire), &m).ok());
    EXPECT_EQ(Count(m, c.code), 1);
    EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 0);
  }
}

// A negative value whose unsigned reading is below the range too (msgMaxSize
// -33 as `df`: 223 < 484) stays negative and re-encodes to its own octets;
// the encoder once widened it to `ff ff ff df` (found by der_roundtrip).
TEST(MissingLeadingZeroTest, NegativeBelowTheRangeReencodesExactly) {
  for (const char* max_size : {"df", "ff", "80"}) {
    SCOPED_TRACE(max_size);
    const std::string wire = V3Raw(Int(42), Tlv(0x02, Hex(max_size)), Int(7), Int(9));
    Message m;
    ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
    EXPECT_LT(m.header.max_size.value, 0);
    EXPECT_EQ(Count(m, DiagnosticCode::kMsgMaxSizeTooSmall), 1);
    EXPECT_EQ(Count(m, DiagnosticCode::kMissingLeadingZero), 0);
    ASSERT_TRUE(ReencodesExactly(m, wire.size()));
    std::string again;
    EncodeMessage(m, &again);
    EXPECT_EQ(again, wire);
  }
}

TEST(MissingLeadingZeroTest, SignedFieldsStaySigned) {
  // request-id is Integer32 (RFC 3416 section 3): -35 is a valid request-id.
  const std::string wire = Community(
      1, Tlv(0xa0, Tlv(0x02, Hex("dd")) + Int(0) + Int(0) + Seq(Vb(SysDescr0(), Hex("0500")))));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.pdu.request_id.value, -35);
  EXPECT_TRUE(m.diagnostics.empty());

  const std::string integer = Community(1, PduTlv(0xa2, Vb(SysDescr0(), Tlv(0x02, Hex("dd")))));
  ASSERT_TRUE(DecodeMessage(AsBytes(integer), &m).ok());
  EXPECT_EQ(m.pdu.varbinds.at(0).value.integer, -35);
  EXPECT_TRUE(m.diagnostics.empty());
}

}  // namespace
}  // namespace snmpdissect::snmp
