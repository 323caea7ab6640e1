// The full-tree text printer (tshark -V style): one line per node, children
// indented 4 spaces per level, diagnostics as "[Expert Info (...): ...]"
// lines just under their node.
//
//   Simple Network Management Protocol
//       version: v2c (1)
//       community: public
//       data: get-request (0)
//           get-request
//               request-id: 1234
//   ...
//
// With TextTreeOptions::expand_only (tshark -O snmp), the listed protocols
// are expanded and the other layers print their top line alone:
//
//   Frame 1: 127 bytes on wire (1016 bits), 127 bytes captured (1016 bits)
//   Ethernet II, Src: 00:00:00:00:00:00, Dst: 00:00:00:00:00:00
//   Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1
//   User Datagram Protocol, Src Port: 53602, Dst Port: 161
//   Simple Network Management Protocol
//       version: v2c (1)
//   ...
//
// Everything taken from the packet is escaped (escape.h): a packet cannot
// move the cursor, recolour or retitle the terminal.
//
//   print::TextTreePrinter printer;     // reuse it: its buffer keeps capacity
//   printer.Print(tree, stdout);        // or printer.Print(tree, &some_string)

#ifndef SNMPDISSECT_DISSECTOR_PRINT_TEXT_TREE_H_
#define SNMPDISSECT_DISSECTOR_PRINT_TEXT_TREE_H_

#include <cstdio>
#include <string>
#include <vector>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

struct TextTreeOptions {
  int indent = 4;  // spaces per level, as tshark -V
  // tshark -O: when not empty, only the layers (root children) whose field
  // is listed are expanded; every other layer shows its top line only.
  std::vector<tree::FieldId> expand_only;
};

class TextTreePrinter {
 public:
  explicit TextTreePrinter(TextTreeOptions options = {}) : options_(options) {}

  // Appends every layer of the tree (the root's children and below) to *out.
  void Print(const tree::Tree& tree, std::string* out) const;

  // Appends `node` and its subtree, `node` at indentation level 0.
  void PrintSubtree(const tree::Tree& tree, tree::NodeId node, std::string* out) const;

  // Writes every layer to `out`. Returns false when the write failed.
  bool Print(const tree::Tree& tree, std::FILE* out);

 private:
  void AppendLines(const tree::Tree& tree, tree::NodeId node, bool include_node,
                   std::string* out) const;
  // Whether a layer's subtree is printed (expand_only).
  bool Expanded(tree::FieldId layer) const;

  TextTreeOptions options_;
  std::string buffer_;  // for FILE* output, reused across trees
};

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_TEXT_TREE_H_
