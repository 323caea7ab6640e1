// Fields and experts of the capture record (packet-frame.c), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Frame::hf[Frame::kProtocols], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_FRAME_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_FRAME_FIELDS_H_

#include <cstdint>
#include <string>

#include "dissector/proto/protocol.h"
#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Frame {
  enum Field : uint16_t {
    kFrame,
    kTime,
    kTimeEpoch,
    kTimeDelta,
    kTimeRelative,
    kNumber,
    kLen,
    kCapLen,
    kProtocols,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kLenLtCaplen,
    kUnknownLinkType,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  // The protocol's top line (tree::SummaryBuilder), defined in frame.cc.
  static bool AppendSummary(const tree::Tree& tree, uint32_t node, std::string* out);
  static const tree::ProtocolRows kRows;
};

// The capture record: rows only (no dissector handle; the pipeline adds it).
extern const Protocol kFrameProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_FRAME_FIELDS_H_
