// Hostile input: truncated, oversized, lying and malformed PDUs give errors
// with offsets, or diagnostics when the structure survives; never a crash
// or a read outside the input (the ASan build runs these too).

#include <string>
#include <vector>

#include "codec/agentx/decode.h"
#include "codec/agentx/describe.h"
#include "codec/agentx/framing.h"
#include "codec/agentx/testing/pdu_builder.h"
#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

using testing::AsBytes;
using testing::PduBuilder;

const std::vector<uint32_t> kSysDescr0 = {1, 3, 6, 1, 2, 1, 1, 1, 0};

// A PDU with a bit of everything: context, varbinds with OID, string and
// 64-bit values.
std::string RichPdu(ByteOrder order) {
  PduBuilder b(order);
  b.OctetString("context");
  b.VarBindHead(VarBindType::kObjectIdentifier, kSysDescr0).Oid({1, 3, 6, 1, 4, 1, 8072});
  b.VarBindHead(VarBindType::kOctetString, kSysDescr0).OctetString("abcde");
  b.VarBindHead(VarBindType::kCounter64, kSysDescr0).U64(1);
  return b.Build(PduType::kNotify, 1, 2, 3, kFlagNonDefaultContext);
}

struct Decoded {
  Error error;
  Pdu pdu;
  std::string bytes;  // kept: the model borrows it
};

void DecodeInto(const std::string& bytes, Decoded* out) {
  out->bytes = bytes;
  out->error = DecodePdu(AsBytes(out->bytes), 0, &out->pdu);
}

bool HasDiagnostic(const Pdu& pdu, DiagnosticCode code, size_t offset) {
  for (const Diagnostic& d : pdu.diagnostics) {
    if (d.code == code && d.offset == offset) return true;
  }
  return false;
}

TEST(HostileTest, EveryTruncationOfTheHeaderFails) {
  const std::string pdu = RichPdu(ByteOrder::kBigEndian);
  for (size_t n = 0; n < kHeaderLength; ++n) {
    Decoded d;
    DecodeInto(pdu.substr(0, n), &d);
    EXPECT_EQ(d.error, (Error{ErrorCode::kTruncatedHeader, 0})) << n;
    EXPECT_FALSE(d.pdu.header.version.present);
  }
}

TEST(HostileTest, EveryTruncationOfThePayloadIsPayloadTruncated) {
  for (ByteOrder order : {ByteOrder::kLittleEndian, ByteOrder::kBigEndian}) {
    const std::string pdu = RichPdu(order);
    for (size_t n = kHeaderLength; n < pdu.size(); ++n) {
      Decoded d;
      DecodeInto(pdu.substr(0, n), &d);
      EXPECT_EQ(d.error, (Error{ErrorCode::kPayloadTruncated, 16})) << n;
      EXPECT_TRUE(d.pdu.header.packet_id.present);  // the header is kept
    }
  }
}

TEST(HostileTest, APayloadLengthThatLiesShortCutsFieldsAtThePayloadEnd) {
  const std::string pdu = RichPdu(ByteOrder::kLittleEndian);
  const uint32_t real = static_cast<uint32_t>(pdu.size() - kHeaderLength);
  for (uint32_t claimed = 0; claimed < real; ++claimed) {
    std::string lying = pdu;
    lying[16] = static_cast<char>(claimed);
    lying[17] = static_cast<char>(claimed >> 8);
    Decoded d;
    DecodeInto(lying, &d);
    // The data is all there, but nothing may be read past the claimed end.
    if (d.error.ok()) {
      // Cut between two varbinds: a shorter, valid list.
      EXPECT_LT(d.pdu.varbinds.size(), 3u) << claimed;
    } else {
      EXPECT_TRUE(d.error.code == ErrorCode::kTruncated ||
                  d.error.code == ErrorCode::kOctetStringTooLong)
          << claimed << " " << ToStatus(d.error);
      EXPECT_LE(d.error.offset, kHeaderLength + claimed) << claimed;
    }
    for (const VarBind& vb : d.pdu.varbinds) {
      EXPECT_LE(vb.location.end(), kHeaderLength + claimed);
    }
    std::string text;
    AppendDescription(d.pdu, &text);
  }
}

