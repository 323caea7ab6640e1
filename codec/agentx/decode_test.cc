// Every PDU type of RFC 2741 6.2 and every value type of 5.4, well formed,
// in both byte orders (h.flags NETWORK_BYTE_ORDER, 6.1).

#include "codec/agentx/decode.h"

#include <string>
#include <vector>

#include "codec/agentx/testing/pdu_builder.h"
#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

using snmp::ValueType;
using testing::AsBytes;
using testing::PduBuilder;

const std::vector<uint32_t> kSysDescr0 = {1, 3, 6, 1, 2, 1, 1, 1, 0};
const std::vector<uint32_t> kLaTable = {1, 3, 6, 1, 4, 1, 2021, 10};
const std::vector<uint32_t> kBigArcs = {2, 999, 4294967295u, 0};

class DecodeTest : public ::testing::TestWithParam<ByteOrder> {
 protected:
  PduBuilder Builder() const { return PduBuilder(GetParam()); }

  // Decodes `bytes` (kept alive in the fixture: the model borrows it) and
  // expects success without diagnostics.
  const Pdu& Decode(const std::string& bytes) {
    bytes_ = bytes;
    const Error e = DecodePdu(AsBytes(bytes_), 0, &pdu_);
    EXPECT_TRUE(e.ok()) << ToStatus(e);
    EXPECT_TRUE(pdu_.diagnostics.empty())
        << DiagnosticText(pdu_.diagnostics.front().code) << " at "
        << pdu_.diagnostics.front().offset;
    EXPECT_EQ(pdu_.location.length, bytes_.size());
    EXPECT_EQ(pdu_.order(), GetParam());
    return pdu_;
  }

  std::string bytes_;
  Pdu pdu_;
};

TEST_P(DecodeTest, Header) {
  const Pdu& pdu =
      Decode(Builder().Build(PduType::kPing, 0x01020304, 0xfffffffe, 0x80000000));
  const Header& h = pdu.header;
  EXPECT_EQ(h.version.value, 1);
  EXPECT_EQ(pdu.type(), PduType::kPing);
  EXPECT_EQ(h.session_id.value, 0x01020304u);
  EXPECT_EQ(h.transaction_id.value, 0xfffffffeu);
  EXPECT_EQ(h.packet_id.value, 0x80000000u);
  EXPECT_EQ(h.payload_length.value, 0u);
  EXPECT_EQ(h.session_id.location, (Location{4, 4}));
  EXPECT_EQ(h.payload_length.location, (Location{16, 4}));
  EXPECT_EQ(pdu.location, (Location{0, 20}));
  EXPECT_EQ((h.flags.value & kFlagNetworkByteOrder) != 0, GetParam() == ByteOrder::kBigEndian);
  EXPECT_FALSE(pdu.context.present);
}

TEST_P(DecodeTest, Open) {
  PduBuilder b = Builder();
  b.U8(5).U8(0).U8(0).U8(0).Oid({1, 3, 6, 1, 4, 1, 8072, 3, 2, 10}).OctetString(
      "Net-SNMP AgentX sub-agent");
  const Pdu& pdu = Decode(b.Build(PduType::kOpen, 0));
  EXPECT_EQ(pdu.timeout.value, 5);
  ASSERT_TRUE(pdu.id.present);
  EXPECT_EQ(pdu.id.prefix, 4);
  EXPECT_EQ(pdu.id.n_subid, 5);
  EXPECT_EQ(OidText(pdu.id), "1.3.6.1.4.1.8072.3.2.10");
  EXPECT_EQ(pdu.id.location, (Location{24, 24}));
  ASSERT_TRUE(pdu.descr.present);
  EXPECT_EQ(pdu.descr.length, 25u);
  EXPECT_EQ(std::string(pdu.descr.value.begin(), pdu.descr.value.end()),
            "Net-SNMP AgentX sub-agent");
  EXPECT_EQ(pdu.descr.location, (Location{48, 32}));  // 4 + 25 + 3 padding
}

TEST_P(DecodeTest, Close) {
  const Pdu& pdu = Decode(Builder().U8(5).U8(0).U8(0).U8(0).Build(PduType::kClose));
  EXPECT_EQ(pdu.reason.value, 5);
  EXPECT_STREQ(CloseReasonName(pdu.reason.value), "reasonShutdown");
}

