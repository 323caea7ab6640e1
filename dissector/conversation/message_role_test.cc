#include "dissector/conversation/message_role.h"

#include <string>

#include "codec/snmp/decode.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace snmpdissect::conversation {
namespace {

using namespace snmp::testing;  // NOLINT: TLV builders

MessageRole RoleOf(const std::string& bytes) {
  snmp::Message m;
  (void)snmp::DecodeMessage(AsBytes(bytes), &m);
  return ClassifyMessage(m);
}

std::string CommunityPdu(int version, uint8_t tag, int64_t request_id) {
  return Seq(Int(version) + Octets("public") +
             Tlv(tag, Int(request_id) + Int(0) + Int(0) + Seq(Vb(SysDescr0(), Tlv(0x05, "")))));
}

// SNMPv3 with msgID `id`, flags `flags` and a plaintext ScopedPDU of `tag`
// (or an encryptedPDU when `encrypted`).
std::string V3Message(int64_t id, uint8_t flags, uint8_t tag, bool encrypted = false) {
  const std::string header = Seq(Int(id) + Int(65507) + Octets(std::string(1, char(flags))) + Int(3));
  const std::string usm = Octets(Seq(UsmFields(NetSnmpEngineId(), "user", "", "")));
  const std::string data =
      encrypted ? Octets(std::string(32, 'x'))
                : Seq(Octets(NetSnmpEngineId()) + Octets("") +
                      Tlv(tag, Int(777) + Int(0) + Int(0) + Seq(Vb(SysDescr0(), Tlv(0x05, "")))));
  return Seq(Int(3) + header + usm + data);
}

TEST(MessageRoleTest, CommunityPdusByType) {
  for (uint8_t tag : {0xa0, 0xa1, 0xa3, 0xa5, 0xa6}) {
    EXPECT_EQ(RoleOf(CommunityPdu(1, tag, 55)),
              (MessageRole{RoleKind::kRequest, IdSpace::kRequestId, 55}))
        << int(tag);
  }
  EXPECT_EQ(RoleOf(CommunityPdu(0, 0xa2, -3)),
            (MessageRole{RoleKind::kResponse, IdSpace::kRequestId, -3}));
  // Unconfirmed, and a Report outside SNMPv3: not matched.
  EXPECT_EQ(RoleOf(CommunityPdu(1, 0xa7, 1)).kind, RoleKind::kNone);
  EXPECT_EQ(RoleOf(CommunityPdu(1, 0xa8, 1)).kind, RoleKind::kNone);
  const std::string trap =
      Seq(Int(0) + Octets("public") +
          Tlv(0xa4, OidHex("2b0601040181") + Tlv(0x40, std::string(4, '\x01')) + Int(0) +
                        Int(0) + Int(5, 0x43) + Seq("")));
  EXPECT_EQ(RoleOf(trap).kind, RoleKind::kNone);
  EXPECT_EQ(RoleOf("\x30\x03\x02\x01").kind, RoleKind::kNone);  // truncated
}

TEST(MessageRoleTest, V3ByMsgIdAndPduType) {
  EXPECT_EQ(RoleOf(V3Message(42, 0x04, 0xa0)),
            (MessageRole{RoleKind::kRequest, IdSpace::kMsgId, 42}));
  EXPECT_EQ(RoleOf(V3Message(42, 0x00, 0xa2)),
            (MessageRole{RoleKind::kResponse, IdSpace::kMsgId, 42}));
  // A Report answers the request with its msgID (RFC 3412 section 7.1).
  EXPECT_EQ(RoleOf(V3Message(42, 0x00, 0xa8)),
            (MessageRole{RoleKind::kResponse, IdSpace::kMsgId, 42}));
  EXPECT_EQ(RoleOf(V3Message(42, 0x00, 0xa7)).kind, RoleKind::kNone);
  // A readable PDU wins over a wrong reportableFlag.
  EXPECT_EQ(RoleOf(V3Message(42, 0x00, 0xa0)).kind, RoleKind::kRequest);
}

TEST(MessageRoleTest, EncryptedV3ByReportableFlag) {
  EXPECT_EQ(RoleOf(V3Message(9, 0x07, 0, /*encrypted=*/true)),
            (MessageRole{RoleKind::kRequest, IdSpace::kMsgId, 9}));
  EXPECT_EQ(RoleOf(V3Message(9, 0x03, 0, /*encrypted=*/true)),
            (MessageRole{RoleKind::kPossibleResponse, IdSpace::kMsgId, 9}));
}

}  // namespace
}  // namespace snmpdissect::conversation
