// Helpers the layers' Info builders share: reading a value a layer just put
// in the tree (its own children), as Wireshark's dissectors read the
// values they add when they write COL_INFO.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_INFO_TEXT_H_
#define SNMPDISSECT_DISSECTOR_PROTO_INFO_TEXT_H_

#include <cstdint>

#include "dissector/tree/tree.h"

namespace snmpdissect::proto::info {

// The first direct child of `parent` with `field`, or kNoNode.
inline tree::NodeId ChildOf(const tree::Tree& tree, tree::NodeId parent, tree::FieldId field) {
  for (tree::NodeId c = tree.node(parent).first_child; c != tree::kNoNode;
       c = tree.node(c).next_sibling) {
    if (tree.node(c).field == field) return c;
  }
  return tree::kNoNode;
}

inline uint64_t UintOf(const tree::Tree& tree, tree::NodeId parent, tree::FieldId field,
                       uint64_t absent = 0) {
  const tree::NodeId id = ChildOf(tree, parent, field);
  return id == tree::kNoNode ? absent : tree.UintValue(id);
}

inline bool BoolOf(const tree::Tree& tree, tree::NodeId parent, tree::FieldId field) {
  const tree::NodeId id = ChildOf(tree, parent, field);
  return id != tree::kNoNode && tree.BoolValue(id);
}

}  // namespace snmpdissect::proto::info

#endif  // SNMPDISSECT_DISSECTOR_PROTO_INFO_TEXT_H_
