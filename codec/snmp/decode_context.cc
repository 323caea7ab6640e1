#include "codec/snmp/decode_context.h"

#include <bit>
#include <cstring>
#include <limits>

#include "codec/ber/integer.h"
#include "codec/ber/oid.h"

namespace snmpdissect::snmp::internal {
namespace {

using ber::Element;
using ber::Error;
using ber::ErrorCode;
using ber::Reader;

// RFC 2578 section 7.1.2: OCTET STRING (SIZE (0..65535)).
constexpr size_t kMaxOctetString = 65535;

template <typename T>
void SetLocation(const Element& element, Field<T>* field) {
  field->location = element.location;
  field->present = true;
}

}  // namespace

void DecodeContext::Note(DiagnosticCode code, size_t offset) {
  std::vector<Diagnostic>& list = message_->diagnostics;
  // The cap drops what follows but keeps its weight: an error dropped (or
  // replaced by the marker) makes the marker an error, so a message whose
  // invalid OID or INTEGER comes after the 63rd problem still reads as
  // malformed. (Found by the differential target: such a message counted as
  // clean while its OID value held no arcs.)
  const bool error = DefaultSeverity(code) == Severity::kError;
  if (list.size() >= kMaxDiagnostics) {
    if (error) list.back().severity = Severity::kError;
    return;
  }
  if (list.size() + 1 == kMaxDiagnostics) code = DiagnosticCode::kTooManyDiagnostics;
  list.push_back(Diagnostic{code, error ? Severity::kError : DefaultSeverity(code), offset});
}

Error DecodeContext::ReadInteger(Reader& reader, ber::Tag tag, Field<int64_t>* field,
                                 IntegerRange range, DiagnosticCode range_code) {
  const int64_t min = range.min, max = range.max;
  Element element;
  if (Error e = reader.Read(tag, &element); !e.ok()) return e;
  SetLocation(element, field);
  CheckMinimal(element);
  bool padded = false;
  if (!ber::DecodeInt64(element, &field->value, &padded).ok()) {
    field->value = 0;
    Note(DiagnosticCode::kIntegerInvalid, element.location.offset);
    return ber::kOk;
  }
  // A field whose range is non-negative, encoded negative: some agents drop
  // the leading 0x00 octet (engineBoots 221 as `02 01 dd`). When the unsigned
  // reading of the same octets is in range, that is what the sender meant
  // (tshark reads these as unsigned too); the warning says what was wrong.
  uint64_t unsigned_value = 0;
  if (field->value < 0 && min >= 0 &&
      ber::ReadAsUnsigned(element.content, sizeof(int64_t) - 1, &unsigned_value) &&
      static_cast<int64_t>(unsigned_value) >= min &&
      static_cast<int64_t>(unsigned_value) <= max) {
    field->value = static_cast<int64_t>(unsigned_value);
    Note(DiagnosticCode::kMissingLeadingZero, element.location.offset);
    return ber::kOk;
  }
  if (padded) Note(DiagnosticCode::kNonMinimalEncoding, element.location.offset);
  if (field->value < min || field->value > max) Note(range_code, element.location.offset);
  return ber::kOk;
}

Error DecodeContext::ReadOctets(Reader& reader, ber::Tag tag, Field<Bytes>* field,
                                size_t max_size, DiagnosticCode size_code) {
  Element element;
  if (Error e = reader.Read(tag, &element); !e.ok()) return e;
  SetLocation(element, field);
  CheckMinimal(element);
  field->value = element.content;
  if (element.content.size() > max_size) Note(size_code, element.location.offset);
  return ber::kOk;
}

Error DecodeContext::ReadOid(Reader& reader, Field<OidView>* field) {
  Element element;
  if (Error e = reader.Read(ber::kObjectIdentifier, &element); !e.ok()) return e;
  SetLocation(element, field);
  CheckMinimal(element);
  if (!ber::DecodeOid(element, &field->value).ok()) {
    field->value = OidView{element.content, 0};
    Note(DiagnosticCode::kOidInvalid, element.location.offset);
  }
  return ber::kOk;
}

void DecodeContext::DecodeValue(const Element& element, Value* value) {
  value->tag = element.tag;
  value->location = element.location;
  value->content = element.content;
  CheckMinimal(element);
  const size_t at = element.location.offset;

  // Unsigned types share one path (RFC 2578 sections 7.1.6 - 7.1.8, 7.1.10).
  // `octets` is the type's width: an encoding with its top bit set and no
  // more octets than that is the value without its leading 0x00 octet
  // (X.690 8.3.2), read unsigned as its sender meant and as tshark reads it.
  auto decode_unsigned = [&](uint64_t max, size_t octets) {
    bool padded = false;
    const Error e = ber::DecodeUint64(element, &value->unsigned_value, &padded);
    if (e.code == ErrorCode::kNegativeUnsigned &&
        ber::ReadAsUnsigned(element.content, octets, &value->unsigned_value)) {
      Note(DiagnosticCode::kMissingLeadingZero, at);
      return;
    }
    if (!e.ok()) {
      value->decoded = false;
      Note(e.code == ErrorCode::kNegativeUnsigned ? DiagnosticCode::kValueOutOfRange
                                                  : DiagnosticCode::kIntegerInvalid,
           at);
      return;
    }
    if (padded) Note(DiagnosticCode::kNonMinimalEncoding, at);
    if (value->unsigned_value > max) Note(DiagnosticCode::kValueOutOfRange, at);
  };
  auto expect_empty = [&] {
    if (!element.content.empty()) Note(DiagnosticCode::kNullWithContent, at);
  };

  // One switch on the whole tag rather than a chain of tag comparisons.
  using ber::TagKey;
  switch (TagKey(element.tag)) {
    case TagKey(ber::kInteger): {
      value->type = ValueType::kInteger;
      bool padded = false;
      if (!ber::DecodeInt64(element, &value->integer, &padded).ok()) {
        value->decoded = false;
        Note(DiagnosticCode::kIntegerInvalid, at);
      } else {
        if (padded) Note(DiagnosticCode::kNonMinimalEncoding, at);
        if (value->integer < kInt32Min || value->integer > kInt32Max) {
          Note(DiagnosticCode::kValueOutOfRange, at);
        }
      }
      return;
    }
    case TagKey(ber::kOctetString):
      value->type = ValueType::kOctetString;
      if (element.content.size() > kMaxOctetString) Note(DiagnosticCode::kValueOutOfRange, at);
      return;
    case TagKey(ber::kNull):
      value->type = ValueType::kNull;
      expect_empty();
      return;
    case TagKey(ber::kObjectIdentifier):
      value->type = ValueType::kObjectIdentifier;
      if (!ber::DecodeOid(element, &value->oid).ok()) {
        value->oid = OidView{element.content, 0};
        value->decoded = false;
        Note(DiagnosticCode::kOidInvalid, at);
      }
      return;
    case TagKey(ber::kIpAddress):
      value->type = ValueType::kIpAddress;
      if (element.content.size() != 4) Note(DiagnosticCode::kIpAddressWrongSize, at);
      return;
    case TagKey(ber::kCounter32):
      value->type = ValueType::kCounter32;
      decode_unsigned(static_cast<uint64_t>(kUint32Max), 4);
      return;
    case TagKey(ber::kGauge32):
      value->type = ValueType::kGauge32;
      decode_unsigned(static_cast<uint64_t>(kUint32Max), 4);
      return;
    case TagKey(ber::kTimeTicks):
      value->type = ValueType::kTimeTicks;
      decode_unsigned(static_cast<uint64_t>(kUint32Max), 4);
      return;
    case TagKey(ber::kUInteger32):
      value->type = ValueType::kUInteger32;
      decode_unsigned(static_cast<uint64_t>(kUint32Max), 4);
      return;
    case TagKey(ber::kCounter64):
      value->type = ValueType::kCounter64;
      decode_unsigned(std::numeric_limits<uint64_t>::max(), 8);
      return;
    case TagKey(ber::kOpaque):
      value->type = ValueType::kOpaque;
      DecodeOpaque(element, value);
      return;
    case TagKey(ber::kNsapAddress):
      value->type = ValueType::kNsapAddress;
      return;
    case TagKey(ber::kNoSuchObject):
      value->type = ValueType::kNoSuchObject;
      expect_empty();
      return;
    case TagKey(ber::kNoSuchInstance):
      value->type = ValueType::kNoSuchInstance;
      expect_empty();
      return;
    case TagKey(ber::kEndOfMibView):
      value->type = ValueType::kEndOfMibView;
      expect_empty();
      return;
    default:
      value->type = ValueType::kUnknown;
      Note(DiagnosticCode::kUnknownValueTag, at);
      return;
  }
}

namespace {

// The tag numbers of net-snmp's Opaque specials ([CONTEXT 0x76], 0x78..0x7b),
// each written as the one octet after 0x9f.
bool IsOpaqueSpecialTag(uint8_t number) {
  return number == 0x76 || (number >= 0x78 && number <= 0x7b);
}

}  // namespace

void DecodeContext::DecodeOpaque(const Element& element, Value* value) {
  // net-snmp's special types (snmplib/asn1.c asn_build_float & co.): the
  // Opaque content is itself a TLV with tag [CONTEXT 0x76..0x7b] in the
  // high-tag-number form (first octet 0x9f). Anything else is plain bytes.
  if (element.content.size() < 2 || element.content[0] != 0x9f) return;
  Reader inner(element.content, ber::Mode::kLenientBer,
               element.location.content_offset());
  Element special;
  if (!inner.Next(&special).ok() || !inner.AtEnd() ||
      special.tag.tag_class != ber::TagClass::kContextSpecific ||
      special.tag.constructed) {
    // The identifier of a special (0x9f, then one of its tag numbers) over
    // a TLV that does not fill the content: net-snmp refuses it
    // (asn_parse_float & co.), so it is flagged, not shown as plain bytes.
    if (IsOpaqueSpecialTag(element.content[1])) {
      Note(DiagnosticCode::kOpaqueMalformed, element.location.content_offset());
    }
    return;
  }
  OpaqueKind kind;
  switch (special.tag.number) {
    case 0x76: kind = OpaqueKind::kCounter64; break;
    case 0x78: kind = OpaqueKind::kFloat; break;
    case 0x79: kind = OpaqueKind::kDouble; break;
    case 0x7a: kind = OpaqueKind::kInt64; break;
    case 0x7b: kind = OpaqueKind::kUint64; break;
    default: return;
  }
  const size_t at = special.location.offset;
  bool padded = false;
  bool ok = true;
  switch (kind) {
    case OpaqueKind::kFloat: {
      ok = special.content.size() == 4;
      if (ok) {
        uint32_t bits = 0;
        for (uint8_t b : special.content) bits = (bits << 8) | b;
        value->unsigned_value = bits;  // exact bits, so a NaN round-trips
        value->real = std::bit_cast<float>(bits);
      }
      break;
    }
    case OpaqueKind::kDouble: {
      ok = special.content.size() == 8;
      if (ok) {
        uint64_t bits = 0;
        for (uint8_t b : special.content) bits = (bits << 8) | b;
        value->real = std::bit_cast<double>(bits);
      }
      break;
    }
    case OpaqueKind::kInt64:
      ok = ber::DecodeInt64(special, &value->integer, &padded).ok();
      break;
    default: {  // Counter64, Uint64: as decode_unsigned in DecodeValue
      const Error e = ber::DecodeUint64(special, &value->unsigned_value, &padded);
      ok = e.ok();
      if (e.code == ErrorCode::kNegativeUnsigned &&
          ber::ReadAsUnsigned(special.content, 8, &value->unsigned_value)) {
        Note(DiagnosticCode::kMissingLeadingZero, at);
        ok = true;
      }
      break;
    }
  }
  if (!ok) {
    Note(DiagnosticCode::kOpaqueMalformed, at);
    value->integer = 0;
    value->unsigned_value = 0;
    value->real = 0;
    return;
  }
  if (padded || special.non_minimal()) Note(DiagnosticCode::kNonMinimalEncoding, at);
  value->opaque_kind = kind;
  value->opaque_inner = special.location;
}

Error DecodeContext::DecodePdu(Reader& reader) {
  Message& message = *message_;
  Element element;
  if (reader.AtEnd()) return Error{ErrorCode::kMissingElement, reader.offset()};
  if (Error e = reader.Peek(&element); !e.ok()) return e;
  // RFC 3416 section 3: PDUs are [0]..[8] IMPLICIT SEQUENCE.
  if (element.tag.tag_class != ber::TagClass::kContextSpecific ||
      !element.tag.constructed || element.tag.number > kMaxPduTag) {
    return Error{ErrorCode::kUnexpectedTag, element.location.offset};
  }
  if (Error e = reader.Next(&element); !e.ok()) return e;
  CheckMinimal(element);

  Pdu& pdu = message.pdu;
  message.has_pdu = true;
  pdu.type = static_cast<PduType>(element.tag.number);
  pdu.location = element.location;
  const size_t at = element.location.offset;
  const bool v1 = message.version.value == static_cast<int64_t>(Version::kV1);
  const bool v2_only = pdu.type == PduType::kGetBulkRequest ||
                       pdu.type == PduType::kInformRequest ||
                       pdu.type == PduType::kSnmpV2Trap || pdu.type == PduType::kReport;
  if (v1 && v2_only) Note(DiagnosticCode::kV2PduInV1, at);
  if (!v1 && pdu.type == PduType::kTrapV1) Note(DiagnosticCode::kV1TrapInV2, at);

  Reader fields;
  if (Error e = reader.Enter(element, &fields); !e.ok()) return e;
  if (pdu.type == PduType::kTrapV1) {
    // RFC 1157 section 4.1.6 Trap-PDU.
    if (Error e = ReadOid(fields, &pdu.enterprise); !e.ok()) return e;
    if (Error e = ReadOctets(fields, ber::kIpAddress, &pdu.agent_addr, 4,
                             DiagnosticCode::kIpAddressWrongSize);
        !e.ok()) {
      return e;
    }
    if (pdu.agent_addr.value.size() < 4) {
      Note(DiagnosticCode::kIpAddressWrongSize, pdu.agent_addr.location.offset);
    }
    if (Error e = ReadInteger(fields, ber::kInteger, &pdu.generic_trap, kGenericTrapRange,
                              DiagnosticCode::kValueOutOfRange);
        !e.ok()) {
      return e;
    }
    if (Error e = ReadInteger(fields, ber::kInteger, &pdu.specific_trap, kSpecificTrapRange,
                              DiagnosticCode::kValueOutOfRange);
        !e.ok()) {
      return e;
    }
    // Read as a signed INTEGER so that a lying negative time-stamp survives
    // re-encoding unchanged (and is noted as out of range).
    if (Error e = ReadInteger(fields, ber::kTimeTicks, &pdu.time_stamp, kTimeStampRange,
                              DiagnosticCode::kValueOutOfRange);
        !e.ok()) {
      return e;
    }
  } else {
    const bool bulk = pdu.type == PduType::kGetBulkRequest;
    if (Error e = ReadInteger(fields, ber::kInteger, &pdu.request_id, kRequestIdRange,
                              DiagnosticCode::kValueOutOfRange);
        !e.ok()) {
      return e;
    }
    // GetBulk's non-repeaters and max-repetitions are 0..max-bindings.
    if (Error e = ReadInteger(fields, ber::kInteger, &pdu.error_status,
                              bulk ? kMaxBindingsRange : kErrorStatusRange,
                              DiagnosticCode::kValueOutOfRange);
        !e.ok()) {
      return e;
    }
    if (Error e = ReadInteger(fields, ber::kInteger, &pdu.error_index, kMaxBindingsRange,
                              DiagnosticCode::kValueOutOfRange);
        !e.ok()) {
      return e;
    }
  }
  if (Error e = DecodeVarBinds(fields, &pdu); !e.ok()) return e;
  if (!fields.AtEnd()) Note(DiagnosticCode::kTrailingData, fields.offset());
  return ber::kOk;
}

Error DecodeContext::DecodeVarBinds(Reader& reader, Pdu* pdu) {
  Element list;
  if (Error e = reader.Read(ber::kSequence, &list); !e.ok()) return e;
  CheckMinimal(list);
  pdu->varbind_list = list.location;
  Reader items;
  if (Error e = reader.Enter(list, &items); !e.ok()) return e;
  while (!items.AtEnd()) {
    Element element;
    if (Error e = items.Read(ber::kSequence, &element); !e.ok()) return e;
    CheckMinimal(element);
    VarBind& varbind = pdu->varbinds.emplace_back();
    varbind.location = element.location;
    Reader parts;
    if (Error e = items.Enter(element, &parts); !e.ok()) return e;
    if (Error e = ReadOid(parts, &varbind.name); !e.ok()) return e;
    Element value;
    if (parts.AtEnd()) return Error{ErrorCode::kMissingElement, parts.offset()};
    if (Error e = parts.Next(&value); !e.ok()) return e;
    DecodeValue(value, &varbind.value);
    if (!parts.AtEnd()) Note(DiagnosticCode::kTrailingData, parts.offset());
  }
  return ber::kOk;
}

}  // namespace snmpdissect::snmp::internal
