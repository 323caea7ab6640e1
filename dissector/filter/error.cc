#include "dissector/filter/error.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace snmpdissect::filter {

std::string FormatError(std::string_view prefix, std::string_view text, const FilterError& error) {
  // "...name.: text" reads badly: the message's own full stop goes.
  std::string_view message = error.message;
  if (!message.empty() && message.back() == '.') message.remove_suffix(1);
  std::string line = absl::StrCat(std::string(prefix), std::string(message), ": ");
  const size_t indent = line.size();
  for (char c : text) {
    line.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  }
  line.push_back('\n');
  line.append(indent + std::min<size_t>(error.column, text.size()), ' ');
  line.push_back('^');
  const size_t room = error.column < text.size() ? text.size() - error.column : 0;
  const size_t tildes = std::min<size_t>(error.length, std::max<size_t>(room, 1)) - 1;
  line.append(tildes, '~');
  return line;
}

}  // namespace snmpdissect::filter
