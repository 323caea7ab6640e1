// Filter text -> AST (ast.h), by recursive descent over Wireshark 4.0's
// grammar (epan/dfilter/grammar.lemon), lowest precedence first:
//
//   expr     := and_expr (("or" | "||") and_expr)*
//   and_expr := unary (("and" | "&&") unary)*
//   unary    := ("not" | "!") unary | "(" expr ")" | test
//   test     := ["any" | "all"] operand [relation value | "in" set]
//   operand  := FIELD [slice] ["&" value] | ("len" | "count") "(" FIELD [slice] ")"
//   relation := == eq any_eq != ne all_ne === all_eq !== ~= any_ne < lt > gt
//               <= le >= ge contains matches ~
//   set      := "{" element ("," element)* "}", element := value [".." value]
//
// so "not a == 1 or b and c" is "(not (a == 1)) or (b and c)", as tshark
// reads it. Names are not resolved here (the compiler does), but a word on
// the left must look like a field name.
//
// Bounds (hostile text): kMaxFilterLength bytes of text, kMaxDepth levels
// of parentheses and "not"; past either, an error, never a deep stack.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_PARSER_H_
#define SNMPDISSECT_DISSECTOR_FILTER_PARSER_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "dissector/filter/ast.h"
#include "dissector/filter/error.h"

namespace snmpdissect::filter {

inline constexpr size_t kMaxFilterLength = 64 * 1024;
inline constexpr int kMaxDepth = 64;

[[nodiscard]] std::optional<ast::Expr> Parse(std::string_view text, FilterError* error);

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_PARSER_H_
