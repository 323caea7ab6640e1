#include "dissector/proto/snmp_mib.h"

#include <charconv>

#include "dissector/mib/display.h"
#include "dissector/mib/index.h"
#include "dissector/proto/snmp_fields.h"

namespace snmpdissect::proto {
namespace {

using tree::FieldType;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

NodeId AddGenerated(Tree* tree, NodeId parent, tree::FieldId field, std::string_view text) {
  const NodeId node = tree->AddString(parent, field, tree->node(parent).range, text);
  tree->SetGenerated(node);
  return node;
}

}  // namespace

bool ParseDottedOid(std::string_view text, uint32_t* arcs, size_t capacity, size_t* count) {
  *count = 0;
  size_t at = 0;
  while (at < text.size()) {
    if (*count == capacity) return false;
    const auto [end, ec] =
        std::from_chars(text.data() + at, text.data() + text.size(), arcs[*count]);
    if (ec != std::errc()) return false;
    ++*count;
    at = static_cast<size_t>(end - text.data());
    if (at == text.size()) return true;
    if (text[at] != '.') return false;
    ++at;
  }
  return false;  // empty, or a trailing dot
}

void MibResolver::Resolve(Tree* tree, NodeId snmp) {
  if (snmp == kNoNode || table_ == nullptr) return;
  // Every node of the message's subtree was added after `snmp`; the ones
  // added here come after `end` and are not visited.
  const size_t end = tree->size();
  for (NodeId id = snmp + 1; id < end; ++id) {
    const tree::FieldId field = tree->node(id).field;
    if (field == Snmp::hf[Snmp::kVarBind]) {
      ResolveVarBind(tree, tree->node(id).parent, id);
    } else if (field == Snmp::hf[Snmp::kEnterprise] && tree->node(id).type == FieldType::kOid) {
      AddName(tree, id);
    }
  }
}

void MibResolver::ResolveVarBind(Tree* tree, NodeId list, NodeId varbind) {
  const NodeId name = tree->node(varbind).first_child;
  if (name == kNoNode || tree->node(name).field != Snmp::hf[Snmp::kName]) return;
  mib::Match match;
  if (tree->node(name).type == FieldType::kOid) {
    match = AddName(tree, name);
    AddIndex(tree, name, match);
  }
  const NodeId value = tree->node(name).next_sibling;
  if (value != kNoNode) AddValue(tree, list, value, match);
}

mib::Match MibResolver::AddName(Tree* tree, NodeId oid_node) {
  arc_count_ = 0;
  if (!ParseDottedOid(tree->TextValue(oid_node), arcs_, std::size(arcs_), &arc_count_)) {
    arc_count_ = 0;
    return {};
  }
  const absl::Span<const uint32_t> arcs(arcs_, arc_count_);
  const mib::Match match = table_->Lookup(arcs);
  text_.clear();
  if (mib::AppendOidName(*table_, arcs, match, /*with_module=*/true, &text_)) {
    AddGenerated(tree, oid_node, Snmp::hf[Snmp::kNameResolved], text_);
  }
  return match;
}

void MibResolver::AddIndex(Tree* tree, NodeId name_node, mib::Match match) {
  if (match.object == mib::kNoObject) return;
  const mib::Object& object = table_->object(match.object);
  if (object.kind != mib::Kind::kColumn || match.matched >= arc_count_) return;
  const uint32_t entry = table_->EntryOf(match.object);
  if (entry == mib::kNoObject) return;
  mib::DecodedIndex parts[mib::kMaxIndexParts];
  const absl::Span<const uint32_t> suffix =
      absl::MakeConstSpan(arcs_, arc_count_).subspan(match.matched);
  const size_t n = mib::DecodeIndex(*table_, entry, suffix, parts);
  for (size_t i = 0; i < n; ++i) {
    text_.clear();
    mib::AppendIndexPart(*table_, parts, n, i, &text_);
    AddGenerated(tree, name_node, Snmp::hf[Snmp::kNameIndex], text_);
  }
}

uint32_t MibResolver::InetTypeInList(const Tree& tree, NodeId list, mib::Match match) {
  // RFC 4001 section 4.1: an InetAddress object's type is the
  // InetAddressType object of the same row (same entry, same instance).
  const uint32_t entry = table_->EntryOf(match.object);
  if (entry == mib::kNoObject) return 0;
  const absl::Span<const uint32_t> suffix =
      absl::MakeConstSpan(arcs_, arc_count_).subspan(match.matched);
  uint32_t other[128];
  for (NodeId vb = tree.node(list).first_child; vb != kNoNode; vb = tree.node(vb).next_sibling) {
    const NodeId name = tree.node(vb).first_child;
    if (name == kNoNode || tree.node(name).type != FieldType::kOid) continue;
    const NodeId value = tree.node(name).next_sibling;
    if (value == kNoNode || tree.node(value).type != FieldType::kInt) continue;
    size_t count = 0;
    if (!ParseDottedOid(tree.TextValue(name), other, std::size(other), &count)) continue;
    const mib::Match m = table_->Lookup(absl::MakeConstSpan(other, count));
    if (m.object == mib::kNoObject || table_->object(m.object).tc != "InetAddressType" ||
        table_->EntryOf(m.object) != entry) {
      continue;
    }
    if (absl::MakeConstSpan(other, count).subspan(m.matched) == suffix) {
      const int64_t type = tree.IntValue(value);
      return type > 0 && type <= 255 ? static_cast<uint32_t>(type) : 0;
    }
  }
  return 0;
}

void MibResolver::AddValue(Tree* tree, NodeId list, NodeId value, mib::Match match) {
  const tree::Node& node = tree->node(value);
  const tree::FieldId field = node.field;
  text_.clear();
  if (field == Snmp::hf[Snmp::kValueTimeticks] && node.type == FieldType::kUint) {
    // TimeTicks read the same whatever object carries them (RFC 2578
    // section 7.1.8): no MIB needed.
    mib::AppendTimeTicks(static_cast<uint32_t>(tree->UintValue(value)), &text_);
    AddGenerated(tree, value, Snmp::hf[Snmp::kValueDisplay], text_);
    return;
  }
  if (field == Snmp::hf[Snmp::kValueOid] && node.type == FieldType::kOid) {
    AddName(tree, value);  // the varbind's arcs are not needed after this
    return;
  }
  if (match.object == mib::kNoObject) return;
  const mib::Object& object = table_->object(match.object);
  if (object.kind != mib::Kind::kScalar && object.kind != mib::Kind::kColumn) return;
  bool shown = false;
  switch (node.type) {
    case FieldType::kInt:
      shown = mib::AppendIntegerDisplay(*table_, object, tree->IntValue(value), &text_);
      break;
    case FieldType::kUint:
      shown = mib::AppendIntegerDisplay(*table_, object,
                                        static_cast<int64_t>(tree->UintValue(value)), &text_);
      break;
    case FieldType::kBytes: {
      if (field != Snmp::hf[Snmp::kValueOctets]) break;
      const std::string_view octets = tree->TextValue(value);
      if (object.tc == "InetAddress") {
        const uint32_t type = InetTypeInList(*tree, list, match);
        shown = type != 0 && mib::AppendInetAddress(type, octets, &text_);
        if (!shown && !octets.empty()) {
          for (const char c : octets) {
            constexpr char kHex[] = "0123456789abcdef";
            text_.push_back(kHex[static_cast<uint8_t>(c) >> 4]);
            text_.push_back(kHex[static_cast<uint8_t>(c) & 15]);
          }
          const NodeId shown_node = AddGenerated(tree, value, Snmp::hf[Snmp::kValueDisplay], text_);
          tree->AddDiagnostic(shown_node, Snmp::ei[Snmp::kInetAddressWithoutType]);
          return;
        }
      } else {
        shown = mib::AppendOctetsDisplay(*table_, object, octets, &text_);
      }
      break;
    }
    default:
      break;
  }
  if (shown) AddGenerated(tree, value, Snmp::hf[Snmp::kValueDisplay], text_);
}

}  // namespace snmpdissect::proto
