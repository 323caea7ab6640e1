#include "tools/snmpdissect/progress.h"

namespace snmpdissect::cli {

void Progress::Show(uint64_t packets, int64_t bytes) {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kInterval) return;
  last_ = now;
  shown_ = true;
  // "\r" and "\33[K" (erase to end of line) redraw the line in place.
  const double mb = static_cast<double>(bytes < 0 ? 0 : bytes) / 1e6;
  if (total_bytes_ > 0 && bytes >= 0) {
    const double percent = 100.0 * static_cast<double>(bytes) / static_cast<double>(total_bytes_);
    std::fprintf(err_, "\rsnmpdissect: %llu packets, %.1f MB of %.1f MB (%.0f%%)\33[K",
                 static_cast<unsigned long long>(packets), mb,
                 static_cast<double>(total_bytes_) / 1e6, percent > 100 ? 100.0 : percent);
  } else {
    std::fprintf(err_, "\rsnmpdissect: %llu packets, %.1f MB\33[K",
                 static_cast<unsigned long long>(packets), mb);
  }
  std::fflush(err_);
}

void Progress::Finish() {
  if (!shown_) return;
  shown_ = false;
  std::fputs("\r\33[K", err_);
  std::fflush(err_);
}

}  // namespace snmpdissect::cli
