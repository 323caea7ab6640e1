#include "codec/agentx/model.h"

#include <algorithm>

#include "absl/types/span.h"
#include "codec/ber/oid.h"

namespace snmpdissect::agentx {

size_t Oid::Arcs(uint32_t* out, size_t capacity) const {
  size_t n = 0;
  if (prefix != 0) {
    const uint32_t head[5] = {1, 3, 6, 1, prefix};
    for (uint32_t arc : head) {
      if (n < capacity) out[n++] = arc;
    }
  }
  // subids holds 4 * n_subid octets when the decoder made the view; a
  // hand-made view may hold fewer, so count on the span.
  const size_t count = std::min<size_t>(n_subid, subids.size() / 4);
  for (size_t i = 0; i < count && n < capacity; ++i) out[n++] = subid(i);
  return n;
}

void AppendOidText(const Oid& oid, std::string* out) {
  uint32_t arcs[kMaxOidArcs];
  const size_t n = oid.Arcs(arcs, kMaxOidArcs);
  ber::AppendArcsText(absl::MakeConstSpan(arcs, n), out);
}

std::string OidText(const Oid& oid) {
  std::string text;
  AppendOidText(oid, &text);
  return text;
}

bool SameArcs(const Oid& a, const Oid& b) {
  uint32_t arcs_a[kMaxOidArcs];
  uint32_t arcs_b[kMaxOidArcs];
  const size_t n = a.Arcs(arcs_a, kMaxOidArcs);
  return n == b.Arcs(arcs_b, kMaxOidArcs) && std::equal(arcs_a, arcs_a + n, arcs_b);
}

snmp::ValueType ValueTypeOf(uint16_t type_code) {
  using snmp::ValueType;
  switch (static_cast<VarBindType>(type_code)) {
    case VarBindType::kInteger: return ValueType::kInteger;
    case VarBindType::kOctetString: return ValueType::kOctetString;
    case VarBindType::kNull: return ValueType::kNull;
    case VarBindType::kObjectIdentifier: return ValueType::kObjectIdentifier;
    case VarBindType::kIpAddress: return ValueType::kIpAddress;
    case VarBindType::kCounter32: return ValueType::kCounter32;
    case VarBindType::kGauge32: return ValueType::kGauge32;
    case VarBindType::kTimeTicks: return ValueType::kTimeTicks;
    case VarBindType::kOpaque: return ValueType::kOpaque;
    case VarBindType::kCounter64: return ValueType::kCounter64;
    case VarBindType::kNoSuchObject: return ValueType::kNoSuchObject;
    case VarBindType::kNoSuchInstance: return ValueType::kNoSuchInstance;
    case VarBindType::kEndOfMibView: return ValueType::kEndOfMibView;
  }
  return ValueType::kUnknown;
}

void Pdu::Clear() {
  std::vector<SearchRange> kept_ranges;
  std::vector<VarBind> kept_varbinds;
  std::vector<Diagnostic> kept_diagnostics;
  kept_ranges.swap(ranges);
  kept_varbinds.swap(varbinds);
  kept_diagnostics.swap(diagnostics);
  *this = Pdu();
  kept_ranges.clear();
  kept_varbinds.clear();
  kept_diagnostics.clear();
  ranges.swap(kept_ranges);
  varbinds.swap(kept_varbinds);
  diagnostics.swap(kept_diagnostics);
}

bool HasContext(PduType type) {
  switch (type) {
    case PduType::kRegister:
    case PduType::kUnregister:
    case PduType::kGet:
    case PduType::kGetNext:
    case PduType::kGetBulk:
    case PduType::kTestSet:
    case PduType::kNotify:
    case PduType::kPing:
    case PduType::kIndexAllocate:
    case PduType::kIndexDeallocate:
    case PduType::kAddAgentCaps:
    case PduType::kRemoveAgentCaps:
      return true;
    default:
      return false;
  }
}

}  // namespace snmpdissect::agentx
