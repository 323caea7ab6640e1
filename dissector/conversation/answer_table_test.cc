#include "dissector/conversation/answer_table.h"

#include "gtest/gtest.h"

namespace snmpdissect::conversation {
namespace {

TEST(AnswerTableTest, FindsAnswersAfterFreezeOnly) {
  AnswerTable t(100);
  t.Add({.frame = 5, .index = 0}, 9);
  t.Add({.frame = 1, .index = 0}, 2);
  t.Add({.frame = 5, .index = 1}, 7);
  EXPECT_EQ(t.Find({.frame = 1, .index = 0}), 0u);  // not frozen yet
  t.Freeze();
  EXPECT_EQ(t.Find({.frame = 1, .index = 0}), 2u);
  EXPECT_EQ(t.Find({.frame = 5, .index = 0}), 9u);
  EXPECT_EQ(t.Find({.frame = 5, .index = 1}), 7u);
  EXPECT_EQ(t.Find({.frame = 5, .index = 2}), 0u);
  EXPECT_EQ(t.Find({.frame = 3, .index = 0}), 0u);
  t.Add({.frame = 3, .index = 0}, 4);  // frozen: ignored
  EXPECT_EQ(t.Find({.frame = 3, .index = 0}), 0u);
  EXPECT_FALSE(t.overflowed());
}

TEST(AnswerTableTest, CapDropsAndSaysSo) {
  AnswerTable t(3);
  for (uint64_t f = 1; f <= 10; ++f) t.Add({.frame = f, .index = 0}, f + 100);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_TRUE(t.overflowed());
  EXPECT_EQ(t.dropped(), 7u);
  t.Freeze();
  EXPECT_EQ(t.Find({.frame = 3, .index = 0}), 103u);
  EXPECT_EQ(t.Find({.frame = 4, .index = 0}), 0u);
  t.Clear();
  EXPECT_FALSE(t.overflowed());
  EXPECT_FALSE(t.frozen());
  EXPECT_EQ(t.size(), 0u);
}

TEST(AnswerTableTest, IndexBeyondTheKeyIsDropped) {
  AnswerTable t(10);
  t.Add({.frame = 1, .index = AnswerTable::kMaxIndex}, 2);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_TRUE(t.overflowed());
}

}  // namespace
}  // namespace snmpdissect::conversation
