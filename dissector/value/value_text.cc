#include "dissector/value/value_text.h"

#include <bit>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "dissector/value/escape.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::value {
namespace {

using tree::Display;
using tree::FieldInfo;
using tree::FieldType;
using tree::NodeId;
using tree::Tree;

// tshark -T fields: decimal, value names never applied; BASE_HEX as "0x"
// and the digits of the field's FT_UINTn width ("0x0800").
template <typename T>
void AppendFieldsInteger(const FieldInfo& field, T value, std::string* out) {
  if (field.display == Display::kHex) {
    AppendHexPadded(static_cast<uint64_t>(value), HexDigits(field), out);
  } else {
    AppendDecimal(value, out);
  }
}

// "name (value)" when the field names its values, else the number.
template <typename T>
void AppendNamedInteger(const FieldInfo& field, T value, std::string* out) {
  if (field.display == Display::kItemCount) {
    AppendDecimal(value, out);
    out->append(value == 1 ? " item" : " items");
    return;
  }
  if (field.display == Display::kHex) {
    AppendHexPadded(static_cast<uint64_t>(value), 1, out);  // "0x" and the digits
    return;
  }
  const char* name = nullptr;
  if (!field.value_names.empty() || field.unknown_name != nullptr) {
    // Values above INT64_MAX have no name (the tables are signed ranges).
    const bool fits = !(std::is_unsigned_v<T> && value > static_cast<T>(INT64_MAX));
    name = fits ? tree::ValueNameOf(field, static_cast<int64_t>(value))
                : field.unknown_name;
  }
  if (name == nullptr) {
    AppendDecimal(value, out);
    return;
  }
  absl::StrAppend(out, name, " (");
  AppendDecimal(value, out);
  out->push_back(')');
}

const char* FirstArcName(std::string_view first) {
  return first == "0"   ? "itu-t"
         : first == "1" ? "iso"
         : first == "2" ? "joint-iso-itu-t"
                        : nullptr;
}

// The first child of `id` whose field has `display` (a MIB resolution:
// fields.h kOidName, kValueText), or kNoNode.
NodeId ChildWithDisplay(const Tree& tree, NodeId id, Display display) {
  for (NodeId c = tree.node(id).first_child; c != tree::kNoNode; c = tree.node(c).next_sibling) {
    if (tree.field(c).display == display && tree.node(c).type == FieldType::kString) return c;
  }
  return tree::kNoNode;
}

// "1.3.6.1.2.1 (iso.3.6.1.2.1)", like tshark without MIBs.
void AppendResolvedOid(std::string_view dotted, std::string* out) {
  AppendEscaped(dotted, EscapeQuotes::kNo, out);
  if (FirstArcName(dotted.substr(0, dotted.find('.'))) == nullptr) return;
  out->append(" (");
  AppendResolvedOidName(dotted, out);
  out->push_back(')');
}

// Draws the field's bits within its octet(s), e.g. ".... .1.. " for 0x04.
void AppendBitPattern(const FieldInfo& field, uint64_t value, std::string* out) {
  const int shift = std::countr_zero(field.bitmask);
  const uint64_t bits = (value << shift) & field.bitmask;
  for (int i = field.bit_width - 1; i >= 0; --i) {
    const uint64_t bit = uint64_t{1} << i;
    out->push_back((field.bitmask & bit) == 0 ? '.' : ((bits & bit) != 0 ? '1' : '0'));
    if (i % 4 == 0 && i != 0) out->push_back(' ');
  }
  out->append(" = ");
}

// A child's text in a VarBind's summary line: its value, or its name if it
// has none (tshark shows "1.3.6.1.2.1.1.1.0: Value (Null)"). The first
// part, the object name, is named as packet-snmp.c names it.
void AppendSummaryPart(const Tree& tree, NodeId id, bool first, std::string* out) {
  const tree::Node& node = tree.node(id);
  const NodeId shown =
      ChildWithDisplay(tree, id, first ? Display::kOidName : Display::kValueText);
  if (node.type == FieldType::kOid && first && shown != tree::kNoNode) {
    // With a MIB name: "SNMPv2-MIB::sysDescr.0 (1.3.6.1.2.1.1.1.0)".
    AppendEscaped(tree.TextValue(shown), EscapeQuotes::kNo, out);
    out->append(" (");
    AppendEscaped(tree.TextValue(id), EscapeQuotes::kNo, out);
    out->push_back(')');
  } else if (node.type == FieldType::kOid && first) {
    AppendVarBindOid(tree.TextValue(id), /*with_dotted=*/true, out);
  } else if (!first && shown != tree::kNoNode) {
    AppendEscaped(tree.TextValue(shown), EscapeQuotes::kNo, out);
  } else if (node.type == FieldType::kNone || node.type == FieldType::kProtocol) {
    out->append(node.label != nullptr ? node.label : tree.field(id).name);
  } else {
    AppendValueText(tree, id, ValueStyle::kTree, out);
  }
}

// The protocol's own top line (fields.h SummaryBuilder), when it builds one.
bool AppendProtocolSummary(const Tree& tree, NodeId id, std::string* out) {
  const tree::SummaryBuilder build = tree.field(id).summary;
  return build != nullptr && build(tree, id, out);
}

}  // namespace

