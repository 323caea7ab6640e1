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
     .short_name = "Ethernet"},
    {.local = Eth::kDst, .abbrev = "eth.dst", .name = "Destination", .type = T::kEther},
    {.local = Eth::kSrc, .abbrev = "eth.src", .name = "Source", .type = T::kEther},
    {.local = Eth::kAddr, .abbrev = "eth.addr", .name = "Address", .type = T::kEther},
    {.local = Eth::kDstLg, .abbrev = "eth.dst.lg", .name = "LG bit", .type = T::kBool,
     .true_false = kLgBit, .bitmask = 0x020000, .bit_width = 24},
    {.local = Eth::kDstIg, .abbrev = "eth.dst.ig", .name = "IG bit", .type = T::kBool,
     .true_false = kIgBit, .bitmask = 0x010000, .bit_width = 24},
    {.local = Eth::kSrcLg, .abbrev = "eth.src.lg", .name = "LG bit", .type = T::kBool,
     .true_false = kLgBit, .bitmask = 0x020000, .bit_width = 24},
    {.local = Eth::kSrcIg, .abbrev = "eth.src.ig", .name = "IG bit", .type = T::kBool,
     .true_false = kIgBit, .bitmask = 0x010000, .bit_width = 24},
    {.local = Eth::kType, .abbrev = "eth.type", .name = "Type", .type = T::kUint,
     .display = Display::kHex, .value_names = kEthertypeNames},
    {.local = Eth::kLen, .abbrev = "eth.len", .name = "Length", .type = T::kUint},
    {.local = Eth::kPadding, .abbrev = "eth.padding", .name = "Padding", .type = T::kBytes},
    {.local = Eth::kTrailer, .abbrev = "eth.trailer", .name = "Trailer", .type = T::kBytes},
};

}  // namespace

const tree::ProtocolRows Eth::kRows = {kEthFields, {}, &Eth::hf, &Eth::ei};

}  // namespace snmpdissect::proto
