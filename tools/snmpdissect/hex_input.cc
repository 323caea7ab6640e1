#include "tools/snmpdissect/hex_input.h"

#include "absl/strings/str_cat.h"

namespace snmpdissect::cli {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsSeparator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == ':'; }

}  // namespace

bool ParseHex(std::string_view text, std::vector<uint8_t>* out, std::string* error) {
  out->clear();
  int high = -1;  // the first digit of a pair, once seen
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsSeparator(c)) continue;
    const int v = HexValue(c);
    if (v < 0) {
      *error = absl::StrCat("unexpected character at column ", i + 1);
      return false;
    }
    if (high < 0) {
      high = v;
    } else {
      out->push_back(static_cast<uint8_t>(high << 4 | v));
      high = -1;
    }
  }
  if (high >= 0) {
    *error = "odd number of hex digits";
    return false;
  }
  if (out->empty()) {
    *error = "no hex digits";
    return false;
  }
  return true;
}

std::string_view StripComment(std::string_view line) {
  const size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!line.empty() && space(line.front())) line.remove_prefix(1);
  while (!line.empty() && space(line.back())) line.remove_suffix(1);
  return line;
}

}  // namespace snmpdissect::cli
