#include "dissector/filter/compiler.h"

#include <arpa/inet.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace snmpdissect::filter {
namespace {

// (This Abseil's string_view is not std::string_view: small local helpers.)
inline bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Decimal digits only, value <= max.
bool Decimal(std::string_view s, uint64_t max, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > max) return false;
  *out = v;
  return true;
}

using ast::Literal;

bool IsBytesLike(Kind k) {
  return k == Kind::kBytes || k == Kind::kString || k == Kind::kEther || k == Kind::kIpv6;
}

class Compiler {
 public:
  Compiler(Program* program, FilterError* error) : program_(program), error_(error) {}
  bool Expr(const ast::Expr& expr, uint32_t* index);

 private:
  bool Fail(std::string message, uint32_t column, uint32_t length) {
    error_->message = std::move(message);
    error_->column = column;
    error_->length = length == 0 ? 1 : length;
    return false;
  }
  bool FailAt(const Literal& l, std::string message) {
    return Fail(std::move(message), l.column, l.length);
  }
  bool Test(const ast::Test& test, Check* check);
  bool Value(const Literal& literal, Kind kind, const FieldRef& field, Constant* out);

  Program* program_;
  FilterError* error_;
};

// strtoull/strtoll with base 0 (0x hex, 0 octal) plus 0b binary, as
// Wireshark's integer literals; an optional '-'.
bool ParseInteger(std::string_view s, Int128* out) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    base = 2;
    s.remove_prefix(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
    s.remove_prefix(1);
  }
  Int128 v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    v = v * base + d;
    if (v > Int128{UINT64_MAX}) return false;  // too big for any field
  }
  *out = negative ? -v : v;
  return true;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// aa:bb:cc, aa-bb-cc, aa.bb.cc (one or two hex digits between separators),
// or an even run of hex digits.
bool ParseByteString(std::string_view s, std::string* out) {
  out->clear();
  if (s.empty()) return false;
  const bool separated = s.find_first_of(":.-") != std::string_view::npos;
  if (!separated) {
    if (s.size() % 2 != 0) {
      if (s.size() != 1 || Hex(s[0]) < 0) return false;
      out->push_back(static_cast<char>(Hex(s[0])));
      return true;
    }
    for (size_t i = 0; i < s.size(); i += 2) {
      if (Hex(s[i]) < 0 || Hex(s[i + 1]) < 0) return false;
      out->push_back(static_cast<char>(Hex(s[i]) * 16 + Hex(s[i + 1])));
    }
    return true;
  }
  const char sep = s[s.find_first_of(":.-")];
  size_t at = 0;
  for (;;) {
    size_t end = s.find(sep, at);
    std::string_view part = s.substr(at, end == std::string_view::npos ? s.npos : end - at);
    if (part.empty() || part.size() > 2) return false;
    int v = 0;
    for (char c : part) {
      if (Hex(c) < 0) return false;
      v = v * 16 + Hex(c);
    }
    out->push_back(static_cast<char>(v));
    if (end == std::string_view::npos) return true;
    at = end + 1;
  }
}

// Dotted decimal, every arc < 2^32; written back without leading zeros.
bool ParseOid(std::string_view s, std::string* out) {
  out->clear();
  if (s.empty()) return false;
  size_t at = 0;
  int arcs = 0;
  for (;;) {
    size_t end = s.find('.', at);
    std::string_view part = s.substr(at, end == std::string_view::npos ? s.npos : end - at);
    uint64_t arc = 0;
    if (!Decimal(part, UINT32_MAX, &arc)) return false;
    if (++arcs > 128) return false;
    if (!out->empty()) out->push_back('.');
    absl::StrAppend(out, arc);
    if (end == std::string_view::npos) return true;
    at = end + 1;
  }
}

// [-]seconds[.fraction] -> nanoseconds (Wireshark's relative time literal).
bool ParseSeconds(std::string_view s, Int128* ns) {
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  const size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() && frac.empty()) return false;
  if (whole.size() > 12 || frac.size() > 9) return false;
  Int128 v = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  v *= 1000000000;
  Int128 f = 0;
  for (size_t i = 0; i < 9; ++i) {
    char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return false;
    f = f * 10 + (c - '0');
  }
  *ns = negative ? -(v + f) : v + f;
  return true;
}

