// The AgentX PDU model (RFC 2741): the 20-octet header of section 6.1, the
// payload of every PDU type of section 6.2, and the section 5 encodings
// inside them (Object Identifier, SearchRange, Octet String, VarBind), as
// agentx::DecodePdu (decode.h) fills it.
//
//   agentx::Pdu pdu;                        // reuse it for every PDU
//   if (agentx::DecodePdu(bytes, 0, &pdu).ok() &&
//       pdu.type() == agentx::PduType::kResponse) {
//     for (const agentx::VarBind& vb : pdu.varbinds)
//       std::cout << agentx::OidText(vb.name) << " "
//                 << snmp::ValueTypeName(vb.value.type) << "\n";
//   }
//
// What is shared with the SNMP model (codec/snmp/model.h): the value types.
// A VarBind's value carries snmp::ValueType (kInteger, kOctetString, ...,
// kEndOfMibView), so type names, and whatever the dissector does per type,
// are the SNMP codec's. The raw v.type stays beside it (type_code).
//
// What is not: the BER views. snmp::Value borrows BER content octets and
// ber::OidView borrows BER subidentifiers; AgentX sends neither. Its OIDs
// are an array of 32-bit subidentifiers in the PDU's byte order behind a
// 4-octet head (n_subid, prefix, include, reserved; RFC 2741 5.1), so
// agentx::Oid is a view over that array, which yields arcs on demand
// (Arcs(), subid()) and formats through the same dotted-text helper as BER
// OIDs (ber::AppendArcsText, codec/ber/oid.h): one spelling of an OID in
// the whole project, and no copy or conversion per PDU. Converting to BER
// instead would cost an encode per OID and lose what the dissector must
// show (prefix, include, where each subidentifier is).
//
// Ownership: the model BORROWS. Every Bytes (an Oid's subidentifiers, an
// octet string's value) points into the buffer the PDU was decoded from;
// those bytes must outlive the Pdu. The vectors (ranges, varbinds,
// diagnostics) are owned and keep their capacity across DecodePdu() calls,
// so a Pdu reused for every PDU allocates nothing once it has seen the
// largest.
//
// Every field carries its Location (absolute offset and length in the
// input) so a dissector can point at its bytes. `present` is false for a
// field the decoder did not reach (an error stopped it) or that the PDU
// type does not have.

#ifndef SNMPDISSECT_CODEC_AGENTX_MODEL_H_
#define SNMPDISSECT_CODEC_AGENTX_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/agentx/diagnostic.h"
#include "codec/agentx/reader.h"
#include "codec/snmp/model.h"

namespace snmpdissect::agentx {

struct Location {
  size_t offset = 0;  // absolute offset of the first octet
  size_t length = 0;

