// Command-line options of snmpdissect: tshark's spelling where tshark has
// the option (-r -i -c -f -d -V -O -T -e -E -x -q -2 -o -n), getopt-style
// bundling of one-letter flags ("-nr FILE", "-Vx"), and long options for
// what is ours (--hex, --users, --user). A small hand-written parser: the
// errors must name the offending argument.
//
//   absl::StatusOr<Options> options = ParseOptions({argv + 1, argv + argc});
//   if (!options.ok()) ... options.status().message()  // "unknown option '--foo'"
//
// Parsing checks what can be checked without opening anything: one input,
// counts that are numbers, flags that fit the output format. Field names
// (-e), -E settings, -d specs, filters and files are checked by whoever
// uses them, with errors that name them as well.

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_OPTIONS_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_OPTIONS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "codec/usm/users.h"
#include "dissector/capture/writer.h"
#include "dissector/stats/stat_spec.h"

namespace snmpdissect::cli {

// Exit statuses (documented in --help).
inline constexpr int kExitOk = 0;         // everything read and decoded
inline constexpr int kExitUsage = 1;      // bad options, bad or missing input file
inline constexpr int kExitMalformed = 2;  // a malformed message or a damaged file

struct Options {
  enum class Action {
    kNone,      // no input given: an error
    kHex,       // --hex HEX: one message
    kHexStdin,  // --hex -: one message per line of standard input
    kRead,      // -r FILE (or -r - for standard input)
    kLive,      // -i INTERFACE
    kHelp,
    kVersion,
    kGlossary,  // -G REPORT: a glossary of the field table, no input
  };
  enum class Format {
    kSummary,  // one line per frame (default)
    kTree,     // -V, or -O: the tree of every layer
    kJson,     // -T json
    kNdjson,   // -T ndjson
    kFields,   // -T fields -e FIELD...
    kEk,       // -T ek: Elasticsearch bulk lines
  };

  Action action = Action::kNone;
  std::string hex;        // kHex
  std::string path;       // kRead: a file, or "-"
  std::string interface;  // kLive

  uint64_t count = 0;                   // -c N: stop after N packets; 0: all
  int64_t buffer_mib = 0;               // -B MiB: kernel capture buffer; 0: default
  std::string write_path;               // -w FILE ("-": standard output); empty: none
  capture::FileFormat write_format = capture::FileFormat::kPcapng;  // -F
  bool print_while_writing = false;     // -P: print frames with -w too
  std::string filter;                   // -f EXPR: pcap-filter(7)
  // -Y EXPR: display filter (wireshark-filter(4)); the last -Y wins, as in
  // tshark. -R EXPR: with -2, the first pass's filter: frames failing it are
  // dropped before the second pass. Empty: no filter.
  std::string display_filter;
  std::string read_filter;
  std::vector<std::string> decode_as;   // -d udp.port==N,snmp, in order

  Format format = Format::kSummary;
  std::vector<std::string> expand_only;  // -O snmp,udp: protocol names
  std::vector<std::string> fields;       // -e FIELD, in order
  std::vector<std::string> field_settings;  // -E NAME=VALUE, in order
  bool hex_dump = false;   // -x
  bool quiet = false;      // -q: no progress on standard error
  bool two_pass = false;   // -2: a first pass learns responses (files only)
  // -n: no MIB names or MIB-typed values (dissector/mib), the tree as
  // tshark without MIBs shows it.
  bool resolve_names = true;
  // --mib-dir DIR / -o snmp.mib_path:DIR and --mib MODULE|ALL: user MIBs
  // read with libsmi (dissector/mib/smi_loader.h) on top of the core table.
  std::vector<std::string> mib_dirs;
  std::vector<std::string> mib_modules;

  // SNMPv3 users: files to load (--users, -o snmp.users_file:) and users
  // given inline (--user), in command-line order within each kind.
  std::vector<std::string> users_files;
  std::vector<usm::UserConfig> users;

  // -G fields|protocols (kGlossary).
  std::string glossary;
  // -z STATISTIC, in command-line order; printed after the frames (with -q:
  // instead of them).
  std::vector<stats::StatSpec> statistics;
  // --stats-file FILE: the statistics go there (text, or JSON with -T
  // json/ndjson/ek) instead of standard output. Empty: standard output.
  std::string stats_file;
};

// Parses the arguments after the program name. --help and --version end
// parsing (what follows is ignored); anything unknown is an error naming it.
[[nodiscard]] absl::StatusOr<Options> ParseOptions(absl::Span<const char* const> args);

// The --help text and the --version line ("snmpdissect 0.1.0\n").
const char* HelpText();
std::string VersionText();

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_OPTIONS_H_