bool ParsePrefix(std::string_view s, int max, uint8_t* out) {
  uint64_t v = 0;
  if (s.size() > 3 || !Decimal(s, static_cast<uint64_t>(max), &v)) return false;
  *out = static_cast<uint8_t>(v);
  return true;
}

bool Compiler::Value(const Literal& l, Kind kind, const FieldRef& field, Constant* out) {
  out->kind = kind;
  const bool word = l.kind == Literal::Kind::kWord;
  if (word) {
    std::string_view name = l.text;
    if (!name.empty() && name[0] == '.') name.remove_prefix(1);
    // "-udp.port": 4.0's unary minus applied to a field, arithmetic.
    if (name.size() > 1 && name[0] == '-' && LookupField(name.substr(1)).has_value()) {
      return FailAt(l, "arithmetic (unary minus on a field) is not supported");
    }
    // Wireshark reads a word that names a field as that field.
    if (std::optional<FieldRef> other = LookupField(name);
        other.has_value() && (l.text[0] == '.' || (!absl::ascii_isdigit(l.text[0]) &&
                                                   !LookupValueName(field, l.text)))) {
      return FailAt(l, absl::StrCat("comparing with another field (", std::string(name),
                                    ") is not supported"));
    }
  }
  switch (kind) {
    case Kind::kUint:
    case Kind::kInt: {
      if (l.kind == Literal::Kind::kChar) {
        out->integer = static_cast<unsigned char>(l.text[0]);
        return true;
      }
      if (word && ParseInteger(l.text, &out->integer)) return true;
      if (std::optional<int64_t> v = LookupValueName(field, l.text); v.has_value()) {
        out->integer = *v;
        return true;
      }
      if (!word) {
        return FailAt(l, absl::StrCat(KindName(kind), " cannot be converted from a string (\"",
                                      l.text, "\")."));
      }
      return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid number."));
    }
    case Kind::kBool: {
      if (word) {
        if (SameIgnoringCase(l.text, "true")) {
          out->integer = 1;
          return true;
        }
        if (SameIgnoringCase(l.text, "false")) {
          out->integer = 0;
          return true;
        }
        if (ParseInteger(l.text, &out->integer)) {
          out->integer = out->integer != 0;
          return true;
        }
      }
      return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid boolean."));
    }
    case Kind::kDouble: {
      char* end = nullptr;
      const double d = word && !l.text.empty() ? std::strtod(l.text.c_str(), &end) : 0;
      if (end != nullptr && *end == '\0') {
        out->real = d;
        return true;
      }
      return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid number."));
    }
    case Kind::kRelTime:
      if (word && ParseSeconds(l.text, &out->integer)) return true;
      return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid time."));
    case Kind::kAbsTime:
      return FailAt(l, "absolute time values (\"2020-07-04T12:34:56\") are not supported");
    case Kind::kString:
      out->bytes = l.text;
      return true;
    case Kind::kBytes:
    case Kind::kEther:
      if (!word) {
        if (kind == Kind::kEther) {
          return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid Ethernet address."));
        }
        out->bytes = l.text;
        return true;
      }
      if (!ParseByteString(l.text, &out->bytes) ||
          (kind == Kind::kEther && out->bytes.size() != 6)) {
        return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid ",
                                      kind == Kind::kEther ? "Ethernet address." : "byte string."));
      }
      return true;
    case Kind::kOid:
      if (word && ParseOid(l.text, &out->bytes)) return true;
      return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid OID."));
    case Kind::kIpv4: {
      std::string_view s = l.text;
      out->prefix = 32;
      if (const size_t slash = s.find('/'); word && slash != std::string_view::npos) {
        if (!ParsePrefix(s.substr(slash + 1), 32, &out->prefix)) {
          return FailAt(l, absl::StrCat("Netmask bits in a CIDR IPv4 address should be <= 32, "
                                        "not ", std::string(s.substr(slash + 1))));
        }
        s = s.substr(0, slash);
      }
      in_addr a;
      if (!word || !inet_pton(AF_INET, std::string(s).c_str(), &a)) {
        return FailAt(l, absl::StrCat("\"", l.text,
                                      "\" is not a valid IPv4 address (names are not resolved)."));
      }
      out->integer = ntohl(a.s_addr);
      return true;
    }
    case Kind::kIpv6: {
      std::string_view s = l.text;
      out->prefix = 128;
      if (const size_t slash = s.find('/'); word && slash != std::string_view::npos) {
        if (!ParsePrefix(s.substr(slash + 1), 128, &out->prefix)) {
          return FailAt(l, "Prefix in a IPv6 address should be <= 128");
        }
        s = s.substr(0, slash);
      }
      in6_addr a;
      if (!word || !inet_pton(AF_INET6, std::string(s).c_str(), &a)) {
        return FailAt(l, absl::StrCat("\"", l.text, "\" is not a valid IPv6 address."));
      }
      out->bytes.assign(reinterpret_cast<const char*>(&a), 16);
      return true;
    }
    case Kind::kNone:
    case Kind::kProtocol:
      break;
  }
  return FailAt(l, "this value cannot be compared");
}

