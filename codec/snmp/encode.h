// Encoding the SNMP model as canonical DER (X.690 section 10).
//
//   std::string wire;  // reuse it: it keeps its capacity
//   snmp::EncodeMessage(message, &wire);
//
// Guarantees, checked by tests and the round-trip fuzzer: decode -> encode ->
// decode gives an equivalent model (EquivalentMessages), and a message that
// was canonical DER to begin with re-encodes to the same bytes. Values the
// decoder could not interpret (Value::decoded false, invalid OIDs, unknown
// tags) are written back as their raw content.

#ifndef SNMPDISSECT_CODEC_SNMP_ENCODE_H_
#define SNMPDISSECT_CODEC_SNMP_ENCODE_H_

#include <string>

#include "codec/ber/writer.h"
#include "codec/snmp/model.h"

namespace snmpdissect::snmp {

// Appends the message to `out`. Writes the parts the model says are there:
// the PDU when has_pdu, USM parameters when has_usm (else the raw
// security_parameters), the encrypted PDU when encrypted.
void EncodeMessage(const Message& message, std::string* out);

// Appends a ScopedPDU (RFC 3412 section 6): what USM encrypts.
void EncodeScopedPdu(const Message& message, std::string* out);

// Appends one varbind value.
void EncodeValue(const Value& value, ber::Writer& writer);

// True when EncodeMessage(m) must reproduce the `input_size` decoded bytes
// exactly: the input was DER and held nothing the model drops (trailing
// bytes, header integers that did not decode).
bool ReencodesExactly(const Message& m, size_t input_size);

// True when both models hold the same message, ignoring locations and
// diagnostics (which depend on the input's encoding, not its meaning).
bool EquivalentMessages(const Message& a, const Message& b);

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_ENCODE_H_
