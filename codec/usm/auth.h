// USM message authentication: HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414
// sections 6 and 7), HMAC-SHA-2 with 16/24/32/48-octet parameters (RFC
// 7860 section 4). The MAC covers the whole message as sent with
// msgAuthenticationParameters set to zeros; it is checked in a copy, so the
// captured bytes are never modified.
//
//   std::vector<uint8_t> scratch;  // reused: no allocation once grown
//   usm::AuthCheck c = usm::VerifyMessage(crypto, AuthProtocol::kSha1, kul,
//                                         message, params_offset, params, &scratch);

#ifndef SNMPDISSECT_CODEC_USM_AUTH_H_
#define SNMPDISSECT_CODEC_USM_AUTH_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "codec/usm/crypto.h"
#include "codec/usm/keys.h"
#include "codec/usm/protocols.h"

namespace snmpdissect::usm {

enum class AuthCheck : uint8_t {
  kVerified,
  kWrongDigest,   // RFC 3414 section 3.2 step 6: usmStatsWrongDigests
  kWrongLength,   // parameters not mac_length octets for this protocol
  kUnavailable,   // OpenSSL lacks the hash
};

// Checks `params` (found at `params_offset` in `message`, params.size()
// octets long) against the HMAC of `message` with those octets zeroed.
// `kul` is the localised authentication key. The comparison takes the same
// time whatever the octets (CRYPTO_memcmp).
[[nodiscard]] AuthCheck VerifyMessage(Crypto& crypto, AuthProtocol protocol, const Key& kul,
                                      ConstBytes message, size_t params_offset,
                                      ConstBytes params, std::vector<uint8_t>* scratch);

// Writes the MAC into `message` at `params_offset` (mac_length octets that
// the caller laid out as zeros), for building authenticated messages in
// tests and fuzz targets. False when the protocol is unavailable or the
// offset does not fit.
[[nodiscard]] bool SignMessage(Crypto& crypto, AuthProtocol protocol, const Key& kul,
                               std::vector<uint8_t>* message, size_t params_offset);

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_AUTH_H_
