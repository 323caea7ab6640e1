#include "codec/usm/privacy.h"

#include <array>

namespace snmpdissect::usm {
namespace {

constexpr size_t kMaxIvLength = 16;

// The IV for one message, per the file comment; false when the key is not
// as long as the cipher needs.
bool MakeIv(PrivProtocol protocol, const Key& key, uint32_t boots, uint32_t time,
            ConstBytes salt, std::array<uint8_t, kMaxIvLength>* iv, size_t* iv_length) {
  const PrivInfo& info = GetPrivInfo(protocol);
  if (key.length != info.key_length + info.pre_iv_length) return false;
  if (info.pre_iv_length != 0) {
    // RFC 3414 8.1.1.1: IV = pre-IV XOR salt.
    for (size_t i = 0; i < kSaltLength; ++i) {
      (*iv)[i] = key.bytes[info.key_length + i] ^ salt[i];
    }
    *iv_length = kSaltLength;
    return true;
  }
  // RFC 3826 3.1.2.1: boots and time as 32-bit big-endian integers.
  for (size_t i = 0; i < 4; ++i) {
    (*iv)[i] = static_cast<uint8_t>(boots >> (24 - 8 * i));
    (*iv)[4 + i] = static_cast<uint8_t>(time >> (24 - 8 * i));
  }
  for (size_t i = 0; i < kSaltLength; ++i) (*iv)[8 + i] = salt[i];
  *iv_length = 16;
  return true;
}

PrivCheck Run(Crypto& crypto, PrivProtocol protocol, bool encrypt, const Key& key,
              uint32_t boots, uint32_t time, ConstBytes salt, ConstBytes in,
              std::vector<uint8_t>* out) {
  if (protocol == PrivProtocol::kNone) return PrivCheck::kFailed;
  if (!crypto.Available(protocol)) return PrivCheck::kUnavailable;
  if (salt.size() != kSaltLength) return PrivCheck::kWrongSaltLength;
  const PrivInfo& info = GetPrivInfo(protocol);
  if (in.empty() || in.size() % info.block_length != 0) {
    return PrivCheck::kBadCiphertextLength;
  }
  std::array<uint8_t, kMaxIvLength> iv{};
  size_t iv_length = 0;
  if (!MakeIv(protocol, key, boots, time, salt, &iv, &iv_length)) return PrivCheck::kFailed;
  out->resize(in.size());
  if (!crypto.Cipher(protocol, encrypt, key.first(info.key_length),
                     ConstBytes(iv.data(), iv_length), in, out->data())) {
    return PrivCheck::kFailed;
  }
  return PrivCheck::kDone;
}

}  // namespace

PrivCheck Decrypt(Crypto& crypto, PrivProtocol protocol, const Key& key,
                  uint32_t engine_boots, uint32_t engine_time, ConstBytes salt,
                  ConstBytes ciphertext, std::vector<uint8_t>* plaintext) {
  return Run(crypto, protocol, /*encrypt=*/false, key, engine_boots, engine_time, salt,
             ciphertext, plaintext);
}

PrivCheck Encrypt(Crypto& crypto, PrivProtocol protocol, const Key& key,
                  uint32_t engine_boots, uint32_t engine_time, ConstBytes salt,
                  ConstBytes plaintext, std::vector<uint8_t>* ciphertext) {
  const size_t block = GetPrivInfo(protocol).block_length;
  std::vector<uint8_t> padded(plaintext.begin(), plaintext.end());
  padded.resize((padded.size() + block - 1) / block * block, 0);
  return Run(crypto, protocol, /*encrypt=*/true, key, engine_boots, engine_time, salt,
             padded, ciphertext);
}

}  // namespace snmpdissect::usm
