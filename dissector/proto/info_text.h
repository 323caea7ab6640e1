// Helpers the layers' Info and top-line builders share: reading a value a
// layer just put in the tree (its own children), as Wireshark's dissectors
// read the values they add when they write COL_INFO or their
// proto_tree_add_protocol_format line.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_INFO_TEXT_H_
#define SNMPDISSECT_DISSECTOR_PROTO_INFO_TEXT_H_

#include <cstdint>
#include <string>

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

// Appends `label` and the value of `parent`'s first child of `field`, when
// there is one, as the top lines print it ("..., Src Port: 161"): the
// -T fields text (value_text.h), integers in decimal without names.
void AppendChildValue(const tree::Tree& tree, tree::NodeId parent, tree::FieldId field,
                      const char* label, std::string* out);

// packet-frame.c's "74 bytes on wire (592 bits)": `n` octets, `what`.
void AppendBytesAndBits(uint64_t n, const char* what, std::string* out);

}  // namespace snmpdissect::proto::info

#endif  // SNMPDISSECT_DISSECTOR_PROTO_INFO_TEXT_H_
