// Test support: SNMPv3 messages as a USM sender would build them (RFC 3414
// section 3.1: encrypt the ScopedPDU, then sign the whole message), for
// tests of the receiving side in codec/usm and the dissector.
//
//   usm::UserConfig alice = usm::testing::User("alice", AuthProtocol::kSha1,
//                                              PrivProtocol::kAes128);
//   usm::testing::BuildOptions o;
//   o.sender_priv = PrivProtocol::kAes128;
//   std::string message = usm::testing::Build(alice, o);

#ifndef SNMPDISSECT_CODEC_USM_TESTING_MESSAGES_H_
#define SNMPDISSECT_CODEC_USM_TESTING_MESSAGES_H_

#include <cstddef>
#include <optional>
#include <string>

#include "codec/usm/protocols.h"
#include "codec/usm/users.h"

namespace snmpdissect::usm::testing {

// The agent engine ID of the corpus (format 4, "snmpdissect-agent").
std::string AgentEngineId();

// A user with passwords "<name>-authpass" / "<name>-privpass".
UserConfig User(const std::string& name, AuthProtocol auth, PrivProtocol priv,
                const std::string& engine_id = "");

// A ScopedPDU: contextEngineID AgentEngineId(), contextName "", and a
// get-request for sysDescr.0 with request-id 1234.
std::string ScopedPdu();

struct BuildOptions {
  bool auth = true;
  bool priv = true;
  // The cipher the sender used, with its key extension (a concrete
  // variant: kAes256Reeder, not kAes256; kAes256 means Blumenthal's).
  PrivProtocol sender_priv = PrivProtocol::kNone;
  std::string engine = AgentEngineId();
  int64_t engine_boots = 7;
  int64_t engine_time = 1000;
  int64_t msg_id = 42;
  int64_t max_size = 65507;
  // msgID, msgMaxSize, boots and time sent without the leading 0x00 octet a
  // set top bit needs (X.690 8.3.2), as some agents do: 221 as `02 01 dd`.
  bool drop_leading_zero = false;
  std::string salt = std::string("\x00\x01\x02\x03\x04\x05\x06\x07", 8);
  // msgPrivacyParameters as sent, when not `salt` (a hostile sender's).
  std::optional<std::string> sent_salt;
  // Nonzero: that many zero octets of msgAuthenticationParameters and no
  // signature (a hostile or broken sender).
  size_t mac_length = 0;
  std::string scoped = ScopedPdu();
};

// The message `sender` would send with its passwords.
std::string Build(const UserConfig& sender, const BuildOptions& options);

}  // namespace snmpdissect::usm::testing

#endif  // SNMPDISSECT_CODEC_USM_TESTING_MESSAGES_H_
