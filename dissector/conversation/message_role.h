// What an SNMP message is for request/response matching: a request, a
// response, or neither, and the identifier that pairs it with its partner.
// Read from the decoded snmp::Message (after USM decryption, when the
// dissector has users), so no tree walking and no allocation.
//
//   const conversation::MessageRole role = conversation::ClassifyMessage(message);
//   if (role.kind != conversation::RoleKind::kNone) tracker.Track(flow, role, ...);
//
// The rules, by version:
// - SNMPv1/v2c: the PDU type decides (RFC 3416 section 4.2, RFC 3411
//   section 2.8): GetRequest, GetNextRequest, GetBulkRequest, SetRequest
//   and InformRequest are confirmed-class requests; Response answers them;
//   Trap and SNMPv2-Trap are unconfirmed (no answer is expected) and, like
//   Report outside SNMPv3, are not matched. The pairing identifier is the
//   PDU's request-id.
// - SNMPv3: the pairing identifier is msgID (RFC 3412 section 6.2: "used
//   between two SNMP entities to coordinate request messages and
//   responses"; section 7.2 matches an incoming Response or Report to the
//   outstanding request by it). With a readable PDU (plaintext, or
//   decrypted) its type decides, and a Report answers a request too
//   (RFC 3412 section 7.1 step 3: it carries the msgID of the message that
//   caused it). An encrypted PDU that was not decrypted leaves only msgFlags:
//   RFC 3412 section 6.4 sets reportableFlag exactly on messages carrying a
//   confirmed-class PDU, so set means a request, and clear means a
//   response, a Report or an unconfirmed notification: kPossibleResponse,
//   matched when a request is outstanding and otherwise left alone (it may
//   be a trap).

#ifndef SNMPDISSECT_DISSECTOR_CONVERSATION_MESSAGE_ROLE_H_
#define SNMPDISSECT_DISSECTOR_CONVERSATION_MESSAGE_ROLE_H_

#include <cstdint>

#include "codec/snmp/model.h"

namespace snmpdissect::conversation {

enum class RoleKind : uint8_t {
  kNone,              // not matched: unconfirmed, or the fields are missing
  kRequest,           // confirmed class: an answer is expected
  kResponse,          // a Response PDU, or an SNMPv3 Report
  kPossibleResponse,  // SNMPv3, PDU unreadable, reportableFlag clear
};

// Which identifier pairs the messages; requests and responses only match
// within one space.
enum class IdSpace : uint8_t {
  kRequestId,  // SNMPv1/v2c PDU request-id
  kMsgId,      // SNMPv3 msgID
};

struct MessageRole {
  RoleKind kind = RoleKind::kNone;
  IdSpace space = IdSpace::kRequestId;
  int64_t id = 0;

  friend bool operator==(const MessageRole&, const MessageRole&) = default;
};

// `message` as decoded (and decrypted when possible). Messages whose version,
// PDU type or identifier did not decode get kNone.
[[nodiscard]] MessageRole ClassifyMessage(const snmp::Message& message);

}  // namespace snmpdissect::conversation

#endif  // SNMPDISSECT_DISSECTOR_CONVERSATION_MESSAGE_ROLE_H_
