// Fields and experts of the malformed-packet marker (_ws.malformed, Wireshark's pseudo-protocol), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Malformed::hf[Malformed::kMalformed], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_MALFORMED_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_MALFORMED_FIELDS_H_

#include <cstdint>

#include "dissector/proto/protocol.h"
#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Malformed {
  enum Field : uint16_t {
    kMalformed,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kExpert,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  static const tree::ProtocolRows kRows;
};

// The malformed-packet marker: rows only (no dissector handle; the pipeline adds it).
extern const Protocol kMalformedProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_MALFORMED_FIELDS_H_
