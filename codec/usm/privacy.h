// USM privacy: the encryptedPDU of an SNMPv3 message (RFC 3412 section 6)
// decrypted, or a ScopedPDU encrypted, with
//  - DES-CBC, RFC 3414 section 8.1.1: IV = pre-IV XOR salt, where the key is
//    the first 8 octets of the privacy key and the pre-IV the next 8;
//  - 3DES-EDE-CBC, draft-reeder-snmpv3-usm-3desede section 5.1.1: the same
//    with a 24-octet key;
//  - AES-128/192/256-CFB, RFC 3826 section 3.1.2.1 (and the AES-192/256
//    drafts): IV = msgAuthoritativeEngineBoots (4 octets, big-endian) ||
//    msgAuthoritativeEngineTime (4) || salt (8).
// The salt is msgPrivacyParameters, 8 octets for every cipher.
//
//   std::vector<uint8_t> plaintext;  // reused across messages
//   usm::PrivCheck c = usm::Decrypt(crypto, PrivProtocol::kAes128, priv_key,
//                                   boots, time, salt, ciphertext, &plaintext);
//
// `protocol` must name the key extension when it matters: the caller turns
// kAes192/kAes256 into a variant (PrivInfo::blumenthal_variant, ...) when it
// derives the key; here they behave alike.

#ifndef SNMPDISSECT_CODEC_USM_PRIVACY_H_
#define SNMPDISSECT_CODEC_USM_PRIVACY_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "codec/usm/crypto.h"
#include "codec/usm/keys.h"
#include "codec/usm/protocols.h"

namespace snmpdissect::usm {

inline constexpr size_t kSaltLength = 8;  // msgPrivacyParameters

enum class PrivCheck : uint8_t {
  kDone,
  kWrongSaltLength,      // msgPrivacyParameters not 8 octets
  kBadCiphertextLength,  // empty, or not whole CBC blocks (RFC 3414 8.3.2 step 2)
  kUnavailable,          // OpenSSL lacks the cipher
  kFailed,               // the key is not the cipher's (a caller bug) or OpenSSL failed
};

// Decrypts `ciphertext` into `plaintext` (resized to the same length;
// block-cipher padding stays at the end, for the ScopedPDU decoder to
// ignore). `key` is PrivacyKey()'s result for `protocol`.
[[nodiscard]] PrivCheck Decrypt(Crypto& crypto, PrivProtocol protocol, const Key& key,
                                uint32_t engine_boots, uint32_t engine_time,
                                ConstBytes salt, ConstBytes ciphertext,
                                std::vector<uint8_t>* plaintext);

// Encrypts `plaintext` into `ciphertext`, padding CBC input with zeros to a
// whole block (RFC 3414 8.1.1.2 leaves the pad octets' value open).
[[nodiscard]] PrivCheck Encrypt(Crypto& crypto, PrivProtocol protocol, const Key& key,
                                uint32_t engine_boots, uint32_t engine_time,
                                ConstBytes salt, ConstBytes plaintext,
                                std::vector<uint8_t>* ciphertext);

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_PRIVACY_H_
