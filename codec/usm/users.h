// USM users as analysts give them: Wireshark's snmp_users file (its UAT
// format, one quoted CSV record per line) and our --user NAME:AUTH:PASS...
// command-line form. Parsing only; keys are derived elsewhere (keys.h).
//
//   absl::StatusOr<std::vector<usm::UserConfig>> users =
//       usm::LoadUsersFile("corpus/pcap/snmp_users");
//   if (!users.ok()) { ... users.status().message() names file, line, problem }
//
// Secrets: a UserConfig holds passwords. No function here puts a password
// into a Status message, and UserConfig has no printer.

#ifndef SNMPDISSECT_CODEC_USM_USERS_H_
#define SNMPDISSECT_CODEC_USM_USERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "codec/usm/protocols.h"

namespace snmpdissect::usm {

struct UserConfig {
  std::string engine_id;  // raw octets; empty: any engine (keys localised
                          // per engine ID seen, RFC 3414 section 2.6)
  std::string name;       // msgUserName, raw octets
  AuthProtocol auth = AuthProtocol::kNone;
  std::string auth_password;
  PrivProtocol priv = PrivProtocol::kNone;
  std::string priv_password;
};

// Parses the text of a snmp_users file. `file_name` only labels errors:
// "FILE:LINE: what is wrong".
absl::StatusOr<std::vector<UserConfig>> ParseUsersFile(std::string_view text,
                                                       std::string_view file_name);

// Reads and parses the file at `path`; a file that cannot be read is an
// error naming it.
absl::StatusOr<std::vector<UserConfig>> LoadUsersFile(const std::string& path);

// One --user argument: NAME:AUTH:PASS[:PRIV:PASS[:ENGINEID]].
absl::StatusOr<UserConfig> ParseUserSpec(std::string_view spec);

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_USERS_H_
