// The PDU part of the SNMP tree: RFC 3416 section 3 PDUs (RFC 1157 Trap-PDU),
// variable bindings and their values (RFC 2578 section 7.1, RFC 3416
// section 3 exceptions).

#include <string>

#include "absl/strings/str_cat.h"
#include "codec/ber/oid.h"
#include "codec/snmp/report.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto::internal {
namespace {

using snmp::ValueType;
using tree::FieldId;
using tree::NodeId;

// The element fields follow the PDU tags [0]..[8] in the field table.
static_assert(Snmp::kReportElement - Snmp::kGetRequestElement ==
              static_cast<int>(snmp::kMaxPduTag));

NodeId AddOidOrRaw(const snmp::OidView& oid, FieldId field, tree::Range range,
                   tree::Tree* tree, NodeId parent) {
  // arc_count 0 marks an OID the codec could not validate: show its octets
  // (its diagnostic says why).
  if (oid.arc_count == 0) return tree->AddBytes(parent, field, range, oid.content);
  return tree->AddOid(parent, field, range,
                      [&oid](std::string* out) { ber::AppendOidText(oid, out); });
}

NodeId AddUnsigned(const snmp::Value& value, FieldId field, tree::Range range,
                   tree::Tree* tree, NodeId parent) {
  if (!value.decoded) return tree->AddBytes(parent, field, range, value.content);
  return tree->AddUint(parent, field, range, value.unsigned_value);
}

// net-snmp's Opaque-wrapped types (snmplib/asn1.c): the inner value as a
// child of the Opaque bytes.
void AddOpaqueInner(const snmp::Value& value, const Ranges& ranges, tree::Tree* tree,
                    NodeId opaque) {
  const tree::Range inner = ranges.Of(value.opaque_inner);
  switch (value.opaque_kind) {
    case snmp::OpaqueKind::kPlain:
      break;
    case snmp::OpaqueKind::kFloat:
      tree->AddDouble(opaque, Snmp::hf[Snmp::kValueOpaqueFloat], inner, value.real);
      break;
    case snmp::OpaqueKind::kDouble:
      tree->AddDouble(opaque, Snmp::hf[Snmp::kValueOpaqueDouble], inner, value.real);
      break;
    case snmp::OpaqueKind::kCounter64:
      tree->AddUint(opaque, Snmp::hf[Snmp::kValueOpaqueCounter64], inner, value.unsigned_value);
      break;
    case snmp::OpaqueKind::kInt64:
      tree->AddInt(opaque, Snmp::hf[Snmp::kValueOpaqueInt64], inner, value.integer);
      break;
    case snmp::OpaqueKind::kUint64:
      tree->AddUint(opaque, Snmp::hf[Snmp::kValueOpaqueUint64], inner, value.unsigned_value);
      break;
  }
}

// The exceptions of RFC 3416 section 3 carry no value; Wireshark adds a
// Note/Response expert naming them, and so do we.
void AddException(FieldId field, const char* name, tree::Range range, tree::Tree* tree,
                  NodeId parent) {
  const NodeId node = tree->AddNone(parent, field, range);
  tree->AddDiagnostic(node, Snmp::ei[Snmp::kVarbindResponse], tree::Severity::kNote,
                      name);
}

void AddValue(const snmp::Value& value, const Ranges& ranges, tree::Tree* tree,
              NodeId parent) {
  const tree::Range range = ranges.Of(value.location);
  switch (value.type) {
    case ValueType::kInteger:
      if (value.decoded) {
        tree->AddInt(parent, Snmp::hf[Snmp::kValueInt], range, value.integer);
      } else {
        tree->AddBytes(parent, Snmp::hf[Snmp::kValueInt], range, value.content);
      }
      return;
    case ValueType::kOctetString:
      tree->AddBytes(parent, Snmp::hf[Snmp::kValueOctets], range, value.content);
      return;
    case ValueType::kNull:
      tree->AddNone(parent, Snmp::hf[Snmp::kValueNull], range);
      return;
    case ValueType::kObjectIdentifier:
      AddOidOrRaw(value.oid, Snmp::hf[Snmp::kValueOid], range, tree, parent);
      return;
    case ValueType::kIpAddress:
      // IpAddress is OCTET STRING (SIZE (4)) (RFC 2578 section 7.1.5); like
      // Wireshark, 16 octets read as IPv6 and anything else stays raw.
      if (value.content.size() == 4) {
        tree->AddIpv4(parent, Snmp::hf[Snmp::kValueIpv4], range, Ipv4Address(value.content));
      } else if (value.content.size() == 16) {
        tree->AddIpv6(parent, Snmp::hf[Snmp::kValueIpv6], range, value.content);
      } else {
        tree->AddBytes(parent, Snmp::hf[Snmp::kValueAddr], range, value.content);
      }
      return;
    case ValueType::kCounter32:
      AddUnsigned(value, Snmp::hf[Snmp::kValueCounter], range, tree, parent);
      return;
    case ValueType::kGauge32:
      AddUnsigned(value, Snmp::hf[Snmp::kValueG32], range, tree, parent);
      return;
    case ValueType::kTimeTicks:
      AddUnsigned(value, Snmp::hf[Snmp::kValueTimeticks], range, tree, parent);
      return;
    case ValueType::kUInteger32:
      AddUnsigned(value, Snmp::hf[Snmp::kValueU32], range, tree, parent);
      return;
    case ValueType::kCounter64: {
      // Wireshark files Counter64 under snmp.value.counter too, so that one
      // filter matches both widths; only the label differs.
      const NodeId node = AddUnsigned(value, Snmp::hf[Snmp::kValueCounter], range, tree, parent);
      tree->SetLabel(node, "Value (Counter64)");
      return;
    }
    case ValueType::kOpaque: {
      const NodeId node = tree->AddBytes(parent, Snmp::hf[Snmp::kValueOpaque], range,
                                         value.content);
      AddOpaqueInner(value, ranges, tree, node);
      return;
    }
    case ValueType::kNsapAddress:
      tree->AddBytes(parent, Snmp::hf[Snmp::kValueNsap], range, value.content);
      return;
    case ValueType::kNoSuchObject:
      AddException(Snmp::hf[Snmp::kNoSuchObject], "noSuchObject", range, tree, parent);
      return;
    case ValueType::kNoSuchInstance:
      AddException(Snmp::hf[Snmp::kNoSuchInstance], "noSuchInstance", range, tree, parent);
      return;
    case ValueType::kEndOfMibView:
      AddException(Snmp::hf[Snmp::kEndOfMibView], "endOfMibView", range, tree, parent);
      return;
    case ValueType::kUnknown:
      break;
  }
  tree->AddBytes(parent, Snmp::hf[Snmp::kValueUnknown], range, value.content);
}

// A Report's varbind names the counter the agent incremented (RFC 3412
// section 7.1 step 3): say in words what went wrong.
void AddReportCounter(const snmp::VarBind& varbind, tree::Tree* tree, NodeId node) {
  if (!varbind.name.present || varbind.name.value.arc_count == 0) return;
  const snmp::ReportCounter* counter = snmp::FindReportCounter(varbind.name.value);
  if (counter == nullptr) return;
  const snmp::Value& value = varbind.value;
  const bool counted = value.type == ValueType::kCounter32 && value.decoded;
  tree->AddDiagnostic(node, Snmp::ei[Snmp::kReportCounter], tree::Severity::kNote,
                      [&](std::string* out) {
                        absl::StrAppend(out, "Report: ", counter->name);
                        if (counted) absl::StrAppend(out, " = ", value.unsigned_value);
                        absl::StrAppend(out, ": ", counter->meaning);
                      });
}

void AddVarBinds(const snmp::Pdu& pdu, const Ranges& ranges, tree::Tree* tree,
                 NodeId parent) {
  if (!Reached(pdu.varbind_list)) return;
  const NodeId list = tree->AddUint(parent, Snmp::hf[Snmp::kVariableBindings],
                                    ranges.Of(pdu.varbind_list), pdu.varbinds.size());
  for (const snmp::VarBind& varbind : pdu.varbinds) {
    const NodeId node =
        tree->AddNone(list, Snmp::hf[Snmp::kVarBind], ranges.Of(varbind.location));
    if (varbind.name.present) {
      AddOidOrRaw(varbind.name.value, Snmp::hf[Snmp::kName], ranges.Of(varbind.name.location),
                  tree, node);
    }
    // A decode that stopped inside this VarBind left its value unreached.
    if (Reached(varbind.value.location)) AddValue(varbind.value, ranges, tree, node);
    if (pdu.type == snmp::PduType::kReport) AddReportCounter(varbind, tree, node);
  }
}

template <typename T>
void AddIntField(const snmp::Field<T>& field, FieldId id, const Ranges& ranges,
                 tree::Tree* tree, NodeId parent) {
  if (field.present) {
    tree->AddInt(parent, id, ranges.Of(field.location), static_cast<int64_t>(field.value));
  }
}

// RFC 1157 section 4.1.6 Trap-PDU.
void AddTrapFields(const snmp::Pdu& pdu, const Ranges& ranges, tree::Tree* tree,
                   NodeId parent) {
  if (pdu.enterprise.present) {
    AddOidOrRaw(pdu.enterprise.value, Snmp::hf[Snmp::kEnterprise],
                ranges.Of(pdu.enterprise.location), tree, parent);
  }
  if (pdu.agent_addr.present) {
    const snmp::Bytes a = pdu.agent_addr.value;
    const tree::Range range = ranges.Of(pdu.agent_addr.location);
    if (a.size() == 4) {
      tree->AddIpv4(parent, Snmp::hf[Snmp::kAgentAddr], range, Ipv4Address(a));
    } else {
      tree->AddBytes(parent, Snmp::hf[Snmp::kAgentAddr], range, a);
    }
  }
  AddIntField(pdu.generic_trap, Snmp::hf[Snmp::kGenericTrap], ranges, tree, parent);
  AddIntField(pdu.specific_trap, Snmp::hf[Snmp::kSpecificTrap], ranges, tree, parent);
  AddIntField(pdu.time_stamp, Snmp::hf[Snmp::kTimeStamp], ranges, tree, parent);
}

}  // namespace

