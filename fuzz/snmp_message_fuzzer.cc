// libFuzzer target: one SNMP message (v1, v2c or v3) through the full decode,
// engine ID parsing and the encoder. Reuses one Message, as the tool does.

#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/snmp/decode.h"
#include "codec/snmp/encode.h"
#include "codec/snmp/engine_id.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static snmpdissect::snmp::Message message;
  static std::string wire;
  const auto error = snmpdissect::snmp::DecodeMessage({data, size}, &message);
  if (message.has_usm) {
    (void)snmpdissect::snmp::ParseEngineId(message.usm.engine_id.value);
  }
  (void)snmpdissect::snmp::ParseEngineId(message.context_engine_id.value);
  (void)snmpdissect::ber::ToStatus(error);
  wire.clear();
  snmpdissect::snmp::EncodeMessage(message, &wire);  // partial models too
  return 0;
}
