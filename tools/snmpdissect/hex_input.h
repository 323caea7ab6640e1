// Hex text to message bytes, for --hex and --hex -.
//
//   std::vector<uint8_t> bytes;   // reuse it: it keeps its capacity
//   std::string error;
//   if (!ParseHex("30 26 02:01:01 ...", &bytes, &error)) ... error
//
// Digits come in pairs; spaces, tabs, carriage returns and colons may sit
// between (and inside) them. Anything else, an odd digit count or no digits
// at all is an error, described without echoing the input (which could hold
// terminal control characters).

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_HEX_INPUT_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_HEX_INPUT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace snmpdissect::cli {

// Replaces *out with the bytes; on failure returns false with *error set,
// e.g. "unexpected character at column 7".
[[nodiscard]] bool ParseHex(std::string_view text, std::vector<uint8_t>* out,
                            std::string* error);

// The part of an input line that matters: without a '#' comment and
// surrounding whitespace. Empty for blank and comment-only lines.
std::string_view StripComment(std::string_view line);

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_HEX_INPUT_H_
