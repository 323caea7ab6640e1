#include "tools/snmpdissect/options.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "dissector/value/escape.h"
#include "tools/snmpdissect/option_table.h"

namespace snmpdissect::cli {
namespace {

using Action = Options::Action;
using Format = Options::Format;

// An argument quoted for an error message, escaped: it goes to a terminal.
std::string Quoted(std::string_view arg) {
  std::string out = "'";
  value::AppendEscaped(arg, value::EscapeQuotes::kNo, &out);
  out.push_back('\'');
  return out;
}

// Message pieces: std::string_view, text, and Abseil's own string_view
// (a distinct type in Debian's Abseil).
void AppendPart(std::string* out, std::string_view s) { out->append(s); }
void AppendPart(std::string* out, const char* s) { out->append(s); }
void AppendPart(std::string* out, const std::string& s) { out->append(s); }
void AppendPart(std::string* out, absl::string_view s) { out->append(s.data(), s.size()); }

template <typename... Parts>
absl::Status Error(const Parts&... parts) {
  std::string message;
  (AppendPart(&message, parts), ...);
  return absl::InvalidArgumentError(message);
}

// -o PREFERENCE:VALUE, tshark's way of setting a preference. Only the ones
// this tool has are known; any other is an error naming it.
absl::Status ApplyPreference(std::string_view setting, Options* options) {
  const size_t colon = setting.find(':');
  const std::string_view name = setting.substr(0, colon);
  if (colon == std::string_view::npos) {
    return Error("-o ", Quoted(setting), ": expected PREFERENCE:VALUE");
  }
  if (name == "snmp.users_file") {
    options->users_files.emplace_back(setting.substr(colon + 1));
    return absl::OkStatus();
  }
  if (name == "snmp.mib_path") {
    if (colon + 1 == setting.size()) return Error("-o snmp.mib_path: empty directory name");
    options->mib_dirs.emplace_back(setting.substr(colon + 1));
    return absl::OkStatus();
  }
  return Error("-o: unknown preference ", Quoted(name),
               " (this tool knows snmp.users_file and snmp.mib_path)");
}

// The parse in progress: options so far plus what the final checks need.
class Parser {
 public:
  absl::StatusOr<Options> Run(absl::Span<const char* const> args);

 private:
  // One option and its value (nullopt for flags). `spelled` is how the user
  // wrote it ("-r", "--hex"), for messages.
  absl::Status Apply(const OptionSpec& spec, std::string_view spelled,
                     std::optional<std::string_view> value);
  absl::Status SetInput(Action action, std::string_view spelled);
  absl::Status Finish();

