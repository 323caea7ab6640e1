#include "codec/usm/protocols.h"

#include <array>
#include <cctype>

namespace snmpdissect::usm {
namespace {

using A = AuthProtocol;
using P = PrivProtocol;
using E = KeyExtension;

// Rows in enum order.
constexpr AuthInfo kAuth[] = {
    {A::kNone, "none", "", 0, 0},
    {A::kMd5, "HMAC-MD5-96", "MD5", 16, 12},
    {A::kSha1, "HMAC-SHA-96", "SHA1", 20, 12},
    {A::kSha224, "HMAC-SHA-224", "SHA224", 28, 16},
    {A::kSha256, "HMAC-SHA-256", "SHA256", 32, 24},
    {A::kSha384, "HMAC-SHA-384", "SHA384", 48, 32},
    {A::kSha512, "HMAC-SHA-512", "SHA512", 64, 48},
};

// DES: RFC 3414 8.1.1.1, the first 8 octets of the 16-octet key are the DES
// key and the last 8 the pre-IV. 3DES: draft-reeder-snmpv3-usm-3desede
// section 5.1.1.1, 24 octets of key then 8 of pre-IV, extended the Reeder
// way. AES: RFC 3826 section 3.1.2.1, the first 16/24/32 octets; CFB needs
// no padding, so any length is valid.
constexpr PrivInfo kPriv[] = {
    {P::kNone, "none", "", 0, 0, 1, E::kNone, P::kNone, P::kNone},
    {P::kDes, "DES", "DES-CBC", 8, 8, 8, E::kNone, P::kDes, P::kDes},
    {P::kTripleDes, "3DES-EDE", "DES-EDE3-CBC", 24, 8, 8, E::kReeder,
     P::kTripleDes, P::kTripleDes},
    {P::kAes128, "AES-128", "AES-128-CFB", 16, 0, 1, E::kNone, P::kAes128,
     P::kAes128},
    {P::kAes192, "AES-192", "AES-192-CFB", 24, 0, 1, E::kEither,
     P::kAes192Blumenthal, P::kAes192Reeder},
    {P::kAes256, "AES-256", "AES-256-CFB", 32, 0, 1, E::kEither,
     P::kAes256Blumenthal, P::kAes256Reeder},
    {P::kAes192Blumenthal, "AES-192 (Blumenthal key extension)", "AES-192-CFB",
     24, 0, 1, E::kBlumenthal, P::kAes192Blumenthal, P::kAes192Blumenthal},
    {P::kAes256Blumenthal, "AES-256 (Blumenthal key extension)", "AES-256-CFB",
     32, 0, 1, E::kBlumenthal, P::kAes256Blumenthal, P::kAes256Blumenthal},
    {P::kAes192Reeder, "AES-192 (Reeder key extension)", "AES-192-CFB", 24, 0,
     1, E::kReeder, P::kAes192Reeder, P::kAes192Reeder},
    {P::kAes256Reeder, "AES-256 (Reeder key extension)", "AES-256-CFB", 32, 0,
     1, E::kReeder, P::kAes256Reeder, P::kAes256Reeder},
};

template <typename Row, size_t N>
constexpr bool InEnumOrder(const Row (&rows)[N]) {
  for (size_t i = 0; i < N; ++i) {
    if (static_cast<size_t>(rows[i].protocol) != i)
      return false;
  }
  return true;
}
static_assert(InEnumOrder(kAuth) && InEnumOrder(kPriv));
static_assert(kAuth[static_cast<size_t>(A::kSha512)].digest_length ==
              kMaxDigestLength);

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

template <typename Enum> struct NamedProtocol {
  const char *name;
  Enum protocol;
};

constexpr NamedProtocol<AuthProtocol> kAuthNames[] = {
    {"NONE", A::kNone},     {"MD5", A::kMd5},         {"SHA1", A::kSha1},
    {"SHA", A::kSha1},      {"SHA2-224", A::kSha224}, {"SHA-224", A::kSha224},
    {"SHA224", A::kSha224}, {"SHA2-256", A::kSha256}, {"SHA-256", A::kSha256},
    {"SHA256", A::kSha256}, {"SHA2-384", A::kSha384}, {"SHA-384", A::kSha384},
    {"SHA384", A::kSha384}, {"SHA2-512", A::kSha512}, {"SHA-512", A::kSha512},
    {"SHA512", A::kSha512},
};

constexpr NamedProtocol<PrivProtocol> kPrivNames[] = {
    {"NONE", P::kNone},
    {"DES", P::kDes},
    {"3DES", P::kTripleDes},
    {"AES", P::kAes128},
    {"AES128", P::kAes128},
    {"AES192", P::kAes192},
    {"AES256", P::kAes256},
    {"AES192B", P::kAes192Blumenthal},
    {"AES256B", P::kAes256Blumenthal},
    {"AES192C", P::kAes192Reeder},
    {"AES256C", P::kAes256Reeder},
};

template <typename Enum, size_t N>
bool Lookup(const NamedProtocol<Enum> (&names)[N], std::string_view name,
            Enum *out) {
  for (const auto &row : names) {
    if (EqualsIgnoringCase(name, row.name)) {
      *out = row.protocol;
      return true;
    }
  }
  return false;
}

// The first row naming `protocol`; the tables name every protocol.
template <typename Enum, size_t N>
std::string_view FirstName(const NamedProtocol<Enum> (&names)[N], Enum protocol) {
  for (const auto &row : names) {
    if (row.protocol == protocol) return row.name;
  }
  return "";
}

} // namespace

const AuthInfo &GetAuthInfo(AuthProtocol protocol) {
  return kAuth[static_cast<size_t>(protocol)];
}

const PrivInfo &GetPrivInfo(PrivProtocol protocol) {
  return kPriv[static_cast<size_t>(protocol)];
}

bool ParseAuthProtocol(std::string_view name, AuthProtocol *out) {
  return Lookup(kAuthNames, name, out);
}

bool ParsePrivProtocol(std::string_view name, PrivProtocol *out) {
  return Lookup(kPrivNames, name, out);
}

std::string_view AuthProtocolKeyword(AuthProtocol protocol) {
  return FirstName(kAuthNames, protocol);
}

std::string_view PrivProtocolKeyword(PrivProtocol protocol) {
  return FirstName(kPrivNames, protocol);
}

} // namespace snmpdissect::usm
