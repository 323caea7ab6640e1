#include "dissector/proto/ipv6_fields.h"

#include "dissector/proto/value_names.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

// IPv6 option types (RFC 8200 section 4.2, RFC 2711, RFC 2675).
constexpr tree::ValueName kIpv6OptionTypeNames[] = {
    {0x00, 0x00, "Pad1"},
    {0x01, 0x01, "PadN"},
    {0x05, 0x05, "Router Alert"},
    {0xc2, 0xc2, "Jumbo Payload"},
};

// IPv6 routing types (IANA "Routing Types").
constexpr tree::ValueName kIpv6RoutingTypeNames[] = {
    {0, 0, "Source Route"},  {2, 2, "Type 2 Routing"},    {3, 3, "RPL Source Route"},
    {4, 4, "Segment Routing"}, {5, 5, "CRH-16"},         {6, 6, "CRH-32"},
};

constexpr tree::FieldInfo kIpv6Fields[] = {
    {.local = Ipv6::kIpv6, .abbrev = "ipv6", .name = "Internet Protocol Version 6",
     .type = T::kProtocol,
     .short_name = "IPv6"},
    {.local = Ipv6::kVersion, .abbrev = "ipv6.version", .name = "Version", .type = T::kUint,
     .bitmask = 0xf0, .bit_width = 8},
    {.local = Ipv6::kTclass, .abbrev = "ipv6.tclass", .name = "Traffic Class", .type = T::kUint,
     .display = Display::kHex, .bitmask = 0x0ff00000, .bit_width = 32},
    {.local = Ipv6::kTclassDscp, .abbrev = "ipv6.tclass.dscp",
     .name = "Differentiated Services Codepoint", .type = T::kUint, .value_names = kDscpNames,
     .unknown_name = "Unknown", .bitmask = 0x0fc00000, .bit_width = 32},
    {.local = Ipv6::kTclassEcn, .abbrev = "ipv6.tclass.ecn",
     .name = "Explicit Congestion Notification", .type = T::kUint, .value_names = kEcnNames,
     .bitmask = 0x00300000, .bit_width = 32},
    {.local = Ipv6::kFlow, .abbrev = "ipv6.flow", .name = "Flow Label", .type = T::kUint,
     .display = Display::kHex, .bitmask = 0x000fffff, .bit_width = 32,
     .hex_digits = 6},  // an FT_UINT24 in Wireshark
    {.local = Ipv6::kPlen, .abbrev = "ipv6.plen", .name = "Payload Length", .type = T::kUint},
    {.local = Ipv6::kNxt, .abbrev = "ipv6.nxt", .name = "Next Header", .type = T::kUint,
     .value_names = kIpProtoNames},
    {.local = Ipv6::kHlim, .abbrev = "ipv6.hlim", .name = "Hop Limit", .type = T::kUint},
    {.local = Ipv6::kSrc, .abbrev = "ipv6.src", .name = "Source Address", .type = T::kIpv6},
    {.local = Ipv6::kDst, .abbrev = "ipv6.dst", .name = "Destination Address", .type = T::kIpv6},
    {.local = Ipv6::kAddr, .abbrev = "ipv6.addr", .name = "Source or Destination Address",
     .type = T::kIpv6},
    {.local = Ipv6::kHopopts, .abbrev = "ipv6.hopopts", .name = "IPv6 Hop-by-Hop Option",
     .type = T::kProtocol},
    {.local = Ipv6::kHopoptsNxt, .abbrev = "ipv6.hopopts.nxt", .name = "Next Header",
     .type = T::kUint, .value_names = kIpProtoNames},
    {.local = Ipv6::kHopoptsLen, .abbrev = "ipv6.hopopts.len", .name = "Length", .type = T::kUint},
    {.local = Ipv6::kHopoptsLenOct, .abbrev = "ipv6.hopopts.len_oct", .name = "Length",
     .type = T::kUint},
    {.local = Ipv6::kDstopts, .abbrev = "ipv6.dstopts", .name = "Destination Options for IPv6",
     .type = T::kProtocol},
    {.local = Ipv6::kDstoptsNxt, .abbrev = "ipv6.dstopts.nxt", .name = "Next Header",
     .type = T::kUint, .value_names = kIpProtoNames},
    {.local = Ipv6::kDstoptsLen, .abbrev = "ipv6.dstopts.len", .name = "Length", .type = T::kUint},
    {.local = Ipv6::kDstoptsLenOct, .abbrev = "ipv6.dstopts.len_oct", .name = "Length",
     .type = T::kUint},
    {.local = Ipv6::kOpt, .abbrev = "ipv6.opt", .name = "IPv6 Option", .type = T::kNone},
    {.local = Ipv6::kOptType, .abbrev = "ipv6.opt.type", .name = "Type", .type = T::kUint,
     .display = Display::kHex, .value_names = kIpv6OptionTypeNames, .hex_digits = 2},
    {.local = Ipv6::kOptLength, .abbrev = "ipv6.opt.length", .name = "Length", .type = T::kUint},
    {.local = Ipv6::kOptPad1, .abbrev = "ipv6.opt.pad1", .name = "Pad1", .type = T::kNone},
    {.local = Ipv6::kOptPadn, .abbrev = "ipv6.opt.padn", .name = "PadN", .type = T::kBytes},
    {.local = Ipv6::kOptRouterAlert, .abbrev = "ipv6.opt.router_alert", .name = "Router Alert",
     .type = T::kUint},
    {.local = Ipv6::kOptJumbo, .abbrev = "ipv6.opt.jumbo", .name = "Payload Length",
     .type = T::kUint},
    {.local = Ipv6::kOptUnknown, .abbrev = "ipv6.opt.unknown", .name = "Unknown Option Payload",
     .type = T::kBytes},
    {.local = Ipv6::kRouting, .abbrev = "ipv6.routing", .name = "Routing Header for IPv6",
     .type = T::kProtocol},
    {.local = Ipv6::kRoutingNxt, .abbrev = "ipv6.routing.nxt", .name = "Next Header",
     .type = T::kUint, .value_names = kIpProtoNames},
    {.local = Ipv6::kRoutingLen, .abbrev = "ipv6.routing.len", .name = "Length", .type = T::kUint},
    {.local = Ipv6::kRoutingLenOct, .abbrev = "ipv6.routing.len_oct", .name = "Length",
     .type = T::kUint},
    {.local = Ipv6::kRoutingType, .abbrev = "ipv6.routing.type", .name = "Type", .type = T::kUint,
     .value_names = kIpv6RoutingTypeNames, .unknown_name = "Unknown"},
    {.local = Ipv6::kRoutingSegleft, .abbrev = "ipv6.routing.segleft", .name = "Segments Left",
     .type = T::kUint},
    {.local = Ipv6::kRoutingUnknownData, .abbrev = "ipv6.routing.unknown_data",
     .name = "Type-Specific Data", .type = T::kBytes},
    {.local = Ipv6::kFraghdr, .abbrev = "ipv6.fraghdr", .name = "Fragment Header for IPv6",
     .type = T::kProtocol},
    {.local = Ipv6::kFraghdrNxt, .abbrev = "ipv6.fraghdr.nxt", .name = "Next header",
     .type = T::kUint, .value_names = kIpProtoNames},
    {.local = Ipv6::kFraghdrReservedOctet, .abbrev = "ipv6.fraghdr.reserved_octet",
     .name = "Reserved octet", .type = T::kUint, .display = Display::kHex, .hex_digits = 2},
    // In 8-octet units, as tshark 4.0 gives it.
    {.local = Ipv6::kFraghdrOffset, .abbrev = "ipv6.fraghdr.offset", .name = "Offset",
     .type = T::kUint, .bitmask = 0xfff8, .bit_width = 16},
    {.local = Ipv6::kFraghdrReservedBits, .abbrev = "ipv6.fraghdr.reserved_bits",
     .name = "Reserved bits", .type = T::kUint, .bitmask = 0x0006, .bit_width = 16},
    {.local = Ipv6::kFraghdrMore, .abbrev = "ipv6.fraghdr.more", .name = "More Fragments",
     .type = T::kBool, .true_false = kYesNo, .bitmask = 0x0001, .bit_width = 16},
    {.local = Ipv6::kFraghdrIdent, .abbrev = "ipv6.fraghdr.ident", .name = "Identification",
     .type = T::kUint, .display = Display::kHex, .hex_digits = 8},
    {.local = Ipv6::kFragments, .abbrev = "ipv6.fragments", .name = "IPv6 Fragments",
     .type = T::kNone},
    {.local = Ipv6::kFragment, .abbrev = "ipv6.fragment", .name = "IPv6 Fragment",
     .type = T::kUint},
    {.local = Ipv6::kFragmentCount, .abbrev = "ipv6.fragment.count", .name = "Fragment count",
     .type = T::kUint},
    {.local = Ipv6::kReassembledLength, .abbrev = "ipv6.reassembled.length",
     .name = "Reassembled IPv6 length", .type = T::kUint},
    {.local = Ipv6::kReassembledData, .abbrev = "ipv6.reassembled.data",
     .name = "Reassembled IPv6 data", .type = T::kBytes, .data_source = "Reassembled IPv6"},
};
constexpr tree::ExpertInfo kIpv6Experts[] = {
    {Ipv6::kBogusIpv6Version, "ipv6.bogus_ipv6_version", S::kError, G::kProtocol,
     "Bogus IP version"},
    {Ipv6::kPlenExceedsFraming, "ipv6.plen_exceeds_framing", S::kWarning, G::kProtocol,
     "IPv6 payload length does not match expected framing length"},
    {Ipv6::kOptInvalidLen, "ipv6.opt.invalid_len", S::kError, G::kMalformed,
     "Invalid IPv6 option length"},
    {Ipv6::kTooManyExtensionHeaders, "ipv6.expert.too_many_extension_headers", S::kWarning,
     G::kUndecoded, "too many extension headers; the rest is not dissected", false},
    {Ipv6::kFragmentOverlap, "ipv6.fragment.overlap", S::kNote, G::kReassemble,
     "Fragment overlap"},
    {Ipv6::kFragmentOverlapConflict, "ipv6.fragment.overlap.conflict", S::kError,
     G::kReassemble, "Conflicting data in fragment overlap"},
    {Ipv6::kFragmentMultipleTails, "ipv6.fragment.multipletails", S::kError, G::kReassemble,
     "Multiple tail fragments found"},
    {Ipv6::kFragmentTooLong, "ipv6.fragment.toolongfragment", S::kError, G::kReassemble,
     "Fragment too long"},
    {Ipv6::kFragmentError, "ipv6.fragment.error", S::kWarning, G::kReassemble,
     "Defragmentation error"},
};

}  // namespace

const tree::ProtocolRows Ipv6::kRows = {kIpv6Fields, kIpv6Experts, &Ipv6::hf, &Ipv6::ei};

}  // namespace snmpdissect::proto
