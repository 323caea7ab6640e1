// libFuzzer target: the encoder's promises (codec/snmp/encode.h). Any message
// that decodes must re-encode to an equivalent model; one that decoded with no
// non-minimal encoding must re-encode to exactly the input. Aborts otherwise.

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
  if (!snmpdissect::snmp::DecodeMessage({data, size}, &first).ok()) return 0;
  wire.clear();
  snmpdissect::snmp::EncodeMessage(first, &wire);
  const auto* bytes = reinterpret_cast<const uint8_t*>(wire.data());
  if (!snmpdissect::snmp::DecodeMessage({bytes, wire.size()}, &second).ok()) std::abort();
  if (!snmpdissect::snmp::EquivalentMessages(first, second)) std::abort();
  if (snmpdissect::snmp::ReencodesExactly(first, size) &&
      (wire.size() != size || std::memcmp(wire.data(), data, size) != 0)) {
    std::abort();
  }
  return 0;
}
