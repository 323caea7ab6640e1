#include "codec/usm/auth.h"

#include <openssl/crypto.h>

#include <algorithm>

namespace snmpdissect::usm {

AuthCheck VerifyMessage(Crypto& crypto, AuthProtocol protocol, const Key& kul,
                        ConstBytes message, size_t params_offset, ConstBytes params,
                        std::vector<uint8_t>* scratch) {
  if (!crypto.Available(protocol) || protocol == AuthProtocol::kNone) {
    return AuthCheck::kUnavailable;
  }
  const AuthInfo& info = GetAuthInfo(protocol);
  if (params.size() != info.mac_length || params_offset > message.size() ||
      message.size() - params_offset < params.size()) {
    return AuthCheck::kWrongLength;
  }
  // RFC 3414 6.3.2 step 1 (and 7.3.2, RFC 7860 4.2.2): the MAC is computed
  // with msgAuthenticationParameters zeroed.
  scratch->assign(message.begin(), message.end());
  std::fill_n(scratch->begin() + static_cast<ptrdiff_t>(params_offset), params.size(), 0);
  uint8_t mac[kMaxDigestLength];
  if (!crypto.Hmac(protocol, kul.span(), *scratch, mac)) return AuthCheck::kUnavailable;
  return CRYPTO_memcmp(mac, params.data(), params.size()) == 0 ? AuthCheck::kVerified
                                                               : AuthCheck::kWrongDigest;
}

bool SignMessage(Crypto& crypto, AuthProtocol protocol, const Key& kul,
                 std::vector<uint8_t>* message, size_t params_offset) {
  if (protocol == AuthProtocol::kNone) return false;
  const size_t length = GetAuthInfo(protocol).mac_length;
  if (params_offset > message->size() || message->size() - params_offset < length) {
    return false;
  }
  uint8_t mac[kMaxDigestLength];
  if (!crypto.Hmac(protocol, kul.span(), *message, mac)) return false;
  std::copy_n(mac, length, message->begin() + static_cast<ptrdiff_t>(params_offset));
  return true;
}

}  // namespace snmpdissect::usm
