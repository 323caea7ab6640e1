#include "tools/snmpdissect/options.h"

#include <string_view>

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
    if (arg == "--hex" || arg.starts_with("--hex=")) {
      std::string_view value;
      if (arg == "--hex") {
        if (i + 1 == args.size()) {
          return absl::InvalidArgumentError("option '--hex' needs an argument");
        }
        value = args[++i];
      } else {
        value = arg.substr(6);
      }
      if (have_input) {
        return absl::InvalidArgumentError("option '--hex' given more than once");
      }
      have_input = true;
      if (value == "-") {
        options.action = Options::Action::kHexStdin;
      } else {
        options.action = Options::Action::kHex;
        options.hex = std::string(value);
      }
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
