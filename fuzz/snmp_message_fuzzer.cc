// libFuzzer target: one SNMP message (v1, v2c or v3, as a UDP payload)
// through everything the tool does to it without USM keys: the full decode
// (SnmpDissector), the dissection tree, the printers writing to a null
// sink, and engine ID parsing. usm_fuzzer adds verification and decryption;
// the encoder, which the tool never runs, is der_roundtrip_fuzzer's (there
// on partial models too).
//
// Speed matters here (goal: at least net-snmp's parse target's exec/s,
// tools/fuzz_bench.sh, fuzz/README.md "Beside net-snmp"):
// the dissector, tree and sink are created once and reused, exactly as the
// tool reuses them across packets, so no input pays for set-up. And the
// printers run on a sample of inputs (Printers::PrintSampled: each printer
// on one input in 64, chosen by a hash of the input): a message's printed
// forms are tens of times its size (its JSON alone is several KiB), so
// printing every input would make this a printer benchmark. The usm, frame,
// capture and pipeline targets run every printer on every input, over the
// same message corpus among others.

#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/ber/error.h"
#include "codec/snmp/engine_id.h"
#include "codec/snmp/model.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Never destroyed: no exit-time work.
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kNone);
  // The decode error's text, as ber::ToStatus words it, into a reused
  // string: ToStatus itself allocates the status's message, and ASan records
  // a stack for every allocation, so it was the target's only steady-state
  // heap traffic (three allocations per input with an error).
  static auto* error_text = new std::string(256, '\0');
  const auto d = h->DissectMessage({data, size});
  h->printers.PrintSampled(h->tree, absl::Span<const uint8_t>(data, size));
  const snmpdissect::snmp::Message& message = h->snmp.message();
  if (message.has_usm) {
    (void)snmpdissect::snmp::EngineIdFormatName(
        snmpdissect::snmp::ParseEngineId(message.usm.engine_id.value));
  }
  (void)snmpdissect::snmp::EngineIdFormatName(
      snmpdissect::snmp::ParseEngineId(message.context_engine_id.value));
  error_text->clear();
  snmpdissect::ber::AppendErrorText(d.error, error_text);
  if (message.has_pdu) {
    (void)snmpdissect::snmp::PduTypeName(message.pdu.type);
    for (const snmpdissect::snmp::VarBind& vb : message.pdu.varbinds) {
      (void)snmpdissect::snmp::ValueTypeName(vb.value.type);
    }
  }
  return 0;
}
