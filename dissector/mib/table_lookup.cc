// The table's walks over an OID's arcs (table.h: Lookup, Exact and the
// child probe under them), apart from table.cc so that fuzz builds can
// leave them without comparison tracing (CMakeLists.txt): the packet path
// runs them for every OID of every message, and what they compare is hash
// control bytes and node ids, never input octets.

#include "dissector/mib/table.h"

#include <algorithm>

namespace snmpdissect::mib {

uint32_t Table::Child(uint32_t parent, uint32_t arc) const {
  const auto it = children_.find(Key(parent, arc));
  return it == children_.end() ? 0 : it->second;  // 0 (the root) is no child
}

Match Table::Lookup(absl::Span<const uint32_t> arcs) const {
  Match best;
  uint32_t node = 0;
  for (uint32_t i = 0; i < arcs.size(); ++i) {
    node = Child(node, arcs[i]);
    if (node == 0) break;
    const uint32_t object = nodes_[node].object;
    if (object == kNoObject) continue;
    best = Match{object, i + 1};
    // The arcs below an OBJECT-TYPE's OID name its instances (RFC 2578
    // section 7.1.8 ff., section 7.7), not further objects: sysUpTime.0
    // stays sysUpTime.0 though DISMAN-EVENT-MIB names that OID
    // sysUpTimeInstance (an OBJECT-IDENTITY, for use as a value).
    if (objects_[object].kind == Kind::kScalar || objects_[object].kind == Kind::kColumn) break;
  }
  return best;
}

Match Table::Lookup(absl::Span<const uint32_t> arcs, LookupCursor* cursor) const {
  // The prefix shared with the cursor's path needs no probe: its nodes are
  // known. From the first arc that differs, probe and record.
  size_t known = 0;
  const size_t shared = std::min(arcs.size(), cursor->depth_);
  while (known < shared && cursor->arcs_[known] == arcs[known]) ++known;
  size_t depth = cursor->depth_;
  Match best;
  uint32_t node = 0;
  for (uint32_t i = 0; i < arcs.size(); ++i) {
    if (i < known) {
      node = cursor->nodes_[i];
    } else {
      node = Child(node, arcs[i]);
      if (node == 0) {
        depth = std::min<size_t>(i, LookupCursor::kCapacity);  // arcs[0, i) lead somewhere
        break;
      }
      if (i < LookupCursor::kCapacity) {
        cursor->arcs_[i] = arcs[i];
        cursor->nodes_[i] = node;
        depth = i + 1;  // the old path past here is another OID's
      }
    }
    // As Lookup above.
    const uint32_t object = nodes_[node].object;
    if (object == kNoObject) continue;
    best = Match{object, i + 1};
    if (objects_[object].kind == Kind::kScalar || objects_[object].kind == Kind::kColumn) break;
  }
  cursor->depth_ = depth;
  return best;
}

uint32_t Table::Exact(absl::Span<const uint32_t> arcs) const {
  uint32_t node = 0;
  for (const uint32_t arc : arcs) {
    node = Child(node, arc);
    if (node == 0) return kNoObject;
  }
  return node == 0 ? kNoObject : nodes_[node].object;
}

}  // namespace snmpdissect::mib
