// Dissector tables (Wireshark's "dissector tables"): which dissector handle
// (protocol.h) takes a link type, an EtherType, an IP protocol number, or a
// UDP/TCP port. Every hand-off of the capture pipeline is a lookup here, and
// tshark's decode-as (`-d udp.port==1161,snmp`) adds to the same tables.
// The tables know no protocol: the defaults are the keys the registered
// protocols claim (protocols.h), and decode-as names a registered handle.
//
//   proto::Registry registry(proto::RegisteredProtocols());  // the defaults
//   registry.Find(Table::kUdpPort, 161);                     // SNMP's handle
//   absl::Status s = registry.AddDecodeAs("udp.port==1161,snmp");
//
// Lookups do not allocate; changes do (they happen while parsing options).

#ifndef SNMPDISSECT_DISSECTOR_PROTO_REGISTRY_H_
#define SNMPDISSECT_DISSECTOR_PROTO_REGISTRY_H_

#include <array>
#include <cstdint>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/types/span.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

class Registry {
 public:
  // Empty tables.
  Registry() = default;
  // The tables `protocols` claim (each handle's keys; a later protocol's
  // claim on the same key wins).
  explicit Registry(absl::Span<const Protocol* const> protocols);

  // nullptr when the table has no entry for `key`.
  const DissectorHandle* Find(Table table, uint32_t key) const {
    const auto& t = tables_[static_cast<int>(table)];
    const auto it = t.find(key);
    return it == t.end() ? nullptr : it->second;
  }
  // The handle for a pair of ports: the lower one first, as Wireshark tries
  // them (the well-known port is usually the lower).
  const DissectorHandle* FindPorts(Table table, uint16_t a, uint16_t b) const;

  void Add(Table table, uint32_t key, const DissectorHandle* handle) {
    tables_[static_cast<int>(table)][key] = handle;
  }
  void Remove(Table table, uint32_t key) { tables_[static_cast<int>(table)].erase(key); }

  bool HasLinkType(int link_type) const {
    return link_type >= 0 && Find(Table::kLinkType, static_cast<uint32_t>(link_type)) != nullptr;
  }

  // tshark's decode-as: "udp.port==N,<name>" or "tcp.port==N,<name>" (N in
  // 1..65535; <name> a registered handle that allows decode-as: "snmp"). A
  // spec it cannot parse is an InvalidArgument naming it.
  [[nodiscard]] absl::Status AddDecodeAs(std::string_view spec);

 private:
  std::array<absl::flat_hash_map<uint32_t, const DissectorHandle*>, kTableCount> tables_;
  absl::flat_hash_map<std::string, const DissectorHandle*> decode_as_;
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_REGISTRY_H_
