#include "dissector/mib/table.h"

#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

uint32_t AddNamed(Table* table, std::initializer_list<uint32_t> arcs, std::string_view name,
                  Kind kind = Kind::kNode) {
  Object o;
  o.name = name;
  o.module = "M";
  o.kind = kind;
  return table->Add(absl::MakeConstSpan(arcs.begin(), arcs.size()), o, {}, {}, {});
}

TEST(TableTest, LookupFindsTheLongestNamedPrefix) {
  Table table;
  AddNamed(&table, {1, 3, 6, 1}, "internet");
  const uint32_t sys_descr = AddNamed(&table, {1, 3, 6, 1, 2, 1, 1, 1}, "sysDescr");
  const uint32_t query[] = {1, 3, 6, 1, 2, 1, 1, 1, 0};
  Match m = table.Lookup(query);
  EXPECT_EQ(m.object, sys_descr);
  EXPECT_EQ(m.matched, 8u);
  // 1.3.6.1.2 exists as an unnamed trie node: internet is the answer.
  const uint32_t mgmt[] = {1, 3, 6, 1, 2, 7};
  m = table.Lookup(mgmt);
  EXPECT_EQ(table.object(m.object).name, "internet");
  EXPECT_EQ(m.matched, 4u);
  const uint32_t other[] = {2, 5};
  EXPECT_EQ(table.Lookup(other).object, kNoObject);
  EXPECT_EQ(table.Lookup({}).object, kNoObject);
  // Exact wants the whole OID named.
  EXPECT_EQ(table.Exact(query), kNoObject);
  const uint32_t unnamed[] = {1, 3, 6, 1, 2};
  EXPECT_EQ(table.Exact(unnamed), kNoObject);
}

TEST(TableTest, NothingBelowAnObjectTypeIsAName) {
  Table table;
  const uint32_t up_time = AddNamed(&table, {1, 3, 6, 1, 2, 1, 1, 3}, "sysUpTime", Kind::kScalar);
  AddNamed(&table, {1, 3, 6, 1, 2, 1, 1, 3, 0}, "sysUpTimeInstance");
  const uint32_t query[] = {1, 3, 6, 1, 2, 1, 1, 3, 0};
  EXPECT_EQ(table.Lookup(query).object, up_time);
  EXPECT_EQ(table.Lookup(query).matched, 8u);
  EXPECT_NE(table.Exact(query), kNoObject);  // still there, by exact OID
}

TEST(TableTest, ArcsAndDepthComeBackFromTheTrie) {
  Table table;
  const uint32_t id = AddNamed(&table, {1, 3, 6, 1, 4, 1, 8072}, "netSnmp");
  uint32_t arcs[16];
  ASSERT_EQ(table.Arcs(id, arcs, 16), 7u);
  EXPECT_EQ(arcs[6], 8072u);
  EXPECT_EQ(arcs[0], 1u);
  EXPECT_EQ(table.Depth(id), 7u);
}

TEST(TableTest, ACursorGivesTheSameAnswersAsAFullWalk) {
  // Every sequence of three of a set of OIDs through one cursor: the
  // shared prefix is reused, the rest probed, and every answer is the one a
  // walk from the root gives. The set has prefixes of each other, OIDs that
  // leave the trie at every depth, a scalar's instance (nothing below it
  // counts), the empty OID and OIDs past the cursor's 128 arcs.
  Table table;
  AddNamed(&table, {1, 3, 6, 1}, "internet");
  AddNamed(&table, {1, 3, 6, 1, 2, 1, 1, 3}, "sysUpTime", Kind::kScalar);
  AddNamed(&table, {1, 3, 6, 1, 2, 1, 1, 3, 0}, "sysUpTimeInstance");
  AddNamed(&table, {1, 3, 6, 1, 2, 1, 2, 2, 1}, "ifEntry", Kind::kEntry);
  AddNamed(&table, {1, 3, 6, 1, 2, 1, 2, 2, 1, 8}, "ifOperStatus", Kind::kColumn);
  AddNamed(&table, {1, 3, 6, 1, 4, 1, 8072}, "netSnmp");
  std::vector<uint32_t> deep(130, 7);
  deep[0] = 1;
  deep[1] = 3;
  std::vector<uint32_t> long_named;
  for (uint32_t i = 0; i < 140; ++i) long_named.push_back(i < 3 ? 1 : 5);
  AddNamed(&table, {1, 1, 1}, "one");
  {
    Object o;
    o.name = "deepest";
    o.module = "M";
    table.Add(long_named, o, {}, {}, {});
  }
  std::vector<uint32_t> long_past = long_named;
  long_past.push_back(9);
  const std::vector<std::vector<uint32_t>> oids = {
      {},
      {1},
      {1, 3, 6, 1},
      {1, 3, 6, 1, 2, 1, 1, 3, 0},
      {1, 3, 6, 1, 2, 1, 1, 3},
      {1, 3, 6, 1, 2, 1, 1, 4, 0},
      {1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1},
      {1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 2},
      {1, 3, 6, 1, 2, 1, 2, 2, 1, 9, 2},
      {1, 3, 6, 1, 2, 1, 2, 2},
      {1, 3, 6, 1, 4, 1, 8072, 3, 2, 10},
      {1, 3, 6, 1, 4, 1, 8072},
      // After ifOperStatus.1 then netSnmp, arcs that repeat ifOperStatus.1's
      // after the point where the two parted: no node of the first may be
      // reused.
      {1, 3, 6, 1, 4, 1, 8072, 2, 1, 8, 1},
      {1, 3, 6, 2},
      {2, 999, 1},
      deep,
      long_named,
      long_past,
  };
  LookupCursor cursor;
  for (const auto& a : oids) {
    for (const auto& b : oids) {
      for (const auto& c : oids) {
        for (const auto* oid : {&a, &b, &c}) {
          const Match want = table.Lookup(*oid);
          const Match got = table.Lookup(*oid, &cursor);
          ASSERT_EQ(got.object, want.object);
          ASSERT_EQ(got.matched, want.matched);
        }
      }
    }
  }
  EXPECT_EQ(table.object(table.Lookup(long_past, &cursor).object).name, "deepest");
  // A cursor that walked another table is reset before use on this one.
  Table other;
  AddNamed(&other, {1, 3, 6, 1, 2, 1, 1, 3}, "elsewhere", Kind::kScalar);
  LookupCursor walked;
  const uint32_t up_time[] = {1, 3, 6, 1, 2, 1, 1, 3, 0};
  (void)other.Lookup(up_time, &walked);
  walked.Reset();
  EXPECT_EQ(table.object(table.Lookup(up_time, &walked).object).name, "sysUpTime");
}

TEST(TableTest, EntryOfNeedsAnEntryParent) {
  Table table;
  const uint32_t entry = AddNamed(&table, {1, 2, 1}, "fooEntry", Kind::kEntry);
  const uint32_t column = AddNamed(&table, {1, 2, 1, 3}, "fooColumn", Kind::kColumn);
  const uint32_t scalar = AddNamed(&table, {1, 4, 1}, "bar", Kind::kScalar);
  EXPECT_EQ(table.EntryOf(column), entry);
  EXPECT_EQ(table.EntryOf(scalar), kNoObject);
}

}  // namespace
}  // namespace snmpdissect::mib
