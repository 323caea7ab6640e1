#include "codec/usm/keys.h"

#include <algorithm>
#include <cstring>

namespace snmpdissect::usm {
namespace {

// RFC 3414 A.2: the password is repeated to fill 1 MiB.
constexpr size_t kExpansionLength = 1u << 20;
// PasswordToKey's slice: the password repeated as many whole times as fit.
constexpr size_t kSliceCapacity = 4096;

size_t NeededLength(PrivProtocol priv) {
  const PrivInfo& info = GetPrivInfo(priv);
  return info.key_length + info.pre_iv_length;
}

}  // namespace

bool PasswordToKey(Crypto& crypto, AuthProtocol protocol, ConstBytes password, Key* ku) {
  if (password.empty() || protocol == AuthProtocol::kNone) return false;
  if (!crypto.DigestInit(protocol)) return false;
  // The digest sees one stream however it is cut, so RFC 3414 A.2's 64-octet
  // chunks are not needed: the stream is fed in slices that each hold the
  // password a whole number of times, so every slice starts where the
  // password does and the last one is just cut short. This copies the
  // password a few times per call instead of moving 1 MiB one octet at a
  // time (a loop whose speed varied by 40% with where the linker put it),
  // and calls the digest 256 times instead of 16,384. The Reeder key
  // extension runs it once per engine seen, so it is on the capture path.
  uint8_t slice_buffer[kSliceCapacity];
  ConstBytes slice = password;
  if (password.size() < kSliceCapacity) {
    const size_t copies = kSliceCapacity / password.size();
    for (size_t i = 0; i < copies; ++i) {
      std::memcpy(slice_buffer + i * password.size(), password.data(), password.size());
    }
    slice = ConstBytes(slice_buffer, copies * password.size());
  }
  for (size_t left = kExpansionLength; left > 0;) {
    const size_t n = std::min(left, slice.size());
    if (!crypto.DigestUpdate(slice.first(n))) return false;
    left -= n;
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
