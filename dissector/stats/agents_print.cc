// SnmpAgents' text table and JSON (agents.h): printing, once per run, so
// it may allocate. Names of versions, PDU types and error-status values
// come from the field table's value names (snmp.version, snmp.data,
// snmp.error_status), Report counters from codec/snmp/report.h.

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/stats/agents.h"
#include "dissector/tree/fields.h"
#include "dissector/value/escape.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::stats {
namespace {

using proto::Snmp;

// RFC 3411 section 5 SnmpSecurityLevel names by the bits of
// AgentPair::security_levels; bit 2 (privacy without authentication) is
// not a level at all (RFC 3412 section 6.4: an invalid combination).
constexpr const char* kSecurityLevelNames[4] = {"noAuthNoPriv", "authNoPriv",
                                                "privWithoutAuth", "authPriv"};

// A value's name, or its number in `digits` where the field names none
// (error-status 19..30, versions 2 and 4..7): rows and JSON keys stay
// distinct, where one "Unknown" per value repeated a JSON key.
const char* NameOf(Snmp::Field field, int64_t value, char (&digits)[24]) {
  const tree::FieldInfo& info = tree::GetField(Snmp::hf[field]);
  const char* name = tree::ValueNameOf(info, value);
  if (name != nullptr && name != info.unknown_name) return name;
  *std::to_chars(digits, digits + sizeof(digits) - 1, value).ptr = '\0';
  return digits;
}

void AppendAddress(const PairKey& key, const std::array<uint8_t, 16>& address,
                   std::string* out) {
  if (key.ip_version == 4) {
    value::AppendIpv4(uint32_t{address[0]} << 24 | uint32_t{address[1]} << 16 |
                          uint32_t{address[2]} << 8 | address[3],
                      out);
  } else {
    value::AppendIpv6(std::string_view(reinterpret_cast<const char*>(address.data()), 16), out);
  }
}

// Seconds since the epoch, to the nanosecond, as a JSON number.
void AppendJsonTime(int64_t ns, std::string* out) {
  const bool negative = ns < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(ns) : static_cast<uint64_t>(ns);
  absl::StrAppend(out, negative ? "-" : "", magnitude / 1000000000, ".");
  std::string fraction = absl::StrCat(magnitude % 1000000000);
  out->append(9 - fraction.size(), '0');
  out->append(fraction);
}

// Calls each(name, count) for every row of a pair's counters with a count.
template <typename Each>
void ForEachCount(const AgentPair& p, std::string_view what, Each each) {
  char digits[24];
  if (what == "pdus") {
    for (size_t i = 0; i < kPduTypes; ++i) {
      if (p.pdus[i] != 0) each(NameOf(Snmp::kData, static_cast<int64_t>(i), digits), p.pdus[i]);
    }
  } else if (what == "errors") {
    // noError is not an error; the last slot holds the values above it.
    for (size_t i = 1; i < kErrorStatusSlots; ++i) {
      if (p.error_status[i] == 0) continue;
      each(i + 1 == kErrorStatusSlots ? "other" : NameOf(Snmp::kErrorStatus, int64_t(i), digits),
           p.error_status[i]);
    }
  } else {
    for (size_t i = 0; i < p.report_slots_used; ++i) {
      each(p.report_counters[i] != nullptr ? p.report_counters[i] : "unknown",
           p.report_counts[i]);
    }
  }
}

template <typename Names>
void AppendTextNames(const Names& names, std::string* out) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out->append(", ");
    out->push_back('"');
    value::AppendEscaped(names.text(i), value::EscapeQuotes::kYes, out);
    out->push_back('"');
    if (names.truncated(i)) out->append("...");
  }
  if (names.not_kept() != 0) {
    absl::StrAppend(out, " (and ", names.not_kept(), " messages naming others)");
  }
}

template <typename Names>
void AppendJsonNames(const char* key, const Names& names, std::string* out) {
  absl::StrAppend(out, ",\"", key, "\":[");
  for (size_t i = 0; i < names.size(); ++i) {
    if (i != 0) out->push_back(',');
    out->append("{\"text\":");
    value::AppendJsonString(names.text(i), out);
    absl::StrAppend(out, ",\"truncated\":", names.truncated(i) ? "true" : "false", "}");
  }
  absl::StrAppend(out, "],\"", key, "_messages_not_kept\":", names.not_kept());
}

// The versions and security levels seen, by name.
template <typename Each>
void ForEachFlag(const AgentPair& p, bool versions, Each each) {
  char digits[24];
  if (versions) {
    for (int v = 0; v < 8; ++v) {
      if (p.versions & (1u << v)) each(NameOf(Snmp::kVersion, v, digits));
    }
    if (p.other_version) each("other");
  } else {
    for (int level = 0; level < 4; ++level) {
      if (p.security_levels & (1u << level)) each(kSecurityLevelNames[level]);
    }
  }
}

