// Fields and experts of TCP (RFC 9293; packet-tcp.c), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Tcp::hf[Tcp::kReassembledData], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_TCP_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_TCP_FIELDS_H_

#include <cstdint>
#include <string>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Tcp {
  enum Field : uint16_t {
    kTcp,
    kSrcport,
    kDstport,
    kPort,
    kStream,
    kLen,
    kSeq,
    kSeqRaw,
    kNxtseq,
    kAck,
    kAckRaw,
    kHdrLen,
    kFlags,
    kFlagsRes,
    kFlagsAe,
    kFlagsCwr,
    kFlagsEce,
    kFlagsUrg,
    kFlagsAck,
    kFlagsPush,
    kFlagsReset,
    kFlagsSyn,
    kFlagsFin,
    kWindowSizeValue,
    kChecksum,
    kUrgentPointer,
    kOptions,
    kOptionsEol,
    kOptionsNop,
    kOptionsMss,
    kOptionsWscale,
    kOptionsSackPerm,
    kOptionsSack,
    kOptionsTimestamp,
    kOptionsUnknown,
    kOptionKind,
    kOptionLen,
    kOptionsMssVal,
    kOptionsWscaleShift,
    kOptionsWscaleMultiplier,
    kOptionsSackLe,
    kOptionsSackRe,
    kOptionsSackCount,
    kOptionsTimestampTsval,
    kOptionsTimestampTsecr,
    kOptionsUnknownPayload,
    kSegmentData,
    kSegments,
    kSegment,
    kSegmentCount,
    kReassembledLength,
    kReassembledData,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kBogusHeaderLength,
    kOptionLenInvalid,
    kAnalysisRetransmission,
    kAnalysisOutOfOrder,
    kAnalysisLostSegment,
    kSegmentTooLong,
    kSegmentError,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  // The protocol's top line (tree::SummaryBuilder), defined in tcp.cc.
  static bool AppendSummary(const tree::Tree& tree, uint32_t node, std::string* out);
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_TCP_FIELDS_H_
