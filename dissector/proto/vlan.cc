#include "dissector/proto/vlan.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/vlan_fields.h"

namespace snmpdissect::proto {

using tree::FieldId;

Handoff DissectVlan(const LayerInput& in, bool service_tag, tree::Tree* tree) {
  constexpr size_t kTagLength = 4;  // TCI (PCP 3 bits, DEI 1, VID 12) + type
  Handoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot,
                               service_tag ? Ieee8021ad::hf[Ieee8021ad::kIeee8021ad] : Vlan::hf[Vlan::kVlan],
                               in.At(0, std::min(in.size(), kTagLength)));
  if (in.size() >= 2) {
    const uint32_t tci = in.U16(0);
    const tree::Range range = in.At(0, 2);
    if (service_tag) {
      tree->AddUint(out.node, Ieee8021ad::hf[Ieee8021ad::kPriority], range, tci >> 13);
      tree->AddUint(out.node, Ieee8021ad::hf[Ieee8021ad::kDei], range, (tci >> 12) & 1);
      tree->AddUint(out.node, Ieee8021ad::hf[Ieee8021ad::kId], range, tci & 0x0fff);
    } else {
      tree->AddUint(out.node, Vlan::hf[Vlan::kPriority], range, tci >> 13);
      tree->AddBool(out.node, Vlan::hf[Vlan::kDei], range, ((tci >> 12) & 1) != 0);
      tree->AddUint(out.node, Vlan::hf[Vlan::kId], range, tci & 0x0fff);
    }
  }
  if (in.size() < kTagLength) {
    AddTruncated(tree, out.node,
                 service_tag ? "Malformed Packet: IEEE 802.1ad" : "Malformed Packet: VLAN",
                 in, kTagLength);
    return out;
  }
  out.next = in.U16(2);
  tree->AddUint(out.node, service_tag ? Ieee8021ah::hf[Ieee8021ah::kEtype] : Vlan::hf[Vlan::kEtype],
                in.At(2, 2), out.next);
  out.ok = true;
  out.payload_offset = kTagLength;
  out.payload_length = in.size() - kTagLength;
  if (out.next <= 1500) out.next = 0;  // an 802.3 length: LLC, not dissected
  return out;
}


// --- Entry points and hand-off (protocol.h).

namespace {

void TagEntry(const LayerInput& in, FrameState& state, bool service_tag, const char* name) {
  if (state.vlan_depth >= state.options().max_vlan_tags) {
    state.tree->AddDiagnostic(state.last_layer, Vlan::ei[Vlan::kTooManyTags],
                              tree::Severity::kWarning, [&](std::string* o) {
                                absl::StrAppendFormat(
                                    o, "More than %d nested VLAN tags; the rest is not dissected",
                                    state.options().max_vlan_tags);
                              });
    return;
  }
  ++state.vlan_depth;  // bounds the recursion through the EtherType table
  const Handoff h = DissectVlan(in, service_tag, state.tree);
  state.LinkDone(h, in.Skip(h.payload_offset), name, /*ethertype_layer=*/true);
}
void VlanEntry(const LayerInput& in, FrameState& state) { TagEntry(in, state, false, "vlan"); }
void QinQEntry(const LayerInput& in, FrameState& state) {
  TagEntry(in, state, true, "ieee8021ad");
}

// 0x9100: the pre-standard QinQ tag, read as a C-tag.
constexpr TableKey kVlanKeys[] = {{Table::kEthertype, kEthertypeVlan},
                                  {Table::kEthertype, kEthertypeQinQOld}};
constexpr TableKey kQinQKeys[] = {{Table::kEthertype, kEthertypeQinQ}};
constexpr DissectorHandle kVlanHandle = {.name = "vlan", .dissect = &VlanEntry, .keys = kVlanKeys};
constexpr DissectorHandle kQinQHandle = {
    .name = "ieee8021ad", .dissect = &QinQEntry, .keys = kQinQKeys};
constexpr const DissectorHandle* kHandles[] = {&kVlanHandle, &kQinQHandle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Vlan::kRows, &Ieee8021ad::kRows,
                                                  &Ieee8021ah::kRows};

}  // namespace

const Protocol kVlanProtocol = {.rows = kRowSets, .handles = kHandles};

// packet-vlan.c: "802.1Q Virtual LAN, PRI: 0, DEI: 0, ID: 100".
bool Vlan::AppendSummary(const tree::Tree& tree, uint32_t vlan, std::string* out) {
  out->append(tree.field(vlan).name);
  info::AppendChildValue(tree, vlan, hf[kPriority], ", PRI: ", out);
  info::AppendChildValue(tree, vlan, hf[kDei], ", DEI: ", out);
  info::AppendChildValue(tree, vlan, hf[kId], ", ID: ", out);
  return true;
}

}  // namespace snmpdissect::proto
