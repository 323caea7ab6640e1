#include "dissector/filter/parser.h"

#include <charconv>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "dissector/filter/lexer.h"

namespace snmpdissect::filter {
namespace {

using ast::Expr;
using ast::Literal;
using ast::Operand;
using ast::Relation;
using ast::Test;

bool IsFunctionNotSupported(std::string_view w) {
  return w == "upper" || w == "lower" || w == "string" || w == "max" || w == "min" ||
         w == "abs";
}

class Parser {
 public:
  Parser(std::string_view text, FilterError* error) : lexer_(text), error_(error) {}

  bool Start() { return Advance(); }

  bool ParseExpr(Expr* out, int depth);
  bool AtEnd() const { return token_.type == TokenType::kEnd; }
  bool Unexpected() {
    if (token_.type == TokenType::kLBrace) {
      // Wireshark 4.0 groups arithmetic in braces ("{a + b} * 2"); outside
      // "in {...}" a brace can mean nothing else.
      return Fail("arithmetic expressions in braces ({...}) are not supported", token_.column,
                  token_.length);
    }
    if (token_.type == TokenType::kEnd) {
      return Fail("Unexpected end of filter expression.", token_.column, 1);
    }
    return Fail(absl::StrCat("\"", std::string(token_.text), "\" was unexpected in this context."),
                token_.column, token_.length);
  }

 private:
  bool Advance() { return lexer_.Next(&token_, error_); }
  bool Fail(std::string message, uint32_t column, uint32_t length) {
    error_->message = std::move(message);
    error_->column = column;
    error_->length = length == 0 ? 1 : length;
    return false;
  }
  bool IsWord(std::string_view w) const {
    return token_.type == TokenType::kWord && token_.text == w;
  }
  bool ParseAnd(Expr* out, int depth);
  bool ParseUnary(Expr* out, int depth);
  bool ParseTest(Test* out);
  bool ParseOperand(Operand* out);
  bool ParseSlice(const Token& token, ast::Slice* out);
  bool ParseLiteral(Literal* out);
  bool ParseRelation(Relation* out);

