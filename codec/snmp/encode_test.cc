#include "codec/snmp/encode.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "codec/snmp/decode.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace snmpdissect::snmp {
namespace {

using namespace testing;  // NOLINT: the TLV spelling helpers

// Canonical DER messages: each must re-encode to exactly its own bytes.
std::vector<std::string> CanonicalSamples() {
  const std::string all_types =
      Vb(SysDescr0(), Int(-5)) + Vb(SysDescr0(), Octets("abc")) +
      Vb(SysDescr0(), Hex("0500")) + Vb(SysDescr0(), SysUpTime0()) +
      Vb(SysDescr0(), Octets(Hex("c0a80001"), 0x40)) +
      Vb(SysDescr0(), Int(4294967295LL, 0x41)) + Vb(SysDescr0(), Int(7, 0x42)) +
      Vb(SysDescr0(), Int(360000, 0x43)) +
      Vb(SysDescr0(), Octets(Hex("9f780441200000"), 0x44)) +
      Vb(SysDescr0(), Octets(Hex("9f78047fc00001"), 0x44)) +  // a NaN payload
      Vb(SysDescr0(), Octets(Hex("9f7908400c000000000000"), 0x44)) +
      Vb(SysDescr0(), Octets(Hex("9f7a01ff"), 0x44)) +
      Vb(SysDescr0(), Octets(Hex("9f7b09008000000000000000"), 0x44)) +
      Vb(SysDescr0(), Octets(Hex("9f760105"), 0x44)) +
      Vb(SysDescr0(), Octets("plain", 0x44)) +
      Vb(SysDescr0(), Octets(Hex("470001"), 0x45)) +
      Vb(SysDescr0(), Tlv(0x46, Hex("00ffffffffffffffff"))) +
      Vb(SysDescr0(), Int(9, 0x47)) + Vb(SysDescr0(), Hex("8000")) +
      Vb(SysDescr0(), Hex("8100")) + Vb(SysDescr0(), Hex("8200")) +
      Vb(SysDescr0(), Hex("490100")) +            // unknown tag, kept raw
      Vb(OidHex("2b8001"), Tlv(0x02, "")) +       // invalid OID, empty INTEGER
      Vb(SysDescr0(), Tlv(0x41, Hex("8000000000"))) +  // Counter32 no reading fits
      Vb(SysDescr0(), Seq(Int(1)));               // constructed unknown
  const std::string scoped =
      Seq(Octets(NetSnmpEngineId()) + Octets("ctx") + PduTlv(0xa2, all_types, 2, 1));
  return {
      Community(0, PduTlv(0xa0, Vb(SysDescr0(), Hex("0500")))),
      Community(1, PduTlv(0xa5, Vb(SysDescr0(), Hex("0500")), 0, 25)),
      Community(1, PduTlv(0xa2, all_types)),
      Community(0, Tlv(0xa4, OidHex("2b0601040182e610") + Octets(Hex("7f000001"), 0x40) +
                                 Int(6) + Int(17) + Int(4294967295LL, 0x43) +
                                 Seq(Vb(SysUpTime0(), Int(100, 0x43))))),
      V3("\x05", UsmFields(NetSnmpEngineId(), "user", std::string(12, 'a')), scoped),
      V3("\x07", UsmFields(NetSnmpEngineId(), "user", std::string(24, 'a'), "12345678"),
         Octets(std::string(300, 'x'))),
      V3("\x04", "opaque security parameters", scoped, 484, /*model=*/2),
      Community(1, PduTlv(0xa2, [] {
                  std::string many;
                  for (int i = 0; i < 2000; ++i) many += Vb(SysDescr0(), Int(i, 0x41));
                  return many;
                }())),
  };
}

TEST(EncodeTest, CanonicalInputReencodesToTheSameBytes) {
  Message m;
  std::string out;
  for (const std::string& wire : CanonicalSamples()) {
    ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
    out.clear();
    EncodeMessage(m, &out);
    EXPECT_EQ(absl::BytesToHexString(out), absl::BytesToHexString(wire));
  }
}

TEST(EncodeTest, NonCanonicalInputRoundTripsToAnEquivalentModel) {
  // Long-form lengths, padded integers, high-tag-form PDU tag numbers are
  // BER but not DER: re-encoding canonicalises, the meaning stays.
  const std::string wire = Hex(
      "3082002a" "020101" "0481067075626c6963" "a0811b" "02020001" "020100" "020100"
      "3081" "0e" "300c06082b060102010101000500");
  Message first, second;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &first).ok());
  ASSERT_FALSE(first.diagnostics.empty());
  std::string out;
  EncodeMessage(first, &out);
  EXPECT_LT(out.size(), wire.size());
  ASSERT_TRUE(DecodeMessage(AsBytes(out), &second).ok());
  EXPECT_TRUE(EquivalentMessages(first, second));
  EXPECT_TRUE(second.diagnostics.empty());
}

