#include "codec/agentx/describe.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "codec/snmp/model.h"

namespace snmpdissect::agentx {
namespace {

bool Printable(Bytes octets) {
  for (uint8_t c : octets) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

absl::string_view View(Bytes octets) {
  return absl::string_view(reinterpret_cast<const char*>(octets.data()), octets.size());
}

void AppendOctets(Bytes octets, std::string* out) {
  if (Printable(octets)) {
    absl::StrAppend(out, "\"", View(octets), "\"");
  } else {
    absl::StrAppend(out, "0x", absl::BytesToHexString(View(octets)));
  }
}

void AppendOid(const Oid& oid, std::string* out) {
  if (oid.null()) {
    out->append("(null)");
  } else {
    AppendOidText(oid, out);
  }
  if (oid.include) absl::StrAppend(out, " include=", oid.include);
}

template <typename T>
void Line(const char* name, const Field<T>& field, std::string* out) {
  if (field.present) absl::StrAppend(out, name, ": ", field.value, "\n");
}

}  // namespace

void AppendSummary(const Pdu& pdu, std::string* out) {
  const Header& h = pdu.header;
  const char* name = PduTypeName(h.type.value);
  // Wireshark prints the 32-bit fields with %d: as signed numbers.
  absl::StrAppend(out, name != nullptr ? name : "unknown",
                  ": sid=", static_cast<int32_t>(h.session_id.value),
                  ", tid=", static_cast<int32_t>(h.transaction_id.value),
                  ", packid=", static_cast<int32_t>(h.packet_id.value),
                  ", plen=", static_cast<int32_t>(h.payload_length.value));
}

void AppendValueText(const Value& value, std::string* out) {
  using snmp::ValueType;
  switch (value.type) {
    case ValueType::kInteger:
      absl::StrAppend(out, value.integer);
      return;
    case ValueType::kCounter32:
    case ValueType::kGauge32:
    case ValueType::kTimeTicks:
    case ValueType::kCounter64:
      absl::StrAppend(out, value.unsigned_value);
      return;
    case ValueType::kIpAddress:
      if (value.octets.value.size() == 4) {
        const Bytes a = value.octets.value;
        absl::StrAppend(out, a[0], ".", a[1], ".", a[2], ".", a[3]);
        return;
      }
      AppendOctets(value.octets.value, out);
      return;
    case ValueType::kOctetString:
    case ValueType::kOpaque:
      AppendOctets(value.octets.value, out);
      return;
    case ValueType::kObjectIdentifier:
      AppendOid(value.oid, out);
      return;
    default:
      out->append(snmp::ValueTypeName(value.type));
      return;
  }
}

void AppendDescription(const Pdu& pdu, std::string* out) {
  const Header& h = pdu.header;
  AppendSummary(pdu, out);
  out->append("\n");
  Line("version", h.version, out);
  Line("type", h.type, out);
  Line("flags", h.flags, out);
  Line("session_id", h.session_id, out);
  Line("transaction_id", h.transaction_id, out);
  Line("packet_id", h.packet_id, out);
  Line("payload_length", h.payload_length, out);
  if (pdu.context.present) {
    out->append("context: ");
    AppendOctets(pdu.context.value, out);
    out->append("\n");
  }
  Line("timeout", pdu.timeout, out);
  if (pdu.id.present) {
    out->append("id: ");
    AppendOid(pdu.id, out);
    out->append("\n");
  }
  if (pdu.descr.present) {
    out->append("descr: ");
    AppendOctets(pdu.descr.value, out);
    out->append("\n");
  }
  if (pdu.reason.present) {
    const char* reason = CloseReasonName(pdu.reason.value);
    absl::StrAppend(out, "reason: ", pdu.reason.value, " (", reason ? reason : "?", ")\n");
  }
  Line("priority", pdu.priority, out);
  Line("range_subid", pdu.range_subid, out);
  if (pdu.subtree.present) {
    out->append("subtree: ");
    AppendOid(pdu.subtree, out);
    out->append("\n");
  }
  Line("upper_bound", pdu.upper_bound, out);
  Line("non_repeaters", pdu.non_repeaters, out);
  Line("max_repetitions", pdu.max_repetitions, out);
  Line("sys_uptime", pdu.sys_uptime, out);
  if (pdu.error.present) {
    const char* error = ResponseErrorName(pdu.error.value);
    absl::StrAppend(out, "error: ", pdu.error.value, " (", error ? error : "?", ")\n");
  }
  Line("index", pdu.index, out);
  for (const SearchRange& range : pdu.ranges) {
    out->append("range: ");
    if (range.start.present) AppendOid(range.start, out);
    out->append(" .. ");
    if (range.end.present) AppendOid(range.end, out);
    out->append("\n");
  }
  for (const VarBind& vb : pdu.varbinds) {
    out->append("varbind: ");
    if (vb.name.present) AppendOid(vb.name, out);
    absl::StrAppend(out, " ", vb.type.value, " ");
    if (vb.location.length != 0) AppendValueText(vb.value, out);
    out->append("\n");
  }
  for (const Diagnostic& d : pdu.diagnostics) {
    absl::StrAppend(out, "diagnostic at ", d.offset, ": ", DiagnosticText(d.code), "\n");
  }
}

}  // namespace snmpdissect::agentx
