#include "dissector/tree/experts.h"

namespace snmpdissect::tree {
namespace {

using enum ExpertId;
using enum Severity;
using G = ExpertGroup;

// Rows in ExpertId order.
constexpr ExpertInfo kExperts[] = {
    {kMalformed, "_ws.malformed.expert", kError, G::kMalformed, "Malformed Packet"},

    {kSnmpVarbindResponse, "snmp.varbind.response", kNote, G::kResponse, "Response"},
    {kSnmpRfc3411NonConformant, "snmp.rfc3411_non_conformant", kWarning, G::kProtocol,
     "Data not conforming to RFC3411"},
    {kSnmpRfc1910NonConformant, "snmp.rfc1910_non_conformant", kWarning, G::kProtocol,
     "Data not conforming to RFC1910"},
    {kSnmpInvalidOid, "snmp.invalid_oid", kError, G::kMalformed, "invalid oid"},
    {kSnmpTrapPduObsolete, "snmp.trap_pdu_obsolete", kWarning, G::kProtocol,
     "Trap-PDU is obsolete in this SNMP version"},
    {kSnmpVarbindWrongClassTag, "snmp.varbind.wrong_class_tag", kWarning, G::kMalformed,
     "Wrong class/tag for SNMP VarBind/value"},
    {kSnmpAuthenticationOk, "snmp.authentication_ok", kChat, G::kChecksum,
     "SNMP Authentication OK"},
    {kSnmpAuthenticationError, "snmp.authentication_error", kWarning, G::kChecksum,
     "SNMP Authentication Error"},
    {kSnmpVerifyAuthenticationError, "snmp.verify_authentication_error", kWarning,
     G::kChecksum, "Error while verifying Message authenticity"},
    {kSnmpFailedDecryptedDataPdu, "snmp.failed_decrypted_data_pdu", kWarning,
     G::kDecryption, "Failed to decrypt encryptedPDU"},
    {kSnmpDecryptedDataBadFormatted, "snmp.decrypted_data_bad_formatted", kWarning,
     G::kDecryption, "Decrypted data not formatted as expected, wrong key?"},

    {kSnmpNonMinimalEncoding, "snmp.expert.non_minimal_encoding", kNote, G::kProtocol,
     "non-minimal BER encoding (not DER)", false},
    {kSnmpTrailingData, "snmp.expert.trailing_data", kWarning, G::kUndecoded,
     "trailing data", false},
    {kSnmpIntegerInvalid, "snmp.expert.integer_invalid", kError, G::kMalformed,
     "integer empty or too large to represent", false},
    {kSnmpValueOutOfRange, "snmp.expert.value_out_of_range", kWarning, G::kProtocol,
     "value wider than its type", false},
    {kSnmpMsgIdOutOfRange, "snmp.expert.msg_id_out_of_range", kWarning, G::kProtocol,
     "msgID outside 0..2147483647", false},
    {kSnmpMsgMaxSizeTooSmall, "snmp.expert.msg_max_size_too_small", kWarning,
     G::kProtocol, "msgMaxSize outside 484..2147483647", false},
    {kSnmpMsgFlagsWrongSize, "snmp.expert.msg_flags_wrong_size", kWarning, G::kMalformed,
     "msgFlags is not exactly one octet", false},
    {kSnmpPrivWithoutAuth, "snmp.expert.priv_without_auth", kError, G::kProtocol,
     "privFlag set without authFlag", false},
    {kSnmpUnknownSecurityModel, "snmp.expert.unknown_security_model", kWarning,
     G::kUndecoded, "unknown security model", false},
    {kSnmpUsmFieldTooLong, "snmp.expert.usm_field_too_long", kWarning, G::kProtocol,
     "field longer than its type allows", false},
    {kSnmpEngineIdLength, "snmp.expert.engine_id_length", kWarning, G::kProtocol,
     "engine ID not 5 to 32 octets", false},
    {kSnmpV2PduInV1, "snmp.expert.v2_pdu_in_v1", kWarning, G::kProtocol,
     "SNMPv2 PDU in an SNMPv1 message", false},
    {kSnmpIpAddressWrongSize, "snmp.expert.ip_address_wrong_size", kWarning,
     G::kMalformed, "IpAddress is not 4 octets", false},
    {kSnmpOpaqueMalformed, "snmp.expert.opaque_malformed", kWarning, G::kMalformed,
     "malformed Opaque special value", false},
    {kSnmpNullWithContent, "snmp.expert.null_with_content", kWarning, G::kMalformed,
     "NULL with content octets", false},
    {kSnmpTooManyDiagnostics, "snmp.expert.too_many_diagnostics", kNote, G::kDebug,
     "too many problems; later ones not listed", false},
    {kSnmpDecoderNote, "snmp.expert.decoder_note", kWarning, G::kProtocol,
     "decoder diagnostic", false},
    {kSnmpUsmNote, "snmp.expert.usm", kChat, G::kSecurity, "USM processing", false},
    {kSnmpReportCounter, "snmp.expert.report_counter", kNote, G::kResponse,
     "Report counter", false},
    {kSnmpCryptoUnavailable, "snmp.expert.crypto_unavailable", kWarning, G::kDecryption,
     "algorithm not available in this OpenSSL", false},
};

constexpr bool RowsInIdOrder() {
  for (size_t i = 0; i < std::size(kExperts); ++i) {
    if (static_cast<size_t>(kExperts[i].id) != i) return false;
  }
  return std::size(kExperts) == kExpertCount;
}
static_assert(RowsInIdOrder(), "kExperts rows must follow ExpertId order, one per id");

}  // namespace

const ExpertInfo& GetExpert(ExpertId id) { return kExperts[static_cast<size_t>(id)]; }

absl::Span<const ExpertInfo> AllExperts() { return kExperts; }

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kComment: return "Comment";
    case Severity::kChat: return "Chat";
    case Severity::kNote: return "Note";
    case Severity::kWarning: return "Warning";
    case Severity::kError: return "Error";
  }
  return "Unknown";
}

const char* GroupName(ExpertGroup group) {
  switch (group) {
    case G::kChecksum: return "Checksum";
    case G::kSequence: return "Sequence";
    case G::kResponse: return "Response";
    case G::kRequest: return "Request";
    case G::kUndecoded: return "Undecoded";
    case G::kReassemble: return "Reassemble";
    case G::kMalformed: return "Malformed";
    case G::kDebug: return "Debug";
    case G::kProtocol: return "Protocol";
    case G::kSecurity: return "Security";
    case G::kComment: return "Comment";
    case G::kDecryption: return "Decryption";
    case G::kAssumption: return "Assumption";
    case G::kDeprecated: return "Deprecated";
  }
  return "Unknown";
}

}  // namespace snmpdissect::tree
