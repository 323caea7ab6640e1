// The expert table: every kind of diagnostic a dissection tree can carry
// (Wireshark's expert info: ei_ registrations), declared once as data. A
// diagnostic on a node names its ExpertId and a severity; printers show the
// group and, unless the diagnostic has its own text, the summary.
//
//   const ExpertInfo& e = GetExpert(ExpertId::kSnmpInvalidOid);
//   e.abbrev   // "snmp.invalid_oid"
//   e.group    // ExpertGroup::kMalformed
//
// Abbreviations are Wireshark's where it has the same finding; ours are
// "snmp.expert.*" and say in_wireshark = false.

#ifndef SNMPDISSECT_DISSECTOR_TREE_EXPERTS_H_
#define SNMPDISSECT_DISSECTOR_TREE_EXPERTS_H_

#include <cstdint>

#include "absl/types/span.h"

namespace snmpdissect::tree {

// Wireshark's severities (epan/proto.h PI_COMMENT .. PI_ERROR), low to high.
enum class Severity : uint8_t { kComment, kChat, kNote, kWarning, kError };

// Wireshark's groups (PI_CHECKSUM ...), the ones we use.
enum class ExpertGroup : uint8_t {
  kChecksum,
  kSequence,
  kResponse,
  kRequest,
  kUndecoded,
  kReassemble,
  kMalformed,
  kDebug,
  kProtocol,
  kSecurity,
  kComment,
  kDecryption,
  kAssumption,
  kDeprecated,
};

enum class ExpertId : uint16_t {
  kMalformed,  // the decode stopped: structure broken at some offset

  // Wireshark's own SNMP expert infos.
  kSnmpVarbindResponse,       // noSuchObject / noSuchInstance / endOfMibView
  kSnmpRfc3411NonConformant,  // engine ID data does not fit its format
  kSnmpRfc1910NonConformant,  // legacy engine ID of the wrong length
  kSnmpInvalidOid,
  kSnmpTrapPduObsolete,       // Trap-PDU outside SNMPv1
  kSnmpVarbindWrongClassTag,  // value of a type SNMP does not define
  kSnmpAuthenticationOk,         // the HMAC verified (RFC 3414 section 3.2 step 6)
  kSnmpAuthenticationError,      // the HMAC did not match: wrong digest
  kSnmpVerifyAuthenticationError,  // could not check: no user or key, bad parameters
  kSnmpFailedDecryptedDataPdu,   // could not decrypt: no key, bad salt or length
  kSnmpDecryptedDataBadFormatted,  // decrypted, but not a ScopedPDU: wrong key?

  // Ours, one per codec diagnostic without a Wireshark twin.
  kSnmpNonMinimalEncoding,
  kSnmpTrailingData,
  kSnmpIntegerInvalid,
  kSnmpValueOutOfRange,
  kSnmpMissingLeadingZero,
  kSnmpMsgIdOutOfRange,
  kSnmpMsgMaxSizeTooSmall,
  kSnmpMsgFlagsWrongSize,
  kSnmpPrivWithoutAuth,
  kSnmpUnknownSecurityModel,
  kSnmpUsmFieldTooLong,
  kSnmpEngineIdLength,
  kSnmpV2PduInV1,
  kSnmpIpAddressWrongSize,
  kSnmpOpaqueMalformed,
  kSnmpNullWithContent,
  kSnmpTooManyDiagnostics,
  kSnmpDecoderNote,  // a decoder finding with no expert of its own yet
  kSnmpUsmNote,      // how the USM processing went (which key extension won)
  kSnmpReportCounter,  // a Report PDU's counter, explained (RFC 3414 3.2)
  kSnmpCryptoUnavailable,  // the cipher or hash is missing from OpenSSL
  kSnmpRetransmission,     // a request seen before in this conversation
  kSnmpNoResponse,         // a request never answered (two-pass analysis)
  kSnmpResponseUnmatched,  // a response to no request seen

  // --- Capture pipeline layers (dissector/proto net layers, reassembly).
  kFrameLenLtCaplen,          // wire length below captured length
  kFrameUnknownLinkType,      // no dissector for the link type
  kVlanTooManyTags,           // nesting beyond the tag cap
  kIpBogusIpVersion,
  kIpBogusHeaderLength,
  kIpBogusIpLength,
  kIpOptLenInvalid,
  kIpFragmentOverlap,          // same octets sent twice: harmless
  kIpFragmentOverlapConflict,  // different octets for the same offset
  kIpFragmentMultipleTails,
  kIpFragmentTooLong,          // beyond 65535 octets
  kIpFragmentError,            // dropped: caps, evictions, fragment limits
  kIpv6BogusIpv6Version,
  kIpv6PlenExceedsFraming,
  kIpv6OptInvalidLen,
  kIpv6TooManyExtensionHeaders,
  kIpv6FragmentOverlap,
  kIpv6FragmentOverlapConflict,
  kIpv6FragmentMultipleTails,
  kIpv6FragmentTooLong,
  kIpv6FragmentError,
  kUdpLengthBad,
  kTcpBogusHeaderLength,
  kTcpOptionLenInvalid,
  kTcpAnalysisRetransmission,
  kTcpAnalysisOutOfOrder,
  kTcpAnalysisLostSegment,
  kTcpSegmentTooLong,         // a BER header claims more than the reassembly cap
  kTcpSegmentError,           // stream reset: caps, evictions, undecodable header
  kCount,  // not an expert info
};

struct ExpertInfo {
  ExpertId id;
  const char* abbrev;   // "snmp.invalid_oid"
  Severity severity;    // the usual severity; a diagnostic may say otherwise
  ExpertGroup group;
  const char* summary;  // shown when a diagnostic has no text of its own
  bool in_wireshark = true;
};

inline constexpr size_t kExpertCount = static_cast<size_t>(ExpertId::kCount);

const ExpertInfo& GetExpert(ExpertId id);
absl::Span<const ExpertInfo> AllExperts();

// "Note", "Warning", ... and "Malformed", "Protocol", ... as Wireshark
// prints them in "[Expert Info (Warning/Malformed): ...]".
const char* SeverityName(Severity severity);
const char* GroupName(ExpertGroup group);

}  // namespace snmpdissect::tree

#endif  // SNMPDISSECT_DISSECTOR_TREE_EXPERTS_H_
