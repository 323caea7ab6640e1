// The PDU bodies of RFC 2741 6.2 as tree nodes, in Wireshark's order
// (packet-agentx.c): the context first when NON_DEFAULT_CONTEXT is set, then
// each type's fields, SearchRanges or VarBinds. Fields the decoder did not
// reach (`present` false, an error stopped it) are left out; the caller adds
// the malformed marker.

#include <algorithm>
#include <cstdint>
#include <string>

#include "codec/agentx/model.h"
#include "dissector/proto/agentx_fields.h"
#include "dissector/proto/agentx_internal.h"

namespace snmpdissect::proto::agentx_internal {
namespace {

using agentx::PduType;
using agentx::VarBindType;
using tree::NodeId;
using tree::Tree;

template <typename T>
void AddField(const agentx::Field<T>& field, uint16_t local, const Ranges& r, Tree* tree,
              NodeId parent) {
  if (field.present) tree->AddUint(parent, AgentX::hf[local], r.At(field.location), field.value);
}

// RFC 2741 5.3: the length field, then the octets (the padding is part of
// the element's location only).
void AddOctetString(const agentx::OctetString& s, const Ranges& r, Tree* tree, NodeId parent) {
  if (!s.present) return;
  tree->AddUint(parent, AgentX::hf[AgentX::kOstringLen], r.At(s.location.offset, 4), s.length);
  tree->AddString(parent, AgentX::hf[AgentX::kOstring], r.At(s.location.offset + 4, s.value.size()),
                  s.value);
}

// RFC 2741 5.1: n_subid, prefix, include, <reserved>, the subidentifiers.
// agentx.oid is Wireshark's text: a leading dot, "(null)" for the null OID.
void AddOid(const agentx::Oid& oid, const char* label, const Ranges& r, Tree* tree,
            NodeId parent, std::string* text) {
  if (!oid.present) return;
  const size_t at = oid.location.offset;
  const NodeId node = tree->AddOid(parent, AgentX::hf[AgentX::kObjectId], r.At(oid.location),
                                   [&](std::string* out) { agentx::AppendOidText(oid, out); });
  if (label != nullptr) tree->SetLabel(node, label);
  tree->AddUint(node, AgentX::hf[AgentX::kNSubid], r.At(at, 1), oid.n_subid);
  tree->AddUint(node, AgentX::hf[AgentX::kOidPrefix], r.At(at + 1, 1), oid.prefix);
  // FT_BOOLEAN with mask 0x01 in Wireshark: other bits do not count (the
  // codec flags them, kIncludeInvalid).
  tree->AddBool(node, AgentX::hf[AgentX::kOidInclude], r.At(at + 2, 1), (oid.include & 1) != 0);
  text->clear();
  if (oid.null()) {
    text->append("(null)");
  } else {
    text->push_back('.');
    agentx::AppendOidText(oid, text);
  }
  tree->AddString(node, AgentX::hf[AgentX::kOid], r.At(at + 4, oid.subids.size()), *text);
}

// RFC 2741 5.4: v.type, <reserved>, v.name, v.data. A VarBind cut short by
// an error spans what is left of the payload.
void AddVarBind(const agentx::VarBind& vb, size_t payload_end, const Ranges& r, Tree* tree,
                NodeId parent, std::string* text) {
  if (!vb.type.present) return;
  const bool complete = vb.location.length > 0;
  const size_t begin = vb.type.location.offset;
  const NodeId node =
      tree->AddNone(parent, AgentX::hf[AgentX::kVarBind],
                    complete ? r.At(vb.location)
                             : r.At(begin, payload_end - std::min(begin, payload_end)));
  AddField(vb.type, AgentX::kVarBindType, r, tree, node);
  AddOid(vb.name, nullptr, r, tree, node, text);
  if (!complete) return;
  const agentx::Value& v = vb.value;
  switch (static_cast<VarBindType>(v.type_code)) {
    case VarBindType::kInteger:
      // Wireshark's agentx.v.val32 is FT_UINT32: the 32 bits as sent.
      tree->AddUint(node, AgentX::hf[AgentX::kValue32], r.At(v.location),
                    static_cast<uint32_t>(v.integer));
      break;
    case VarBindType::kCounter32:
    case VarBindType::kGauge32:
    case VarBindType::kTimeTicks:
      tree->AddUint(node, AgentX::hf[AgentX::kValue32], r.At(v.location), v.unsigned_value);
      break;
    case VarBindType::kCounter64:
      tree->AddUint(node, AgentX::hf[AgentX::kValue64], r.At(v.location), v.unsigned_value);
      break;
    case VarBindType::kOctetString:
    case VarBindType::kIpAddress:
    case VarBindType::kOpaque:
      AddOctetString(v.octets, r, tree, node);
      break;
    case VarBindType::kObjectIdentifier:
      AddOid(v.oid, nullptr, r, tree, node, text);
      break;
    case VarBindType::kNull:
    case VarBindType::kNoSuchObject:
    case VarBindType::kNoSuchInstance:
    case VarBindType::kEndOfMibView:
      break;  // no v.data (RFC 2741 5.4)
  }
}

// RFC 2741 5.2. In a Get-PDU only the start counts (6.2.5: the end is
// null), so Wireshark labels neither OID there.
void AddSearchRange(const agentx::SearchRange& range, bool get, const Ranges& r, Tree* tree,
                    NodeId parent, std::string* text) {
  if (!range.start.present) return;
  const NodeId node = tree->AddNone(parent, AgentX::hf[AgentX::kSearchRange],
                                    range.location.length > 0 ? r.At(range.location)
                                                              : r.At(range.start.location));
  AddOid(range.start, get ? nullptr : "Range Start", r, tree, node, text);
  AddOid(range.end, get ? nullptr : "Range End", r, tree, node, text);
}

void AddRegistration(const agentx::Pdu& pdu, bool unregister, const Ranges& r, Tree* tree,
                     NodeId body, std::string* text) {
  AddField(pdu.timeout, unregister ? AgentX::kUnregTimeout : AgentX::kRegTimeout, r, tree, body);
  AddField(pdu.priority, unregister ? AgentX::kUnregPriority : AgentX::kRegPriority, r, tree,
           body);
  AddField(pdu.range_subid, unregister ? AgentX::kUnregRangeSubid : AgentX::kRegRangeSubid, r,
           tree, body);
  AddOid(pdu.subtree, nullptr, r, tree, body, text);
  AddField(pdu.upper_bound, unregister ? AgentX::kUnregUpperBound : AgentX::kRegUpperBound, r,
           tree, body);
}

}  // namespace

void AddPduBody(const agentx::Pdu& pdu, const Ranges& r, Tree* tree, NodeId agentx,
                std::string* text) {
  if (!pdu.header.type.present || agentx::PduTypeName(pdu.header.type.value) == nullptr ||
      pdu.payload.length == 0) {
    return;
  }
  const NodeId body = tree->AddNone(agentx, AgentX::hf[AgentX::kPdu], r.At(pdu.payload));
  tree->SetLabel(body, agentx::PduTypeName(pdu.header.type.value));
  AddOctetString(pdu.context, r, tree, body);
  switch (pdu.type()) {
    case PduType::kOpen:
      AddField(pdu.timeout, AgentX::kOpenTimeout, r, tree, body);
      AddOid(pdu.id, nullptr, r, tree, body, text);
      AddOctetString(pdu.descr, r, tree, body);
      break;
    case PduType::kClose:
      AddField(pdu.reason, AgentX::kCloseReason, r, tree, body);
      break;
    case PduType::kRegister:
    case PduType::kUnregister:
      AddRegistration(pdu, pdu.type() == PduType::kUnregister, r, tree, body, text);
      break;
    case PduType::kGetBulk:
      AddField(pdu.non_repeaters, AgentX::kGetBulkNonRepeaters, r, tree, body);
      AddField(pdu.max_repetitions, AgentX::kGetBulkMaxRepetitions, r, tree, body);
      break;
    case PduType::kAddAgentCaps:
      AddOid(pdu.id, nullptr, r, tree, body, text);
      AddOctetString(pdu.descr, r, tree, body);
      break;
    case PduType::kRemoveAgentCaps:
      AddOid(pdu.id, nullptr, r, tree, body, text);
      break;
    case PduType::kResponse:
      AddField(pdu.sys_uptime, AgentX::kResponseUptime, r, tree, body);
      AddField(pdu.error, AgentX::kResponseError, r, tree, body);
      AddField(pdu.index, AgentX::kResponseIndex, r, tree, body);
      break;
    default:
      break;  // Get, GetNext: ranges; the Set phases, Ping: nothing more
  }
  const bool get = pdu.type() == PduType::kGet;
  for (const agentx::SearchRange& range : pdu.ranges) {
    AddSearchRange(range, get, r, tree, body, text);
  }
  for (const agentx::VarBind& vb : pdu.varbinds) {
    AddVarBind(vb, pdu.payload.end(), r, tree, body, text);
  }
}

}  // namespace snmpdissect::proto::agentx_internal
