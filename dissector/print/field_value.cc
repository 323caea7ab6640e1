#include "dissector/print/field_value.h"

#include "dissector/print/escape.h"
#include "dissector/print/protocol_summary.h"
#include "dissector/print/value_format.h"

namespace snmpdissect::print {

using tree::Display;
using tree::FieldType;

void AppendFieldValue(const tree::Tree& tree, tree::NodeId id, std::string* out) {
  const tree::Node& node = tree.node(id);
  const tree::FieldInfo& field = tree.field(id);
  switch (node.type) {
    case FieldType::kNone:
      out->push_back('1');  // print.c: "so that the presence ... can be checked"
      return;
    case FieldType::kProtocol:
      // print.c: the representation when the dissector made one, else the
      // abbreviation. Options inside TCP/IP are FT_BYTES in Wireshark (their
      // octets in hex); the tree does not keep them, so they print the
      // abbreviation too.
      if (node.parent != tree::Tree::kRoot || !AppendProtocolSummary(tree, id, out)) {
        out->append(field.abbrev);
      }
      return;
    case FieldType::kUint:
      if (field.display == Display::kHex) {
        AppendHexPadded(tree.UintValue(id), HexDigits(field), out);
      } else {
        AppendDecimal(tree.UintValue(id), out);
      }
      return;
    case FieldType::kInt:
      if (field.display == Display::kHex) {
        AppendHexPadded(tree.UintValue(id), HexDigits(field), out);
      } else {
        AppendDecimal(tree.IntValue(id), out);
      }
      return;
    case FieldType::kBool:
      out->push_back(tree.BoolValue(id) ? '1' : '0');
      return;
    case FieldType::kDouble:
      AppendDouble(tree.DoubleValue(id), field.display == Display::kSinglePrecision, out);
      return;
    case FieldType::kBytes:
      // tshark 4.0 prints an empty FT_BYTES value as "<MISSING>".
      if (tree.TextValue(id).empty()) {
        out->append("<MISSING>");
      } else {
        AppendHexBytes(tree.TextValue(id), out);
      }
      return;
    case FieldType::kString:
    case FieldType::kOid:
      AppendEscaped(tree.TextValue(id), EscapeQuotes::kNo, out);
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
      return;
  }
}

}  // namespace snmpdissect::print