void AppendResolvedOidName(std::string_view dotted, std::string* out) {
  const size_t dot = dotted.find('.');
  const char* root = FirstArcName(dotted.substr(0, dot));
  if (root == nullptr) {
    AppendEscaped(dotted, EscapeQuotes::kNo, out);
    return;
  }
  out->append(root);
  if (dot != std::string_view::npos) AppendEscaped(dotted.substr(dot), EscapeQuotes::kNo, out);
}

void AppendVarBindOid(std::string_view dotted, bool with_dotted, std::string* out) {
  const size_t dot = dotted.find('.');
  const char* root = FirstArcName(dotted.substr(0, dot));
  // Under 1.3 the deepest matched node is unnamed: the dotted form.
  const bool unnamed = root == nullptr || dotted.substr(0, 4) == "1.3." || dotted == "1.3";
  if (unnamed) {
    AppendEscaped(dotted, EscapeQuotes::kNo, out);
    return;
  }
  AppendResolvedOidName(dotted, out);
  if (with_dotted) {
    out->append(" (");
    AppendEscaped(dotted, EscapeQuotes::kNo, out);
    out->push_back(')');
  }
}

void AppendValueText(const Tree& tree, NodeId id, ValueStyle style, std::string* out) {
  const tree::Node& node = tree.node(id);
  const FieldInfo& field = tree.field(id);
  const bool fields = style == ValueStyle::kFields;
  switch (node.type) {
    case FieldType::kNone:
      if (fields) out->push_back('1');  // print.c: "so that the presence ... can be checked"
      return;
    case FieldType::kProtocol:
      // print.c: the representation when the dissector made one, else the
      // abbreviation. Options inside TCP/IP are FT_BYTES in Wireshark (their
      // octets in hex); the tree does not keep them, so they print the
      // abbreviation too. The tree line is the node line's (AppendNodeLine).
      if (fields && (node.parent != Tree::kRoot || !AppendProtocolSummary(tree, id, out))) {
        out->append(field.abbrev);
      }
      return;
    case FieldType::kUint:
      if (fields) {
        AppendFieldsInteger(field, tree.UintValue(id), out);
        return;
      }
      AppendNamedInteger(field, tree.UintValue(id), out);
      if (field.display == Display::kOctetCount) {
        // packet-frame.c: "Frame Length: 74 bytes (592 bits)".
        out->append(" bytes (");
        AppendDecimal(tree.UintValue(id) * 8, out);
        out->append(" bits)");
      }
      return;
    case FieldType::kInt:
      if (fields) {
        AppendFieldsInteger(field, tree.IntValue(id), out);
      } else {
        AppendNamedInteger(field, tree.IntValue(id), out);
      }
      return;
    case FieldType::kBool:
      if (fields) {
        out->push_back(tree.BoolValue(id) ? '1' : '0');
      } else {
        out->append(tree.BoolValue(id) ? field.true_false.true_text
                                       : field.true_false.false_text);
      }
      return;
    case FieldType::kDouble:
      AppendDouble(tree.DoubleValue(id), field.display == Display::kSinglePrecision, out);
      return;
    case FieldType::kBytes: {
      const std::string_view bytes = tree.TextValue(id);
      if (!fields && field.display == Display::kTextIfPrintable && IsPrintableText(bytes)) {
        out->push_back('"');  // empty text too: ""
        AppendEscaped(bytes, EscapeQuotes::kYes, out);
        out->push_back('"');
      } else if (bytes.empty()) {
        // tshark 4.0 -T fields prints an empty FT_BYTES value as "<MISSING>".
        out->append(fields ? "<MISSING>" : "<empty>");
      } else {
        AppendHexBytes(bytes, out);
      }
      return;
    }
    case FieldType::kString: {
      const std::string_view text = tree.TextValue(id);
      if (text.empty() && !fields) {
        out->append("<empty>");
      } else {
        AppendEscaped(text, EscapeQuotes::kNo, out);
      }
      return;
    }
    case FieldType::kOid:
      if (fields) {
        AppendEscaped(tree.TextValue(id), EscapeQuotes::kNo, out);
      } else if (const NodeId name = ChildWithDisplay(tree, id, Display::kOidName);
                 name != tree::kNoNode) {
        AppendEscaped(tree.TextValue(id), EscapeQuotes::kNo, out);
        out->append(" (");
        AppendEscaped(tree.TextValue(name), EscapeQuotes::kNo, out);
        out->push_back(')');
      } else {
        AppendResolvedOid(tree.TextValue(id), out);
      }
      return;
    case FieldType::kIpv4:
      AppendIpv4(tree.Ipv4Value(id), out);
      return;
    case FieldType::kIpv6:
      AppendIpv6(tree.TextValue(id), out);
      return;
    case FieldType::kEther:
      AppendEther(tree.TextValue(id), out);
      return;
    case FieldType::kAbsoluteTime:
      AppendAbsoluteTime(tree.IntValue(id), out);
      return;
    case FieldType::kRelativeTime:
      AppendRelativeTime(tree.IntValue(id), 9, out);
      if (!fields) out->append(" seconds");
      return;
  }
}

