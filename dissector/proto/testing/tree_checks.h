// Test support: invariants every dissection tree of the capture pipeline
// must hold, and small lookups. Test-only.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_TESTING_TREE_CHECKS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_TESTING_TREE_CHECKS_H_

#include <string>
#include <vector>

#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/tcp_fields.h"
#include "dissector/tree/tree.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto::testing {

// The length of data source `source`: the frame's, or the octets held by
// the node whose id it is.
inline uint64_t SourceLength(const tree::Tree& tree, tree::SourceId source,
                             size_t frame_length) {
  if (source == tree::kFrameSource) return frame_length;
  if (source >= tree.size()) return 0;
  return tree.TextValue(source).size();
}

// Every node holds a value its field allows; lies within its data source;
// and, when in the same source as its parent, within the parent's range
// (the root, zero-length nodes and layer nodes excepted). A source other
// than the frame is a node that holds bytes and was added before.
//
// The exceptions are Wireshark's: a layer node covers its header, and the
// octets after its payload (eth.padding, eth.trailer) or held for
// reassembly (tcp.segment_data) hang under it.
inline void ExpectWellFormedTree(const tree::Tree& tree, size_t frame_length) {
  for (tree::NodeId id = 1; id < tree.size(); ++id) {
    const tree::Node& node = tree.node(id);
    const char* name = tree.field(id).abbrev;
    EXPECT_TRUE(tree::Tree::TypeFits(node.field, node.type))
        << name << " holds type " << static_cast<int>(node.type);
    const tree::SourceId source = node.range.source;
    if (source != tree::kFrameSource) {
      ASSERT_LT(source, id) << name << ": source " << source << " is not an earlier node";
      EXPECT_EQ(tree.node(source).type, tree::FieldType::kBytes) << name;
    }
    EXPECT_LE(node.range.end(), SourceLength(tree, source, frame_length))
        << name << " [" << node.range.offset << ", " << node.range.end() << ") in source "
        << source;
    if (node.parent == tree::Tree::kRoot || node.range.length == 0) continue;
    if (node.field == Eth::hf[Eth::kPadding] || node.field == Eth::hf[Eth::kTrailer] ||
        node.field == Tcp::hf[Tcp::kSegmentData]) {
      continue;
    }
    const tree::Range up = tree.node(node.parent).range;
    if (up.source != source || up.length == 0) continue;
    EXPECT_TRUE(node.range.offset >= up.offset && node.range.end() <= up.end())
        << name << " [" << node.range.offset << ", " << node.range.end() << ") outside "
        << tree.field(node.parent).abbrev << " [" << up.offset << ", " << up.end() << ")";
  }
}

// Every node of `field`, in pre-order.
inline std::vector<tree::NodeId> FindAll(const tree::Tree& tree, tree::FieldId field) {
  std::vector<tree::NodeId> out;
  for (tree::NodeId id = 1; id < tree.size(); ++id) {
    if (tree.node(id).field == field) out.push_back(id);
  }
  return out;
}

// The top-level layers' abbreviations, joined with ':'.
inline std::string Layers(const tree::Tree& tree) {
  std::string out;
  for (tree::NodeId id = tree.node(tree::Tree::kRoot).first_child; id != tree::kNoNode;
       id = tree.node(id).next_sibling) {
    if (!out.empty()) out += ':';
    out += tree.field(id).abbrev;
  }
  return out;
}

// Whether any diagnostic of `expert` is in the tree.
inline bool HasExpert(const tree::Tree& tree, tree::ExpertId expert) {
  for (tree::DiagnosticId i = 0; i < tree.diagnostic_count(); ++i) {
    if (tree.diagnostic(i).expert == expert) return true;
  }
  return false;
}

// All diagnostics' texts (or summaries), one per line, for failure output.
inline std::string Diagnostics(const tree::Tree& tree) {
  std::string out;
  for (tree::DiagnosticId i = 0; i < tree.diagnostic_count(); ++i) {
    const tree::Diagnostic& d = tree.diagnostic(i);
    out += tree::GetExpert(d.expert).abbrev;
    out += ": ";
    out += d.text.length > 0 ? std::string(tree.Text(d.text))
                             : std::string(tree::GetExpert(d.expert).summary);
    out += '\n';
  }
  return out;
}

}  // namespace snmpdissect::proto::testing

#endif  // SNMPDISSECT_DISSECTOR_PROTO_TESTING_TREE_CHECKS_H_
