// AgentX decoding (decode.h). One Decoder per PDU: it owns nothing but a
// pointer to the model, so it lives on the stack.

#include "codec/agentx/decode.h"

#include <cstdint>

namespace snmpdissect::agentx {
namespace {

// Octets of padding after an octet string of `length` (RFC 2741 5.3).
size_t PaddingOf(size_t length) { return (4 - length % 4) % 4; }

// Propagates an Error out of the enclosing function.
#define AGENTX_RETURN_IF_ERROR(expr)   \
  do {                                 \
    const Error agentx_error = (expr); \
    if (!agentx_error.ok()) return agentx_error; \
  } while (0)

class Decoder {
 public:
  explicit Decoder(Pdu* pdu) : pdu_(pdu) {}

  void Diagnose(DiagnosticCode code, size_t offset) {
    auto& list = pdu_->diagnostics;
    if (list.size() < kMaxDiagnostics) {
      list.push_back({code, DefaultSeverity(code), offset});
    } else if (list.size() == kMaxDiagnostics) {
      list.push_back({DiagnosticCode::kTooManyDiagnostics,
                      DefaultSeverity(DiagnosticCode::kTooManyDiagnostics), offset});
    }
  }

  template <typename T>
  Error U8Field(Reader* r, Field<T>* field) {
    const size_t at = r->offset();
    uint8_t value;
    AGENTX_RETURN_IF_ERROR(r->U8(&value));
    *field = {value, {at, 1}, true};
    return kOk;
  }
  Error U16Field(Reader* r, Field<uint16_t>* field) {
    const size_t at = r->offset();
    AGENTX_RETURN_IF_ERROR(r->U16(&field->value));
    field->location = {at, 2};
    field->present = true;
    return kOk;
  }
  Error U32Field(Reader* r, Field<uint32_t>* field) {
    const size_t at = r->offset();
    AGENTX_RETURN_IF_ERROR(r->U32(&field->value));
    field->location = {at, 4};
    field->present = true;
    return kOk;
  }

  // `count` reserved octets that must be zero (RFC 2741 5, 6.2).
  Error Reserved(Reader* r, size_t count) {
    Bytes octets;
    AGENTX_RETURN_IF_ERROR(r->Octets(count, &octets));
    for (size_t i = 0; i < octets.size(); ++i) {
      if (octets[i] != 0) {
        Diagnose(DiagnosticCode::kReservedNotZero, r->offset() - count + i);
        break;
      }
    }
    return kOk;
  }

  // RFC 2741 5.1. include means something only at the start of a
  // SearchRange (5.2), but is kept wherever it is.
  Error DecodeOid(Reader* r, Oid* out) {
    const size_t at = r->offset();
    out->order = r->order();
    AGENTX_RETURN_IF_ERROR(r->U8(&out->n_subid));
    AGENTX_RETURN_IF_ERROR(r->U8(&out->prefix));
    AGENTX_RETURN_IF_ERROR(r->U8(&out->include));
    AGENTX_RETURN_IF_ERROR(r->U8(&out->reserved));
    if (out->n_subid > kMaxSubids) return Error{ErrorCode::kOidTooManySubids, at};
    AGENTX_RETURN_IF_ERROR(r->Octets(4 * size_t{out->n_subid}, &out->subids));
    out->location = {at, r->offset() - at};
    out->present = true;
    if (out->include > 1) Diagnose(DiagnosticCode::kIncludeInvalid, at + 2);
    if (out->reserved != 0) Diagnose(DiagnosticCode::kReservedNotZero, at + 3);
    if (out->arc_count() > kMaxSubids) Diagnose(DiagnosticCode::kOidTooManyArcs, at);
    return kOk;
  }

