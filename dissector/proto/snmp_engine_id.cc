// SnmpEngineID (RFC 3411 section 5) taken apart under an engine ID node, as
// Wireshark's dissect_snmp_engineid does.

#include "codec/snmp/engine_id.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto::internal {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;

constexpr uint32_t kEnterpriseUcdavis = 2021;  // UCD-SNMP, net-snmp's ancestor

uint64_t LittleEndian(snmp::Bytes b) {
  uint64_t v = 0;
  for (size_t i = b.size(); i > 0; --i) v = (v << 8) | b[i - 1];
  return v;
}

// net-snmp's format 128 (snmplib/snmpv3.c setup_engineID): a random int and
// the creation time, both memcpy'd in HOST byte order (little-endian on the
// x86 and ARM agents seen in practice; Wireshark reads them so), the time
// being a time_t: 4 octets on 32-bit builds, 8 on LP64 ones.
// Returns false when the data has neither shape.
bool AddNetSnmpRandom(snmp::Bytes data, size_t data_offset, const Ranges& ranges,
                      tree::Tree* tree, NodeId parent) {
  if (data.size() != 8 && data.size() != 12) return false;
  tree->AddBytes(parent, Snmp::hf[Snmp::kEngineIdData], ranges.At(data_offset, 4),
                 data.subspan(0, 4));
  const snmp::Bytes time = data.subspan(4);
  tree->AddTime(parent, Snmp::hf[Snmp::kEngineIdTime], ranges.At(data_offset + 4, time.size()),
                static_cast<int64_t>(LittleEndian(time)));
  return true;
}

}  // namespace

void AddEngineIdFields(snmp::Bytes id, size_t content_offset, bool check_length,
                       const Ranges& ranges, tree::Tree* tree, NodeId engine_node) {
  const snmp::EngineIdInfo info = snmp::ParseEngineId(id);
  if (info.layout == snmp::EngineIdLayout::kEmpty) return;  // discovery
  tree->AddBool(engine_node, Snmp::hf[Snmp::kEngineIdConform], ranges.At(content_offset, 1),
                (id[0] & 0x80) != 0);
  if (info.layout == snmp::EngineIdLayout::kInvalid) {
    if (check_length && id.size() < 5) {
      tree->AddDiagnostic(engine_node, Snmp::ei[Snmp::kRfc3411NonConformant],
                          tree::Severity::kWarning,
                          "engine ID not 5 to 32 octets (RFC 3411 section 5)");
    }
    return;
  }
  tree->AddUint(engine_node, Snmp::hf[Snmp::kEngineIdEnterprise],
                ranges.At(content_offset, 4), info.enterprise);
  if (info.forbidden_value) {
    tree->AddDiagnostic(engine_node, Snmp::ei[Snmp::kRfc3411NonConformant],
                        tree::Severity::kWarning,
                        "engine ID all zeros or all 0xff (RFC 3411 section 5)");
  }

  if (info.layout == snmp::EngineIdLayout::kLegacy) {
    // RFC 1910 / RFC 3411 section 5 "conformance bit 0": enterprise number
    // then 8 enterprise-specific octets (Wireshark's "AgentID Trailer").
    tree->AddBytes(engine_node, Snmp::hf[Snmp::kAgentIdTrailer],
                   ranges.At(content_offset + 4, info.data.size()), info.data);
    if (info.length_mismatch) {
      tree->AddDiagnostic(engine_node, Snmp::ei[Snmp::kRfc1910NonConformant]);
    }
    return;
  }

  tree->AddUint(engine_node, Snmp::hf[Snmp::kEngineIdFormat], ranges.At(content_offset + 4, 1),
                info.format);
  const size_t data_offset = content_offset + 5;
  const tree::Range data_range = ranges.At(data_offset, info.data.size());
  bool fits = !info.length_mismatch;
  switch (info.format) {
    case static_cast<uint8_t>(snmp::EngineIdFormat::kIpv4):
      if (fits) {
        tree->AddIpv4(engine_node, Snmp::hf[Snmp::kEngineIdIpv4], data_range,
                      Ipv4Address(info.data));
      }
      break;
    case static_cast<uint8_t>(snmp::EngineIdFormat::kIpv6):
      if (fits) {
        tree->AddIpv6(engine_node, Snmp::hf[Snmp::kEngineIdIpv6], data_range, info.data);
      }
      break;
    case static_cast<uint8_t>(snmp::EngineIdFormat::kMac):
      if (fits) {
        tree->AddEther(engine_node, Snmp::hf[Snmp::kEngineIdMac], data_range, info.data);
      }
      break;
    case static_cast<uint8_t>(snmp::EngineIdFormat::kText):
      if (fits) {
        tree->AddString(engine_node, Snmp::hf[Snmp::kEngineIdText], data_range, info.data);
      }
      break;
    case static_cast<uint8_t>(snmp::EngineIdFormat::kNetSnmpRandom):
      if (info.enterprise == snmp::kEnterpriseNetSnmp ||
          info.enterprise == kEnterpriseUcdavis) {
        // Judged here rather than by info.length_mismatch: see AddNetSnmpRandom.
        fits = AddNetSnmpRandom(info.data, data_offset, ranges, tree, engine_node);
        break;
      }
      [[fallthrough]];
    default:  // octets (5), reserved, other enterprise-specific formats
      if (!info.data.empty()) {
        tree->AddBytes(engine_node, Snmp::hf[Snmp::kEngineIdData], data_range, info.data);
      }
      break;
  }
  if (!fits) {
    // Data that does not fit its format (nothing was added for it above):
    // shown raw and flagged, as Wireshark does.
    if (!info.data.empty()) {
      tree->AddBytes(engine_node, Snmp::hf[Snmp::kEngineIdData], data_range, info.data);
    }
    tree->AddDiagnostic(engine_node, Snmp::ei[Snmp::kRfc3411NonConformant]);
  }
}

}  // namespace snmpdissect::proto::internal
