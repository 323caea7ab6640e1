// Dissector tables (Wireshark's "dissector tables"): which dissector takes
// a link type, an EtherType, an IP protocol number, or a UDP/TCP port. The
// capture pipeline looks every hand-off up here, so adding a port for SNMP
// at run time (tshark's `-d udp.port==1161,snmp`) is one call.
//
//   proto::Registry registry;                       // the defaults
//   registry.Find(Table::kUdpPort, 161);            // Dissector::kSnmp
//   absl::Status s = registry.AddDecodeAs("udp.port==1161,snmp");
//
// Lookups do not allocate; changes do (they happen while parsing options).

#ifndef SNMPDISSECT_DISSECTOR_PROTO_REGISTRY_H_
#define SNMPDISSECT_DISSECTOR_PROTO_REGISTRY_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

namespace snmpdissect::proto {

// The dissectors a table can name.
enum class Dissector : uint8_t {
  kNone,
  // Link types.
  kEthernet,
  kLinuxSll,
  kLinuxSll2,
  kNull,      // BSD loopback, host byte order
  kLoop,      // OpenBSD loopback, network byte order
  kRawIp,     // IPv4 or IPv6 by the version nibble
  kRawIpv4,   // LINKTYPE_IPV4
  kRawIpv6,   // LINKTYPE_IPV6
  // EtherTypes.
  kVlan,         // 802.1Q C-tag (and the pre-standard 0x9100)
  kIeee8021ad,   // 802.1ad S-tag
  kIpv4,
  kIpv6,
  // IP protocols.
  kUdp,
  kTcp,
  // Ports.
  kSnmp,
};

enum class Table : uint8_t { kLinkType, kEthertype, kIpProto, kUdpPort, kTcpPort };
inline constexpr int kTableCount = 5;

class Registry {
 public:
  // Every table with its defaults: the link types of libpcap we dissect
  // (DLT_EN10MB 1, DLT_NULL 0, DLT_RAW 12 and 14, LINKTYPE_RAW 101,
  // DLT_LOOP 108, DLT_LINUX_SLL 113, LINKTYPE_IPV4 228, LINKTYPE_IPV6 229,
  // DLT_LINUX_SLL2 276), EtherTypes 0x0800, 0x86dd, 0x8100, 0x88a8,
  // 0x9100, IP protocols 6 and 17, and SNMP on UDP and TCP ports 161
  // (agent, RFC 3417 section 4 / RFC 3430) and 162 (notifications).
  Registry();

  // kNone when the table has no entry for `key`.
  Dissector Find(Table table, uint32_t key) const {
    const auto& t = tables_[static_cast<int>(table)];
    const auto it = t.find(key);
    return it == t.end() ? Dissector::kNone : it->second;
  }
  void Add(Table table, uint32_t key, Dissector dissector) {
    tables_[static_cast<int>(table)][key] = dissector;
  }
  void Remove(Table table, uint32_t key) { tables_[static_cast<int>(table)].erase(key); }

  bool HasLinkType(int link_type) const {
    return link_type >= 0 && Find(Table::kLinkType, static_cast<uint32_t>(link_type)) !=
                                 Dissector::kNone;
  }

  // tshark's decode-as: "udp.port==N,snmp" or "tcp.port==N,snmp" (N in
  // 1..65535; "snmp" is the only protocol this tool decodes above UDP and
  // TCP). A spec it cannot parse is an InvalidArgument naming it.
  [[nodiscard]] absl::Status AddDecodeAs(std::string_view spec);

 private:
  std::array<absl::flat_hash_map<uint32_t, Dissector>, kTableCount> tables_;
};

// Wireshark's protocol name for a dissector ("eth", "sll", "ip", ...), as
// frame.protocols lists them.
const char* ProtocolName(Dissector dissector);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_REGISTRY_H_