  // RFC 2741 5.3. The length is any 32-bit value: compared with what
  // remains before anything is taken, in size_t.
  Error DecodeOctetString(Reader* r, OctetString* out) {
    const size_t at = r->offset();
    AGENTX_RETURN_IF_ERROR(r->U32(&out->length));
    const size_t length = out->length;
    const size_t padding = PaddingOf(length);
    if (length > r->remaining() || padding > r->remaining() - length) {
      return Error{ErrorCode::kOctetStringTooLong, at};
    }
    AGENTX_RETURN_IF_ERROR(r->Octets(length, &out->value));
    Bytes pad;
    AGENTX_RETURN_IF_ERROR(r->Octets(padding, &pad));
    for (uint8_t octet : pad) {
      if (octet != 0) {
        Diagnose(DiagnosticCode::kPaddingNotZero, at + 4 + length);
        break;
      }
    }
    out->location = {at, r->offset() - at};
    out->present = true;
    return kOk;
  }

  // RFC 2741 5.2.
  Error DecodeSearchRange(Reader* r, SearchRange* out) {
    const size_t at = r->offset();
    AGENTX_RETURN_IF_ERROR(DecodeOid(r, &out->start));
    AGENTX_RETURN_IF_ERROR(DecodeOid(r, &out->end));
    out->location = {at, r->offset() - at};
    return kOk;
  }

  // RFC 2741 5.4.
  Error DecodeVarBind(Reader* r, VarBind* out) {
    const size_t at = r->offset();
    AGENTX_RETURN_IF_ERROR(U16Field(r, &out->type));
    AGENTX_RETURN_IF_ERROR(U16Field(r, &out->reserved));
    if (out->reserved.value != 0) Diagnose(DiagnosticCode::kReservedNotZero, at + 2);
    AGENTX_RETURN_IF_ERROR(DecodeOid(r, &out->name));
    Value& value = out->value;
    value.type_code = out->type.value;
    value.type = ValueTypeOf(value.type_code);
    const size_t data_at = r->offset();
    using snmp::ValueType;
    switch (value.type) {
      case ValueType::kInteger: {
        uint32_t raw;
        AGENTX_RETURN_IF_ERROR(r->U32(&raw));
        value.integer = static_cast<int32_t>(raw);
        break;
      }
      case ValueType::kCounter32:
      case ValueType::kGauge32:
      case ValueType::kTimeTicks: {
        uint32_t raw;
        AGENTX_RETURN_IF_ERROR(r->U32(&raw));
        value.unsigned_value = raw;
        break;
      }
      case ValueType::kCounter64:
        AGENTX_RETURN_IF_ERROR(r->U64(&value.unsigned_value));
        break;
      case ValueType::kOctetString:
      case ValueType::kOpaque:
      case ValueType::kIpAddress:
        AGENTX_RETURN_IF_ERROR(DecodeOctetString(r, &value.octets));
        if (value.type == ValueType::kIpAddress && value.octets.length != 4) {
          Diagnose(DiagnosticCode::kIpAddressWrongSize, data_at);
        }
        break;
      case ValueType::kObjectIdentifier:
        AGENTX_RETURN_IF_ERROR(DecodeOid(r, &value.oid));
        break;
      case ValueType::kNull:
      case ValueType::kNoSuchObject:
      case ValueType::kNoSuchInstance:
      case ValueType::kEndOfMibView:
        break;
      default:
        return Error{ErrorCode::kUnknownValueType, at};
    }
    value.location = {data_at, r->offset() - data_at};
    out->location = {at, r->offset() - at};
    return kOk;
  }

  // The rest of the payload as SearchRanges (Get, GetNext, GetBulk).
  Error DecodeRanges(Reader* r) {
    while (!r->AtEnd()) {
      pdu_->ranges.emplace_back();
      AGENTX_RETURN_IF_ERROR(DecodeSearchRange(r, &pdu_->ranges.back()));
    }
    return kOk;
  }

  // The rest of the payload as a VarBindList.
  Error DecodeVarBinds(Reader* r) {
    while (!r->AtEnd()) {
      pdu_->varbinds.emplace_back();
      AGENTX_RETURN_IF_ERROR(DecodeVarBind(r, &pdu_->varbinds.back()));
    }
    return kOk;
  }

