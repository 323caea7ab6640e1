// AST -> Program: resolves field names (field_access.h), types every
// literal for its field as Wireshark 4.0 does (integers in decimal, hex,
// octal, binary or 'c'; value names such as v2c; strings, quoted or not,
// for string fields; aa:bb:cc byte strings; dotted OIDs; IPv4/IPv6 with
// /prefix; True/False; relative times in seconds), checks each operator
// against the field's type, and compiles each "matches" pattern once.
// Whatever 4.0 accepts but we do not evaluate (comparing two fields,
// comparisons on protocols' bytes, absolute time literals, slices and
// "contains" on OIDs) is an error that says so.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_COMPILER_H_
#define SNMPDISSECT_DISSECTOR_FILTER_COMPILER_H_

#include <optional>

#include "dissector/filter/ast.h"
#include "dissector/filter/error.h"
#include "dissector/filter/program.h"

namespace snmpdissect::filter {

[[nodiscard]] bool CompileProgram(const ast::Expr& expr, Program* program, FilterError* error);

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_COMPILER_H_
