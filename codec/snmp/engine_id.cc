#include "codec/snmp/engine_id.h"

#include <algorithm>

namespace snmpdissect::snmp {
namespace {

uint32_t BigEndian32(Bytes b) {
  return uint32_t{b[0]} << 24 | uint32_t{b[1]} << 16 | uint32_t{b[2]} << 8 | b[3];
}

uint64_t LittleEndian(Bytes b) {
  uint64_t v = 0;
  for (size_t i = b.size(); i > 0; --i) v = (v << 8) | b[i - 1];
  return v;
}

}  // namespace

EngineIdInfo ParseEngineId(Bytes id) {
  EngineIdInfo info;
  if (id.empty()) {
    info.layout = EngineIdLayout::kEmpty;
    return info;
  }
  // SnmpEngineID is SIZE(5..32) (RFC 3411 section 5).
  if (id.size() < 5 || id.size() > 32) return info;
  info.forbidden_value = std::all_of(id.begin(), id.end(), [](uint8_t b) { return b == 0; }) ||
                         std::all_of(id.begin(), id.end(), [](uint8_t b) { return b == 0xff; });
  info.conformance = (id[0] & 0x80) != 0;
  info.enterprise = BigEndian32(id) & 0x7fffffffu;
  if (!info.conformance) {
    info.layout = EngineIdLayout::kLegacy;
    info.data = id.subspan(4);
    info.length_mismatch = id.size() != 12;
    return info;
  }
  info.layout = EngineIdLayout::kRfc3411;
  info.format = id[4];
  info.data = id.subspan(5);
  const size_t n = info.data.size();
  switch (info.format) {
    case static_cast<uint8_t>(EngineIdFormat::kIpv4): info.length_mismatch = n != 4; break;
    case static_cast<uint8_t>(EngineIdFormat::kIpv6): info.length_mismatch = n != 16; break;
    case static_cast<uint8_t>(EngineIdFormat::kMac): info.length_mismatch = n != 6; break;
    // Text is 1..27 octets, "octets" 1..27 too (the 32-octet total).
    case static_cast<uint8_t>(EngineIdFormat::kText):
    case static_cast<uint8_t>(EngineIdFormat::kOctets): info.length_mismatch = n == 0; break;
    case static_cast<uint8_t>(EngineIdFormat::kNetSnmpRandom):
      if (info.enterprise == kEnterpriseNetSnmp) {
        // net-snmp (snmplib/snmpv3.c setup_engineID) copies a 4-octet random
        // number and its time_t in host byte order: little-endian on the
        // common hosts, and 8 octets of time where time_t is 64-bit.
        info.length_mismatch = n != 8 && n != 12;
        if (!info.length_mismatch) {
          info.netsnmp_random = static_cast<uint32_t>(LittleEndian(info.data.subspan(0, 4)));
          info.netsnmp_time = LittleEndian(info.data.subspan(4));
        }
      }
      break;
    default: break;
  }
  return info;
}

const char* EngineIdFormatName(const EngineIdInfo& info) {
  if (info.layout == EngineIdLayout::kLegacy) return "legacy (RFC 1910)";
  if (info.layout != EngineIdLayout::kRfc3411) return "invalid";
  switch (info.format) {
    case 1: return "ipv4";
    case 2: return "ipv6";
    case 3: return "mac";
    case 4: return "text";
    case 5: return "octets";
    default: break;
  }
  if (info.format == 128 && info.enterprise == kEnterpriseNetSnmp) return "net-snmp random";
  return info.format < 128 ? "reserved" : "enterprise-specific";
}

}  // namespace snmpdissect::snmp
