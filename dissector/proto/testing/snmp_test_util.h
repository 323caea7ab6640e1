// Test helpers for the SNMP layer: dissect a message spelled with the codec's
// TLV helpers and return the tree, the printed text, or check invariants.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_TEST_UTIL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_TEST_UTIL_H_

#include <string>

#include "codec/snmp/testing/tlv.h"
#include "dissector/print/text_tree.h"
#include "dissector/proto/snmp.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto::testing {

// Every node holds a value its field allows, and lies within its parent's
// byte range (the root and zero-length nodes excepted). A node in another
// data source than its parent (dissected from decrypted or reassembled
// bytes) lies within the bytes of that source, which is an ancestor.
inline void ExpectWellFormedTree(const tree::Tree& tree) {
  for (tree::NodeId id = 1; id < tree.size(); ++id) {
    const tree::Node& node = tree.node(id);
    EXPECT_TRUE(tree::Tree::TypeFits(node.field, node.type))
        << tree.field(id).abbrev << " holds type " << static_cast<int>(node.type);
    if (node.parent == tree::Tree::kRoot || node.range.length == 0) continue;
    const tree::Range up = tree.node(node.parent).range;
    if (node.range.source != up.source) {
      tree::NodeId ancestor = node.parent;
      while (ancestor != tree::Tree::kRoot && ancestor != node.range.source) {
        ancestor = tree.node(ancestor).parent;
      }
      ASSERT_EQ(ancestor, node.range.source)
          << tree.field(id).abbrev << ": its data source is not an ancestor";
      EXPECT_TRUE(tree.node(ancestor).type == tree::FieldType::kBytes);
      EXPECT_LE(node.range.end(), tree.TextValue(ancestor).size())
          << tree.field(id).abbrev << " outside its data source";
      continue;
    }
    EXPECT_TRUE(node.range.offset >= up.offset && node.range.end() <= up.end())
        << tree.field(id).abbrev << " [" << node.range.offset << ", " << node.range.end()
        << ") outside " << tree.field(node.parent).abbrev << " [" << up.offset << ", "
        << up.end() << ")";
  }
}

struct Dissected {
  tree::Tree tree;
  SnmpDissection result;
  std::string text;
};

// Dissects `message`, with USM processing when `usm` is given.
inline void Dissect(const std::string& message, Dissected* out, size_t frame_offset = 0,
                    usm::Processor* usm = nullptr) {
  SnmpDissector dissector;
  dissector.set_usm(usm);
  out->tree.Clear();
  out->result = dissector.Dissect(snmp::testing::AsBytes(message), {.offset = frame_offset},
                                  &out->tree, tree::Tree::kRoot);
  out->text.clear();
  print::TextTreePrinter().Print(out->tree, &out->text);
  ExpectWellFormedTree(out->tree);
}

inline std::string DissectedText(const std::string& message) {
  Dissected d;
  Dissect(message, &d);
  return d.text;
}

}  // namespace snmpdissect::proto::testing

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_TEST_UTIL_H_