TEST_P(DecodeTest, RegisterWithRangeAndContext) {
  PduBuilder b = Builder();
  b.OctetString("ctx").U8(30).U8(127).U8(10).U8(0);
  b.Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 1, 1}).U32(22);  // ifIndex.1 .. ifIndex.22
  const Pdu& pdu = Decode(
      b.Build(PduType::kRegister, 5, 0, 9, kFlagNonDefaultContext | kFlagInstanceRegistration));
  ASSERT_TRUE(pdu.context.present);
  EXPECT_EQ(std::string(pdu.context.value.begin(), pdu.context.value.end()), "ctx");
  EXPECT_EQ(pdu.timeout.value, 30);
  EXPECT_EQ(pdu.priority.value, 127);
  EXPECT_EQ(pdu.range_subid.value, 10);
  EXPECT_EQ(OidText(pdu.subtree), "1.3.6.1.2.1.2.2.1.1.1");
  ASSERT_TRUE(pdu.upper_bound.present);
  EXPECT_EQ(pdu.upper_bound.value, 22u);
}

TEST_P(DecodeTest, RegisterWithoutRangeHasNoUpperBound) {
  PduBuilder b = Builder();
  b.U8(0).U8(127).U8(0).U8(0).Oid({1, 3, 6, 1, 2, 1, 1});
  const Pdu& pdu = Decode(b.Build(PduType::kRegister));
  EXPECT_FALSE(pdu.upper_bound.present);
  EXPECT_EQ(OidText(pdu.subtree), "1.3.6.1.2.1.1");
}

TEST_P(DecodeTest, Unregister) {
  PduBuilder b = Builder();
  b.U8(0).U8(100).U8(0).U8(0).Oid(kLaTable);
  const Pdu& pdu = Decode(b.Build(PduType::kUnregister));
  EXPECT_EQ(pdu.priority.value, 100);
  EXPECT_EQ(OidText(pdu.subtree), "1.3.6.1.4.1.2021.10");
}

TEST_P(DecodeTest, GetAndGetNext) {
  for (PduType type : {PduType::kGet, PduType::kGetNext}) {
    PduBuilder b = Builder();
    b.Oid(kSysDescr0, 1).Oid({}).Oid(kLaTable, 0, /*compress=*/false).Oid(kBigArcs);
    const Pdu& pdu = Decode(b.Build(type));
    ASSERT_EQ(pdu.ranges.size(), 2u);
    EXPECT_EQ(OidText(pdu.ranges[0].start), "1.3.6.1.2.1.1.1.0");
    EXPECT_EQ(pdu.ranges[0].start.include, 1);
    EXPECT_TRUE(pdu.ranges[0].end.null());
    EXPECT_EQ(pdu.ranges[1].start.prefix, 0);
    EXPECT_EQ(OidText(pdu.ranges[1].start), "1.3.6.1.4.1.2021.10");
    EXPECT_EQ(OidText(pdu.ranges[1].end), "2.999.4294967295.0");
    EXPECT_EQ(pdu.ranges[1].location.end(), bytes_.size());
  }
}

TEST_P(DecodeTest, GetBulk) {
  PduBuilder b = Builder();
  b.OctetString("").U16(1).U16(10).Oid(kSysDescr0).Oid({});
  const Pdu& pdu = Decode(b.Build(PduType::kGetBulk, 1, 2, 3, kFlagNonDefaultContext));
  EXPECT_TRUE(pdu.context.present);
  EXPECT_EQ(pdu.context.length, 0u);
  EXPECT_EQ(pdu.non_repeaters.value, 1);
  EXPECT_EQ(pdu.max_repetitions.value, 10);
  ASSERT_EQ(pdu.ranges.size(), 1u);
}