  Options options_;
  std::string input_option_;  // how the input was named, for conflicts
  bool verbose_ = false;      // -V
  bool expand_ = false;       // -O
  bool format_given_ = false;
  bool filter_given_ = false;
  bool format_file_given_ = false;  // -F
  bool capture_only_given_ = false;  // an option --hex has no use for
  std::string capture_only_option_;
  bool done_ = false;  // --help or --version: stop parsing
};

absl::StatusOr<Options> Parser::Run(absl::Span<const char* const> args) {
  for (size_t i = 0; i < args.size() && !done_; ++i) {
    const std::string_view arg = args[i];
    auto next_value = [&](std::string_view spelled) -> absl::StatusOr<std::string_view> {
      if (i + 1 == args.size()) return Error("option '", spelled, "' needs an argument");
      return std::string_view(args[++i]);
    };
    if (arg.starts_with("--") && arg.size() > 2) {
      const size_t equals = arg.find('=');
      const std::string_view name = arg.substr(0, equals);
      const OptionSpec* spec = FindLongOption(name);
      if (spec == nullptr) return Error("unknown option ", Quoted(arg));
      const bool takes_value = spec->value_name != nullptr;
      std::optional<std::string_view> value;
      if (equals != std::string_view::npos) {
        if (!takes_value) return Error("option '", name, "' takes no argument");
        value = arg.substr(equals + 1);
      } else if (takes_value) {
        absl::StatusOr<std::string_view> v = next_value(name);
        if (!v.ok()) return v.status();
        value = *v;
      }
      if (absl::Status s = Apply(*spec, name, value); !s.ok()) return s;
      continue;
    }
    if (!arg.starts_with("-") || arg == "-" || arg == "--") {
      return Error("unexpected argument ", Quoted(arg));
    }
    // A bundle of one-letter options, getopt style: flags, then at most one
    // option taking a value, which is the rest of the word or the next one.
    for (size_t j = 1; j < arg.size() && !done_; ++j) {
      const char letter = arg[j];
      const std::string spelled = std::string("-") + letter;
      const OptionSpec* spec = FindShortOption(letter);
      if (spec == nullptr) {
        if (arg.size() == 2) return Error("unknown option ", Quoted(arg));
        return Error("unknown option ", Quoted(spelled), " in ", Quoted(arg));
      }
      if (spec->value_name == nullptr) {
        if (absl::Status s = Apply(*spec, spelled, std::nullopt); !s.ok()) return s;
        continue;
      }
      std::string_view value = arg.substr(j + 1);
      if (value.empty()) {
        absl::StatusOr<std::string_view> v = next_value(spelled);
        if (!v.ok()) return v.status();
        value = *v;
      }
      if (absl::Status s = Apply(*spec, spelled, value); !s.ok()) return s;
      break;
    }
  }
  if (done_) return options_;
  if (absl::Status s = Finish(); !s.ok()) return s;
  return options_;
}

absl::Status Parser::SetInput(Action action, std::string_view spelled) {
  if (options_.action != Action::kNone) {
    if (input_option_ == spelled) return Error("option '", spelled, "' given more than once");
    return Error("options '", input_option_, "' and '", spelled,
                 "' both name an input; give one");
  }
  options_.action = action;
  input_option_ = std::string(spelled);
  return absl::OkStatus();
}

absl::Status Parser::Apply(const OptionSpec& spec, std::string_view spelled,
                           std::optional<std::string_view> value) {
  if (spec.capture_only && !capture_only_given_) {
    capture_only_given_ = true;
    capture_only_option_ = std::string(spelled);
  }
  const char letter = spec.letter;
  const std::string_view long_name = spec.long_name != nullptr ? spec.long_name : "";
  if (letter == 'h') {
    options_.action = Action::kHelp;
    done_ = true;
    return absl::OkStatus();
  }
  if (long_name == "--version") {
    options_.action = Action::kVersion;
    done_ = true;
    return absl::OkStatus();
  }
  if (letter == 'G') {
    // tshark's -G: a report instead of a capture, and nothing else.
    if (*value != "fields" && *value != "protocols" && *value != "elastic-mapping") {
      return Error("-G: unknown report ", Quoted(*value),
                   " (fields, protocols or elastic-mapping)");
    }
    if (options_.action != Action::kNone) {
      return Error("-G ", *value, " prints a report and takes no input ('", input_option_,
                   "')");
    }
    options_.action = Action::kGlossary;
    options_.glossary = std::string(*value);
    input_option_ = "-G";
    return absl::OkStatus();
  }
  if (long_name == "--hex") {
    if (absl::Status s = SetInput(*value == "-" ? Action::kHexStdin : Action::kHex, spelled);
        !s.ok()) {
      return s;
    }
    if (*value != "-") options_.hex = std::string(*value);
    return absl::OkStatus();
  }
  if (long_name == "--stats-file") {
    if (value->empty()) return Error("--stats-file: empty file name");
    options_.stats_file = std::string(*value);
    return absl::OkStatus();
  }
  if (long_name == "--mib-dir") {
    if (value->empty()) return Error("--mib-dir: empty directory name");
    options_.mib_dirs.emplace_back(*value);
    return absl::OkStatus();
  }
  if (long_name == "--mib") {
    if (value->empty()) return Error("--mib: empty module name");
    options_.mib_modules.emplace_back(*value);
    return absl::OkStatus();
  }
  if (long_name == "--users") {
    options_.users_files.emplace_back(*value);
    return absl::OkStatus();
  }
  if (long_name == "--user") {
    // The spec holds passwords: the error names what is wrong, never it.
    absl::StatusOr<usm::UserConfig> user = usm::ParseUserSpec(*value);
    if (!user.ok()) return Error("--user: ", user.status().message());
    options_.users.push_back(*std::move(user));
    return absl::OkStatus();
  }
  switch (letter) {
    case 'r':
      if (absl::Status s = SetInput(Action::kRead, spelled); !s.ok()) return s;
      if (value->empty()) return Error("-r: empty file name");
      options_.path = std::string(*value);
      return absl::OkStatus();
    case 'i':
      if (absl::Status s = SetInput(Action::kLive, spelled); !s.ok()) return s;
      if (value->empty()) return Error("-i: empty interface name");
      options_.interface = std::string(*value);
      return absl::OkStatus();
    case 'c': {
      uint64_t n = 0;
      const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
      if (ec != std::errc() || end != value->data() + value->size() || n == 0) {
        return Error("-c: ", Quoted(*value), " is not a positive packet count");
      }
      options_.count = n;
      return absl::OkStatus();
    }
    case 'B': {
      // pcap_set_buffer_size takes an int of bytes: at most 2047 MiB.
      int64_t mib = 0;
      const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), mib);
      if (ec != std::errc() || end != value->data() + value->size() || mib < 1 || mib > 2047) {
        return Error("-B: ", Quoted(*value), " is not a buffer size in MiB (1 to 2047)");
      }
      options_.buffer_mib = mib;
      return absl::OkStatus();
    }
    case 'w':
      if (!options_.write_path.empty()) return Error("option '-w' given more than once");
      if (value->empty()) return Error("-w: empty file name");
      options_.write_path = std::string(*value);
      return absl::OkStatus();
    case 'F':
      if (*value == "pcapng") {
        options_.write_format = capture::FileFormat::kPcapng;
      } else if (*value == "pcap") {
        options_.write_format = capture::FileFormat::kPcap;
      } else {
        return Error("-F: unknown capture file format ", Quoted(*value), " (pcapng or pcap)");
      }
      format_file_given_ = true;
      return absl::OkStatus();
    case 'P':
      options_.print_while_writing = true;
      return absl::OkStatus();
    case 'f':
      if (filter_given_) return Error("option '-f' given more than once");
      filter_given_ = true;
      options_.filter = std::string(*value);
      return absl::OkStatus();
    case 'Y':
      options_.display_filter = std::string(*value);
      return absl::OkStatus();
    case 'R':
      options_.read_filter = std::string(*value);
      return absl::OkStatus();
    case 'z': {
      absl::StatusOr<stats::StatSpec> stat = stats::ParseStatSpec(*value);
      if (!stat.ok()) return Error("-z ", Quoted(*value), ": ", stat.status().message());
      options_.statistics.push_back(*std::move(stat));
      return absl::OkStatus();
    }
    case 'd':
      options_.decode_as.emplace_back(*value);
      return absl::OkStatus();
    case 'o':
      return ApplyPreference(*value, &options_);
    case 'O':
      for (size_t start = 0; start <= value->size();) {
        const size_t comma = std::min(value->find(',', start), value->size());
        const std::string_view name = value->substr(start, comma - start);
        if (name.empty()) return Error("-O: empty protocol name in ", Quoted(*value));
        options_.expand_only.emplace_back(name);
        start = comma + 1;
      }
      expand_ = true;
      return absl::OkStatus();
    case 'T':
      if (format_given_) return Error("option '-T' given more than once");
      format_given_ = true;
      if (*value == "text") {
        options_.format = Format::kSummary;  // or kTree with -V, in Finish
      } else if (*value == "json") {
        options_.format = Format::kJson;
      } else if (*value == "ndjson") {
        options_.format = Format::kNdjson;
      } else if (*value == "fields") {
        options_.format = Format::kFields;
      } else if (*value == "ek") {
        options_.format = Format::kEk;
      } else {
        return Error("-T: unknown format ", Quoted(*value),
                     " (text, json, ndjson, fields or ek)");
      }
      return absl::OkStatus();
    case 'e':
      if (value->empty()) return Error("-e: empty field name");
      options_.fields.emplace_back(*value);
      return absl::OkStatus();
    case 'E':
      options_.field_settings.emplace_back(*value);
      return absl::OkStatus();
    case 'V':
      verbose_ = true;
      return absl::OkStatus();
    case 'x':
      options_.hex_dump = true;
      return absl::OkStatus();
    case 'q':
      options_.quiet = true;
      return absl::OkStatus();
    case 'n':
      options_.resolve_names = false;
      return absl::OkStatus();
    case '2':
      options_.two_pass = true;
      return absl::OkStatus();
    default:
      return Error("unknown option ", Quoted(spelled));
  }
}

