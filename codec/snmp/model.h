// The SNMP message model: SNMPv1 (RFC 1157), SNMPv2c (RFC 1901, RFC 3416) and
// SNMPv3 (RFC 3412 section 6, with USM security parameters from RFC 3414
// section 2.4), as the decoder fills it and the encoder writes it.
//
// Ownership: the model BORROWS. Every Bytes and OidView points into the
// buffer the message was decoded from (or, for a message built by hand, into
// buffers its builder owns); those bytes must outlive the Message. The
// vectors (varbinds, diagnostics) are owned and keep their capacity across
// DecodeMessage() calls, so a Message reused for every packet allocates
// nothing once it has seen the largest.
//
// Every decoded field carries its ber::Location (offset, header and content
// lengths in the input) so a dissector can point at its bytes.

#ifndef SNMPDISSECT_CODEC_SNMP_MODEL_H_
#define SNMPDISSECT_CODEC_SNMP_MODEL_H_

#include <cstdint>
#include <vector>

#include "codec/ber/oid.h"
#include "codec/ber/reader.h"
#include "codec/ber/tag.h"
#include "codec/snmp/diagnostic.h"

namespace snmpdissect::snmp {

using Bytes = ber::Bytes;  // borrowed, see the file comment
using ber::Location;
using ber::OidView;

// A field's value and where it was found. `present` is false when the
// decoder stopped before reaching it.
template <typename T>
struct Field {
  T value{};
  Location location;
  bool present = false;
};

// msgVersion / version (RFC 3412 section 6, RFC 3416 section 3).
enum class Version : int64_t { kV1 = 0, kV2c = 1, kV3 = 3 };

// PDU tags: context-specific, constructed, numbers 0..8 (RFC 3416 section 3,
// Trap-PDU from RFC 1157).
enum class PduType : uint8_t {
  kGetRequest = 0,
  kGetNextRequest = 1,
  kResponse = 2,
  kSetRequest = 3,
  kTrapV1 = 4,
  kGetBulkRequest = 5,
  kInformRequest = 6,
  kSnmpV2Trap = 7,
  kReport = 8,
};
inline constexpr uint32_t kMaxPduTag = 8;

enum class ValueType : uint8_t {
  kInteger,
  kOctetString,
  kNull,
  kObjectIdentifier,
  kIpAddress,
  kCounter32,
  kGauge32,  // also Unsigned32 (RFC 2578 section 7.1.11)
  kTimeTicks,
  kOpaque,
  kNsapAddress,
  kCounter64,
  kUInteger32,  // RFC 1442, obsolete but still sent
  kNoSuchObject,
  kNoSuchInstance,
  kEndOfMibView,
  kUnknown,  // any other tag: kept as tag + content
};

// net-snmp wraps types SMIv2 lacks in Opaque (snmplib/asn1.c: a nested TLV
// with context-specific high tag numbers 0x78..0x7b, 0x76).
enum class OpaqueKind : uint8_t {
  kPlain,      // not a recognised special: content is opaque bytes
  kFloat,      // 0x9f78, 4-octet IEEE 754 big-endian
  kDouble,     // 0x9f79, 8-octet IEEE 754 big-endian
  kCounter64,  // 0x9f76
  kInt64,      // 0x9f7a
  kUint64,     // 0x9f7b
};

struct Value {
  ValueType type = ValueType::kNull;
  ber::Tag tag = ber::kNull;  // as found; the only record of kUnknown's type
  Location location;
  Bytes content;  // raw content octets (all types)

