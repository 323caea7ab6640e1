// The -z arguments snmpdissect knows, parsed from untrusted command-line
// text (fuzzed by fuzz/stat_spec_fuzzer.cc):
//
//   snmp,srt[,FILTER]              service response time per request type
//   snmp,agents[,FILTER]           one record per manager/agent pair (ours)
//   io,stat,INTERVAL[,FILTER...]   frames and bytes per interval, one
//                                  column per filter (none: every frame)
//
//   absl::StatusOr<StatSpec> spec = ParseStatSpec("io,stat,0.5,snmp,udp");
//   spec->interval_ns   // 500000000
//   spec->filters       // {"snmp", "udp"}
//
// As tshark splits them, the filters of io,stat are separated by every
// comma (so a filter cannot contain one); the filter of snmp,srt and of
// snmp,agents is the rest of the argument. INTERVAL is seconds with at most 6 decimals (tshark's
// microsecond resolution), 0 meaning the whole capture. io,stat's
// calculations (SUM(field)filter, COUNT(...), MAX(...), ...) are refused by
// name, not read as filters. The filters themselves are compiled by the
// caller (dissector/filter), whose errors carry their own columns.

#ifndef SNMPDISSECT_DISSECTOR_STATS_STAT_SPEC_H_
#define SNMPDISSECT_DISSECTOR_STATS_STAT_SPEC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace snmpdissect::stats {

// At most this many io,stat columns (tshark has no cap; a cap keeps the
// per-interval rows small).
inline constexpr size_t kMaxIoColumns = 64;
// Longest interval accepted: 10 years, so interval arithmetic never
// overflows int64 nanoseconds.
inline constexpr int64_t kMaxIntervalNs = int64_t{10} * 366 * 24 * 3600 * 1000000000;

struct StatSpec {
  enum class Kind { kSnmpSrt, kIoStat, kSnmpAgents };
  Kind kind = Kind::kSnmpSrt;
  // kSnmpSrt, kSnmpAgents: one filter (may be empty: every frame).
  // kIoStat: one entry per column; an empty one counts every frame.
  std::vector<std::string> filters;
  int64_t interval_ns = 0;  // kIoStat; 0: the whole capture
};

// An InvalidArgument naming what is wrong in `arg` ("unknown statistic
// (this tool has snmp,srt[,FILTER], snmp,agents[,FILTER] and ...)").
[[nodiscard]] absl::StatusOr<StatSpec> ParseStatSpec(std::string_view arg);

}  // namespace snmpdissect::stats

#endif  // SNMPDISSECT_DISSECTOR_STATS_STAT_SPEC_H_
