#include "dissector/conversation/message_role.h"

namespace snmpdissect::conversation {
namespace {

using snmp::PduType;

// The PDU types of RFC 3416 section 3 by class (RFC 3411 section 2.8).
RoleKind KindOfPdu(PduType type, bool v3) {
  switch (type) {
    case PduType::kGetRequest:
    case PduType::kGetNextRequest:
    case PduType::kGetBulkRequest:
    case PduType::kSetRequest:
    case PduType::kInformRequest:
      return RoleKind::kRequest;
    case PduType::kResponse:
      return RoleKind::kResponse;
    case PduType::kReport:
      // Reports belong to SNMPv3's message processing (RFC 3412 section
      // 7.1 step 3); a community-based Report has nothing to answer.
      return v3 ? RoleKind::kResponse : RoleKind::kNone;
    case PduType::kTrapV1:
    case PduType::kSnmpV2Trap:
      return RoleKind::kNone;
  }
  return RoleKind::kNone;
}

}  // namespace

MessageRole ClassifyMessage(const snmp::Message& message) {
  MessageRole role;
  if (!message.version.present) return role;
  if (!message.is_v3()) {
    if (!message.has_pdu || !message.pdu.request_id.present) return role;
    role.kind = KindOfPdu(message.pdu.type, /*v3=*/false);
    role.space = IdSpace::kRequestId;
    role.id = message.pdu.request_id.value;
    return role;
  }
  if (!message.header.msg_id.present) return role;
  role.space = IdSpace::kMsgId;
  role.id = message.header.msg_id.value;
  if (message.has_pdu) {
    role.kind = KindOfPdu(message.pdu.type, /*v3=*/true);
    return role;
  }
  // Without a PDU, only an encrypted one tells something through msgFlags
  // (RFC 3412 section 6.4); a plaintext ScopedPDU that did not decode does
  // not (the message is malformed).
  if (!message.encrypted || !message.header.flags.present ||
      message.header.flags.value.empty()) {
    role.kind = RoleKind::kNone;
    return role;
  }
  role.kind = (message.header.flag_bits() & snmp::kFlagReportable) != 0
                  ? RoleKind::kRequest
                  : RoleKind::kPossibleResponse;
  return role;
}

}  // namespace snmpdissect::conversation
