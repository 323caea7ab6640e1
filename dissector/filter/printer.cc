#include "dissector/filter/printer.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace snmpdissect::filter {
namespace {

void PrintQuoted(const std::string& bytes, char quote, std::string* out) {
  out->push_back(quote);
  for (unsigned char c : bytes) {
    if (c == '\\' || c == '"' || c == '\'') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c >= 0x20 && c < 0x7f) {
      out->push_back(static_cast<char>(c));
    } else {
      absl::StrAppendFormat(out, "\\x%02x", c);
    }
  }
  out->push_back(quote);
}

void PrintLiteral(const ast::Literal& literal, std::string* out) {
  switch (literal.kind) {
    case ast::Literal::Kind::kWord: out->append(literal.text); return;
    case ast::Literal::Kind::kString: PrintQuoted(literal.text, '"', out); return;
    case ast::Literal::Kind::kChar: PrintQuoted(literal.text, '\'', out); return;
  }
}

void PrintSlice(const ast::Slice& slice, std::string* out) {
  switch (slice.form) {
    case ast::Slice::Form::kStartLength:
      absl::StrAppend(out, "[", slice.start, ":", slice.second, "]");
      return;
    case ast::Slice::Form::kStartEnd:
      absl::StrAppend(out, "[", slice.start, "-", slice.second, "]");
      return;
    case ast::Slice::Form::kOne: absl::StrAppend(out, "[", slice.start, "]"); return;
    case ast::Slice::Form::kToEnd: absl::StrAppend(out, "[", slice.start, ":]"); return;
  }
}

const char* RelationText(ast::Relation r) {
  switch (r) {
    case ast::Relation::kExists: return "";
    case ast::Relation::kEq: return "==";
    case ast::Relation::kNe: return "!=";
    case ast::Relation::kAllEq: return "===";
    case ast::Relation::kAnyNe: return "!==";
    case ast::Relation::kLt: return "<";
    case ast::Relation::kGt: return ">";
    case ast::Relation::kLe: return "<=";
    case ast::Relation::kGe: return ">=";
    case ast::Relation::kContains: return "contains";
    case ast::Relation::kMatches: return "matches";
    case ast::Relation::kIn: return "in";
  }
  return "";
}

void PrintTest(const ast::Test& test, std::string* out) {
  if (test.quantifier == ast::Quantifier::kAny) out->append("any ");
  if (test.quantifier == ast::Quantifier::kAll) out->append("all ");
  const ast::Operand& o = test.operand;
  if (o.function == ast::Operand::Function::kLen) out->append("len(");
  if (o.function == ast::Operand::Function::kCount) out->append("count(");
  out->append(o.field);
  if (o.slice.has_value()) PrintSlice(*o.slice, out);
  if (o.function != ast::Operand::Function::kNone) out->append(")");
  if (o.mask.has_value()) {
    out->append(" & ");
    PrintLiteral(*o.mask, out);
  }
  if (test.relation == ast::Relation::kExists) return;
  absl::StrAppend(out, " ", RelationText(test.relation), " ");
  if (test.relation != ast::Relation::kIn) {
    PrintLiteral(*test.value, out);
    return;
  }
  out->append("{");
  for (size_t i = 0; i < test.set.size(); ++i) {
    if (i > 0) out->append(", ");
    PrintLiteral(test.set[i].low, out);
    if (test.set[i].high.has_value()) {
      out->append(" .. ");
      PrintLiteral(*test.set[i].high, out);
    }
  }
  out->append("}");
}

// Parentheses only where precedence needs them (an "or" inside an "and",
// an "and"/"or" under "not"), so the printed text nests no deeper than the
// text it came from and stays within the parser's depth cap.
void Print(const ast::Expr& expr, std::string* out, bool parenthesise) {
  switch (expr.op) {
    case ast::Expr::Op::kTest: PrintTest(expr.test, out); return;
    case ast::Expr::Op::kNot:
      out->append("!");
      Print(expr.children[0], out, true);
      return;
    case ast::Expr::Op::kAnd:
    case ast::Expr::Op::kOr: {
      const bool is_and = expr.op == ast::Expr::Op::kAnd;
      if (parenthesise) out->append("(");
      for (size_t i = 0; i < expr.children.size(); ++i) {
        if (i > 0) out->append(is_and ? " && " : " || ");
        const ast::Expr& child = expr.children[i];
        // An "and" inside an "or" binds tighter anyway.
        Print(child, out, is_and || child.op != ast::Expr::Op::kAnd);
      }
      if (parenthesise) out->append(")");
      return;
    }
  }
}

}  // namespace

std::string PrintFilter(const ast::Expr& expr) {
  std::string out;
  Print(expr, &out, false);
  return out;
}

}  // namespace snmpdissect::filter
