#include "dissector/print/glossary.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace snmpdissect::print {
namespace {

using tree::FieldInfo;
using tree::FieldType;

// An integer row's width in bits: the one it declares, else its bit
// field's, else its hex digits' (Wireshark keeps the FT_UINTn width in
// both), else 32.
int IntegerBits(const FieldInfo& f) {
  if (f.width != 0) return f.width;
  if (f.bit_width == 8 || f.bit_width == 16 || f.bit_width == 24 || f.bit_width == 32 ||
      f.bit_width == 64) {
    return f.bit_width;
  }
  if (f.hex_digits >= 2 && f.hex_digits <= 16 && f.hex_digits % 2 == 0) {
    const int bits = f.hex_digits * 4;
    if (bits != 40 && bits != 48 && bits != 56) return bits;
  }
  return 32;
}

absl::string_view Text(const char* s) { return s == nullptr ? absl::string_view() : s; }

// The row's parent protocol as tshark names it: the innermost protocol row
// of its block whose abbreviation prefixes the row's ("ipv6.hopopts" for
// ipv6.hopopts.nxt), else the block's protocol.
absl::string_view ParentProtocol(const FieldInfo& f) {
  const std::string_view abbrev = f.abbrev;
  absl::string_view best = Text(tree::GetField(f.parent).abbrev);
  for (size_t id = static_cast<uint16_t>(f.parent); id < static_cast<uint16_t>(f.id); ++id) {
    const FieldInfo& p = tree::GetField(static_cast<tree::FieldId>(id));
    if (p.type != FieldType::kProtocol) continue;
    const std::string_view name = p.abbrev;
    if (name.size() > best.size() && abbrev.size() > name.size() && abbrev.starts_with(name) &&
        abbrev[name.size()] == '.') {
      best = Text(p.abbrev);
    }
  }
  return best;
}

}  // namespace

std::string_view WiresharkTypeName(const FieldInfo& f) {
  static constexpr std::string_view kUint[] = {"FT_UINT8", "FT_UINT16", "FT_UINT24",
                                               "FT_UINT32", "FT_UINT64"};
  static constexpr std::string_view kInt[] = {"FT_INT8", "FT_INT16", "FT_INT24", "FT_INT32",
                                              "FT_INT64"};
  auto index = [](int bits) { return bits == 64 ? 4 : bits / 8 - 1; };
  switch (f.type) {
    case FieldType::kNone: return "FT_NONE";
    case FieldType::kProtocol: return "FT_PROTOCOL";
    case FieldType::kUint: return kUint[index(IntegerBits(f))];
    case FieldType::kInt: return kInt[index(IntegerBits(f))];
    case FieldType::kBool: return "FT_BOOLEAN";
    case FieldType::kDouble: return "FT_DOUBLE";
    case FieldType::kBytes: return "FT_BYTES";
    case FieldType::kString: return "FT_STRING";
    case FieldType::kOid: return "FT_OID";
    case FieldType::kIpv4: return "FT_IPv4";
    case FieldType::kIpv6: return "FT_IPv6";
    case FieldType::kEther: return "FT_ETHER";
    case FieldType::kAbsoluteTime: return "FT_ABSOLUTE_TIME";
    case FieldType::kRelativeTime: return "FT_RELATIVE_TIME";
  }
  return "FT_NONE";
}

void AppendFieldGlossary(std::string* out) {
  for (const FieldInfo& f : tree::AllFields()) {
    if (f.id == tree::kRootField) continue;
    if (f.type == FieldType::kProtocol) {
      absl::StrAppend(out, "P\t", Text(f.name), "\t", Text(f.abbrev), "\n");
      continue;
    }
    std::string base;
    if (f.type == FieldType::kUint || f.type == FieldType::kInt) {
      base = f.display == tree::Display::kHex ? "BASE_HEX" : "BASE_DEC";
    } else if (f.type == FieldType::kBool && f.bitmask != 0) {
      base = absl::StrCat(f.bit_width);
    }
    absl::StrAppend(out, "F\t", Text(f.name), "\t", Text(f.abbrev), "\t", absl::string_view(WiresharkTypeName(f).data(), WiresharkTypeName(f).size()),
                    "\t", ParentProtocol(f), "\t", base, "\t",
                    absl::StrFormat("0x%x", f.bitmask), "\t", Text(f.description), "\n");
  }
}

void AppendProtocolGlossary(std::string* out) {
  for (const FieldInfo& f : tree::AllFields()) {
    if (f.id == tree::kRootField || f.type != FieldType::kProtocol) continue;
    // Protocols that never name a frame have no short name of their own:
    // their name stands in, as Wireshark's name-only protocols do.
    const absl::string_view short_name = f.short_name != nullptr ? f.short_name : Text(f.name);
    absl::StrAppend(out, Text(f.name), "\t", short_name, "\t", Text(f.abbrev), "\n");
  }
}

}  // namespace snmpdissect::print
