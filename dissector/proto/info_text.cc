#include "dissector/proto/info_text.h"

#include "dissector/value/value_format.h"

namespace snmpdissect::proto::info {

using tree::FieldType;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

void AppendChildValue(const Tree& tree, NodeId parent, tree::FieldId field, const char* label,
                      std::string* out) {
  const NodeId child = ChildOf(tree, parent, field);
  if (child == kNoNode) return;
  out->append(label);
  switch (tree.node(child).type) {
    case FieldType::kUint:
    case FieldType::kBool:
      value::AppendDecimal(tree.UintValue(child), out);
      break;
    case FieldType::kInt:
      value::AppendDecimal(tree.IntValue(child), out);
      break;
    case FieldType::kIpv4:
      value::AppendIpv4(tree.Ipv4Value(child), out);
      break;
    case FieldType::kIpv6:
      value::AppendIpv6(tree.TextValue(child), out);
      break;
    case FieldType::kEther:
      value::AppendEther(tree.TextValue(child), out);
      break;
    default:
      value::AppendHexBytes(tree.TextValue(child), out);  // kBytes: did not decode
      break;
  }
}

void AppendBytesAndBits(uint64_t n, const char* what, std::string* out) {
  value::AppendDecimal(n, out);
  out->append(" bytes");
  out->append(what);
  out->append(" (");
  value::AppendDecimal(n * 8, out);
  out->append(" bits)");
}

}  // namespace snmpdissect::proto::info
