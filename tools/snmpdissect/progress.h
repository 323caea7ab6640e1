// Progress while reading a large capture file: "snmpdissect: 120000 packets,
// 31.2 MB of 52.0 MB (60%)" rewritten in place on standard error, at most a
// few times a second, and erased at the end. Only when that stream is a
// terminal (a log file or a pipe gets nothing) and not with -q, so it never
// mixes with the output and scripts see none of it.
//
//   Progress progress(stderr, /*enabled=*/!quiet && isatty(2), file_size);
//   for (each packet) progress.Update(packets, capture.bytes_read());
//   progress.Finish();

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_PROGRESS_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>

namespace snmpdissect::cli {

class Progress {
 public:
  // `total_bytes` <= 0: unknown (no percentage).
  Progress(std::FILE* err, bool enabled, int64_t total_bytes)
      : err_(err), enabled_(enabled), total_bytes_(total_bytes) {}
  ~Progress() { Finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Cheap when called per packet: the clock is read every kCheckEvery calls.
  void Update(uint64_t packets, int64_t bytes) {
    if (!enabled_ || ++calls_ % kCheckEvery != 0) return;
    Show(packets, bytes);
  }
  // Erases the line (call before printing anything else on err).
  void Finish();

 private:
  static constexpr uint64_t kCheckEvery = 1024;
  static constexpr std::chrono::milliseconds kInterval{250};

  void Show(uint64_t packets, int64_t bytes);

  std::FILE* err_;
  bool enabled_;
  int64_t total_bytes_;
  uint64_t calls_ = 0;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_PROGRESS_H_
