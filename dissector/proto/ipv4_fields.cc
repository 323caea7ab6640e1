#include "dissector/proto/ipv4_fields.h"

#include "dissector/proto/value_names.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

// IPv4 option types (RFC 791 section 3.1, RFC 2113), copy/class/number
// combined.
constexpr tree::ValueName kIpOptionTypeNames[] = {
    {0, 0, "End of Options List (EOL)"},
    {1, 1, "No-Operation (NOP)"},
    {7, 7, "Record Route"},
    {68, 68, "Time Stamp"},
    {130, 130, "Security"},
    {131, 131, "Loose Source Route"},
    {136, 136, "Stream ID"},
    {137, 137, "Strict Source Route"},
    {148, 148, "Router Alert"},
};

constexpr tree::ValueName kIpOptionClassNames[] = {
    {0, 0, "Control"}, {1, 1, "Reserved for future use"},
    {2, 2, "Debugging and measurement"}, {3, 3, "Reserved for future use"},
};

// RFC 791 Internet Timestamp flag.
constexpr tree::ValueName kIpTimestampFlagNames[] = {
    {0, 0, "Time stamps only"},
    {1, 1, "Time stamp and address"},
    {3, 3, "Time stamps for prespecified addresses"},
};

constexpr tree::FieldInfo kIpFields[] = {
    {.local = Ip::kIp, .abbrev = "ip", .name = "Internet Protocol Version 4", .type = T::kProtocol,
     .description = "IPv4 header (RFC 791 section 3.1)",
     .short_name = "IPv4", .summary = &Ip::AppendSummary},
    {.local = Ip::kVersion, .abbrev = "ip.version", .name = "Version", .type = T::kUint,
     .bitmask = 0xf0, .bit_width = 8,
     .description = "IP version, 4 (RFC 791 section 3.1)"},
    // In octets, as tshark gives it (the header holds 32-bit words).
    {.local = Ip::kHdrLen, .abbrev = "ip.hdr_len", .name = "Header Length", .type = T::kUint,
     .description = "Header length in octets: IHL times 4 (RFC 791 section 3.1)"},
    {.local = Ip::kDsfield, .abbrev = "ip.dsfield", .name = "Differentiated Services Field",
     .type = T::kUint, .display = Display::kHex,
     .description = "Differentiated Services field, the former TOS octet (RFC 2474, RFC 3168)",
     .hex_digits = 2},
    {.local = Ip::kDsfieldDscp, .abbrev = "ip.dsfield.dscp",
     .name = "Differentiated Services Codepoint", .type = T::kUint, .value_names = kDscpNames,
     .unknown_name = "Unknown", .bitmask = 0xfc, .bit_width = 8,
     .description = "Differentiated Services Codepoint: the per-hop behaviour "
                    "(RFC 2474 section 3)"},
    {.local = Ip::kDsfieldEcn, .abbrev = "ip.dsfield.ecn",
     .name = "Explicit Congestion Notification", .type = T::kUint, .value_names = kEcnNames,
     .bitmask = 0x03, .bit_width = 8,
     .description = "Explicit Congestion Notification codepoint (RFC 3168 section 5)"},
    {.local = Ip::kLen, .abbrev = "ip.len", .name = "Total Length", .type = T::kUint,
     .description = "Total length of the datagram, header included, in octets (RFC 791)"},
    {.local = Ip::kId, .abbrev = "ip.id", .name = "Identification", .type = T::kUint,
     .display = Display::kHex,
     .description = "Identification: groups the fragments of one datagram (RFC 791, RFC 6864)"},
    {.local = Ip::kFlags, .abbrev = "ip.flags", .name = "Flags", .type = T::kUint,
     .display = Display::kHex, .bitmask = 0xe0, .bit_width = 8,
     .description = "The three flag bits: reserved, Don't Fragment, More Fragments (RFC 791)"},
    {.local = Ip::kFlagsRb, .abbrev = "ip.flags.rb", .name = "Reserved bit", .type = T::kBool,
     .true_false = kSetNotSet, .bitmask = 0x80, .bit_width = 8,
     .description = "Reserved flag bit, must be zero (RFC 791; RFC 3514 notwithstanding)"},
    {.local = Ip::kFlagsDf, .abbrev = "ip.flags.df", .name = "Don't fragment", .type = T::kBool,
     .true_false = kSetNotSet, .bitmask = 0x40, .bit_width = 8,
     .description = "Don't Fragment: routers must not fragment this datagram (RFC 791)"},
    {.local = Ip::kFlagsMf, .abbrev = "ip.flags.mf", .name = "More fragments", .type = T::kBool,
     .true_false = kSetNotSet, .bitmask = 0x20, .bit_width = 8,
     .description = "More Fragments: further fragments of this datagram follow (RFC 791)"},
    // In 8-octet units, as tshark 4.0 gives it.
    {.local = Ip::kFragOffset, .abbrev = "ip.frag_offset", .name = "Fragment Offset",
     .type = T::kUint, .bitmask = 0x1fff, .bit_width = 16,
     .description = "Fragment offset in octets (the 13-bit field times 8; RFC 791)"},
    {.local = Ip::kTtl, .abbrev = "ip.ttl", .name = "Time to Live", .type = T::kUint,
     .description = "Time to Live: hops left before the datagram is discarded (RFC 791)"},
    {.local = Ip::kProto, .abbrev = "ip.proto", .name = "Protocol", .type = T::kUint,
     .value_names = kIpProtoNames,
     .description = "Protocol number of the payload (IANA assigned; 6 TCP, 17 UDP)"},
    {.local = Ip::kChecksum, .abbrev = "ip.checksum", .name = "Header Checksum", .type = T::kUint,
     .display = Display::kHex,
     .description = "Header checksum (RFC 791, RFC 1071); not verified here"},
    {.local = Ip::kSrc, .abbrev = "ip.src", .name = "Source Address", .type = T::kIpv4,
     .description = "Source IPv4 address"},
    {.local = Ip::kDst, .abbrev = "ip.dst", .name = "Destination Address", .type = T::kIpv4,
     .description = "Destination IPv4 address"},
    {.local = Ip::kAddr, .abbrev = "ip.addr", .name = "Source or Destination Address",
     .type = T::kIpv4,
     .description = "Source or destination IPv4 address (either matches)"},
    // Wireshark shows the options under a text item without a field.
    {.local = Ip::kOptions, .abbrev = "ip.options", .name = "Options", .type = T::kNone,
     .in_wireshark = false,
     .description = "IPv4 options after the fixed 20-octet header (RFC 791 section 3.1)"},
    {.local = Ip::kOptionsEol, .abbrev = "ip.options.eol",
     .name = "IP Option - End of Options List (EOL)", .type = T::kProtocol,
     .description = "End of Option List: the remaining option octets are padding (RFC 791)"},
    {.local = Ip::kOptionsNop, .abbrev = "ip.options.nop",
     .name = "IP Option - No-Operation (NOP)", .type = T::kProtocol,
     .description = "No-Operation: aligns the following option (RFC 791)"},
    {.local = Ip::kOptionsRecordRoute, .abbrev = "ip.options.record_route",
     .name = "IP Option - Record Route", .type = T::kProtocol,
     .description = "Record Route: routers append their addresses (RFC 791)"},
    {.local = Ip::kOptionsRoute, .abbrev = "ip.options.route",
     .name = "IP Option - Loose Source Route", .type = T::kProtocol,
     .description = "Loose Source and Record Route (RFC 791)"},
    {.local = Ip::kOptionsSourceRoute, .abbrev = "ip.options.source_route",
     .name = "IP Option - Strict Source Route", .type = T::kProtocol,
     .description = "Strict Source and Record Route (RFC 791)"},
    {.local = Ip::kOptionsTimestamp, .abbrev = "ip.options.timestamp",
     .name = "IP Option - Time Stamp", .type = T::kProtocol,
     .description = "Internet Timestamp option (RFC 791)"},
    {.local = Ip::kOptionsRouterAlert, .abbrev = "ip.options.routeralert",
     .name = "IP Option - Router Alert", .type = T::kProtocol,
     .description = "Router Alert: routers should examine this datagram (RFC 2113)"},
    {.local = Ip::kOptionsSid, .abbrev = "ip.options.sid", .name = "IP Option - Stream ID",
     .type = T::kProtocol,
     .description = "Stream Identifier option, SATNET (RFC 791; obsolete)"},
    {.local = Ip::kOptionsUnknown, .abbrev = "ip.options.unknown",
     .name = "IP Option - Unknown", .type = T::kProtocol, .in_wireshark = false,
     .description = "An option of a type this dissector does not decode"},
    {.local = Ip::kOptType, .abbrev = "ip.opt.type", .name = "Type", .type = T::kUint,
     .value_names = kIpOptionTypeNames, .unknown_name = "Unknown",
     .description = "Option type octet: copied flag, class and number (RFC 791)"},
    {.local = Ip::kOptTypeCopy, .abbrev = "ip.opt.type.copy", .name = "Copy on fragmentation",
     .type = T::kBool, .true_false = kYesNo, .bitmask = 0x80, .bit_width = 8,
     .description = "Copied flag: the option is copied into every fragment (RFC 791)"},
    {.local = Ip::kOptTypeClass, .abbrev = "ip.opt.type.class", .name = "Class",
     .type = T::kUint, .value_names = kIpOptionClassNames, .bitmask = 0x60, .bit_width = 8,
     .description = "Option class: 0 control, 2 debugging and measurement (RFC 791)"},
    {.local = Ip::kOptTypeNumber, .abbrev = "ip.opt.type.number", .name = "Number",
     .type = T::kUint, .bitmask = 0x1f, .bit_width = 8,
     .description = "Option number within its class (RFC 791)"},
    {.local = Ip::kOptLen, .abbrev = "ip.opt.len", .name = "Length", .type = T::kUint,
     .description = "Option length in octets, type and length included (RFC 791)"},
    {.local = Ip::kOptPtr, .abbrev = "ip.opt.ptr", .name = "Pointer", .type = T::kUint,
     .description = "Pointer: octet offset of the next free slot in the option (RFC 791)"},
    {.local = Ip::kRecRt, .abbrev = "ip.rec_rt", .name = "Recorded Route", .type = T::kIpv4,
     .description = "An address recorded by a router (Record Route, RFC 791)"},
    {.local = Ip::kSrcRt, .abbrev = "ip.src_rt", .name = "Source Route", .type = T::kIpv4,
     .description = "An address of the source route (RFC 791)"},
    {.local = Ip::kOptRa, .abbrev = "ip.opt.ra", .name = "Router Alert", .type = T::kUint,
     .description = "Router Alert value: 0 means routers examine the packet (RFC 2113)"},
    {.local = Ip::kOptSid, .abbrev = "ip.opt.sid", .name = "Stream Identifier", .type = T::kUint,
     .description = "SATNET stream identifier (RFC 791)"},
    {.local = Ip::kOptOverflow, .abbrev = "ip.opt.overflow", .name = "Overflow", .type = T::kUint,
     .bitmask = 0xf0, .bit_width = 8,
     .description = "Timestamp overflow: hops that could not record (RFC 791)"},
    {.local = Ip::kOptFlag, .abbrev = "ip.opt.flag", .name = "Flag", .type = T::kUint,
     .value_names = kIpTimestampFlagNames, .unknown_name = "Unknown", .bitmask = 0x0f,
     .bit_width = 8,
     .description = "Timestamp flag: timestamps only, with addresses, or prespecified (RFC 791)"},
    {.local = Ip::kOptTimeStamp, .abbrev = "ip.opt.time_stamp", .name = "Time stamp",
     .type = T::kUint,
     .description = "A recorded timestamp, milliseconds since midnight UT (RFC 791)"},
    {.local = Ip::kOptTimeStampAddr, .abbrev = "ip.opt.time_stamp_addr", .name = "Address",
     .type = T::kIpv4,
     .description = "The address recorded beside a timestamp (RFC 791)"},
    // The content octets of an option not taken apart; Wireshark has no
    // generic field for them.
    {.local = Ip::kOptData, .abbrev = "ip.opt.data", .name = "Data", .type = T::kBytes,
     .in_wireshark = false,
     .description = "Octets of an option this dissector does not decode"},
    // Wireshark: FT_BYTES; here a structure over the fragments' frames.
    {.local = Ip::kFragments, .abbrev = "ip.fragments", .name = "IPv4 Fragments",
     .type = T::kNone,
     .description = "The fragments this datagram was reassembled from (RFC 791, RFC 815)"},
    // Wireshark: FT_FRAMENUM.
    {.local = Ip::kFragment, .abbrev = "ip.fragment", .name = "IPv4 Fragment", .type = T::kUint,
     .description = "A frame that carried one fragment of the datagram"},
    {.local = Ip::kFragmentCount, .abbrev = "ip.fragment.count", .name = "Fragment count",
     .type = T::kUint,
     .description = "How many fragments the datagram was reassembled from"},
    {.local = Ip::kReassembledLength, .abbrev = "ip.reassembled.length",
     .name = "Reassembled IPv4 length", .type = T::kUint,
     .description = "Length of the reassembled IPv4 payload in octets"},
    {.local = Ip::kReassembledData, .abbrev = "ip.reassembled.data",
     .name = "Reassembled IPv4 data", .type = T::kBytes,
     .description = "The reassembled IPv4 payload",
     .data_source = "Reassembled IPv4"},
    {.local = Ip::kEmptyRt, .abbrev = "ip.empty_rt", .name = "Empty Route", .type = T::kIpv4,
     .description = "An empty slot of a route option, not yet filled (RFC 791)"},
};
constexpr tree::ExpertInfo kIpExperts[] = {
    {Ip::kBogusIpVersion, "ip.bogus_ip_version", S::kError, G::kProtocol, "Bogus IP version"},
    {Ip::kBogusHeaderLength, "ip.bogus_header_length", S::kError, G::kProtocol,
     "Bogus IP header length"},
    {Ip::kBogusIpLength, "ip.bogus_ip_length", S::kError, G::kProtocol, "Bogus IP length"},
    {Ip::kOptLenInvalid, "ip.opt.len.invalid", S::kError, G::kProtocol,
     "Invalid length for option"},
    {Ip::kFragmentOverlap, "ip.fragment.overlap", S::kNote, G::kReassemble, "Fragment overlap"},
    {Ip::kFragmentOverlapConflict, "ip.fragment.overlap.conflict", S::kError, G::kReassemble,
     "Conflicting data in fragment overlap"},
    {Ip::kFragmentMultipleTails, "ip.fragment.multipletails", S::kError, G::kReassemble,
     "Multiple tail fragments found"},
    {Ip::kFragmentTooLong, "ip.fragment.toolongfragment", S::kError, G::kReassemble,
     "Fragment too long"},
    {Ip::kFragmentError, "ip.fragment.error", S::kWarning, G::kReassemble,
     "Defragmentation error"},
};

}  // namespace

const tree::ProtocolRows Ip::kRows = {kIpFields, kIpExperts, &Ip::hf, &Ip::ei};

}  // namespace snmpdissect::proto
