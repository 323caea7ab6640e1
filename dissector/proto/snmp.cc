#include "dissector/proto/snmp.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_format.h"
#include "codec/snmp/decode.h"
#include "dissector/proto/codec_severity.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_framing.h"
#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto {
namespace {

using internal::Ranges;
using internal::Reached;
using tree::FieldId;
using tree::NodeId;
using tree::Tree;

void AddInt(const snmp::Field<int64_t>& field, FieldId id, const Ranges& ranges, Tree* tree,
            NodeId parent) {
  if (field.present) tree->AddInt(parent, id, ranges.Of(field.location), field.value);
}

void AddString(const snmp::Field<snmp::Bytes>& field, FieldId id, const Ranges& ranges,
               Tree* tree, NodeId parent) {
  if (field.present) tree->AddString(parent, id, ranges.Of(field.location), field.value);
}

NodeId AddBytes(const snmp::Field<snmp::Bytes>& field, FieldId id, const Ranges& ranges,
                Tree* tree, NodeId parent) {
  if (!field.present) return tree::kNoNode;
  return tree->AddBytes(parent, id, ranges.Of(field.location), field.value);
}

// An engine ID field with its structure underneath.
void AddEngineId(const snmp::Field<snmp::Bytes>& field, FieldId id, bool check_length,
                 const Ranges& ranges, Tree* tree, NodeId parent) {
  const NodeId node = AddBytes(field, id, ranges, tree, parent);
  if (node == tree::kNoNode) return;
  internal::AddEngineIdFields(field.value, field.location.content_offset(), check_length,
                              ranges, tree, node);
}

// RFC 3412 section 6 HeaderData.
void AddHeader(const snmp::HeaderData& header, const Ranges& ranges, Tree* tree,
               NodeId parent) {
  if (!Reached(header.location)) return;
  const NodeId global = tree->AddNone(parent, Snmp::hf[Snmp::kMsgGlobalData],
                                      ranges.Of(header.location));
  AddInt(header.msg_id, Snmp::hf[Snmp::kMsgId], ranges, tree, global);
  AddInt(header.max_size, Snmp::hf[Snmp::kMsgMaxSize], ranges, tree, global);
  const NodeId flags = AddBytes(header.flags, Snmp::hf[Snmp::kMsgFlags], ranges, tree, global);
  if (flags != tree::kNoNode && !header.flags.value.empty()) {
    const uint8_t bits = header.flag_bits();
    const tree::Range octet = ranges.At(header.flags.location.content_offset(), 1);
    tree->AddBool(flags, Snmp::hf[Snmp::kV3FlagsReport], octet, bits & snmp::kFlagReportable);
    tree->AddBool(flags, Snmp::hf[Snmp::kV3FlagsCrypt], octet, bits & snmp::kFlagPriv);
    tree->AddBool(flags, Snmp::hf[Snmp::kV3FlagsAuth], octet, bits & snmp::kFlagAuth);
  }
  AddInt(header.security_model, Snmp::hf[Snmp::kMsgSecurityModel], ranges, tree, global);
}

// RFC 3414 section 2.4 UsmSecurityParameters. Like Wireshark, the fields sit
// directly under the message, not under the wrapping OCTET STRING. The
// verdict on the MAC goes under msgAuthenticationParameters.
void AddUsm(const snmp::Message& m, const usm::Result* outcome, const Ranges& ranges,
            Tree* tree, NodeId parent) {
  const snmp::UsmSecurityParameters& usm = m.usm;
  AddEngineId(usm.engine_id, Snmp::hf[Snmp::kMsgAuthoritativeEngineId],
              /*check_length=*/false, ranges, tree, parent);
  AddInt(usm.engine_boots, Snmp::hf[Snmp::kMsgAuthoritativeEngineBoots], ranges, tree, parent);
  AddInt(usm.engine_time, Snmp::hf[Snmp::kMsgAuthoritativeEngineTime], ranges, tree, parent);
  AddString(usm.user_name, Snmp::hf[Snmp::kMsgUserName], ranges, tree, parent);
  const NodeId params =
      AddBytes(usm.auth_params, Snmp::hf[Snmp::kMsgAuthenticationParameters], ranges, tree, parent);
  if (outcome != nullptr) internal::AddAuthOutcome(*outcome, m, tree, params);
  AddBytes(usm.priv_params, Snmp::hf[Snmp::kMsgPrivacyParameters], ranges, tree, parent);
}

// The ScopedPDU's fields (RFC 3412 section 6) under `parent`.
void AddScopedPdu(const snmp::Message& m, const Ranges& ranges, Tree* tree, NodeId parent) {
  AddEngineId(m.context_engine_id, Snmp::hf[Snmp::kContextEngineId], /*check_length=*/true,
              ranges, tree, parent);
  AddString(m.context_name, Snmp::hf[Snmp::kContextName], ranges, tree, parent);
  if (m.has_pdu) internal::AddPdu(m.pdu, ranges, tree, parent);
}

// msgData (RFC 3412 section 6): an encrypted OCTET STRING or a plaintext
// ScopedPDU. Returns the decrypted ScopedPDU's node (a data source), or
// kNoNode.
NodeId AddMsgData(const snmp::Message& m, const usm::Result* outcome, const Ranges& ranges,
                  Tree* tree, NodeId parent) {
  if (m.encrypted) {
    if (!m.encrypted_pdu.present) return tree::kNoNode;
    const NodeId data = tree->AddUint(parent, Snmp::hf[Snmp::kMsgData],
                                      ranges.Of(m.encrypted_pdu.location), 1);
    const NodeId encrypted =
        AddBytes(m.encrypted_pdu, Snmp::hf[Snmp::kEncryptedPdu], ranges, tree, data);
    if (outcome == nullptr) return tree::kNoNode;
    const NodeId plain = internal::AddDecryption(*outcome, m, tree, encrypted);
    // RFC 3414 section 3.2 step 8: what decrypted is a ScopedPDU; its
    // locations are offsets into the plaintext, the node's value.
    if (plain != tree::kNoNode) AddScopedPdu(m, Ranges(0, plain), tree, plain);
    return plain;
  }
  if (!Reached(m.scoped_pdu)) return tree::kNoNode;
  const tree::Range range = ranges.Of(m.scoped_pdu);
  const NodeId data = tree->AddUint(parent, Snmp::hf[Snmp::kMsgData], range, 0);
  const NodeId plaintext = tree->AddNone(data, Snmp::hf[Snmp::kPlaintextElement], range);
  AddScopedPdu(m, ranges, tree, plaintext);
  return tree::kNoNode;
}

NodeId AddV3(const snmp::Message& m, const usm::Result* outcome, const Ranges& ranges,
             Tree* tree, NodeId snmp) {
  AddInt(m.version, Snmp::hf[Snmp::kMsgVersion], ranges, tree, snmp);
  AddHeader(m.header, ranges, tree, snmp);
  if (m.has_usm) {
    AddUsm(m, outcome, ranges, tree, snmp);
  } else {
    // Another security model (RFC 3411 section 5): its parameters are opaque.
    AddBytes(m.security_parameters, Snmp::hf[Snmp::kMsgSecurityParameters], ranges, tree, snmp);
  }
  return AddMsgData(m, outcome, ranges, tree, snmp);
}

// Each decoder diagnostic on the innermost node containing its offset: the
// element it is about (its TLV starts there). Diagnostics from
// `plaintext_begin` on are about the decrypted ScopedPDU under `plain`.
void AttachDiagnostics(const snmp::Message& m, const Ranges& ranges, size_t plaintext_begin,
                       NodeId plain, Tree* tree, NodeId snmp) {
  // Several diagnostics often name one element (a value both padded and
  // out of range): the same search gives the same node, so it is reused.
  // Adding diagnostics does not change the nodes Innermost looks at.
  bool have_last = false;
  bool last_decrypted = false;
  size_t last_offset = 0;
  NodeId node = tree::kNoNode;
  for (size_t i = 0; i < m.diagnostics.size(); ++i) {
    const snmp::Diagnostic& d = m.diagnostics[i];
    const bool decrypted = i >= plaintext_begin && plain != tree::kNoNode;
    if (!have_last || d.offset != last_offset || decrypted != last_decrypted) {
      node = decrypted ? tree->Innermost(plain, d.offset, plain)
                       : tree->Innermost(snmp, ranges.base() + d.offset, ranges.source());
      have_last = true;
      last_offset = d.offset;
      last_decrypted = decrypted;
    }
    tree->AddDiagnostic(node, internal::ExpertFor(d.code), TreeSeverity(d.severity),
                        snmp::DiagnosticText(d.code));
  }
}

}  // namespace

