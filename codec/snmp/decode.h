// Decoding SNMP messages from BER (RFC 3417 transport mapping: one message,
// one BER SEQUENCE).
//
//   snmp::Message message;  // reuse it: its vectors keep their capacity
//   ber::Error e = snmp::DecodeMessage(packet, &message);
//   // Whatever decoded before a structural error is in `message`; problems
//   // that leave the structure intact are in message.diagnostics.
//
// Structural errors (bad TLV framing, a missing or wrongly tagged element,
// an unsupported version) stop the decode and are returned with their byte
// offset. Everything else is a diagnostic. Decoding allocates nothing once
// the Message's vectors have grown to the largest message seen.

#ifndef SNMPDISSECT_CODEC_SNMP_DECODE_H_
#define SNMPDISSECT_CODEC_SNMP_DECODE_H_

#include "codec/ber/error.h"
#include "codec/snmp/model.h"

namespace snmpdissect::snmp {

// Decodes a whole message. `input` must outlive `out` (the model borrows it).
[[nodiscard]] ber::Error DecodeMessage(Bytes input, Message* out);

// Decodes a ScopedPDU (RFC 3412 section 6) into out->context_engine_id,
// context_name and pdu, e.g. after USM decryption. `base_offset` is added to
// every location. Diagnostics are appended to out->diagnostics.
[[nodiscard]] ber::Error DecodeScopedPdu(Bytes plaintext, size_t base_offset,
                                         Message* out);

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_DECODE_H_
