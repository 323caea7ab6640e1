#include "dissector/proto/udp_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::FieldInfo kUdpFields[] = {
    {.local = Udp::kUdp, .abbrev = "udp", .name = "User Datagram Protocol", .type = T::kProtocol,
     .description = "UDP header (RFC 768)",
     .short_name = "UDP", .summary = &Udp::AppendSummary},
    {.local = Udp::kSrcport, .abbrev = "udp.srcport", .name = "Source Port", .type = T::kUint,
     .description = "Source port (RFC 768)", .width = 16},
    {.local = Udp::kDstport, .abbrev = "udp.dstport", .name = "Destination Port", .type = T::kUint,
     .description = "Destination port (RFC 768)", .width = 16},
    {.local = Udp::kPort, .abbrev = "udp.port", .name = "Source or Destination Port",
     .type = T::kUint,
     .description = "Source or destination port (either matches)", .width = 16},
    {.local = Udp::kLength, .abbrev = "udp.length", .name = "Length", .type = T::kUint,
     .description = "Length of header and data in octets (RFC 768)", .width = 16},
    {.local = Udp::kChecksum, .abbrev = "udp.checksum", .name = "Checksum", .type = T::kUint,
     .display = Display::kHex,
     .description = "Checksum over header, data and pseudo-header (RFC 768); not verified here",
     .width = 16},
};
constexpr tree::ExpertInfo kUdpExperts[] = {
    {Udp::kLengthBad, "udp.length.bad", S::kError, G::kMalformed, "Bad length value"},
};

}  // namespace

const tree::ProtocolRows Udp::kRows = {kUdpFields, kUdpExperts, &Udp::hf, &Udp::ei};

}  // namespace snmpdissect::proto
