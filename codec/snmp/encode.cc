#include "codec/snmp/encode.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "codec/ber/integer.h"
#include "codec/snmp/ranges.h"

namespace snmpdissect::snmp {
namespace {

using ber::Writer;

// An INTEGER field of `range`. A negative value in a non-negative range was
// out of range when decoded: the decoder reads a negative encoding unsigned
// when that reading is in range (the missing leading 0x00 octet, X.690
// 8.3.2). So the value is written in the fewest octets whose unsigned
// reading is out of range too (at most 8), and decodes back the same; a
// canonical out-of-range input keeps its bytes, as its minimal form already
// reads out of range.
void WriteRangedInteger(Writer& w, ber::Tag tag, int64_t value, IntegerRange range) {
  if (value >= 0 || range.min < 0) {
    w.WriteInteger(tag, value);
    return;
  }
  uint8_t octets[8];
  for (int i = 0; i < 8; ++i) {
    octets[i] = static_cast<uint8_t>(static_cast<uint64_t>(value) >> (56 - 8 * i));
  }
  // Minimal two's complement: drop 0xff octets followed by a set sign bit.
  size_t start = 0;
  while (start < 7 && octets[start] == 0xff && (octets[start + 1] & 0x80)) ++start;
  // Widen with 0xff octets only while the decoder would take the octets for
  // an in-range value missing its leading zero (decode_context.cc reads them
  // unsigned when that reading lies in [min, max]); a reading below min (-33
  // as `df`, 223 < msgMaxSize's 484) is read back negative as it is.
  uint64_t reading = 0;
  while (start > 0 &&
         ber::ReadAsUnsigned(ber::Bytes(octets + start, 8 - start), 8, &reading) &&
         reading >= static_cast<uint64_t>(range.min) &&
         reading <= static_cast<uint64_t>(range.max)) {
    --start;
  }
  w.WritePrimitive(tag, ber::Bytes(octets + start, 8 - start));
}

bool SameBytes(Bytes a, Bytes b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

void WriteOpaqueSpecial(const Value& value, Writer& w) {
  // Inverse of the decoder's DecodeOpaque: [CONTEXT 0x76..0x7b] inside the
  // Opaque's content (net-snmp snmplib/asn1.c).
  const size_t opaque = w.Begin(ber::kOpaque);
  auto tag = [](uint32_t n) { return ber::Tag{ber::TagClass::kContextSpecific, false, n}; };
  switch (value.opaque_kind) {
    case OpaqueKind::kFloat: {
      const uint32_t bits = static_cast<uint32_t>(value.unsigned_value);
      const uint8_t octets[4] = {uint8_t(bits >> 24), uint8_t(bits >> 16),
                                 uint8_t(bits >> 8), uint8_t(bits)};
      w.WritePrimitive(tag(0x78), Bytes(octets, 4));
      break;
    }
    case OpaqueKind::kDouble: {
      const uint64_t bits = std::bit_cast<uint64_t>(value.real);
      uint8_t octets[8];
      for (int i = 0; i < 8; ++i) octets[i] = uint8_t(bits >> (56 - 8 * i));
      w.WritePrimitive(tag(0x79), Bytes(octets, 8));
      break;
    }
    case OpaqueKind::kInt64: w.WriteInteger(tag(0x7a), value.integer); break;
    case OpaqueKind::kCounter64: w.WriteUnsigned(tag(0x76), value.unsigned_value); break;
    case OpaqueKind::kUint64: w.WriteUnsigned(tag(0x7b), value.unsigned_value); break;
    case OpaqueKind::kPlain: break;
  }
  w.End(opaque);
}

void WritePdu(const Message& m, Writer& w) {
  const Pdu& pdu = m.pdu;
  const size_t mark = w.Begin(ber::ContextConstructed(static_cast<uint32_t>(pdu.type)));
  if (pdu.type == PduType::kTrapV1) {
    w.WriteOid(ber::kObjectIdentifier, pdu.enterprise.value);
    w.WritePrimitive(ber::kIpAddress, pdu.agent_addr.value);
    WriteRangedInteger(w, ber::kInteger, pdu.generic_trap.value, kGenericTrapRange);
    w.WriteInteger(ber::kInteger, pdu.specific_trap.value);
    WriteRangedInteger(w, ber::kTimeTicks, pdu.time_stamp.value, kTimeStampRange);
  } else {
    w.WriteInteger(ber::kInteger, pdu.request_id.value);
    WriteRangedInteger(w, ber::kInteger, pdu.error_status.value,
                       pdu.type == PduType::kGetBulkRequest ? kMaxBindingsRange
                                                            : kErrorStatusRange);
    WriteRangedInteger(w, ber::kInteger, pdu.error_index.value, kMaxBindingsRange);
  }
  const size_t list = w.Begin(ber::kSequence);
  for (const VarBind& vb : pdu.varbinds) {
    const size_t item = w.Begin(ber::kSequence);
    w.WriteOid(ber::kObjectIdentifier, vb.name.value);
    EncodeValue(vb.value, w);
    w.End(item);
  }
  w.End(list);
  w.End(mark);
}

void WriteScoped(const Message& m, Writer& w) {
  const size_t mark = w.Begin(ber::kSequence);
  w.WritePrimitive(ber::kOctetString, m.context_engine_id.value);
  w.WritePrimitive(ber::kOctetString, m.context_name.value);
  if (m.has_pdu) WritePdu(m, w);
  w.End(mark);
}

void WriteV3(const Message& m, Writer& w) {
  const HeaderData& h = m.header;
  const size_t header = w.Begin(ber::kSequence);
  WriteRangedInteger(w, ber::kInteger, h.msg_id.value, kMsgIdRange);
  WriteRangedInteger(w, ber::kInteger, h.max_size.value, kMsgMaxSizeRange);
  w.WritePrimitive(ber::kOctetString, h.flags.value);
  WriteRangedInteger(w, ber::kInteger, h.security_model.value, kSecurityModelRange);
  w.End(header);
  if (m.has_usm) {
    // RFC 3414 section 2.4: the SEQUENCE travels inside an OCTET STRING.
    const UsmSecurityParameters& u = m.usm;
    const size_t octets = w.Begin(ber::kOctetString);
    const size_t sequence = w.Begin(ber::kSequence);
    w.WritePrimitive(ber::kOctetString, u.engine_id.value);
    WriteRangedInteger(w, ber::kInteger, u.engine_boots.value, kEngineBootsRange);
    WriteRangedInteger(w, ber::kInteger, u.engine_time.value, kEngineTimeRange);
    w.WritePrimitive(ber::kOctetString, u.user_name.value);
    w.WritePrimitive(ber::kOctetString, u.auth_params.value);
    w.WritePrimitive(ber::kOctetString, u.priv_params.value);
    w.End(sequence);
    w.End(octets);
  } else {
    w.WritePrimitive(ber::kOctetString, m.security_parameters.value);
  }
  if (m.encrypted) {
    w.WritePrimitive(ber::kOctetString, m.encrypted_pdu.value);
  } else {
    WriteScoped(m, w);
  }
}

bool SameValue(const Value& a, const Value& b) {
  if (a.type != b.type || !(a.tag == b.tag) || a.decoded != b.decoded ||
      a.opaque_kind != b.opaque_kind) {
    return false;
  }
  if (!a.decoded) return SameBytes(a.content, b.content);
  switch (a.type) {
    case ValueType::kInteger: return a.integer == b.integer;
    case ValueType::kCounter32:
    case ValueType::kGauge32:
    case ValueType::kTimeTicks:
    case ValueType::kUInteger32:
    case ValueType::kCounter64: return a.unsigned_value == b.unsigned_value;
    case ValueType::kObjectIdentifier: return a.oid == b.oid;
    case ValueType::kOpaque:
      switch (a.opaque_kind) {
        case OpaqueKind::kPlain: return SameBytes(a.content, b.content);
        // Compare bits: NaN != NaN, yet a NaN must round-trip.
        case OpaqueKind::kFloat: return a.unsigned_value == b.unsigned_value;
        case OpaqueKind::kDouble:
          return std::bit_cast<uint64_t>(a.real) == std::bit_cast<uint64_t>(b.real);
        case OpaqueKind::kInt64: return a.integer == b.integer;
        default: return a.unsigned_value == b.unsigned_value;
      }
    default: return SameBytes(a.content, b.content);
  }
}

bool SamePdu(const Pdu& a, const Pdu& b) {
  if (a.type != b.type || a.varbinds.size() != b.varbinds.size()) return false;
  if (a.type == PduType::kTrapV1) {
    if (!(a.enterprise.value == b.enterprise.value) ||
        !SameBytes(a.agent_addr.value, b.agent_addr.value) ||
        a.generic_trap.value != b.generic_trap.value ||
        a.specific_trap.value != b.specific_trap.value ||
        a.time_stamp.value != b.time_stamp.value) {
      return false;
    }
  } else if (a.request_id.value != b.request_id.value ||
             a.error_status.value != b.error_status.value ||
             a.error_index.value != b.error_index.value) {
    return false;
  }
  for (size_t i = 0; i < a.varbinds.size(); ++i) {
    const VarBind& x = a.varbinds[i];
    const VarBind& y = b.varbinds[i];
    if (!SameBytes(x.name.value.content, y.name.value.content) ||
        x.name.value.arc_count != y.name.value.arc_count || !SameValue(x.value, y.value)) {
      return false;
    }
  }
  return true;
}

}  // namespace

void EncodeValue(const Value& value, Writer& w) {
  if (!value.decoded) {
    w.WritePrimitive(value.tag, value.content);
    return;
  }
  switch (value.type) {
    case ValueType::kInteger: w.WriteInteger(value.tag, value.integer); return;
    case ValueType::kCounter32:
    case ValueType::kGauge32:
    case ValueType::kTimeTicks:
    case ValueType::kUInteger32:
    case ValueType::kCounter64: w.WriteUnsigned(value.tag, value.unsigned_value); return;
    case ValueType::kOpaque:
      if (value.opaque_kind != OpaqueKind::kPlain) {
        WriteOpaqueSpecial(value, w);
        return;
      }
      break;
    default: break;
  }
  // Strings, OIDs, NULL, exceptions, unknown tags: the content as it was.
  // A constructed unknown value keeps its constructed tag and raw content.
  w.WritePrimitive(value.tag, value.content);
}

void EncodeMessage(const Message& m, std::string* out) {
  Writer w(out);
  const size_t mark = w.Begin(ber::kSequence);
  w.WriteInteger(ber::kInteger, m.version.value);
  if (m.is_v3()) {
    WriteV3(m, w);
  } else {
    w.WritePrimitive(ber::kOctetString, m.community.value);
    if (m.has_pdu) WritePdu(m, w);
  }
  w.End(mark);
}

void EncodeScopedPdu(const Message& message, std::string* out) {
  Writer w(out);
  WriteScoped(message, w);
}

bool ReencodesExactly(const Message& m, size_t input_size) {
  if (m.location.total_length() != input_size) return false;
  for (const Diagnostic& d : m.diagnostics) {
    switch (d.code) {
      case DiagnosticCode::kNonMinimalEncoding:
      case DiagnosticCode::kMissingLeadingZero:  // re-encoded with its 0x00 octet
      case DiagnosticCode::kTrailingData:
      case DiagnosticCode::kIntegerInvalid:
      case DiagnosticCode::kTooManyDiagnostics:  // the list may hide one of these
        return false;
      default:
        break;
    }
  }
  return true;
}

bool EquivalentMessages(const Message& a, const Message& b) {
  if (a.version.value != b.version.value || a.has_pdu != b.has_pdu) return false;
  if (a.is_v3()) {
    const HeaderData& x = a.header;
    const HeaderData& y = b.header;
    if (x.msg_id.value != y.msg_id.value || x.max_size.value != y.max_size.value ||
        !SameBytes(x.flags.value, y.flags.value) ||
        x.security_model.value != y.security_model.value || a.has_usm != b.has_usm ||
        a.encrypted != b.encrypted) {
      return false;
    }
    if (a.has_usm) {
      const UsmSecurityParameters& u = a.usm;
      const UsmSecurityParameters& v = b.usm;
      if (!SameBytes(u.engine_id.value, v.engine_id.value) ||
          u.engine_boots.value != v.engine_boots.value ||
          u.engine_time.value != v.engine_time.value ||
          !SameBytes(u.user_name.value, v.user_name.value) ||
          !SameBytes(u.auth_params.value, v.auth_params.value) ||
          !SameBytes(u.priv_params.value, v.priv_params.value)) {
        return false;
      }
    } else if (!SameBytes(a.security_parameters.value, b.security_parameters.value)) {
      return false;
    }
    if (a.encrypted) return SameBytes(a.encrypted_pdu.value, b.encrypted_pdu.value);
    if (!SameBytes(a.context_engine_id.value, b.context_engine_id.value) ||
        !SameBytes(a.context_name.value, b.context_name.value)) {
      return false;
    }
  } else if (!SameBytes(a.community.value, b.community.value)) {
    return false;
  }
  return !a.has_pdu || SamePdu(a.pdu, b.pdu);
}

}  // namespace snmpdissect::snmp
