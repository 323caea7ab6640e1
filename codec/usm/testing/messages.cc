#include "codec/usm/testing/messages.h"

#include <cstdlib>
#include <vector>

#include "codec/snmp/decode.h"
#include "codec/snmp/testing/tlv.h"
#include "codec/usm/auth.h"
#include "codec/usm/crypto.h"
#include "codec/usm/keys.h"
#include "codec/usm/privacy.h"

namespace snmpdissect::usm::testing {
namespace {

using snmp::testing::AsBytes;
using snmp::testing::Hex;
using snmp::testing::Int;
using snmp::testing::Octets;
using snmp::testing::PduTlv;
using snmp::testing::Seq;
using snmp::testing::SysDescr0;
using snmp::testing::Tlv;
using snmp::testing::Vb;

// Test support has no way to report but to stop: a builder that cannot build
// would make every test using it meaningless.
void Require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "usm::testing::Build: %s failed\n", what);
    std::abort();
  }
}

}  // namespace

std::string AgentEngineId() { return Hex("80001f8804736e6d70646973736563742d6167656e74"); }

UserConfig User(const std::string& name, AuthProtocol auth, PrivProtocol priv,
                const std::string& engine_id) {
  UserConfig u;
  u.engine_id = engine_id;
  u.name = name;
  u.auth = auth;
  u.auth_password = auth == AuthProtocol::kNone ? "" : name + "-authpass";
  u.priv = priv;
  u.priv_password = priv == PrivProtocol::kNone ? "" : name + "-privpass";
  return u;
}

std::string ScopedPdu() {
  return Seq(Octets(AgentEngineId()) + Octets("") +
             PduTlv(0xa0, Vb(SysDescr0(), Tlv(0x05, ""))));
}

std::string Build(const UserConfig& sender, const BuildOptions& o) {
  Crypto crypto;
  std::string msg_data = o.scoped;
  if (o.priv) {
    Key ku, kul, key;
    Require(PasswordToKey(crypto, sender.auth, sender.priv_password, &ku), "privacy Ku");
    Require(LocalizeKey(crypto, sender.auth, ku, AsBytes(o.engine), &kul), "privacy Kul");
    const KeyExtension extension = GetPrivInfo(o.sender_priv).extension;
    Require(PrivacyKey(crypto, sender.auth, o.sender_priv,
                       extension == KeyExtension::kReeder ? KeyExtension::kReeder
                                                          : KeyExtension::kBlumenthal,
                       kul, AsBytes(o.engine), &key),
            "privacy key");
    std::vector<uint8_t> ciphertext;
    Require(Encrypt(crypto, o.sender_priv, key, static_cast<uint32_t>(o.engine_boots),
                    static_cast<uint32_t>(o.engine_time), AsBytes(o.salt), AsBytes(o.scoped),
                    &ciphertext) == PrivCheck::kDone,
            "encryption");
    msg_data = Octets(std::string(ciphertext.begin(), ciphertext.end()));
  }
  const size_t mac_length =
      o.mac_length != 0 ? o.mac_length : (o.auth ? GetAuthInfo(sender.auth).mac_length : 0);
  const std::string flags(1, static_cast<char>((o.auth ? 1 : 0) | (o.priv ? 2 : 0) | 4));
  auto unsigned_int = [&](int64_t value) {
    std::string tlv = Int(value);
    if (o.drop_leading_zero && tlv.size() > 3 && tlv[2] == '\0') {
      tlv = Tlv(0x02, tlv.substr(3));
    }
    return tlv;
  };
  const std::string usm = Octets(o.engine) + unsigned_int(o.engine_boots) +
                          unsigned_int(o.engine_time) +
                          Octets(sender.name) + Octets(std::string(mac_length, '\0')) +
                          Octets(o.priv ? o.sent_salt.value_or(o.salt) : "");
  // RFC 3412 section 6: version, msgGlobalData (msgID, msgMaxSize,
  // msgFlags, msgSecurityModel USM), msgSecurityParameters, msgData.
  std::string message = Seq(Int(3) +
                            Seq(unsigned_int(o.msg_id) + unsigned_int(o.max_size) +
                                Octets(flags) + Int(3)) +
                            Octets(Seq(usm)) + msg_data);
  if (!o.auth || o.mac_length != 0) return message;
  // Sign in place: find msgAuthenticationParameters first.
  snmp::Message decoded;
  Require(snmp::DecodeMessage(AsBytes(message), &decoded).ok(), "decoding the message");
  std::vector<uint8_t> bytes(message.begin(), message.end());
  Key ku, kul;
  Require(PasswordToKey(crypto, sender.auth, sender.auth_password, &ku), "authentication Ku");
  Require(LocalizeKey(crypto, sender.auth, ku, AsBytes(o.engine), &kul), "authentication Kul");
  Require(SignMessage(crypto, sender.auth, kul, &bytes,
                      decoded.usm.auth_params.location.content_offset()),
          "signing");
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace snmpdissect::usm::testing
