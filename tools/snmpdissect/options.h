// Command-line options of snmpdissect: a small hand-written parser (the
// option set is tiny and its errors must name the offending argument).
//
//   absl::StatusOr<Options> options = ParseOptions({argv + 1, argv + argc});
//   if (!options.ok()) ... options.status().message()  // "unknown option '--foo'"

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_OPTIONS_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_OPTIONS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "codec/usm/users.h"

namespace snmpdissect::cli {

// Exit statuses (documented in --help).
inline constexpr int kExitOk = 0;         // every message decoded completely
inline constexpr int kExitUsage = 1;      // bad options, or input that is not hex
inline constexpr int kExitMalformed = 2;  // some message was malformed

struct Options {
  enum class Action {
    kNone,      // no input given: captures arrive with the capture pipeline
    kHex,       // --hex HEX: one message
    kHexStdin,  // --hex -: one message per line of standard input
    kHelp,
    kVersion,
  };
  Action action = Action::kNone;
  std::string hex;  // for kHex
  // SNMPv3 users: files to load (--users, -o snmp.users_file:) and users
  // given inline (--user), in command-line order within each kind.
  std::vector<std::string> users_files;
  std::vector<usm::UserConfig> users;
};

// Parses the arguments after the program name. --help and --version end
// parsing (what follows is ignored); anything unknown is an error naming it.
[[nodiscard]] absl::StatusOr<Options> ParseOptions(absl::Span<const char* const> args);

// The --help text and the --version line ("snmpdissect 0.1.0\n").
const char* HelpText();
std::string VersionText();

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_OPTIONS_H_
