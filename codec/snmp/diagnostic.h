// Non-fatal findings of the SNMP decoder: problems that leave the message's
// structure intact (RFC 3412 7.2.5 privFlag without authFlag, msgMaxSize below
// 484, a value wider than its type, non-minimal BER, ...). They ride on the
// decoded message so the dissector can show them where they occur, like
// Wireshark's expert info.

#ifndef SNMPDISSECT_CODEC_SNMP_DIAGNOSTIC_H_
#define SNMPDISSECT_CODEC_SNMP_DIAGNOSTIC_H_

#include <cstddef>
#include <cstdint>

namespace snmpdissect::snmp {

enum class Severity : uint8_t { kNote, kWarning, kError };

enum class DiagnosticCode : uint8_t {
  kNonMinimalEncoding,     // BER-but-not-DER tag, length or integer (X.690 10)
  kTrailingData,           // bytes after the message or inside a sequence
  kIntegerInvalid,         // empty or unrepresentable INTEGER content
  kValueOutOfRange,        // wider than its SMI type (RFC 2578 section 7.1)
  kMissingLeadingZero,     // a non-negative value encoded as negative: read as
                           // the sender meant it, unsigned (X.690 8.3.2)
  kMsgIdOutOfRange,        // RFC 3412 section 6: 0..2147483647
  kMsgMaxSizeTooSmall,     // RFC 3412 section 6: 484..2147483647
  kMsgFlagsWrongSize,      // RFC 3412 section 6: OCTET STRING (SIZE(1))
  kPrivWithoutAuth,        // RFC 3412 section 7.2.5 d: invalid flag combination
  kUnknownSecurityModel,   // parameters kept as bytes (RFC 3411 section 5)
  kUsmFieldTooLong,        // engine IDs, user and context names <= 32 octets
                           // (RFC 3411 section 5, RFC 3414 section 2.4); auth
                           // and priv parameters beyond any protocol's size
  kEngineIdLength,         // RFC 3411 SnmpEngineID: SIZE(5..32)
  kV2PduInV1,              // GetBulk/Inform/SNMPv2-Trap/Report in an SNMPv1 message
  kV1TrapInV2,             // Trap-PDU outside SNMPv1 (RFC 3416 section 4.2)
  kIpAddressWrongSize,     // IpAddress is OCTET STRING (SIZE(4)), RFC 2578 7.1.5
  kOidInvalid,             // OBJECT IDENTIFIER content violates X.690 8.19 / SMI
  kOpaqueMalformed,        // net-snmp Opaque special type with bad content
  kUnknownValueTag,        // varbind value of a type SNMP does not define
  kNullWithContent,        // NULL / exception with content octets (X.690 8.8.2)
  kTooManyDiagnostics,     // the per-message cap was reached; later ones dropped
};

struct Diagnostic {
  DiagnosticCode code;
  Severity severity;
  size_t offset;  // absolute byte offset of the element concerned

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "value wider than its type", ...
const char* DiagnosticText(DiagnosticCode code);
Severity DefaultSeverity(DiagnosticCode code);

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_DIAGNOSTIC_H_
