#include "tools/snmpdissect/progress.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "gtest/gtest.h"

namespace snmpdissect::cli {
namespace {

std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string text;
  for (int c; (c = std::fgetc(f)) != EOF;) text.push_back(static_cast<char>(c));
  return text;
}

// Calls Update often enough for it to read the clock.
void UpdateMany(Progress& progress, uint64_t packets, int64_t bytes) {
  for (int i = 0; i < 1024; ++i) progress.Update(packets, bytes);
}

TEST(ProgressTest, RedrawsOneLineInPlaceThenErasesIt) {
  std::FILE* err = std::tmpfile();
  {
    Progress progress(err, /*enabled=*/true, /*total_bytes=*/52'000'000);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    UpdateMany(progress, 120000, 31'200'000);
    EXPECT_EQ(Contents(err),
              "\rsnmpdissect: 120000 packets, 31.2 MB of 52.0 MB (60%)\33[K");
    // Within the interval nothing more is drawn.
    UpdateMany(progress, 130000, 33'000'000);
    EXPECT_EQ(Contents(err).size(), 57u);
    progress.Finish();
    EXPECT_EQ(Contents(err).substr(57), "\r\33[K");
  }
  std::fclose(err);
}

TEST(ProgressTest, UnknownSizeAndDisabled) {
  std::FILE* err = std::tmpfile();
  {
    Progress progress(err, /*enabled=*/true, /*total_bytes=*/-1);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    UpdateMany(progress, 5, 2'500'000);
  }
  EXPECT_EQ(Contents(err), "\rsnmpdissect: 5 packets, 2.5 MB\33[K\r\33[K");
  std::fclose(err);

  err = std::tmpfile();
  {
    Progress progress(err, /*enabled=*/false, 100);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    UpdateMany(progress, 5, 50);
  }
  EXPECT_EQ(Contents(err), "");  // -q, or stderr not a terminal
  std::fclose(err);
}

}  // namespace
}  // namespace snmpdissect::cli
