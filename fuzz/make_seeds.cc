// Writes seed candidates for every fuzz target: real traffic from the
// captures in corpus/pcap, plus handcrafted edge cases spelled with the
// test builders. tools/lib/make_seeds.sh runs it and lets libFuzzer's
// -merge=1 keep the candidates that add coverage into corpus/<target>/.
//
//   fuzz_make_seeds SOURCE_DIR OUT_DIR
//
// writes OUT_DIR/<target>/<n> for the targets ber_reader, der_roundtrip,
// snmp_message, usm, structured, frame, capture, pipeline and users. Input formats
// are those the targets document (first byte = mode / link type, the
// pipeline's framing).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "codec/snmp/testing/capture_messages.h"
#include "codec/snmp/testing/tlv.h"
#include "codec/usm/protocols.h"
#include "codec/usm/testing/messages.h"
#include "dissector/capture/testing/pcap_builder.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/proto/testing/net_builders.h"
#include "fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;
using namespace snmpdissect::snmp::testing;   // NOLINT: Tlv, Int, Seq, ...
using namespace snmpdissect::proto::testing;  // NOLINT: Ethernet, Ipv4, ...
using snmpdissect::capture::testing::PcapFile;
using snmpdissect::capture::testing::PcapngFile;
using snmpdissect::capture::testing::Record;
using snmpdissect::pipeline::testing::StoredFrame;

// Hex() with spaces allowed, for readability of the byte strings below.
std::string H(std::string hex) {
  hex.erase(std::remove(hex.begin(), hex.end(), ' '), hex.end());
  return Hex(hex);
}

class Writer {
 public:
  explicit Writer(fs::path root) : root_(std::move(root)) {}

