// Renders one SNMP message's dissection tree (tree::Tree, built by the
// engine) into epan's proto_tree: one item per node with the field the
// registration generated for its row, the node's byte range in its data
// source, its typed value, the tool's own line as the item's text (so
// Wireshark shows what `snmpdissect -V` prints), generated/hidden flags,
// and each diagnostic as an expert info with the same severity and text.
// A node that holds a data source (the decrypted ScopedPDU) becomes a new
// tvb, shown as its own tab (add_new_data_source) and holding the ranges of
// the nodes dissected from it.
//
//   EmitTree(*tree, snmp_node, {.pinfo = pinfo, .tvb = tvb, .parent = tree,
//                               .engine = &engine});
//
// Nothing here may make epan throw: every range is clamped to its tvb
// before it is used, every value goes to a field of its own type (or the
// bytes twin), subtrees use registered etts, and the walk stops short of
// epan's tree limits (item count, depth) rather than hitting them. It is a
// C-style walk over plain data with no C++ object with a destructor in its
// frames, since epan reports errors by longjmp.

#ifndef SNMPDISSECT_DISSECTOR_WIRESHARK_EPAN_TREE_H_
#define SNMPDISSECT_DISSECTOR_WIRESHARK_EPAN_TREE_H_

#include <epan/packet.h>

#include "dissector/tree/tree.h"
#include "dissector/wireshark/engine.h"

namespace snmpdissect::wireshark {

struct EmitTarget {
  packet_info* pinfo;
  tvbuff_t* tvb;        // the message's bytes: the tree's frame source
  proto_tree* parent;   // where the protocol item goes (may be nullptr)
  Engine* engine;       // scratch text
};

// Adds `root` (the "snmp" node) and its subtree under target.parent.
void EmitTree(const tree::Tree& tree, tree::NodeId root, const EmitTarget& target);

}  // namespace snmpdissect::wireshark

#endif  // SNMPDISSECT_DISSECTOR_WIRESHARK_EPAN_TREE_H_
