#include "dissector/stats/stat_spec.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::stats {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(StatSpecTest, SnmpSrt) {
  absl::StatusOr<StatSpec> s = ParseStatSpec("snmp,srt");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->kind, StatSpec::Kind::kSnmpSrt);
  EXPECT_THAT(s->filters, ElementsAre(""));
  s = ParseStatSpec("snmp,srt,snmp.version == 1 && udp.port in {161, 162}");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(s->filters, ElementsAre("snmp.version == 1 && udp.port in {161, 162}"));
}

TEST(StatSpecTest, SnmpAgents) {
  absl::StatusOr<StatSpec> s = ParseStatSpec("snmp,agents");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->kind, StatSpec::Kind::kSnmpAgents);
  EXPECT_THAT(s->filters, ElementsAre(""));
  // The filter is the rest of the argument, commas included.
  s = ParseStatSpec("snmp,agents,udp.port in {161, 162}");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->kind, StatSpec::Kind::kSnmpAgents);
  EXPECT_THAT(s->filters, ElementsAre("udp.port in {161, 162}"));
  s = ParseStatSpec("snmp,agents,");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_THAT(s->filters, ElementsAre(""));
}

TEST(StatSpecTest, IoStat) {
  absl::StatusOr<StatSpec> s = ParseStatSpec("io,stat,0.05,snmp,,snmp.version==0");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->kind, StatSpec::Kind::kIoStat);
  EXPECT_EQ(s->interval_ns, 50000000);
  EXPECT_THAT(s->filters, ElementsAre("snmp", "", "snmp.version==0"));
  s = ParseStatSpec("io,stat,0");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->interval_ns, 0);
  EXPECT_THAT(s->filters, ElementsAre(""));
  s = ParseStatSpec("io,stat,12.000001");
  ASSERT_TRUE(s.ok()) << s.status();
  EXPECT_EQ(s->interval_ns, 12000001000);
}

TEST(StatSpecTest, RefusedWithTheReason) {
  EXPECT_THAT(ParseStatSpec("snmp,agent").status().message(), HasSubstr("unknown statistic"));
  EXPECT_THAT(ParseStatSpec("").status().message(), HasSubstr("unknown statistic"));
  for (const char* bad : {"snmp,agentsx", "snmp,agents;x", "snmp,srtx", "SNMP,agents"}) {
    EXPECT_THAT(ParseStatSpec(bad).status().message(), HasSubstr("snmp,agents[,FILTER]")) << bad;
  }
  EXPECT_THAT(ParseStatSpec("io,stat").status().message(), HasSubstr("needs an interval"));
  for (const char* bad : {"io,stat,", "io,stat,x", "io,stat,1.", "io,stat,.5", "io,stat,1.5.",
                          "io,stat,0.0000001", "io,stat,-1", "io,stat,1e3",
                          "io,stat,99999999999999999999", "io,stat,316224001"}) {
    EXPECT_THAT(ParseStatSpec(bad).status().message(), HasSubstr("interval")) << bad;
  }
  EXPECT_THAT(ParseStatSpec("io,stat,1,SUM(frame.len)frame.len").status().message(),
              HasSubstr("calculated columns"));
  EXPECT_THAT(ParseStatSpec("io,stat,1,snmp, COUNT(snmp.name)snmp").status().message(),
              HasSubstr("calculated columns"));
  std::string many = "io,stat,1";
  for (size_t i = 0; i <= kMaxIoColumns; ++i) many += ",snmp";
  EXPECT_THAT(ParseStatSpec(many).status().message(), HasSubstr("columns"));
}

}  // namespace
}  // namespace snmpdissect::stats