  size_t end() const { return offset + length; }
  friend bool operator==(const Location&, const Location&) = default;
};

template <typename T>
struct Field {
  T value{};
  Location location;
  bool present = false;
};

// h.type (RFC 2741 6.1).
enum class PduType : uint8_t {
  kOpen = 1,
  kClose = 2,
  kRegister = 3,
  kUnregister = 4,
  kGet = 5,
  kGetNext = 6,
  kGetBulk = 7,
  kTestSet = 8,
  kCommitSet = 9,
  kUndoSet = 10,
  kCleanupSet = 11,
  kNotify = 12,
  kPing = 13,
  kIndexAllocate = 14,
  kIndexDeallocate = 15,
  kAddAgentCaps = 16,
  kRemoveAgentCaps = 17,
  kResponse = 18,
};
inline constexpr uint8_t kMinPduType = 1;
inline constexpr uint8_t kMaxPduType = 18;

// h.flags bits (RFC 2741 6.1).
inline constexpr uint8_t kFlagInstanceRegistration = 0x01;
inline constexpr uint8_t kFlagNewIndex = 0x02;
inline constexpr uint8_t kFlagAnyIndex = 0x04;
inline constexpr uint8_t kFlagNonDefaultContext = 0x08;
inline constexpr uint8_t kFlagNetworkByteOrder = 0x10;
inline constexpr uint8_t kReservedFlagBits = 0xe0;

inline constexpr uint8_t kVersion = 1;      // h.version (RFC 2741 6.1)
inline constexpr size_t kHeaderLength = 20;  // RFC 2741 6.1
inline constexpr size_t kMaxSubids = 128;    // n_subid, RFC 2741 5.1
// The largest payload_length accepted. RFC 2741 sets none; net-snmp's
// master and subagents send PDUs of a few kilobytes. A cap keeps a stream
// reassembler from buffering without end on a lying length (framing.h).
inline constexpr uint32_t kMaxPayloadLength = 1u << 20;
// At most this many diagnostics per PDU; then one kTooManyDiagnostics.
inline constexpr size_t kMaxDiagnostics = 32;

// RFC 2741 6.1. The four 32-bit fields are in the order h.flags selects.
struct Header {
  Location location;  // the 20 octets
  Field<uint8_t> version;
  Field<uint8_t> type;
  Field<uint8_t> flags;
  Field<uint8_t> reserved;
  Field<uint32_t> session_id;
  Field<uint32_t> transaction_id;
  Field<uint32_t> packet_id;
  Field<uint32_t> payload_length;

  ByteOrder order() const {
    return (flags.value & kFlagNetworkByteOrder) ? ByteOrder::kBigEndian
                                                 : ByteOrder::kLittleEndian;
  }
};

// RFC 2741 5.1 Object Identifier: n_subid, prefix, include, <reserved>,
// then n_subid 32-bit subidentifiers. A nonzero prefix stands for the
// arcs 1.3.6.1.<prefix> before them. The null OID has n_subid and prefix 0.
// Borrows `subids` (see the file comment).
struct Oid {
  Location location;  // n_subid through the last subidentifier
  bool present = false;
  uint8_t n_subid = 0;
  uint8_t prefix = 0;
  uint8_t include = 0;   // raw octet: 0 or 1 when well formed
  uint8_t reserved = 0;
  Bytes subids;          // 4 * n_subid octets
  ByteOrder order = ByteOrder::kLittleEndian;

