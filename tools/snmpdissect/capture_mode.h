// -r FILE and -i INTERFACE: read packets through libpcap, dissect each
// frame (FrameDissector) and print it (FrameOutput). With -2 a file is read
// twice: the first pass only teaches the request/response matcher which
// frame answers which request, the second prints.
//
//   CaptureMode mode(options, usm_or_null, stdout, stderr);
//   return mode.Run();   // an exit status (options.h)
//
// Errors are one line on `err` naming the file, interface, filter, flag or
// field: opening problems give kExitUsage before any output; a file damaged
// part way gives every frame before the damage, then the line, and
// kExitMalformed. Live captures stop at -c N or on SIGINT/SIGTERM, printing
// what arrived.

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_CAPTURE_MODE_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_CAPTURE_MODE_H_

#include <cstdio>
#include <memory>
#include <vector>

#include "absl/status/statusor.h"
#include "codec/usm/processor.h"
#include "dissector/capture/capture.h"
#include "dissector/capture/writer.h"
#include "dissector/filter/filter.h"
#include "dissector/mib/table.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/tree/tree.h"
#include "tools/snmpdissect/options.h"
#include "tools/snmpdissect/statistics.h"

namespace snmpdissect::cli {

class CaptureMode {
 public:
  // `usm` (may be null) and the streams are not owned.
  CaptureMode(const Options& options, usm::Processor* usm, std::FILE* out, std::FILE* err)
      : options_(options), usm_(usm), out_(out), err_(err) {}
  ~CaptureMode();
  CaptureMode(const CaptureMode&) = delete;
  CaptureMode& operator=(const CaptureMode&) = delete;

  // Names OIDs and reads values by this MIB table (not owned); nullptr: no
  // names (-n).
  void set_mib(const mib::Table* mib) { mib_ = mib; }

  int Run();

 private:
  [[nodiscard]] absl::StatusOr<std::unique_ptr<capture::Capture>> Open() const;
  // One pass over `in`; prints when `output` is set. Returns the exit
  // status the pass earned.
  int Pass(capture::Capture& in, class FrameOutput* output, capture::Writer* writer,
           bool live, bool first_pass);
  int Fail(const absl::Status& status) const;
  // Compiles -Y and -R; false (after printing the error) when one is bad.
  bool CompileFilters();
  // Whether the frame passed -2 -R's first pass (true without -R).
  bool PassedFirstPass(uint64_t frame_number) const;
  // Whether the frame in tree_ passes -R (its first-pass verdict) and -Y.
  bool Selected(uint64_t frame_number) const;
  void ReportLiveStats(const capture::Capture& in) const;

  const Options& options_;
  usm::Processor* usm_;
  const mib::Table* mib_ = nullptr;
  std::FILE* out_;
  std::FILE* err_;
  std::unique_ptr<pipeline::FrameDissector> dissector_;
  tree::Tree tree_;
  std::unique_ptr<filter::DisplayFilter> display_filter_;  // -Y
  std::unique_ptr<filter::DisplayFilter> read_filter_;     // -R (with -2)
  // -2 -R: frame number -> passed the first pass's filter.
  std::vector<bool> first_pass_selected_;
  std::unique_ptr<Statistics> statistics_;  // -z; null without
  // --stats-file, open from CompileFilters to the end of Run. Owned.
  std::FILE* stats_file_ = nullptr;
};

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_CAPTURE_MODE_H_
