// Every command-line option, declared once: the parser (options.cc) takes
// from this table which options exist, which take a value and which only
// make sense for captures; --help (help_text.cc) is generated from it. A new
// option is a row here plus its behaviour in Parser::Apply.
//
//   const OptionSpec* spec = FindShortOption('c');   // -c N
//   spec->value_name                                  // "N"

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_OPTION_TABLE_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_OPTION_TABLE_H_

#include <string_view>

#include "absl/types/span.h"

namespace snmpdissect::cli {

// The --help sections, in the order they print.
enum class OptionGroup { kInput, kCapture, kOutput, kUsers, kOther };

struct OptionSpec {
  char letter;             // '\0' for long-only options
  const char* long_name;   // "--hex"; nullptr for letter-only options
  const char* value_name;  // "FILE"; nullptr for flags
  OptionGroup group;
  // Shapes capture output: meaningless with --hex, which prints one tree.
  bool capture_only;
  // Help text, wrapped when printed; '\n' starts a new line.
  const char* help;
};

// Every option, in --help order.
absl::Span<const OptionSpec> OptionTable();

// nullptr when there is no such option.
const OptionSpec* FindShortOption(char letter);
const OptionSpec* FindLongOption(std::string_view name);  // "--hex"

// The heading of a --help section ("Capture:").
const char* OptionGroupHeading(OptionGroup group);

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_OPTION_TABLE_H_
