#include "dissector/mib/table.h"

#include <string_view>

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