  Lexer lexer_;
  FilterError* error_;
  Token token_;
};

bool Parser::ParseExpr(Expr* out, int depth) {
  Expr first;
  if (!ParseAnd(&first, depth)) return false;
  if (!(IsWord("or") || token_.type == TokenType::kOr)) {
    *out = std::move(first);
    return true;
  }
  out->op = Expr::Op::kOr;
  out->children.push_back(std::move(first));
  while (IsWord("or") || token_.type == TokenType::kOr) {
    if (!Advance()) return false;
    Expr next;
    if (!ParseAnd(&next, depth)) return false;
    out->children.push_back(std::move(next));
  }
  return true;
}

bool Parser::ParseAnd(Expr* out, int depth) {
  Expr first;
  if (!ParseUnary(&first, depth)) return false;
  if (!(IsWord("and") || token_.type == TokenType::kAnd)) {
    *out = std::move(first);
    return true;
  }
  out->op = Expr::Op::kAnd;
  out->children.push_back(std::move(first));
  while (IsWord("and") || token_.type == TokenType::kAnd) {
    if (!Advance()) return false;
    Expr next;
    if (!ParseUnary(&next, depth)) return false;
    out->children.push_back(std::move(next));
  }
  return true;
}

bool Parser::ParseUnary(Expr* out, int depth) {
  if (depth >= kMaxDepth) {
    return Fail(absl::StrCat("the filter nests deeper than ", kMaxDepth, " levels"),
                token_.column, token_.length);
  }
  if (IsWord("not") || token_.type == TokenType::kNot) {
    if (!Advance()) return false;
    out->op = Expr::Op::kNot;
    out->children.emplace_back();
    return ParseUnary(&out->children.back(), depth + 1);
  }
  if (token_.type == TokenType::kLParen) {
    if (!Advance()) return false;
    if (!ParseExpr(out, depth + 1)) return false;
    if (token_.type != TokenType::kRParen) return Unexpected();
    return Advance();
  }
  out->op = Expr::Op::kTest;
  return ParseTest(&out->test);
}

bool Parser::ParseRelation(Relation* out) {
  switch (token_.type) {
    case TokenType::kEq: *out = Relation::kEq; return true;
    case TokenType::kNe: *out = Relation::kNe; return true;
    case TokenType::kAllEq: *out = Relation::kAllEq; return true;
    case TokenType::kAnyNe: *out = Relation::kAnyNe; return true;
    case TokenType::kLt: *out = Relation::kLt; return true;
    case TokenType::kGt: *out = Relation::kGt; return true;
    case TokenType::kLe: *out = Relation::kLe; return true;
    case TokenType::kGe: *out = Relation::kGe; return true;
    case TokenType::kMatches: *out = Relation::kMatches; return true;
    case TokenType::kWord: break;
    default: return false;
  }
  static constexpr std::pair<std::string_view, Relation> kWords[] = {
      {"eq", Relation::kEq},         {"any_eq", Relation::kEq},
      {"ne", Relation::kNe},         {"all_ne", Relation::kNe},
      {"all_eq", Relation::kAllEq},  {"any_ne", Relation::kAnyNe},
      {"lt", Relation::kLt},         {"gt", Relation::kGt},
      {"le", Relation::kLe},         {"ge", Relation::kGe},
      {"contains", Relation::kContains}, {"matches", Relation::kMatches},
      {"in", Relation::kIn},
  };
  for (const auto& [word, relation] : kWords) {
    if (token_.text == word) {
      *out = relation;
      return true;
    }
  }
  return false;
}

bool Parser::ParseLiteral(Literal* out) {
  out->column = token_.column;
  out->length = token_.length;
  switch (token_.type) {
    case TokenType::kWord:
      out->kind = Literal::Kind::kWord;
      out->text = std::string(token_.text);
      break;
    case TokenType::kString:
      out->kind = Literal::Kind::kString;
      out->text = std::move(token_.value);
      break;
    case TokenType::kChar:
      out->kind = Literal::Kind::kChar;
      out->text = std::move(token_.value);
      break;
    default:
      return Unexpected();
  }
  return Advance();
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 12) return false;
  const char* end = s.data() + s.size();
  auto r = std::from_chars(s.data(), end, *out);
  return r.ec == std::errc() && r.ptr == end;
}

bool Parser::ParseSlice(const Token& token, ast::Slice* out) {
  out->column = token.column;
  out->length = token.length;
  std::string body;
  for (char c : token.value) {
    if (c != ' ' && c != '\t') body.push_back(c);
  }
  auto bad = [&]() {
    return Fail(absl::StrCat("\"", std::string(token.text), "\" is not a valid slice"), token.column,
                token.length);
  };
  if (body.find(',') != std::string::npos) {
    return Fail("concatenated slices ([a,b]) are not supported", token.column, token.length);
  }
  std::string_view b = body;
  if (const size_t colon = b.find(':'); colon != std::string_view::npos) {
    const std::string_view left = b.substr(0, colon), right = b.substr(colon + 1);
    int64_t start = 0, length = 0;
    if (!left.empty() && !ParseInt(left, &start)) return bad();
    if (right.empty()) {
      if (left.empty()) return bad();
      out->form = ast::Slice::Form::kToEnd;
      out->start = start;
      return true;
    }
    if (!ParseInt(right, &length) || length < 0) return bad();
    out->form = ast::Slice::Form::kStartLength;
    out->start = start;
    out->second = length;
    return true;
  }
  // [i-j], with i maybe negative: the separator is a '-' after the first digit.
  const size_t dash = b.find('-', 1);
  if (dash != std::string_view::npos) {
    int64_t start = 0, end = 0;
    if (!ParseInt(b.substr(0, dash), &start) || !ParseInt(b.substr(dash + 1), &end)) {
      return bad();
    }
    out->form = ast::Slice::Form::kStartEnd;
    out->start = start;
    out->second = end;
    return true;
  }
  int64_t start = 0;
  if (!ParseInt(b, &start)) return bad();
  out->form = ast::Slice::Form::kOne;
  out->start = start;
  return true;
}

bool Parser::ParseOperand(Operand* out) {
  if (token_.type != TokenType::kWord) return Unexpected();
  out->column = token_.column;
  const std::string word(token_.text);
  const uint32_t word_column = token_.column, word_length = token_.length;
  if (!Advance()) return false;
  if (token_.type == TokenType::kLParen &&
      (word == "len" || word == "count" || IsFunctionNotSupported(word))) {
    if (IsFunctionNotSupported(word)) {
      return Fail(absl::StrCat("the function ", word, "() is not supported"), word_column,
                  word_length);
    }
    out->function = word == "len" ? Operand::Function::kLen : Operand::Function::kCount;
    if (!Advance()) return false;
    if (token_.type != TokenType::kWord) return Unexpected();
    out->field = std::string(token_.text);
    out->field_column = token_.column;
    out->field_length = token_.length;
    if (!Advance()) return false;
    if (token_.type == TokenType::kSlice) {
      ast::Slice slice;
      if (!ParseSlice(token_, &slice)) return false;
      out->slice = slice;
      if (!Advance()) return false;
    }
    if (token_.type != TokenType::kRParen) return Unexpected();
    return Advance();
  }
  out->field = word;
  out->field_column = word_column;
  out->field_length = word_length;
  if (token_.type == TokenType::kSlice) {
    ast::Slice slice;
    if (!ParseSlice(token_, &slice)) return false;
    out->slice = slice;
    if (!Advance()) return false;
  }
  if (token_.type == TokenType::kBitAnd || IsWord("bitwise_and")) {
    if (!Advance()) return false;
    Literal mask;
    if (!ParseLiteral(&mask)) return false;
    out->mask = std::move(mask);
  }
  return true;
}

bool Parser::ParseTest(Test* out) {
  if (IsWord("any") || IsWord("all")) {
    out->quantifier = IsWord("any") ? ast::Quantifier::kAny : ast::Quantifier::kAll;
    if (!Advance()) return false;
  }
  if (!ParseOperand(&out->operand)) return false;
  Relation relation;
  if (!ParseRelation(&relation)) {
    if (out->quantifier != ast::Quantifier::kDefault) return Unexpected();
    out->relation = Relation::kExists;
    return true;
  }
  out->relation = relation;
  out->relation_column = token_.column;
  out->relation_length = token_.length;
  if (!Advance()) return false;
  if (relation != Relation::kIn) {
    Literal value;
    if (!ParseLiteral(&value)) return false;
    out->value = std::move(value);
    return true;
  }
  if (token_.type != TokenType::kLBrace) return Unexpected();
  if (!Advance()) return false;
  for (;;) {
    ast::SetElement element;
    if (!ParseLiteral(&element.low)) return false;
    if (token_.type == TokenType::kDotDot) {
      if (!Advance()) return false;
      Literal high;
      if (!ParseLiteral(&high)) return false;
      element.high = std::move(high);
    }
    out->set.push_back(std::move(element));
    if (token_.type == TokenType::kRBrace) return Advance();
    if (token_.type != TokenType::kComma) return Unexpected();
    if (!Advance()) return false;
  }
}

}  // namespace

std::optional<ast::Expr> Parse(std::string_view text, FilterError* error) {
  if (text.size() > kMaxFilterLength) {
    error->message = absl::StrCat("the filter is longer than ", kMaxFilterLength, " bytes");
    error->column = static_cast<uint32_t>(kMaxFilterLength);
    error->length = 1;
    return std::nullopt;
  }
  Parser parser(text, error);
  if (!parser.Start()) return std::nullopt;
  if (parser.AtEnd()) {
    error->message = "the filter is empty";
    error->column = 0;
    error->length = 1;
    return std::nullopt;
  }
  ast::Expr expr;
  if (!parser.ParseExpr(&expr, 0)) return std::nullopt;
  if (!parser.AtEnd()) {
    parser.Unexpected();
    return std::nullopt;
  }
  return expr;
}

}  // namespace snmpdissect::filter
