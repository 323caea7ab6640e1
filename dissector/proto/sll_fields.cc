#include "dissector/proto/sll_fields.h"

#include "dissector/proto/value_names.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

// Linux packet types (linux/if_packet.h PACKET_*).
constexpr tree::ValueName kSllPacketTypeNames[] = {
    {0, 0, "Unicast to us"},        {1, 1, "Broadcast"},
    {2, 2, "Multicast"},            {3, 3, "Unicast to another host"},
    {4, 4, "Sent by us"},
};

// ARPHRD_* values seen in cooked captures (linux/if_arp.h).
constexpr tree::ValueName kSllHardwareTypeNames[] = {
    {1, 1, "Ethernet"},        {512, 512, "PPP"},          {772, 772, "Loopback"},
    {776, 776, "IPv6-in-IPv4"}, {778, 778, "IP GRE"},      {823, 823, "netlink"},
    {65534, 65534, "None"},
};

constexpr tree::FieldInfo kSllFields[] = {
    {.local = Sll::kSll, .abbrev = "sll", .name = "Linux cooked capture", .type = T::kProtocol,
     .description = "Linux cooked capture header (DLT_LINUX_SLL, SLL2)",
     .short_name = "SLL"},
    {.local = Sll::kPkttype, .abbrev = "sll.pkttype", .name = "Packet type", .type = T::kUint,
     .value_names = kSllPacketTypeNames, .unknown_name = "Unknown",
     .description = "Packet type: to us, broadcast, multicast, to another host, sent by us",
     .width = 16},
    {.local = Sll::kHatype, .abbrev = "sll.hatype", .name = "Link-layer address type",
     .type = T::kUint, .value_names = kSllHardwareTypeNames,
     .description = "ARPHRD_ type of the link-layer address (1 Ethernet, 772 loopback)",
     .width = 16},
    {.local = Sll::kHalen, .abbrev = "sll.halen", .name = "Link-layer address length",
     .type = T::kUint,
     .description = "Length of the link-layer address in octets", .width = 16},
    {.local = Sll::kSrcEth, .abbrev = "sll.src.eth", .name = "Source", .type = T::kEther,
     .description = "Source link-layer address (an Ethernet address)"},
    {.local = Sll::kSrcOther, .abbrev = "sll.src.other", .name = "Source", .type = T::kBytes,
     .description = "Source link-layer address (not an Ethernet address)"},
    {.local = Sll::kUnused, .abbrev = "sll.unused", .name = "Unused", .type = T::kBytes,
     .description = "Address octets beyond the address length"},
    {.local = Sll::kLtype, .abbrev = "sll.ltype", .name = "Protocol", .type = T::kUint,
     .display = Display::kHex,
     .description = "Linux protocol type for non-Ethernet payloads (ETH_P_ values below 0x0600)",
     .width = 16},
    {.local = Sll::kEtype, .abbrev = "sll.etype", .name = "Protocol", .type = T::kUint,
     .display = Display::kHex, .value_names = kEthertypeNames,
     .description = "EtherType of the payload", .width = 16},
    {.local = Sll::kIfindex, .abbrev = "sll.ifindex", .name = "Interface index", .type = T::kUint,
     .description = "Index of the interface the packet was captured on (SLL2)"},
};

}  // namespace

const tree::ProtocolRows Sll::kRows = {kSllFields, {}, &Sll::hf, &Sll::ei};

}  // namespace snmpdissect::proto
