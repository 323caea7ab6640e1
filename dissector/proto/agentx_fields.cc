#include "dissector/proto/agentx_fields.h"

#include <array>
#include <cstddef>

#include "codec/agentx/model.h"
#include "dissector/proto/value_names.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;

// Value names generated at compile time from the codec's own name
// functions (codec/agentx/model.h), so each list exists once.
template <size_t N, typename NameOf>
constexpr std::array<tree::ValueName, N> Names(int64_t first, int64_t last, NameOf name_of) {
  std::array<tree::ValueName, N> out{};
  size_t n = 0;
  for (int64_t v = first; v <= last; ++v) {
    if (const char* name = name_of(v); name != nullptr) out[n++] = {v, v, name};
  }
  return out;
}

constexpr auto kTypeNames = Names<agentx::kMaxPduType>(
    agentx::kMinPduType, agentx::kMaxPduType,
    [](int64_t v) { return agentx::PduTypeName(static_cast<uint8_t>(v)); });
constexpr auto kCloseReasonNames = Names<agentx::kMaxCloseReason>(
    1, agentx::kMaxCloseReason,
    [](int64_t v) { return agentx::CloseReasonName(static_cast<uint8_t>(v)); });
// noError..inconsistentName (0..18), then openFailed..processingError.
constexpr size_t kErrorCount =
    agentx::kMaxSnmpError + 1 + agentx::kMaxAgentXError - agentx::kFirstAgentXError + 1;
constexpr auto kErrorNames = [] {
  const auto snmp = Names<agentx::kMaxSnmpError + 1>(0, agentx::kMaxSnmpError, [](int64_t v) {
    return agentx::ResponseErrorName(static_cast<uint16_t>(v));
  });
  const auto own = Names<kErrorCount - (agentx::kMaxSnmpError + 1)>(
      agentx::kFirstAgentXError, agentx::kMaxAgentXError,
      [](int64_t v) { return agentx::ResponseErrorName(static_cast<uint16_t>(v)); });
  std::array<tree::ValueName, kErrorCount> out{};
  size_t n = 0;
  for (const auto& v : snmp) out[n++] = v;
  for (const auto& v : own) out[n++] = v;
  return out;
}();
// RFC 2741 5.4: 13 v.type codes between 2 and 130.
constexpr auto kVarBindTypeNames = Names<13>(0, 255, [](int64_t v) {
  return agentx::VarBindTypeName(static_cast<uint16_t>(v));
});
static_assert(kVarBindTypeNames.back().name != nullptr, "a v.type name is missing");

// Wireshark's true/false texts (packet-agentx.c tfs_agentx_context,
// tfs_agentx_byteorder; kYesNo is value_names.h's).
constexpr tree::TrueFalse kContext = {"Provided", "None"};
constexpr tree::TrueFalse kByteOrder = {"MSB (network order)", "LSB"};

// h.flags bits (RFC 2741 6.1).
constexpr tree::FieldInfo FlagBit(uint16_t local, const char* abbrev, const char* name,
                                  tree::TrueFalse texts, uint8_t mask, const char* description) {
  return {.local = local, .abbrev = abbrev, .name = name, .type = T::kBool,
          .true_false = texts, .bitmask = mask, .bit_width = 8, .description = description};
}

