#include "codec/usm/keys.h"

#include <algorithm>
#include <cstring>

namespace snmpdissect::usm {
namespace {

// RFC 3414 A.2: the password is repeated to fill 1 MiB, fed 64 octets at a
// time.
constexpr size_t kExpansionLength = 1u << 20;
constexpr size_t kChunk = 64;

size_t NeededLength(PrivProtocol priv) {
  const PrivInfo& info = GetPrivInfo(priv);
  return info.key_length + info.pre_iv_length;
}

}  // namespace

bool PasswordToKey(Crypto& crypto, AuthProtocol protocol, ConstBytes password, Key* ku) {
  if (password.empty() || protocol == AuthProtocol::kNone) return false;
  if (!crypto.DigestInit(protocol)) return false;
  uint8_t chunk[kChunk];
  size_t index = 0;  // position in the password, carried across chunks
  for (size_t done = 0; done < kExpansionLength; done += kChunk) {
    for (uint8_t& octet : chunk) {
      octet = password[index];
      if (++index == password.size()) index = 0;
    }
    if (!crypto.DigestUpdate(chunk)) return false;
  }
  ku->length = GetAuthInfo(protocol).digest_length;
  return crypto.DigestFinal(ku->bytes.data());
}

bool LocalizeKey(Crypto& crypto, AuthProtocol protocol, const Key& ku, ConstBytes engine_id,
                 Key* kul) {
  if (protocol == AuthProtocol::kNone) return false;
  const size_t length = GetAuthInfo(protocol).digest_length;
  if (ku.length != length) return false;
  kul->length = length;
  return crypto.DigestInit(protocol) && crypto.DigestUpdate(ku.span()) &&
         crypto.DigestUpdate(engine_id) && crypto.DigestUpdate(ku.span()) &&
         crypto.DigestFinal(kul->bytes.data());
}

bool NeedsExtension(AuthProtocol protocol, PrivProtocol priv) {
  return protocol != AuthProtocol::kNone &&
         GetAuthInfo(protocol).digest_length < NeededLength(priv);
}

bool PrivacyKey(Crypto& crypto, AuthProtocol protocol, PrivProtocol priv,
                KeyExtension extension, const Key& kul, ConstBytes engine_id, Key* out) {
  const size_t needed = NeededLength(priv);
  const size_t digest_length = GetAuthInfo(protocol).digest_length;
  if (priv == PrivProtocol::kNone || kul.length != digest_length || digest_length == 0) {
    return false;
  }
  *out = kul;
  if (digest_length < needed) {
    uint8_t* tail = out->bytes.data() + digest_length;
    switch (extension) {
      case KeyExtension::kBlumenthal:
        if (!crypto.DigestInit(protocol) || !crypto.DigestUpdate(kul.span()) ||
            !crypto.DigestFinal(tail)) {
          return false;
        }
        break;
      case KeyExtension::kReeder: {
        Key ku2;
        Key kul2;
        if (!PasswordToKey(crypto, protocol, kul.span(), &ku2) ||
            !LocalizeKey(crypto, protocol, ku2, engine_id, &kul2)) {
          return false;
        }
        std::memcpy(tail, kul2.bytes.data(), digest_length);
        break;
      }
      case KeyExtension::kNone:
      case KeyExtension::kEither:
        return false;
    }
    out->length = 2 * digest_length;
  }
  // Cut to what the cipher takes; the rest of the array is cleared so no
  // stray key material lingers past `length`.
  std::fill(out->bytes.begin() + static_cast<ptrdiff_t>(needed), out->bytes.end(), 0);
  out->length = needed;
  return true;
}

}  // namespace snmpdissect::usm
