// Test support: frames spelled layer by layer, so each test shows what it
// feeds the pipeline:
//
//   std::string frame = Ethernet(0x0800, Ipv4(Udp(40000, 161, SnmpGet())));
//
// Lengths and the IPv4 header checksum are filled in; UDP and TCP checksums
// are left 0 (nothing verifies them). Test-only.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_TESTING_NET_BUILDERS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_TESTING_NET_BUILDERS_H_

#include <cstdint>
#include <string>

#include "codec/snmp/testing/tlv.h"
#include "dissector/proto/net_layer.h"

namespace snmpdissect::proto::testing {

// A layer's input: `bytes` (which must outlive it) lying at `offset` in the
// frame.
inline LayerInput Input(const std::string& bytes, size_t offset = 0) {
  return LayerInput{snmp::testing::AsBytes(bytes), offset, tree::kFrameSource};
}

inline std::string Be16(uint32_t v) {
  return {static_cast<char>((v >> 8) & 0xff), static_cast<char>(v & 0xff)};
}
inline std::string Be32(uint32_t v) { return Be16(v >> 16) + Be16(v & 0xffff); }
inline std::string Le32(uint32_t v) {
  return {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff),
          static_cast<char>((v >> 16) & 0xff), static_cast<char>((v >> 24) & 0xff)};
}

// A v2c get-request for sysDescr.0 (community "public").
inline std::string SnmpGet(int64_t request_id = 1234) {
  using namespace snmp::testing;  // NOLINT
  return Seq(Int(1) + Octets("public") +
             Tlv(0xa0, Int(request_id) + Int(0) + Int(0) +
                           Seq(Vb(SysDescr0(), Tlv(0x05, "")))));
}

// A v2c response with a long sysDescr value (for fragmentation and
// reassembly tests).
inline std::string SnmpBigResponse(size_t value_length, int64_t request_id = 1234) {
  using namespace snmp::testing;  // NOLINT
  return Seq(Int(1) + Octets("public") +
             Tlv(0xa2, Int(request_id) + Int(0) + Int(0) +
                           Seq(Vb(SysDescr0(), Octets(std::string(value_length, 'd'))))));
}

inline const std::string& MacA() {
  static const std::string kMac("\x00\x11\x22\x33\x44\x55", 6);
  return kMac;
}
inline const std::string& MacB() {
  static const std::string kMac("\x02\x66\x77\x88\x99\xaa", 6);
  return kMac;
}

inline std::string Ethernet(uint16_t type, const std::string& payload,
                            const std::string& dst = MacA(), const std::string& src = MacB()) {
  return dst + src + Be16(type) + payload;
}

// The 4 octets after a TPID: TCI (priority, DEI, VLAN id) and the type.
inline std::string VlanTag(uint16_t id, uint16_t type, int priority = 0, bool dei = false) {
  return Be16(static_cast<uint16_t>(priority << 13 | (dei ? 0x1000 : 0) | (id & 0x0fff))) +
         Be16(type);
}

struct Ipv4Options {
  uint8_t protocol = 17;
  uint16_t id = 0x1234;
  uint8_t ttl = 64;
  uint8_t tos = 0;
  bool dont_fragment = true;
  bool more_fragments = false;
  uint32_t fragment_offset = 0;  // octets, a multiple of 8
  uint32_t src = 0x0a000001;     // 10.0.0.1
  uint32_t dst = 0x0a000002;     // 10.0.0.2
  std::string options;           // a multiple of 4 octets
  int total_length = -1;         // -1: computed
};

inline uint16_t Checksum(const std::string& header) {
  uint32_t sum = 0;
  for (size_t i = 0; i + 1 < header.size(); i += 2) {
    sum += static_cast<uint8_t>(header[i]) << 8 | static_cast<uint8_t>(header[i + 1]);
  }
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<uint16_t>(~sum);
}

inline std::string Ipv4(const std::string& payload, const Ipv4Options& o = {}) {
  const size_t header_length = 20 + o.options.size();
  const uint32_t total =
      o.total_length >= 0 ? static_cast<uint32_t>(o.total_length)
                          : static_cast<uint32_t>(header_length + payload.size());
  const uint16_t flags = static_cast<uint16_t>((o.dont_fragment ? 0x4000 : 0) |
                                               (o.more_fragments ? 0x2000 : 0) |
                                               ((o.fragment_offset / 8) & 0x1fff));
  std::string h;
  h += static_cast<char>(0x40 | (header_length / 4));
  h += static_cast<char>(o.tos);
  h += Be16(total) + Be16(o.id) + Be16(flags);
  h += static_cast<char>(o.ttl);
  h += static_cast<char>(o.protocol);
  h += Be16(0) + Be32(o.src) + Be32(o.dst) + o.options;
  const uint16_t sum = Checksum(h);
  h[10] = static_cast<char>(sum >> 8);
  h[11] = static_cast<char>(sum & 0xff);
  return h + payload;
}

