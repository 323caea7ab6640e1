// Known-answer tests for the primitives USM uses (HMAC: RFC 2202, RFC 4231;
// DES-CBC: FIPS 81; AES-CFB128: NIST SP 800-38A F.3), driven through the
// USM IV constructions, plus the length checks around them.

#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "codec/usm/auth.h"
#include "codec/usm/crypto.h"
#include "codec/usm/privacy.h"
#include "gtest/gtest.h"

namespace snmpdissect::usm {
namespace {

std::string Hex(ConstBytes bytes) {
  return absl::BytesToHexString(
      std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::vector<uint8_t> Bytes(const std::string& hex) {
  const std::string raw = absl::HexStringToBytes(hex);
  return std::vector<uint8_t>(raw.begin(), raw.end());
}

ConstBytes Text(const char* text) {
  return ConstBytes(reinterpret_cast<const uint8_t*>(text), std::char_traits<char>::length(text));
}

Key KeyOf(const std::string& hex) {
  const std::vector<uint8_t> bytes = Bytes(hex);
  Key key;
  std::copy(bytes.begin(), bytes.end(), key.bytes.begin());
  key.length = bytes.size();
  return key;
}

TEST(CryptoTest, HmacKnownAnswers) {
  // RFC 2202 and RFC 4231 test case 2: key "Jefe".
  struct Case {
    AuthProtocol protocol;
    const char* mac;
  };
  const Case cases[] = {
      {AuthProtocol::kMd5, "750c783e6ab0b503eaa86e310a5db738"},
      {AuthProtocol::kSha1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"},
      {AuthProtocol::kSha224, "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44"},
      {AuthProtocol::kSha256,
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {AuthProtocol::kSha384,
       "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b"
       "3239ecfab21649"},
      {AuthProtocol::kSha512,
       "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d"
       "034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"},
  };
  Crypto crypto;
  for (const Case& c : cases) {
    SCOPED_TRACE(GetAuthInfo(c.protocol).name);
    ASSERT_TRUE(crypto.Available(c.protocol));
    uint8_t mac[kMaxDigestLength];
    ASSERT_TRUE(crypto.Hmac(c.protocol, Text("Jefe"), Text("what do ya want for nothing?"),
                            mac));
    EXPECT_EQ(Hex(ConstBytes(mac, GetAuthInfo(c.protocol).digest_length)), c.mac);
  }
}

// A message-shaped buffer with 12 zero octets of parameters at offset 10.
std::vector<uint8_t> Message(size_t mac_length) {
  std::vector<uint8_t> m(40 + mac_length, 0);
  for (size_t i = 0; i < m.size(); ++i) m[i] = static_cast<uint8_t>(i * 7 + 1);
  std::fill_n(m.begin() + 10, mac_length, 0);
  return m;
}

TEST(AuthTest, SignedMessagesVerifyAndAnyChangeIsAWrongDigest) {
  Crypto crypto;
  std::vector<uint8_t> scratch;
  for (AuthProtocol p : {AuthProtocol::kMd5, AuthProtocol::kSha1, AuthProtocol::kSha224,
                         AuthProtocol::kSha256, AuthProtocol::kSha384,
                         AuthProtocol::kSha512}) {
    SCOPED_TRACE(GetAuthInfo(p).name);
    const size_t length = GetAuthInfo(p).mac_length;
    const Key key = KeyOf(std::string(2 * GetAuthInfo(p).digest_length, 'a'));
    std::vector<uint8_t> m = Message(length);
    ASSERT_TRUE(SignMessage(crypto, p, key, &m, 10));
    const std::vector<uint8_t> sent = m;
    const ConstBytes params(m.data() + 10, length);
    EXPECT_EQ(VerifyMessage(crypto, p, key, m, 10, params, &scratch), AuthCheck::kVerified);
    EXPECT_EQ(m, sent) << "the captured bytes must not change";

    // One bit anywhere in the message, or in the MAC, is a wrong digest.
    for (size_t at : {size_t{0}, size_t{10}, m.size() - 1}) {
      std::vector<uint8_t> changed = sent;
      changed[at] ^= 0x01;
      EXPECT_EQ(VerifyMessage(crypto, p, key, changed, 10, ConstBytes(changed.data() + 10, length),
                              &scratch),
                AuthCheck::kWrongDigest)
          << "bit flipped at " << at;
    }
    // Another key.
    const Key other = KeyOf(std::string(2 * GetAuthInfo(p).digest_length, 'b'));
    EXPECT_EQ(VerifyMessage(crypto, p, other, m, 10, params, &scratch), AuthCheck::kWrongDigest);
    // Parameters of another protocol's size, or outside the message.
    EXPECT_EQ(VerifyMessage(crypto, p, key, m, 10, ConstBytes(m.data() + 10, length - 1),
                            &scratch),
              AuthCheck::kWrongLength);
    EXPECT_EQ(VerifyMessage(crypto, p, key, m, m.size() - 2, ConstBytes(m.data() + 10, length),
                            &scratch),
              AuthCheck::kWrongLength);
  }
  std::vector<uint8_t> tiny(4, 0);
  EXPECT_FALSE(SignMessage(crypto, AuthProtocol::kMd5, KeyOf("00"), &tiny, 0));
  EXPECT_FALSE(SignMessage(crypto, AuthProtocol::kNone, KeyOf("00"), &tiny, 0));
}

struct CipherCase {
  PrivProtocol protocol;
  const char* key;  // key || pre-IV for DES/3DES
  uint32_t boots;
  uint32_t time;
  const char* salt;
  const char* plaintext;
  const char* ciphertext;
};

// FIPS 81 CBC example: key 0123456789abcdef, IV 1234567890abcdef (pre-IV 0
// XOR salt), "Now is the time for all ". 3DES-EDE with three equal keys is
// single DES, so the same answer. NIST SP 800-38A F.3.13/15/17 CFB128: IV
// 000102..0f = boots 00010203, time 04050607, salt 08..0f.
const CipherCase kCipherCases[] = {
    {PrivProtocol::kDes, "0123456789abcdef0000000000000000", 0, 0, "1234567890abcdef",
     "4e6f77206973207468652074696d6520666f7220616c6c20",
     "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6"},
    {PrivProtocol::kTripleDes,
     "0123456789abcdef0123456789abcdef0123456789abcdef0000000000000000", 0, 0,
     "1234567890abcdef", "4e6f77206973207468652074696d6520666f7220616c6c20",
     "e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6"},
    {PrivProtocol::kAes128, "2b7e151628aed2a6abf7158809cf4f3c", 0x00010203, 0x04050607,
     "08090a0b0c0d0e0f", "6bc1bee22e409f96e93d7e117393172a",
     "3b3fd92eb72dad20333449f8e83cfb4a"},
    {PrivProtocol::kAes192Blumenthal, "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b",
     0x00010203, 0x04050607, "08090a0b0c0d0e0f", "6bc1bee22e409f96e93d7e117393172a",
     "cdc80d6fddf18cab34c25909c99a4174"},
    {PrivProtocol::kAes256Reeder,
     "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", 0x00010203,
     0x04050607, "08090a0b0c0d0e0f", "6bc1bee22e409f96e93d7e117393172a",
     "dc7e84bfda79164b7ecd8486985d3860"},
};

TEST(PrivacyTest, KnownAnswersThroughTheUsmIvConstructions) {
  Crypto crypto;
  for (const CipherCase& c : kCipherCases) {
    SCOPED_TRACE(GetPrivInfo(c.protocol).name);
    if (!crypto.Available(c.protocol)) {
      GTEST_FAIL() << crypto.UnavailableNote();
    }
    const Key key = KeyOf(c.key);
    const std::vector<uint8_t> salt = Bytes(c.salt);
    std::vector<uint8_t> out;
    ASSERT_EQ(Decrypt(crypto, c.protocol, key, c.boots, c.time, salt, Bytes(c.ciphertext), &out),
              PrivCheck::kDone);
    EXPECT_EQ(Hex(out), c.plaintext);
    ASSERT_EQ(Encrypt(crypto, c.protocol, key, c.boots, c.time, salt, Bytes(c.plaintext), &out),
              PrivCheck::kDone);
    EXPECT_EQ(Hex(out), c.ciphertext);
  }
}

TEST(PrivacyTest, CfbTakesAnyLengthAndCbcIsPaddedOnEncrypt) {
  Crypto crypto;
  const Key aes = KeyOf("2b7e151628aed2a6abf7158809cf4f3c");
  const std::vector<uint8_t> salt(8, 0x5a);
  std::vector<uint8_t> ciphertext;
  std::vector<uint8_t> plaintext;
  const std::vector<uint8_t> odd = Bytes("30030201");
  ASSERT_EQ(Encrypt(crypto, PrivProtocol::kAes128, aes, 1, 2, salt, odd, &ciphertext),
            PrivCheck::kDone);
  EXPECT_EQ(ciphertext.size(), 4u);
  ASSERT_EQ(Decrypt(crypto, PrivProtocol::kAes128, aes, 1, 2, salt, ciphertext, &plaintext),
            PrivCheck::kDone);
  EXPECT_EQ(plaintext, odd);

  const Key des = KeyOf("0123456789abcdeffedcba9876543210");
  ASSERT_EQ(Encrypt(crypto, PrivProtocol::kDes, des, 0, 0, salt, odd, &ciphertext),
            PrivCheck::kDone);
  EXPECT_EQ(ciphertext.size(), 8u);
  ASSERT_EQ(Decrypt(crypto, PrivProtocol::kDes, des, 0, 0, salt, ciphertext, &plaintext),
            PrivCheck::kDone);
  EXPECT_EQ(Hex(plaintext), "3003020100000000");
}

TEST(PrivacyTest, HostileLengthsAreRefused) {
  Crypto crypto;
  const Key des = KeyOf("0123456789abcdeffedcba9876543210");
  const Key aes = KeyOf("2b7e151628aed2a6abf7158809cf4f3c");
  const std::vector<uint8_t> salt(8, 1);
  const std::vector<uint8_t> block(16, 2);
  std::vector<uint8_t> out;
  // RFC 3414 8.3.2 step 2: not whole DES blocks.
  EXPECT_EQ(Decrypt(crypto, PrivProtocol::kDes, des, 0, 0, salt, Bytes("0102030405"), &out),
            PrivCheck::kBadCiphertextLength);
  EXPECT_EQ(Decrypt(crypto, PrivProtocol::kDes, des, 0, 0, salt, {}, &out),
            PrivCheck::kBadCiphertextLength);
  EXPECT_EQ(Decrypt(crypto, PrivProtocol::kAes128, aes, 0, 0, salt, {}, &out),
            PrivCheck::kBadCiphertextLength);
  // msgPrivacyParameters must be 8 octets.
  for (size_t n : {size_t{0}, size_t{7}, size_t{9}, size_t{64}}) {
    EXPECT_EQ(Decrypt(crypto, PrivProtocol::kAes128, aes, 0, 0, std::vector<uint8_t>(n, 1), block,
                      &out),
              PrivCheck::kWrongSaltLength);
  }
  // A key that is not the cipher's.
  EXPECT_EQ(Decrypt(crypto, PrivProtocol::kAes256Blumenthal, aes, 0, 0, salt, block, &out),
            PrivCheck::kFailed);
  EXPECT_EQ(Decrypt(crypto, PrivProtocol::kNone, aes, 0, 0, salt, block, &out),
            PrivCheck::kFailed);
}

}  // namespace
}  // namespace snmpdissect::usm

namespace snmpdissect::usm {
namespace {

TEST(CryptoTest, WithoutTheLegacyProviderDesIsMissingAndSaidOnce) {
  // OpenSSL looks for provider modules in OPENSSL_MODULES: point it at
  // nothing, as on a system without the legacy provider.
  const char* saved = std::getenv("OPENSSL_MODULES");
  const std::string restore = saved == nullptr ? "" : saved;
  ASSERT_EQ(setenv("OPENSSL_MODULES", "/nonexistent-openssl-modules", 1), 0);
  {
    Crypto crypto;
    EXPECT_FALSE(crypto.Available(PrivProtocol::kDes));
    // The default provider is built in: everything else still works.
    EXPECT_TRUE(crypto.Available(PrivProtocol::kAes128));
    EXPECT_TRUE(crypto.Available(PrivProtocol::kAes256Reeder));
    EXPECT_TRUE(crypto.Available(AuthProtocol::kSha512));
    EXPECT_NE(crypto.UnavailableNote().find("DES-CBC"), std::string::npos)
        << crypto.UnavailableNote();
    EXPECT_NE(crypto.UnavailableNote().find("legacy provider"), std::string::npos);
    EXPECT_EQ(crypto.UnavailableNote().find('\n'), std::string::npos) << "one line";
    std::vector<uint8_t> out;
    Key key;
    key.length = 16;
    EXPECT_EQ(Decrypt(crypto, PrivProtocol::kDes, key, 0, 0, std::vector<uint8_t>(8, 0),
                      std::vector<uint8_t>(8, 0), &out),
              PrivCheck::kUnavailable);
  }
  if (saved == nullptr) {
    unsetenv("OPENSSL_MODULES");
  } else {
    setenv("OPENSSL_MODULES", restore.c_str(), 1);
  }
  Crypto crypto;
  EXPECT_TRUE(crypto.Available(PrivProtocol::kDes));
  EXPECT_TRUE(crypto.UnavailableNote().empty()) << crypto.UnavailableNote();
}

}  // namespace
}  // namespace snmpdissect::usm
