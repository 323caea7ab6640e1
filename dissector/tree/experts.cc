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
    {kSnmpMissingLeadingZero, "snmp.expert.missing_leading_zero", kWarning, G::kProtocol,
     "negative encoding of a non-negative value: the leading 0x00 octet is missing "
     "(X.690 8.3)", false},
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
    {kSnmpRetransmission, "snmp.expert.retransmission", kNote, G::kSequence,
     "Retransmission of an earlier request", false},
    {kSnmpNoResponse, "snmp.expert.no_response", kNote, G::kSequence,
     "No response seen to this request", false},
    {kSnmpResponseUnmatched, "snmp.expert.response_unmatched", kNote, G::kSequence,
     "Response to no request seen in the capture", false},
    // --- Capture pipeline layers.
    {kFrameLenLtCaplen, "frame.len_lt_caplen", kError, G::kMalformed,
     "Frame length is less than captured length"},
    {kFrameUnknownLinkType, "frame.expert.unknown_link_type", kWarning, G::kUndecoded,
     "no dissector for this link type", false},
    {kVlanTooManyTags, "vlan.too_many_tags", kWarning, G::kUndecoded,
     "Too many nested VLAN tags"},
    {kIpBogusIpVersion, "ip.bogus_ip_version", kError, G::kProtocol, "Bogus IP version"},
    {kIpBogusHeaderLength, "ip.bogus_header_length", kError, G::kProtocol,
     "Bogus IP header length"},
    {kIpBogusIpLength, "ip.bogus_ip_length", kError, G::kProtocol, "Bogus IP length"},
    {kIpOptLenInvalid, "ip.opt.len.invalid", kError, G::kProtocol,
     "Invalid length for option"},
    {kIpFragmentOverlap, "ip.fragment.overlap", kNote, G::kReassemble, "Fragment overlap"},
    {kIpFragmentOverlapConflict, "ip.fragment.overlap.conflict", kError, G::kReassemble,
     "Conflicting data in fragment overlap"},
    {kIpFragmentMultipleTails, "ip.fragment.multipletails", kError, G::kReassemble,
     "Multiple tail fragments found"},
    {kIpFragmentTooLong, "ip.fragment.toolongfragment", kError, G::kReassemble,
     "Fragment too long"},
    {kIpFragmentError, "ip.fragment.error", kWarning, G::kReassemble,
     "Defragmentation error"},
    {kIpv6BogusIpv6Version, "ipv6.bogus_ipv6_version", kError, G::kProtocol,
     "Bogus IP version"},
    {kIpv6PlenExceedsFraming, "ipv6.plen_exceeds_framing", kWarning, G::kProtocol,
     "IPv6 payload length does not match expected framing length"},
    {kIpv6OptInvalidLen, "ipv6.opt.invalid_len", kError, G::kMalformed,
     "Invalid IPv6 option length"},
    {kIpv6TooManyExtensionHeaders, "ipv6.expert.too_many_extension_headers", kWarning,
     G::kUndecoded, "too many extension headers; the rest is not dissected", false},
    {kIpv6FragmentOverlap, "ipv6.fragment.overlap", kNote, G::kReassemble,
     "Fragment overlap"},
    {kIpv6FragmentOverlapConflict, "ipv6.fragment.overlap.conflict", kError,
     G::kReassemble, "Conflicting data in fragment overlap"},
    {kIpv6FragmentMultipleTails, "ipv6.fragment.multipletails", kError, G::kReassemble,
     "Multiple tail fragments found"},
    {kIpv6FragmentTooLong, "ipv6.fragment.toolongfragment", kError, G::kReassemble,
     "Fragment too long"},
    {kIpv6FragmentError, "ipv6.fragment.error", kWarning, G::kReassemble,
     "Defragmentation error"},
    {kUdpLengthBad, "udp.length.bad", kError, G::kMalformed, "Bad length value"},
    {kTcpBogusHeaderLength, "tcp.bogus_header_length", kError, G::kProtocol,
     "Bogus TCP Header length"},
    {kTcpOptionLenInvalid, "tcp.option.len.invalid", kError, G::kProtocol,
     "Invalid length for option"},
    {kTcpAnalysisRetransmission, "tcp.analysis.retransmission", kNote, G::kSequence,
     "This frame is a (suspected) retransmission"},
    {kTcpAnalysisOutOfOrder, "tcp.analysis.out_of_order", kWarning, G::kSequence,
     "This frame is a (suspected) out-of-order segment"},
    {kTcpAnalysisLostSegment, "tcp.analysis.lost_segment", kWarning, G::kSequence,
     "Previous segment(s) not captured (common at capture start)"},
    {kTcpSegmentTooLong, "tcp.segment.toolongfragment", kError, G::kReassemble,
     "Segment too long"},
    {kTcpSegmentError, "tcp.segment.error", kWarning, G::kReassemble,
     "Reassembling error"},
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
