#include "codec/snmp/decode.h"

#include <string>
#include <vector>

#include "codec/ber/oid.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace snmpdissect::snmp {
namespace {

using namespace testing;  // NOLINT: the TLV spelling helpers
using ber::ErrorCode;

std::string Str(Bytes b) { return std::string(b.begin(), b.end()); }

bool HasDiagnostic(const Message& m, DiagnosticCode code) {
  for (const Diagnostic& d : m.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

std::string V2cGet() { return Community(1, PduTlv(0xa0, Vb(SysDescr0(), Hex("0500")))); }

TEST(DecodeTest, DecodesV2cGetRequest) {
  const std::string wire = V2cGet();
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.version.value, 1);
  EXPECT_EQ(Str(m.community.value), "public");
  EXPECT_EQ(m.community.location.offset, 5u);
  ASSERT_TRUE(m.has_pdu);
  EXPECT_EQ(m.pdu.type, PduType::kGetRequest);
  EXPECT_EQ(m.pdu.request_id.value, 1234);
  ASSERT_EQ(m.pdu.varbinds.size(), 1u);
  EXPECT_EQ(ber::OidText(m.pdu.varbinds[0].name.value), "1.3.6.1.2.1.1.1.0");
  EXPECT_EQ(m.pdu.varbinds[0].value.type, ValueType::kNull);
  EXPECT_TRUE(m.diagnostics.empty());
  EXPECT_EQ(m.location.total_length(), wire.size());
}

TEST(DecodeTest, DecodesV1Trap) {
  // RFC 1157 section 4.1.6: enterprise, agent-addr, generic, specific, time.
  const std::string trap =
      Tlv(0xa4, OidHex("2b0601040182e610") + Octets(Hex("7f000001"), 0x40) + Int(6) +
                    Int(17) + Int(4294967295LL, 0x43) +
                    Seq(Vb(SysUpTime0(), Int(100, 0x43))));
  const std::string wire = Community(0, trap);
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.pdu.type, PduType::kTrapV1);
  EXPECT_EQ(ber::OidText(m.pdu.enterprise.value), "1.3.6.1.4.1.45840");
  EXPECT_EQ(Str(m.pdu.agent_addr.value), Hex("7f000001"));
  EXPECT_EQ(m.pdu.generic_trap.value, 6);
  EXPECT_EQ(m.pdu.specific_trap.value, 17);
  EXPECT_EQ(m.pdu.time_stamp.value, 4294967295);
  ASSERT_EQ(m.pdu.varbinds.size(), 1u);
  EXPECT_EQ(m.pdu.varbinds[0].value.unsigned_value, 100u);
  EXPECT_TRUE(m.diagnostics.empty());
}

TEST(DecodeTest, DecodesGetBulkFields) {
  const std::string wire = Community(1, PduTlv(0xa5, Vb(SysDescr0(), Hex("0500")), 1, 10));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.pdu.type, PduType::kGetBulkRequest);
  EXPECT_EQ(m.pdu.non_repeaters().value, 1);
  EXPECT_EQ(m.pdu.max_repetitions().value, 10);
  EXPECT_TRUE(m.diagnostics.empty()) << "max-repetitions 10 is not an error-status";
}

