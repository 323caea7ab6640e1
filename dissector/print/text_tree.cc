#include "dissector/print/text_tree.h"

#include <algorithm>

#include "dissector/value/value_text.h"

namespace snmpdissect::print {

using value::AppendDiagnosticText;
using value::AppendNodeLine;

namespace {

using tree::kNoDiagnostic;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

void Indent(int level, int width, std::string* out) {
  out->append(static_cast<size_t>(level) * static_cast<size_t>(width), ' ');
}

void AppendNodeWithDiagnostics(const Tree& tree, NodeId id, int level, int width,
                               std::string* out) {
  Indent(level, width, out);
  AppendNodeLine(tree, id, out);
  out->push_back('\n');
  for (tree::DiagnosticId d = tree.node(id).first_diagnostic; d != kNoDiagnostic;
       d = tree.diagnostic(d).next) {
    Indent(level + 1, width, out);
    out->push_back('[');
    AppendDiagnosticText(tree, d, out);
    out->append("]\n");
  }
}

}  // namespace

void TextTreePrinter::AppendLines(const Tree& tree, NodeId top, bool include_node,
                                  std::string* out) const {
  // An iterative pre-order walk over the parent links: no recursion, so a
  // deep tree cannot exhaust the stack.
  const int width = options_.indent;
  int level = 0;
  if (include_node) {
    AppendNodeWithDiagnostics(tree, top, 0, width, out);
    level = 1;
  }
  NodeId id = tree.node(top).first_child;
  while (id != kNoNode) {
    // Hidden nodes (ip.addr, udp.port) and everything below them are for
    // filters and -T fields only, as in tshark -V.
    const bool hidden = tree.node(id).hidden;
    if (!hidden) AppendNodeWithDiagnostics(tree, id, level, width, out);
    // tshark -O: a layer not listed shows its top line only.
    const bool collapsed = top == Tree::kRoot && tree.node(id).parent == Tree::kRoot &&
                           !Expanded(tree.node(id).field);
    if (!hidden && !collapsed && tree.node(id).first_child != kNoNode) {
      id = tree.node(id).first_child;
      ++level;
      continue;
    }
    while (id != top && tree.node(id).next_sibling == kNoNode) {
      id = tree.node(id).parent;
      --level;
    }
    if (id == top) break;
    id = tree.node(id).next_sibling;
  }
  if (tree.truncated()) out->append("[Dissection truncated: tree size limit reached]\n");
}

bool TextTreePrinter::Expanded(tree::FieldId layer) const {
  return options_.expand_only.empty() ||
         std::find(options_.expand_only.begin(), options_.expand_only.end(), layer) !=
             options_.expand_only.end();
}

void TextTreePrinter::Print(const Tree& tree, std::string* out) const {
  AppendLines(tree, Tree::kRoot, /*include_node=*/false, out);
}

void TextTreePrinter::PrintSubtree(const Tree& tree, NodeId node, std::string* out) const {
  if (node >= tree.size()) return;
  AppendLines(tree, node, /*include_node=*/true, out);
}

bool TextTreePrinter::Print(const Tree& tree, std::FILE* out) {
  buffer_.clear();
  Print(tree, &buffer_);
  return std::fwrite(buffer_.data(), 1, buffer_.size(), out) == buffer_.size();
}

}  // namespace snmpdissect::print
