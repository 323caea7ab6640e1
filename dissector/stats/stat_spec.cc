#include "dissector/stats/stat_spec.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace snmpdissect::stats {
namespace {

absl::Status Bad(std::string_view what) {
  return absl::InvalidArgumentError(std::string(what));
}

// "0.25" -> 250000000; digits, at most one '.', at most 6 decimals.
bool ParseInterval(std::string_view text, int64_t* ns) {
  if (text.empty() || text.size() > 24) return false;
  int64_t whole = 0, fraction = 0;
  int decimals = -1;  // -1: no '.' seen
  for (const char c : text) {
    if (c == '.') {
      if (decimals >= 0) return false;
      decimals = 0;
      continue;
    }
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
    if (decimals >= 0) {
      if (++decimals > 6) return false;
      fraction = fraction * 10 + (c - '0');
    } else {
      whole = whole * 10 + (c - '0');
      if (whole > kMaxIntervalNs / 1000000000) return false;
    }
  }
  if (decimals == 0 || text.front() == '.') return false;  // "1." or ".5"
  for (int d = decimals < 0 ? 0 : decimals; d < 9; ++d) fraction *= 10;
  *ns = whole * 1000000000 + fraction;
  return *ns <= kMaxIntervalNs;
}

// io,stat's calculated columns: "SUM(frame.len)frame.len > 0" and the like.
bool IsCalculation(std::string_view column) {
  while (!column.empty() && absl::ascii_isspace(static_cast<unsigned char>(column.front()))) {
    column.remove_prefix(1);
  }
  for (std::string_view name : {"COUNT(", "SUM(", "MIN(", "MAX(", "AVG(", "LOAD(",
                                "COUNT_FRAMES(", "COUNT_FIELDS("}) {
    if (column.starts_with(name)) return true;
  }
  return false;
}

// "NAME" or "NAME,FILTER" (the filter the rest of the argument, commas
// and all): true with `filter` set.
bool NameAndFilter(std::string_view arg, std::string_view name, std::string_view* filter) {
  if (!arg.starts_with(name)) return false;
  arg.remove_prefix(name.size());
  if (arg.empty()) {
    *filter = {};
    return true;
  }
  if (arg.front() != ',') return false;
  *filter = arg.substr(1);
  return true;
}

}  // namespace

absl::StatusOr<StatSpec> ParseStatSpec(std::string_view arg) {
  StatSpec spec;
  std::string_view filter;
  if (NameAndFilter(arg, "snmp,srt", &filter) || NameAndFilter(arg, "snmp,agents", &filter)) {
    spec.kind = arg.starts_with("snmp,srt") ? StatSpec::Kind::kSnmpSrt
                                            : StatSpec::Kind::kSnmpAgents;
    spec.filters.emplace_back(filter);
    return spec;
  }
  if (arg == "io,stat") return Bad("io,stat needs an interval: io,stat,INTERVAL[,FILTER...]");
  if (!arg.starts_with("io,stat,")) {
    return Bad(absl::StrCat("unknown statistic (this tool has snmp,srt[,FILTER], "
                            "snmp,agents[,FILTER] and io,stat,INTERVAL[,FILTER...])"));
  }
  std::string_view rest = arg.substr(8);
  const size_t comma = rest.find(',');
  const std::string_view interval = rest.substr(0, comma);
  if (!ParseInterval(interval, &spec.interval_ns)) {
    return Bad("io,stat: the interval is not a number of seconds (at most 6 decimals, "
               "at most 10 years)");
  }
  spec.kind = StatSpec::Kind::kIoStat;
  if (comma == std::string_view::npos) {
    spec.filters.emplace_back();
    return spec;
  }
  rest.remove_prefix(comma + 1);
  for (;;) {
    const size_t next = rest.find(',');
    const std::string_view column = rest.substr(0, next);
    if (IsCalculation(column)) {
      return Bad("io,stat: calculated columns (SUM(), COUNT(), MIN(), MAX(), AVG(), LOAD()) "
                 "are not supported; give display filters");
    }
    if (spec.filters.size() == kMaxIoColumns) {
      return Bad(absl::StrCat("io,stat: more than ", kMaxIoColumns, " columns"));
    }
    spec.filters.emplace_back(column);
    if (next == std::string_view::npos) break;
    rest.remove_prefix(next + 1);
  }
  return spec;
}

}  // namespace snmpdissect::stats