constexpr tree::FieldInfo kAgentXFields[] = {
    {.local = AgentX::kAgentX, .abbrev = "agentx", .name = "Agent Extensibility (AgentX) Protocol",
     .type = T::kProtocol,
     .description = "AgentX (RFC 2741): a master agent and its subagents",
     .short_name = "AgentX"},
    {.local = AgentX::kHeader, .abbrev = "agentx.header", .name = "PDU Header", .type = T::kNone,
     .in_wireshark = false,
     .description = "The 20-octet AgentX PDU header (RFC 2741 6.1)"},
    {.local = AgentX::kVersion, .abbrev = "agentx.version", .name = "Version", .type = T::kUint,
     .description = "h.version: the AgentX protocol version, 1 (RFC 2741 6.1)", .width = 8},
    {.local = AgentX::kType, .abbrev = "agentx.type", .name = "Type", .type = T::kUint,
     .value_names = kTypeNames, .unknown_name = "unknown",
     .description = "h.type: which of the 18 PDU types follows (RFC 2741 6.1)", .width = 8},
    {.local = AgentX::kFlags, .abbrev = "agentx.flags", .name = "Flags", .type = T::kUint,
     .description = "h.flags: the header's flag bits (RFC 2741 6.1)", .width = 8},
    FlagBit(AgentX::kFlagsRegister, "agentx.flags.register", "Register", kYesNo, 0x01,
            "INSTANCE_REGISTRATION: the Register-PDU names one object instance (RFC 2741 6.1)"),
    FlagBit(AgentX::kFlagsNewIndex, "agentx.flags.newindex", "New Index", kYesNo, 0x02,
            "NEW_INDEX: allocate index values never used before (RFC 2741 6.2.12)"),
    FlagBit(AgentX::kFlagsAnyIndex, "agentx.flags.anyindex", "Any Index", kYesNo, 0x04,
            "ANY_INDEX: allocate any index value not in use (RFC 2741 6.2.12)"),
    FlagBit(AgentX::kFlagsContext, "agentx.flags.context", "Non-default Context", kContext, 0x08,
            "NON_DEFAULT_CONTEXT: a context octet string follows the header (RFC 2741 6.1.1)"),
    FlagBit(AgentX::kFlagsByteOrder, "agentx.flags.byteorder", "Byte Order", kByteOrder, 0x10,
            "NETWORK_BYTE_ORDER: multi-octet fields are big-endian, else little-endian "
            "(RFC 2741 6.1)"),
    {.local = AgentX::kSessionId, .abbrev = "agentx.session_id", .name = "sessionID",
     .type = T::kUint,
     .description = "h.sessionID: the session the master agent assigned at Open (RFC 2741 6.1)"},
    {.local = AgentX::kTransactionId, .abbrev = "agentx.transaction_id", .name = "TransactionID",
     .type = T::kUint,
     .description = "h.transactionID: the same for every PDU of one SNMP request (RFC 2741 6.1)"},
    {.local = AgentX::kPacketId, .abbrev = "agentx.packet_id", .name = "PacketID",
     .type = T::kUint,
     .description = "h.packetID: matches a Response-PDU to its request (RFC 2741 6.1)"},
    {.local = AgentX::kPayloadLen, .abbrev = "agentx.payload_len", .name = "Payload length",
     .type = T::kUint,
     .description = "h.payload_length: octets after the header, a multiple of 4 (RFC 2741 6.1)"},
    {.local = AgentX::kPdu, .abbrev = "agentx.pdu", .name = "PDU", .type = T::kNone,
     .in_wireshark = false,
     .description = "The PDU's payload, after the header (RFC 2741 6.2)"},
    {.local = AgentX::kOstringLen, .abbrev = "agentx.ostring_len", .name = "OString len",
     .type = T::kUint,
     .description = "octet_string_length: the octets of an Octet String (RFC 2741 5.3)"},
    {.local = AgentX::kOstring, .abbrev = "agentx.ostring", .name = "Octet String",
     .type = T::kString,
     .description = "An Octet String's octets, without padding (RFC 2741 5.3)"},
    {.local = AgentX::kObjectId, .abbrev = "agentx.object_id", .name = "Object Identifier",
     .type = T::kOid, .in_wireshark = false,
     .description = "An Object Identifier, prefix expanded (RFC 2741 5.1)"},
    {.local = AgentX::kNSubid, .abbrev = "agentx.n_subid", .name = "Number subids",
     .type = T::kUint,
     .description = "n_subid: the subidentifiers that follow, at most 128 (RFC 2741 5.1)",
     .width = 8},
    {.local = AgentX::kOidPrefix, .abbrev = "agentx.oid_prefix", .name = "OID prefix",
     .type = T::kUint,
     .description = "prefix: nonzero stands for the arcs 1.3.6.1.<prefix> (RFC 2741 5.1)",
     .width = 8},
    FlagBit(AgentX::kOidInclude, "agentx.oid_include", "OID include", kYesNo, 0x01,
            "include: a SearchRange's start is inclusive (RFC 2741 5.1, 5.2)"),
    {.local = AgentX::kOid, .abbrev = "agentx.oid", .name = "OID", .type = T::kString,
     .description = "The Object Identifier as Wireshark writes it: \".1.3.6.1...\", "
                    "\"(null)\" for the null OID (RFC 2741 5.1)"},
    {.local = AgentX::kSearchRange, .abbrev = "agentx.search_range", .name = "Search Range",
     .type = T::kNone, .in_wireshark = false,
     .description = "A SearchRange: a start and an end Object Identifier (RFC 2741 5.2)"},
    {.local = AgentX::kOpenTimeout, .abbrev = "agentx.o.timeout", .name = "Timeout",
     .type = T::kUint,
     .description = "o.timeout: seconds the master waits for this subagent (RFC 2741 6.2.1)",
     .width = 8},
    {.local = AgentX::kCloseReason, .abbrev = "agentx.c.reason", .name = "Reason",
     .type = T::kUint, .value_names = kCloseReasonNames,
     .description = "c.reason: why the session is closed (RFC 2741 6.2.2)", .width = 8},
    {.local = AgentX::kRegTimeout, .abbrev = "agentx.r.timeout", .name = "Timeout",
     .type = T::kUint,
     .description = "r.timeout: seconds to wait for this region's requests (RFC 2741 6.2.3)",
     .width = 8},
    {.local = AgentX::kRegPriority, .abbrev = "agentx.r.priority", .name = "Priority",
     .type = T::kUint,
     .description = "r.priority: lower values win between equal registrations (RFC 2741 6.2.3)",
     .width = 8},
    {.local = AgentX::kRegRangeSubid, .abbrev = "agentx.r.range_subid", .name = "Range_subid",
     .type = T::kUint,
     .description = "r.range_subid: which subidentifier ranges up to upper_bound, 0 for none "
                    "(RFC 2741 6.2.3)", .width = 8},
    {.local = AgentX::kRegUpperBound, .abbrev = "agentx.r.upper_bound", .name = "Upper bound",
     .type = T::kUint,
     .description = "r.upper_bound: the range's last value of that subidentifier "
                    "(RFC 2741 6.2.3)"},
    {.local = AgentX::kUnregTimeout, .abbrev = "agentx.u.timeout", .name = "Timeout",
     .type = T::kUint,
     .description = "The octet RFC 2741 6.2.4 reserves where Register has r.timeout", .width = 8},
    {.local = AgentX::kUnregPriority, .abbrev = "agentx.u.priority", .name = "Priority",
     .type = T::kUint,
     .description = "u.priority: the priority the region was registered with (RFC 2741 6.2.4)",
     .width = 8},
    {.local = AgentX::kUnregRangeSubid, .abbrev = "agentx.u.range_subid", .name = "Range_subid",
     .type = T::kUint,
     .description = "u.range_subid: as in the Register-PDU being undone (RFC 2741 6.2.4)",
     .width = 8},
    {.local = AgentX::kUnregUpperBound, .abbrev = "agentx.u.upper_bound", .name = "Upper bound",
     .type = T::kUint,
     .description = "u.upper_bound: as in the Register-PDU being undone (RFC 2741 6.2.4)"},
    {.local = AgentX::kGetBulkNonRepeaters, .abbrev = "agentx.gb.nrepeat", .name = "Repeaters",
     .type = T::kUint,
     .description = "g.non_repeaters: leading ranges asked for once (RFC 2741 6.2.7)", .width = 16},
    {.local = AgentX::kGetBulkMaxRepetitions, .abbrev = "agentx.gb.mrepeat",
     .name = "Max Repetition", .type = T::kUint,
     .description = "g.max_repetitions: how often the other ranges repeat (RFC 2741 6.2.7)",
     .width = 16},
    {.local = AgentX::kResponseUptime, .abbrev = "agentx.r.uptime", .name = "sysUpTime",
     .type = T::kUint,
     .description = "res.sysUpTime: the master's sysUpTime, in hundredths of a second "
                    "(RFC 2741 6.2.16)"},
    {.local = AgentX::kResponseError, .abbrev = "agentx.r.error", .name = "Resp. error",
     .type = T::kUint, .value_names = kErrorNames,
     .description = "res.error: an SNMP error-status or an AgentX error (RFC 2741 6.2.16)",
     .width = 16},
    {.local = AgentX::kResponseIndex, .abbrev = "agentx.r.index", .name = "Resp. index",
     .type = T::kUint,
     .description = "res.index: the 1-based VarBind the error is about, else 0 "
                    "(RFC 2741 6.2.16)", .width = 16},
    {.local = AgentX::kVarBind, .abbrev = "agentx.varbind", .name = "Value Representation",
     .type = T::kNone, .in_wireshark = false,
     .description = "A VarBind: type, name and data (RFC 2741 5.4)"},
    {.local = AgentX::kVarBindType, .abbrev = "agentx.v.tag", .name = "Variable type",
     .type = T::kUint, .value_names = kVarBindTypeNames,
     .description = "v.type: the SMI type of the VarBind's data (RFC 2741 5.4)", .width = 16},
    {.local = AgentX::kValue32, .abbrev = "agentx.v.val32", .name = "Value(32)",
     .type = T::kUint,
     .description = "v.data of an Integer, Counter32, Gauge32 or TimeTicks, as 32 unsigned "
                    "bits (RFC 2741 5.4)"},
    {.local = AgentX::kValue64, .abbrev = "agentx.v.val64", .name = "Value(64)",
     .type = T::kUint,
     .description = "v.data of a Counter64 (RFC 2741 5.4)", .width = 64},
};
static_assert(std::size(kAgentXFields) == AgentX::kFieldCount);

