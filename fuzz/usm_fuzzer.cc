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

#include "dissector/proto/snmp.h"
#include "dissector/tree/tree.h"
#include "fuzz/fuzz_support.h"

namespace {

struct Harness {
  Harness() { dissector.set_usm(&snmpdissect::fuzz::SharedProcessor()); }

  snmpdissect::proto::SnmpDissector dissector;
  snmpdissect::tree::Tree tree;
  snmpdissect::fuzz::Printers printers;
};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)snmpdissect::fuzz::SharedProcessor();  // derive keys before the clock starts
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Harness* h = new Harness();
  h->tree.Clear();
  (void)h->dissector.Dissect({data, size}, {}, &h->tree, snmpdissect::tree::Tree::kRoot);
  h->printers.Print(h->tree, absl::Span<const uint8_t>(data, size));
  return 0;
}
