#include "dissector/tree/tree.h"

#include <bit>
#include <limits>

namespace snmpdissect::tree {

Tree::Tree(TreeLimits limits) : limits_(limits) { Clear(); }

void Tree::Clear() {
  nodes_.clear();
  diagnostics_.clear();
  arena_.clear();
  columns_.Clear();
  first_malformed_ = kNoNode;
  truncated_ = false;
  Node root;
  root.field = kRootField;
  nodes_.push_back(root);
}

bool Tree::TypeFits(FieldId field, FieldType type) {
  return type == GetField(field).type || type == FieldType::kBytes;
}

NodeId Tree::NewNode(NodeId parent, FieldId field, FieldType type, Range range) {
  // kNoNode (UINT32_MAX) is never below the size: one test covers both.
  static_assert(kNoNode == std::numeric_limits<NodeId>::max());
  if (parent >= nodes_.size()) return kNoNode;
  if (nodes_.size() >= limits_.max_nodes) {
    truncated_ = true;
    return kNoNode;
  }
  const NodeId id = static_cast<NodeId>(nodes_.size());
  Node& node = nodes_.emplace_back();
  node.field = field;
  node.type = type;
  node.range = range;
  node.parent = parent;
  Node& up = nodes_[parent];
  if (up.last_child == kNoNode) {
    up.first_child = id;
  } else {
    nodes_[up.last_child].next_sibling = id;
  }
  up.last_child = id;
  return id;
}

NodeId Tree::AddProtocol(NodeId parent, FieldId field, Range range) {
  const NodeId id = AddNone(parent, field, range);
  if (id != kNoNode && parent == kRoot) {
    const char* name = GetField(field).short_name;
    if (name != nullptr && *name != '\0') columns_.protocol = name;
  }
  return id;
}

bool Tree::AppendText(absl::FunctionRef<void(std::string*)> write, TextRef* out) {
  const size_t start = arena_.size();
  write(&arena_);
  if (arena_.size() > limits_.max_text_bytes) {
    arena_.resize(start);
    truncated_ = true;
    return false;
  }
  out->offset = static_cast<uint32_t>(start);
  out->length = static_cast<uint32_t>(arena_.size() - start);
  return true;
}

bool Tree::AppendText(std::string_view text, TextRef* out) {
  // The arena never exceeds the limit (the other AppendText rolls back), so
  // the subtraction cannot wrap.
  if (text.size() > limits_.max_text_bytes - arena_.size()) {
    truncated_ = true;
    return false;
  }
  out->offset = static_cast<uint32_t>(arena_.size());
  out->length = static_cast<uint32_t>(text.size());
  arena_.append(text);
  return true;
}

NodeId Tree::NewTextNode(NodeId parent, FieldId field, FieldType type, Range range,
                         std::string_view bytes) {
  if (parent == kNoNode) return kNoNode;
  TextRef text;
  if (!AppendText(bytes, &text)) return kNoNode;
  const NodeId id = NewNode(parent, field, type, range);
  if (id == kNoNode) {
    arena_.resize(text.offset);  // give the text back
    return kNoNode;
  }
  nodes_[id].text = text;
  return id;
}

NodeId Tree::AddNone(NodeId parent, FieldId field, Range range) {
  return NewNode(parent, field, GetField(field).type == FieldType::kProtocol
                                    ? FieldType::kProtocol
                                    : FieldType::kNone,
                 range);
}

NodeId Tree::AddUint(NodeId parent, FieldId field, Range range, uint64_t value) {
  const NodeId id = NewNode(parent, field, FieldType::kUint, range);
  if (id != kNoNode) nodes_[id].scalar = value;
  return id;
}

NodeId Tree::AddInt(NodeId parent, FieldId field, Range range, int64_t value) {
  const NodeId id = NewNode(parent, field, FieldType::kInt, range);
  if (id != kNoNode) nodes_[id].scalar = static_cast<uint64_t>(value);
  return id;
}

NodeId Tree::AddBool(NodeId parent, FieldId field, Range range, bool value) {
  const NodeId id = NewNode(parent, field, FieldType::kBool, range);
  if (id != kNoNode) nodes_[id].scalar = value ? 1 : 0;
  return id;
}

NodeId Tree::AddDouble(NodeId parent, FieldId field, Range range, double value) {
  const NodeId id = NewNode(parent, field, FieldType::kDouble, range);
  if (id != kNoNode) nodes_[id].scalar = std::bit_cast<uint64_t>(value);
  return id;
}

double Tree::DoubleValue(NodeId id) const {
  return std::bit_cast<double>(nodes_[id].scalar);
}

namespace {
std::string_view AsChars(absl::Span<const uint8_t> bytes) {
  return std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}
}  // namespace

NodeId Tree::AddBytes(NodeId parent, FieldId field, Range range,
                      absl::Span<const uint8_t> value) {
  return NewTextNode(parent, field, FieldType::kBytes, range, AsChars(value));
}

NodeId Tree::AddString(NodeId parent, FieldId field, Range range,
                       absl::Span<const uint8_t> raw) {
  return NewTextNode(parent, field, FieldType::kString, range, AsChars(raw));
}

NodeId Tree::AddString(NodeId parent, FieldId field, Range range, std::string_view raw) {
  return NewTextNode(parent, field, FieldType::kString, range, raw);
}

NodeId Tree::AddOid(NodeId parent, FieldId field, Range range,
                    absl::FunctionRef<void(std::string*)> write) {
  if (parent == kNoNode) return kNoNode;
  TextRef text;
  if (!AppendText(write, &text)) return kNoNode;
  const NodeId id = NewNode(parent, field, FieldType::kOid, range);
  if (id == kNoNode) {
    arena_.resize(text.offset);
    return kNoNode;
  }
  nodes_[id].text = text;
  return id;
}

NodeId Tree::AddIpv4(NodeId parent, FieldId field, Range range, uint32_t address) {
  const NodeId id = NewNode(parent, field, FieldType::kIpv4, range);
  if (id != kNoNode) nodes_[id].scalar = address;
  return id;
}

NodeId Tree::AddIpv6(NodeId parent, FieldId field, Range range,
                     absl::Span<const uint8_t> address) {
  if (address.size() != 16) return AddBytes(parent, field, range, address);
  return NewTextNode(parent, field, FieldType::kIpv6, range, AsChars(address));
}

NodeId Tree::AddEther(NodeId parent, FieldId field, Range range,
                      absl::Span<const uint8_t> address) {
  if (address.size() != 6) return AddBytes(parent, field, range, address);
  return NewTextNode(parent, field, FieldType::kEther, range, AsChars(address));
}

NodeId Tree::AddTime(NodeId parent, FieldId field, Range range, int64_t unix_seconds) {
  // Any 32-bit seconds count (an engine ID's creation time) fits in ns.
  constexpr int64_t kLimit = INT64_MAX / 1'000'000'000;
  const int64_t clamped = unix_seconds > kLimit    ? kLimit
                          : unix_seconds < -kLimit ? -kLimit
                                                   : unix_seconds;
  return AddTimeNs(parent, field, range, clamped * 1'000'000'000);
}

NodeId Tree::AddTimeNs(NodeId parent, FieldId field, Range range, int64_t unix_ns) {
  const NodeId id = NewNode(parent, field, FieldType::kAbsoluteTime, range);
  if (id != kNoNode) nodes_[id].scalar = static_cast<uint64_t>(unix_ns);
  return id;
}

NodeId Tree::AddRelativeTime(NodeId parent, FieldId field, Range range, int64_t ns) {
  const NodeId id = NewNode(parent, field, FieldType::kRelativeTime, range);
  if (id != kNoNode) nodes_[id].scalar = static_cast<uint64_t>(ns);
  return id;
}

void Tree::SetLabel(NodeId node, const char* static_label) {
  if (node < nodes_.size()) nodes_[node].label = static_label;
}

void Tree::SetGenerated(NodeId node, bool generated) {
  if (node < nodes_.size()) nodes_[node].generated = generated;
}

void Tree::SetHidden(NodeId node, bool hidden) {
  if (node < nodes_.size()) nodes_[node].hidden = hidden;
}

void Tree::SetRange(NodeId node, Range range) {
  if (node < nodes_.size()) nodes_[node].range = range;
}

DiagnosticId Tree::NewDiagnostic(NodeId node, ExpertId expert, Severity severity,
                                 TextRef text) {
  if (node >= nodes_.size()) return kNoDiagnostic;  // kNoNode included
  if (diagnostics_.size() >= limits_.max_diagnostics) {
    truncated_ = true;
    return kNoDiagnostic;
  }
  const DiagnosticId id = static_cast<DiagnosticId>(diagnostics_.size());
  diagnostics_.push_back(Diagnostic{expert, severity, text, kNoDiagnostic});
  Node& n = nodes_[node];
  if (n.last_diagnostic == kNoDiagnostic) {
    n.first_diagnostic = id;
  } else {
    diagnostics_[n.last_diagnostic].next = id;
  }
  n.last_diagnostic = id;
  return id;
}

DiagnosticId Tree::AddDiagnostic(NodeId node, ExpertId expert) {
  return NewDiagnostic(node, expert, GetExpert(expert).severity, TextRef{});
}

DiagnosticId Tree::AddDiagnostic(NodeId node, ExpertId expert, Severity severity,
                                 std::string_view text) {
  if (node >= nodes_.size() || diagnostics_.size() >= limits_.max_diagnostics) {
    return NewDiagnostic(node, expert, severity, TextRef{});  // counts the drop
  }
  TextRef ref;
  if (!AppendText(text, &ref)) return kNoDiagnostic;
  return NewDiagnostic(node, expert, severity, ref);
}

DiagnosticId Tree::AddDiagnostic(NodeId node, ExpertId expert, Severity severity,
                                 absl::FunctionRef<void(std::string*)> write) {
  if (node >= nodes_.size() || diagnostics_.size() >= limits_.max_diagnostics) {
    return NewDiagnostic(node, expert, severity, TextRef{});  // counts the drop
  }
  TextRef text;
  if (!AppendText(write, &text)) return kNoDiagnostic;
  return NewDiagnostic(node, expert, severity, text);
}

NodeId Tree::Find(FieldId field, NodeId from) const {
  if (from >= nodes_.size()) return kNoNode;
  // Iterative pre-order walk of `from`'s subtree: no recursion, whatever the
  // depth.
  NodeId id = nodes_[from].first_child;
  while (id != kNoNode) {
    if (nodes_[id].field == field) return id;
    if (nodes_[id].first_child != kNoNode) {
      id = nodes_[id].first_child;
      continue;
    }
    while (id != from && nodes_[id].next_sibling == kNoNode) id = nodes_[id].parent;
    if (id == from) return kNoNode;
    id = nodes_[id].next_sibling;
  }
  return kNoNode;
}

NodeId Tree::Innermost(NodeId from, uint64_t offset, SourceId source) const {
  if (from >= nodes_.size()) return kNoNode;
  // Walks the node array directly: every link was checked when it was made.
  const Node* const nodes = nodes_.data();
  NodeId best = from;
  for (NodeId child = nodes[best].first_child; child != kNoNode;) {
    const Node& node = nodes[child];
    if (node.range.Contains(offset) && node.range.source == source) {
      best = child;
      child = node.first_child;
    } else {
      child = node.next_sibling;
    }
  }
  return best;
}

size_t Tree::ChildCount(NodeId id) const {
  size_t count = 0;
  for (NodeId c = nodes_[id].first_child; c != kNoNode; c = nodes_[c].next_sibling) {
    ++count;
  }
  return count;
}

}  // namespace snmpdissect::tree
