// -z io,stat,INTERVAL[,FILTER...]: frames and bytes per interval of capture
// time, one column per display filter (an empty filter: every frame), in
// the box layout of tshark 4.0's io,stat for its frames-and-bytes columns.
//
//   IoStat io(500000000, {{"snmp", snmp_filter}, {"", nullptr}});
//   for each frame: io.AddFrame(tree, timestamp_ns, original_length);
//   io.AppendText(&out);
//
// Intervals start at the first frame's time; a frame earlier than the first
// (out of order) counts in the first interval. Bytes are the frames'
// lengths on the wire, as tshark counts them.
//
// Memory: frames and bytes per column per interval, grown as capture time
// advances (amortised, not per packet). Hostile timestamps cannot make it
// unbounded: past kMaxCells cells (kMaxCells / columns intervals) frames
// are not counted, and the table says how many were left out.

#ifndef SNMPDISSECT_DISSECTOR_STATS_IO_STAT_H_
#define SNMPDISSECT_DISSECTOR_STATS_IO_STAT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dissector/filter/filter.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::stats {

// At most this many cells (intervals x columns, 16 bytes each: 32 MiB).
inline constexpr uint64_t kMaxCells = uint64_t{1} << 21;

class IoStat {
 public:
  struct Column {
    std::string text;                       // as given; empty: every frame
    const filter::DisplayFilter* filter;    // not owned; null: every frame
  };
  // `interval_ns` 0: one interval, the whole capture.
  IoStat(int64_t interval_ns, std::vector<Column> columns);

  void AddFrame(const tree::Tree& tree, int64_t timestamp_ns, uint64_t length);
  void AppendText(std::string* out) const;
  // {"statistic":"io,stat","interval":0.05,"duration":0.164,
  //  "columns":["snmp",""],"rows":[{"start":0,"end":0.05,"frames":[98,98],
  //  "bytes":[9534,9534]}, ...],"frames_left_out":0}: times in seconds (to
  // the nanosecond), columns as given ("" counts every frame).
  void AppendJson(std::string* out) const;

  struct Cell {
    uint64_t frames = 0;
    uint64_t bytes = 0;
  };
  // Interval i's cell of column c, i < intervals().
  const Cell& cell(size_t interval, size_t column) const {
    return cells_[interval * columns_.size() + column];
  }
  size_t intervals() const { return columns_.empty() ? 0 : cells_.size() / columns_.size(); }
  uint64_t frames_left_out() const { return left_out_; }

 private:
  int64_t interval_ns_;
  std::vector<Column> columns_;
  std::vector<Cell> cells_;  // intervals x columns
  bool started_ = false;
  int64_t first_ns_ = 0;
  int64_t duration_ns_ = 0;  // the latest frame's time since the first
  uint64_t left_out_ = 0;
  uint64_t max_intervals_;  // kMaxCells / columns
};

}  // namespace snmpdissect::stats

#endif  // SNMPDISSECT_DISSECTOR_STATS_IO_STAT_H_
