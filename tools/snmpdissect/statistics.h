// The -z statistics of one run: their filters compiled, fed every frame the
// run reads (after -f and -2 -R, whatever -Y shows, as tshark's taps see
// frames), and printed after the frames, the last -z first (tshark's
// order).
//
//   absl::StatusOr<std::unique_ptr<Statistics>> stats =
//       Statistics::Create(options.statistics, &error_line);
//   for each frame: (*stats)->AddFrame(input, tree, result);
//   std::string text; (*stats)->AppendText(&text);
//
// A filter that does not compile gives the one-line error with a caret
// (filter::FormatError), before any frame is read.

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_STATISTICS_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_STATISTICS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "dissector/filter/filter.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/stats/agents.h"
#include "dissector/stats/io_stat.h"
#include "dissector/stats/srt.h"
#include "dissector/stats/stat_spec.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::cli {

class Statistics {
 public:
  // nullptr with `error` set to the message line(s) when a filter is bad.
  static std::unique_ptr<Statistics> Create(absl::Span<const stats::StatSpec> specs,
                                            std::string* error);

  void AddFrame(const pipeline::FrameInput& input, const tree::Tree& tree,
                const pipeline::FrameResult& result);
  void AppendText(std::string* out) const;
  // {"statistics":[...]}: each -z's JSON (srt.h, io_stat.h, agents.h), in
  // command-line order; one line.
  void AppendJson(std::string* out) const;

 private:
  Statistics() = default;
  struct Entry {
    std::unique_ptr<stats::SnmpSrt> srt;
    std::unique_ptr<stats::IoStat> io;
    std::unique_ptr<stats::SnmpAgents> agents;
  };
  std::vector<std::unique_ptr<filter::DisplayFilter>> filters_;  // owned for the entries
  std::vector<Entry> entries_;
};

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_STATISTICS_H_
