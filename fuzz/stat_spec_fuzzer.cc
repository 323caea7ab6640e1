// libFuzzer target: the -z argument parser (dissector/stats/stat_spec.h) on
// arbitrary text, as a command line hands it over.
//
// Beyond "no crash", it checks (abort otherwise):
// - An error is InvalidArgument with a non-empty message of printable ASCII
//   (the tool prints it on one line of a terminal, after the argument).
// - What parses keeps the header's promises: snmp,srt and snmp,agents
//   have exactly one filter, the rest of the argument after the comma; io,stat has 1 to kMaxIoColumns
//   columns, none containing a comma, and an interval from 0 to
//   kMaxIntervalNs.
// - A parse round-trips: the spec written back as an argument (the
//   interval in nanoseconds as seconds with 6 decimals, which the parser
//   must take exactly when the interval is whole microseconds) parses to
//   the same spec.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "dissector/stats/stat_spec.h"

namespace {

using snmpdissect::stats::ParseStatSpec;
using snmpdissect::stats::StatSpec;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "stat_spec_fuzzer: %s\n", what);
  std::abort();
}

std::string WriteBack(const StatSpec& spec) {
  if (spec.kind == StatSpec::Kind::kSnmpSrt) {
    return spec.filters[0].empty() ? "snmp,srt" : "snmp,srt," + spec.filters[0];
  }
  if (spec.kind == StatSpec::Kind::kSnmpAgents) {
    return spec.filters[0].empty() ? "snmp,agents" : "snmp,agents," + spec.filters[0];
  }
  std::string out = absl::StrFormat("io,stat,%d.%06d", spec.interval_ns / 1000000000,
                                    (spec.interval_ns % 1000000000) / 1000);
  if (!(spec.filters.size() == 1 && spec.filters[0].empty())) {
    for (const std::string& f : spec.filters) out += "," + f;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const absl::StatusOr<StatSpec> spec = ParseStatSpec(text);
  if (!spec.ok()) {
    if (spec.status().code() != absl::StatusCode::kInvalidArgument) Fail("not InvalidArgument");
    const absl::string_view message = spec.status().message();
    if (message.empty()) Fail("empty message");
    for (const char c : message) {
      if (c < 0x20 || c > 0x7e) Fail("message not printable ASCII");
    }
    return 0;
  }
  if (spec->kind == StatSpec::Kind::kSnmpSrt || spec->kind == StatSpec::Kind::kSnmpAgents) {
    const std::string_view name =
        spec->kind == StatSpec::Kind::kSnmpSrt ? "snmp,srt" : "snmp,agents";
    if (spec->filters.size() != 1) Fail("snmp,srt/agents without exactly one filter");
    if (!text.starts_with(name)) Fail("snmp,srt/agents from another name");
    if (text.size() > name.size() &&
        (text[name.size()] != ',' || spec->filters[0] != text.substr(name.size() + 1))) {
      Fail("snmp,srt/agents filter not the rest");
    }
  } else {
    if (spec->filters.empty() || spec->filters.size() > snmpdissect::stats::kMaxIoColumns) {
      Fail("io,stat column count");
    }
    for (const std::string& f : spec->filters) {
      if (f.find(',') != std::string::npos) Fail("io,stat column with a comma");
    }
    if (spec->interval_ns < 0 || spec->interval_ns > snmpdissect::stats::kMaxIntervalNs) {
      Fail("interval out of range");
    }
    if (spec->interval_ns % 1000 != 0) Fail("interval finer than a microsecond");
  }
  const std::string again_text = WriteBack(*spec);
  const absl::StatusOr<StatSpec> again = ParseStatSpec(again_text);
  if (!again.ok()) Fail("written back, it does not parse");
  if (again->kind != spec->kind || again->filters != spec->filters ||
      again->interval_ns != spec->interval_ns) {
    Fail("written back, it parses differently");
  }
  return 0;
}
