// The dissection tree as plain data: what a dissector found in one frame,
// for printers to render. Each node has a field (fields.h), a typed value,
// the byte range it came from, children, and diagnostics (experts.h).
//
// Layout: one vector of nodes linked by index (parent, first child, next
// sibling), one vector of diagnostics, and one text arena (a std::string)
// holding every byte and text value. Nodes refer into the arena by offset
// and length, never by pointer, so the arena may grow. Clear() forgets the
// packet but keeps all three buffers' capacity: a Tree reused for every
// frame stops allocating once it has seen the largest.
//
// Building, one layer after another; each Add* returns the new node's id.
// Layers are children of the invisible root, as in Wireshark (a capture
// pipeline adds frame/eth/ip/udp the same way, with FieldIds it declares in
// fields.h):
//
//   tree::Tree tree;                                    // once
//   tree.Clear();                                       // per frame
//   NodeId top = tree.AddProtocol(Tree::kRoot, Layer::hf[Layer::kLayer], {42, 41});
//   NodeId id = tree.AddInt(top, Layer::hf[Layer::kMsgId], {50, 6}, 42);
//   tree.AddDiagnostic(id, Layer::ei[Layer::kMsgIdOutOfRange]);
//
// (Layer stands for a protocol's rows struct, dissector/proto/<p>_fields.h;
// this folder names none.)
//
// Limits: a tree holds at most TreeLimits::max_nodes nodes, max_diagnostics
// diagnostics and max_text_bytes of text. Past a limit the Add* calls return
// kNoNode and do nothing, truncated() turns true, and adding under kNoNode is
// a no-op, so a builder never needs to check: hostile input cannot make the
// tree grow without bound, and printers say the tree was cut.
//
// Byte ranges are offsets into the frame (or whatever buffer the outermost
// layer dissects), not into a layer's payload: each layer adds its base.
//
// Values are stored as found: strings are the packet's raw octets (maybe not
// UTF-8, maybe with control characters). Escaping is the printers' job.

#ifndef SNMPDISSECT_DISSECTOR_TREE_TREE_H_
#define SNMPDISSECT_DISSECTOR_TREE_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/types/span.h"
#include "dissector/tree/experts.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::tree {

using NodeId = uint32_t;
using DiagnosticId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;
inline constexpr DiagnosticId kNoDiagnostic = UINT32_MAX;

// Where a node's bytes are: offset and length in a data source. Source
// kFrameSource is the frame. Bytes a dissector made (a decrypted ScopedPDU,
// RFC 3414 section 8.3.2) are a source of their own, as in Wireshark: the
// node holding them as its kBytes value (its id is the source), and the
// nodes dissected from them give offsets into that value.
using SourceId = uint32_t;
inline constexpr SourceId kFrameSource = 0;  // the root never holds bytes

struct Range {
  uint32_t offset = 0;
  uint32_t length = 0;
  SourceId source = kFrameSource;

  uint64_t end() const { return uint64_t{offset} + length; }
  // One unsigned comparison: below `offset`, at - offset wraps past any
  // 32-bit length.
  bool Contains(uint64_t at) const { return at - offset < length; }
  friend bool operator==(const Range&, const Range&) = default;
};

// A span of the text arena.
struct TextRef {
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct Node {
  FieldId field = kRootField;
  // The kind of value held: the field's type, or kBytes for raw content.
  FieldType type = FieldType::kNone;
  // Not in the packet but worked out (Wireshark's generated items, printed
  // in [brackets]), e.g. the malformed-packet marker.
  bool generated = false;
  // Present for filters and -T fields but not shown by the tree printers
  // (Wireshark's hidden items: ip.addr, udp.port, ...).
  bool hidden = false;
  Range range;
  // kUint, kInt (two's complement bits), kBool, kIpv4, kAbsoluteTime and
  // kRelativeTime (int64 nanoseconds), kDouble (IEEE bits).
  uint64_t scalar = 0;
  // kBytes, kString, kOid, kIpv6, kEther.
  TextRef text;
  // Replaces the field's display name when set. Must be a string with
  // static storage duration (it is never copied).
  const char* label = nullptr;

  NodeId parent = kNoNode;
  NodeId first_child = kNoNode;
  NodeId last_child = kNoNode;
  NodeId next_sibling = kNoNode;
  DiagnosticId first_diagnostic = kNoDiagnostic;
  DiagnosticId last_diagnostic = kNoDiagnostic;
};

struct Diagnostic {
  ExpertId expert;
  Severity severity;
  TextRef text;  // empty: the expert's summary
  DiagnosticId next = kNoDiagnostic;
};

// The summary line's columns for one frame (Wireshark's COL_NUMBER,
// COL_REL_TIME, COL_DEF_SRC, COL_DEF_DST, COL_PROTOCOL, COL_PACKET_LENGTH,
// COL_INFO), written by the layers while they dissect, as Wireshark's
// dissectors call col_set_str/col_append_str: the frame layer its number,
// time and length, the link and network layers the addresses (a later,
// higher layer overwrites: the innermost IP header's addresses win over
// Ethernet's), each layer its Info text. The Protocol column is the short
// name of the last protocol row added under the root (Tree::AddProtocol
// copies it, the col_set_str(COL_PROTOCOL) every Wireshark dissector makes
// first). Printers only copy these. The strings keep their capacity across
// Clear(): no allocation per frame once they have grown.
struct Columns {
  bool has_number = false;        // a frame layer set the number
  uint64_t number = 0;            // frame.number
  int64_t relative_time_ns = 0;   // frame.time_relative
  uint64_t length = 0;            // frame.len
  std::string source;             // address text, as the layer prints it
  std::string destination;
  const char* protocol = "";      // a protocol row's short_name (static)
  std::string info;               // COL_INFO

