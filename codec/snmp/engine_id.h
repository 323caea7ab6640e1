// SnmpEngineID structure (RFC 3411 section 5, SNMP-FRAMEWORK-MIB).
//
// With the first bit set (RFC 3411 format), octets 1-4 are the enterprise
// number with that bit, octet 5 the format, and the rest its data: 1 IPv4,
// 2 IPv6, 3 MAC, 4 text, 5 octets, 6-127 reserved, 128-255 enterprise
// specific (net-snmp's 128: 4 random octets and the creation time).
// With it clear, the older RFC 1910 form: enterprise number then 8
// enterprise-specific octets, 12 octets in all.
//
//   EngineIdInfo info = ParseEngineId(usm.engine_id.value);
//   if (info.layout == EngineIdLayout::kRfc3411 &&
//       info.format == EngineIdFormat::kIpv4) ... info.data ...
//
// The parse borrows the engine ID's bytes.

#ifndef SNMPDISSECT_CODEC_SNMP_ENGINE_ID_H_
#define SNMPDISSECT_CODEC_SNMP_ENGINE_ID_H_

#include <cstdint>

#include "codec/snmp/model.h"

namespace snmpdissect::snmp {

enum class EngineIdLayout : uint8_t {
  kEmpty,    // zero length: discovery (RFC 3414 section 4)
  kRfc3411,  // conformance bit set
  kLegacy,   // RFC 1910: 12 octets, conformance bit clear
  kInvalid,  // too short or too long to be either
};

enum class EngineIdFormat : uint8_t {
  kIpv4 = 1,
  kIpv6 = 2,
  kMac = 3,
  kText = 4,
  kOctets = 5,
  kNetSnmpRandom = 128,  // enterprise 8072 (net-snmp), ENGINEID_TYPE_NETSNMP_RND
};

inline constexpr uint32_t kEnterpriseNetSnmp = 8072;

struct EngineIdInfo {
  EngineIdLayout layout = EngineIdLayout::kInvalid;
  bool conformance = false;     // the first bit
  uint32_t enterprise = 0;      // private enterprise number, bit cleared
  uint8_t format = 0;           // kRfc3411 only; see EngineIdFormat
  Bytes data;                   // after the format octet (kLegacy: last 8)
  // Problems that leave it readable: wrong length for its format, or all
  // zeros / all 0xff, which RFC 3411 forbids.
  bool length_mismatch = false;
  bool forbidden_value = false;
  // net-snmp format 128: host (little-endian) byte order in `data`; the time
  // takes 4 octets, or 8 from hosts with a 64-bit time_t.
  uint32_t netsnmp_random = 0;
  uint64_t netsnmp_time = 0;    // seconds since the epoch at engine creation
};

[[nodiscard]] EngineIdInfo ParseEngineId(Bytes id);

// "ipv4", "ipv6", "mac", "text", "octets", "reserved", "enterprise-specific",
// "net-snmp random".
const char* EngineIdFormatName(const EngineIdInfo& info);

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_ENGINE_ID_H_