bool Compiler::Test(const ast::Test& test, Check* check) {
  const ast::Operand& o = test.operand;
  std::string_view name = o.field;
  if (!name.empty() && name[0] == '.') name.remove_prefix(1);
  std::optional<FieldRef> field = LookupField(name);
  if (!field.has_value()) {
    return Fail(absl::StrCat(o.field, " is neither a field nor a protocol name."), o.field_column,
                o.field_length);
  }
  check->field = *field;
  check->function = o.function;
  const Kind kind = field->kind;
  const std::string what = absl::StrCat(std::string(field->abbrev), " (type=", KindName(kind), ")");
  Kind value_kind = kind;
  if (o.slice.has_value()) {
    if (!IsBytesLike(kind)) {
      return Fail(absl::StrCat("\"", std::string(field->abbrev), "\" is a ", KindName(kind),
                               kind == Kind::kProtocol || kind == Kind::kOid
                                   ? " and slicing it is not supported (its bytes are not in "
                                     "the tree)."
                                   : " and cannot be sliced into a sequence of bytes."),
                  o.field_column, o.field_length);
    }
    check->has_slice = true;
    check->slice = *o.slice;
    value_kind = Kind::kBytes;
  }
  if (o.function == ast::Operand::Function::kLen) {
    if (!IsBytesLike(value_kind) && value_kind != Kind::kOid) {
      return Fail(absl::StrCat("len() of ", what, " is not supported"), o.column,
                  o.field_column + o.field_length - o.column);
    }
    value_kind = Kind::kUint;
  } else if (o.function == ast::Operand::Function::kCount) {
    value_kind = Kind::kUint;
  }
  if (o.mask.has_value()) {
    if (value_kind == Kind::kBytes || value_kind == Kind::kEther) {
      // Wireshark 4.0 masks byte fields octet by octet; not implemented here.
      return Fail(absl::StrCat(what, ": the bitwise & operator on bytes is not supported"),
                  o.field_column, o.field_length);
    }
    if (value_kind != Kind::kUint && value_kind != Kind::kInt && value_kind != Kind::kBool) {
      return Fail(absl::StrCat(what, " cannot be used with the bitwise & operator"),
                  o.field_column, o.field_length);
    }
    Constant mask;
    if (!Value(*o.mask, value_kind == Kind::kBool ? Kind::kUint : value_kind, *field, &mask)) {
      return false;
    }
    check->has_mask = true;
    check->mask = static_cast<uint64_t>(mask.integer);
    value_kind = Kind::kUint;
  }
  check->value_kind = value_kind;

  using R = ast::Relation;
  const uint32_t rc = test.relation_column, rl = test.relation_length;
  if (test.relation == R::kExists) {
    if (o.function != ast::Operand::Function::kNone) {
      return Fail("a function's value must be compared with something", o.column, 1);
    }
    check->compare = Compare::kExists;
    return true;
  }
  if (value_kind == Kind::kNone || value_kind == Kind::kProtocol) {
    return Fail(absl::StrCat(what, " can only be tested for presence (comparing a protocol's "
                                   "bytes is not supported)"),
                o.field_column, o.field_length);
  }
  bool all = false;
  switch (test.relation) {
    case R::kEq: check->compare = Compare::kEq; break;
    case R::kNe: check->compare = Compare::kNe; all = true; break;
    case R::kAllEq: check->compare = Compare::kEq; all = true; break;
    case R::kAnyNe: check->compare = Compare::kNe; break;
    case R::kLt: check->compare = Compare::kLt; break;
    case R::kGt: check->compare = Compare::kGt; break;
    case R::kLe: check->compare = Compare::kLe; break;
    case R::kGe: check->compare = Compare::kGe; break;
    case R::kContains: check->compare = Compare::kContains; break;
    case R::kMatches: check->compare = Compare::kMatches; break;
    case R::kIn: check->compare = Compare::kIn; break;
    case R::kExists: break;
  }
  if (test.quantifier == ast::Quantifier::kAny) all = false;
  if (test.quantifier == ast::Quantifier::kAll) all = true;
  check->all = all;

  const bool ordering = check->compare == Compare::kLt || check->compare == Compare::kGt ||
                        check->compare == Compare::kLe || check->compare == Compare::kGe;
  if (ordering && value_kind == Kind::kOid) {
    return Fail(absl::StrCat(what, ": ordering OIDs is not supported"), rc, rl);
  }
  if (check->compare == Compare::kContains && value_kind != Kind::kBytes &&
      value_kind != Kind::kString) {
    return Fail(absl::StrCat(what, " cannot participate in contains comparison."), rc, rl);
  }
  if (check->compare == Compare::kMatches) {
    if (value_kind != Kind::kString && value_kind != Kind::kBytes) {
      return Fail(absl::StrCat(what, " cannot participate in matches comparison."),
                  o.field_column, o.field_length);
    }
    if (test.value->kind != Literal::Kind::kString) {
      return FailAt(*test.value, "the right side of matches must be a double-quoted string");
    }
    std::string message;
    std::unique_ptr<Regex> regex = Regex::Compile(test.value->text, &message);
    if (regex == nullptr) return FailAt(*test.value, message);
    check->regex = static_cast<int>(program_->regexes.size());
    program_->regexes.push_back(std::move(regex));
    return true;
  }
  // contains on a string field takes the literal as text; on bytes as bytes.
  const Kind literal_kind = value_kind;
  check->first_constant = static_cast<uint32_t>(program_->constants.size());
  if (check->compare != Compare::kIn) {
    Constant c;
    if (!Value(*test.value, literal_kind, *field, &c)) return false;
    program_->constants.push_back(std::move(c));
    check->constant_count = 1;
    return true;
  }
  for (const ast::SetElement& e : test.set) {
    Constant low, high;
    if (!Value(e.low, literal_kind, *field, &low)) return false;
    if (e.high.has_value()) {
      if (value_kind == Kind::kOid) {
        return FailAt(e.low, "ranges of OIDs are not supported");
      }
      if (!Value(*e.high, literal_kind, *field, &high)) return false;
    }
    program_->constants.push_back(std::move(low));
    program_->constants.push_back(std::move(high));  // kind kNone unless a range
    check->constant_count += 2;
  }
  return true;
}

bool Compiler::Expr(const ast::Expr& expr, uint32_t* index) {
  Instr instr;
  instr.op = expr.op;
  if (expr.op == ast::Expr::Op::kTest) {
    Check check;
    if (!Test(expr.test, &check)) return false;
    instr.check = static_cast<uint32_t>(program_->checks.size());
    program_->checks.push_back(std::move(check));
  } else {
    std::vector<uint32_t> kids;
    for (const ast::Expr& child : expr.children) {
      uint32_t k;
      if (!Expr(child, &k)) return false;
      kids.push_back(k);
    }
    instr.first = static_cast<uint32_t>(program_->children.size());
    instr.count = static_cast<uint32_t>(kids.size());
    program_->children.insert(program_->children.end(), kids.begin(), kids.end());
  }
  *index = static_cast<uint32_t>(program_->instrs.size());
  program_->instrs.push_back(instr);
  return true;
}

}  // namespace

bool CompileProgram(const ast::Expr& expr, Program* program, FilterError* error) {
  Compiler compiler(program, error);
  return compiler.Expr(expr, &program->root);
}

}  // namespace snmpdissect::filter
