#include "dissector/proto/snmp_mib.h"

#include <algorithm>
#include <charconv>

#include "codec/ber/oid.h"

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

void MibResolver::Resolve(Tree* tree, NodeId snmp, const snmp::Pdu* pdu) {
  if (snmp == kNoNode || table_ == nullptr || pdu == nullptr) return;
  pdu_ = pdu;
  inet_types_ready_ = false;
  // Every node of the message's subtree was added after `snmp`, a v1
  // trap's enterprise before the varbinds (AddPdu); the nodes added here
  // come after `end` and are not visited. The varbinds are the first one's
  // siblings: the scan stops there.
  const size_t end = tree->size();
  NodeId first = kNoNode;
  for (NodeId id = snmp + 1; id < end; ++id) {
    const tree::FieldId field = tree->node(id).field;
    if (field == Snmp::hf[Snmp::kVarBind]) {
      first = id;
      break;
    }
    if (field == Snmp::hf[Snmp::kEnterprise] && tree->node(id).type == FieldType::kOid) {
      AddName(tree, id, pdu->enterprise.value);
    }
  }
  if (first != kNoNode) {
    Collect(*tree, first, *pdu);
    for (const VarBindRef& vb : varbinds_) ResolveVarBind(tree, vb);
  }
  pdu_ = nullptr;
}

void MibResolver::Collect(const Tree& tree, NodeId first, const snmp::Pdu& pdu) {
  varbinds_.clear();
  arcs_.clear();
  for (NodeId id = first; id != kNoNode && varbinds_.size() < pdu.varbinds.size();
       id = tree.node(id).next_sibling) {
    if (tree.node(id).field != Snmp::hf[Snmp::kVarBind]) continue;
    const snmp::VarBind& varbind = pdu.varbinds[varbinds_.size()];
    VarBindRef& vb = varbinds_.emplace_back();
    const NodeId name = tree.node(id).first_child;
    if (name == kNoNode || tree.node(name).field != Snmp::hf[Snmp::kName]) continue;
    vb.value = tree.node(name).next_sibling;
    // A kOid name node was drawn from a valid OidView (an invalid one is
    // shown as bytes): its arcs are the view's.
    if (tree.node(name).type != FieldType::kOid) continue;
    vb.name = name;
    vb.arc_begin = static_cast<uint32_t>(arcs_.size());
    vb.arc_count = static_cast<uint32_t>(varbind.name.value.arc_count);
    arcs_.resize(arcs_.size() + vb.arc_count);
    ber::OidArcs(varbind.name.value, arcs_.data() + vb.arc_begin, vb.arc_count);
    vb.match = table_->Lookup(Arcs(vb), &cursor_);
  }
}

void MibResolver::ResolveVarBind(Tree* tree, const VarBindRef& vb) {
  const size_t at = static_cast<size_t>(&vb - varbinds_.data());
  if (vb.name != kNoNode) {
    AddName(tree, vb.name, Arcs(vb), vb.match);
    AddIndex(tree, vb);
  }
  if (vb.value != kNoNode) AddValue(tree, vb, pdu_->varbinds[at]);
}

void MibResolver::AddName(Tree* tree, NodeId oid_node, absl::Span<const uint32_t> arcs,
                          mib::Match match) {
  text_.clear();
  if (mib::AppendOidName(*table_, arcs, match, /*with_module=*/true, &text_)) {
    AddGenerated(tree, oid_node, Snmp::hf[Snmp::kNameResolved], text_);
  }
}

void MibResolver::AddName(Tree* tree, NodeId oid_node, const ber::OidView& oid) {
  const size_t count = ber::OidArcs(oid, oid_arcs_, std::size(oid_arcs_));
  if (count > std::size(oid_arcs_)) return;  // the codec caps OIDs at 128 arcs
  const absl::Span<const uint32_t> arcs(oid_arcs_, count);
  AddName(tree, oid_node, arcs, table_->Lookup(arcs, &cursor_));
}

