// libFuzzer target with a structure-aware mutator (LLVMFuzzerCustomMutator):
// the input is one SNMP message, run as `usm_fuzzer` runs it (the dissector
// with USM verification and decryption, every printer); mutants come from
// structured_mutator.h, which mutates the decoded model, re-seals SNMPv3
// messages as a real user, rewrites TLVs and builds extremes on purpose.

#include <cstddef>
#include <cstdint>

#include "absl/types/span.h"
#include "fuzz/fuzz_support.h"
#include "fuzz/structured_mutator.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)snmpdissect::fuzz::SharedProcessor();
  return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  return snmpdissect::fuzz::MutateStructured(data, size, max_size, seed, LLVMFuzzerMutate);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kShared);
  (void)h->DissectMessage({data, size});
  h->printers.Print(h->tree, absl::Span<const uint8_t>(data, size));
  return 0;
}
