// snmpdissect: a Wireshark-style SNMP dissector. See --help and DESIGN.md.

#include <cstdio>

#include "tools/snmpdissect/hex_mode.h"
#include "tools/snmpdissect/options.h"

int main(int argc, char** argv) {
  using snmpdissect::cli::Options;
  const auto options =
      snmpdissect::cli::ParseOptions({argv + 1, static_cast<size_t>(argc > 0 ? argc - 1 : 0)});
  if (!options.ok()) {
    std::fprintf(stderr, "snmpdissect: %.*s (see --help)\n",
                 static_cast<int>(options.status().message().size()),
                 options.status().message().data());
    return snmpdissect::cli::kExitUsage;
  }
  snmpdissect::cli::HexMode hex(stdout, stderr);
  switch (options->action) {
    case Options::Action::kHelp:
      std::fputs(snmpdissect::cli::HelpText(), stdout);
      return snmpdissect::cli::kExitOk;
    case Options::Action::kVersion:
      std::fputs(snmpdissect::cli::VersionText().c_str(), stdout);
      return snmpdissect::cli::kExitOk;
    case Options::Action::kHex:
      return hex.RunArgument(options->hex);
    case Options::Action::kHexStdin:
      return hex.RunStream(stdin);
    case Options::Action::kNone:
      break;
  }
  std::fputs(
      "snmpdissect: no input: capture files arrive with the capture pipeline; "
      "for now use --hex HEX or --hex - (see --help)\n",
      stderr);
  return snmpdissect::cli::kExitUsage;
}
