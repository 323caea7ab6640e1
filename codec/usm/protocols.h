// The USM authentication and privacy protocols this project knows, with the
// facts each one needs: hash and MAC sizes (RFC 3414 section 6, RFC 7860
// section 4.2), key and block sizes (RFC 3414 section 8, RFC 3826 section
// 3.1, draft-reeder-snmpv3-usm-3desede section 5), and the names users write
// for them in Wireshark's snmp_users file and on our command line.
//
//   const usm::AuthInfo& a = usm::GetAuthInfo(usm::AuthProtocol::kSha256);
//   a.mac_length  // 24: msgAuthenticationParameters octets (RFC 7860)
//
//   usm::PrivProtocol p;
//   if (usm::ParsePrivProtocol("AES256C", &p)) ...  // kAes256Reeder

#ifndef SNMPDISSECT_CODEC_USM_PROTOCOLS_H_
#define SNMPDISSECT_CODEC_USM_PROTOCOLS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace snmpdissect::usm {

enum class AuthProtocol : uint8_t {
  kNone,    // usmNoAuthProtocol
  kMd5,     // usmHMACMD5AuthProtocol, RFC 3414 section 6
  kSha1,    // usmHMACSHAAuthProtocol, RFC 3414 section 7
  kSha224,  // usmHMAC128SHA224AuthProtocol, RFC 7860
  kSha256,  // usmHMAC192SHA256AuthProtocol
  kSha384,  // usmHMAC256SHA384AuthProtocol
  kSha512,  // usmHMAC384SHA512AuthProtocol
};

// AES-192 and AES-256 need more key than MD5 (16 octets) or SHA-1 (20) give,
// and SHA-224 (28) is short of AES-256's 32. Two incompatible ways of making
// the localised key longer are in use: draft-blumenthal-aes-usm-04 section
// 3.1.2.1 (net-snmp) and draft-reeder-snmpv3-usm-3desede section 2.1 (Cisco,
// pysnmp's usmAesCfb192/256Protocol, Wireshark's "AES192"/"AES256").
enum class KeyExtension : uint8_t {
  kNone,        // the localised key is long enough, or the cipher is not AES
  kBlumenthal,  // Kul || H(Kul) || ...
  kReeder,      // Kul || localise(password_to_key(Kul)) || ...
  kEither,      // not said: try both where they differ
};

enum class PrivProtocol : uint8_t {
  kNone,       // usmNoPrivProtocol
  kDes,        // usmDESPrivProtocol, DES-CBC, RFC 3414 section 8
  kTripleDes,  // usm3DESEDEPrivProtocol, draft-reeder-snmpv3-usm-3desede
  kAes128,     // usmAesCfb128Protocol, RFC 3826
  kAes192,     // AES-192-CFB, key extension not said (Wireshark's AES192)
  kAes256,     // AES-256-CFB, key extension not said (Wireshark's AES256)
  kAes192Blumenthal,
  kAes256Blumenthal,
  kAes192Reeder,
  kAes256Reeder,
};

// The largest digest of any hash (SHA-512) and so of any localised key
// before extension.
inline constexpr size_t kMaxDigestLength = 64;
// The longest privacy key any cipher takes (AES-256: 32; 3DES: 24 + 8 pre-IV).
inline constexpr size_t kMaxPrivKeyLength = 32;

struct AuthInfo {
  AuthProtocol protocol;
  const char* name;         // "HMAC-SHA-256", for output
  const char* digest_name;  // OpenSSL's name: "SHA256"
  size_t digest_length;     // key length: Ku and Kul are one digest long
  size_t mac_length;        // msgAuthenticationParameters: the truncated HMAC
};

struct PrivInfo {
  PrivProtocol protocol;
  const char* name;          // "AES-256 (Reeder key extension)", for output
  const char* cipher_name;   // OpenSSL's name: "AES-256-CFB"
  size_t key_length;         // octets of (extended) Kul the cipher key takes
  size_t pre_iv_length;      // DES/3DES: octets after the key that are the
                             // pre-IV (RFC 3414 8.1.1.1); AES: 0
  size_t block_length;       // ciphertext must be a multiple (CBC); 1 for CFB
  KeyExtension extension;
  // The same cipher with the extension named, for kEither: Blumenthal's and
  // Reeder's variants; otherwise both equal `protocol`.
  PrivProtocol blumenthal_variant;
  PrivProtocol reeder_variant;
};

const AuthInfo& GetAuthInfo(AuthProtocol protocol);
const PrivInfo& GetPrivInfo(PrivProtocol protocol);

// Names as users write them. Authentication: Wireshark's MD5, SHA1,
// SHA2-224, SHA2-256, SHA2-384, SHA2-512, plus NONE and the common aliases
// SHA, SHA-224 ... SHA-512 (net-snmp's spelling). Privacy: Wireshark's DES,
// AES, AES192, AES256, plus NONE, 3DES, AES128, AES192B, AES256B
// (Blumenthal) and AES192C, AES256C (Reeder, "Cisco"). Case-insensitive.
// Return false for anything else.
bool ParseAuthProtocol(std::string_view name, AuthProtocol* out);
bool ParsePrivProtocol(std::string_view name, PrivProtocol* out);

// The name to write for a protocol: the first of its names above, so
// Wireshark's own where it has one ("SHA1", "AES") and ours where it has
// none ("NONE", "3DES", "AES192B"). Parse*Protocol reads it back as the same
// protocol.
std::string_view AuthProtocolKeyword(AuthProtocol protocol);
std::string_view PrivProtocolKeyword(PrivProtocol protocol);

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_PROTOCOLS_H_
