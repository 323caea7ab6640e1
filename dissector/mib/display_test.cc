#include "dissector/mib/display.h"

#include <string>

#include "dissector/mib/core_table.h"
#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

const Object& Core(std::initializer_list<uint32_t> arcs) {
  const Table& table = CoreTable();
  const uint32_t id = table.Exact(absl::MakeConstSpan(arcs.begin(), arcs.size()));
  EXPECT_NE(id, kNoObject);
  return table.object(id);
}

std::string Integer(const Object& o, int64_t v) {
  std::string s;
  if (!AppendIntegerDisplay(CoreTable(), o, v, &s)) return "<none>";
  return s;
}

std::string Octets(const Object& o, std::string_view v) {
  std::string s;
  if (!AppendOctetsDisplay(CoreTable(), o, v, &s)) return "<none>";
  return s;
}

std::string Hinted(std::string_view hint, std::string_view v) {
  std::string s;
  if (!AppendHinted(hint, v, &s)) return "<bad>";
  return s;
}

TEST(DisplayTest, EnumerationsByName) {
  const Object& oper = Core({1, 3, 6, 1, 2, 1, 2, 2, 1, 8});  // IF-MIB::ifOperStatus
  EXPECT_EQ(Integer(oper, 1), "up(1)");
  EXPECT_EQ(Integer(oper, 2), "down(2)");
  EXPECT_EQ(Integer(oper, 99), "<none>");
  const Object& type = Core({1, 3, 6, 1, 2, 1, 2, 2, 1, 3});  // ifType: IANAifType
  EXPECT_EQ(Integer(type, 6), "ethernetCsmacd(6)");
  EXPECT_EQ(Integer(type, 24), "softwareLoopback(24)");
  // TruthValue and RowStatus (RFC 2579).
  EXPECT_EQ(Integer(Core({1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 16}), 1), "true(1)");  // ifPromiscuousMode
  EXPECT_EQ(Integer(Core({1, 3, 6, 1, 6, 3, 15, 1, 2, 2, 1, 13}), 1), "active(1)");  // usmUserStatus
}

TEST(DisplayTest, IntegerHints) {
  Object o;
  Table table;
  o.hint = "d-2";
  std::string s;
  ASSERT_TRUE(AppendIntegerDisplay(table, o, 1234, &s));
  EXPECT_EQ(s, "12.34");
  s.clear();
  ASSERT_TRUE(AppendIntegerDisplay(table, o, -5, &s));
  EXPECT_EQ(s, "-0.05");
  s.clear();
  ASSERT_TRUE(AppendIntegerDisplay(table, o, INT64_MIN, &s));
  EXPECT_EQ(s, "-92233720368547758.08");
  o.hint = "x";
  s.clear();
  ASSERT_TRUE(AppendIntegerDisplay(table, o, 255, &s));
  EXPECT_EQ(s, "ff");
  o.hint = "b";
  s.clear();
  ASSERT_TRUE(AppendIntegerDisplay(table, o, 5, &s));
  EXPECT_EQ(s, "101");
  o.hint = "o";
  s.clear();
  ASSERT_TRUE(AppendIntegerDisplay(table, o, 8, &s));
  EXPECT_EQ(s, "10");
  for (const char* bad : {"d", "d-", "d-x", "dd", "q", "x2", "d-99"}) {
    o.hint = bad;
    s.clear();
    EXPECT_FALSE(AppendIntegerDisplay(table, o, 1, &s)) << bad;
    EXPECT_EQ(s, "");
  }
}

TEST(DisplayTest, OctetStringHints) {
  // PhysAddress and MacAddress ("1x:"), DisplayString ("255a"),
  // SnmpAdminString ("255t"), DateAndTime, from the core table.
  EXPECT_EQ(Octets(Core({1, 3, 6, 1, 2, 1, 2, 2, 1, 6}), std::string("\x00\x1b\x21\x0a\x0b\xcc", 6)),
            "00:1b:21:0a:0b:cc");
  EXPECT_EQ(Octets(Core({1, 3, 6, 1, 2, 1, 1, 1}), "Linux"), "Linux");  // sysDescr
  const Object& date = Core({1, 3, 6, 1, 2, 1, 25, 1, 2});              // hrSystemDate
  EXPECT_EQ(date.tc, "DateAndTime");
  EXPECT_EQ(Octets(date, std::string("\x07\xea\x0c\x04\x10\x31\x35\x02+\x01\x1e", 11)),
            "2026-12-4,16:49:53.2,+1:30");
  EXPECT_EQ(Hinted("1d.1d.1d.1d", std::string("\x0a\x00\x00\x01", 4)), "10.0.0.1");
  EXPECT_EQ(Hinted("2x", "\x01\x02\x03"), "010203");  // the last spec repeats
  EXPECT_EQ(Hinted("1x:", ""), "");
  // '*': a repeat count octet, then a terminator (RFC 2579 section 3.1).
  EXPECT_EQ(Hinted("*1d./1d", "\x03\x01\x02\x03\x09"), "1.2.3/9");
  EXPECT_EQ(Hinted("1o", "\x08"), "10");
  for (const char* bad : {"x", "1q", "9x", "0x", "1"}) {
    EXPECT_EQ(Hinted(bad, "ab"), "<bad>") << bad;
  }
}

TEST(DisplayTest, BitsByName) {
  const Object& bits = Core({1, 3, 6, 1, 2, 1, 60, 1, 1, 1, 1, 5});  // acctngSelectionType
  ASSERT_EQ(bits.base, BaseType::kBits);
  EXPECT_EQ(Octets(bits, "\xa0"), "svcIncoming(0), svpIncoming(2)");
  EXPECT_EQ(Octets(bits, std::string("\x00\x01", 2)), "15");
  EXPECT_EQ(Octets(bits, std::string("\x00", 1)), "(none)");
}

TEST(DisplayTest, TimeTicks) {
  std::string s;
  AppendTimeTicks(123456, &s);
  EXPECT_EQ(s, "(123456) 0:20:34.56");
  s.clear();
  AppendTimeTicks(8640000, &s);
  EXPECT_EQ(s, "(8640000) 1 day, 0:00:00.00");
  s.clear();
  AppendTimeTicks(4294967295u, &s);
  EXPECT_EQ(s, "(4294967295) 497 days, 2:27:52.95");
}

TEST(DisplayTest, OidNames) {
  const Table& table = CoreTable();
  const uint32_t arcs[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1};
  std::string s;
  ASSERT_TRUE(AppendOidName(table, arcs, table.Lookup(arcs), true, &s));
  EXPECT_EQ(s, "IF-MIB::ifOperStatus.1");
  s.clear();
  ASSERT_TRUE(AppendOidName(table, arcs, table.Lookup(arcs), false, &s));
  EXPECT_EQ(s, "ifOperStatus.1");
  const uint32_t unknown[] = {5, 999};
  EXPECT_FALSE(AppendOidName(table, unknown, table.Lookup(unknown), true, &s));
}

}  // namespace
}  // namespace snmpdissect::mib
