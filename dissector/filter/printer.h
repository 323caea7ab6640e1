// AST -> filter text that parses back to the same AST (up to columns):
// fully parenthesised, operators in their C-like spelling, strings
// re-escaped (every byte outside printable ASCII as \xNN). The fuzz target
// checks that the printed filter, compiled again, selects the same frames.
//
//   std::string text = PrintFilter(*Parse("a==1 and not b", &error));
//   // "(a == 1 && !(b))"

#ifndef SNMPDISSECT_DISSECTOR_FILTER_PRINTER_H_
#define SNMPDISSECT_DISSECTOR_FILTER_PRINTER_H_

#include <string>

#include "dissector/filter/ast.h"

namespace snmpdissect::filter {

std::string PrintFilter(const ast::Expr& expr);

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_PRINTER_H_