void ExpectEveryValueType(const std::vector<VarBind>& varbinds) {
  ASSERT_EQ(varbinds.size(), 13u);
  const ValueType types[] = {
      ValueType::kInteger,   ValueType::kOctetString,  ValueType::kNull,
      ValueType::kObjectIdentifier, ValueType::kIpAddress, ValueType::kCounter32,
      ValueType::kGauge32,   ValueType::kTimeTicks,    ValueType::kOpaque,
      ValueType::kCounter64, ValueType::kNoSuchObject, ValueType::kNoSuchInstance,
      ValueType::kEndOfMibView};
  for (size_t i = 0; i < varbinds.size(); ++i) {
    EXPECT_EQ(varbinds[i].value.type, types[i]) << i;
    EXPECT_EQ(OidText(varbinds[i].name), "1.3.6.1.2.1.1.1.0") << i;
  }
  EXPECT_EQ(varbinds[0].value.integer, -5);
  EXPECT_EQ(varbinds[0].value.location.length, 4u);
  EXPECT_EQ(std::string(varbinds[1].value.octets.value.begin(), varbinds[1].value.octets.value.end()),
            "hello");
  EXPECT_EQ(varbinds[1].value.location.length, 12u);
  EXPECT_EQ(varbinds[2].value.location.length, 0u);
  EXPECT_EQ(OidText(varbinds[3].value.oid), "1.3.6.1.6.3.1.1.5.1");
  EXPECT_EQ(varbinds[4].value.octets.length, 4u);
  EXPECT_EQ(varbinds[4].value.octets.value[0], 0xc0);
  EXPECT_EQ(varbinds[5].value.unsigned_value, 4294967295u);
  EXPECT_EQ(varbinds[6].value.unsigned_value, 7u);
  EXPECT_EQ(varbinds[7].value.unsigned_value, 123456u);
  EXPECT_EQ(varbinds[8].value.octets.length, 7u);
  EXPECT_EQ(varbinds[9].value.unsigned_value, 18446744073709551615u);
  EXPECT_EQ(varbinds[9].value.location.length, 8u);
  EXPECT_EQ(varbinds[12].value.type_code, 130);
}

TEST_P(DecodeTest, VarBindListsOfEveryValueType) {
  for (PduType type : {PduType::kTestSet, PduType::kNotify, PduType::kIndexAllocate,
                       PduType::kIndexDeallocate}) {
    PduBuilder b = Builder();
    AppendEveryValueType(b);
    const uint8_t flags = type == PduType::kIndexAllocate ? kFlagNewIndex : 0;
    const Pdu& pdu = Decode(b.Build(type, 1, 2, 3, flags));
    ExpectEveryValueType(pdu.varbinds);
    EXPECT_EQ(pdu.varbinds.back().location.end(), bytes_.size());
  }
}

TEST_P(DecodeTest, Response) {
  PduBuilder b = Builder();
  b.U32(4242).U16(263).U16(1);
  AppendEveryValueType(b);
  const Pdu& pdu = Decode(b.Build(PduType::kResponse));
  EXPECT_EQ(pdu.sys_uptime.value, 4242u);
  EXPECT_EQ(pdu.error.value, 263);
  EXPECT_STREQ(ResponseErrorName(pdu.error.value), "duplicateRegistration");
  EXPECT_EQ(pdu.index.value, 1);
  ExpectEveryValueType(pdu.varbinds);
}

TEST_P(DecodeTest, ResponseWithoutVarBinds) {
  const Pdu& pdu = Decode(Builder().U32(1).U16(0).U16(0).Build(PduType::kResponse));
  EXPECT_TRUE(pdu.varbinds.empty());
  EXPECT_TRUE(pdu.index.present);
}

TEST_P(DecodeTest, HeaderOnlyTypes) {
  for (PduType type : {PduType::kCommitSet, PduType::kUndoSet, PduType::kCleanupSet,
                       PduType::kPing}) {
    const Pdu& pdu = Decode(Builder().Build(type));
    EXPECT_EQ(pdu.type(), type);
    EXPECT_EQ(pdu.payload, (Location{20, 0}));
  }
  const Pdu& ping = Decode(Builder().OctetString("c1").Build(PduType::kPing, 1, 2, 3,
                                                              kFlagNonDefaultContext));
  EXPECT_EQ(ping.context.length, 2u);
}