void AppendPairText(const AgentPair& p, std::string* out) {
  out->append("-------------------------------------------------------------------\n");
  const PairKey& k = p.key;
  if (k.listener_is_manager) {
    out->append("Agent ");
    AppendAddress(k, k.agent, out);
    out->append(" -> manager ");
    AppendAddress(k, k.manager, out);
  } else {
    out->append("Manager ");
    AppendAddress(k, k.manager, out);
    out->append(" -> agent ");
    AppendAddress(k, k.agent, out);
  }
  absl::StrAppend(out, " port ", k.port, "\n  First:        ");
  value::AppendAbsoluteTime(p.first_ns, out);
  out->append("\n  Last:         ");
  value::AppendAbsoluteTime(p.last_ns, out);
  absl::StrAppend(out, "\n  Messages:     ", p.messages, "\n");
  const auto list_line = [&](const char* label, bool versions) {
    std::string line;
    ForEachFlag(p, versions, [&](const char* name) {
      absl::StrAppend(&line, line.empty() ? "" : ", ", name);
    });
    if (!line.empty()) absl::StrAppend(out, label, line, "\n");
  };
  const auto names_line = [&](const char* label, const auto& names) {
    if (names.size() == 0 && names.not_kept() == 0) return;
    out->append(label);
    AppendTextNames(names, out);
    out->push_back('\n');
  };
  list_line("  Versions:     ", true);
  names_line("  Communities:  ", p.communities);
  names_line("  Users:        ", p.users);
  list_line("  Security:     ", false);
  const auto count_line = [&](const char* label, std::string_view what, bool always) {
    std::string line;
    ForEachCount(p, what, [&](const char* name, uint64_t count) {
      absl::StrAppend(&line, line.empty() ? "" : ", ", name, " ", count);
    });
    if (!line.empty() || always) absl::StrAppend(out, label, line, "\n");
  };
  count_line("  PDUs:         ", "pdus", true);
  if (p.unreadable_pdus != 0) absl::StrAppend(out, "  Unreadable:   ", p.unreadable_pdus, "\n");
  count_line("  Errors:       ", "errors", false);
  absl::StrAppend(out, "  Requests:     ", p.requests, " (unanswered ", p.unanswered(), ")\n");
  if (p.unmatched_responses != 0) {
    absl::StrAppend(out, "  Unmatched responses: ", p.unmatched_responses, "\n");
  }
  count_line("  Reports:      ", "reports", false);
  names_line("  sysDescr:     ", p.sys_descr);
  names_line("  sysName:      ", p.sys_name);
}

void AppendPairJson(const AgentPair& p, std::string* out) {
  const PairKey& k = p.key;
  out->append("{\"manager\":\"");
  AppendAddress(k, k.manager, out);
  out->append("\",\"agent\":\"");
  AppendAddress(k, k.agent, out);
  absl::StrAppend(out, "\",\"port\":", k.port, ",\"listener\":\"",
                  k.listener_is_manager ? "manager" : "agent", "\",\"first\":");
  AppendJsonTime(p.first_ns, out);
  out->append(",\"last\":");
  AppendJsonTime(p.last_ns, out);
  absl::StrAppend(out, ",\"messages\":", p.messages);
  const auto flags = [&](const char* key, bool versions) {
    absl::StrAppend(out, ",\"", key, "\":[");
    bool first = true;
    ForEachFlag(p, versions, [&](const char* name) {
      absl::StrAppend(out, first ? "\"" : ",\"", name, "\"");
      first = false;
    });
    out->push_back(']');
  };
  flags("versions", true);
  AppendJsonNames("communities", p.communities, out);
  AppendJsonNames("users", p.users, out);
  flags("security_levels", false);
  const auto counts = [&](const char* key, std::string_view what) {
    absl::StrAppend(out, ",\"", key, "\":{");
    bool first = true;
    ForEachCount(p, what, [&](const char* name, uint64_t count) {
      absl::StrAppend(out, first ? "\"" : ",\"", name, "\":", count);
      first = false;
    });
    out->push_back('}');
  };
  counts("pdus", "pdus");
  absl::StrAppend(out, ",\"unreadable_pdus\":", p.unreadable_pdus);
  counts("error_status", "errors");
  absl::StrAppend(out, ",\"requests\":", p.requests, ",\"unanswered\":", p.unanswered(),
                  ",\"unmatched_responses\":", p.unmatched_responses);
  counts("reports", "reports");
  AppendJsonNames("sys_descr", p.sys_descr, out);
  AppendJsonNames("sys_name", p.sys_name, out);
  out->push_back('}');
}

}  // namespace

void SnmpAgents::AppendText(std::string* out) const {
  out->append(
      "\n===================================================================\n"
      "SNMP Agents (manager/agent pairs):\n"
      "Filter: ");
  if (filter_text_.empty()) {
    out->append("none");
  } else {
    value::AppendEscaped(filter_text_, value::EscapeQuotes::kNo, out);
  }
  absl::StrAppend(out, "\nPairs: ", table_.size(), " (at most ", table_.max_pairs(), " kept; ",
                  table_.evicted_pairs(), " evicted, with ", table_.evicted_messages(),
                  " messages)\n");
  table_.ForEach([&](const AgentPair& p) { AppendPairText(p, out); });
  out->append("===================================================================\n");
}

void SnmpAgents::AppendJson(std::string* out) const {
  out->append("{\"statistic\":\"snmp,agents\",\"filter\":");
  value::AppendJsonString(filter_text_, out);
  absl::StrAppend(out, ",\"max_pairs\":", table_.max_pairs(),
                  ",\"evicted_pairs\":", table_.evicted_pairs(),
                  ",\"evicted_messages\":", table_.evicted_messages(), ",\"pairs\":[");
  bool first = true;
  table_.ForEach([&](const AgentPair& p) {
    if (!first) out->push_back(',');
    first = false;
    AppendPairJson(p, out);
  });
  out->append("]}");
}

}  // namespace snmpdissect::stats