  void Add(const std::string& target, const std::string& bytes) {
    const fs::path dir = root_ / target;
    fs::create_directories(dir);
    const int n = counts_[target]++;
    std::ofstream out(dir / std::to_string(n), std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  // An SNMP message: seed of every target that takes one.
  void Message(const std::string& bytes) {
    for (const char* t :
         {"der_roundtrip", "snmp_message", "usm", "structured", "differential"}) {
      Add(t, bytes);
    }
    Add("ber_reader", std::string(1, '\0') + bytes);  // lenient
    Add("ber_reader", std::string(1, '\1') + bytes);  // strict DER
  }

  void Report() const {
    for (const auto& [target, n] : counts_) std::printf("%-14s %6d candidates\n", target.c_str(), n);
  }

 private:
  fs::path root_;
  std::map<std::string, int> counts_;
};

std::string Frame(int link_type, const std::string& data) {
  return std::string(1, static_cast<char>(snmpdissect::fuzz::LinkTypeSelector(link_type))) + data;
}

// pipeline_fuzzer's framing (pipeline_fuzzer.cc).
std::string Pipeline(int link_type, uint8_t options, const std::vector<std::string>& frames,
                     const std::vector<uint8_t>& gaps = {}) {
  std::string out;
  out.push_back(static_cast<char>(snmpdissect::fuzz::LinkTypeSelector(link_type)));
  out.push_back(static_cast<char>(options));
  for (size_t i = 0; i < frames.size(); ++i) {
    const std::string& f = frames[i].substr(0, 0xffff);
    out += Be16(static_cast<uint32_t>(f.size()));
    out.push_back(static_cast<char>(i < gaps.size() ? gaps[i] : 1));
    out += f;
  }
  return out;
}

// ---- Handcrafted SNMP messages ----

void EdgeMessages(Writer& w) {
  const std::string vb_null = Vb(SysDescr0(), Tlv(0x05, ""));
  // Every value type, and net-snmp's Opaque specials.
  const std::string values[] = {
      Int(0), Int(-1), Int(INT64_MIN), Int(INT64_MAX), Octets(""), Octets("\x1b[31m\xff\xfe"),
      Tlv(0x05, ""), OidHex("2b06010401"), Tlv(0x40, "\x0a\x00\x00\x01"), Tlv(0x40, "\x0a"),
      Tlv(0x41, H("00ffffffff")), Tlv(0x42, "\x01"), Tlv(0x43, H("7fffffff")),
      Tlv(0x46, H("00ffffffffffffffff")), Tlv(0x47, "\x05"), Tlv(0x45, "abc"),
      Tlv(0x44, H("9f780442f60000")), Tlv(0x44, H("9f7908400921fb54442d18")),
      Tlv(0x44, H("9f7a088000000000000000")), Tlv(0x44, H("9f7b0900ffffffffffffffff")),
      Tlv(0x44, H("9f760101")), Tlv(0x44, "plain"), Tlv(0x80, ""), Tlv(0x81, ""), Tlv(0x82, ""),
      Tlv(0x9f, "x"), Tlv(0x41, H("80")), Tlv(0x02, ""), Tlv(0x02, H("00000001")),
      OidHex("2b8001"), OidHex(""), Tlv(0x06, std::string(200, '\x7f')),
  };
  std::string all;
  for (const std::string& v : values) {
    all += Vb(SysDescr0(), v);
    w.Message(Community(1, PduTlv(0xa2, Vb(SysUpTime0(), v))));
  }
  for (uint8_t pdu : {0xa0, 0xa1, 0xa2, 0xa3, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xbf}) {
    w.Message(Community(1, PduTlv(pdu, all, 5, 2)));
    w.Message(Community(0, PduTlv(pdu, vb_null)));
  }
  // SNMPv1 Trap-PDU.
  w.Message(Seq(Int(0) + Octets("public") +
                Tlv(0xa4, OidHex("2b060104018fbe") + Tlv(0x40, "\x0a\x00\x00\x01") + Int(6) +
                              Int(17) + Int(12345, 0x43) + Seq(vb_null))));
  w.Message(Seq(Int(0) + Octets("public") +
                Tlv(0xa4, OidHex("2b0601") + Tlv(0x40, "\x0a") + Int(9) + Int(-1) + Int(-5, 0x43) +
                              Seq(""))));
  // v2 trap with sysUpTime and snmpTrapOID; a Report for each usmStats.
  w.Message(Community(1, PduTlv(0xa7, Vb(SysUpTime0(), Int(100, 0x43)) +
                                          Vb(OidHex("2b0601060301010401"), OidHex("2b0601060301010501")))));
  for (int counter = 1; counter <= 6; ++counter) {
    w.Message(V3("\x00", UsmFields(NetSnmpEngineId(), ""),
                 Seq(Octets(NetSnmpEngineId()) + Octets("") +
                     PduTlv(0xa8, Vb(OidHex("2b060106030f0101" + std::string("0") +
                                            std::to_string(counter) + "00"),
                                     Int(counter, 0x41))))));
  }
  // GetBulk with odd non-repeaters / max-repetitions.
  w.Message(Community(1, PduTlv(0xa5, vb_null + vb_null, -1, 1 << 30)));
  // Framing edge cases: long-form and padded lengths, indefinite length,
  // trailing data, deep nesting, high tag numbers, unknown versions.
  w.Message(H("3081") + std::string(1, '\x26') + H("020101040670") + "ublic" +
            H("a019020101020100020100300e300c06082b060102010101000500"));
  w.Message(H("3080020101040670756201696300000000"));
  w.Message(Community(1, PduTlv(0xa0, vb_null)) + "trailing");
  std::string deep = vb_null;
  for (int i = 0; i < 40; ++i) deep = Seq(deep);
  w.Message(Community(1, PduTlv(0xa0, deep)));
  w.Message(Seq(Int(2) + Octets("public") + PduTlv(0xa0, vb_null)));
  w.Message(Seq(Int(-1) + Octets("public")));
  w.Message(Seq(Tlv(0x1f, "\x02\x01") + Octets("public")));
  // SNMPv3: plaintext, odd headers, non-USM security models, bad USM.
  const std::string scoped = Seq(Octets(NetSnmpEngineId()) + Octets("ctx") + PduTlv(0xa0, vb_null));
  w.Message(V3("\x04", UsmFields(NetSnmpEngineId(), "noauth"), scoped));
  w.Message(V3("\x04", UsmFields("", ""), scoped));
  w.Message(V3(std::string("\x07\x01", 2), UsmFields(NetSnmpEngineId(), "u"), scoped));
  w.Message(V3("", UsmFields(NetSnmpEngineId(), "u"), scoped, 100, 3));
  w.Message(V3("\x04", UsmFields(NetSnmpEngineId(), "u"), scoped, 65507, 2));
  w.Message(V3("\x04", "garbage", scoped));
  w.Message(V3("\x03", UsmFields(NetSnmpEngineId(), "sha-aes", std::string(12, '\0'),
                                 std::string(8, '\1')),
               Octets(std::string(33, '\x55'))));
  w.Message(V3("\x03", UsmFields(std::string(40, '\x80'), "sha-aes", std::string(12, '\0'),
                                 std::string(7, '\1')),
               Octets("")));
  // Engine ID formats 1..5, enterprise-specific, too short, too long.
  for (const char* id : {"80001f8801c0a80001", "80001f88022001 0db8000000000000000000000001",
                         "80001f880302005e005301", "80001f880474657874", "80001f880501020304",
                         "80001f8806", "80001f88ff0102", "0000000000000000000000ff", "80",
                         "80001f8880" "0102030405060708"}) {
    w.Message(V3("\x04", UsmFields(H(id), "noauth"), scoped));
  }
  // Authenticated and encrypted messages for every user of the fuzz set,
  // built as a sender would (keys derived here, not in the fuzzer): they
  // verify and decrypt, so the seeds start deep in USM.
  for (const snmpdissect::usm::UserConfig& user : snmpdissect::fuzz::FuzzUsers()) {
    if (user.auth == snmpdissect::usm::AuthProtocol::kNone) continue;
    snmpdissect::usm::testing::BuildOptions o;
    o.priv = user.priv != snmpdissect::usm::PrivProtocol::kNone;
    o.sender_priv = user.priv == snmpdissect::usm::PrivProtocol::kAes192
                        ? snmpdissect::usm::PrivProtocol::kAes192Reeder
                    : user.priv == snmpdissect::usm::PrivProtocol::kAes256
                        ? snmpdissect::usm::PrivProtocol::kAes256Reeder
                        : user.priv;
    w.Message(snmpdissect::usm::testing::Build(user, o));
  }
}

void EdgeBer(Writer& w) {
  for (char mode : {'\0', '\1'}) {
    const std::string m(1, mode);
    for (const std::string& s :
         {H("1f8101" "00"), H("1f8080" "01" "00"), H("1fff7f00"), H("1f1e00"),
          H("0481" "05" "6162636465"), H("048200" "03" "616263"), H("0485" "0000000001" "00"),
          H("0480"), H("04ff"), H("3003" "020100"), H("30030201"), H("06 03 2b 06 01"),
          H("0600"), H("060188"), H("0202 0001"), H("02 09 00ffffffffffffffff"),
          H("04 04 3002 0500"), std::string(40, '\x30') + std::string(40, '\0')}) {
      w.Add("ber_reader", m + s);
    }
  }
}

// ---- Frames, captures, pipelines ----

void EdgeFrames(Writer& w) {
  const std::string snmp = SnmpGet();
  const std::string udp = Udp(40000, 161, snmp);
  const std::vector<std::pair<int, std::string>> frames = {
      {1, Ethernet(0x0800, Ipv4(udp))},
      {1, Ethernet(0x8100, VlanTag(10, 0x0800) + Ipv4(udp))},
      {1, Ethernet(0x88a8, VlanTag(10, 0x8100) + VlanTag(20, 0x86dd) + Ipv6(udp))},
      {1, Ethernet(0x0800, Ipv4(udp, {.options = std::string("\x94\x04\x00\x00", 4)}))},
      {1, Ethernet(0x0800, Ipv4(udp) + std::string(12, '\0'))},  // Ethernet trailer
      {1, Ethernet(0x0800, Ipv4(Udp(40000, 161, snmp, 200)))},  // UDP length lies
      {1, Ethernet(0x0800, Ipv4(udp, {.total_length = 1000}))},
      {1, Ethernet(0x0800, Ipv4(udp, {.dont_fragment = false, .more_fragments = true}))},
      {1, Ethernet(0x0800, Ipv4(Tcp({}, snmp), {.protocol = 6}))},
      {1, Ethernet(0x0800, Ipv4(Tcp({.options = std::string("\x02\x04\x05\xb4", 4)}, snmp),
                                {.protocol = 6}))},
      {1, Ethernet(0x86dd, Ipv6(Ipv6OptionsHeader(60, "") + Ipv6OptionsHeader(17, "") + udp,
                                {.next = 0}))},
      {1, Ethernet(0x86dd, Ipv6(Ipv6FragmentHeader(17, 0, true, 7) + udp, {.next = 44}))},
      {1, Ethernet(0x86dd, Ipv6(Tcp({.src = 161, .dst = 40000}, snmp), {.next = 6}))},
      {1, Ethernet(0x0806, std::string(28, '\0'))},
      {113, Sll(0x0800, Ipv4(udp))},
      {276, Sll2(0x86dd, Ipv6(udp))},
      {0, Le32(2) + Ipv4(udp)},
      {0, Le32(30) + Ipv6(udp)},
      {108, Be32(2) + Ipv4(udp)},
      {12, Ipv4(udp)},
      {101, Ipv6(udp)},
      {228, Ipv4(Udp(161, 40000, SnmpBigResponse(100)))},
      {229, Ipv6(Udp(162, 40000, snmp))},
      {105, std::string(30, '\0')},
  };
  // Header options and malformed headers of every layer, for the
  // branches real traffic never takes.
  auto v6opts = [&](const std::string& options) {
    return Ethernet(0x86dd, Ipv6(std::string(1, 17) + Ipv6OptionsHeader(17, options).substr(1) + udp,
                                 {.next = 0}));
  };
  auto tcp_opts = [&](const std::string& options, uint16_t flags = 0x18) {
    return Ethernet(0x0800, Ipv4(Tcp({.flags = flags, .options = options}, snmp), {.protocol = 6}));
  };
  std::string many_ext;
  for (int i = 0; i < 17; ++i) many_ext += Ipv6OptionsHeader(60, "");
  const std::vector<std::pair<int, std::string>> more = {
      {1, v6opts(std::string("\x00\x00\x00", 3))},                      // Pad1
      {1, v6opts(std::string("\x05\x02\x00\x00", 4))},                 // router alert
      {1, v6opts(std::string("\x05\x03\x00\x00\x00", 5))},            // router alert, bad length
      {1, v6opts(std::string("\xc2\x04\x00\x01\x00\x00", 6))},       // jumbo
      {1, v6opts(std::string("\x1e\x02\xab\xcd", 4))},                 // unknown option
      {1, v6opts(std::string("\x1e\x09\xab", 3))},                      // runs past the header
      {1, Ethernet(0x86dd, Ipv6(many_ext.substr(0, many_ext.size() - 8) + Ipv6OptionsHeader(17, "") + udp, {.next = 60}))},
      {1, Ethernet(0x86dd, Ipv6(std::string("\x11\x02\x00\x01", 4) + std::string(20, '\0') + udp, {.next = 43}))},  // routing
      {1, Ethernet(0x86dd, Ipv6(udp, {.payload_length = 0}))},
      {1, Ethernet(0x86dd, Ipv6(udp, {.payload_length = 9000}))},
      {1, Ethernet(0x86dd, "\x45" + Ipv6(udp).substr(1))},               // IPv4 version in IPv6
      {1, Ethernet(0x86dd, Ipv6("", {.next = 59}))},                     // no next header
      {1, Ethernet(0x0800, Ipv4(udp, {.options = std::string("\x01\x07\x07\x04\x00\x00\x00\x00", 8)}))},  // NOP, record route
      {1, Ethernet(0x0800, Ipv4(udp, {.options = std::string("\x44\x0c\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00", 12)}))},  // timestamp
      {1, Ethernet(0x0800, Ipv4(udp, {.options = std::string("\x83\x03\x04\x00", 4)}))},  // LSRR
      {1, Ethernet(0x0800, Ipv4(udp, {.options = std::string("\x07\x28\x00\x00", 4)}))},  // length past the header
      {1, Ethernet(0x0800, Ipv4(udp, {.options = std::string("\x00\x00\x00\x00", 4)}))},  // EOL
      {1, Ethernet(0x0800, Ipv4(udp, {.total_length = 10}))},
      {1, Ethernet(0x0800, "\x43" + Ipv4(udp).substr(1))},               // header length 12
      {1, Ethernet(0x0800, "\x65" + Ipv4(udp).substr(1))},               // version 6
      {1, Ethernet(0x0800, Ipv4(udp, {.protocol = 1}))},                 // ICMP: no dissector
      {1, Ethernet(0x0800, Ipv4(udp, {.dont_fragment = false, .fragment_offset = 64}))},
      {1, tcp_opts(std::string("\x02\x04\x05\xb4\x01\x03\x03\x07\x04\x02\x08\x0a\x00\x00\x00\x01\x00\x00\x00\x00\x01\x01\x00\x00", 24), 0x02)},
      {1, tcp_opts(std::string("\x01\x01\x05\x0a\x00\x00\x03\xe8\x00\x00\x07\xd0", 12))},  // SACK
      {1, tcp_opts(std::string("\x02\x09\x00\x00", 4))},           // bad option length
      {1, tcp_opts(std::string("\x1f\x02\x00\x00", 4), 0x04)},     // unknown option, RST
      {1, tcp_opts("", 0x11)},                                       // FIN ACK with data
      {1, tcp_opts("", 0x38)},                                       // URG
      {1, Ethernet(0x0800, Ipv4(Tcp({}, snmp).substr(0, 12) + "\x40" + Tcp({}, snmp).substr(13), {.protocol = 6}))},  // data offset 16
      {1, Ethernet(0x0800, Ipv4(Udp(40000, 161, snmp, 4), {}))},     // UDP length below 8
      {1, Ethernet(0x0800, Ipv4(Udp(40000, 1161, snmp)))},           // decode-as port (with selector bit 7)
      {113, Sll(0x8100, VlanTag(5, 0x0800) + Ipv4(udp), 0)},
      {113, Sll(0x0806, std::string(28, '\0'), 3)},
      {276, Sll2(0x0800, Ipv4(udp), 7)},
      {0, Le32(24) + Ipv6(udp)},
      {0, Le32(99) + Ipv4(udp)},
      {108, Be32(28) + Ipv6(udp)},
      {12, std::string("\x00") + Ipv4(udp).substr(1)},
  };
  for (const auto& [link, data] : more) {
    w.Add("frame", Frame(link, data));
    w.Add("pipeline", Pipeline(link, 0, {data}));
  }
  w.Add("frame", std::string(1, '\x80') + Ethernet(0x0800, Ipv4(Udp(40000, 1161, snmp))));
  w.Add("pipeline", Pipeline(1, 32, {Ethernet(0x0800, Ipv4(Udp(40000, 1161, snmp)))}));
  // Truncations of every frame, for each layer's "runs past the end".
  for (const auto* list : {&frames, &more}) {
    for (const auto& [link, data] : *list) {
      for (size_t cut : {size_t{1}, size_t{4}, size_t{13}, size_t{18}, size_t{30}, size_t{40},
                         size_t{50}, size_t{60}, data.size() - 1}) {
        if (cut < data.size()) w.Add("frame", Frame(link, data.substr(0, cut)));
      }
    }
  }
  for (const auto& [link, data] : frames) {
    w.Add("frame", Frame(link, data));
    w.Add("capture", PcapFile(static_cast<uint32_t>(link), std::vector<std::string>{data}));
    w.Add("pipeline", Pipeline(link, 0, {data}));
  }
  // Capture files: pcapng, nanosecond pcap, big-endian pcap, damage.
  const std::string eth = Ethernet(0x0800, Ipv4(udp));
  w.Add("capture", PcapngFile(1, {Record{.data = eth}, Record{.data = eth.substr(0, 30)}}));
  w.Add("capture", PcapFile(1, {Record{.data = eth, .fraction = 999999999}}, true));
  w.Add("capture", PcapFile(1, {Record{.data = eth, .original_length = 9000}}));
  std::string be = H("a1b2c3d4 0002 0004 00000000 00000000 00040000 00000001");
  be += Be32(1700000000) + Be32(0) + Be32(static_cast<uint32_t>(eth.size())) +
        Be32(static_cast<uint32_t>(eth.size())) + eth;
  w.Add("capture", be);
  w.Add("capture", PcapFile(1, std::vector<std::string>{eth}).substr(0, 50));
  w.Add("capture", PcapFile(1, std::vector<std::string>{eth}).substr(0, 20));

  // Pipelines with state: IPv4 fragments in order, reversed, overlapping,
  // duplicated; IPv6 fragments; an SNMP message over TCP split across
  // segments, out of order, retransmitted; a request and its response.
  const std::string big = Udp(40000, 161, SnmpBigResponse(1000));
  auto frag4 = [&](uint32_t off, size_t len, bool more_fragments, uint16_t id = 0x4242) {
    return Ethernet(0x0800, Ipv4(big.substr(off, len),
                                 {.id = id, .dont_fragment = false, .more_fragments = more_fragments,
                                  .fragment_offset = off}));
  };
  const std::string f1 = frag4(0, 400, true), f2 = frag4(400, 400, true), f3 = frag4(800, 1000, false);
  for (uint8_t options : {0, 1, 4}) {
    w.Add("pipeline", Pipeline(1, options, {f1, f2, f3}));
    w.Add("pipeline", Pipeline(1, options, {f3, f2, f1}));
    w.Add("pipeline", Pipeline(1, options, {f1, frag4(200, 400, true), f2, f2, f3}));
    w.Add("pipeline", Pipeline(1, options, {f1, f2, f3}, {1, 250, 1}));  // ages out
  }
  auto frag6 = [&](uint32_t off, size_t len, bool more_fragments) {
    return Ethernet(0x86dd, Ipv6(Ipv6FragmentHeader(17, off, more_fragments, 99) + big.substr(off, len),
                                 {.next = 44}));
  };
  w.Add("pipeline", Pipeline(1, 0, {frag6(0, 504, true), frag6(504, 600, false)}));
  const std::string msg = SnmpBigResponse(300);
  auto seg = [&](uint32_t seq, const std::string& payload, uint16_t flags = 0x18) {
    return Ethernet(0x0800, Ipv4(Tcp({.src = 161, .dst = 40000, .seq = seq, .flags = flags}, payload),
                                 {.protocol = 6}));
  };
  const std::string s0 = seg(999, "", 0x12), s1 = seg(1000, msg.substr(0, 100)),
                    s2 = seg(1100, msg.substr(100, 150)), s3 = seg(1250, msg.substr(250) + msg);
  for (uint8_t options : {0, 2, 4}) {
    w.Add("pipeline", Pipeline(1, options, {s0, s1, s2, s3, seg(1250 + msg.size() * 2 - 250, "", 0x11)}));
    w.Add("pipeline", Pipeline(1, options, {s1, s3, s2}));
    w.Add("pipeline", Pipeline(1, options, {s1, s1, s2, s2, s3}));
  }
  const std::string req = Ethernet(0x0800, Ipv4(Udp(40000, 161, SnmpGet(77))));
  const std::string rsp = Ethernet(0x0800, Ipv4(Udp(161, 40000, SnmpBigResponse(20, 77)),
                                                {.src = 0x0a000002, .dst = 0x0a000001}));
  for (uint8_t options : {0, 4, 8, 12, 16}) {
    w.Add("pipeline", Pipeline(1, options, {req, rsp, rsp, req}, {0, 3, 1, 200}));
  }
  // Requests the tiny tracker must evict, answered late or never.
  std::vector<std::string> flood;
  for (int64_t id = 1; id <= 5; ++id) flood.push_back(Ethernet(0x0800, Ipv4(Udp(40000, 161, SnmpGet(id)))));
  flood.push_back(Ethernet(0x0800, Ipv4(Udp(161, 40000, SnmpBigResponse(5, 1)), {.src = 0x0a000002, .dst = 0x0a000001})));
  w.Add("pipeline", Pipeline(1, 4 | 8, flood));
  w.Add("pipeline", Pipeline(1, 8, flood));
}

void FromCaptures(Writer& w, const std::string& source) {
  const fs::path pcaps = fs::path(source) / "corpus" / "pcap";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(pcaps)) {
    if (e.path().extension() == ".pcap") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto messages = ReadCaptureMessages(file.string());
    if (messages.ok()) {
      for (const CapturedMessage& m : *messages) w.Message(m.bytes);
    }
    auto frames = snmpdissect::pipeline::testing::ReadFrames(file.string());
    if (!frames.ok()) continue;
    std::vector<Record> records;
    for (const StoredFrame& f : *frames) {
      w.Add("frame", Frame(f.link_type, f.data));
      records.push_back(Record{.data = f.data,
                               .seconds = static_cast<uint32_t>(f.timestamp_ns / 1000000000),
                               .fraction = static_cast<uint32_t>(f.timestamp_ns % 1000000000 / 1000)});
    }
    // Captures and pipelines: consecutive runs of frames (a request and its
    // response, a TCP connection's handshake and segments).
    constexpr size_t kRun = 12;
    for (size_t at = 0; at < frames->size(); at += kRun) {
      const size_t end = std::min(frames->size(), at + kRun);
      std::vector<Record> run(records.begin() + static_cast<long>(at),
                              records.begin() + static_cast<long>(end));
      const int link = (*frames)[at].link_type;
      w.Add("capture", (at / kRun) % 2 ? PcapngFile(static_cast<uint16_t>(link), run)
                                       : PcapFile(static_cast<uint32_t>(link), run));
      std::vector<std::string> data;
      std::vector<uint8_t> gaps;
      for (size_t i = at; i < end; ++i) {
        data.push_back((*frames)[i].data);
        gaps.push_back(1);
      }
      w.Add("pipeline", Pipeline(link, 0, data, gaps));
    }
  }
}

// snmp_users files and --user lines (users_fuzzer: the whole input is a
// file, each line an argument): the corpus's two tables, then one line per
// shape the readers distinguish, good and bad (codec/usm/users.h).
void FromUsersFiles(Writer& w, const std::string& source) {
  for (const char* name : {"snmp_users", "snmp_users.explicit"}) {
    std::ifstream in(fs::path(source) / "corpus" / "pcap" / name, std::ios::binary);
    w.Add("users", std::string(std::istreambuf_iterator<char>(in), {}));
  }
}

void EdgeUsers(Writer& w) {
  // Records are raw strings: what a text editor shows, escapes and all.
  const auto line = [](std::string_view record) { return std::string(record) + "\n"; };
  const std::string good = line(R"("","u","MD5","authpass","DES","privpass")");
  std::vector<std::string> texts = {
      // Good records: every column form.
      line(R"(80001f8804736e6d70,"u","SHA2-256","a\x5cx22b","AES256C","p")"),
      R"(0x80001F8804,"u","sha","a","aes192b","")" + std::string("\r\n"),
      line(R"("80:00:1f:88:04","u","SHA-512","a\\\\b","3DES","p")"),
      line(R"("0x80 00 1f 88 04","\x41l\151ce","\x4dD5","tab\there","DES",)"
           R"("nul\x00x\a\b\e\f\n\r\v\"")"),
      line(R"(,"noauth","","","","")"),
      "\xEF\xBB\xBF# comment\n\n \t# indented\r\n" + std::string(R"( "" ,)") + "\t" +
          R"("u" , "MD5","p" ,"DES","" )" + "\t",
      // Bad records, one problem each.
      line(R"("","u","MD5","pass)"),
      line(R"("","u","MD5","pa"ss","DES","")"),
      line(R"("","u","MD5","p","DES")"),
      line(R"("","u",!"MD5","p","DES","")"),
      line(R"("",u,"MD5","p","DES","")"),
      line(R"("","u","MD5","p\q","DES","")"),
      line(R"("","u","MD5","p\x4","DES","")"),
      line(R"("","u","MD5","p\777","DES","")"),
      line(R"("","u","MD5","p\x5c","DES","")"),
      line(R"("","u","MD\q5","p","DES","")"),
      line(R"(zz001f8804,"u","MD5","p","DES","")"),
      line(R"(80001f880,"u","MD5","p","DES","")"),
      line(R"("8:0001f8804","u","MD5","p","DES","")"),
      line(R"("0x","u","MD5","p","DES","")"),
      line(R"(80001f88,"u","MD5","p","DES","")"),
      line(R"("","","MD5","p","DES","")"),
      line(R"("",")" + std::string(33, 'u') + R"(","MD5","p","DES","")"),
      line(R"("","u","SHA3","p","DES","")"),
      line(R"("","u","hunter2","hunter2","DES","")"),
      line(R"("","u","NONE","p","DES","")"),
      line(R"("","u","MD5","","DES","")"),
      line(R"("","u","MD5","p","AES512","q")"),
      line(R"("","u","MD5","p","NONE","q")"),
      line(R"("","u","NONE","","AES","q")"),
      good + good,
      good + "# trailing\n" + line(R"("","u","MD5","p","DES","" # no)"),
      line(std::string(R"("","u","MD5","p)") + '\0' + R"(","DES","")"),
      // --user lines (not records: the file reader refuses them).
      line("sha-aes:SHA1:sha-aes-authpass:AES:sha-aes-privpass") +
          line("alice:SHA2-256:pw12345678:AES256C:privpw123:80001f8804736e6d70") +
          line(R"(bob:MD5:pass\:word\\)") + line("carol:SHA1:carol-authpass:NONE::80:00:1f:88:04") +
          line("noauth:NONE"),
      line("u") + line("u:") + line("u:MD5") + line("u:MD5:p:AES") +
          line("u:MD5:p:AES:q:80001f8804:x") + line(R"(u:MD5:p\q)") + line(":NONE") +
          line("u:NONE:p") + line("u:MD5:p:NONE:q") + line("u:SHA3:p") + line("u:MD5:p:AES:q:0x"),
      // A line past the 64 KiB cap (users.h); users.options max_len lets it in.
      line(R"("","u","MD5",")" + std::string(size_t{64} << 10, 'p') + R"(","DES","")"),
  };
  for (const std::string& text : texts) w.Add("users", text);
}

void FromSamples(Writer& w, const std::string& source) {
  std::ifstream in(fs::path(source) / "corpus" / "samples" / "messages.hex");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    w.Message(H(line));
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s SOURCE_DIR OUT_DIR\n", argv[0]);
    return 2;
  }
  if (!fs::is_directory(fs::path(argv[1]) / "corpus" / "pcap")) {
    std::fprintf(stderr, "%s: SOURCE_DIR %s has no corpus/pcap\n", argv[0], argv[1]);
    return 2;
  }
  Writer w{fs::path(argv[2])};
  FromCaptures(w, argv[1]);
  FromSamples(w, argv[1]);
  EdgeMessages(w);
  EdgeBer(w);
  EdgeFrames(w);
  FromUsersFiles(w, argv[1]);
  EdgeUsers(w);
  w.Report();
  return 0;
}