TEST(HostileTest, APayloadLengthThatLiesLongIsTruncatedOrTooLong) {
  std::string pdu = PduBuilder().BuildRaw(13, 1, 2, 3, 0, 4);  // Ping claiming 4 octets
  Decoded d;
  DecodeInto(pdu, &d);
  EXPECT_EQ(d.error, (Error{ErrorCode::kPayloadTruncated, 16}));
  for (uint32_t length : {kMaxPayloadLength + 1, 0xfffffff0u, 0xffffffffu}) {
    DecodeInto(PduBuilder().BuildRaw(13, 1, 2, 3, 0, length) + std::string(64, '\0'), &d);
    EXPECT_EQ(d.error, (Error{ErrorCode::kPayloadTooLong, 16})) << length;
  }
}

TEST(HostileTest, InputAfterThePduIsNotRead) {
  const std::string first = PduBuilder().U8(1).U8(0).U8(0).U8(0).Build(PduType::kClose);
  Decoded d;
  DecodeInto(first + RichPdu(ByteOrder::kBigEndian), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_EQ(d.pdu.location.length, first.size());
  EXPECT_TRUE(d.pdu.diagnostics.empty());
}

TEST(HostileTest, UnknownVersionAndType) {
  Decoded d;
  DecodeInto(PduBuilder().BuildRaw(13, 1, 2, 3, 0, std::nullopt, /*version=*/2), &d);
  EXPECT_EQ(d.error, (Error{ErrorCode::kUnsupportedVersion, 0}));
  EXPECT_TRUE(d.pdu.header.payload_length.present);
  for (uint8_t type : {0, 19, 255}) {
    DecodeInto(PduBuilder().BuildRaw(type, 1, 2, 3, 0), &d);
    EXPECT_EQ(d.error, (Error{ErrorCode::kUnknownPduType, 1})) << int{type};
    std::string text;
    AppendSummary(d.pdu, &text);
    EXPECT_EQ(text, "unknown: sid=1, tid=2, packid=3, plen=0");
  }
}

TEST(HostileTest, TooManySubids) {
  for (int n : {129, 200, 255}) {
    PduBuilder b;
    b.U8(static_cast<uint8_t>(n)).U8(0).U8(0).U8(0);
    for (int i = 0; i < n; ++i) b.U32(i);
    b.Oid({});
    Decoded d;
    DecodeInto(b.Build(PduType::kGet), &d);
    EXPECT_EQ(d.error, (Error{ErrorCode::kOidTooManySubids, 20})) << n;
  }
  // 128 is the limit, and fine; with a prefix the OID has 133 arcs: a
  // warning, and the text still has them all.
  PduBuilder b;
  b.U8(128).U8(2).U8(0).U8(0);
  for (int i = 0; i < 128; ++i) b.U32(4294967295u);
  b.Oid({});
  Decoded d;
  DecodeInto(b.Build(PduType::kGet), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_EQ(d.pdu.ranges[0].start.arc_count(), 133u);
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kOidTooManyArcs, 20));
  EXPECT_EQ(OidText(d.pdu.ranges[0].start).size(), 9u + 128 * 11);  // 1.3.6.1.2 ...
}