  bool null() const { return n_subid == 0 && prefix == 0; }
  // Arcs with the prefix expanded: at most 5 + 128.
  size_t arc_count() const { return (prefix != 0 ? 5u : 0u) + n_subid; }
  // The i-th subidentifier as sent (i < n_subid).
  uint32_t subid(size_t i) const { return Load32(subids.data() + 4 * i, order); }
  // Copies up to `capacity` arcs (prefix expanded) and returns how many.
  size_t Arcs(uint32_t* out, size_t capacity) const;
};
inline constexpr size_t kMaxOidArcs = 5 + kMaxSubids;

// Dotted text, prefix expanded ("1.3.6.1.2.1.1.1.0"); empty for the null OID.
void AppendOidText(const Oid& oid, std::string* out);
std::string OidText(const Oid& oid);
// The same arcs (prefix expanded or not, in either byte order).
bool SameArcs(const Oid& a, const Oid& b);

// RFC 2741 5.3 Octet String: a 32-bit length, the octets, then padding to
// a multiple of 4. Borrows `value`.
struct OctetString {
  Location location;  // the length field through the padding
  bool present = false;
  uint32_t length = 0;
  Bytes value;
};

// RFC 2741 5.2 SearchRange: start (include meaningful) and end.
struct SearchRange {
  Location location;
  Oid start;
  Oid end;
};

// RFC 2741 5.4 v.type codes (the SNMP BER tag numbers of the same types).
enum class VarBindType : uint16_t {
  kInteger = 2,
  kOctetString = 4,
  kNull = 5,
  kObjectIdentifier = 6,
  kIpAddress = 64,
  kCounter32 = 65,
  kGauge32 = 66,
  kTimeTicks = 67,
  kOpaque = 68,
  kCounter64 = 70,
  kNoSuchObject = 128,
  kNoSuchInstance = 129,
  kEndOfMibView = 130,
};

// The SNMP model's type for a v.type code; kUnknown for codes RFC 2741 5.4
// does not define.
snmp::ValueType ValueTypeOf(uint16_t type_code);

// RFC 2741 5.4 v.data, decoded.
struct Value {
  snmp::ValueType type = snmp::ValueType::kNull;
  uint16_t type_code = static_cast<uint16_t>(VarBindType::kNull);  // as sent
  Location location;            // v.data; empty for Null and the exceptions
  int64_t integer = 0;          // kInteger (Integer32, sign-extended)
  uint64_t unsigned_value = 0;  // kCounter32, kGauge32, kTimeTicks, kCounter64
  OctetString octets;           // kOctetString, kIpAddress, kOpaque
  Oid oid;                      // kObjectIdentifier
};

// RFC 2741 5.4 VarBind: v.type, <reserved>, v.name, v.data.
struct VarBind {
  Location location;
  Field<uint16_t> type;      // v.type (also value.type_code)
  Field<uint16_t> reserved;
  Oid name;
  Value value;
};

// One PDU. Which fields a type has (RFC 2741 6.2):
//   every type       header; context when NON_DEFAULT_CONTEXT is set. RFC
//                    2741 6.1.1 gives a context to all types but Open,
//                    Close, the three Set phases after TestSet and
//                    Response; net-snmp sends one on those too when the
//                    flag is set (its subagents' Responses echo the
//                    request's), so the decoder reads one whenever the flag
//                    is set and notes kContextNotInRfc
//   Open             timeout, id, descr
//   Close            reason
//   Register         timeout, priority, range_subid, subtree, upper_bound
//   Unregister       the same; `timeout` holds the octet RFC 2741 6.2.4
//                    reserves (Wireshark shows it as agentx.u.timeout)
//   Get, GetNext     ranges
//   GetBulk          non_repeaters, max_repetitions, ranges
//   TestSet, Notify, IndexAllocate, IndexDeallocate   varbinds
//   CommitSet, UndoSet, CleanupSet, Ping              nothing more
//   AddAgentCaps     id, descr
//   RemoveAgentCaps  id
//   Response         sys_uptime, error, index, varbinds
struct Pdu {
  Location location;  // header and payload
  Header header;
  Location payload;   // h.payload_length octets after the header
  OctetString context;

  Field<uint8_t> timeout;         // Open o.timeout, (Un)Register r.timeout
  Oid id;                         // Open o.id, Add/RemoveAgentCaps a.id
  OctetString descr;              // Open o.descr, AddAgentCaps a.descr
  Field<uint8_t> reason;          // Close c.reason
  Field<uint8_t> priority;        // (Un)Register
  Field<uint8_t> range_subid;     // (Un)Register
  Oid subtree;                    // (Un)Register
  Field<uint32_t> upper_bound;    // (Un)Register, when range_subid != 0
  Field<uint16_t> non_repeaters;  // GetBulk
  Field<uint16_t> max_repetitions;
  Field<uint32_t> sys_uptime;     // Response res.sysUpTime
  Field<uint16_t> error;          // Response res.error
  Field<uint16_t> index;          // Response res.index

  std::vector<SearchRange> ranges;    // owned; capacity kept
  std::vector<VarBind> varbinds;      // owned; capacity kept
  std::vector<Diagnostic> diagnostics;  // owned; capacity kept

  PduType type() const { return static_cast<PduType>(header.type.value); }
  ByteOrder order() const { return header.order(); }

