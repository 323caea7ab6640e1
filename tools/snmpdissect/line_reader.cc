#include "tools/snmpdissect/line_reader.h"

namespace snmpdissect::cli {
namespace {
constexpr size_t kChunkSize = 64 * 1024;
}  // namespace

LineReader::LineReader(std::FILE* in, size_t max_length)
    : in_(in), max_length_(max_length), chunk_(kChunkSize, '\0') {}

LineReader::Result LineReader::Next(std::string_view* line) {
  line_.clear();
  bool too_long = false;
  bool started = false;  // consumed at least one byte of this line
  for (;;) {
    if (begin_ == end_) {
      if (eof_) break;
      begin_ = 0;
      end_ = std::fread(chunk_.data(), 1, chunk_.size(), in_);
      if (end_ == 0) {
        if (std::ferror(in_)) return Result::kError;
        eof_ = true;
        break;
      }
    }
    const std::string_view available(chunk_.data() + begin_, end_ - begin_);
    const size_t newline = available.find('\n');
    const std::string_view piece = available.substr(0, newline);
    started = true;
    if (!too_long) {
      if (line_.size() + piece.size() > max_length_) {
        too_long = true;
        line_.clear();
      } else {
        line_.append(piece);
      }
    }
    if (newline != std::string_view::npos) {
      begin_ += newline + 1;
      ++line_number_;
      *line = line_;
      return too_long ? Result::kTooLong : Result::kLine;
    }
    begin_ = end_;
  }
  if (!started) return Result::kEnd;
  ++line_number_;  // a last line without '\n'
  *line = line_;
  return too_long ? Result::kTooLong : Result::kLine;
}

}  // namespace snmpdissect::cli
