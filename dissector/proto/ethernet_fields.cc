#include "dissector/proto/ethernet_fields.h"

#include "dissector/proto/value_names.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::TrueFalse kLgBit = {"Locally administered address (this is NOT the factory default)",
                              "Globally unique address (factory default)"};

constexpr tree::TrueFalse kIgBit = {"Group address (multicast/broadcast)",
                              "Individual address (unicast)"};

constexpr tree::FieldInfo kEthFields[] = {
    {.local = Eth::kEth, .abbrev = "eth", .name = "Ethernet II", .type = T::kProtocol,
     .description = "Ethernet II / IEEE 802.3 frame header",
     .short_name = "Ethernet", .summary = &Eth::AppendSummary},
    {.local = Eth::kDst, .abbrev = "eth.dst", .name = "Destination", .type = T::kEther,
     .description = "Destination MAC address (IEEE 802.3 clause 3.2.4)"},
    {.local = Eth::kSrc, .abbrev = "eth.src", .name = "Source", .type = T::kEther,
     .description = "Source MAC address (IEEE 802.3 clause 3.2.5)"},
    {.local = Eth::kAddr, .abbrev = "eth.addr", .name = "Address", .type = T::kEther,
     .description = "Source or destination MAC address (either matches)"},
    {.local = Eth::kDstLg, .abbrev = "eth.dst.lg", .name = "LG bit", .type = T::kBool,
     .true_false = kLgBit, .bitmask = 0x020000, .bit_width = 24,
     .description = "U/L bit of the destination: locally administered or globally unique "
                    "(IEEE 802 clause 8.2)"},
    {.local = Eth::kDstIg, .abbrev = "eth.dst.ig", .name = "IG bit", .type = T::kBool,
     .true_false = kIgBit, .bitmask = 0x010000, .bit_width = 24,
     .description = "I/G bit of the destination: individual (unicast) or group "
                    "(broadcast/multicast) address"},
    {.local = Eth::kSrcLg, .abbrev = "eth.src.lg", .name = "LG bit", .type = T::kBool,
     .true_false = kLgBit, .bitmask = 0x020000, .bit_width = 24,
     .description = "U/L bit of the source: locally administered or globally unique "
                    "(IEEE 802 clause 8.2)"},
    {.local = Eth::kSrcIg, .abbrev = "eth.src.ig", .name = "IG bit", .type = T::kBool,
     .true_false = kIgBit, .bitmask = 0x010000, .bit_width = 24,
     .description = "I/G bit of the source: individual or group address (a group source is "
                    "invalid)"},
    {.local = Eth::kType, .abbrev = "eth.type", .name = "Type", .type = T::kUint,
     .display = Display::kHex, .value_names = kEthertypeNames,
     .description = "EtherType of the payload (values of 0x0600 and above; IEEE 802.3 clause "
                    "3.2.6)", .width = 16},
    {.local = Eth::kLen, .abbrev = "eth.len", .name = "Length", .type = T::kUint,
     .description = "IEEE 802.3 length field: payload octets (values up to 1500)", .width = 16},
    {.local = Eth::kPadding, .abbrev = "eth.padding", .name = "Padding", .type = T::kBytes,
     .description = "Octets after the payload that fill the frame to the 64-octet minimum"},
    {.local = Eth::kTrailer, .abbrev = "eth.trailer", .name = "Trailer", .type = T::kBytes,
     .description = "Octets after the payload and padding that no layer claims (trailer or FCS)"},
};

}  // namespace

const tree::ProtocolRows Eth::kRows = {kEthFields, {}, &Eth::hf, &Eth::ei};

}  // namespace snmpdissect::proto
