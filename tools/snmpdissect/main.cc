// snmpdissect: a Wireshark-style SNMP dissector. See --help and DESIGN.md.

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/mib/core_table.h"
#include "dissector/mib/smi_loader.h"
#include "dissector/print/ek_printer.h"
#include "dissector/print/glossary.h"
#include "dissector/proto/protocols.h"

#include "tools/snmpdissect/capture_mode.h"
#include "tools/snmpdissect/hex_mode.h"
#include "tools/snmpdissect/options.h"

namespace {

// The action the options ask for, with the MIB table (nullptr: -n).
int Run(const snmpdissect::cli::Options& opts, snmpdissect::usm::Processor* usm_ptr,
        const snmpdissect::mib::Table* mib) {
  using snmpdissect::cli::Options;
  const auto* options = &opts;
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
      if (usm_ptr != nullptr) hex.set_usm(usm_ptr);
      hex.set_mib(mib);
      return options->action == Options::Action::kHex ? hex.RunArgument(options->hex)
                                                      : hex.RunStream(stdin);
    }
    case Options::Action::kRead:
    case Options::Action::kLive:
    {
      snmpdissect::cli::CaptureMode capture(*options, usm_ptr, stdout, stderr);
      capture.set_mib(mib);
      return capture.Run();
    }
    case Options::Action::kNone:
      break;
  }
  return snmpdissect::cli::kExitUsage;  // ParseOptions refuses a missing input
}

}  // namespace

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
  // The compiled-in standard MIBs (dissector/mib/core_table.h), unless -n,
  // and the user's (--mib-dir, --mib) on top: read with libsmi now, before
  // any packet, into a table of our own. A MIB that did not load is a line
  // each; the run goes on, and exits 1 where it would have exited 0.
  const snmpdissect::mib::Table* mib =
      options->resolve_names ? &snmpdissect::mib::CoreTable() : nullptr;
  std::optional<snmpdissect::mib::Table> user_mib;
  bool mib_errors = false;
  if (options->resolve_names && (!options->mib_dirs.empty() || !options->mib_modules.empty())) {
    user_mib.emplace();
    snmpdissect::mib::AddCoreTable(&*user_mib);
    snmpdissect::mib::SmiLoadOptions load;
    load.dirs = options->mib_dirs;
    load.modules = options->mib_modules;
    const snmpdissect::mib::SmiLoadReport report =
        snmpdissect::mib::LoadSmiModules(load, &*user_mib);
    for (const std::string& line : report.errors) {
      std::fprintf(stderr, "snmpdissect: MIB: %s\n", line.c_str());
    }
    mib_errors = !report.errors.empty();
    user_mib->Finish();
    mib = &*user_mib;
  }
  const int status = Run(*options, usm.has_value() ? &*usm : nullptr, mib);
  return status == snmpdissect::cli::kExitOk && mib_errors ? snmpdissect::cli::kExitUsage
                                                           : status;
}

