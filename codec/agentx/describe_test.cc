#include "codec/agentx/describe.h"

#include <string>

#include "codec/agentx/decode.h"
#include "codec/agentx/testing/pdu_builder.h"
#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

using testing::AsBytes;
using testing::PduBuilder;

TEST(DescribeTest, SummaryIsWiresharksInfoLine) {
  const std::string bytes = PduBuilder().Oid({1, 3, 6, 1, 2, 1, 1, 1, 0}).Oid({}).Build(
      PduType::kGet, 5, 1, 0xffffffffu);
  Pdu pdu;
  ASSERT_TRUE(DecodePdu(AsBytes(bytes), 0, &pdu).ok());
  std::string text;
  AppendSummary(pdu, &text);
  EXPECT_EQ(text, "Get-PDU: sid=5, tid=1, packid=-1, plen=24");
}

TEST(DescribeTest, ValuesAndDescription) {
  PduBuilder b(ByteOrder::kBigEndian);
  b.U32(100).U16(0).U16(0);
  b.VarBindHead(VarBindType::kInteger, {1, 3, 6, 1, 2, 1, 1, 7, 0}).U32(0xffffffffu);
  b.VarBindHead(VarBindType::kOctetString, {1, 3, 6, 1, 2, 1, 1, 5, 0}).OctetString("host");
  b.VarBindHead(VarBindType::kOpaque, {1, 3, 6, 1, 4, 1, 2021, 10, 1, 6, 1})
      .OctetString(std::string("\x9f\x78\x04\x40\x49\x0f\xd0", 7));
  b.VarBindHead(VarBindType::kIpAddress, {1, 3, 6, 1, 2, 1, 4, 20, 1, 1, 127, 0, 0, 1})
      .OctetString(std::string("\x7f\x00\x00\x01", 4));
  b.VarBindHead(VarBindType::kObjectIdentifier, {1, 3, 6, 1, 2, 1, 1, 2, 0}).Oid({0, 0});
  b.VarBindHead(VarBindType::kEndOfMibView, {1, 3, 6, 1, 2, 1, 1, 9});
  const std::string bytes = b.Build(PduType::kResponse, 5, 1, 2);
  Pdu pdu;
  ASSERT_TRUE(DecodePdu(AsBytes(bytes), 0, &pdu).ok());
  std::string values;
  for (const VarBind& vb : pdu.varbinds) {
    AppendValueText(vb.value, &values);
    values += "|";
  }
  EXPECT_EQ(values, "-1|\"host\"|0x9f780440490fd0|127.0.0.1|0.0|endOfMibView|");
  std::string text;
  AppendDescription(pdu, &text);
  EXPECT_NE(text.find("sys_uptime: 100\n"), std::string::npos) << text;
  EXPECT_NE(text.find("error: 0 (noError)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("varbind: 1.3.6.1.2.1.1.5.0 4 \"host\"\n"), std::string::npos) << text;
}

TEST(DescribeTest, NamesOfCodes) {
  EXPECT_STREQ(PduTypeName(1), "Open-PDU");
  EXPECT_STREQ(PduTypeName(18), "Response-PDU");
  EXPECT_EQ(PduTypeName(19), nullptr);
  EXPECT_STREQ(ResponseErrorName(268), "processingError");
  EXPECT_STREQ(ResponseErrorName(18), "inconsistentName");
  EXPECT_EQ(ResponseErrorName(19), nullptr);
  EXPECT_EQ(ResponseErrorName(269), nullptr);
  EXPECT_EQ(CloseReasonName(7), nullptr);
  EXPECT_EQ(ValueTypeOf(3), snmp::ValueType::kUnknown);
  EXPECT_EQ(ValueTypeOf(70), snmp::ValueType::kCounter64);
}

}  // namespace
}  // namespace snmpdissect::agentx