void AddPdu(const snmp::Pdu& pdu, const Ranges& ranges, tree::Tree* tree, NodeId parent) {
  const tree::Range range = ranges.Of(pdu.location);
  const auto type = static_cast<uint32_t>(pdu.type);
  // "data: get-request (0)" with a "get-request" element under it, as
  // Wireshark's asn2wrs CHOICE output.
  const NodeId data = tree->AddUint(parent, Snmp::hf[Snmp::kData], range, type);
  const FieldId element_field = Snmp::hf[Snmp::kGetRequestElement + type];
  // The codec only yields tags 0..kMaxPduTag; anything else gets no element.
  const NodeId element = type <= snmp::kMaxPduTag
                             ? tree->AddNone(data, element_field, range)
                             : data;
  if (pdu.type == snmp::PduType::kTrapV1) {
    AddTrapFields(pdu, ranges, tree, element);
  } else {
    AddIntField(pdu.request_id, Snmp::hf[Snmp::kRequestId], ranges, tree, element);
    // GetBulkRequest reuses the two positions (RFC 3416 section 3).
    const bool bulk = pdu.type == snmp::PduType::kGetBulkRequest;
    AddIntField(pdu.error_status,
                bulk ? Snmp::hf[Snmp::kNonRepeaters] : Snmp::hf[Snmp::kErrorStatus], ranges, tree,
                element);
    AddIntField(pdu.error_index,
                bulk ? Snmp::hf[Snmp::kMaxRepetitions] : Snmp::hf[Snmp::kErrorIndex], ranges, tree,
                element);
  }
  AddVarBinds(pdu, ranges, tree, element);
}

}  // namespace snmpdissect::proto::internal