  // Forgets the previous PDU but keeps the vectors' capacity.
  void Clear();
};

// The names below are constexpr so that the dissector can generate its
// value-name tables from them at compile time (one list per fact).

// Wireshark's names: "Open-PDU", ..., "Response-PDU"; nullptr outside 1..18.
constexpr const char* PduTypeName(uint8_t type) {
  constexpr const char* kNames[] = {
      "Open-PDU",        "Close-PDU",          "Register-PDU",        "Unregister-PDU",
      "Get-PDU",         "GetNext-PDU",        "GetBulk-PDU",         "TestSet-PDU",
      "CommitSet-PDU",   "UndoSet-PDU",        "CleanupSet-PDU",      "Notify-PDU",
      "Ping-PDU",        "IndexAllocate-PDU",  "IndexDeallocate-PDU", "AddAgentCaps-PDU",
      "RemoveAgentCaps-PDU", "Response-PDU"};
  return type >= kMinPduType && type <= kMaxPduType ? kNames[type - kMinPduType] : nullptr;
}

// RFC 2741 6.2.2 c.reason: "reasonOther", ...; nullptr when undefined.
inline constexpr uint8_t kMaxCloseReason = 6;
constexpr const char* CloseReasonName(uint8_t reason) {
  constexpr const char* kNames[] = {"reasonOther",    "reasonParseError", "reasonProtocolError",
                                    "reasonTimeouts", "reasonShutdown",   "reasonByManager"};
  return reason >= 1 && reason <= kMaxCloseReason ? kNames[reason - 1] : nullptr;
}

// RFC 2741 6.2.16 res.error (SNMP error-status values and AgentX's
// 256..268): "noError", "openFailed", ...; nullptr when undefined.
inline constexpr uint16_t kMaxSnmpError = 18;       // RFC 3416 section 3
inline constexpr uint16_t kFirstAgentXError = 256;  // RFC 2741 6.2.16
inline constexpr uint16_t kMaxAgentXError = 268;
constexpr const char* ResponseErrorName(uint16_t error) {
  // RFC 3416 section 3 error-status values, then RFC 2741 6.2.16's own.
  constexpr const char* kSnmp[] = {
      "noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
      "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
      "noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed",
      "undoFailed", "authorizationError", "notWritable", "inconsistentName"};
  constexpr const char* kAgentx[] = {
      "openFailed", "notOpen", "indexWrongType", "indexAlreadyAllocated",
      "indexNoneAvailable", "indexNotAllocated", "unsupportedContext",
      "duplicateRegistration", "unknownRegistration", "unknownAgentCaps",
      "parseError", "requestDenied", "processingError"};
  if (error <= kMaxSnmpError) return kSnmp[error];
  if (error >= kFirstAgentXError && error <= kMaxAgentXError) {
    return kAgentx[error - kFirstAgentXError];
  }
  return nullptr;
}

// Wireshark's names for the RFC 2741 5.4 v.type codes ("Integer",
// "Octet String", ..., "endOfMibView"); nullptr for other codes.
constexpr const char* VarBindTypeName(uint16_t type_code) {
  switch (static_cast<VarBindType>(type_code)) {
    case VarBindType::kInteger: return "Integer";
    case VarBindType::kOctetString: return "Octet String";
    case VarBindType::kNull: return "Null";
    case VarBindType::kObjectIdentifier: return "Object Identifier";
    case VarBindType::kIpAddress: return "IpAddress";
    case VarBindType::kCounter32: return "Counter32";
    case VarBindType::kGauge32: return "Gauge32";
    case VarBindType::kTimeTicks: return "TimeTicks";
    case VarBindType::kOpaque: return "Opaque";
    case VarBindType::kCounter64: return "Counter64";
    case VarBindType::kNoSuchObject: return "noSuchObject";
    case VarBindType::kNoSuchInstance: return "noSuchInstance";
    case VarBindType::kEndOfMibView: return "endOfMibView";
  }
  return nullptr;
}
// True for the types RFC 2741 6.1.1 gives a context (when
// NON_DEFAULT_CONTEXT is set).
bool HasContext(PduType type);

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_MODEL_H_