// The codec's diagnostics (codec/agentx/diagnostic.h), one expert each.
constexpr tree::ExpertInfo kAgentXExperts[] = {
    {AgentX::kReservedFlags, "agentx.expert.reserved_flags", S::kWarning, G::kProtocol,
     "Reserved h.flags bits set (RFC 2741 6.1)", false},
    {AgentX::kFlagNotApplicable, "agentx.expert.flag_not_applicable", S::kWarning, G::kProtocol,
     "Flag set on a PDU type that has no use for it (RFC 2741 6.1)", false},
    {AgentX::kContextNotInRfc, "agentx.expert.context_not_in_rfc", S::kNote, G::kProtocol,
     "Context on a PDU type RFC 2741 6.1.1 gives none (net-snmp sends it)", false},
    {AgentX::kReservedNotZero, "agentx.expert.reserved_not_zero", S::kWarning, G::kProtocol,
     "Reserved octet not zero (RFC 2741 5, 6)", false},
    {AgentX::kPayloadNotAligned, "agentx.expert.payload_not_aligned", S::kWarning,
     G::kMalformed, "payload_length not a multiple of 4 (RFC 2741 6.1)", false},
    {AgentX::kTrailingData, "agentx.expert.trailing_data", S::kWarning, G::kMalformed,
     "Octets after the PDU's last field", false},
    {AgentX::kPaddingNotZero, "agentx.expert.padding_not_zero", S::kWarning, G::kProtocol,
     "Octet string padding not zero (RFC 2741 5.3)", false},
    {AgentX::kIncludeInvalid, "agentx.expert.include_invalid", S::kWarning, G::kProtocol,
     "include neither 0 nor 1 (RFC 2741 5.1)", false},
    {AgentX::kOidTooManyArcs, "agentx.expert.oid_too_many_arcs", S::kWarning, G::kProtocol,
     "Object identifier of more than 128 arcs (RFC 2578 3.5)", false},
    {AgentX::kIpAddressWrongSize, "agentx.expert.ipaddress_wrong_size", S::kWarning,
     G::kMalformed, "IpAddress not 4 octets (RFC 2741 5.4)", false},
    {AgentX::kRangeSubidInvalid, "agentx.expert.range_subid_invalid", S::kWarning,
     G::kProtocol, "range_subid beyond the subtree's subidentifiers (RFC 2741 6.2.3)", false},
    {AgentX::kTooManyDiagnostics, "agentx.expert.too_many_diagnostics", S::kNote, G::kDebug,
     "More problems than the decoder records for one PDU", false},
};
static_assert(std::size(kAgentXExperts) == AgentX::kExpertCount);

}  // namespace

const tree::ProtocolRows AgentX::kRows = {kAgentXFields, kAgentXExperts, &AgentX::hf,
                                          &AgentX::ei};

}  // namespace snmpdissect::proto
