// Fields and experts of IPv6 and its extension headers (RFC 8200; packet-ipv6.c), declared by the layer itself and
// assembled into the one table by the proto registry (protocols.cc).
// Each protocol is a struct: its Field and Expert enums (row indexes), the
// ids the registry gave it (hf, ei: Wireshark's hf_/ei_ ints, one base per
// protocol), and its rows (kRows).
//
//   tree->AddUint(node, Ipv6::hf[Ipv6::kReassembledData], range, value);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_IPV6_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_IPV6_FIELDS_H_

#include <cstdint>
#include <string>

#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {

struct Ipv6 {
  enum Field : uint16_t {
    kIpv6,
    kVersion,
    kTclass,
    kTclassDscp,
    kTclassEcn,
    kFlow,
    kPlen,
    kNxt,
    kHlim,
    kSrc,
    kDst,
    kAddr,
    kHopopts,
    kHopoptsNxt,
    kHopoptsLen,
    kHopoptsLenOct,
    kDstopts,
    kDstoptsNxt,
    kDstoptsLen,
    kDstoptsLenOct,
    kOpt,
    kOptType,
    kOptLength,
    kOptPad1,
    kOptPadn,
    kOptRouterAlert,
    kOptJumbo,
    kOptUnknown,
    kRouting,
    kRoutingNxt,
    kRoutingLen,
    kRoutingLenOct,
    kRoutingType,
    kRoutingSegleft,
    kRoutingUnknownData,
    kFraghdr,
    kFraghdrNxt,
    kFraghdrReservedOctet,
    kFraghdrOffset,
    kFraghdrReservedBits,
    kFraghdrMore,
    kFraghdrIdent,
    kFragments,
    kFragment,
    kFragmentCount,
    kReassembledLength,
    kReassembledData,
    kFieldCount,
  };
  enum Expert : uint16_t {
    kBogusIpv6Version,
    kPlenExceedsFraming,
    kOptInvalidLen,
    kTooManyExtensionHeaders,
    kFragmentOverlap,
    kFragmentOverlapConflict,
    kFragmentMultipleTails,
    kFragmentTooLong,
    kFragmentError,
    kExpertCount,
  };
  static constinit inline tree::FieldBlock hf;
  static constinit inline tree::ExpertBlock ei;
  // The protocol's top line (tree::SummaryBuilder), defined in ipv6.cc.
  static bool AppendSummary(const tree::Tree& tree, uint32_t node, std::string* out);
  static const tree::ProtocolRows kRows;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_IPV6_FIELDS_H_
