#include "dissector/wireshark/epan_tree.h"

#include <epan/expert.h>
#include <epan/prefs.h>
#include <epan/proto.h>
#include <epan/tvbuff.h>
#include <wsutil/inet_addr.h>
#include <wsutil/nstime.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "codec/ber/oid.h"
#include "dissector/value/escape.h"
#include "dissector/value/value_text.h"
#include "dissector/wireshark/field_types.h"
#include "dissector/wireshark/registration.h"

namespace snmpdissect::wireshark {
namespace {

using tree::FieldType;
using tree::NodeId;

// Deeper subtrees are not shown (the codec caps nesting far below this).
constexpr int kMaxWalkDepth = 64;
// The data sources one message can have: the message itself and the
// decrypted ScopedPDU; the table has room for more.
constexpr int kMaxSources = 8;
// Items one node may cost epan: its own, and per diagnostic an expert item
// with its subtree.
constexpr unsigned kItemsPerNode = 1;
constexpr unsigned kItemsPerDiagnostic = 4;

struct Source {
  tree::SourceId id;
  tvbuff_t* tvb;
};

struct Walk {
  const tree::Tree* tree;
  const EmitTarget* target;
  const Registration* reg;
  Source sources[kMaxSources];
  int source_count;
  bool visible;
};

// The tvb holding `range`, and the range clamped to it (epan throws on a
// range past its tvb; our ranges are right, but a clamp costs nothing).
tvbuff_t* Locate(const Walk& w, const tree::Range& range, int* start, int* length) {
  tvbuff_t* tvb = w.target->tvb;
  for (int i = 0; i < w.source_count; ++i) {
    if (w.sources[i].id == range.source) tvb = w.sources[i].tvb;
  }
  if (range.source != tree::kFrameSource && tvb == w.target->tvb) {
    *start = 0;  // a source we could not make: point at nothing
    *length = 0;
    return tvb;
  }
  const uint64_t size = tvb_captured_length(tvb);
  const uint64_t begin = std::min<uint64_t>(range.offset, size);
  *start = static_cast<int>(begin);
  *length = static_cast<int>(std::min<uint64_t>(range.length, size - begin));
  return tvb;
}

// FT_STRING values: epan's ENC_ASCII reading of the octets (what the
// built-in SNMP dissector shows): octets above 0x7f become U+FFFD, so the
// value is always valid UTF-8.
const char* AsciiText(std::string_view raw, std::string* out) {
  out->clear();
  for (const char c : raw) {
    if (static_cast<unsigned char>(c) < 0x80) {
      out->push_back(c == '\0' ? '.' : c);
    } else {
      out->append("\xef\xbf\xbd");
    }
  }
  return out->c_str();
}

// The OID's content octets re-encoded from its dotted text (the tree keeps
// the text); false when it does not parse back.
bool OidContent(std::string_view dotted, std::string* out) {
  uint32_t arcs[ber::kMaxOidArcs];
  size_t n = 0;
  uint64_t arc = 0;
  bool digit = false;
  for (size_t i = 0; i <= dotted.size(); ++i) {
    if (i == dotted.size() || dotted[i] == '.') {
      if (!digit || n == ber::kMaxOidArcs) return false;
      arcs[n++] = static_cast<uint32_t>(arc);
      arc = 0;
      digit = false;
    } else if (dotted[i] >= '0' && dotted[i] <= '9') {
      arc = arc * 10 + static_cast<uint64_t>(dotted[i] - '0');
      if (arc > UINT32_MAX) return false;
      digit = true;
    } else {
      return false;
    }
  }
  out->clear();
  return ber::AppendOidContent(absl::MakeConstSpan(arcs, n), out);
}

proto_item* AddBytes(proto_tree* parent, int hf, tvbuff_t* tvb, int start, int length,
                     std::string_view bytes) {
  if (hf < 0) return nullptr;
  return proto_tree_add_bytes_with_length(parent, hf, tvb, start, length,
                                          reinterpret_cast<const guint8*>(bytes.data()),
                                          static_cast<gint>(bytes.size()));
}

proto_item* AddValue(const Walk& w, NodeId id, proto_tree* parent, tvbuff_t* tvb, int start,
                     int length) {
  const tree::Tree& t = *w.tree;
  const tree::Node& node = t.node(id);
  const tree::FieldInfo& row = t.field(id);
  const uint16_t field = static_cast<uint16_t>(node.field);
  const int hf = w.reg->hf[field];
  std::string& scratch = w.target->engine->scratch2();
  if (node.type == FieldType::kBytes && row.type != FieldType::kBytes) {
    return AddBytes(parent, w.reg->hf_bytes[field], tvb, start, length, t.TextValue(id));
  }
  if (hf < 0) return nullptr;
  if (node.field == w.reg->protocol_row || node.type == FieldType::kProtocol) {
    return proto_tree_add_item(parent, hf, tvb, start, length, ENC_NA);
  }
  const EpanType type = EpanTypeOf(row);
  switch (node.type) {
    case FieldType::kNone:
    case FieldType::kProtocol:
      return proto_tree_add_item(parent, hf, tvb, start, length, ENC_NA);
    case FieldType::kUint: {
      uint64_t v = t.UintValue(id);
      if (type.bitmask != 0) v = (v << MaskShift(type.bitmask)) & type.bitmask;
      if (type.type == FT_UINT64) return proto_tree_add_uint64(parent, hf, tvb, start, length, v);
      return proto_tree_add_uint(parent, hf, tvb, start, length,
                                 static_cast<guint32>(std::min<uint64_t>(v, UINT32_MAX)));
    }
    case FieldType::kInt:
      return proto_tree_add_int64(parent, hf, tvb, start, length, t.IntValue(id));
    case FieldType::kBool: {
      const uint64_t mask = type.bitmask != 0 ? type.bitmask : 1;
      return proto_tree_add_boolean(parent, hf, tvb, start, length,
                                    t.BoolValue(id) ? static_cast<guint32>(mask) : 0);
    }
    case FieldType::kDouble:
      if (type.type == FT_FLOAT) {
        return proto_tree_add_float(parent, hf, tvb, start, length,
                                    static_cast<float>(t.DoubleValue(id)));
      }
      return proto_tree_add_double(parent, hf, tvb, start, length, t.DoubleValue(id));
    case FieldType::kBytes:
      return AddBytes(parent, hf, tvb, start, length, t.TextValue(id));
    case FieldType::kString:
      return proto_tree_add_string(parent, hf, tvb, start, length,
                                   AsciiText(t.TextValue(id), &scratch));
    case FieldType::kOid: {
      // epan takes the OID's content octets with the item's length; the
      // item then spans the element as every other node does.
      if (!OidContent(t.TextValue(id), &scratch) || scratch.size() > static_cast<size_t>(length)) {
        // Not representable as epan wants it: the element's octets instead.
        const guint8* octets = length > 0 ? tvb_get_ptr(tvb, start, length) : nullptr;
        return AddBytes(parent, w.reg->hf_bytes[field], tvb, start, length,
                        std::string_view(reinterpret_cast<const char*>(octets),
                                         octets == nullptr ? 0 : static_cast<size_t>(length)));
      }
      proto_item* pi = proto_tree_add_oid(parent, hf, tvb, start, static_cast<gint>(scratch.size()),
                                          reinterpret_cast<const guint8*>(scratch.data()));
      proto_item_set_len(pi, length);
      return pi;
    }
    case FieldType::kIpv4:
      return proto_tree_add_ipv4(parent, hf, tvb, start, length, g_htonl(t.Ipv4Value(id)));
    case FieldType::kIpv6: {
      ws_in6_addr a{};
      const std::string_view v = t.TextValue(id);
      std::copy_n(v.data(), std::min(v.size(), sizeof(a.bytes)), a.bytes);
      return proto_tree_add_ipv6(parent, hf, tvb, start, length, &a);
    }
    case FieldType::kEther: {
      guint8 mac[6] = {};
      const std::string_view v = t.TextValue(id);
      std::copy_n(v.data(), std::min(v.size(), sizeof(mac)), mac);
      return proto_tree_add_ether(parent, hf, tvb, start, length, mac);
    }
    case FieldType::kAbsoluteTime:
    case FieldType::kRelativeTime: {
      const int64_t ns = t.IntValue(id);
      // Floor division: epan's nstime has a non-negative nanosecond part.
      int64_t secs = ns / 1'000'000'000;
      int64_t rest = ns % 1'000'000'000;
      if (rest < 0) {
        rest += 1'000'000'000;
        --secs;
      }
      const nstime_t time{static_cast<time_t>(secs), static_cast<int>(rest)};
      return proto_tree_add_time(parent, hf, tvb, start, length, &time);
    }
  }
  return nullptr;
}

void AddDiagnostics(const Walk& w, NodeId id, proto_item* pi) {
  const tree::Tree& t = *w.tree;
  std::string& text = w.target->engine->scratch2();
  for (tree::DiagnosticId d = t.node(id).first_diagnostic; d != tree::kNoDiagnostic;
       d = t.diagnostic(d).next) {
    const tree::Diagnostic& diag = t.diagnostic(d);
    const tree::ExpertInfo& row = tree::GetExpert(diag.expert);
    const uint16_t expert = static_cast<uint16_t>(diag.expert);
    if (expert >= w.reg->ei.size()) continue;
    expert_field* ei = const_cast<expert_field*>(&w.reg->ei[expert][static_cast<int>(diag.severity)]);
    if (ei->ei < 0) continue;  // a row the plugin does not register
    text.clear();
    const std::string_view own = t.Text(diag.text);
    value::AppendEscaped(own.empty() ? std::string_view(row.summary) : own,
                         value::EscapeQuotes::kNo, &text);
    expert_add_info_format(w.target->pinfo, pi, ei, "%s", text.c_str());
  }
}

// A node that is a data source (tree.h Range): a child tvb of its value
// that the nodes below it point into.
void AddSource(Walk* w, NodeId id, tvbuff_t* parent_tvb) {
  const tree::FieldInfo& row = w->tree->field(id);
  if (row.data_source == nullptr || w->tree->node(id).type != FieldType::kBytes ||
      w->source_count == kMaxSources) {
    return;
  }
  const std::string_view bytes = w->tree->TextValue(id);
  // Copied into the packet's pool: the tvb outlives our tree (epan shows
  // it while the packet is selected).
  guint8* copy = static_cast<guint8*>(
      wmem_memdup(w->target->pinfo->pool, bytes.data(), bytes.size()));
  tvbuff_t* tvb = tvb_new_child_real_data(parent_tvb, copy, static_cast<guint>(bytes.size()),
                                          static_cast<gint>(bytes.size()));
  add_new_data_source(w->target->pinfo, tvb, row.data_source);
  w->sources[w->source_count++] = {id, tvb};
}

proto_item* EmitNode(Walk* w, NodeId id, proto_tree* parent) {
  const tree::Node& node = w->tree->node(id);
  int start = 0;
  int length = 0;
  tvbuff_t* tvb = Locate(*w, node.range, &start, &length);
  proto_item* pi = AddValue(*w, id, parent, tvb, start, length);
  if (pi != nullptr && w->visible) {
    std::string& line = w->target->engine->scratch();
    line.clear();
    value::AppendNodeLine(*w->tree, id, &line);
    // epan draws generated items' brackets itself.
    std::string_view shown = line;
    if (node.generated && shown.size() >= 2) shown = shown.substr(1, shown.size() - 2);
    line.assign(shown.data(), shown.size());
    proto_item_set_text(pi, "%s", line.c_str());
  }
  if (node.generated) proto_item_set_generated(pi);
  if (node.hidden) proto_item_set_hidden(pi);
  AddDiagnostics(*w, id, pi);
  AddSource(w, id, tvb);
  return pi;
}

int EttOf(const Walk& w, NodeId id) {
  const int ett = w.reg->ett[static_cast<uint16_t>(w.tree->node(id).field)];
  return ett >= 0 ? ett : w.reg->ett[static_cast<uint16_t>(w.reg->protocol_row)];
}

// Whether epan's item cap leaves room for `id` and its diagnostics.
bool RoomFor(const Walk& w, NodeId id, proto_tree* parent) {
  if (parent == nullptr) return true;
  unsigned cost = kItemsPerNode;
  const tree::Tree& t = *w.tree;
  for (tree::DiagnosticId d = t.node(id).first_diagnostic; d != tree::kNoDiagnostic;
       d = t.diagnostic(d).next) {
    cost += kItemsPerDiagnostic;
  }
  return PTREE_DATA(parent)->count + cost < prefs.gui_max_tree_items;
}

}  // namespace

void EmitTree(const tree::Tree& tree, NodeId root, const EmitTarget& target) {
  if (root == tree::kNoNode) return;
  Walk w{};
  w.tree = &tree;
  w.target = &target;
  w.reg = &Registration::Get();
  w.sources[0] = {tree::kFrameSource, target.tvb};
  w.source_count = 1;
  w.visible = target.parent != nullptr && PTREE_DATA(target.parent)->visible;
  // epan's depth cap counts the layers above us too.
  const int max_depth =
      std::min<int>(kMaxWalkDepth, static_cast<int>(prefs.gui_max_tree_depth / 2));

  struct Level {
    NodeId next;
    proto_tree* tree;
  };
  Level stack[kMaxWalkDepth];
  if (!RoomFor(w, root, target.parent)) return;
  proto_item* top = EmitNode(&w, root, target.parent);
  int depth = 0;
  if (tree.node(root).first_child != tree::kNoNode && max_depth > 0) {
    stack[depth++] = {tree.node(root).first_child, proto_item_add_subtree(top, EttOf(w, root))};
  }
  while (depth > 0) {
    Level& level = stack[depth - 1];
    if (level.next == tree::kNoNode) {
      --depth;
      continue;
    }
    const NodeId id = level.next;
    level.next = tree.node(id).next_sibling;
    if (!RoomFor(w, id, level.tree)) return;
    proto_item* pi = EmitNode(&w, id, level.tree);
    if (tree.node(id).first_child != tree::kNoNode && depth < max_depth) {
      proto_tree* sub = proto_item_add_subtree(pi, EttOf(w, id));
      stack[depth++] = {tree.node(id).first_child, sub};
    }
  }
}

}  // namespace snmpdissect::wireshark
