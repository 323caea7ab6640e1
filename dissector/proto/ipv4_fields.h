// Fields and experts of IPv4 (RFC 791; packet-ip.c), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Ip::hf[Ip::kEmptyRt], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_IPV4_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_IPV4_FIELDS_H_

#include <cstdint>
#include <string>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Ip {
  enum Field : uint16_t {
    kIp,
    kVersion,
    kHdrLen,
    kDsfield,
    kDsfieldDscp,
    kDsfieldEcn,
    kLen,
    kId,
    kFlags,
    kFlagsRb,
    kFlagsDf,
    kFlagsMf,
    kFragOffset,
    kTtl,
    kProto,
    kChecksum,
    kSrc,
    kDst,
    kAddr,
    kOptions,
    kOptionsEol,
    kOptionsNop,
    kOptionsRecordRoute,
    kOptionsRoute,
    kOptionsSourceRoute,
    kOptionsTimestamp,
    kOptionsRouterAlert,
    kOptionsSid,
    kOptionsUnknown,
    kOptType,
    kOptTypeCopy,
    kOptTypeClass,
    kOptTypeNumber,
    kOptLen,
    kOptPtr,
    kRecRt,
    kSrcRt,
    kOptRa,
    kOptSid,
    kOptOverflow,
    kOptFlag,
    kOptTimeStamp,
    kOptTimeStampAddr,
    kOptData,
    kFragments,
    kFragment,
    kFragmentCount,
    kReassembledLength,
    kReassembledData,
    kEmptyRt,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kBogusIpVersion,
    kBogusHeaderLength,
    kBogusIpLength,
    kOptLenInvalid,
    kFragmentOverlap,
    kFragmentOverlapConflict,
    kFragmentMultipleTails,
    kFragmentTooLong,
    kFragmentError,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  // The protocol's top line (tree::SummaryBuilder), defined in ipv4.cc.
  static bool AppendSummary(const tree::Tree& tree, uint32_t node, std::string* out);
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_IPV4_FIELDS_H_
