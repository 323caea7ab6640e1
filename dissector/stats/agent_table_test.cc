#include "dissector/stats/agent_table.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace snmpdissect::stats {
namespace {

PairKey Key(uint32_t manager, uint32_t agent, uint16_t port = 161) {
  PairKey k;
  k.ip_version = 4;
  k.port = port;
  for (int i = 0; i < 4; ++i) {
    k.manager[i] = static_cast<uint8_t>(manager >> (24 - 8 * i));
    k.agent[i] = static_cast<uint8_t>(agent >> (24 - 8 * i));
  }
  return k;
}

TEST(BoundedNamesTest, KeepsDistinctNamesAndCountsTheRest) {
  BoundedNames<2, 8> names;
  names.Add("public");
  names.Add("public");
  names.Add("");
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(names.text(0), "public");
  EXPECT_EQ(names.text(1), "");
  names.Add("private");
  names.Add("private");
  names.Add("public");  // kept already: not counted
  EXPECT_EQ(names.size(), 2u);
  EXPECT_EQ(names.not_kept(), 2u);
}

TEST(BoundedNamesTest, CutsHugeNamesAtACharacterBoundary) {
  BoundedNames<4, 64> names;
  const std::string huge(100000, 'c');
  names.Add(huge);
  EXPECT_EQ(names.text(0), std::string(64, 'c'));
  EXPECT_TRUE(names.truncated(0));
  // Same first 64 octets: the same kept name.
  names.Add(huge + "d");
  EXPECT_EQ(names.size(), 1u);
  // 63 ASCII octets then a two-octet character: cut before it, not inside.
  names.Add(std::string(63, 'a') + "\xc3\xa9" + "tail");
  EXPECT_EQ(names.text(1), std::string(63, 'a'));
  EXPECT_TRUE(names.truncated(1));
  names.Add(std::string(62, 'b') + "\xc3\xa9");  // exactly 64: whole
  EXPECT_EQ(names.text(2).size(), 64u);
  EXPECT_FALSE(names.truncated(2));
  // Nothing but continuation octets: cut to nothing rather than split.
  names.Add(std::string(70, '\x80'));
  EXPECT_EQ(names.text(3), "");
  EXPECT_TRUE(names.truncated(3));
}

TEST(AgentTableTest, TouchFindsOrMakesAPair) {
  AgentTable table;
  AgentPair& a = table.Touch(Key(1, 2), 100, 1);
  EXPECT_EQ(a.first_ns, 100);
  EXPECT_EQ(a.first_frame, 1u);
  AgentPair& again = table.Touch(Key(1, 2), 250, 7);
  EXPECT_EQ(&again, &a);
  EXPECT_EQ(again.first_ns, 100);
  EXPECT_EQ(again.last_ns, 250);
  EXPECT_EQ(again.first_frame, 1u);
  table.Touch(Key(1, 2, 162), 300, 8);  // another listening port: another pair
  EXPECT_EQ(table.size(), 2u);
  EXPECT_EQ(table.Find(Key(2, 1)), nullptr);
  EXPECT_EQ(table.Find(Key(1, 2)), &a);
}

TEST(AgentTableTest, EvictsTheLeastRecentlySeen) {
  AgentTable table(3);
  table.Touch(Key(1, 9), 1, 1).messages = 5;
  table.Touch(Key(2, 9), 2, 2).messages = 7;
  table.Touch(Key(3, 9), 3, 3);
  table.Touch(Key(1, 9), 4, 4);  // 2 is now the least recent
  const AgentTable::Handle old = table.HandleOf(*table.Find(Key(2, 9)));
  table.Touch(Key(4, 9), 5, 5);
  EXPECT_EQ(table.size(), 3u);
  EXPECT_EQ(table.Find(Key(2, 9)), nullptr);
  EXPECT_NE(table.Find(Key(1, 9)), nullptr);
  EXPECT_EQ(table.evicted_pairs(), 1u);
  EXPECT_EQ(table.evicted_messages(), 7u);
  // The evicted pair's record now holds another: its handle is stale.
  EXPECT_EQ(table.Touch(old, 6), nullptr);
  // The new record starts afresh.
  EXPECT_EQ(table.Find(Key(4, 9))->messages, 0u);
  std::vector<uint64_t> frames;
  table.ForEach([&](const AgentPair& p) { frames.push_back(p.first_frame); });
  EXPECT_EQ(frames, (std::vector<uint64_t>{1, 3, 5}));
}

// A flood of spoofed addresses: thousands of pairs past the cap leave the
// table at its cap, holding the most recent, with every eviction counted.
TEST(AgentTableTest, ThousandsOfPairsPastTheCap) {
  AgentTable table;
  constexpr uint32_t kPairs = 20000;
  for (uint32_t i = 0; i < kPairs; ++i) {
    AgentPair& p = table.Touch(Key(0x0a000000 + i, 0x0a0000ff), i, i + 1);
    ++p.messages;
    // A pair seen again keeps its record however many come between.
    ++table.Touch(Key(0x0a000000, 0x0a0000ff), i, i + 1).messages;
  }
  EXPECT_EQ(table.size(), kMaxAgentPairs);
  EXPECT_EQ(table.evicted_pairs(), kPairs - kMaxAgentPairs);
  // The first pair stayed (touched every time): 20000 + 1 messages. Each
  // evicted pair had one.
  EXPECT_EQ(table.Find(Key(0x0a000000, 0x0a0000ff))->messages, kPairs + 1);
  EXPECT_EQ(table.evicted_messages(), kPairs - kMaxAgentPairs);
  size_t held = 0;
  uint64_t lowest_new = UINT64_MAX;
  table.ForEach([&](const AgentPair& p) {
    ++held;
    if (p.first_frame != 1) lowest_new = std::min(lowest_new, p.first_frame);
  });
  EXPECT_EQ(held, kMaxAgentPairs);
  EXPECT_EQ(lowest_new, kPairs - kMaxAgentPairs + 2);  // the newest 4095 besides
}

TEST(AgentPairTest, CountsReportsByCounter) {
  AgentPair p;
  const char* const a = "usmStatsUnknownEngineIDs";
  const char* const b = "usmStatsWrongDigests";
  p.CountReport(a);
  p.CountReport(b);
  p.CountReport(a);
  p.CountReport(nullptr);
  ASSERT_EQ(p.report_slots_used, 3);
  EXPECT_EQ(p.report_counts[0], 2u);
  EXPECT_EQ(p.report_counts[1], 1u);
  EXPECT_EQ(p.report_counters[2], nullptr);
}

}  // namespace
}  // namespace snmpdissect::stats
