#include "dissector/time_arithmetic.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace snmpdissect::time {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

TEST(TimeArithmeticTest, SubtractionSaturates) {
  EXPECT_EQ(SaturatingSub(5, 3), 2);
  EXPECT_EQ(SaturatingSub(3, 5), -2);
  EXPECT_EQ(SaturatingSub(kMax, -1), kMax);
  EXPECT_EQ(SaturatingSub(kMin, kMax), kMin);
  EXPECT_EQ(SaturatingSub(kMax, kMin), kMax);
  EXPECT_EQ(SaturatingSub(kMin, 1), kMin);
}

TEST(TimeArithmeticTest, SecondsToNanosecondsSaturates) {
  EXPECT_EQ(SaturatingNs(1, 5), 1'000'000'005);
  EXPECT_EQ(SaturatingNs(-1, 0), -1'000'000'000);
  EXPECT_EQ(SaturatingNs(6917536518653, 0), kMax);  // the fuzzer's pcapng
  EXPECT_EQ(SaturatingNs(-6917536518653, 0), kMin);
  EXPECT_EQ(SaturatingNs(kMax / 1'000'000'000, 999'999'999), kMax);
}

}  // namespace
}  // namespace snmpdissect::time
