// Decoding AgentX PDUs (RFC 2741): the header (section 6.1), every PDU type
// of section 6.2 and the section 5 encodings, into the model of model.h.
//
//   agentx::Pdu pdu;  // reused: no allocation per PDU in steady state
//   const agentx::Frame frame = agentx::FramePdu(stream);       // framing.h
//   if (frame.status == agentx::FrameStatus::kComplete) {
//     agentx::Error e = agentx::DecodePdu(stream.subspan(0, frame.length),
//                                         stream_offset, &pdu);
//     if (!e.ok()) ...  // agentx::ToStatus(e): "offset 44: ..."
//     for (const agentx::Diagnostic& d : pdu.diagnostics) ...
//   }
//
// Cost: one pass over the PDU, each octet read once through the reader's
// single bounds check; OIDs and octet strings are views (nothing copied);
// the ranges, varbinds and diagnostics vectors grow to the largest PDU seen
// and are then reused.
//
// Hostile input is the normal case:
// - fewer than 20 octets: kTruncatedHeader, nothing else decoded;
// - h.version not 1: kUnsupportedVersion after the header is decoded (the
//   rest of the layout is unknown); h.type outside 1..18: kUnknownPduType;
// - h.payload_length above kMaxPayloadLength: kPayloadTooLong; past the
//   input: kPayloadTruncated. Everything after the header is read through a
//   child reader of exactly payload_length octets, so a length that lies
//   short makes the PDU's own fields run out (kTruncated at the field) and
//   can never let a field reach the next PDU; octets left over after a
//   fixed layout are a kTrailingData diagnostic, and input after the PDU is
//   not looked at (pdu.location.length says where the PDU ends);
// - n_subid above 128: kOidTooManySubids; an octet string length past the
//   payload (any 32-bit value, padding included, computed without
//   overflow): kOctetStringTooLong; a v.type RFC 2741 5.4 does not define:
//   kUnknownValueType (its data length is unknown, so is everything after);
// - reserved octets and flag bits, include values, IpAddress sizes,
//   padding, alignment, range_subid: diagnostics (diagnostic.h), capped at
//   kMaxDiagnostics per PDU.
// A decode that fails part way keeps what it decoded (fields before the
// error have `present` set) so the tree can show it.

#ifndef SNMPDISSECT_CODEC_AGENTX_DECODE_H_
#define SNMPDISSECT_CODEC_AGENTX_DECODE_H_

#include <cstddef>

#include "codec/agentx/error.h"
#include "codec/agentx/model.h"
#include "codec/agentx/reader.h"

namespace snmpdissect::agentx {

// The header alone: `input` starts with a PDU; `base_offset` is the absolute
// offset of input[0]. Only kTruncatedHeader fails here; version, type and
// payload_length are for DecodePdu to judge.
[[nodiscard]] Error DecodeHeader(Bytes input, size_t base_offset, Header* out);

// The PDU at the start of `input` (what follows it is ignored). Clears *out
// first (keeping its vectors' capacity).
[[nodiscard]] Error DecodePdu(Bytes input, size_t base_offset, Pdu* out);

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_DECODE_H_
