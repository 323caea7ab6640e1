// A filter that does not compile: what is wrong and where, as a column
// (0-based byte offset into the filter text) and a length to underline.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_ERROR_H_
#define SNMPDISSECT_DISSECTOR_FILTER_ERROR_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace snmpdissect::filter {

struct FilterError {
  std::string message;
  uint32_t column = 0;
  uint32_t length = 1;
};

// Two lines (no trailing newline on the second): "<prefix><message>: <text>"
// and, under the text, a caret at the column with '~' over the rest of the
// length, as tshark draws it. Bytes of the text that are not printable
// ASCII are shown as '?' so that each byte keeps its one column.
std::string FormatError(std::string_view prefix, std::string_view text, const FilterError& error);

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_ERROR_H_
