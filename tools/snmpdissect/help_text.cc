// The --help text, generated from the option table, and the --version line
// (declared in options.h).

#include <algorithm>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "tools/snmpdissect/option_table.h"
#include "tools/snmpdissect/options.h"

#ifndef SNMPDISSECT_VERSION
#error "SNMPDISSECT_VERSION must come from the CMake project version"
#endif

namespace snmpdissect::cli {
namespace {

// The text around the generated option list.
constexpr char kIntro[] = R"HELP(Usage: snmpdissect [OPTION]... -r FILE | -i INTERFACE | --hex HEX
Dissect SNMP (v1, v2c, v3 with USM) in captures or live traffic and print it
as tshark does: a summary line per frame, the full tree, JSON or fields.
)HELP";

constexpr char kOutro[] = R"HELP(
One-letter options may be bundled ("-nr FILE", "-Vx").

Text from packets is escaped: control characters and invalid UTF-8 print as
\xNN, so a packet cannot drive the terminal. JSON output is valid UTF-8.

Exit status:
  0  everything was read and every SNMP message decoded completely
  1  usage error; missing, unreadable or unsupported input file (not a
     capture, unsupported link type); bad filter; input that is not hex;
     writing the output failed; a MIB (--mib-dir, --mib) that did not load
     (the run went on without it)
  2  some SNMP message was malformed (its tree shows what decoded, then a
     [Malformed Packet: SNMP] line naming the error and its offset), or the
     file is truncated or corrupt: every frame before the damage is
     dissected, then one line names the file, the last good packet and the
     byte offset
)HELP";

// Options start at column 2, their text at column 16; lines end by 78.
constexpr size_t kTextColumn = 16;
constexpr size_t kWidth = 78;

// How the option is written: "-c N", "--hex HEX", "-h, --help".
std::string Spelling(const OptionSpec& spec) {
  std::string out;
  if (spec.letter != '\0') out = std::string("-") + spec.letter;
  if (spec.long_name != nullptr) {
    if (!out.empty()) out += ", ";
    out += spec.long_name;
  }
  if (spec.value_name != nullptr) absl::StrAppend(&out, " ", spec.value_name);
  return out;
}

// `text` word-wrapped from the current column (`line_length` so far);
// '\n' in it starts a new line.
void AppendWrapped(std::string_view text, size_t line_length, std::string* out) {
  size_t column = line_length;
  for (size_t start = 0; start <= text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    std::string_view paragraph = text.substr(start, end - start);
    bool first_word = true;
    while (!paragraph.empty()) {
      const size_t space = std::min(paragraph.find(' '), paragraph.size());
      const std::string_view word = paragraph.substr(0, space);
      paragraph.remove_prefix(std::min(space + 1, paragraph.size()));
      if (!first_word && column + 1 + word.size() > kWidth) {
        absl::StrAppend(out, "\n", std::string(kTextColumn, ' '));
        column = kTextColumn;
        first_word = true;
      }
      if (!first_word) {
        out->push_back(' ');
        ++column;
      }
      out->append(word);
      column += word.size();
      first_word = false;
    }
    out->push_back('\n');
    start = end + 1;
    if (start <= text.size()) {
      out->append(kTextColumn, ' ');
      column = kTextColumn;
    }
  }
}

std::string BuildHelp() {
  std::string out = kIntro;
  bool first = true;
  OptionGroup group{};
  for (const OptionSpec& spec : OptionTable()) {
    if (first || spec.group != group) {
      absl::StrAppend(&out, "\n", OptionGroupHeading(spec.group), "\n");
      group = spec.group;
      first = false;
    }
    const std::string spelled = absl::StrCat("  ", Spelling(spec));
    out += spelled;
    if (spelled.size() + 1 < kTextColumn) {
      out.append(kTextColumn - spelled.size(), ' ');
    } else {
      absl::StrAppend(&out, "\n", std::string(kTextColumn, ' '));
    }
    AppendWrapped(spec.help, kTextColumn, &out);
  }
  out += kOutro;
  return out;
}

}  // namespace

const char* HelpText() {
  static const std::string* const help = new std::string(BuildHelp());
  return help->c_str();
}

std::string VersionText() { return absl::StrCat("snmpdissect ", SNMPDISSECT_VERSION, "\n"); }

}  // namespace snmpdissect::cli
