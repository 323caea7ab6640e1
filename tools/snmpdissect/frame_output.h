// What snmpdissect writes for each frame of a capture: the printer the
// options chose (summary line, tree, JSON, NDJSON or fields), then the hex
// dump with -x, into one buffer that goes to the output stream in large
// writes. One FrameOutput serves a whole run; its printers and buffer keep
// their capacity, so printing allocates nothing per frame once warm.
//
//   absl::StatusOr<std::unique_ptr<FrameOutput>> out =
//       FrameOutput::Create(options, /*time_decimals=*/6, stdout);
//   if (!out.ok()) ... out.status().message()   // "unknown field 'snmp.nme'"
//   (*out)->Begin();
//   for (each frame) (*out)->Frame(tree, frame_bytes);
//   if (!(*out)->End()) ... writing failed (errno says why)

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_FRAME_OUTPUT_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_FRAME_OUTPUT_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "dissector/print/ek_printer.h"
#include "dissector/print/fields_printer.h"
#include "dissector/print/json_tree.h"
#include "dissector/print/summary_line.h"
#include "dissector/print/text_tree.h"
#include "dissector/tree/tree.h"
#include "tools/snmpdissect/options.h"

namespace snmpdissect::cli {

class FrameOutput {
 public:
  // Checks what only the printers know: field names (-e), -E settings and
  // protocol names (-O); the error names the bad one. `time_decimals` is 6
  // or 9, the capture's timestamp precision. `out` is not owned.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<FrameOutput>> Create(
      const Options& options, int time_decimals, std::FILE* out);

  // Whether the printer reads the tree's column text (Source, Destination,
  // Info): only the summary line does. tree::Tree::set_columns_wanted.
  bool WantsColumns() const { return summary_.has_value(); }
  // The JSON array's opening bracket, the fields header.
  void Begin();
  // One frame; `frame` is its captured octets (for -x).
  void Frame(const tree::Tree& tree, absl::Span<const uint8_t> frame);
  // The JSON array's close; flushes. False when any write failed.
  [[nodiscard]] bool End();
  // Writes what is buffered (before waiting on a live capture, so lines
  // appear as packets arrive). False when the write failed.
  bool Flush();

 private:
  FrameOutput(const Options& options, std::FILE* out) : options_(options), out_(out) {}

  // Writes the buffer out once it is this large: few system calls, bounded
  // memory.
  static constexpr size_t kFlushAt = 64 * 1024;

  const Options& options_;
  std::FILE* out_;
  std::string buffer_;
  bool write_failed_ = false;
  std::optional<print::SummaryLinePrinter> summary_;
  std::optional<print::TextTreePrinter> tree_;
  std::optional<print::JsonTreePrinter> json_;
  std::optional<print::FieldsPrinter> fields_;
  std::optional<print::EkPrinter> ek_;
};

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_FRAME_OUTPUT_H_
