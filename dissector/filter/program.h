// A compiled filter: a flat program the evaluator runs against each
// frame's tree. Built once by the compiler (compiler.h); evaluating it
// allocates nothing (constants, regexes and their match data live here).
//
// Instructions form a tree stored flat: and/or list their children as a
// run of `children`, not as pointers; its depth is the parser's, capped.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_PROGRAM_H_
#define SNMPDISSECT_DISSECTOR_FILTER_PROGRAM_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dissector/filter/ast.h"
#include "dissector/filter/field_access.h"
#include "dissector/filter/regex.h"

namespace snmpdissect::filter {

__extension__ typedef __int128 Int128;

// A typed literal.
struct Constant {
  Kind kind = Kind::kNone;  // kNone: no high end of a set element
  Int128 integer = 0;       // integers, booleans, IPv4, times (ns)
  double real = 0;          // kDouble
  std::string bytes;        // kBytes, kString, kOid (canonical text), kIpv6, kEther
  uint8_t prefix = 0;       // IPv4 (0..32) and IPv6 (0..128) CIDR prefix; full when unmasked
};

enum class Compare : uint8_t { kExists, kEq, kNe, kLt, kGt, kLe, kGe, kContains, kMatches, kIn };

struct Check {
  FieldRef field;
  ast::Operand::Function function = ast::Operand::Function::kNone;
  bool has_slice = false;
  ast::Slice slice;
  bool has_mask = false;
  uint64_t mask = 0;
  Kind value_kind = Kind::kNone;  // the kind compared: the field's, or kBytes/kUint
  Compare compare = Compare::kExists;
  bool all = false;  // every occurrence must pass (else: any)
  // Constants: one for a comparison; pairs (low, high) for kIn.
  uint32_t first_constant = 0;
  uint32_t constant_count = 0;
  int regex = -1;
};

struct Instr {
  ast::Expr::Op op = ast::Expr::Op::kTest;
  uint32_t first = 0;  // kAnd/kOr/kNot: index into children
  uint32_t count = 0;
  uint32_t check = 0;  // kTest
};

struct Program {
  std::vector<Instr> instrs;
  std::vector<uint32_t> children;
  std::vector<Check> checks;
  std::vector<Constant> constants;
  std::vector<std::unique_ptr<Regex>> regexes;
  uint32_t root = 0;
};

// Whether the frame whose tree is `tree` passes.
bool Evaluate(const Program& program, const tree::Tree& tree);

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_PROGRAM_H_
