// Display filters (tshark -Y / -R): Wireshark 4.0's filter language over
// the dissection tree's fields.
//
//   FilterError error;
//   std::unique_ptr<DisplayFilter> f = DisplayFilter::Compile("snmp.name == 1.3.6.1.2.1.1.3.0", &error);
//   if (f == nullptr) fputs(FormatError("snmpdissect: -Y: ", text, error).c_str(), stderr);
//   for each frame: if (f->Matches(tree)) ...
//
// Stages, one file each: lexer (columns) -> parser (AST, depth and length
// caps) -> compiler (names resolved through field_access.h, literals typed,
// regexes compiled) -> program, run by the evaluator; printer writes the
// AST back as text. Compile costs what the text's length does; Matches
// scans the tree's nodes once per test and allocates nothing. A filter is
// not thread-safe (its regexes keep match data).
//
// Semantics follow Wireshark 4.0, as tshark 4.0.17 runs them: a test on a
// field that occurs several times is "any occurrence" for == < > <= >=
// contains matches in, "all occurrences" for != (all_ne) and === (all_eq),
// "any" for !== and ~= (any_ne); the any/all keywords override. A test on
// an absent field is false (so "not f == 1" differs from "f != 1").

#ifndef SNMPDISSECT_DISSECTOR_FILTER_FILTER_H_
#define SNMPDISSECT_DISSECTOR_FILTER_FILTER_H_

#include <memory>
#include <string>
#include <string_view>

#include "dissector/filter/error.h"
#include "dissector/filter/program.h"

namespace snmpdissect::tree {
class Tree;
}

namespace snmpdissect::filter {

class DisplayFilter {
 public:
  // nullptr with `error` set (message, column, length) when `text` is not a
  // filter we can run.
  [[nodiscard]] static std::unique_ptr<DisplayFilter> Compile(std::string_view text,
                                                              FilterError* error);

  bool Matches(const tree::Tree& tree) const { return Evaluate(program_, tree); }

  // The filter as the printer writes it (fully explicit precedence).
  const std::string& canonical() const { return canonical_; }

 private:
  DisplayFilter() = default;
  Program program_;
  std::string canonical_;
};

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_FILTER_H_