TEST(HostileTest, OctetStringLengthsThatOverflow) {
  for (uint32_t length : {0xffffffffu, 0xfffffffdu, 0x80000000u, 5u, 6u}) {
    PduBuilder b;
    b.U8(0).U8(0).U8(0).U8(0).Oid({}).U32(length).U32(0);  // Open, descr of 4 octets
    Decoded d;
    DecodeInto(b.Build(PduType::kOpen), &d);
    EXPECT_EQ(d.error, (Error{ErrorCode::kOctetStringTooLong, 28})) << length;
    EXPECT_TRUE(d.pdu.id.present);
    EXPECT_FALSE(d.pdu.descr.present);
  }
  // Length 3 in 4 octets is fine (3 + 1 padding); 4 in 4 is fine.
  for (uint32_t length : {3u, 4u}) {
    PduBuilder b;
    b.U8(0).U8(0).U8(0).U8(0).Oid({}).U32(length).U32(0);
    Decoded d;
    DecodeInto(b.Build(PduType::kOpen), &d);
    EXPECT_TRUE(d.error.ok()) << length;
  }
}

TEST(HostileTest, UnknownValueTypeStopsTheList) {
  PduBuilder b;
  b.U32(0).U16(0).U16(0);
  b.VarBindHead(VarBindType::kInteger, kSysDescr0).U32(1);
  b.U16(3).U16(0).Oid(kSysDescr0).U32(0);  // BIT STRING: not in RFC 2741 5.4
  Decoded d;
  DecodeInto(b.Build(PduType::kResponse), &d);
  EXPECT_EQ(d.error, (Error{ErrorCode::kUnknownValueType, 56}));
  ASSERT_EQ(d.pdu.varbinds.size(), 2u);
  EXPECT_EQ(d.pdu.varbinds[0].value.integer, 1);
  EXPECT_EQ(d.pdu.varbinds[1].value.type, snmp::ValueType::kUnknown);
  std::string text;
  AppendDescription(d.pdu, &text);
  EXPECT_NE(text.find("varbind: 1.3.6.1.2.1.1.1.0 3 \n"), std::string::npos) << text;
}

TEST(HostileTest, TrailingOctetsInAListAreTruncatedFields) {
  for (int extra = 1; extra < 4; ++extra) {
    PduBuilder b;
    b.Oid(kSysDescr0).Oid({}).Raw(std::string(extra, '\0'));
    Decoded d;
    DecodeInto(b.Build(PduType::kGetNext), &d);
    // The second range's OID head is cut: the error names the octet that
    // is missing.
    EXPECT_EQ(d.error, (Error{ErrorCode::kTruncated, 20u + 24 + extra})) << extra;
    EXPECT_EQ(d.pdu.ranges.size(), 2u);
  }
}