NodeId AddSnmpTree(const snmp::Message& message, ber::Error error,
                   const usm::Result* outcome, size_t input_length, Placement at, Tree* tree,
                   NodeId parent) {
  const Ranges ranges(at.offset, at.source);
  // The layer spans its whole payload, so bytes after the message (a
  // trailing-data diagnostic) still fall inside it.
  const NodeId snmp = tree->AddProtocol(parent, Snmp::hf[Snmp::kSnmp], ranges.At(0, input_length));
  NodeId plain = tree::kNoNode;
  if (message.is_v3()) {
    plain = AddV3(message, outcome, ranges, tree, snmp);
  } else {
    AddInt(message.version, Snmp::hf[Snmp::kVersion], ranges, tree, snmp);
    AddString(message.community, Snmp::hf[Snmp::kCommunity], ranges, tree, snmp);
    if (message.has_pdu) internal::AddPdu(message.pdu, ranges, tree, snmp);
  }
  const size_t plaintext_begin =
      outcome != nullptr ? outcome->plaintext_diagnostics_begin : message.diagnostics.size();
  AttachDiagnostics(message, ranges, plaintext_begin, plain, tree, snmp);

  if (!error.ok()) {
    // After everything that decoded, like tshark's "[Malformed Packet: SNMP]".
    // The offset is the data source's (the frame's, mostly), as every range
    // in the tree is.
    const size_t stop = std::min(error.offset, input_length);
    const NodeId bad = tree->AddNone(snmp, Malformed::hf[Malformed::kMalformed],
                                     ranges.At(stop, input_length - stop));
    tree->SetLabel(bad, "Malformed Packet: SNMP");
    tree->SetGenerated(bad);
    tree->MarkMalformed(bad);
    tree->AddDiagnostic(bad, Malformed::ei[Malformed::kExpert], tree::Severity::kError,
                        [&](std::string* out) {
                          absl::StrAppendFormat(out, "Malformed Packet: offset %d: %s",
                                                at.offset + error.offset,
                                                ber::ErrorText(error.code));
                        });
  }
  return snmp;
}

