#include "codec/usm/crypto.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/provider.h>

#include <climits>

#include "absl/strings/str_cat.h"

namespace snmpdissect::usm {
namespace {

size_t Index(AuthProtocol p) { return static_cast<size_t>(p); }
size_t Index(PrivProtocol p) { return static_cast<size_t>(p); }

}  // namespace

Crypto::Crypto() {
  // A private library context: loading the legacy provider here does not
  // change what the rest of the process (or another library) sees. Loading
  // any provider explicitly switches off the implicit default one, so it is
  // loaded too.
  library_ = OSSL_LIB_CTX_new();
  if (library_ != nullptr) {
    default_provider_ = OSSL_PROVIDER_load(library_, "default");
    legacy_provider_ = OSSL_PROVIDER_load(library_, "legacy");
  }
  for (size_t i = 1; i < kAuthCount; ++i) {
    digests_[i] = EVP_MD_fetch(library_, GetAuthInfo(static_cast<AuthProtocol>(i)).digest_name,
                               nullptr);
  }
  hmac_ = EVP_MAC_fetch(library_, OSSL_MAC_NAME_HMAC, nullptr);
  for (size_t i = 1; i < kAuthCount; ++i) {
    if (hmac_ == nullptr || digests_[i] == nullptr) continue;
    // One HMAC context per hash with the digest set once; EVP_MAC_init with
    // a new key and no parameters then reuses it for every message.
    EVP_MAC_CTX* context = EVP_MAC_CTX_new(hmac_);
    char* digest = const_cast<char*>(GetAuthInfo(static_cast<AuthProtocol>(i)).digest_name);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_end()};
    if (context != nullptr && EVP_MAC_CTX_set_params(context, params) == 1) {
      hmacs_[i] = context;
    } else {
      EVP_MAC_CTX_free(context);
    }
  }
  std::string missing;
  for (size_t i = 1; i < kPrivCount; ++i) {
    const PrivInfo& info = GetPrivInfo(static_cast<PrivProtocol>(i));
    ciphers_[i] = EVP_CIPHER_fetch(library_, info.cipher_name, nullptr);
    if (ciphers_[i] != nullptr) {
      EVP_CIPHER_CTX* context = EVP_CIPHER_CTX_new();
      if (context != nullptr &&
          EVP_CipherInit_ex2(context, ciphers_[i], nullptr, nullptr, 0, nullptr) == 1 &&
          EVP_CIPHER_CTX_set_padding(context, 0) == 1) {
        cipher_contexts_[i] = context;
      } else {
        EVP_CIPHER_CTX_free(context);
        EVP_CIPHER_free(ciphers_[i]);
        ciphers_[i] = nullptr;
      }
    }
    if (ciphers_[i] == nullptr && missing.find(info.cipher_name) == std::string::npos) {
      absl::StrAppend(&missing, missing.empty() ? "" : ", ", info.cipher_name);
    }
  }
  for (size_t i = 1; i < kAuthCount; ++i) {
    if (hmacs_[i] == nullptr) {
      absl::StrAppend(&missing, missing.empty() ? "" : ", ", "HMAC-",
                      GetAuthInfo(static_cast<AuthProtocol>(i)).digest_name);
    }
  }
  if (!missing.empty()) {
    unavailable_note_ = absl::StrCat(
        "note: OpenSSL lacks ", missing,
        legacy_provider_ == nullptr ? " (its legacy provider, which has DES, is not installed)"
                                    : "",
        "; messages that need them are not verified or decrypted");
  }
  digest_context_ = EVP_MD_CTX_new();
  // A failed provider load leaves entries on OpenSSL's error queue; they
  // are reported through unavailable_note_ instead.
  ERR_clear_error();
}

Crypto::~Crypto() {
  EVP_MD_CTX_free(digest_context_);
  for (EVP_CIPHER_CTX* context : cipher_contexts_) EVP_CIPHER_CTX_free(context);
  for (EVP_CIPHER* cipher : ciphers_) EVP_CIPHER_free(cipher);
  for (EVP_MAC_CTX* context : hmacs_) EVP_MAC_CTX_free(context);
  EVP_MAC_free(hmac_);
  for (EVP_MD* digest : digests_) EVP_MD_free(digest);
  if (legacy_provider_ != nullptr) OSSL_PROVIDER_unload(legacy_provider_);
  if (default_provider_ != nullptr) OSSL_PROVIDER_unload(default_provider_);
  OSSL_LIB_CTX_free(library_);
}

bool Crypto::Available(AuthProtocol protocol) const {
  return protocol == AuthProtocol::kNone ||
         (digests_[Index(protocol)] != nullptr && hmacs_[Index(protocol)] != nullptr);
}

bool Crypto::Available(PrivProtocol protocol) const {
  return protocol == PrivProtocol::kNone || ciphers_[Index(protocol)] != nullptr;
}

bool Crypto::DigestInit(AuthProtocol protocol) {
  const EVP_MD* digest = digests_[Index(protocol)];
  digest_protocol_ = protocol;
  return digest != nullptr && digest_context_ != nullptr &&
         EVP_DigestInit_ex2(digest_context_, digest, nullptr) == 1;
}

bool Crypto::DigestUpdate(ConstBytes data) {
  return EVP_DigestUpdate(digest_context_, data.data(), data.size()) == 1;
}

bool Crypto::DigestFinal(uint8_t* out) {
  unsigned int length = 0;
  return EVP_DigestFinal_ex(digest_context_, out, &length) == 1 &&
         length == GetAuthInfo(digest_protocol_).digest_length;
}

bool Crypto::Hmac(AuthProtocol protocol, ConstBytes key, ConstBytes data, uint8_t* out) {
  EVP_MAC_CTX* context = hmacs_[Index(protocol)];
  if (context == nullptr) return false;
  size_t length = 0;
  return EVP_MAC_init(context, key.data(), key.size(), nullptr) == 1 &&
         EVP_MAC_update(context, data.data(), data.size()) == 1 &&
         EVP_MAC_final(context, out, &length, kMaxDigestLength) == 1 &&
         length == GetAuthInfo(protocol).digest_length;
}

bool Crypto::Cipher(PrivProtocol protocol, bool encrypt, ConstBytes key, ConstBytes iv,
                    ConstBytes in, uint8_t* out) {
  const EVP_CIPHER* cipher = ciphers_[Index(protocol)];
  EVP_CIPHER_CTX* context = cipher_contexts_[Index(protocol)];
  if (cipher == nullptr || context == nullptr || in.size() > INT_MAX) return false;
  if (static_cast<size_t>(EVP_CIPHER_get_key_length(cipher)) != key.size() ||
      static_cast<size_t>(EVP_CIPHER_get_iv_length(cipher)) != iv.size()) {
    return false;
  }
  int written = 0;
  int final_written = 0;
  const bool ok =
      EVP_CipherInit_ex2(context, nullptr, key.data(), iv.data(), encrypt ? 1 : 0, nullptr) ==
          1 &&
      EVP_CipherUpdate(context, out, &written, in.data(), static_cast<int>(in.size())) == 1 &&
      EVP_CipherFinal_ex(context, out + written, &final_written) == 1 &&
      static_cast<size_t>(written) + static_cast<size_t>(final_written) == in.size();
  if (!ok) ERR_clear_error();
  return ok;
}

}  // namespace snmpdissect::usm
