#include "dissector/proto/testing/snmp_test_util.h"

#include "codec/snmp/testing/tlv.h"
#include "dissector/print/text_tree.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto::testing {

void ExpectWellFormedSnmpTree(const tree::Tree& tree, size_t frame_length) {
  ExpectWellFormedTree(tree, frame_length);
  for (tree::NodeId id = 1; id < tree.size(); ++id) {
    const tree::Node& node = tree.node(id);
    if (node.parent == tree::Tree::kRoot || node.range.length == 0 ||
        node.range.source == tree.node(node.parent).range.source) {
      continue;
    }
    tree::NodeId ancestor = node.parent;
    while (ancestor != tree::Tree::kRoot && ancestor != node.range.source) {
      ancestor = tree.node(ancestor).parent;
    }
    EXPECT_EQ(ancestor, node.range.source)
        << tree.field(id).abbrev << ": its data source is not an ancestor";
  }
}

void Dissect(const std::string& message, Dissected* out, size_t frame_offset,
             usm::Processor* usm, const mib::Table* mib) {
  SnmpDissector dissector;
  dissector.set_usm(usm);
  dissector.set_mib(mib);
  out->tree.Clear();
  out->result = dissector.Dissect(snmp::testing::AsBytes(message), {.offset = frame_offset},
                                  &out->tree, tree::Tree::kRoot);
  out->text.clear();
  print::TextTreePrinter().Print(out->tree, &out->text);
  ExpectWellFormedSnmpTree(out->tree, frame_offset + message.size());
}

std::string DissectedText(const std::string& message) {
  Dissected d;
  Dissect(message, &d);
  return d.text;
}

}  // namespace snmpdissect::proto::testing