TEST(DecodeTest, DecodesV3PlaintextWithUsm) {
  const std::string scoped =
      Seq(Octets(NetSnmpEngineId()) + Octets("ctx") + PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux"))));
  const std::string wire =
      V3("\x05", UsmFields(NetSnmpEngineId(), "md5-none", std::string(12, '\xaa')), scoped);
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_TRUE(m.is_v3());
  EXPECT_EQ(m.header.msg_id.value, 42);
  EXPECT_EQ(m.header.max_size.value, 65507);
  EXPECT_EQ(m.header.flag_bits(), kFlagAuth | kFlagReportable);
  EXPECT_EQ(m.header.security_model.value, 3);
  ASSERT_TRUE(m.has_usm);
  EXPECT_EQ(Str(m.usm.engine_id.value), NetSnmpEngineId());
  EXPECT_EQ(m.usm.engine_boots.value, 7);
  EXPECT_EQ(m.usm.engine_time.value, 1000);
  EXPECT_EQ(Str(m.usm.user_name.value), "md5-none");
  EXPECT_EQ(m.usm.auth_params.value.size(), 12u);
  EXPECT_FALSE(m.encrypted);
  EXPECT_EQ(Str(m.context_name.value), "ctx");
  EXPECT_EQ(m.pdu.type, PduType::kResponse);
  EXPECT_EQ(Str(m.pdu.varbinds[0].value.content), "Linux");
  EXPECT_TRUE(m.diagnostics.empty());
}

TEST(DecodeTest, DecodesV3EncryptedPdu) {
  const std::string wire =
      V3("\x07", UsmFields(NetSnmpEngineId(), "sha-aes", std::string(12, 'a'), "12345678"),
         Octets(std::string(48, '\x5a')));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_TRUE(m.encrypted);
  EXPECT_FALSE(m.has_pdu);
  EXPECT_EQ(m.encrypted_pdu.value.size(), 48u);
  EXPECT_EQ(Str(m.usm.priv_params.value), "12345678");
}

TEST(DecodeTest, KeepsUnknownSecurityModelParametersAsBytes) {
  const std::string wire = V3("\x00", "whatever", Seq(Octets("") + Octets("") + PduTlv(0xa0, "")),
                              65507, /*model=*/2);
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_FALSE(m.has_usm);
  EXPECT_TRUE(HasDiagnostic(m, DiagnosticCode::kUnknownSecurityModel));
  EXPECT_TRUE(m.has_pdu);
}

TEST(DecodeTest, DecodesEverySmiValueType) {
  const std::string varbinds =
      Vb(SysDescr0(), Int(-5)) + Vb(SysDescr0(), Octets("abc")) +
      Vb(SysDescr0(), Hex("0500")) + Vb(SysDescr0(), SysUpTime0()) +
      Vb(SysDescr0(), Octets(Hex("c0a80001"), 0x40)) +
      Vb(SysDescr0(), Int(4294967295LL, 0x41)) + Vb(SysDescr0(), Int(7, 0x42)) +
      Vb(SysDescr0(), Int(360000, 0x43)) +
      Vb(SysDescr0(), Octets(Hex("9f780441200000"), 0x44)) +       // float 10.0
      Vb(SysDescr0(), Octets(Hex("9f7908400c000000000000"), 0x44)) +  // double 3.5
      Vb(SysDescr0(), Octets(Hex("9f7a01ff"), 0x44)) +              // int64 -1
      Vb(SysDescr0(), Octets(Hex("9f7b09008000000000000000"), 0x44)) +  // uint64 2^63
      Vb(SysDescr0(), Octets(Hex("9f760105"), 0x44)) +              // counter64 5
      Vb(SysDescr0(), Octets("plain", 0x44)) +
      Vb(SysDescr0(), Octets(Hex("470001"), 0x45)) +
      Vb(SysDescr0(), Tlv(0x46, Hex("00ffffffffffffffff"))) +
      Vb(SysDescr0(), Int(9, 0x47)) + Vb(SysDescr0(), Hex("8000")) +
      Vb(SysDescr0(), Hex("8100")) + Vb(SysDescr0(), Hex("8200"));
  const std::string wire = Community(1, PduTlv(0xa2, varbinds));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  const std::vector<VarBind>& v = m.pdu.varbinds;
  ASSERT_EQ(v.size(), 20u);
  EXPECT_EQ(v[0].value.integer, -5);
  EXPECT_EQ(v[1].value.type, ValueType::kOctetString);
  EXPECT_EQ(v[2].value.type, ValueType::kNull);
  EXPECT_EQ(ber::OidText(v[3].value.oid), "1.3.6.1.2.1.1.3.0");
  EXPECT_EQ(v[4].value.type, ValueType::kIpAddress);
  EXPECT_EQ(v[5].value.unsigned_value, 4294967295u);
  EXPECT_EQ(v[6].value.type, ValueType::kGauge32);
  EXPECT_EQ(v[7].value.unsigned_value, 360000u);
  EXPECT_EQ(v[8].value.opaque_kind, OpaqueKind::kFloat);
  EXPECT_EQ(v[8].value.real, 10.0);
  EXPECT_EQ(v[9].value.opaque_kind, OpaqueKind::kDouble);
  EXPECT_EQ(v[9].value.real, 3.5);
  EXPECT_EQ(v[10].value.opaque_kind, OpaqueKind::kInt64);
  EXPECT_EQ(v[10].value.integer, -1);
  EXPECT_EQ(v[11].value.opaque_kind, OpaqueKind::kUint64);
  EXPECT_EQ(v[11].value.unsigned_value, uint64_t{1} << 63);
  EXPECT_EQ(v[12].value.opaque_kind, OpaqueKind::kCounter64);
  EXPECT_EQ(v[13].value.opaque_kind, OpaqueKind::kPlain);
  EXPECT_EQ(v[14].value.type, ValueType::kNsapAddress);
  EXPECT_EQ(v[15].value.unsigned_value, ~uint64_t{0});
  EXPECT_EQ(v[16].value.type, ValueType::kUInteger32);
  EXPECT_EQ(v[17].value.type, ValueType::kNoSuchObject);
  EXPECT_EQ(v[18].value.type, ValueType::kNoSuchInstance);
  EXPECT_EQ(v[19].value.type, ValueType::kEndOfMibView);
  EXPECT_TRUE(m.diagnostics.empty());
}

struct DiagnosticCase {
  const char* why;
  std::string wire;
  DiagnosticCode code;
};

std::vector<DiagnosticCase> DiagnosticCases() {
  const std::string vb = Vb(SysDescr0(), Hex("0500"));
  const std::string scoped = Seq(Octets("") + Octets("") + PduTlv(0xa0, vb));
  const std::string usm = UsmFields(NetSnmpEngineId(), "u");
  auto value = [](const std::string& v) {
    return Community(1, PduTlv(0xa2, Vb(SysDescr0(), v)));
  };
  return {
      {"msgMaxSize below 484 (RFC 3412 section 6)", V3("\x04", usm, scoped, 100),
       DiagnosticCode::kMsgMaxSizeTooSmall},
      {"privFlag without authFlag (RFC 3412 7.2.5)", V3("\x02", usm, scoped),
       DiagnosticCode::kPrivWithoutAuth},
      {"empty msgFlags", V3("", usm, scoped), DiagnosticCode::kMsgFlagsWrongSize},
      {"two-octet msgFlags", V3(std::string("\x04\x00", 2), usm, scoped),
       DiagnosticCode::kMsgFlagsWrongSize},
      {"33-octet user name (RFC 3414 2.4)", V3("\x04", UsmFields("", std::string(33, 'u')), scoped),
       DiagnosticCode::kUsmFieldTooLong},
      {"oversized auth parameters", V3("\x05", UsmFields("", "u", std::string(200, 'a')), scoped),
       DiagnosticCode::kUsmFieldTooLong},
      {"4-octet engine ID (RFC 3411: 5..32)", V3("\x04", UsmFields("abcd", "u"), scoped),
       DiagnosticCode::kEngineIdLength},
      {"GetBulk in SNMPv1", Community(0, PduTlv(0xa5, vb)), DiagnosticCode::kV2PduInV1},
      {"Report in SNMPv1", Community(0, PduTlv(0xa8, vb)), DiagnosticCode::kV2PduInV1},
      {"Trap-PDU in SNMPv2c",
       Community(1, Tlv(0xa4, SysDescr0() + Octets(Hex("7f000001"), 0x40) + Int(0) + Int(0) +
                                  Int(0, 0x43) + Seq(""))),
       DiagnosticCode::kV1TrapInV2},
      {"IpAddress of 5 octets", value(Octets(Hex("0102030405"), 0x40)),
       DiagnosticCode::kIpAddressWrongSize},
      {"Integer32 wider than 32 bits", value(Int(1LL << 40)), DiagnosticCode::kValueOutOfRange},
      {"Counter32 of 2^32", value(Int(1LL << 32, 0x41)), DiagnosticCode::kValueOutOfRange},
      {"Gauge32 of five negative octets", value(Tlv(0x42, Hex("ffffffffff"))),
       DiagnosticCode::kValueOutOfRange},
      {"Gauge32 without its leading 0x00 (X.690 8.3.2)", value(Tlv(0x42, Hex("ff"))),
       DiagnosticCode::kMissingLeadingZero},
      {"empty INTEGER value (X.690 8.3.1)", value(Tlv(0x02, "")), DiagnosticCode::kIntegerInvalid},
      {"INTEGER of 20 octets", value(Tlv(0x02, Hex("7f" + std::string(38, 'f')))),
       DiagnosticCode::kIntegerInvalid},
      {"Counter64 of 10 octets", value(Tlv(0x46, Hex("01000000000000000000"))),
       DiagnosticCode::kIntegerInvalid},
      {"padded INTEGER (X.690 8.3.2)", value(Tlv(0x02, Hex("0001"))),
       DiagnosticCode::kNonMinimalEncoding},
      {"long-form length for a short value", value(Hex("04810161")),
       DiagnosticCode::kNonMinimalEncoding},
      {"OID arc above 2^32-1 in a value", value(OidHex("2b9080808000")), DiagnosticCode::kOidInvalid},
      {"OID arc padded with 0x80 in a name",
       Community(1, PduTlv(0xa0, Vb(OidHex("2b8001"), Hex("0500")))), DiagnosticCode::kOidInvalid},
      {"truncated OID arc", value(OidHex("2b0681")), DiagnosticCode::kOidInvalid},
      {"NULL with content (X.690 8.8.2)", value(Hex("050100")), DiagnosticCode::kNullWithContent},
      {"endOfMibView with content", value(Hex("820100")), DiagnosticCode::kNullWithContent},
      {"unknown application tag", value(Hex("490100")), DiagnosticCode::kUnknownValueTag},
      {"Opaque float of 3 octets", value(Octets(Hex("9f7803000000"), 0x44)),
       DiagnosticCode::kOpaqueMalformed},
      // Found by the differential target: net-snmp refuses these, and they
      // were shown as plain Opaque octets without a word.
      {"Opaque Int64 whose length runs past the Opaque", value(Octets(Hex("9f7a840101"), 0x44)),
       DiagnosticCode::kOpaqueMalformed},
      {"Opaque float identifier alone", value(Octets(Hex("9f78"), 0x44)),
       DiagnosticCode::kOpaqueMalformed},
      {"bytes after the message", V2cGet() + "junk", DiagnosticCode::kTrailingData},
      {"extra element in a varbind",
       Community(1, PduTlv(0xa0, Seq(SysDescr0() + Hex("0500") + Hex("0500")))),
       DiagnosticCode::kTrailingData},
      {"error-status 19 (RFC 3416: 0..18)", Community(1, PduTlv(0xa2, vb, 19)),
       DiagnosticCode::kValueOutOfRange},
      {"msgID of -2^31", Seq(Int(3) + Seq(Int(INT32_MIN) + Int(1500) + Octets("\x04") + Int(3)) +
                          Octets(Seq(usm)) + scoped),
       DiagnosticCode::kMsgIdOutOfRange},
  };
}

TEST(DecodeTest, NotesProblemsThatLeaveTheStructureIntact) {
  for (const DiagnosticCase& c : DiagnosticCases()) {
    SCOPED_TRACE(c.why);
    Message m;
    const ber::Error e = DecodeMessage(AsBytes(c.wire), &m);
    EXPECT_TRUE(e.ok()) << ber::ErrorText(e.code) << " at " << e.offset;
    EXPECT_TRUE(HasDiagnostic(m, c.code)) << DiagnosticText(c.code);
    EXPECT_TRUE(m.has_pdu || m.encrypted);
  }
}

struct ErrorCase {
  const char* why;
  std::string wire;
  ErrorCode code;
  size_t offset;
};

std::vector<ErrorCase> ErrorCases() {
  const std::string vb = Vb(SysDescr0(), Hex("0500"));
  const std::string integer_data = V3("\x04", UsmFields("", ""), Int(5));
  return {
      {"empty input", "", ErrorCode::kTruncatedHeader, 0},
      {"not a SEQUENCE", Int(1), ErrorCode::kUnexpectedTag, 0},
      {"indefinite-length message", Hex("3080020101") + Hex("0000"), ErrorCode::kIndefiniteLength,
       1},
      {"length lies: claims more than present", Hex("30ff"), ErrorCode::kReservedLength, 1},
      {"message claims 4 GiB", Hex("3084ffffffff020101"), ErrorCode::kLengthExceedsInput, 1},
      {"version 2 (SNMPv2u/v2*) is not supported", Community(2, PduTlv(0xa0, vb)),
       ErrorCode::kUnsupportedValue, 2},
      {"version of 9 octets", Seq(Tlv(0x02, Hex("010000000000000001")) + Octets("x")),
       ErrorCode::kUnsupportedValue, 2},
      {"community missing", Seq(Int(1)), ErrorCode::kMissingElement, 5},
      {"community as INTEGER", Seq(Int(1) + Int(5) + PduTlv(0xa0, vb)), ErrorCode::kUnexpectedTag, 5},
      {"unknown PDU tag [9]", Community(1, PduTlv(0xa9, vb)), ErrorCode::kUnexpectedTag, 13},
      {"PDU as primitive [0]", Community(1, Tlv(0x80, "")), ErrorCode::kUnexpectedTag, 13},
      {"PDU missing", Seq(Int(1) + Octets("public")), ErrorCode::kMissingElement, 13},
      {"request-id as OCTET STRING",
       Community(1, Tlv(0xa0, Octets("x") + Int(0) + Int(0) + Seq(vb))), ErrorCode::kUnexpectedTag,
       15},
      {"varbind list missing", Community(1, Tlv(0xa0, Int(1) + Int(0) + Int(0))),
       ErrorCode::kMissingElement, 24},
      {"varbind without a value", Community(1, PduTlv(0xa0, Seq(SysDescr0()))),
       ErrorCode::kMissingElement, 39},
      {"varbind name not an OID", Community(1, PduTlv(0xa0, Seq(Int(1) + Hex("0500")))),
       ErrorCode::kUnexpectedTag, 29},
      {"inner length exceeds its parent", Community(1, Tlv(0xa0, Hex("0205000000"))),
       ErrorCode::kLengthExceedsInput, 16},
      {"five length octets inside", Community(1, Tlv(0xa0, Hex("02850000000001"))),
       ErrorCode::kLengthTooLong, 16},
      {"v3 without msgGlobalData", Seq(Int(3) + Int(1)), ErrorCode::kUnexpectedTag, 5},
      {"v3 msgData of the wrong type", integer_data, ErrorCode::kUnexpectedTag,
       integer_data.size() - 3},
      {"USM parameters not a SEQUENCE",
       Seq(Int(3) + Seq(Int(1) + Int(1500) + Octets("\x04") + Int(3)) + Octets(Int(1))),
       ErrorCode::kUnexpectedTag, 22},
      {"USM parameters truncated inside the OCTET STRING",
       Seq(Int(3) + Seq(Int(1) + Int(1500) + Octets("\x04") + Int(3)) + Octets(Hex("3005040100"))),
       ErrorCode::kLengthExceedsInput, 23},
  };
}

TEST(DecodeTest, StopsAtStructuralErrorsWithTheirOffset) {
  for (const ErrorCase& c : ErrorCases()) {
    SCOPED_TRACE(c.why);
    Message m;
    const ber::Error e = DecodeMessage(AsBytes(c.wire), &m);
    EXPECT_EQ(e.code, c.code) << ber::ErrorText(e.code);
    EXPECT_EQ(e.offset, c.offset);
  }
}

TEST(DecodeTest, KeepsWhatDecodedBeforeTheError) {
  const std::string wire = Seq(Int(1) + Octets("secret") + Tlv(0xa0, Int(77) + Octets("x")));
  Message m;
  EXPECT_FALSE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_TRUE(m.version.present);
  EXPECT_EQ(Str(m.community.value), "secret");
  EXPECT_TRUE(m.has_pdu);
  EXPECT_EQ(m.pdu.request_id.value, 77);
  EXPECT_FALSE(m.pdu.error_status.present);
}

TEST(DecodeTest, TruncationAtEveryOffsetFailsCleanly) {
  const std::string scoped = Seq(Octets(NetSnmpEngineId()) + Octets("") +
                                 PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux"))));
  const std::string samples[] = {
      V2cGet(),
      V3("\x07", UsmFields(NetSnmpEngineId(), "u", std::string(12, 'a'), "12345678"),
         Octets(std::string(32, 'x'))),
      V3("\x04", UsmFields(NetSnmpEngineId(), "u"), scoped),
  };
  Message m;
  for (const std::string& full : samples) {
    ASSERT_TRUE(DecodeMessage(AsBytes(full), &m).ok());
    for (size_t n = 0; n < full.size(); ++n) {
      // A heap copy of exactly n bytes, so ASan catches any read past it.
      const std::vector<uint8_t> prefix(full.begin(), full.begin() + n);
      EXPECT_FALSE(DecodeMessage(Bytes(prefix.data(), prefix.size()), &m).ok()) << n;
    }
  }
}

TEST(DecodeTest, FixingTheOuterLengthOfATruncatedMessageStillFailsInside) {
  // Lying inner lengths: cut the message, then patch the outer length to fit,
  // so the first failure is somewhere inside.
  const std::string full = V2cGet();
  Message m;
  for (size_t n = 3; n < full.size(); ++n) {
    std::string cut = full.substr(0, n);
    cut[1] = static_cast<char>(n - 2);
    const ber::Error e = DecodeMessage(AsBytes(cut), &m);
    EXPECT_FALSE(e.ok()) << n;
    EXPECT_LE(e.offset, n);
  }
}

TEST(DecodeTest, DecodesTenThousandVarBinds) {
  std::string varbinds;
  for (int i = 0; i < 10000; ++i) varbinds += Vb(SysDescr0(), Int(i));
  const std::string wire = Community(1, PduTlv(0xa2, varbinds));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  ASSERT_EQ(m.pdu.varbinds.size(), 10000u);
  EXPECT_EQ(m.pdu.varbinds[9999].value.integer, 9999);
}

TEST(DecodeTest, RejectsTenThousandDeepNesting) {
  std::string nested = Hex("0500");
  for (int i = 0; i < 10000; ++i) nested = Seq(nested);
  Message m;
  EXPECT_EQ(DecodeMessage(AsBytes(nested), &m).code, ErrorCode::kUnexpectedTag);
  // The same nesting as a varbind value is an unknown constructed value kept
  // as bytes, not recursed into.
  const std::string wire = Community(1, PduTlv(0xa2, Vb(SysDescr0(), nested)));
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.pdu.varbinds[0].value.type, ValueType::kUnknown);
}

TEST(DecodeTest, CapsDiagnosticsPerMessage) {
  std::string varbinds;
  for (int i = 0; i < 500; ++i) varbinds += Vb(SysDescr0(), Hex("490100"));
  const std::string wire = Community(1, PduTlv(0xa2, varbinds));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  EXPECT_EQ(m.diagnostics.size(), kMaxDiagnostics);
  EXPECT_EQ(m.diagnostics.back().code, DiagnosticCode::kTooManyDiagnostics);
  EXPECT_EQ(m.diagnostics.back().severity, Severity::kNote);
}

TEST(DecodeTest, ErrorsPastTheDiagnosticCapStillMarkTheMessage) {
  // 100 warnings, then an invalid OID value (an error): the marker carries
  // the error, so the message is not shown as clean.
  std::string varbinds;
  for (int i = 0; i < 100; ++i) varbinds += Vb(SysDescr0(), Hex("490100"));
  varbinds += Vb(SysDescr0(), OidHex("2b8001"));
  const std::string wire = Community(1, PduTlv(0xa2, varbinds));
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(wire), &m).ok());
  ASSERT_EQ(m.diagnostics.size(), kMaxDiagnostics);
  EXPECT_EQ(m.diagnostics.back().code, DiagnosticCode::kTooManyDiagnostics);
  EXPECT_EQ(m.diagnostics.back().severity, Severity::kError);
}

TEST(DecodeTest, ReusedMessageForgetsThePreviousOne) {
  const std::string v3 =
      V3("\x07", UsmFields(NetSnmpEngineId(), "u", "a", "b"), Octets(std::string(16, 'x')));
  const std::string v2 = V2cGet() + "trailing";
  Message m;
  ASSERT_TRUE(DecodeMessage(AsBytes(v2), &m).ok());
  ASSERT_FALSE(m.diagnostics.empty());
  ASSERT_TRUE(DecodeMessage(AsBytes(v3), &m).ok());
  EXPECT_FALSE(m.has_pdu);
  EXPECT_TRUE(m.pdu.varbinds.empty());
  EXPECT_TRUE(m.diagnostics.empty());
  EXPECT_FALSE(m.community.present);
}

}  // namespace
}  // namespace snmpdissect::snmp
