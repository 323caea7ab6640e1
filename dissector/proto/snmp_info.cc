// SNMP's Info column (packet-snmp.c), written after each message is
// dissected: each PDU clears the column and writes its type, then " <OID>"
// per varbind (a v1 trap first adds its enterprise, resolved as
// "iso.3.6..."); an encryptedPDU not decrypted sets "encryptedPDU: privKey
// Unknown" ("encryptedPDU: Failed to decrypt" when the cipher is
// unavailable), one that decrypted to something other than a ScopedPDU
// "encryptedPDU: Decrypted data not formatted as expected". With several
// messages in one TCP segment the last one's text is what remains, as in
// tshark. (Intended differences from tshark: print/summary_line.h.)

#include <string>
#include <string_view>

#include "dissector/value/value_format.h"
#include "dissector/value/value_text.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto::internal {
namespace {

using value::AppendResolvedOidName;
using value::AppendVarBindOid;
using tree::FieldType;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

// True when some diagnostic on `id` is `expert` with at least `severity`.
bool HasExpert(const Tree& tree, NodeId id, tree::ExpertId expert, tree::Severity severity) {
  for (tree::DiagnosticId d = tree.node(id).first_diagnostic; d != tree::kNoDiagnostic;
       d = tree.diagnostic(d).next) {
    if (tree.diagnostic(d).expert == expert && tree.diagnostic(d).severity >= severity) {
      return true;
    }
  }
  return false;
}

// Whether node `id` lies in the subtree of `ancestor`.
bool Below(const Tree& tree, NodeId id, NodeId ancestor) {
  for (NodeId up = tree.node(id).parent; up != kNoNode; up = tree.node(up).parent) {
    if (up == ancestor) return true;
  }
  return false;
}

// The MIB name of an OID node without its module ("sysDescr.0", as net-snmp's
// tools print it), when snmp_mib.cc resolved it; false otherwise.
bool AppendShortName(const Tree& tree, NodeId oid, std::string* out) {
  const NodeId resolved = info::ChildOf(tree, oid, Snmp::hf[Snmp::kNameResolved]);
  if (resolved == kNoNode) return false;
  const std::string_view name = tree.TextValue(resolved);
  const size_t colons = name.find("::");
  out->append(colons == std::string_view::npos ? name : name.substr(colons + 2));
  return true;
}

}  // namespace

void ApplySnmpInfo(const Tree& tree, NodeId snmp, NodeId malformed, size_t info_start,
                   std::string* out) {
  const NodeId encrypted = tree.Find(Snmp::hf[Snmp::kEncryptedPdu], snmp);
  const NodeId data = tree.Find(Snmp::hf[Snmp::kData], snmp);
  if (encrypted != kNoNode && (data == kNoNode || !Below(tree, data, encrypted))) {
    // dissect_snmp_T_encryptedPDU: col_set_str, replacing the column. No
    // user or no key is "privKey Unknown"; the tree does not tell a bad
    // salt or ciphertext length (Wireshark: "Failed to decrypt") from a
    // missing key (the same expert), so those say "privKey Unknown" too.
    out->resize(info_start);
    const NodeId plain = info::ChildOf(tree, encrypted, Snmp::hf[Snmp::kDecryptedPdu]);
    if (plain != kNoNode) {
      out->append("encryptedPDU: Decrypted data not formatted as expected");
    } else if (HasExpert(tree, encrypted, Snmp::ei[Snmp::kCryptoUnavailable],
                         tree::Severity::kComment)) {
      out->append("encryptedPDU: Failed to decrypt");
    } else {
      out->append("encryptedPDU: privKey Unknown");
    }
    return;
  }
  if (data == kNoNode) return;
  // dissect_snmp_PDUs: col_clear, the CHOICE (varbinds append " <OID>"),
  // then col_prepend of the PDU's name unless an exception left the CHOICE.
  out->resize(info_start);
  const NodeId pdu = tree.node(data).first_child;
  const tree::Range& data_range = tree.node(data).range;
  const bool thrown_inside =
      malformed != kNoNode && Below(tree, malformed, snmp) &&
      tree.node(malformed).range.source == data_range.source &&
      tree.node(malformed).range.offset >= data_range.offset;
  if (!thrown_inside && tree.node(data).type != FieldType::kBytes) {
    const char* name =
        tree::ValueNameOf(tree.field(data), static_cast<int64_t>(tree.UintValue(data)));
    if (name != nullptr && std::string_view(name) != "Unknown") out->append(name);
  }
  if (pdu == kNoNode) return;
  for (NodeId c = tree.node(pdu).first_child; c != kNoNode; c = tree.node(c).next_sibling) {
    const tree::Node& child = tree.node(c);
    if (child.field == Snmp::hf[Snmp::kEnterprise] && child.type == FieldType::kOid) {
      out->push_back(' ');
      if (!AppendShortName(tree, c, out)) AppendResolvedOidName(tree.TextValue(c), out);
    } else if (child.field == Snmp::hf[Snmp::kVariableBindings]) {
      for (NodeId vb = child.first_child; vb != kNoNode; vb = tree.node(vb).next_sibling) {
        const NodeId name = info::ChildOf(tree, vb, Snmp::hf[Snmp::kName]);
        if (name == kNoNode || tree.node(name).type != FieldType::kOid) continue;
        out->push_back(' ');
        if (!AppendShortName(tree, name, out)) {
          AppendVarBindOid(tree.TextValue(name), /*with_dotted=*/false, out);
        }
      }
    }
  }
}

}  // namespace snmpdissect::proto::internal