TEST(HostileTest, StructuralProblemsThatLeaveTheStructureAreDiagnostics) {
  Decoded d;
  // Reserved octets: header, Open, Close, OID, VarBind.
  std::string close = PduBuilder().U8(1).U8(0).U8(7).U8(0).Build(PduType::kClose);
  close[3] = 1;  // header reserved
  DecodeInto(close, &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kReservedNotZero, 3));
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kReservedNotZero, 22));

  PduBuilder vb;
  vb.U32(0).U16(0).U16(0).U16(2).U16(9).Oid(kSysDescr0, 0, true, /*reserved=*/4).U32(1);
  DecodeInto(vb.Build(PduType::kResponse), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kReservedNotZero, 30));
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kReservedNotZero, 35));

  // Flags: reserved bits, and bits on types they do not apply to.
  DecodeInto(PduBuilder().Build(PduType::kPing, 1, 2, 3, 0x80 | kFlagAnyIndex), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kReservedFlags, 2));
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kFlagNotApplicable, 2));
  // NON_DEFAULT_CONTEXT on a type RFC 2741 gives no context: read as
  // net-snmp writes it (a Response echoing its request's context), noted.
  DecodeInto(PduBuilder().OctetString("c").U32(7).U16(0).U16(0).Build(
                 PduType::kResponse, 1, 2, 3, kFlagNonDefaultContext), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(d.pdu.context.present);
  EXPECT_EQ(d.pdu.sys_uptime.value, 7u);
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kContextNotInRfc, 2));
  EXPECT_FALSE(HasDiagnostic(d.pdu, DiagnosticCode::kFlagNotApplicable, 2));

  // include: 2 anywhere is flagged; 1 outside the start of a range is
  // unused but allowed (net-snmp sends it on OID values).
  PduBuilder inc;
  inc.Oid(kSysDescr0, 2).Oid(kSysDescr0, 1);
  DecodeInto(inc.Build(PduType::kGetNext), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kIncludeInvalid, 22));
  EXPECT_EQ(d.pdu.diagnostics.size(), 1u);
  EXPECT_EQ(d.pdu.ranges[0].end.include, 1);

  // IpAddress of 5 octets, nonzero padding, range_subid beyond the subtree.
  PduBuilder ip;
  ip.VarBindHead(VarBindType::kIpAddress, kSysDescr0).OctetString("12345", 0xee);
  DecodeInto(ip.Build(PduType::kNotify), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kIpAddressWrongSize, 44));
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kPaddingNotZero, 53));
  std::string text;
  AppendValueText(d.pdu.varbinds[0].value, &text);
  EXPECT_EQ(text, "\"12345\"");

  PduBuilder reg;
  reg.U8(0).U8(127).U8(12).U8(0).Oid({1, 3, 6, 1, 2, 1, 2}).U32(9);
  DecodeInto(reg.Build(PduType::kRegister), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kRangeSubidInvalid, 22));
  EXPECT_TRUE(d.pdu.upper_bound.present);

  // Octets after a fixed layout; a payload length not a multiple of 4.
  DecodeInto(PduBuilder().U8(1).U8(0).U8(0).U8(0).U8(9).Build(PduType::kClose), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kTrailingData, 24));
  EXPECT_TRUE(HasDiagnostic(d.pdu, DiagnosticCode::kPayloadNotAligned, 16));
}

TEST(HostileTest, DiagnosticsAreCapped) {
  PduBuilder b;
  for (int i = 0; i < 100; ++i) b.Oid(kSysDescr0, 0, true, 1).Oid({}, 0, true, 1);
  Decoded d;
  DecodeInto(b.Build(PduType::kGetNext), &d);
  ASSERT_TRUE(d.error.ok());
  EXPECT_EQ(d.pdu.ranges.size(), 100u);
  ASSERT_EQ(d.pdu.diagnostics.size(), kMaxDiagnostics + 1);
  EXPECT_EQ(d.pdu.diagnostics.back().code, DiagnosticCode::kTooManyDiagnostics);
}

TEST(HostileTest, EveryPrefixAndEveryByteFlipOfARealisticStreamIsSafe) {
  // Two PDUs back to back, framed and decoded as a dissector would, with
  // every single octet changed to a few values.
  const std::string stream = RichPdu(ByteOrder::kLittleEndian) + RichPdu(ByteOrder::kBigEndian);
  Pdu pdu;
  std::string text;
  for (size_t i = 0; i < stream.size(); ++i) {
    for (uint8_t v : {0x00, 0x01, 0x10, 0x7f, 0x80, 0xff}) {
      std::string mutated = stream;
      mutated[i] = static_cast<char>(v);
      Bytes rest = AsBytes(mutated);
      size_t offset = 0;
      while (!rest.empty()) {
        const Frame f = FramePdu(rest);
        if (f.status != FrameStatus::kComplete) break;
        const Error e = DecodePdu(rest.subspan(0, f.length), offset, &pdu);
        if (e.ok()) {
          EXPECT_EQ(pdu.location.length, f.length);
        } else {
          EXPECT_GE(e.offset, offset);
          EXPECT_LE(e.offset, offset + f.length);
        }
        text.clear();
        AppendDescription(pdu, &text);
        rest.remove_prefix(f.length);
        offset += f.length;
      }
    }
  }
}

}  // namespace
}  // namespace snmpdissect::agentx
