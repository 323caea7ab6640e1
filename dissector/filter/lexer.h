// Display filter text -> tokens, each with its column (byte offset) and
// length, for errors with a caret. Follows Wireshark 4.0's scanner
// (epan/dfilter/scanner.l) where our subset needs it:
//
//   words      [A-Za-z0-9_.:/-]+ (field names, numbers, addresses, OIDs,
//              byte strings, keywords and, or, not, eq, ...); ".." ends a
//              word (set ranges: 4430..4434)
//   strings    "..." with \' \" \\ \a \b \f \n \r \t \v \NNN \xNN \uNNNN
//              \UNNNNNNNN escapes; r"..." raw (backslashes kept)
//   chars      'a', '\n', '\x0a', '\012': an integer
//   slices     [ ... ] after a field: the text inside, parsed by the parser
//   operators  == != === !== ~= < > <= >= ! && || & ~ ( ) { } , ..
//
// Hostile text: one pass, no recursion; the caller caps the text's length.
// What Wireshark 4.0 has and we do not (arithmetic, the layer operator #,
// field references and macros $) is an error naming the construct, never
// skipped.
//
//   Lexer lexer(text);
//   Token t;
//   while (lexer.Next(&t, &error) && t.type != TokenType::kEnd) ...

#ifndef SNMPDISSECT_DISSECTOR_FILTER_LEXER_H_
#define SNMPDISSECT_DISSECTOR_FILTER_LEXER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dissector/filter/error.h"

namespace snmpdissect::filter {

enum class TokenType : uint8_t {
  kEnd,
  kWord,
  kString,     // value: the decoded bytes; raw: r"..."
  kChar,       // value: the one decoded byte
  kSlice,      // value: the text between [ and ]
  kLParen, kRParen, kLBrace, kRBrace, kComma, kDotDot,
  kEq,         // == (eq and any_eq are words)
  kNe,         // !=
  kAllEq,      // ===
  kAnyNe,      // !== ~=
  kLt, kGt, kLe, kGe,
  kNot,        // !
  kAnd,        // &&
  kOr,         // ||
  kBitAnd,     // &
  kMatches,    // ~
};

struct Token {
  TokenType type = TokenType::kEnd;
  uint32_t column = 0;
  uint32_t length = 0;
  std::string_view text;  // the source spelling
  std::string value;      // kString, kChar, kSlice: decoded content
  bool raw = false;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // The next token, or false with `error` set.
  [[nodiscard]] bool Next(Token* token, FilterError* error);

 private:
  [[nodiscard]] bool Quoted(Token* token, FilterError* error, char quote, bool raw);

  std::string_view text_;
  size_t at_ = 0;
};

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_LEXER_H_
