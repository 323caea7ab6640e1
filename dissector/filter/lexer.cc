#include "dissector/filter/lexer.h"

#include <cstring>

#include "absl/strings/str_cat.h"

namespace snmpdissect::filter {
namespace {

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || c == '.' || c == ':' || c == '-' || c == '/';
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

bool Fail(FilterError* error, std::string message, size_t column, size_t length) {
  error->message = std::move(message);
  error->column = static_cast<uint32_t>(column);
  error->length = static_cast<uint32_t>(length == 0 ? 1 : length);
  return false;
}

}  // namespace

bool Lexer::Quoted(Token* token, FilterError* error, char quote, bool raw) {
  const size_t start = at_;
  at_ += raw ? 2 : 1;  // r" or "
  std::string& out = token->value;
  for (;;) {
    if (at_ >= text_.size()) {
      return Fail(error,
                  quote == '"' ? "The final quote was missing from a quoted string."
                               : "The final quote was missing from a character constant.",
                  at_, 1);
    }
    const char c = text_[at_];
    if (c == quote) {
      ++at_;
      break;
    }
    if (c != '\\') {
      out.push_back(c);
      ++at_;
      continue;
    }
    // A backslash.
    if (at_ + 1 >= text_.size()) {
      return Fail(error, "The final quote was missing from a quoted string.", at_ + 1, 1);
    }
    const char e = text_[at_ + 1];
    if (raw) {
      // Raw strings keep every backslash; \" does not end the string.
      out.push_back('\\');
      out.push_back(e);
      at_ += 2;
      continue;
    }
    const size_t esc = at_;
    at_ += 2;
    switch (e) {
      case '\'': out.push_back('\''); continue;
      case '"': out.push_back('"'); continue;
      case '\\': out.push_back('\\'); continue;
      case 'a': out.push_back('\a'); continue;
      case 'b': out.push_back('\b'); continue;
      case 'f': out.push_back('\f'); continue;
      case 'n': out.push_back('\n'); continue;
      case 'r': out.push_back('\r'); continue;
      case 't': out.push_back('\t'); continue;
      case 'v': out.push_back('\v'); continue;
      case 'x': {
        int v = 0, n = 0;
        while (n < 2 && at_ < text_.size() && HexDigit(text_[at_]) >= 0) {
          v = v * 16 + HexDigit(text_[at_++]);
          ++n;
        }
        if (n == 0) return Fail(error, "\\x is not a valid character escape sequence", esc, 2);
        out.push_back(static_cast<char>(v));
        continue;
      }
      case 'u':
      case 'U': {
        const int want = e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (int n = 0; n < want; ++n) {
          if (at_ >= text_.size() || HexDigit(text_[at_]) < 0) {
            return Fail(error,
                        absl::StrCat("\\", std::string(1, e), " needs ", want, " hex digits"),
                        esc, at_ - esc);
          }
          v = v * 16 + static_cast<uint32_t>(HexDigit(text_[at_++]));
        }
        if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
          return Fail(error, "not a valid Unicode code point", esc, at_ - esc);
        }
        AppendUtf8(v, &out);
        continue;
      }
      default:
        if (e >= '0' && e <= '7') {
          int v = e - '0', n = 1;
          while (n < 3 && at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '7') {
            v = v * 8 + (text_[at_++] - '0');
            ++n;
          }
          if (v > 0xff) return Fail(error, "octal escape out of range", esc, at_ - esc);
          out.push_back(static_cast<char>(v));
          continue;
        }
        return Fail(error,
                    absl::StrCat("\\", std::string(1, e),
                                 " is not a valid character escape sequence"),
                    esc, 2);
    }
  }
  token->column = static_cast<uint32_t>(start);
  token->length = static_cast<uint32_t>(at_ - start);
  token->text = text_.substr(start, at_ - start);
  token->raw = raw;
  if (quote == '\'') {
    if (out.size() != 1) {
      return Fail(error, absl::StrCat(std::string(token->text), " is not a valid character constant"), start,
                  at_ - start);
    }
    token->type = TokenType::kChar;
  } else {
    token->type = TokenType::kString;
  }
  return true;
}

