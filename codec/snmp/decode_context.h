// Internal to the decoder: the state shared by the message, PDU and value
// decoders (the message being filled and its diagnostics list).

#ifndef SNMPDISSECT_CODEC_SNMP_DECODE_CONTEXT_H_
#define SNMPDISSECT_CODEC_SNMP_DECODE_CONTEXT_H_

#include <cstdint>

#include "codec/ber/reader.h"
#include "codec/snmp/model.h"
#include "codec/snmp/ranges.h"

namespace snmpdissect::snmp::internal {

class DecodeContext {
 public:
  explicit DecodeContext(Message* message) : message_(message) {}

  Message& message() { return *message_; }

  // Records a diagnostic, up to kMaxDiagnostics per message.
  void Note(DiagnosticCode code, size_t offset);

  // Notes kNonMinimalEncoding when the element's header is not DER.
  void CheckMinimal(const ber::Element& element) {
    if (element.non_minimal()) {
      Note(DiagnosticCode::kNonMinimalEncoding, element.location.offset);
    }
  }

  // Reads an INTEGER-like element with `tag` into `field`. Content that does
  // not decode is a kIntegerInvalid diagnostic (value left 0); a value
  // outside `range` is noted as `range_code`, except a negative encoding
  // of a non-negative range whose unsigned reading is in range: that is
  // the value, noted kMissingLeadingZero.
  [[nodiscard]] ber::Error ReadInteger(ber::Reader& reader, ber::Tag tag,
                                       Field<int64_t>* field, IntegerRange range,
                                       DiagnosticCode range_code);

  // Reads an OCTET STRING into `field`; longer than `max_size` is noted as
  // `size_code`.
  [[nodiscard]] ber::Error ReadOctets(ber::Reader& reader, ber::Tag tag,
                                      Field<Bytes>* field, size_t max_size,
                                      DiagnosticCode size_code);

  // Reads an OBJECT IDENTIFIER; an invalid one is noted as kOidInvalid and
  // kept as raw content with arc_count 0.
  [[nodiscard]] ber::Error ReadOid(ber::Reader& reader, Field<OidView>* field);

  // Decodes a varbind value of any tag (RFC 3416 section 3 ObjectSyntax plus
  // exceptions) into `value`, which must be as Value() makes it (a new
  // varbind's): only the fields the tag calls for are set.
  void DecodeValue(const ber::Element& element, Value* value);

  // Decodes the PDU that `reader` is positioned at.
  [[nodiscard]] ber::Error DecodePdu(ber::Reader& reader);

 private:
  [[nodiscard]] ber::Error DecodeVarBinds(ber::Reader& reader, Pdu* pdu);
  void DecodeOpaque(const ber::Element& element, Value* value);

  Message* message_;
};

}  // namespace snmpdissect::snmp::internal

#endif  // SNMPDISSECT_CODEC_SNMP_DECODE_CONTEXT_H_
