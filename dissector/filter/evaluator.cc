// Running a Program over one frame's tree: no allocation (values are views
// into the tree; constants and regex match data belong to the program),
// recursion only as deep as the parser allowed.

#include <cstring>
#include <string_view>

#include "dissector/filter/program.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::filter {
namespace {

struct Derived {
  Kind kind = Kind::kNone;
  Int128 integer = 0;
  double real = 0;
  std::string_view bytes;
};

// The BER length of a dotted OID's content (X.690 8.19): the first two arcs
// share one subidentifier; each takes 7 bits per octet. len(snmp.name) is
// that length in Wireshark, whose OID values are the encoded octets.
uint64_t OidEncodedLength(std::string_view text) {
  uint64_t length = 0, first = 0;
  int arc_index = 0;
  size_t at = 0;
  while (at <= text.size()) {
    size_t end = text.find('.', at);
    if (end == std::string_view::npos) end = text.size();
    uint64_t arc = 0;
    for (size_t i = at; i < end; ++i) arc = arc * 10 + static_cast<uint64_t>(text[i] - '0');
    if (arc_index == 0) {
      first = arc;
    } else {
      const uint64_t sub = arc_index == 1 ? first * 40 + arc : arc;
      uint64_t n = 1;
      for (uint64_t v = sub >> 7; v != 0; v >>= 7) ++n;
      length += n;
    }
    ++arc_index;
    at = end + 1;
  }
  return arc_index == 1 ? 1 : length;
}

// Wireshark's drange: offsets from the end when negative; a slice that
// does not fit the value yields nothing.
bool ApplySlice(const ast::Slice& s, std::string_view in, std::string_view* out) {
  const int64_t size = static_cast<int64_t>(in.size());
  int64_t start = s.start < 0 ? size + s.start : s.start;
  int64_t length = 0;
  switch (s.form) {
    case ast::Slice::Form::kStartLength: length = s.second; break;
    case ast::Slice::Form::kOne: length = 1; break;
    case ast::Slice::Form::kToEnd: length = size - start; break;
    case ast::Slice::Form::kStartEnd: {
      const int64_t end = s.second < 0 ? size + s.second : s.second;
      length = end - start + 1;
      break;
    }
  }
  if (start < 0 || length < 0 || start > size || length > size - start) return false;
  *out = in.substr(static_cast<size_t>(start), static_cast<size_t>(length));
  return true;
}

bool Derive(const Check& check, const Value& v, Derived* d) {
  if (v.kind != check.field.kind) return false;  // raw bytes in a typed field
  Kind kind = v.kind;
  std::string_view bytes = v.bytes;
  if (check.has_slice) {
    if (!ApplySlice(check.slice, bytes, &bytes)) return false;
    kind = Kind::kBytes;
  }
  if (check.function == ast::Operand::Function::kLen) {
    d->kind = Kind::kUint;
    d->integer = kind == Kind::kOid ? OidEncodedLength(bytes) : bytes.size();
    return true;
  }
  d->kind = kind;
  switch (kind) {
    case Kind::kUint:
    case Kind::kIpv4:
      d->integer = v.scalar;
      break;
    case Kind::kBool:
      d->integer = v.scalar != 0;
      break;
    case Kind::kInt:
    case Kind::kAbsTime:
    case Kind::kRelTime:
      d->integer = static_cast<int64_t>(v.scalar);
      break;
    case Kind::kDouble: {
      double real;
      std::memcpy(&real, &v.scalar, sizeof real);
      d->real = real;
      break;
    }
    default:
      d->bytes = bytes;
      break;
  }
  if (check.has_mask) {
    d->integer = static_cast<Int128>(static_cast<uint64_t>(d->integer) & check.mask);
    d->kind = Kind::kUint;
  }
  return true;
}

// -1, 0, 1. IPv4 and IPv6 compare under the constant's prefix.
int Order(const Derived& d, const Constant& c) {
  switch (d.kind) {
    case Kind::kDouble:
      return d.real < c.real ? -1 : d.real > c.real ? 1 : 0;
    case Kind::kIpv4: {
      const uint32_t mask = c.prefix == 0 ? 0 : ~uint32_t{0} << (32 - c.prefix);
      const uint32_t a = static_cast<uint32_t>(d.integer) & mask;
      const uint32_t b = static_cast<uint32_t>(c.integer) & mask;
      return a < b ? -1 : a > b ? 1 : 0;
    }
    case Kind::kIpv6: {
      if (d.bytes.size() != 16 || c.bytes.size() != 16) return d.bytes.compare(c.bytes);
      for (int i = 0; i < 16; ++i) {
        const int bits = c.prefix - i * 8;
        const unsigned mask = bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
        const unsigned a = static_cast<unsigned char>(d.bytes[i]) & mask;
        const unsigned b = static_cast<unsigned char>(c.bytes[i]) & mask;
        if (a != b) return a < b ? -1 : 1;
      }
      return 0;
    }
    case Kind::kBytes:
    case Kind::kString:
    case Kind::kEther:
    case Kind::kOid: {
      const int r = d.bytes.compare(c.bytes);
      return r < 0 ? -1 : r > 0 ? 1 : 0;
    }
    default:
      return d.integer < c.integer ? -1 : d.integer > c.integer ? 1 : 0;
  }
}

bool Passes(const Program& program, const Check& check, const Derived& d) {
  const Constant* c = program.constants.data() + check.first_constant;
  switch (check.compare) {
    case Compare::kExists: return !check.has_mask || d.integer != 0;
    case Compare::kEq: return Order(d, *c) == 0;
    case Compare::kNe: return Order(d, *c) != 0;
    case Compare::kLt: return Order(d, *c) < 0;
    case Compare::kGt: return Order(d, *c) > 0;
    case Compare::kLe: return Order(d, *c) <= 0;
    case Compare::kGe: return Order(d, *c) >= 0;
    case Compare::kContains:
      return d.bytes.find(c->bytes) != std::string_view::npos;
    case Compare::kMatches:
      return program.regexes[static_cast<size_t>(check.regex)]->Matches(d.bytes);
    case Compare::kIn:
      for (uint32_t i = 0; i + 1 < check.constant_count; i += 2) {
        const Constant& low = c[i];
        const Constant& high = c[i + 1];
        if (high.kind == Kind::kNone) {
          if (Order(d, low) == 0) return true;
        } else if (Order(d, low) >= 0 && Order(d, high) <= 0) {
          return true;
        }
      }
      return false;
  }
  return false;
}

bool RunCheck(const Program& program, const Check& check, const tree::Tree& tree) {
  if (check.function == ast::Operand::Function::kCount) {
    uint64_t n = 0;
    ForEachOccurrence(tree, check.field, [&](const Value&) {
      ++n;
      return false;
    });
    if (n == 0) return false;  // a function's field must exist, as in Wireshark
    Derived d;
    d.kind = Kind::kUint;
    d.integer = n;
    return Passes(program, check, d);
  }
  if (check.compare == Compare::kExists && !check.has_slice && !check.has_mask) {
    return ForEachOccurrence(tree, check.field, [](const Value&) { return true; });
  }
  bool seen = false;
  bool result = check.all;
  ForEachOccurrence(tree, check.field, [&](const Value& v) {
    Derived d;
    if (!Derive(check, v, &d)) return false;
    seen = true;
    const bool pass = Passes(program, check, d);
    if (check.all && !pass) {
      result = false;
      return true;
    }
    if (!check.all && pass) {
      result = true;
      return true;
    }
    return false;
  });
  return seen && result;
}

bool Run(const Program& program, uint32_t index, const tree::Tree& tree) {
  const Instr& instr = program.instrs[index];
  switch (instr.op) {
    case ast::Expr::Op::kTest:
      return RunCheck(program, program.checks[instr.check], tree);
    case ast::Expr::Op::kNot:
      return !Run(program, program.children[instr.first], tree);
    case ast::Expr::Op::kAnd:
      for (uint32_t i = 0; i < instr.count; ++i) {
        if (!Run(program, program.children[instr.first + i], tree)) return false;
      }
      return true;
    case ast::Expr::Op::kOr:
      for (uint32_t i = 0; i < instr.count; ++i) {
        if (Run(program, program.children[instr.first + i], tree)) return true;
      }
      return false;
  }
  return false;
}

}  // namespace

bool Evaluate(const Program& program, const tree::Tree& tree) {
  if (program.instrs.empty()) return true;
  return Run(program, program.root, tree);
}

}  // namespace snmpdissect::filter