TEST_P(DecodeTest, AgentCaps) {
  PduBuilder add = Builder();
  add.OctetString("ctx").Oid({1, 3, 6, 1, 6, 3, 10, 3, 1, 1}).OctetString("The SNMP Management Architecture MIB.");
  const Pdu& pdu = Decode(add.Build(PduType::kAddAgentCaps, 1, 2, 3, kFlagNonDefaultContext));
  EXPECT_EQ(OidText(pdu.id), "1.3.6.1.6.3.10.3.1.1");
  EXPECT_EQ(pdu.descr.length, 37u);
  PduBuilder remove = Builder();
  remove.Oid({1, 3, 6, 1, 6, 3, 10, 3, 1, 1});
  const Pdu& removed = Decode(remove.Build(PduType::kRemoveAgentCaps));
  EXPECT_EQ(OidText(removed.id), "1.3.6.1.6.3.10.3.1.1");
  EXPECT_FALSE(removed.descr.present);
}

TEST_P(DecodeTest, DecodesAtABaseOffset) {
  bytes_ = Builder().U8(1).U8(0).U8(0).U8(0).Build(PduType::kClose);
  ASSERT_TRUE(DecodePdu(AsBytes(bytes_), 1000, &pdu_).ok());
  EXPECT_EQ(pdu_.location, (Location{1000, 24}));
  EXPECT_EQ(pdu_.reason.location, (Location{1020, 1}));
}

TEST_P(DecodeTest, ReusedPduForgetsThePreviousOne) {
  PduBuilder b = Builder();
  b.U32(1).U16(0).U16(0);
  AppendEveryValueType(b);
  Decode(b.Build(PduType::kResponse));
  const Pdu& pdu = Decode(Builder().Build(PduType::kPing));
  EXPECT_TRUE(pdu.varbinds.empty());
  EXPECT_FALSE(pdu.sys_uptime.present);
}

INSTANTIATE_TEST_SUITE_P(ByteOrders, DecodeTest,
                         ::testing::Values(ByteOrder::kLittleEndian, ByteOrder::kBigEndian),
                         [](const ::testing::TestParamInfo<ByteOrder>& param) {
                           return param.param == ByteOrder::kBigEndian ? "NetworkByteOrder"
                                                                      : "LittleEndian";
                         });

TEST(DecodeHeaderTest, ByteOrdersDifferOnTheWire) {
  const std::string little = PduBuilder(ByteOrder::kLittleEndian).Build(PduType::kPing, 1);
  const std::string big = PduBuilder(ByteOrder::kBigEndian).Build(PduType::kPing, 1);
  EXPECT_EQ(little.substr(4, 4), std::string("\x01\x00\x00\x00", 4));
  EXPECT_EQ(big.substr(4, 4), std::string("\x00\x00\x00\x01", 4));
  Header h;
  ASSERT_TRUE(DecodeHeader(AsBytes(big), 0, &h).ok());
  EXPECT_EQ(h.session_id.value, 1u);
  EXPECT_EQ(h.order(), ByteOrder::kBigEndian);
}

TEST(OidTest, ArcsExpandThePrefixAndCompareAcrossForms) {
  PduBuilder b(ByteOrder::kBigEndian);
  b.Oid(kSysDescr0, 0, true).Oid(kSysDescr0, 0, false);
  const std::string bytes = b.Build(PduType::kGet);
  Pdu pdu;
  ASSERT_TRUE(DecodePdu(AsBytes(bytes), 0, &pdu).ok());
  ASSERT_EQ(pdu.ranges.size(), 1u);
  const Oid& a = pdu.ranges[0].start;
  const Oid& c = pdu.ranges[0].end;
  EXPECT_EQ(a.arc_count(), 9u);
  EXPECT_EQ(c.arc_count(), 9u);
  EXPECT_TRUE(SameArcs(a, c));
  uint32_t arcs[3];
  EXPECT_EQ(a.Arcs(arcs, 3), 3u);
  EXPECT_EQ(arcs[2], 6u);
  EXPECT_EQ(a.subid(0), 1u);  // after the prefix: 1.1.0
  Oid prefix_only;
  prefix_only.prefix = 4;
  EXPECT_EQ(OidText(prefix_only), "1.3.6.1.4");
  EXPECT_EQ(OidText(Oid()), "");
  EXPECT_TRUE(Oid().null());
}

}  // namespace
}  // namespace snmpdissect::agentx
