// Where the plugin's SNMPv3 users come from: Wireshark's own snmp_users
// file in the personal configuration folder (the table the built-in SNMP
// dissector's "Users Table" dialog writes, so an existing table works
// unchanged), then the file the snmpdissect.users_file preference names,
// in the same format (codec/usm/users.h reads both).
//
//   std::vector<std::string> problems;
//   std::vector<usm::UserConfig> users = LoadUsers(personal, preference, &problems);
//
// A missing personal file is normal (no table yet) and not a problem; a
// missing preference file is. Problems name the file and line, never a
// password (users.h).

#ifndef SNMPDISSECT_DISSECTOR_WIRESHARK_USERS_SOURCE_H_
#define SNMPDISSECT_DISSECTOR_WIRESHARK_USERS_SOURCE_H_

#include <string>
#include <vector>

#include "codec/usm/users.h"

namespace snmpdissect::wireshark {

// `personal` or `preference` empty: not read.
std::vector<usm::UserConfig> LoadUsers(const std::string& personal, const std::string& preference,
                                       std::vector<std::string>* problems);

}  // namespace snmpdissect::wireshark

#endif  // SNMPDISSECT_DISSECTOR_WIRESHARK_USERS_SOURCE_H_