// Checks that need the whole command line.
absl::Status Parser::Finish() {
  switch (options_.action) {
    case Action::kNone:
      return Error("no input: give -r FILE, -i INTERFACE or --hex HEX");
    case Action::kHex:
    case Action::kHexStdin:
      if (capture_only_given_) {
        return Error("option '", capture_only_option_,
                     "' applies to captures (-r, -i); --hex prints each message's tree");
      }
      return absl::OkStatus();
    case Action::kRead:
    case Action::kLive:
      break;
    case Action::kHelp:
    case Action::kVersion:
      return absl::OkStatus();
    case Action::kGlossary:
      if (capture_only_given_) {
        return Error("option '", capture_only_option_, "' does not apply to -G ",
                     options_.glossary);
      }
      return absl::OkStatus();
  }
  const bool text = options_.format == Format::kSummary;
  if ((verbose_ || expand_) && !text) {
    return Error(verbose_ ? "-V" : "-O", " applies to text output, not -T ",
                 options_.format == Format::kJson     ? "json"
                 : options_.format == Format::kNdjson ? "ndjson"
                 : options_.format == Format::kEk     ? "ek"
                                                      : "fields");
  }
  if (text && (verbose_ || expand_)) options_.format = Format::kTree;
  if (options_.format == Format::kFields && options_.fields.empty()) {
    return Error("-T fields needs at least one -e FIELD");
  }
  if (options_.format != Format::kFields && !options_.fields.empty()) {
    return Error("-e needs -T fields");
  }
  if (options_.format != Format::kFields && !options_.field_settings.empty()) {
    return Error("-E needs -T fields");
  }
  if (!options_.stats_file.empty() && options_.statistics.empty()) {
    return Error("--stats-file needs -z");
  }
  if (!options_.statistics.empty() && options_.stats_file.empty()) {
    // Standard output must stay one document: JSON frames and the
    // statistics object cannot both go there, nor a capture and text.
    if ((options_.format == Format::kJson || options_.format == Format::kNdjson ||
         options_.format == Format::kEk) &&
        !options_.quiet) {
      return Error("-z with -T ",
                   options_.format == Format::kJson     ? "json"
                   : options_.format == Format::kNdjson ? "ndjson"
                                                        : "ek",
                   ": give -q (standard output is then the statistics object) or "
                   "--stats-file FILE");
    }
    if (options_.write_path == "-") {
      return Error("-z with -w -: the statistics and the capture would share standard output; "
                   "give --stats-file FILE");
    }
  }
  if (options_.write_path.empty() && (format_file_given_ || options_.print_while_writing)) {
    return Error(format_file_given_ ? "-F" : "-P", " needs -w FILE");
  }
  if (options_.write_path == "-" && options_.print_while_writing) {
    return Error("-P with -w -: the frames and the capture would share standard output");
  }
  if (!options_.write_path.empty() && options_.write_path != "-" &&
      options_.action == Action::kRead && options_.path != "-") {
    std::error_code ec;
    if (std::filesystem::equivalent(options_.write_path, options_.path, ec)) {
      return Error("-w ", Quoted(options_.write_path), " is the file -r reads");
    }
  }
  // tshark 4.0's rules: -R only as -2's first-pass filter; no display
  // filter on a live capture that is being saved.
  if (!options_.read_filter.empty() && !options_.two_pass) {
    return Error("-R without -2 is deprecated. For single-pass filtering use -Y");
  }
  if (options_.action == Action::kLive && !options_.write_path.empty() &&
      !options_.display_filter.empty()) {
    return Error("display filters (-Y) aren't supported when capturing and saving the captured "
                 "packets (-i with -w)");
  }
  if (options_.two_pass && (options_.action == Action::kLive || options_.path == "-")) {
    return Error("-2 needs a file it can read twice (-r FILE, not ",
                 options_.action == Action::kLive ? "-i" : "-r -", ")");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Options> ParseOptions(absl::Span<const char* const> args) {
  return Parser().Run(args);
}

}  // namespace snmpdissect::cli
