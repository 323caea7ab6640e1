#include "codec/usm/keys.h"

#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace snmpdissect::usm {
namespace {

std::string Hex(ConstBytes bytes) {
  return absl::BytesToHexString(
      std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

ConstBytes Raw(const std::string& s) {
  return ConstBytes(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// RFC 3414 A.3: password "maplesyrup", snmpEngineID 00..02.
const std::string kEngine = absl::HexStringToBytes("000000000000000000000002");

struct Vector {
  AuthProtocol protocol;
  const char* ku;
  const char* kul;
};

// MD5 and SHA-1: RFC 3414 A.3.1 and A.3.2. SHA-256: the same algorithm
// (RFC 7860), from ../shared/vectors. SHA-224/384/512: computed with
// Python's hashlib from the A.2 algorithm, an implementation independent of
// this one.
const Vector kVectors[] = {
    {AuthProtocol::kMd5, "9faf3283884e92834ebc9847d8edd963",
     "526f5eed9fcce26f8964c2930787d82b"},
    {AuthProtocol::kSha1, "9fb5cc0381497b3793528939ff788d5d79145211",
     "6695febc9288e36282235fc7151f128497b38f3f"},
    {AuthProtocol::kSha224, "282a5867ee9aac639ad59df9572c7d3ac0fbc13a905b6df07dbbf00b",
     "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be682075674"},
    {AuthProtocol::kSha256,
     "ab51014d1e077f6017df2b12bee5f5aa72993177e9bb569c4dff5a4ca0b4afac",
     "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b"},
    {AuthProtocol::kSha384,
     "e06eccdf2c68a06ed034723c9c26e0db3b669e1e2efed49150b55377a2e98f383c86fb836857444654b2"
     "87c93f51ff64",
     "3b298f16164a11184279d5432bf169e2d2a48307de02b3d3f7e2b4f36eb6f0455a53689a3937eea073"
     "19a633d2ccba78"},
    {AuthProtocol::kSha512,
     "7e4396de5aadc77be853819b98c9406265b3a9c37cc3176569847a4e4f6fba63dd3a73d04924d31a63"
     "f95a601f9385af6be4ed1b37f87d040f7c6ed6f8d38a91",
     "22a5a36cedfcc085807a128d7bc6c2382167ad6c0dbc5fdff856740f3d84c099ad1ea87a8db096714d"
     "9788bd544047c9021e4229ce27e4c0a69250adfcffbb0b"},
};

TEST(KeysTest, PasswordToKeyAndLocalisationMatchRfc3414AppendixA3) {
  Crypto crypto;
  for (const Vector& v : kVectors) {
    SCOPED_TRACE(GetAuthInfo(v.protocol).name);
    Key ku;
    Key kul;
    ASSERT_TRUE(PasswordToKey(crypto, v.protocol, "maplesyrup", &ku));
    EXPECT_EQ(Hex(ku.span()), v.ku);
    ASSERT_TRUE(LocalizeKey(crypto, v.protocol, ku, Raw(kEngine), &kul));
    EXPECT_EQ(Hex(kul.span()), v.kul);
  }
}

TEST(KeysTest, PasswordLongerThanAChunkThatDoesNotDivideTheExpansion) {
  // 67 octets: longer than one 64-octet chunk, and 1 MiB ends mid-password.
  // Expected: hashlib.sha1((pw * 20000)[:1048576]) in Python.
  Crypto crypto;
  Key ku;
  ASSERT_TRUE(PasswordToKey(
      crypto, AuthProtocol::kSha1,
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_+=!", &ku));
  EXPECT_EQ(Hex(ku.span()), "4a791196052568c3751c54f28ad3dfacde0e8d91");
}

// PasswordToKey feeds the digest in slices of whole repetitions; the
// reference here builds RFC 3414 A.2's 1 MiB stream octet by octet and
// hashes it in one call. Lengths around every boundary the slicing has: one
// octet, the 64-octet block, the 4096-octet slice, lengths that do and do
// not divide 1 MiB, and passwords longer than the slice and than 1 MiB.
TEST(KeysTest, PasswordToKeyEqualsTheHashOfTheExpandedPasswordAtEveryLength) {
  Crypto crypto;
  for (size_t length : {size_t{1}, size_t{2}, size_t{3}, size_t{63}, size_t{64}, size_t{65},
                        size_t{1000}, size_t{2048}, size_t{4095}, size_t{4096}, size_t{4097},
                        size_t{5000}, size_t{8192}, size_t{(1u << 20) + 3}}) {
    SCOPED_TRACE(length);
    std::string password(length, '\0');
    for (size_t i = 0; i < length; ++i) password[i] = static_cast<char>('!' + (i * 7) % 90);
    std::string expanded(size_t{1} << 20, '\0');
    for (size_t i = 0; i < expanded.size(); ++i) expanded[i] = password[i % length];
    for (AuthProtocol protocol : {AuthProtocol::kMd5, AuthProtocol::kSha256}) {
      Key want;
      ASSERT_TRUE(crypto.DigestInit(protocol));
      ASSERT_TRUE(crypto.DigestUpdate(Raw(expanded)));
      ASSERT_TRUE(crypto.DigestFinal(want.bytes.data()));
      want.length = GetAuthInfo(protocol).digest_length;
      Key ku;
      ASSERT_TRUE(PasswordToKey(crypto, protocol, Raw(password), &ku));
      EXPECT_EQ(Hex(ku.span()), Hex(want.span()));
    }
  }
}

TEST(KeysTest, EmptyPasswordAndNoProtocolAreRefused) {
  Crypto crypto;
  Key ku;
  EXPECT_FALSE(PasswordToKey(crypto, AuthProtocol::kMd5, "", &ku));
  EXPECT_FALSE(PasswordToKey(crypto, AuthProtocol::kNone, "maplesyrup", &ku));
  Key kul;
  ku.length = 7;  // not a digest
  EXPECT_FALSE(LocalizeKey(crypto, AuthProtocol::kMd5, ku, Raw(kEngine), &kul));
}

TEST(KeysTest, ExtensionNeededOnlyWhenTheHashIsShort) {
  using A = AuthProtocol;
  using P = PrivProtocol;
  EXPECT_FALSE(NeedsExtension(A::kMd5, P::kDes));       // 16 = 8 key + 8 pre-IV
  EXPECT_FALSE(NeedsExtension(A::kMd5, P::kAes128));
  EXPECT_TRUE(NeedsExtension(A::kMd5, P::kAes192));
  EXPECT_TRUE(NeedsExtension(A::kSha1, P::kAes256));
  EXPECT_TRUE(NeedsExtension(A::kSha224, P::kAes256));  // 28 < 32
  EXPECT_FALSE(NeedsExtension(A::kSha224, P::kAes192));
  EXPECT_TRUE(NeedsExtension(A::kSha224, P::kTripleDes));  // 28 < 24 + 8
  EXPECT_FALSE(NeedsExtension(A::kSha256, P::kTripleDes));
  EXPECT_FALSE(NeedsExtension(A::kSha256, P::kAes256));
}

struct ExtensionVector {
  AuthProtocol protocol;
  PrivProtocol priv;
  KeyExtension extension;
  const char* key;
};

// Expected keys from Python's hashlib (see the file's other vectors):
// Blumenthal Kul || H(Kul); Reeder Kul || localise(password_to_key(Kul)).
// The MD5 Reeder key is draft-reeder-snmpv3-usm-3desede's appendix example.
const ExtensionVector kExtensionVectors[] = {
    {AuthProtocol::kMd5, PrivProtocol::kAes256Blumenthal, KeyExtension::kBlumenthal,
     "526f5eed9fcce26f8964c2930787d82bfa24a92467426c2f4b09192be10dfaec"},
    {AuthProtocol::kMd5, PrivProtocol::kAes256Reeder, KeyExtension::kReeder,
     "526f5eed9fcce26f8964c2930787d82b79eff44a90650ee0a3a40abfac5acc12"},
    {AuthProtocol::kMd5, PrivProtocol::kTripleDes, KeyExtension::kReeder,
     "526f5eed9fcce26f8964c2930787d82b79eff44a90650ee0a3a40abfac5acc12"},
    {AuthProtocol::kSha1, PrivProtocol::kAes192Blumenthal, KeyExtension::kBlumenthal,
     "6695febc9288e36282235fc7151f128497b38f3f505e07eb"},
    {AuthProtocol::kSha1, PrivProtocol::kAes192Reeder, KeyExtension::kReeder,
     "6695febc9288e36282235fc7151f128497b38f3f9b8b6d78"},
    {AuthProtocol::kSha224, PrivProtocol::kAes256Blumenthal, KeyExtension::kBlumenthal,
     "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be682075674e82d9bf0"},
    {AuthProtocol::kSha224, PrivProtocol::kAes256Reeder, KeyExtension::kReeder,
     "0bd8827c6e29f8065e08e09237f177e410f69b90e1782be68207567422c34be4"},
    // Long enough already: the localised key cut to size, either way.
    {AuthProtocol::kMd5, PrivProtocol::kDes, KeyExtension::kNone,
     "526f5eed9fcce26f8964c2930787d82b"},
    {AuthProtocol::kSha1, PrivProtocol::kAes128, KeyExtension::kNone,
     "6695febc9288e36282235fc7151f1284"},
    {AuthProtocol::kSha256, PrivProtocol::kAes256Reeder, KeyExtension::kReeder,
     "8982e0e549e866db361a6b625d84cccc11162d453ee8ce3a6445c2d6776f0f8b"},
};

TEST(KeysTest, PrivacyKeysWithBothExtensions) {
  Crypto crypto;
  for (const ExtensionVector& v : kExtensionVectors) {
    SCOPED_TRACE(std::string(GetAuthInfo(v.protocol).name) + " " +
                 GetPrivInfo(v.priv).name);
    Key ku;
    Key kul;
    Key key;
    ASSERT_TRUE(PasswordToKey(crypto, v.protocol, "maplesyrup", &ku));
    ASSERT_TRUE(LocalizeKey(crypto, v.protocol, ku, Raw(kEngine), &kul));
    ASSERT_TRUE(PrivacyKey(crypto, v.protocol, v.priv, v.extension, kul, Raw(kEngine), &key));
    EXPECT_EQ(Hex(key.span()), v.key);
  }
}

TEST(KeysTest, ExtensionMustBeNamedWhenNeeded) {
  Crypto crypto;
  Key ku;
  Key kul;
  Key key;
  ASSERT_TRUE(PasswordToKey(crypto, AuthProtocol::kMd5, "maplesyrup", &ku));
  ASSERT_TRUE(LocalizeKey(crypto, AuthProtocol::kMd5, ku, Raw(kEngine), &kul));
  EXPECT_FALSE(PrivacyKey(crypto, AuthProtocol::kMd5, PrivProtocol::kAes256,
                          KeyExtension::kEither, kul, Raw(kEngine), &key));
  EXPECT_FALSE(PrivacyKey(crypto, AuthProtocol::kMd5, PrivProtocol::kAes256,
                          KeyExtension::kNone, kul, Raw(kEngine), &key));
  EXPECT_FALSE(PrivacyKey(crypto, AuthProtocol::kMd5, PrivProtocol::kNone,
                          KeyExtension::kNone, kul, Raw(kEngine), &key));
}

}  // namespace
}  // namespace snmpdissect::usm
