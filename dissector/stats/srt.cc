#include "dissector/stats/srt.h"

#include <cinttypes>
#include <cstdio>
#include <optional>

#include "dissector/proto/snmp_fields.h"

namespace snmpdissect::stats {
namespace {

// Wireshark's SNMP SRT procedure names by request PDU tag; only request
// types (0, 1, 3, 5, 6) ever get calls.
constexpr const char* kProcedureNames[9] = {"Get",    "GetNext", "Response", "Set",   "Trap",
                                            "Bulk",   "Inform",  "Trapv2",   "Report"};

// Nanoseconds rounded to microseconds, printed "%3d.%06d" as tap-srt.c does.
void AppendSeconds(int64_t ns, std::string* out) {
  const bool negative = ns < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(ns) : static_cast<uint64_t>(ns);
  const uint64_t us = (magnitude + 500) / 1000;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, negative ? " -%" PRIu64 ".%06" PRIu64 : "%3" PRIu64 ".%06" PRIu64,
                us / 1000000, us % 1000000);
  out->append(buffer);
}

// Seconds to the microsecond as a JSON number ("-0.000123", "1.000000").
void AppendJsonSeconds(int64_t ns, std::string* out) {
  const bool negative = ns < 0;
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(ns) : static_cast<uint64_t>(ns);
  const uint64_t us = (magnitude + 500) / 1000;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%s%" PRIu64 ".%06" PRIu64, negative ? "-" : "",
                us / 1000000, us % 1000000);
  out->append(buffer);
}

}  // namespace

void SnmpSrt::AppendJson(std::string* out) const {
  out->append("{\"statistic\":\"snmp,srt\",\"rows\":[");
  bool first = true;
  for (size_t i = 0; i < rows_.size(); ++i) {
    const Row& row = rows_[i];
    if (row.calls == 0) continue;
    if (!first) out->push_back(',');
    first = false;
    char head[96];
    std::snprintf(head, sizeof head, "{\"index\":%zu,\"procedure\":\"%s\",\"calls\":%" PRIu64,
                  i, kProcedureNames[i], row.calls);
    out->append(head);
    out->append(",\"min_srt\":");
    AppendJsonSeconds(row.min_ns, out);
    out->append(",\"max_srt\":");
    AppendJsonSeconds(row.max_ns, out);
    out->append(",\"avg_srt\":");
    AppendJsonSeconds(row.sum_ns / static_cast<int64_t>(row.calls), out);
    out->append(",\"sum_srt\":");
    AppendJsonSeconds(row.sum_ns, out);
    out->push_back('}');
  }
  out->append("]}");
}

SnmpSrt::SnmpSrt(const filter::DisplayFilter* filter)
    : filter_(filter), requests_(kRememberedRequests) {}

void SnmpSrt::AddFrame(const tree::Tree& tree, const pipeline::FrameResult& result,
                       uint64_t frame_number) {
  const tree::FieldId data = proto::Snmp::hf[proto::Snmp::kData];
  std::optional<bool> passes;  // the filter runs at most once per frame
  for (const pipeline::SnmpMessage& m : result.messages) {
    const tree::NodeId pdu = tree.Find(data, m.node);
    if (pdu == tree::kNoNode) continue;  // undecrypted or malformed
    const uint64_t tag = tree.node(pdu).scalar;
    if (tag >= rows_.size()) continue;
    if (m.role.kind == conversation::RoleKind::kRequest) {
      requests_[frame_number % kRememberedRequests] = {frame_number, static_cast<uint8_t>(tag)};
      continue;
    }
    if (m.match.kind != conversation::MatchKind::kResponse || m.match.request_frame == 0) continue;
    const Remembered& request = requests_[m.match.request_frame % kRememberedRequests];
    if (request.frame != m.match.request_frame) continue;  // forgotten
    if (filter_ != nullptr) {
      if (!passes.has_value()) passes = filter_->Matches(tree);
      if (!*passes) continue;
    }
    Row& row = rows_[request.pdu];
    const int64_t t = m.match.elapsed_ns;
    if (row.calls == 0 || t < row.min_ns) row.min_ns = t;
    if (row.calls == 0 || t > row.max_ns) row.max_ns = t;
    ++row.calls;
    row.sum_ns += t;
  }
}

void SnmpSrt::AppendText(std::string* out) const {
  out->append(
      "\n===================================================================\n"
      "SNMP SRT Statistics:\n"
      "Filter: snmp.data\n"
      "Index  Procedure              Calls    Min SRT    Max SRT    Avg SRT    Sum SRT\n");
  for (size_t i = 0; i < rows_.size(); ++i) {
    const Row& row = rows_[i];
    if (row.calls == 0) continue;  // tshark prints only procedures with calls
    char head[64];
    std::snprintf(head, sizeof head, "%5zu  %-22s %6" PRIu64 " ", i, kProcedureNames[i], row.calls);
    out->append(head);
    AppendSeconds(row.min_ns, out);
    out->push_back(' ');
    AppendSeconds(row.max_ns, out);
    out->push_back(' ');
    AppendSeconds(row.sum_ns / static_cast<int64_t>(row.calls), out);
    out->push_back(' ');
    AppendSeconds(row.sum_ns, out);
    out->push_back('\n');
  }
  out->append("==================================================================\n");
}

}  // namespace snmpdissect::stats
