#include "dissector/mib/core_table.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "dissector/mib/display.h"
#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

std::string Name(std::initializer_list<uint32_t> arcs) {
  const Table& table = CoreTable();
  const absl::Span<const uint32_t> span(arcs.begin(), arcs.size());
  std::string s;
  if (!AppendOidName(table, span, table.Lookup(span), true, &s)) return "<none>";
  return s;
}

TEST(CoreTableTest, NamesTheStandardGroups) {
  EXPECT_EQ(Name({1, 3, 6, 1, 2, 1, 1, 1, 0}), "SNMPv2-MIB::sysDescr.0");
  EXPECT_EQ(Name({1, 3, 6, 1, 2, 1, 1, 9, 1, 2, 1}), "SNMPv2-MIB::sysORID.1");
  EXPECT_EQ(Name({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1}), "IF-MIB::ifOperStatus.1");
  EXPECT_EQ(Name({1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1, 1}), "IF-MIB::ifName.1");
  EXPECT_EQ(Name({1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0}), "SNMPv2-MIB::snmpTrapOID.0");
  EXPECT_EQ(Name({1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0}), "SNMP-USER-BASED-SM-MIB::usmStatsUnknownEngineIDs.0");
  // A net-snmp agent's sysObjectID (NET-SNMP-TC names it linux; pysnmp has
  // NET-SNMP-MIB but not NET-SNMP-TC).
  EXPECT_EQ(Name({1, 3, 6, 1, 4, 1, 8072, 3, 2, 10}), "NET-SNMP-MIB::netSnmpAgentOIDs.10");
  EXPECT_EQ(Name({1, 3, 6, 1, 4, 1, 99999}), "SNMPv2-SMI::enterprises.99999");
  EXPECT_EQ(Name({1, 3}), "SNMPv2-SMI::org");
  EXPECT_EQ(Name({5, 1}), "<none>");
  // Below an object type only instance arcs follow (DISMAN-EVENT-MIB's
  // sysUpTimeInstance is 1.3.6.1.2.1.1.3.0 too).
  EXPECT_EQ(Name({1, 3, 6, 1, 2, 1, 1, 3, 0}), "SNMPv2-MIB::sysUpTime.0");
}

TEST(CoreTableTest, TypesAndConventions) {
  const Table& table = CoreTable();
  const uint32_t up_time[] = {1, 3, 6, 1, 2, 1, 1, 3};
  EXPECT_EQ(table.object(table.Exact(up_time)).base, BaseType::kTimeTicks);
  const uint32_t phys[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 6};
  EXPECT_EQ(table.object(table.Exact(phys)).tc, "PhysAddress");
  EXPECT_EQ(table.object(table.Exact(phys)).hint, "1x:");
  EXPECT_GT(table.size(), 20000u);
}

// Every entry's INDEX objects are in the table (the generator and the
// pysnmp modules agree with each other).
TEST(CoreTableTest, EveryIndexResolves) {
  const Table& table = CoreTable();
  size_t entries = 0;
  for (uint32_t id = 0; id < table.size(); ++id) {
    const Object& o = table.object(id);
    if (o.kind != Kind::kEntry) continue;
    ++entries;
    for (const IndexPart& part : table.index(o)) {
      EXPECT_NE(part.object, kNoObject) << o.module << "::" << o.name;
    }
  }
  EXPECT_GT(entries, 1000u);
}

}  // namespace
}  // namespace snmpdissect::mib
