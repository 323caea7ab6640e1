// The structure-aware mutator of the `structured` fuzz target
// (structured_fuzzer.cc calls it from LLVMFuzzerCustomMutator), apart so
// its test (structured_mutator_test.cc) can run it without libFuzzer.
//
// Its input is one SNMP message. Byte mutations are libFuzzer's; here the
// mutator decodes the input into the snmp::Message model and
// mutates the model (version, PDU type, request-id/error fields, varbind
// count, names, value types and contents, SNMPv3 header fields, USM
// parameters, context), then re-encodes it. Byte flips mostly break the
// BER framing; model mutants stay well-formed, so they reach the value
// decoders, the tree builder and the printers' rarely seen cases.
//
// Two further steps reach what byte flips cannot:
// - SNMPv3 re-sealing. An encrypted message whose user the fixed user set
//   knows (fuzz_support.h) is decrypted first (usm::Processor), its
//   plaintext PDU is mutated like a plaintext one, and the result is
//   encrypted and signed again with that user's keys (or those of another
//   user: any auth x priv pair). The dissector then verifies the MAC,
//   decrypts, and decodes the mutated ScopedPDU. Sometimes the plaintext is
//   byte-mutated before encryption, so the decrypted-PDU decoder sees
//   malformed BER that only an authentic message can carry.
// - TLV-level rewriting. The encoded message is parsed as a TLV tree and
//   written back with some elements' lengths in long or zero-padded form,
//   tags in the high-tag-number form or swapped for another SNMP tag: BER
//   that is not DER but still well framed (parents' lengths are recomputed).
//
// When the input does not decode at all, or a mutant would exceed max_size,
// the mutator falls back to the byte mutator it is given (libFuzzer's
// LLVMFuzzerMutate in the target).
//
// Extremes on purpose (extremes.h): one model mutation in nine sets one
// dimension of the model (OID arc count, arc width, OID length, nesting
// depth, the message at max_size, integer widths, every SNMPv3 header and
// USM field's size or range) to a value at, just inside or just outside its
// rule. Byte mutations almost never build those.
//
//   size_t n = fuzz::MutateStructured(data, size, max_size, seed, LLVMFuzzerMutate);

#ifndef SNMPDISSECT_FUZZ_STRUCTURED_MUTATOR_H_
#define SNMPDISSECT_FUZZ_STRUCTURED_MUTATOR_H_

#include <cstddef>
#include <cstdint>

namespace snmpdissect::fuzz {

// A byte-level mutator with LLVMFuzzerMutate's contract: mutates data[0,
// size) in place within max_size, returns the new size.
using ByteMutator = size_t (*)(uint8_t* data, size_t size, size_t max_size);

// Mutates the message in data[0, size) within max_size and returns the new
// size. Deterministic for a given input and seed (the key caches change
// speed, never output). Falls back to `fallback` for inputs that do not
// decode, mutants that do not fit, and one mutant in eight.
size_t MutateStructured(uint8_t* data, size_t size, size_t max_size, unsigned seed,
                        ByteMutator fallback);

}  // namespace snmpdissect::fuzz

#endif  // SNMPDISSECT_FUZZ_STRUCTURED_MUTATOR_H_