void AppendNodeLine(const Tree& tree, NodeId id, std::string* out) {
  const tree::Node& node = tree.node(id);
  const FieldInfo& field = tree.field(id);
  const char* label = node.label != nullptr ? node.label : field.name;
  if (node.generated) out->push_back('[');
  if (node.type == FieldType::kNone || node.type == FieldType::kProtocol) {
    const NodeId first = node.first_child;
    if (field.display == Display::kSummaryOfChildren && first != tree::kNoNode) {
      AppendSummaryPart(tree, first, /*first=*/true, out);
      const NodeId second = tree.node(first).next_sibling;
      if (second != tree::kNoNode) {
        out->append(": ");
        AppendSummaryPart(tree, second, /*first=*/false, out);
      }
    } else if (node.label != nullptr || node.type != FieldType::kProtocol ||
               !AppendProtocolSummary(tree, id, out)) {
      out->append(label);
    }
  } else {
    if (field.bitmask != 0 && field.bit_width > 0 && node.type != FieldType::kBytes) {
      AppendBitPattern(field, tree.UintValue(id), out);
    }
    absl::StrAppend(out, label, ": ");
    AppendValueText(tree, id, ValueStyle::kTree, out);
  }
  if (node.generated) out->push_back(']');
}

void AppendDiagnosticText(const Tree& tree, tree::DiagnosticId id, std::string* out) {
  const tree::Diagnostic& d = tree.diagnostic(id);
  const tree::ExpertInfo& expert = tree::GetExpert(d.expert);
  absl::StrAppend(out, "Expert Info (", tree::SeverityName(d.severity), "/",
                  tree::GroupName(expert.group), "): ");
  if (d.text.length == 0) {
    out->append(expert.summary);
  } else {
    AppendEscaped(tree.Text(d.text), EscapeQuotes::kNo, out);
  }
}

}  // namespace snmpdissect::value
