#include "codec/snmp/decode.h"

#include <limits>

#include "codec/ber/integer.h"
#include "codec/snmp/decode_context.h"

namespace snmpdissect::snmp {
namespace {

using ber::Element;
using ber::Error;
using ber::ErrorCode;
using ber::Reader;
using internal::DecodeContext;

// RFC 3414 section 2.4: engine ID at most 32 octets, user name at most 32.
constexpr size_t kMaxUsmIdentifier = 32;
// The largest authentication (HMAC-SHA-512, 48 octets, RFC 7860) and privacy
// (8 octets, RFC 3414 / RFC 3826) parameters in use; anything longer is
// suspicious but not structural.
constexpr size_t kMaxAuthParams = 48;
constexpr size_t kMaxPrivParams = 8;

// RFC 3414 section 2.4 UsmSecurityParameters, inside the msgSecurityParameters
// OCTET STRING.
Error DecodeUsm(DecodeContext& ctx, const Reader& parent, const Element& octets) {
  Message& m = ctx.message();
  Reader wrapped;
  if (Error e = parent.Enter(octets, &wrapped); !e.ok()) return e;
  Element sequence;
  if (Error e = wrapped.Read(ber::kSequence, &sequence); !e.ok()) return e;
  ctx.CheckMinimal(sequence);
  if (!wrapped.AtEnd()) ctx.Note(DiagnosticCode::kTrailingData, wrapped.offset());
  UsmSecurityParameters& usm = m.usm;
  usm.location = sequence.location;
  m.has_usm = true;
  Reader r;
  if (Error e = wrapped.Enter(sequence, &r); !e.ok()) return e;
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &usm.engine_id, kMaxUsmIdentifier,
                               DiagnosticCode::kUsmFieldTooLong);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadInteger(r, ber::kInteger, &usm.engine_boots, kEngineBootsRange,
                                DiagnosticCode::kValueOutOfRange);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadInteger(r, ber::kInteger, &usm.engine_time, kEngineTimeRange,
                                DiagnosticCode::kValueOutOfRange);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &usm.user_name, kMaxUsmIdentifier,
                               DiagnosticCode::kUsmFieldTooLong);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &usm.auth_params, kMaxAuthParams,
                               DiagnosticCode::kUsmFieldTooLong);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &usm.priv_params, kMaxPrivParams,
                               DiagnosticCode::kUsmFieldTooLong);
      !e.ok()) {
    return e;
  }
  const size_t id_size = usm.engine_id.value.size();
  // Discovery (RFC 3414 section 4) sends an empty engine ID; otherwise
  // SnmpEngineID is SIZE(5..32) (RFC 3411 section 5).
  if (id_size != 0 && id_size < 5) {
    ctx.Note(DiagnosticCode::kEngineIdLength, usm.engine_id.location.offset);
  }
  if (!r.AtEnd()) ctx.Note(DiagnosticCode::kTrailingData, r.offset());
  return ber::kOk;
}

// RFC 3412 section 6 HeaderData.
Error DecodeHeader(DecodeContext& ctx, Reader& fields) {
  HeaderData& h = ctx.message().header;
  Element sequence;
  if (Error e = fields.Read(ber::kSequence, &sequence); !e.ok()) return e;
  ctx.CheckMinimal(sequence);
  h.location = sequence.location;
  Reader r;
  if (Error e = fields.Enter(sequence, &r); !e.ok()) return e;
  if (Error e = ctx.ReadInteger(r, ber::kInteger, &h.msg_id, kMsgIdRange,
                                DiagnosticCode::kMsgIdOutOfRange);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadInteger(r, ber::kInteger, &h.max_size, kMsgMaxSizeRange,
                                DiagnosticCode::kMsgMaxSizeTooSmall);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &h.flags, 1,
                               DiagnosticCode::kMsgFlagsWrongSize);
      !e.ok()) {
    return e;
  }
  if (h.flags.value.empty()) {
    ctx.Note(DiagnosticCode::kMsgFlagsWrongSize, h.flags.location.offset);
  }
  // RFC 3412 section 7.2.5 d: privacy without authentication is invalid.
  const uint8_t bits = h.flag_bits();
  if ((bits & kFlagPriv) && !(bits & kFlagAuth)) {
    ctx.Note(DiagnosticCode::kPrivWithoutAuth, h.flags.location.offset);
  }
  if (Error e = ctx.ReadInteger(r, ber::kInteger, &h.security_model, kSecurityModelRange,
                                DiagnosticCode::kValueOutOfRange);
      !e.ok()) {
    return e;
  }
  if (!r.AtEnd()) ctx.Note(DiagnosticCode::kTrailingData, r.offset());
  return ber::kOk;
}

