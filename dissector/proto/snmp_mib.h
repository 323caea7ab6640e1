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
//   resolver.Resolve(&tree, snmp_node);    // after AddSnmpTree
//
// Cost: one table lookup per OID (a hash probe per arc, dissector/mib/
// table.h), linear passes over the message's varbinds; the text goes
// through one scratch buffer that keeps its capacity, so steady state
// allocates nothing beyond the tree's own buffers.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_MIB_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_MIB_H_

#include <cstdint>
#include <string>

#include "dissector/mib/table.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

class MibResolver {
 public:
  explicit MibResolver(const mib::Table* table) : table_(table) {}
  // nullptr: Resolve does nothing.
  void set_table(const mib::Table* table) { table_ = table; }

  // Adds the resolution children under every varbind and trap enterprise
  // of the subtree `snmp` (the nodes after it in `tree`).
  void Resolve(tree::Tree* tree, tree::NodeId snmp);

 private:
  void ResolveVarBind(tree::Tree* tree, tree::NodeId list, tree::NodeId varbind);
  // Adds snmp.name.resolved under an OID node; returns the lookup and leaves
  // the arcs in arcs_/arc_count_.
  mib::Match AddName(tree::Tree* tree, tree::NodeId oid_node);
  void AddIndex(tree::Tree* tree, tree::NodeId name_node, mib::Match match);
  void AddValue(tree::Tree* tree, tree::NodeId list, tree::NodeId value_node, mib::Match match);
  // The InetAddressType value for an InetAddress column instance, from the
  // same row's InetAddressType column elsewhere in `list`; 0 if absent.
  uint32_t InetTypeInList(const tree::Tree& tree, tree::NodeId list, mib::Match match);

  const mib::Table* table_;
  uint32_t arcs_[128] = {};
  size_t arc_count_ = 0;
  std::string text_;
};

// The arcs of a dotted OID text into `arcs` (at most `capacity`); false
// when the text is not dotted decimal arcs of 32 bits or has too many.
bool ParseDottedOid(std::string_view text, uint32_t* arcs, size_t capacity, size_t* count);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_MIB_H_
