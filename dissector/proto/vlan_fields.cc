#include "dissector/proto/vlan_fields.h"

#include "dissector/proto/value_names.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

// 802.1Q PCP (IEEE 802.1Q table I-2 traffic types), Wireshark's wording.
constexpr tree::ValueName kVlanPriorityNames[] = {
    {0, 0, "Best Effort (default)"},
    {1, 1, "Background"},
    {2, 2, "Excellent Effort"},
    {3, 3, "Critical Applications"},
    {4, 4, "Video, < 100ms latency and jitter"},
    {5, 5, "Voice, < 10ms latency and jitter"},
    {6, 6, "Internetwork Control"},
    {7, 7, "Network Control"},
};

constexpr tree::TrueFalse kDeiBit = {"Eligible", "Ineligible"};

constexpr tree::FieldInfo kVlanFields[] = {
    {.local = Vlan::kVlan, .abbrev = "vlan", .name = "802.1Q Virtual LAN", .type = T::kProtocol,
     .description = "IEEE 802.1Q VLAN tag",
     .short_name = "VLAN", .summary = &Vlan::AppendSummary},
    {.local = Vlan::kPriority, .abbrev = "vlan.priority", .name = "Priority", .type = T::kUint,
     .value_names = kVlanPriorityNames, .bitmask = 0xe000, .bit_width = 16,
     .description = "Priority Code Point (IEEE 802.1Q clause 6.9.3)"},
    {.local = Vlan::kDei, .abbrev = "vlan.dei", .name = "DEI", .type = T::kBool,
     .true_false = kDeiBit, .bitmask = 0x1000, .bit_width = 16,
     .description = "Drop Eligible Indicator (IEEE 802.1Q clause 6.9.3)"},
    {.local = Vlan::kId, .abbrev = "vlan.id", .name = "ID", .type = T::kUint, .bitmask = 0x0fff,
     .bit_width = 16,
     .description = "VLAN identifier, 0 to 4095 (IEEE 802.1Q clause 9.6)"},
    {.local = Vlan::kEtype, .abbrev = "vlan.etype", .name = "Type", .type = T::kUint,
     .display = Display::kHex, .value_names = kEthertypeNames,
     .description = "EtherType of what follows the tag", .width = 16},
};
constexpr tree::ExpertInfo kVlanExperts[] = {
    {Vlan::kTooManyTags, "vlan.too_many_tags", S::kWarning, G::kUndecoded,
     "Too many nested VLAN tags"},
};

constexpr tree::FieldInfo kIeee8021adFields[] = {
    {.local = Ieee8021ad::kIeee8021ad, .abbrev = "ieee8021ad", .name = "IEEE 802.1ad", .type = T::kProtocol,
     .description = "IEEE 802.1ad service VLAN tag (Q-in-Q)",
     .short_name = "IEEE 802.1ad"},
    {.local = Ieee8021ad::kPriority, .abbrev = "ieee8021ad.priority", .name = "Priority",
     .type = T::kUint, .bitmask = 0xe000, .bit_width = 16,
     .description = "Priority Code Point of the service tag (IEEE 802.1ad)"},
    {.local = Ieee8021ad::kDei, .abbrev = "ieee8021ad.dei", .name = "DEI", .type = T::kUint,
     .bitmask = 0x1000, .bit_width = 16,
     .description = "Drop Eligible Indicator of the service tag (IEEE 802.1ad)"},
    {.local = Ieee8021ad::kId, .abbrev = "ieee8021ad.id", .name = "ID", .type = T::kUint,
     .bitmask = 0x0fff, .bit_width = 16,
     .description = "Service VLAN identifier (IEEE 802.1ad)"},
};

constexpr tree::FieldInfo kIeee8021ahFields[] = {
    {.local = Ieee8021ah::kIeee8021ah, .abbrev = "ieee8021ah", .name = "IEEE 802.1ah",
     .type = T::kProtocol,
     .description = "IEEE 802.1ah backbone service instance tag"},
    {.local = Ieee8021ah::kEtype, .abbrev = "ieee8021ah.etype", .name = "Type", .type = T::kUint,
     .display = Display::kHex, .value_names = kEthertypeNames,
     .description = "EtherType of what follows the tag", .width = 16},
};

}  // namespace

const tree::ProtocolRows Vlan::kRows = {kVlanFields, kVlanExperts, &Vlan::hf, &Vlan::ei};
const tree::ProtocolRows Ieee8021ad::kRows = {kIeee8021adFields, {}, &Ieee8021ad::hf, &Ieee8021ad::ei};
const tree::ProtocolRows Ieee8021ah::kRows = {kIeee8021ahFields, {}, &Ieee8021ah::hf, &Ieee8021ah::ei};

}  // namespace snmpdissect::proto