  // RFC 2741 6.2.3 / 6.2.4: timeout (reserved in Unregister), priority,
  // range_subid, <reserved>, subtree, upper_bound when range_subid != 0.
  Error DecodeRegistration(Reader* r, bool unregister) {
    const size_t at = r->offset();
    AGENTX_RETURN_IF_ERROR(U8Field(r, &pdu_->timeout));
    if (unregister && pdu_->timeout.value != 0) Diagnose(DiagnosticCode::kReservedNotZero, at);
    AGENTX_RETURN_IF_ERROR(U8Field(r, &pdu_->priority));
    AGENTX_RETURN_IF_ERROR(U8Field(r, &pdu_->range_subid));
    AGENTX_RETURN_IF_ERROR(Reserved(r, 1));
    AGENTX_RETURN_IF_ERROR(DecodeOid(r, &pdu_->subtree));
    if (pdu_->range_subid.value != 0) {
      if (pdu_->range_subid.value > pdu_->subtree.arc_count()) {
        Diagnose(DiagnosticCode::kRangeSubidInvalid, pdu_->range_subid.location.offset);
      }
      AGENTX_RETURN_IF_ERROR(U32Field(r, &pdu_->upper_bound));
    }
    return kOk;
  }

  Error DecodePayload(Reader* r) {
    const PduType type = pdu_->type();
    // RFC 2741 6.1.1 puts a context after the header of the types that
    // have one; net-snmp (agentx/protocol.c) writes and reads one after
    // every header with NON_DEFAULT_CONTEXT, and its subagents answer a
    // request that had one with a Response that has one. So does this
    // decoder: a context whenever the flag says so, noted where RFC 2741
    // has none.
    if (pdu_->header.flags.value & kFlagNonDefaultContext) {
      if (!HasContext(type)) {
        Diagnose(DiagnosticCode::kContextNotInRfc, pdu_->header.flags.location.offset);
      }
      AGENTX_RETURN_IF_ERROR(DecodeOctetString(r, &pdu_->context));
    }
    switch (type) {
      case PduType::kOpen:  // 6.2.1
        AGENTX_RETURN_IF_ERROR(U8Field(r, &pdu_->timeout));
        AGENTX_RETURN_IF_ERROR(Reserved(r, 3));
        AGENTX_RETURN_IF_ERROR(DecodeOid(r, &pdu_->id));
        return DecodeOctetString(r, &pdu_->descr);
      case PduType::kClose:  // 6.2.2
        AGENTX_RETURN_IF_ERROR(U8Field(r, &pdu_->reason));
        return Reserved(r, 3);
      case PduType::kRegister:  // 6.2.3
        return DecodeRegistration(r, false);
      case PduType::kUnregister:  // 6.2.4
        return DecodeRegistration(r, true);
      case PduType::kGet:      // 6.2.5
      case PduType::kGetNext:  // 6.2.6
        return DecodeRanges(r);
      case PduType::kGetBulk:  // 6.2.7
        AGENTX_RETURN_IF_ERROR(U16Field(r, &pdu_->non_repeaters));
        AGENTX_RETURN_IF_ERROR(U16Field(r, &pdu_->max_repetitions));
        return DecodeRanges(r);
      case PduType::kTestSet:          // 6.2.8
      case PduType::kNotify:           // 6.2.10
      case PduType::kIndexAllocate:    // 6.2.12
      case PduType::kIndexDeallocate:  // 6.2.13
        return DecodeVarBinds(r);
      case PduType::kCommitSet:   // 6.2.9
      case PduType::kUndoSet:
      case PduType::kCleanupSet:
      case PduType::kPing:        // 6.2.11
        return kOk;
      case PduType::kAddAgentCaps:  // 6.2.14
        AGENTX_RETURN_IF_ERROR(DecodeOid(r, &pdu_->id));
        return DecodeOctetString(r, &pdu_->descr);
      case PduType::kRemoveAgentCaps:  // 6.2.15
        return DecodeOid(r, &pdu_->id);
      case PduType::kResponse:  // 6.2.16
        AGENTX_RETURN_IF_ERROR(U32Field(r, &pdu_->sys_uptime));
        AGENTX_RETURN_IF_ERROR(U16Field(r, &pdu_->error));
        AGENTX_RETURN_IF_ERROR(U16Field(r, &pdu_->index));
        return DecodeVarBinds(r);
    }
    return Error{ErrorCode::kUnknownPduType, pdu_->header.type.location.offset};
  }

