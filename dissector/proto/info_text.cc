#include "dissector/proto/info_text.h"

#include "dissector/value/value_format.h"
#include "dissector/value/value_text.h"

namespace snmpdissect::proto::info {

using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

void AppendChildValue(const Tree& tree, NodeId parent, tree::FieldId field, const char* label,
                      std::string* out) {
  const NodeId child = ChildOf(tree, parent, field);
  if (child == kNoNode) return;
  out->append(label);
  // The one value formatter, as -T fields prints it: what the top lines
  // show (decimal ports, sequence numbers and VLAN bits, dotted and colon
  // addresses) with no value names.
  value::AppendValueText(tree, child, value::ValueStyle::kFields, out);
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