inline std::string Ipv6Address(uint8_t last) {
  std::string a(16, '\0');
  a[0] = 0x20;
  a[1] = 0x01;
  a[2] = 0x0d;
  a[3] = static_cast<char>(0xb8);
  a[15] = static_cast<char>(last);
  return a;
}

struct Ipv6Options {
  uint8_t next = 17;
  uint8_t hop_limit = 64;
  uint32_t flow = 0x12345;
  uint8_t traffic_class = 0;
  std::string src = Ipv6Address(1);
  std::string dst = Ipv6Address(2);
  int payload_length = -1;  // -1: computed
};

// `payload` includes any extension headers.
inline std::string Ipv6(const std::string& payload, const Ipv6Options& o = {}) {
  const uint32_t plen = o.payload_length >= 0 ? static_cast<uint32_t>(o.payload_length)
                                              : static_cast<uint32_t>(payload.size());
  return Be32(6u << 28 | uint32_t{o.traffic_class} << 20 | (o.flow & 0xfffff)) + Be16(plen) +
         static_cast<char>(o.next) + static_cast<char>(o.hop_limit) + o.src + o.dst + payload;
}

// A Hop-by-Hop or Destination Options header with `options` (padded with
// PadN / Pad1 to a multiple of 8).
inline std::string Ipv6OptionsHeader(uint8_t next, std::string options) {
  const size_t pad = (8 - (2 + options.size()) % 8) % 8;
  if (pad == 1) {
    options += '\0';  // Pad1
  } else if (pad >= 2) {
    options += std::string("\x01", 1) + static_cast<char>(pad - 2) + std::string(pad - 2, '\0');
  }
  return std::string(1, static_cast<char>(next)) +
         static_cast<char>((2 + options.size()) / 8 - 1) + options;
}

inline std::string Ipv6FragmentHeader(uint8_t next, uint32_t offset, bool more, uint32_t id) {
  return std::string(1, static_cast<char>(next)) + '\0' +
         Be16(static_cast<uint16_t>((offset & 0xfff8) | (more ? 1 : 0))) + Be32(id);
}

inline std::string Udp(uint16_t src, uint16_t dst, const std::string& payload,
                       int length = -1) {
  const uint32_t len =
      length >= 0 ? static_cast<uint32_t>(length) : static_cast<uint32_t>(8 + payload.size());
  return Be16(src) + Be16(dst) + Be16(len) + Be16(0) + payload;
}

struct TcpOptions {
  uint16_t src = 40000;
  uint16_t dst = 161;
  uint32_t seq = 1000;
  uint32_t ack = 0;
  uint16_t flags = 0x018;  // PSH ACK
  uint16_t window = 65535;
  std::string options;     // a multiple of 4 octets
};

inline std::string Tcp(const TcpOptions& o, const std::string& payload) {
  const size_t header_length = 20 + o.options.size();
  return Be16(o.src) + Be16(o.dst) + Be32(o.seq) + Be32(o.ack) +
         Be16(static_cast<uint16_t>((header_length / 4) << 12 | (o.flags & 0x0fff))) +
         Be16(o.window) + Be16(0) + Be16(0) + o.options + payload;
}

// Linux cooked captures.
inline std::string Sll(uint16_t protocol, const std::string& payload, uint16_t packet_type = 4) {
  return Be16(packet_type) + Be16(772) + Be16(6) + std::string(8, '\0') + Be16(protocol) +
         payload;
}
inline std::string Sll2(uint16_t protocol, const std::string& payload, uint32_t ifindex = 1) {
  return Be16(protocol) + Be16(0) + Be32(ifindex) + Be16(1) + '\0' + '\x06' + MacA() +
         std::string(2, '\0') + payload;
}

}  // namespace snmpdissect::proto::testing

#endif  // SNMPDISSECT_DISSECTOR_PROTO_TESTING_NET_BUILDERS_H_
