// Writes corpus/pcap/leading-zero.pcap: SNMP messages whose non-negative
// integers are sent without the leading 0x00 octet X.690 8.3.2 requires
// before a set top bit (221 as `02 01 dd`), as some agents do. net-snmp
// never sends these, so the generator builds them with the project's own
// test builders: an SNMPv3 authPriv exchange (user sha-aes of
// corpus/pcap/snmp_users, AES-128) with msgID, msgMaxSize, engineBoots and
// engineTime so encoded, and SNMPv1/v2c exchanges with Counter32, Gauge32,
// TimeTicks, UInteger32, Counter64, error-index, max-repetitions and a
// Trap-PDU time-stamp so encoded. Deterministic: fixed salt, times and
// ports, so the test `leading_zero_capture_is_generated` can require the
// committed capture to equal a fresh run byte for byte.
//
//   leading_zero_capture OUT.pcap

#include <pcap/pcap.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "codec/snmp/testing/tlv.h"
#include "codec/usm/testing/messages.h"

namespace {

using namespace snmpdissect::snmp::testing;  // NOLINT: the TLV spelling helpers
namespace usm = snmpdissect::usm;

constexpr uint16_t kManagerPort = 40161;
constexpr uint16_t kTrapSenderPort = 40162;

// RFC 1071 one's-complement sum over 16-bit words.
uint32_t Sum16(const std::string& bytes, uint32_t sum = 0) {
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    sum += (static_cast<uint8_t>(bytes[i]) << 8) | static_cast<uint8_t>(bytes[i + 1]);
  }
  if (bytes.size() % 2) sum += static_cast<uint8_t>(bytes.back()) << 8;
  return sum;
}

uint16_t Fold(uint32_t sum) {
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<uint16_t>(~sum);
}

void Put16(std::string& s, size_t at, uint16_t v) {
  s[at] = static_cast<char>(v >> 8);
  s[at + 1] = static_cast<char>(v);
}

// Ethernet II (loopback's all-zero addresses, as tcpdump -i lo records),
// IPv4 127.0.0.1 -> 127.0.0.1 (RFC 791), UDP (RFC 768) with its checksum.
std::string Frame(uint16_t src_port, uint16_t dst_port, const std::string& payload) {
  std::string udp(8, '\0');
  Put16(udp, 0, src_port);
  Put16(udp, 2, dst_port);
  Put16(udp, 4, static_cast<uint16_t>(8 + payload.size()));
  udp += payload;
  const std::string loopback = Hex("7f000001");
  std::string pseudo = loopback + loopback + Hex("0011");
  pseudo += std::string(2, '\0');
  Put16(pseudo, 10, static_cast<uint16_t>(udp.size()));
  Put16(udp, 6, Fold(Sum16(udp, Sum16(pseudo))));

  std::string ip = Hex("4500") + std::string(2, '\0') + Hex("00004000") + Hex("4011") +
                   std::string(2, '\0') + loopback + loopback;
  Put16(ip, 2, static_cast<uint16_t>(ip.size() + udp.size()));
  Put16(ip, 10, Fold(Sum16(ip)));
  return std::string(12, '\0') + Hex("0800") + ip + udp;
}

struct Packet {
  uint16_t src_port, dst_port;
  std::string snmp;
};

// A v2c PDU with request-id `id` and raw error-status/index TLVs.
std::string V2c(uint8_t tag, int64_t id, const std::string& status, const std::string& index,
                const std::string& varbinds) {
  return Seq(Int(1) + Octets("public") + Tlv(tag, Int(id) + status + index + Seq(varbinds)));
}

std::string Oid(const std::string& hex) { return OidHex(hex); }

