// The parsed filter, before names are resolved: what the parser builds,
// the compiler types and the printer writes back as text. and/or are n-ary
// (a chain of 1,000 "and"s is one node with 1,000 children, not a tree
// 1,000 deep), so depth is the nesting of parentheses and "not" only,
// which the parser caps.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_AST_H_
#define SNMPDISSECT_DISSECTOR_FILTER_AST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snmpdissect::filter::ast {

// A value written in the filter, kept as written until the compiler knows
// the field's type (Wireshark's unparsed literals: "10.0.0.1/8" is an
// address to ip.src and a string to snmp.community).
struct Literal {
  enum class Kind : uint8_t { kWord, kString, kChar };
  Kind kind = Kind::kWord;
  std::string text;  // kWord: as written; kString: decoded bytes; kChar: the byte
  uint32_t column = 0;
  uint32_t length = 0;
};

// [i:j], [i-j], [i], [:j], [i:].
struct Slice {
  enum class Form : uint8_t { kStartLength, kStartEnd, kOne, kToEnd };
  Form form = Form::kStartLength;
  int64_t start = 0;
  int64_t second = 0;  // length (kStartLength) or inclusive end (kStartEnd)
  uint32_t column = 0;
  uint32_t length = 0;
};

// The left side of a test: a field, maybe sliced, maybe inside len() or
// count(), maybe masked with & (Wireshark's bitwise_and).
struct Operand {
  enum class Function : uint8_t { kNone, kLen, kCount };
  Function function = Function::kNone;
  std::string field;
  uint32_t field_column = 0;
  uint32_t field_length = 0;
  std::optional<Slice> slice;
  std::optional<Literal> mask;
  uint32_t column = 0;  // where the operand starts (the function name, or the field)
};

enum class Relation : uint8_t {
  kExists,  // the operand alone
  kEq, kNe, kAllEq, kAnyNe, kLt, kGt, kLe, kGe,
  kContains, kMatches, kIn,
};

enum class Quantifier : uint8_t { kDefault, kAny, kAll };

struct SetElement {
  Literal low;
  std::optional<Literal> high;  // low..high
};

struct Test {
  Quantifier quantifier = Quantifier::kDefault;
  Operand operand;
  Relation relation = Relation::kExists;
  uint32_t relation_column = 0;
  uint32_t relation_length = 0;
  std::optional<Literal> value;  // every relation but kExists and kIn
  std::vector<SetElement> set;   // kIn
};

struct Expr {
  enum class Op : uint8_t { kAnd, kOr, kNot, kTest };
  Op op = Op::kTest;
  std::vector<Expr> children;  // kAnd, kOr: two or more; kNot: one
  Test test;                   // kTest
};

}  // namespace snmpdissect::filter::ast

#endif  // SNMPDISSECT_DISSECTOR_FILTER_AST_H_