bool Lexer::Next(Token* token, FilterError* error) {
  *token = Token();
  while (at_ < text_.size() &&
         (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
    ++at_;
  }
  const size_t start = at_;
  token->column = static_cast<uint32_t>(start);
  if (at_ >= text_.size()) {
    token->type = TokenType::kEnd;
    token->length = 0;
    return true;
  }
  const char c = text_[at_];
  const char next = at_ + 1 < text_.size() ? text_[at_ + 1] : '\0';
  const char third = at_ + 2 < text_.size() ? text_[at_ + 2] : '\0';
  auto punct = [&](TokenType type, size_t length) {
    token->type = type;
    token->length = static_cast<uint32_t>(length);
    token->text = text_.substr(start, length);
    at_ += length;
    return true;
  };
  if (c == '"') return Quoted(token, error, '"', false);
  if (c == '\'') return Quoted(token, error, '\'', false);
  if (c == 'r' && next == '"') return Quoted(token, error, '"', true);
  if (c == '.' && next == '.') return punct(TokenType::kDotDot, 2);
  if (IsWordChar(c)) {
    size_t end = at_;
    while (end < text_.size() && IsWordChar(text_[end])) {
      if (text_[end] == '.' && end + 1 < text_.size() && text_[end + 1] == '.') break;
      ++end;
    }
    const std::string_view word = text_.substr(start, end - start);
    if (word == "-" || word == "/") {  // alone: an operator, not part of a value
      return Fail(error, "arithmetic (+ - * / %) is not supported", start, 1);
    }
    token->type = TokenType::kWord;
    token->text = word;
    token->length = static_cast<uint32_t>(word.size());
    at_ = end;
    return true;
  }
  switch (c) {
    case '(': return punct(TokenType::kLParen, 1);
    case ')': return punct(TokenType::kRParen, 1);
    case '{': return punct(TokenType::kLBrace, 1);
    case '}': return punct(TokenType::kRBrace, 1);
    case ',': return punct(TokenType::kComma, 1);
    case '=':
      if (next == '=' && third == '=') return punct(TokenType::kAllEq, 3);
      if (next == '=') return punct(TokenType::kEq, 2);
      break;
    case '!':
      if (next == '=' && third == '=') return punct(TokenType::kAnyNe, 3);
      if (next == '=') return punct(TokenType::kNe, 2);
      return punct(TokenType::kNot, 1);
    case '~':
      if (next == '=') return punct(TokenType::kAnyNe, 2);
      return punct(TokenType::kMatches, 1);
    case '<':
      if (next == '=') return punct(TokenType::kLe, 2);
      return punct(TokenType::kLt, 1);
    case '>':
      if (next == '=') return punct(TokenType::kGe, 2);
      return punct(TokenType::kGt, 1);
    case '&':
      if (next == '&') return punct(TokenType::kAnd, 2);
      return punct(TokenType::kBitAnd, 1);
    case '|':
      if (next == '|') return punct(TokenType::kOr, 2);
      break;
    case '[': {
      const size_t close = text_.find(']', at_);
      if (close == std::string_view::npos) {
        return Fail(error, "a slice's closing ']' is missing", start, 1);
      }
      token->type = TokenType::kSlice;
      token->value = std::string(text_.substr(at_ + 1, close - at_ - 1));
      token->length = static_cast<uint32_t>(close + 1 - start);
      token->text = text_.substr(start, close + 1 - start);
      at_ = close + 1;
      return true;
    }
    case '+':
    case '*':
    case '/':
    case '%':
      return Fail(error, "arithmetic (+ - * / %) is not supported", start, 1);
    case '#':
      return Fail(error, "the layer operator (#) is not supported", start, 1);
    case '$':
      return Fail(error, "field references (${...}) and macros ($name) are not supported",
                  start, 1);
    default:
      break;
  }
  // Wireshark's own wording for a character that starts no token.
  const bool printable = c >= 0x20 && c < 0x7f;
  return Fail(error,
              printable ? absl::StrCat("\"", std::string(1, c),
                                       "\" was unexpected in this context.")
                        : std::string("an unexpected byte (not printable ASCII)"),
              start, 1);
}

}  // namespace snmpdissect::filter