TEST(EncodeTest, LyingTrapTimeStampRoundTrips) {
  // A negative TimeTicks time-stamp that no unsigned reading of 32 bits
  // saves (out of range, noted) must re-encode to the same value, not to a
  // 9-octet unsigned one (corpus/regressions/
  // der_roundtrip-negative-trap-time-stamp, found by der_roundtrip_fuzzer).
  const std::string wire =
      Community(0, Tlv(0xa4, OidHex("2b0601040182e610") + Octets(Hex("7f000001"), 0x40) +
                                 Int(0) + Int(0) + Tlv(0x43, Hex("8000000001")) + Seq("")));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.pdu.time_stamp.value, -(int64_t{1} << 39) + 1);
  std::string out;
  EncodeMessage(m, &out);
  EXPECT_EQ(absl::BytesToHexString(out), absl::BytesToHexString(wire));
}

TEST(EncodeTest, OutOfRangeNegativeStaysOutOfRange) {
  // msgMaxSize -32769 sent in four octets (ff ff 7f ff): its unsigned
  // reading 4294934527 is out of range, so it stays negative. Its minimal
  // form (ff 7f ff) would read unsigned as 16744447, in range: the encoder
  // keeps the four octets so the value decodes back the same (found by
  // der_roundtrip_fuzzer on corpus/der_roundtrip/2251a6fd...).
  const std::string usm = UsmFields(NetSnmpEngineId(), "u");
  const std::string wire =
      Seq(Int(3) + Seq(Int(1) + Tlv(0x02, Hex("ffff7fff")) + Octets("\x04") + Int(3)) +
          Octets(Seq(usm)) + Seq(Octets("") + Octets("") + PduTlv(0xa0, "")));
  Message first, second;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &first).ok());
  EXPECT_EQ(first.header.max_size.value, -32769);
  std::string out;
  EncodeMessage(first, &out);
  ASSERT_TRUE(DecodeMessage(AsBytes(out), &second).ok());
  EXPECT_EQ(second.header.max_size.value, -32769);
  EXPECT_TRUE(EquivalentMessages(first, second));
}

TEST(EncodeTest, EncodesAHandBuiltMessage) {
  Message m;
  m.version.value = 1;
  const std::string community = "public";
  m.community.value = AsBytes(community);
  m.has_pdu = true;
  m.pdu.type = PduType::kGetNextRequest;
  m.pdu.request_id.value = 0x12345678;
  std::string oid;
  const uint32_t arcs[] = {1, 3, 6, 1, 2, 1, 1};
  ASSERT_TRUE(ber::AppendOidContent(arcs, &oid));
  VarBind& vb = m.pdu.varbinds.emplace_back();
  ber::OidView view;
  ASSERT_TRUE(ber::ValidateOid(AsBytes(oid), 0, &view).ok());
  vb.name.value = view;
  vb.value.type = ValueType::kNull;
  vb.value.tag = ber::kNull;
  std::string out;
  EncodeMessage(m, &out);
  EXPECT_EQ(absl::BytesToHexString(out),
            "302702010104067075626c6963a11a02041234567802010002010030"
            "0c300a06062b06010201010500");
}

TEST(EncodeTest, EquivalenceNoticesEveryDifference) {
  const std::string a = Community(1, PduTlv(0xa2, Vb(SysDescr0(), Int(5))));
  const std::string b = Community(1, PduTlv(0xa2, Vb(SysDescr0(), Int(6))));
  const std::string c = Community(1, PduTlv(0xa2, Vb(SysUpTime0(), Int(5))));
  const std::string d = Community(0, PduTlv(0xa2, Vb(SysDescr0(), Int(5))));
  Message ma, mb;
  ASSERT_TRUE(DecodeMessage(AsBytes(a), &ma).ok());
  for (const std::string* other : {&b, &c, &d}) {
    ASSERT_TRUE(DecodeMessage(AsBytes(*other), &mb).ok());
    EXPECT_FALSE(EquivalentMessages(ma, mb));
  }
  ASSERT_TRUE(DecodeMessage(AsBytes(a), &mb).ok());
  EXPECT_TRUE(EquivalentMessages(ma, mb));
}

}  // namespace
}  // namespace snmpdissect::snmp
