// Fields and experts of 802.1Q VLAN tags (packet-vlan.c), 802.1ad S-tags (packet-ieee8021ah.c), 802.1ah (packet-ieee8021ah.c): the EtherType after an S-tag, declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Vlan::hf[Vlan::kEtype], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_VLAN_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_VLAN_FIELDS_H_

#include <cstdint>
#include <string>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Vlan {
  enum Field : uint16_t {
    kVlan,
    kPriority,
    kDei,
    kId,
    kEtype,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kTooManyTags,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  // The protocol's top line (tree::SummaryBuilder), defined in vlan.cc.
  static bool AppendSummary(const tree::Tree& tree, uint32_t node, std::string* out);
  static const tree::ProtocolRows kRows;
};

struct Ieee8021ad {
  enum Field : uint16_t {
    kIeee8021ad,
    kPriority,
    kDei,
    kId,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  static const tree::ProtocolRows kRows;
};

struct Ieee8021ah {
  enum Field : uint16_t {
    kIeee8021ah,
    kEtype,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_VLAN_FIELDS_H_
