// The OpenSSL 3 side of USM: one library context with the providers USM
// needs, the digests, HMACs and ciphers fetched from it once, and reusable
// contexts, so per-message work does no name lookups.
//
// DES-CBC (RFC 3414 section 8) lives in OpenSSL 3's legacy provider, which a
// distribution may leave out. Crypto loads it into its own library context
// (not the process default, so the rest of the program is unaffected); when
// it is absent, Available() is false for the ciphers it would have brought
// and UnavailableNote() says so, once, for the caller to print.
//
//   usm::Crypto crypto;                        // per thread; not copyable
//   if (!crypto.Available(PrivProtocol::kDes)) std::cerr << crypto.UnavailableNote();
//   uint8_t mac[usm::kMaxDigestLength];
//   size_t n = 0;
//   crypto.Hmac(AuthProtocol::kSha1, key, message, mac, &n);
//
// Secrets: nothing here logs or keeps keys beyond the call that uses them.

#ifndef SNMPDISSECT_CODEC_USM_CRYPTO_H_
#define SNMPDISSECT_CODEC_USM_CRYPTO_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/types/span.h"
#include "codec/usm/protocols.h"

// OpenSSL's types, declared here so that users of this header need not
// include OpenSSL's.
struct ossl_lib_ctx_st;
struct ossl_provider_st;
struct evp_md_st;
struct evp_md_ctx_st;
struct evp_mac_st;
struct evp_mac_ctx_st;
struct evp_cipher_st;
struct evp_cipher_ctx_st;

namespace snmpdissect::usm {

using ConstBytes = absl::Span<const uint8_t>;

class Crypto {
 public:
  Crypto();
  ~Crypto();
  Crypto(const Crypto&) = delete;
  Crypto& operator=(const Crypto&) = delete;

  // Whether the hash / cipher a protocol needs could be fetched. kNone is
  // always available.
  bool Available(AuthProtocol protocol) const;
  bool Available(PrivProtocol protocol) const;
  // One line naming what is missing and why ("DES: OpenSSL's legacy
  // provider is not installed; DES-encrypted messages are not decrypted"),
  // or empty when everything is there.
  const std::string& UnavailableNote() const { return unavailable_note_; }

  // --- Digests (for RFC 3414 A.2 password to key and key localisation).
  // Start, feed and finish one hash; `out` must hold digest_length octets.
  bool DigestInit(AuthProtocol protocol);
  bool DigestUpdate(ConstBytes data);
  bool DigestFinal(uint8_t* out);

  // HMAC (RFC 2104) of `data` under `key` with the protocol's hash; writes
  // digest_length octets to `out` (kMaxDigestLength room).
  bool Hmac(AuthProtocol protocol, ConstBytes key, ConstBytes data, uint8_t* out);

  // One CBC or CFB pass with no padding (USM pads itself, RFC 3414 8.1.1.2;
  // CFB needs none). `out` must have room for in.size() octets. False on
  // an OpenSSL failure or when the cipher is unavailable.
  bool Cipher(PrivProtocol protocol, bool encrypt, ConstBytes key, ConstBytes iv,
              ConstBytes in, uint8_t* out);

 private:
  static constexpr size_t kAuthCount = 7;
  static constexpr size_t kPrivCount = 10;

  ossl_lib_ctx_st* library_ = nullptr;
  ossl_provider_st* default_provider_ = nullptr;
  ossl_provider_st* legacy_provider_ = nullptr;
  std::array<evp_md_st*, kAuthCount> digests_{};
  std::array<evp_mac_ctx_st*, kAuthCount> hmacs_{};
  std::array<evp_cipher_st*, kPrivCount> ciphers_{};
  // One context per cipher, bound to it once: re-keying a bound context
  // (EVP_CipherInit_ex2 with no cipher) reuses its state, where naming the
  // cipher again would free and allocate it for every message.
  std::array<evp_cipher_ctx_st*, kPrivCount> cipher_contexts_{};
  evp_mac_st* hmac_ = nullptr;
  evp_md_ctx_st* digest_context_ = nullptr;
  AuthProtocol digest_protocol_ = AuthProtocol::kNone;
  std::string unavailable_note_;
};

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_CRYPTO_H_