Error DecodeScoped(DecodeContext& ctx, Reader& reader) {
  Message& m = ctx.message();
  Element sequence;
  if (Error e = reader.Read(ber::kSequence, &sequence); !e.ok()) return e;
  ctx.CheckMinimal(sequence);
  m.scoped_pdu = sequence.location;
  Reader r;
  if (Error e = reader.Enter(sequence, &r); !e.ok()) return e;
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &m.context_engine_id,
                               kMaxUsmIdentifier, DiagnosticCode::kUsmFieldTooLong);
      !e.ok()) {
    return e;
  }
  // contextName is SnmpAdminString (SIZE(0..32)), RFC 3411 section 5.
  if (Error e = ctx.ReadOctets(r, ber::kOctetString, &m.context_name, kMaxUsmIdentifier,
                               DiagnosticCode::kUsmFieldTooLong);
      !e.ok()) {
    return e;
  }
  if (Error e = ctx.DecodePdu(r); !e.ok()) return e;
  if (!r.AtEnd()) ctx.Note(DiagnosticCode::kTrailingData, r.offset());
  return ber::kOk;
}

Error DecodeV3(DecodeContext& ctx, Reader& fields) {
  Message& m = ctx.message();
  if (Error e = DecodeHeader(ctx, fields); !e.ok()) return e;
  Element params;
  if (Error e = fields.Read(ber::kOctetString, &params); !e.ok()) return e;
  ctx.CheckMinimal(params);
  m.security_parameters = {params.content, params.location, true};
  if (m.header.security_model.value == kSecurityModelUsm) {
    if (Error e = DecodeUsm(ctx, fields, params); !e.ok()) return e;
  } else {
    ctx.Note(DiagnosticCode::kUnknownSecurityModel, m.header.security_model.location.offset);
  }
  // msgData: CHOICE { plaintext ScopedPDU, encryptedPDU OCTET STRING }.
  Element data;
  if (fields.AtEnd()) return Error{ErrorCode::kMissingElement, fields.offset()};
  if (Error e = fields.Peek(&data); !e.ok()) return e;
  if (data.tag == ber::kOctetString) {
    if (Error e = fields.Next(&data); !e.ok()) return e;
    ctx.CheckMinimal(data);
    m.encrypted = true;
    m.encrypted_pdu = {data.content, data.location, true};
    return ber::kOk;
  }
  if (data.tag != ber::kSequence) {
    return Error{ErrorCode::kUnexpectedTag, data.location.offset};
  }
  return DecodeScoped(ctx, fields);
}

}  // namespace

Error DecodeMessage(Bytes input, Message* out) {
  out->Clear();
  DecodeContext ctx(out);
  Reader reader(input);
  Element sequence;
  if (Error e = reader.Read(ber::kSequence, &sequence); !e.ok()) {
    // An empty input has no element at all: say so at offset 0.
    return e.code == ErrorCode::kMissingElement
               ? Error{ErrorCode::kTruncatedHeader, 0}
               : e;
  }
  ctx.CheckMinimal(sequence);
  out->location = sequence.location;
  // RFC 3417 section 8 (RFC 3430 for TCP): one message per datagram; what
  // follows is noted but does not spoil the message.
  if (!reader.AtEnd()) ctx.Note(DiagnosticCode::kTrailingData, reader.offset());

  Reader fields;
  if (Error e = reader.Enter(sequence, &fields); !e.ok()) return e;
  Element version;
  if (Error e = fields.Read(ber::kInteger, &version); !e.ok()) return e;
  ctx.CheckMinimal(version);
  bool padded = false;
  int64_t number = -1;
  if (!ber::DecodeInt64(version, &number, &padded).ok() ||
      (number != 0 && number != 1 && number != 3)) {
    return Error{ErrorCode::kUnsupportedValue, version.location.offset};
  }
  if (padded) ctx.Note(DiagnosticCode::kNonMinimalEncoding, version.location.offset);
  out->version = {number, version.location, true};

  if (number == static_cast<int64_t>(Version::kV3)) {
    if (Error e = DecodeV3(ctx, fields); !e.ok()) return e;
  } else {
    Element community;
    if (Error e = fields.Read(ber::kOctetString, &community); !e.ok()) return e;
    ctx.CheckMinimal(community);
    out->community = {community.content, community.location, true};
    if (Error e = ctx.DecodePdu(fields); !e.ok()) return e;
  }
  if (!fields.AtEnd()) ctx.Note(DiagnosticCode::kTrailingData, fields.offset());
  return ber::kOk;
}

Error DecodeScopedPdu(Bytes plaintext, size_t base_offset, Message* out) {
  out->pdu.varbinds.clear();
  out->has_pdu = false;
  DecodeContext ctx(out);
  Reader reader(plaintext, ber::Mode::kLenientBer, base_offset);
  if (Error e = DecodeScoped(ctx, reader); !e.ok()) return e;
  // Block ciphers pad the plaintext (RFC 3414 8.1.1.2): bytes after the
  // ScopedPDU are expected there, so they are not noted.
  return ber::kOk;
}

}  // namespace snmpdissect::snmp
