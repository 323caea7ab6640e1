// USM keys (RFC 3414 section 2.6 and appendix A.2): a password becomes a
// key Ku by hashing 1 MiB of the repeated password; Ku is localised to an
// authoritative engine as Kul = H(Ku || snmpEngineID || Ku). Privacy keys
// are made the same way from the privacy password (RFC 3414 section 8.1.1.1,
// RFC 3826 section 3.1.2.1) and, for ciphers that need more key than the
// hash gives, extended (protocols.h KeyExtension).
//
//   usm::Crypto crypto;
//   usm::Key ku, kul;
//   usm::PasswordToKey(crypto, AuthProtocol::kMd5, "maplesyrup", &ku);
//   usm::LocalizeKey(crypto, AuthProtocol::kMd5, ku, engine_id, &kul);
//
// Keys are secrets: they live in these fixed arrays (no heap copies) and
// are never printed.

#ifndef SNMPDISSECT_CODEC_USM_KEYS_H_
#define SNMPDISSECT_CODEC_USM_KEYS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "codec/usm/crypto.h"
#include "codec/usm/protocols.h"

namespace snmpdissect::usm {

// A key of up to two digests: room for a localised key and one extension
// step before it is cut to the cipher's length.
struct Key {
  std::array<uint8_t, 2 * kMaxDigestLength> bytes{};
  size_t length = 0;

  ConstBytes span() const { return ConstBytes(bytes.data(), length); }
  ConstBytes first(size_t n) const { return ConstBytes(bytes.data(), n); }
};

// RFC 3414 A.2.1 (MD5) / A.2.2 (SHA-1), and the same with SHA-2 (RFC 7860
// section 9.3): Ku = H(the first 1,048,576 octets of password repeated).
// False for an empty password (it cannot be repeated) or kNone.
[[nodiscard]] bool PasswordToKey(Crypto& crypto, AuthProtocol protocol,
                                 ConstBytes password, Key* ku);
[[nodiscard]] inline bool PasswordToKey(Crypto& crypto, AuthProtocol protocol,
                                        std::string_view password, Key* ku) {
  return PasswordToKey(
      crypto, protocol,
      ConstBytes(reinterpret_cast<const uint8_t*>(password.data()), password.size()), ku);
}

// RFC 3414 section 2.6: Kul = H(Ku || engine_id || Ku).
[[nodiscard]] bool LocalizeKey(Crypto& crypto, AuthProtocol protocol, const Key& ku,
                               ConstBytes engine_id, Key* kul);

// The privacy key `priv` needs, out of the localised privacy key `kul`:
// kul itself when long enough (cut to key_length + pre_iv_length), else
// extended with `extension` (kBlumenthal or kReeder; kEither and kNone are
// not accepted when an extension is needed):
//  - draft-blumenthal-aes-usm-04 section 3.1.2.1: Kul || H(Kul);
//  - draft-reeder-snmpv3-usm-3desede section 2.1:
//    Kul || LocalizeKey(PasswordToKey(Kul)), the localised key used as a
//    password. This costs another 1 MiB hash: cache the result.
// One step always suffices (the shortest hash, MD5, gives 16 of at most
// 32 octets).
[[nodiscard]] bool PrivacyKey(Crypto& crypto, AuthProtocol protocol, PrivProtocol priv,
                              KeyExtension extension, const Key& kul, ConstBytes engine_id,
                              Key* out);

// Whether the two extensions give different keys for this pair: only when
// the hash is shorter than what the cipher takes (MD5/SHA-1 with AES-192/256,
// SHA-224 with AES-256, and 3DES with MD5, SHA-1 or SHA-224).
bool NeedsExtension(AuthProtocol protocol, PrivProtocol priv);

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_KEYS_H_