std::vector<Packet> Packets() {
  std::vector<Packet> out;
  // SNMPv3 authPriv (RFC 3414, AES-128 RFC 3826) get and its response, both
  // with msgID 50000 (c3 50), msgMaxSize 65507 (ff e3), engineBoots 221
  // (dd) and engineTime 200 (c8) missing their leading zero octets.
  const usm::UserConfig user =
      usm::testing::User("sha-aes", usm::AuthProtocol::kSha1, usm::PrivProtocol::kAes128);
  usm::testing::BuildOptions o;
  o.sender_priv = usm::PrivProtocol::kAes128;
  o.msg_id = 50000;
  o.engine_boots = 221;
  o.engine_time = 200;
  o.drop_leading_zero = true;
  out.push_back({kManagerPort, 161, usm::testing::Build(user, o)});
  o.salt = std::string("\x00\x01\x02\x03\x04\x05\x06\x08", 8);
  o.scoped = Seq(Octets(usm::testing::AgentEngineId()) + Octets("") +
                 PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux leading-zero agent"))));
  out.push_back({161, kManagerPort, usm::testing::Build(user, o)});

  // v2c get of one object of each unsigned type, and the response.
  const std::string if_in_octets = Oid("2b060102010202010a01");   // Counter32
  const std::string if_speed = Oid("2b060102010202010501");        // Gauge32
  const std::string sys_uptime = SysUpTime0();                     // TimeTicks
  const std::string if_hc_in_octets = Oid("2b060102011f01010106"  "01");  // Counter64
  const std::string uinteger = Oid("2b060104018f6501");            // UInteger32
  const std::string null = Tlv(0x05, "");
  out.push_back({kManagerPort, 161,
                 V2c(0xa0, 1, Int(0), Int(0),
                     Vb(if_in_octets, null) + Vb(if_speed, null) + Vb(sys_uptime, null) +
                         Vb(if_hc_in_octets, null) + Vb(uinteger, null))});
  out.push_back({161, kManagerPort,
                 V2c(0xa2, 1, Int(0), Int(0),
                     Vb(if_in_octets, Tlv(0x41, Hex("dd"))) +
                         Vb(if_speed, Tlv(0x42, Hex("dd"))) +
                         Vb(sys_uptime, Tlv(0x43, Hex("80000000"))) +
                         Vb(if_hc_in_octets, Tlv(0x46, Hex("ffffffffffffffff"))) +
                         Vb(uinteger, Tlv(0x47, Hex("dd"))))});

  // A set answered with genErr at error-index 221 (dd).
  out.push_back({kManagerPort, 161,
                 V2c(0xa3, 2, Int(0), Int(0), Vb(SysDescr0(), Octets("x")))});
  out.push_back({161, kManagerPort,
                 V2c(0xa2, 2, Int(5), Tlv(0x02, Hex("dd")), Vb(SysDescr0(), Octets("x")))});

  // GetBulk with max-repetitions 200 (c8), and its (short) response.
  out.push_back({kManagerPort, 161,
                 V2c(0xa5, 3, Int(0), Tlv(0x02, Hex("c8")), Vb(if_in_octets, null))});
  out.push_back({161, kManagerPort,
                 V2c(0xa2, 3, Int(0), Int(0), Vb(if_in_octets, Tlv(0x41, Hex("ff"))))});

  // SNMPv1 Trap-PDU (RFC 1157 section 4.1.6) with time-stamp 221 (43 01 dd).
  out.push_back({kTrapSenderPort, 162,
                 Seq(Int(0) + Octets("public") +
                     Tlv(0xa4, Oid("2b0601040182e610") + Octets(Hex("7f000001"), 0x40) +
                                   Int(6) + Int(1) + Tlv(0x43, Hex("dd")) +
                                   Seq(Vb(if_in_octets, Tlv(0x41, Hex("80"))))))});
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: leading_zero_capture OUT.pcap\n");
    return 1;
  }
  pcap_t* dead = pcap_open_dead(DLT_EN10MB, 65535);
  pcap_dumper_t* dumper = dead ? pcap_dump_open(dead, argv[1]) : nullptr;
  if (dumper == nullptr) {
    std::fprintf(stderr, "leading_zero_capture: %s: %s\n", argv[1],
                 dead ? pcap_geterr(dead) : "pcap_open_dead failed");
    return 1;
  }
  // 2026-01-01T00:00:00Z, 10 ms apart.
  int64_t usec = 1767225600LL * 1000000;
  for (const Packet& p : Packets()) {
    const std::string frame = Frame(p.src_port, p.dst_port, p.snmp);
    pcap_pkthdr header{};
    header.ts.tv_sec = usec / 1000000;
    header.ts.tv_usec = usec % 1000000;
    header.caplen = header.len = static_cast<bpf_u_int32>(frame.size());
    pcap_dump(reinterpret_cast<u_char*>(dumper), &header,
              reinterpret_cast<const u_char*>(frame.data()));
    usec += 10000;
  }
  pcap_dump_close(dumper);
  pcap_close(dead);
  return 0;
}
