#include "tools/snmpdissect/options.h"

#include <optional>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "dissector/print/escape.h"

#ifndef SNMPDISSECT_VERSION
#error "SNMPDISSECT_VERSION must come from the CMake project version"
#endif

namespace snmpdissect::cli {
namespace {

constexpr char kHelp[] = R"HELP(Usage: snmpdissect [OPTION]...
Dissect SNMP messages (v1, v2c, v3 with USM) and print them as a tree, like
tshark -V.

Input:
  --hex HEX     dissect one SNMP message given as hex digits; spaces, tabs
                and colons between them are ignored
  --hex -       read one message per line of standard input (blank lines and
                '#' comments are skipped) and print each tree after a
                "Message N (L bytes)" line, trees separated by a blank line;
                a line that is not hex is reported on standard error and the
                run goes on

SNMPv3 users (USM: RFC 3414, RFC 3826, RFC 7860), to verify and decrypt:
  --users FILE  read users from FILE, in Wireshark's snmp_users format:
                "ENGINEID","NAME","AUTH","AUTHPASS","PRIV","PRIVPASS" per
                line (ENGINEID hex, or empty for any engine); repeatable
  -o snmp.users_file:FILE
                the same, spelled as tshark's preference
  --user NAME:AUTH:PASS[:PRIV:PASS[:ENGINEID]]
                one user on the command line (write \: for a ':' and \\
                for a '\' in a password); repeatable
                AUTH: NONE MD5 SHA1 SHA2-224 SHA2-256 SHA2-384 SHA2-512
                PRIV: NONE DES 3DES AES AES192 AES256, where AES192/AES256
                try both AES key extensions; AES192B/AES256B name
                Blumenthal's (net-snmp), AES192C/AES256C Reeder's (Cisco)
                Passwords and keys never appear in any output.

Other:
  -h, --help    print this help and exit
  --version     print the version and exit

Capture files and live capture arrive with the capture pipeline.

Text from the packet is escaped: control characters and invalid UTF-8 print
as \xNN, so a packet cannot drive the terminal.

Exit status:
  0  every message decoded completely
  1  usage error, or input that is not valid hex
  2  some message was malformed: its tree shows what decoded, then a
     [Malformed Packet: SNMP] line naming the error and its byte offset
)HELP";

bool IsHelp(std::string_view a) { return a == "--help" || a == "-h"; }

// An argument quoted for an error message, escaped: it goes to a terminal.
std::string Quoted(std::string_view arg) {
  std::string out = "'";
  print::AppendEscaped(arg, print::EscapeQuotes::kNo, &out);
  out.push_back('\'');
  return out;
}

// The value of an option that takes one: "--name VALUE", "--name=VALUE",
// and for one-letter options also "-oVALUE". Returns nullopt (no error) when
// `args[*i]` is not this option; advances *i past a separate value.
absl::StatusOr<std::optional<std::string_view>> OptionValue(
    absl::Span<const char* const> args, size_t* i, std::string_view name) {
  const std::string_view arg = args[*i];
  if (arg == name) {
    if (*i + 1 == args.size()) {
      return absl::InvalidArgumentError(absl::StrCat("option '", std::string(name), "' needs an argument"));
    }
    return std::optional<std::string_view>(args[++*i]);
  }
  if (!arg.starts_with(name)) return std::optional<std::string_view>();
  const std::string_view rest = arg.substr(name.size());
  if (name.starts_with("--")) {
    if (!rest.starts_with("=")) return std::optional<std::string_view>();
    return std::optional<std::string_view>(rest.substr(1));
  }
  return std::optional<std::string_view>(rest);  // -oVALUE
}

// -o PREFERENCE:VALUE, tshark's way of setting a preference. Only the ones
// this tool has are known; any other is an error naming it.
absl::Status ApplyPreference(std::string_view setting, Options* options) {
  const size_t colon = setting.find(':');
  const std::string_view name = setting.substr(0, colon);
  if (colon == std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("-o ", Quoted(setting), ": expected PREFERENCE:VALUE"));
  }
  if (name == "snmp.users_file") {
    options->users_files.emplace_back(setting.substr(colon + 1));
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "-o: unknown preference ", Quoted(name), " (this tool knows snmp.users_file)"));
}

}  // namespace

absl::StatusOr<Options> ParseOptions(absl::Span<const char* const> args) {
  Options options;
  bool have_input = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (IsHelp(arg)) {
      options.action = Options::Action::kHelp;
      return options;
    }
    if (arg == "--version") {
      options.action = Options::Action::kVersion;
      return options;
    }
    absl::StatusOr<std::optional<std::string_view>> value = OptionValue(args, &i, "--hex");
    if (!value.ok()) return value.status();
    if (value->has_value()) {
      if (have_input) {
        return absl::InvalidArgumentError("option '--hex' given more than once");
      }
      have_input = true;
      if (**value == "-") {
        options.action = Options::Action::kHexStdin;
      } else {
        options.action = Options::Action::kHex;
        options.hex = std::string(**value);
      }
      continue;
    }
    value = OptionValue(args, &i, "--users");
    if (!value.ok()) return value.status();
    if (value->has_value()) {
      options.users_files.emplace_back(**value);
      continue;
    }
    value = OptionValue(args, &i, "-o");
    if (!value.ok()) return value.status();
    if (value->has_value()) {
      if (absl::Status s = ApplyPreference(**value, &options); !s.ok()) return s;
      continue;
    }
    value = OptionValue(args, &i, "--user");
    if (!value.ok()) return value.status();
    if (value->has_value()) {
      // The spec holds passwords: the error names what is wrong, never it.
      absl::StatusOr<usm::UserConfig> user = usm::ParseUserSpec(**value);
      if (!user.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("--user: ", user.status().message()));
      }
      options.users.push_back(*std::move(user));
      continue;
    }
    if (arg.starts_with("-") && arg != "-") {
      return absl::InvalidArgumentError(absl::StrCat("unknown option ", Quoted(arg)));
    }
    return absl::InvalidArgumentError(absl::StrCat("unexpected argument ", Quoted(arg)));
  }
  return options;
}

const char* HelpText() { return kHelp; }

std::string VersionText() { return absl::StrCat("snmpdissect ", SNMPDISSECT_VERSION, "\n"); }

}  // namespace snmpdissect::cli
