// snmpdissect: a Wireshark-style SNMP dissector. See --help and DESIGN.md.

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/mib/core_table.h"
#include "dissector/print/ek_printer.h"
#include "dissector/print/glossary.h"
#include "dissector/proto/protocols.h"

#include "tools/snmpdissect/capture_mode.h"
#include "tools/snmpdissect/hex_mode.h"
#include "tools/snmpdissect/options.h"

int main(int argc, char** argv) {
  using snmpdissect::cli::Options;
  // Field names (-e, -O) are looked up while parsing the options.
  snmpdissect::proto::RegisterProtocols();
  const auto options =
      snmpdissect::cli::ParseOptions({argv + 1, static_cast<size_t>(argc > 0 ? argc - 1 : 0)});
  if (!options.ok()) {
    std::fprintf(stderr, "snmpdissect: %.*s (see --help)\n",
                 static_cast<int>(options.status().message().size()),
                 options.status().message().data());
    return snmpdissect::cli::kExitUsage;
  }
  // SNMPv3 users: files first, then --user ones, in the order given.
  std::vector<snmpdissect::usm::UserConfig> users;
  for (const std::string& path : options->users_files) {
    auto loaded = snmpdissect::usm::LoadUsersFile(path);
    if (!loaded.ok()) {
      std::fprintf(stderr, "snmpdissect: %.*s\n",
                   static_cast<int>(loaded.status().message().size()),
                   loaded.status().message().data());
      return snmpdissect::cli::kExitUsage;
    }
    users.insert(users.end(), loaded->begin(), loaded->end());
  }
  users.insert(users.end(), options->users.begin(), options->users.end());
  std::optional<snmpdissect::usm::Processor> usm;
  if (!users.empty()) {
    usm.emplace(std::move(users));
    // Once, before any output: what this OpenSSL cannot do (DES without the
    // legacy provider, say).
    if (!usm->crypto().UnavailableNote().empty()) {
      std::fprintf(stderr, "snmpdissect: %s\n", usm->crypto().UnavailableNote().c_str());
    }
  }
  // The compiled-in standard MIBs (dissector/mib/core_table.h), unless -n.
  const snmpdissect::mib::Table* mib =
      options->resolve_names ? &snmpdissect::mib::CoreTable() : nullptr;
  switch (options->action) {
    case Options::Action::kHelp:
      std::fputs(snmpdissect::cli::HelpText(), stdout);
      return snmpdissect::cli::kExitOk;
    case Options::Action::kGlossary: {
      std::string report;
      if (options->glossary == "fields") {
        snmpdissect::print::AppendFieldGlossary(&report);
      } else if (options->glossary == "elastic-mapping") {
        snmpdissect::print::AppendEkMapping(&report);
      } else {
        snmpdissect::print::AppendProtocolGlossary(&report);
      }
      if (std::fwrite(report.data(), 1, report.size(), stdout) != report.size() ||
          std::fflush(stdout) != 0) {
        std::fprintf(stderr, "snmpdissect: writing the output failed\n");
        return snmpdissect::cli::kExitUsage;
      }
      return snmpdissect::cli::kExitOk;
    }
    case Options::Action::kVersion:
      std::fputs(snmpdissect::cli::VersionText().c_str(), stdout);
      return snmpdissect::cli::kExitOk;
    case Options::Action::kHex:
    case Options::Action::kHexStdin: {
      snmpdissect::cli::HexMode hex(stdout, stderr);
      if (usm.has_value()) hex.set_usm(&*usm);
      hex.set_mib(mib);
      return options->action == Options::Action::kHex ? hex.RunArgument(options->hex)
                                                      : hex.RunStream(stdin);
    }
    case Options::Action::kRead:
    case Options::Action::kLive:
    {
      snmpdissect::cli::CaptureMode capture(*options, usm.has_value() ? &*usm : nullptr, stdout,
                                            stderr);
      capture.set_mib(mib);
      return capture.Run();
    }
    case Options::Action::kNone:
      break;
  }
  return snmpdissect::cli::kExitUsage;  // ParseOptions refuses a missing input
}