  // Decoded content, by type:
  int64_t integer = 0;   // kInteger; kOpaque kInt64
  uint64_t unsigned_value = 0;  // Counter32, Gauge32, TimeTicks, Counter64,
                                // UInteger32; kOpaque kCounter64 / kUint64
  OidView oid;           // kObjectIdentifier (arc_count 0 when invalid)
  OpaqueKind opaque_kind = OpaqueKind::kPlain;
  double real = 0;       // kOpaque kFloat / kDouble (kFloat also keeps its
                         // IEEE bits in unsigned_value, so NaNs round-trip)
  Location opaque_inner; // the nested TLV of an Opaque special
  // False when the content could not be decoded into the fields above (empty
  // or overlong integer, invalid OID); the encoder then writes `content`
  // as it was, so decode -> encode -> decode stays the identity.
  bool decoded = true;
};

// An OidView with arc_count 0 in a decoded field is an invalid OID: its
// `content` still holds the raw octets (and a kOidInvalid diagnostic says
// why), so the encoder can write them back.
struct VarBind {
  Location location;
  Field<OidView> name;
  Value value;
};

struct Pdu {
  PduType type = PduType::kGetRequest;
  Location location;
  // RFC 3416 section 3 PDU; for GetBulkRequest, error_status holds
  // non-repeaters and error_index max-repetitions (same positions).
  Field<int64_t> request_id;
  Field<int64_t> error_status;
  Field<int64_t> error_index;
  // RFC 1157 Trap-PDU.
  Field<OidView> enterprise;
  Field<Bytes> agent_addr;  // IpAddress content, 4 octets when well formed
  Field<int64_t> generic_trap;
  Field<int64_t> specific_trap;
  Field<int64_t> time_stamp;  // TimeTicks: 0..2^32-1 when well formed
  Location varbind_list;
  std::vector<VarBind> varbinds;  // owned; capacity kept across decodes

  const Field<int64_t>& non_repeaters() const { return error_status; }
  const Field<int64_t>& max_repetitions() const { return error_index; }
};

// msgFlags bits (RFC 3412 section 6).
inline constexpr uint8_t kFlagAuth = 0x01;
inline constexpr uint8_t kFlagPriv = 0x02;
inline constexpr uint8_t kFlagReportable = 0x04;

inline constexpr int64_t kSecurityModelUsm = 3;  // RFC 3411 section 5

// RFC 3412 section 6 HeaderData.
struct HeaderData {
  Location location;
  Field<int64_t> msg_id;
  Field<int64_t> max_size;
  Field<Bytes> flags;  // raw; exactly one octet when well formed
  Field<int64_t> security_model;

  // The first flags octet, 0 when there is none.
  uint8_t flag_bits() const { return flags.value.empty() ? 0 : flags.value[0]; }
};

// RFC 3414 section 2.4 UsmSecurityParameters.
struct UsmSecurityParameters {
  Location location;
  Field<Bytes> engine_id;
  Field<int64_t> engine_boots;
  Field<int64_t> engine_time;
  Field<Bytes> user_name;
  Field<Bytes> auth_params;
  Field<Bytes> priv_params;
};

struct Message {
  Location location;
  Field<int64_t> version;

  // SNMPv1 / SNMPv2c (RFC 1157, RFC 1901).
  Field<Bytes> community;

  // SNMPv3 (RFC 3412 section 6).
  HeaderData header;
  Field<Bytes> security_parameters;  // the OCTET STRING's content
  bool has_usm = false;              // security model 3 and decoded as USM
  UsmSecurityParameters usm;
  bool encrypted = false;            // msgData is encryptedPDU
  Field<Bytes> encrypted_pdu;
  Location scoped_pdu;               // plaintext ScopedPDU
  Field<Bytes> context_engine_id;
  Field<Bytes> context_name;

  // The PDU: present for v1/v2c and for plaintext v3.
  bool has_pdu = false;
  Pdu pdu;

  std::vector<Diagnostic> diagnostics;  // owned; capacity kept

  bool is_v3() const { return version.value == static_cast<int64_t>(Version::kV3); }

  // Forgets the previous message but keeps the vectors' capacity.
  void Clear();
};

// At most this many diagnostics per message; then one kTooManyDiagnostics.
inline constexpr size_t kMaxDiagnostics = 64;

const char* PduTypeName(PduType type);     // "get-request", "report", ...
const char* ValueTypeName(ValueType type); // "Counter32", "noSuchObject", ...

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_MODEL_H_
