// libFuzzer target: USM on one SNMPv3 message. A fixed set of users covers
// every authentication and privacy protocol (both AES key extensions, the
// extension left open, 3DES, DES, every SHA-2) with the corpus's names and
// passwords (corpus/pcap/README.md), so seeds from the real captures reach
// verification, decryption and the decrypted ScopedPDU's decoder. Keys are
// derived once, at start-up, for the corpus engines (fuzz_support.h); the
// message's tree is built and printed, as the tool does.
//
// Byte flips break MACs and ciphertexts, so most mutants stop at "wrong
// digest"; structured_fuzzer re-signs and re-encrypts its mutants to go
// further.

#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)snmpdissect::fuzz::SharedProcessor();  // derive keys before the clock starts
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kShared);
  (void)h->DissectMessage({data, size});
  h->printers.Print(h->tree, absl::Span<const uint8_t>(data, size));
  return 0;
}
