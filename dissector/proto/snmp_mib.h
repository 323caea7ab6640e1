// MIB resolution of an SNMP subtree (issue 17): once a message's tree is
// built, names its OIDs and reads its values by their MIB definitions, as
// generated children:
//
//   Object Name: 1.3.6.1.2.1.2.2.1.8.1 (IF-MIB::ifOperStatus.1)
//       [Resolved Name: IF-MIB::ifOperStatus.1]        snmp.name.resolved
//       [Index: ifIndex = 1]                           snmp.name.index
//   Value (Integer32): 1
//       [Display Value: up(1)]                         snmp.value.display
//
// OID values (sysObjectID, snmpTrapOID, sysORID) and a v1 trap's
// enterprise get a Resolved Name too; TimeTicks get a Display Value
// whatever their name ("(123456) 0:20:34.56"). The raw fields stay as they
// were, so -T fields scripts and tshark comparisons keep working.
//
//   proto::MibResolver resolver(&table);   // table outlives the resolver
//   // after AddSnmpTree(message, ...), with the message it drew:
//   resolver.Resolve(&tree, snmp_node, message.has_pdu ? &message.pdu : nullptr);
//
// The arcs come from the decoded message (the OidViews AddSnmpTree drew the
// tree's OIDs from), not from the tree's dotted text: no text is parsed.
// Cost: one table lookup per OID (a hash probe per arc after the prefix
// it shares with the OID looked up before it, dissector/mib/table.h); the InetAddress rule (RFC 4001 section 4.1) sorts the
// message's InetAddressType instances once and finds each InetAddress's
// row by binary search, so a message of n varbinds costs O(n log n)
// whatever its mix. The arcs, the per-varbind lookups and the text go
// through scratch buffers that keep their capacity, so steady state
// allocates nothing beyond the tree's own buffers.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_MIB_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_MIB_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "codec/snmp/model.h"
#include "dissector/mib/table.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

class MibResolver {
 public:
  explicit MibResolver(const mib::Table* table) : table_(table) {}
  // nullptr: Resolve does nothing.
  void set_table(const mib::Table* table) {
    table_ = table;
    cursor_.Reset();  // its nodes were another table's
  }

  // Adds the resolution children under every varbind and trap enterprise
  // of the subtree `snmp` (the nodes after it in `tree`), which AddSnmpTree
  // built from `pdu` (nullptr: the message had no PDU). The k-th varbind
  // node of the subtree is pdu->varbinds[k]: AddSnmpTree adds one per
  // varbind, in order, all children of one list node, and past the tree's
  // node limit adds none (so the nodes are a prefix of the varbinds).
  void Resolve(tree::Tree* tree, tree::NodeId snmp, const snmp::Pdu* pdu);

 private:
  // One varbind of the message being resolved: its tree nodes, where its
  // name's arcs lie in arcs_, and their lookup.
  struct VarBindRef {
    tree::NodeId name = tree::kNoNode;   // snmp.name, kOid; else kNoNode
    tree::NodeId value = tree::kNoNode;  // the node after the name, if any
    uint32_t arc_begin = 0;
    uint32_t arc_count = 0;
    mib::Match match;
  };

  // Fills varbinds_ and arcs_ from the varbind node `first` and its
  // siblings (the variable-bindings list).
  void Collect(const tree::Tree& tree, tree::NodeId first, const snmp::Pdu& pdu);
  // Sorts the InetAddressType instances of varbinds_ into inet_types_.
  void IndexInetTypes(const tree::Tree& tree);
  absl::Span<const uint32_t> Arcs(const VarBindRef& vb) const {
    return absl::MakeConstSpan(arcs_).subspan(vb.arc_begin, vb.arc_count);
  }
  // The arcs after the matched object's own (the instance, RFC 2578
  // section 7.7).
  absl::Span<const uint32_t> Suffix(const VarBindRef& vb) const {
    return Arcs(vb).subspan(vb.match.matched);
  }

  void ResolveVarBind(tree::Tree* tree, const VarBindRef& vb);
  // Adds snmp.name.resolved under an OID node whose OID has `arcs`, which
  // the table matched as `match`.
  void AddName(tree::Tree* tree, tree::NodeId oid_node, absl::Span<const uint32_t> arcs,
               mib::Match match);
  // As above for an OID the codec decoded: its arcs through oid_arcs_, then
  // the lookup.
  void AddName(tree::Tree* tree, tree::NodeId oid_node, const ber::OidView& oid);
  void AddIndex(tree::Tree* tree, const VarBindRef& vb);
  void AddValue(tree::Tree* tree, const VarBindRef& vb, const snmp::VarBind& varbind);
  // The InetAddressType value for an InetAddress column instance, from the
  // same row's InetAddressType column elsewhere in the message (the first
  // such varbind); 0 if absent.
  uint32_t InetTypeOf(const tree::Tree& tree, const VarBindRef& vb) const;

  const mib::Table* table_;
  // Every lookup goes through it: a message's varbinds, and the messages of
  // a walk, share most of their arcs (mib::LookupCursor).
  mib::LookupCursor cursor_;
  const snmp::Pdu* pdu_ = nullptr;     // during Resolve
  std::vector<VarBindRef> varbinds_;   // parallel to pdu_->varbinds' prefix
  std::vector<uint32_t> arcs_;         // every varbind name's arcs
  std::vector<uint32_t> inet_types_;   // indices into varbinds_, sorted
  bool inet_types_ready_ = false;      // inet_types_ built for this message
  uint32_t oid_arcs_[ber::kMaxOidArcs] = {};
  std::string text_;
};

// The arcs of a dotted OID text into `arcs` (at most `capacity`); false
// when the text is not dotted decimal arcs of 32 bits or has too many. For
// readers of a finished tree (the statistics), which have no message.
bool ParseDottedOid(std::string_view text, uint32_t* arcs, size_t capacity, size_t* count);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_MIB_H_
