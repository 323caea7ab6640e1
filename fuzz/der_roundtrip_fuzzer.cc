// libFuzzer target: the encoder's promises (codec/snmp/encode.h). Any message
// that decodes must re-encode to an equivalent model; one that decoded with no
// non-minimal encoding must re-encode to exactly the input; the ScopedPDU of
// a plaintext SNMPv3 message, encoded alone (what USM encrypts), must decode
// (DecodeScopedPdu, as after decryption) to the same PDU. Aborts otherwise.
// Inputs that do not decode still have their partial model encoded: the
// encoder must cope with whatever the decoder left, and this is the target
// that owns the encoder (snmp_message does only what the tool does).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "codec/snmp/decode.h"
#include "codec/snmp/encode.h"


extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static snmpdissect::snmp::Message first, second;
  static std::string wire;
  const bool decoded = snmpdissect::snmp::DecodeMessage({data, size}, &first).ok();
  wire.clear();
  snmpdissect::snmp::EncodeMessage(first, &wire);
  // A partial model (what decoded before the error) must encode too, though
  // it promises nothing about the bytes.
  if (!decoded) return 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(wire.data());
  if (!snmpdissect::snmp::DecodeMessage({bytes, wire.size()}, &second).ok()) std::abort();
  if (!snmpdissect::snmp::EquivalentMessages(first, second)) std::abort();
  if (snmpdissect::snmp::ReencodesExactly(first, size) &&
      (wire.size() != size || std::memcmp(wire.data(), data, size) != 0)) {
    std::abort();
  }
  if (first.is_v3() && !first.encrypted && first.has_pdu) {
    static snmpdissect::snmp::Message scoped_model;
    static std::string scoped;
    scoped.clear();
    snmpdissect::snmp::EncodeScopedPdu(first, &scoped);
    scoped_model.Clear();
    const auto* s = reinterpret_cast<const uint8_t*>(scoped.data());
    if (!snmpdissect::snmp::DecodeScopedPdu({s, scoped.size()}, 0, &scoped_model).ok() ||
        !scoped_model.has_pdu || scoped_model.pdu.type != first.pdu.type ||
        scoped_model.pdu.varbinds.size() != first.pdu.varbinds.size()) {
      std::abort();
    }
  }
  return 0;
}