  // RFC 2741 6.1: flag bits each type has a use for.
  void CheckFlags() {
    const Header& h = pdu_->header;
    const uint8_t flags = h.flags.value;
    const size_t at = h.flags.location.offset;
    const PduType type = pdu_->type();
    if (flags & kReservedFlagBits) Diagnose(DiagnosticCode::kReservedFlags, at);
    const bool misplaced =
        ((flags & kFlagInstanceRegistration) && type != PduType::kRegister) ||
        ((flags & (kFlagNewIndex | kFlagAnyIndex)) && type != PduType::kIndexAllocate);
    if (misplaced) Diagnose(DiagnosticCode::kFlagNotApplicable, at);
  }

 private:
  Pdu* pdu_;
};

}  // namespace

Error DecodeHeader(Bytes input, size_t base_offset, Header* out) {
  if (input.size() < kHeaderLength) return Error{ErrorCode::kTruncatedHeader, base_offset};
  // h.flags, read first, gives the order of the 32-bit fields.
  const ByteOrder order = (input[2] & kFlagNetworkByteOrder) ? ByteOrder::kBigEndian
                                                             : ByteOrder::kLittleEndian;
  Reader r(input.subspan(0, kHeaderLength), order, base_offset);
  Field<uint8_t>* const octets[] = {&out->version, &out->type, &out->flags, &out->reserved};
  for (Field<uint8_t>* field : octets) {
    field->location = {r.offset(), 1};
    if (const Error e = r.U8(&field->value); !e.ok()) return e;
    field->present = true;
  }
  Field<uint32_t>* const words[] = {&out->session_id, &out->transaction_id, &out->packet_id,
                                    &out->payload_length};
  for (Field<uint32_t>* field : words) {
    field->location = {r.offset(), 4};
    if (const Error e = r.U32(&field->value); !e.ok()) return e;
    field->present = true;
  }
  out->location = {base_offset, kHeaderLength};
  return kOk;
}

Error DecodePdu(Bytes input, size_t base_offset, Pdu* out) {
  out->Clear();
  AGENTX_RETURN_IF_ERROR(DecodeHeader(input, base_offset, &out->header));
  const Header& h = out->header;
  out->location = {base_offset, kHeaderLength};
  if (h.version.value != kVersion) {
    return Error{ErrorCode::kUnsupportedVersion, h.version.location.offset};
  }
  const size_t payload_length = h.payload_length.value;
  if (payload_length > kMaxPayloadLength) {
    return Error{ErrorCode::kPayloadTooLong, h.payload_length.location.offset};
  }
  Decoder decoder(out);
  if (h.reserved.value != 0) {
    decoder.Diagnose(DiagnosticCode::kReservedNotZero, h.reserved.location.offset);
  }
  if (payload_length % 4 != 0) {
    decoder.Diagnose(DiagnosticCode::kPayloadNotAligned, h.payload_length.location.offset);
  }
  if (h.type.value < kMinPduType || h.type.value > kMaxPduType) {
    return Error{ErrorCode::kUnknownPduType, h.type.location.offset};
  }
  decoder.CheckFlags();
  if (payload_length > input.size() - kHeaderLength) {
    return Error{ErrorCode::kPayloadTruncated, h.payload_length.location.offset};
  }
  // Everything after the header through a child of exactly payload_length
  // octets: no field can reach past it.
  Reader stream(input, h.order(), base_offset);
  Bytes header_octets;
  Reader payload;
  AGENTX_RETURN_IF_ERROR(stream.Octets(kHeaderLength, &header_octets));
  AGENTX_RETURN_IF_ERROR(stream.Child(payload_length, &payload));
  out->payload = {base_offset + kHeaderLength, payload_length};
  out->location.length = kHeaderLength + payload_length;
  AGENTX_RETURN_IF_ERROR(decoder.DecodePayload(&payload));
  if (!payload.AtEnd()) decoder.Diagnose(DiagnosticCode::kTrailingData, payload.offset());
  return kOk;
}

}  // namespace snmpdissect::agentx
