// Fields and experts of Ethernet II / IEEE 802.3 (packet-eth.c), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Eth::hf[Eth::kTrailer], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_ETHERNET_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_ETHERNET_FIELDS_H_

#include <cstdint>
#include <string>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Eth {
  enum Field : uint16_t {
    kEth,
    kDst,
    kSrc,
    kAddr,
    kDstLg,
    kDstIg,
    kSrcLg,
    kSrcIg,
    kType,
    kLen,
    kPadding,
    kTrailer,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  // The protocol's top line (tree::SummaryBuilder), defined in ethernet.cc.
  static bool AppendSummary(const tree::Tree& tree, uint32_t node, std::string* out);
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_ETHERNET_FIELDS_H_