void MibResolver::AddIndex(Tree* tree, const VarBindRef& vb) {
  const mib::Match match = vb.match;
  if (match.object == mib::kNoObject) return;
  const mib::Object& object = table_->object(match.object);
  if (object.kind != mib::Kind::kColumn || match.matched >= vb.arc_count) return;
  const uint32_t entry = table_->EntryOf(match.object);
  if (entry == mib::kNoObject) return;
  mib::DecodedIndex parts[mib::kMaxIndexParts];
  const size_t n = mib::DecodeIndex(*table_, entry, Suffix(vb), parts);
  for (size_t i = 0; i < n; ++i) {
    text_.clear();
    mib::AppendIndexPart(*table_, parts, n, i, &text_);
    AddGenerated(tree, vb.name, Snmp::hf[Snmp::kNameIndex], text_);
  }
}

void MibResolver::IndexInetTypes(const Tree& tree) {
  // RFC 4001 section 4.1: an InetAddress object's type is the
  // InetAddressType object of the same row (same entry, same instance).
  // The candidates, sorted by (entry, instance, position), so the first of
  // equal rows is the earliest in the message, as a scan would find it.
  inet_types_.clear();
  for (size_t i = 0; i < varbinds_.size(); ++i) {
    const VarBindRef& vb = varbinds_[i];
    if (vb.name == kNoNode || vb.match.object == mib::kNoObject) continue;
    if (vb.value == kNoNode || tree.node(vb.value).type != FieldType::kInt) continue;
    if (table_->object(vb.match.object).tc != "InetAddressType") continue;
    if (table_->EntryOf(vb.match.object) == mib::kNoObject) continue;
    inet_types_.push_back(static_cast<uint32_t>(i));
  }
  std::sort(inet_types_.begin(), inet_types_.end(), [this](uint32_t a, uint32_t b) {
    const uint32_t ea = table_->EntryOf(varbinds_[a].match.object);
    const uint32_t eb = table_->EntryOf(varbinds_[b].match.object);
    if (ea != eb) return ea < eb;
    const absl::Span<const uint32_t> sa = Suffix(varbinds_[a]), sb = Suffix(varbinds_[b]);
    if (sa != sb) return std::lexicographical_compare(sa.begin(), sa.end(), sb.begin(), sb.end());
    return a < b;
  });
  inet_types_ready_ = true;
}

uint32_t MibResolver::InetTypeOf(const Tree& tree, const VarBindRef& vb) const {
  const uint32_t entry = table_->EntryOf(vb.match.object);
  if (entry == mib::kNoObject) return 0;
  const absl::Span<const uint32_t> suffix = Suffix(vb);
  // The first candidate not below (entry, suffix).
  const auto below = [&](uint32_t candidate) {
    const uint32_t e = table_->EntryOf(varbinds_[candidate].match.object);
    if (e != entry) return e < entry;
    const absl::Span<const uint32_t> s = Suffix(varbinds_[candidate]);
    return std::lexicographical_compare(s.begin(), s.end(), suffix.begin(), suffix.end());
  };
  const auto it = std::partition_point(inet_types_.begin(), inet_types_.end(), below);
  if (it == inet_types_.end()) return 0;
  const VarBindRef& found = varbinds_[*it];
  if (table_->EntryOf(found.match.object) != entry || Suffix(found) != suffix) return 0;
  const int64_t type = tree.IntValue(found.value);
  return type > 0 && type <= 255 ? static_cast<uint32_t>(type) : 0;
}

void MibResolver::AddValue(Tree* tree, const VarBindRef& vb, const snmp::VarBind& varbind) {
  const NodeId value = vb.value;
  const mib::Match match = vb.match;
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
    // A kOid value node was drawn from the varbind's valid OID value.
    AddName(tree, value, varbind.value.oid);
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
        if (!inet_types_ready_) IndexInetTypes(*tree);
        const uint32_t type = InetTypeOf(*tree, vb);
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
