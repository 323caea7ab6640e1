#include "dissector/stats/io_stat.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "dissector/value/escape.h"

namespace snmpdissect::stats {
namespace {

// Decimals shown for times: the interval's own (0.05 s: 2), 3 for the
// whole capture, as tshark prints them.
int Decimals(int64_t interval_ns, bool whole_capture) {
  if (whole_capture) return 3;
  int64_t us = (interval_ns / 1000) % 1000000;
  if (us == 0) return 0;
  int decimals = 6;
  while (us % 10 == 0) {
    us /= 10;
    --decimals;
  }
  return decimals;
}

std::string Seconds(int64_t ns, int decimals) {
  int64_t scale = 1;
  for (int i = decimals; i < 9; ++i) scale *= 10;
  // Rounded to the decimals shown, without overflowing near INT64_MAX.
  const int64_t units = ns / scale + (ns % scale >= scale / 2 ? 1 : 0);
  int64_t per_second = 1;
  for (int i = 0; i < decimals; ++i) per_second *= 10;
  if (decimals == 0) return absl::StrCat(units);
  return absl::StrFormat("%d.%0*d", units / per_second, decimals, units % per_second);
}

// One boxed line: "| text ... |" padded to `width` between the bars.
void Boxed(absl::string_view text, size_t width, std::string* out) {
  absl::StrAppend(out, "|", text, std::string(width > text.size() ? width - text.size() : 0, ' '),
                  "|\n");
}

// Nanoseconds (never negative here) as a JSON number of seconds,
// "0.050000000".
std::string JsonSeconds(int64_t ns) {
  return absl::StrFormat("%d.%09d", ns / 1000000000, ns % 1000000000);
}

}  // namespace

void IoStat::AppendJson(std::string* out) const {
  const bool whole = interval_ns_ == 0 || interval_ns_ > duration_ns_;
  const int64_t interval = whole ? duration_ns_ : interval_ns_;
  absl::StrAppend(out, "{\"statistic\":\"io,stat\",\"interval\":", JsonSeconds(interval),
                  ",\"duration\":", JsonSeconds(duration_ns_), ",\"columns\":[");
  for (size_t c = 0; c < columns_.size(); ++c) {
    if (c != 0) out->push_back(',');
    value::AppendJsonString(columns_[c].text, out);
  }
  out->append("],\"rows\":[");
  const size_t rows = std::max<size_t>(intervals(), 1);
  for (size_t i = 0; i < rows; ++i) {
    const int64_t start = whole ? 0 : static_cast<int64_t>(i) * interval;
    const int64_t end =
        whole || start > duration_ns_ - interval ? duration_ns_ : start + interval;
    absl::StrAppend(out, i != 0 ? "," : "", "{\"start\":", JsonSeconds(start),
                    ",\"end\":", JsonSeconds(end));
    for (const bool bytes : {false, true}) {
      out->append(bytes ? "],\"bytes\":[" : ",\"frames\":[");
      for (size_t c = 0; c < columns_.size(); ++c) {
        const Cell empty;
        const Cell& x = i < intervals() ? cell(i, c) : empty;
        absl::StrAppend(out, c != 0 ? "," : "", bytes ? x.bytes : x.frames);
      }
    }
    out->append("]}");
  }
  absl::StrAppend(out, "],\"frames_left_out\":", left_out_, "}");
}

IoStat::IoStat(int64_t interval_ns, std::vector<Column> columns)
    : interval_ns_(interval_ns),
      columns_(std::move(columns)),
      max_intervals_(kMaxCells / std::max<size_t>(columns_.size(), 1)) {}

void IoStat::AddFrame(const tree::Tree& tree, int64_t timestamp_ns, uint64_t length) {
  if (!started_) {
    started_ = true;
    first_ns_ = timestamp_ns;
  }
  // Both within int64 (capture timestamps); a difference that overflows is
  // treated as out of range.
  int64_t since = 0;
  if (__builtin_sub_overflow(timestamp_ns, first_ns_, &since)) since = -1;
  if (since < 0) since = 0;
  const uint64_t interval =
      interval_ns_ == 0 ? 0 : static_cast<uint64_t>(since / interval_ns_);
  if (interval >= max_intervals_) {
    ++left_out_;
    return;
  }
  duration_ns_ = std::max(duration_ns_, since);
  const size_t width = columns_.size();
  if (cells_.size() < (interval + 1) * width) cells_.resize((interval + 1) * width);
  for (size_t c = 0; c < width; ++c) {
    if (columns_[c].filter != nullptr && !columns_[c].filter->Matches(tree)) continue;
    Cell& cell = cells_[interval * width + c];
    ++cell.frames;
    cell.bytes += length;
  }
}

void IoStat::AppendText(std::string* out) const {
  const bool whole = interval_ns_ == 0 || interval_ns_ > duration_ns_;
  const int64_t interval = whole ? duration_ns_ : interval_ns_;
  const int decimals = Decimals(interval, whole);
  const size_t rows = std::max<size_t>(intervals(), 1);

  // The interval column's labels, then each column's digit widths.
  std::vector<std::string> labels;
  size_t label_width = 8;  // "Interval"
  const size_t time_width = Seconds(duration_ns_, decimals).size();
  for (size_t i = 0; i < rows; ++i) {
    const int64_t start = whole ? 0 : static_cast<int64_t>(i) * interval;
    const int64_t end =
        whole || start > duration_ns_ - interval ? duration_ns_ : start + interval;
    labels.push_back(absl::StrFormat("%*s <> %*s", time_width, Seconds(start, decimals),
                                     time_width, Seconds(end, decimals)));
    label_width = std::max(label_width, labels.back().size());
  }
  std::vector<std::pair<size_t, size_t>> widths;  // frames, bytes
  for (size_t c = 0; c < columns_.size(); ++c) {
    size_t f = 6, b = 5;  // "Frames", "Bytes"
    for (size_t i = 0; i < intervals(); ++i) {
      f = std::max(f, absl::StrCat(cell(i, c).frames).size());
      b = std::max(b, absl::StrCat(cell(i, c).bytes).size());
    }
    widths.emplace_back(f, b);
  }
  // Between the outer bars: " label " then "| frames | bytes " per column.
  size_t inner = label_width + 2;
  for (const auto& [f, b] : widths) inner += f + b + 6;

  const std::string rule(inner + 2, '=');
  const std::string dashes(inner, '-');
  absl::StrAppend(out, "\n", rule, "\n");
  Boxed(" IO Statistics", inner, out);
  Boxed("", inner, out);
  // Whole-second intervals still show the duration to the microsecond.
  Boxed(absl::StrCat(" Duration: ", Seconds(duration_ns_, decimals == 0 ? 6 : decimals), " secs"),
        inner, out);
  Boxed(absl::StrCat(" Interval: ", Seconds(interval, decimals), " secs"), inner, out);
  Boxed("", inner, out);
  for (size_t c = 0; c < columns_.size(); ++c) {
    const std::string& text = columns_[c].text.empty() ? "Frames and bytes" : columns_[c].text;
    Boxed(c == 0 ? absl::StrCat(" Col 1: ", text)
                 : absl::StrFormat("     %d: %s", c + 1, text),
          inner, out);
  }
  absl::StrAppend(out, "|", dashes, "|\n");
  std::string numbers = absl::StrCat("|", std::string(label_width + 2, ' '));
  std::string names = absl::StrFormat("| %-*s ", label_width, "Interval");
  for (size_t c = 0; c < columns_.size(); ++c) {
    const auto [f, b] = widths[c];
    numbers += absl::StrFormat("|%-*d", f + b + 5, c + 1);
    names += absl::StrFormat("| %*s | %*s ", f, "Frames", b, "Bytes");
  }
  absl::StrAppend(out, numbers, "|\n", names, "|\n|", dashes, "|\n");
  for (size_t i = 0; i < rows; ++i) {
    std::string line = absl::StrFormat("| %-*s ", label_width, labels[i]);
    for (size_t c = 0; c < columns_.size(); ++c) {
      const auto [f, b] = widths[c];
      const Cell empty;
      const Cell& x = i < intervals() ? cell(i, c) : empty;
      line += absl::StrFormat("| %*d | %*d ", f, x.frames, b, x.bytes);
    }
    absl::StrAppend(out, line, "|\n");
  }
  absl::StrAppend(out, rule, "\n");
  if (left_out_ != 0) {
    absl::StrAppend(out, left_out_, " frames more than ", max_intervals_,
                    " intervals after the first were not counted\n");
  }
}

}  // namespace snmpdissect::stats