  void Clear() {
    has_number = false;
    number = 0;
    relative_time_ns = 0;
    length = 0;
    source.clear();
    destination.clear();
    protocol = "";
    info.clear();
  }
};

struct TreeLimits {
  // An SNMP message over UDP is under 64 KiB and costs at most a node per
  // two octets or so; the defaults leave room for many layers and for TCP.
  uint32_t max_nodes = 1u << 18;
  uint32_t max_diagnostics = 1u << 14;
  uint32_t max_text_bytes = 16u << 20;
};

class Tree {
 public:
  // The invisible root; protocol layers are its children.
  static constexpr NodeId kRoot = 0;

  explicit Tree(TreeLimits limits = {});

  // Forgets every node, diagnostic and text; keeps the capacity.
  void Clear();

  // --- Building. Every Add* appends a child to `parent` and returns its id,
  // or kNoNode (doing nothing) when `parent` is kNoNode or a limit is hit.
  // The value kind must match the field's type (kBytes fits any field).

  NodeId AddNone(NodeId parent, FieldId field, Range range);
  // A protocol row; under the root it also names the frame: the Protocol
  // column (Columns) is the last such row's short name, as every Wireshark
  // dissector's first col_set_str(COL_PROTOCOL).
  NodeId AddProtocol(NodeId parent, FieldId field, Range range);
  NodeId AddUint(NodeId parent, FieldId field, Range range, uint64_t value);
  NodeId AddInt(NodeId parent, FieldId field, Range range, int64_t value);
  NodeId AddBool(NodeId parent, FieldId field, Range range, bool value);
  NodeId AddDouble(NodeId parent, FieldId field, Range range, double value);
  NodeId AddBytes(NodeId parent, FieldId field, Range range,
                  absl::Span<const uint8_t> value);
  NodeId AddString(NodeId parent, FieldId field, Range range,
                   absl::Span<const uint8_t> raw);
  NodeId AddString(NodeId parent, FieldId field, Range range, std::string_view raw);
  // `write` appends the dotted text to the arena, e.g.
  //   [&](std::string* out) { ber::AppendOidText(oid, out); }
  NodeId AddOid(NodeId parent, FieldId field, Range range,
                absl::FunctionRef<void(std::string*)> write);
  NodeId AddIpv4(NodeId parent, FieldId field, Range range, uint32_t address);
  NodeId AddIpv6(NodeId parent, FieldId field, Range range,
                 absl::Span<const uint8_t> address);  // 16 octets
  NodeId AddEther(NodeId parent, FieldId field, Range range,
                  absl::Span<const uint8_t> address);  // 6 octets
  NodeId AddTime(NodeId parent, FieldId field, Range range, int64_t unix_seconds);
  NodeId AddTimeNs(NodeId parent, FieldId field, Range range, int64_t unix_ns);
  // A duration or a time relative to some origin (kRelativeTime).
  NodeId AddRelativeTime(NodeId parent, FieldId field, Range range, int64_t ns);

  void SetLabel(NodeId node, const char* static_label);
  void SetGenerated(NodeId node, bool generated = true);
  void SetHidden(NodeId node, bool hidden = true);
  void SetRange(NodeId node, Range range);

  // Attaches a diagnostic to `node`; ignored for kNoNode or past the limit.
  DiagnosticId AddDiagnostic(NodeId node, ExpertId expert);
  DiagnosticId AddDiagnostic(NodeId node, ExpertId expert, Severity severity,
                             std::string_view text);
  // `write` appends the text to the arena (for formatted text without a
  // temporary string).
  DiagnosticId AddDiagnostic(NodeId node, ExpertId expert, Severity severity,
                             absl::FunctionRef<void(std::string*)> write);