SnmpDissection SnmpDissector::Dissect(snmp::Bytes payload, Placement at, Tree* tree,
                                      NodeId parent) {
  SnmpDissection result;
  result.error = snmp::DecodeMessage(payload, &message_);
  const usm::Result* outcome = nullptr;
  // USM needs the whole message as sent: only a complete decode has it.
  if (usm_ != nullptr && result.error.ok()) {
    usm_->Process(payload, &message_, &usm_result_);
    outcome = &usm_result_;
  }
  result.node = AddSnmpTree(message_, result.error, outcome, payload.size(), at, tree, parent);
  mib_.Resolve(tree, result.node, message_.has_pdu ? &message_.pdu : nullptr);
  if (result.node != tree::kNoNode && tree->columns_wanted()) {
    internal::ApplySnmpInfo(*tree, result.node, tree->first_malformed(), 0, tree->mutable_info());
  }
  return result;
}

// --- Entry point and hand-off (protocol.h).

namespace {

void SnmpEntry(const LayerInput& in, FrameState& state) {
  state.AppendProtocolOnce("snmp");
  SnmpDissector& snmp = *state.services->snmp;
  const SnmpDissection d = snmp.Dissect(
      in.bytes, Placement{.offset = in.offset, .source = in.source}, state.tree,
      tree::Tree::kRoot);
  if (state.services->snmp_sink == nullptr) return;
  // Now: message() is overwritten by the next message of the frame.
  state.services->snmp_sink->OnSnmpMessage(SnmpRecord{.node = d.node,
                                                      .malformed = d.malformed(),
                                                      .tcp = state.endpoints.transport == 6,
                                                      .source = in.source,
                                                      .offset = in.offset,
                                                      .length = in.size(),
                                                      .message = &snmp.message()});
}

constexpr uint32_t kSnmpPort = 161;  // RFC 3417 section 4, RFC 3430
constexpr uint32_t kTrapPort = 162;
constexpr TableKey kSnmpKeys[] = {{Table::kUdpPort, kSnmpPort},
                                  {Table::kUdpPort, kTrapPort},
                                  {Table::kTcpPort, kSnmpPort},
                                  {Table::kTcpPort, kTrapPort}};
constexpr DissectorHandle kSnmpHandle = {.name = "snmp",
                                         .dissect = &SnmpEntry,
                                         .framing = &SnmpPduLength,
                                         .keys = kSnmpKeys,
                                         .decode_as = true};
constexpr const DissectorHandle* kHandles[] = {&kSnmpHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Snmp::kRows};

}  // namespace

const Protocol kSnmpProtocol = {.rows = kRowSets, .handles = kHandles};

}  // namespace snmpdissect::proto
