// Test helpers that spell BER messages out of TLVs, so each test shows the
// structure it feeds the decoder:
//
//   std::string msg = Tlv(0x30, Int(1) + Octets("public") + Tlv(0xa0, ...));

#ifndef SNMPDISSECT_CODEC_SNMP_TESTING_TLV_H_
#define SNMPDISSECT_CODEC_SNMP_TESTING_TLV_H_

#include <cstdint>
#include <string>

#include "absl/strings/escaping.h"
#include "codec/ber/reader.h"

namespace snmpdissect::snmp::testing {

// Tag octet(s) as given, then a minimal length, then the content.
inline std::string Tlv(const std::string& tag, const std::string& content) {
  std::string out = tag;
  const size_t n = content.size();
  if (n < 0x80) {
    out.push_back(static_cast<char>(n));
  } else {
    int octets = 0;
    for (size_t v = n; v; v >>= 8) ++octets;
    out.push_back(static_cast<char>(0x80 | octets));
    for (int i = octets - 1; i >= 0; --i) out.push_back(static_cast<char>(n >> (8 * i)));
  }
  return out + content;
}
inline std::string Tlv(uint8_t tag, const std::string& content) {
  return Tlv(std::string(1, static_cast<char>(tag)), content);
}

inline std::string Hex(const std::string& hex) { return absl::HexStringToBytes(hex); }

// Minimal two's complement INTEGER with the given tag (default INTEGER).
inline std::string Int(int64_t v, uint8_t tag = 0x02) {
  std::string content;
  for (int i = 7; i >= 0; --i) content.push_back(static_cast<char>(uint64_t(v) >> (8 * i)));
  while (content.size() > 1 &&
         ((content[0] == 0 && !(content[1] & 0x80)) ||
          (static_cast<uint8_t>(content[0]) == 0xff && (content[1] & 0x80)))) {
    content.erase(0, 1);
  }
  return Tlv(tag, content);
}

inline std::string Octets(const std::string& s, uint8_t tag = 0x04) { return Tlv(tag, s); }
inline std::string OidHex(const std::string& hex) { return Tlv(0x06, Hex(hex)); }
inline std::string Seq(const std::string& content) { return Tlv(0x30, content); }

// sysDescr.0 and sysUpTime.0.
inline std::string SysDescr0() { return OidHex("2b06010201010100"); }
inline std::string SysUpTime0() { return OidHex("2b06010201010300"); }

inline std::string Vb(const std::string& name, const std::string& value) {
  return Seq(name + value);
}

// A v1/v2c message: version, community, one PDU.
inline std::string Community(int version, const std::string& pdu) {
  return Seq(Int(version) + Octets("public") + pdu);
}

// PDU with request-id 1234, the given error-status/index, varbinds.
inline std::string PduTlv(uint8_t tag, const std::string& varbinds, int64_t status = 0,
                       int64_t index = 0) {
  return Tlv(tag, Int(1234) + Int(status) + Int(index) + Seq(varbinds));
}

// An SNMPv3 message with USM parameters and the given msgData.
inline std::string V3(const std::string& flags, const std::string& usm_fields,
                      const std::string& msg_data, int64_t max_size = 65507,
                      int64_t model = 3) {
  return Seq(Int(3) + Seq(Int(42) + Int(max_size) + Octets(flags) + Int(model)) +
             Octets(Seq(usm_fields)) + msg_data);
}

inline std::string UsmFields(const std::string& engine, const std::string& user,
                             const std::string& auth = "", const std::string& priv = "") {
  return Octets(engine) + Int(7) + Int(1000) + Octets(user) + Octets(auth) + Octets(priv);
}

// net-snmp style engine ID: enterprise 8072, format 128, 4 random octets and
// a 4-octet creation time, both little-endian as net-snmp writes them.
inline std::string NetSnmpEngineId() { return Hex("80001f88804b1f5a2a6571c4b7"); }

inline ber::Bytes AsBytes(const std::string& s) {
  return ber::Bytes(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

}  // namespace snmpdissect::snmp::testing

#endif  // SNMPDISSECT_CODEC_SNMP_TESTING_TLV_H_