  // --- Columns (struct Columns above): written by the layers while they
  // dissect, each as its Wireshark dissector does (set, append, clear);
  // printers only copy them. Their buffers keep their capacity.

  // Only when something shows them: tshark hands its dissectors no column
  // info (pinfo->cinfo NULL, col_* do nothing) unless it prints a summary
  // line, and a -V or JSON run then builds no Info or address text. The
  // layers ask before building column text; the No., Time and Length
  // numbers are always kept (JSON reads the number). Default: wanted. Kept
  // across Clear().
  void set_columns_wanted(bool wanted) { columns_wanted_ = wanted; }
  bool columns_wanted() const { return columns_wanted_; }
  Columns& mutable_columns() { return columns_; }
  const Columns& columns() const { return columns_; }
  std::string* mutable_info() { return &columns_.info; }
  void SetInfo(std::string_view text) { columns_.info.assign(text.data(), text.size()); }
  void ClearInfo() { columns_.info.clear(); }
  std::string_view info() const { return columns_.info; }

  // `node` marks a decode that stopped ("[Malformed Packet: ...]", the
  // _ws.malformed pseudo-field); the summary appends "[Malformed Packet]"
  // to the Info, as epan/show_exception.c does. The first one is kept.
  void MarkMalformed(NodeId node) {
    if (first_malformed_ == kNoNode) first_malformed_ = node;
  }
  NodeId first_malformed() const { return first_malformed_; }

  // --- Reading.

  size_t size() const { return nodes_.size(); }
  const Node& node(NodeId id) const { return nodes_[id]; }
  const FieldInfo& field(NodeId id) const { return GetField(nodes_[id].field); }
  const Diagnostic& diagnostic(DiagnosticId id) const { return diagnostics_[id]; }
  size_t diagnostic_count() const { return diagnostics_.size(); }
  // True when a limit cut the tree short.
  bool truncated() const { return truncated_; }

  uint64_t UintValue(NodeId id) const { return nodes_[id].scalar; }
  int64_t IntValue(NodeId id) const { return static_cast<int64_t>(nodes_[id].scalar); }
  bool BoolValue(NodeId id) const { return nodes_[id].scalar != 0; }
  double DoubleValue(NodeId id) const;
  uint32_t Ipv4Value(NodeId id) const { return static_cast<uint32_t>(nodes_[id].scalar); }
  // kBytes, kString, kOid, kIpv6, kEther: the stored octets or text. Valid
  // until the tree is next modified.
  std::string_view TextValue(NodeId id) const { return Text(nodes_[id].text); }
  std::string_view Text(TextRef ref) const {
    return std::string_view(arena_).substr(ref.offset, ref.length);
  }

  // Depth-first (pre-order) search below `from` (not `from` itself) for the
  // first node of `field`; kNoNode if none.
  NodeId Find(FieldId field, NodeId from = kRoot) const;
  // The deepest node below `from` whose range lies in `source` and contains
  // `offset`, following the first such child at each level; `from` when no
  // child qualifies. Used to hang a diagnostic known only by offset on its
  // element.
  NodeId Innermost(NodeId from, uint64_t offset, SourceId source = kFrameSource) const;
  // Number of children of `id`.
  size_t ChildCount(NodeId id) const;

  // Whether a value of kind `type` may sit in `field`: its own type, or
  // kBytes (raw content that did not decode). Tests check every node.
  static bool TypeFits(FieldId field, FieldType type);

 private:
  NodeId NewNode(NodeId parent, FieldId field, FieldType type, Range range);
  // Appends via `write` and returns the span, or false (rolling back) past
  // the text limit.
  bool AppendText(absl::FunctionRef<void(std::string*)> write, TextRef* out);
  bool AppendText(std::string_view text, TextRef* out);
  DiagnosticId NewDiagnostic(NodeId node, ExpertId expert, Severity severity,
                             TextRef text);
  NodeId NewTextNode(NodeId parent, FieldId field, FieldType type, Range range,
                     std::string_view bytes);

  TreeLimits limits_;
  std::vector<Node> nodes_;
  std::vector<Diagnostic> diagnostics_;
  std::string arena_;
  Columns columns_;
  bool columns_wanted_ = true;
  NodeId first_malformed_ = kNoNode;
  bool truncated_ = false;
};

}  // namespace snmpdissect::tree

#endif  // SNMPDISSECT_DISSECTOR_TREE_TREE_H_
