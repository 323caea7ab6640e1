#include "codec/snmp/report.h"

#include <string>
#include <vector>

#include "codec/ber/oid.h"
#include "gtest/gtest.h"

namespace snmpdissect::snmp {
namespace {

// The counter for `arcs`, or "" when there is none. `storage` keeps the
// encoded OID alive for the view.
std::string CounterName(std::vector<uint32_t> arcs) {
  std::string content;
  if (!ber::AppendOidContent(arcs, &content)) return "unencodable";
  ber::OidView oid;
  const ber::Bytes bytes(reinterpret_cast<const uint8_t*>(content.data()), content.size());
  if (!ber::ValidateOid(bytes, 0, &oid).ok()) return "invalid";
  const ReportCounter* counter = FindReportCounter(oid);
  return counter == nullptr ? "" : counter->name;
}

TEST(ReportTest, NamesEveryCounterAgentsReport) {
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 1, 0}), "usmStatsUnsupportedSecLevels");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 2, 0}), "usmStatsNotInTimeWindows");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 3, 0}), "usmStatsUnknownUserNames");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0}), "usmStatsUnknownEngineIDs");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 5, 0}), "usmStatsWrongDigests");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 6, 0}), "usmStatsDecryptionErrors");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 11, 2, 1, 1, 0}), "snmpUnknownSecurityModels");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 11, 2, 1, 2, 0}), "snmpInvalidMsgs");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 11, 2, 1, 3, 0}), "snmpUnknownPDUHandlers");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 12, 1, 4, 0}), "snmpUnavailableContexts");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 12, 1, 5, 0}), "snmpUnknownContexts");
  // The object without its instance, as some agents send.
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 4}), "usmStatsUnknownEngineIDs");
}

TEST(ReportTest, OtherOidsAreNotCounters) {
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 7, 0}), "");  // no such counter
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 1}), "");  // not the .0 instance
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0, 0}), "");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1}), "");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 2, 1, 1, 3, 0}), "");
  EXPECT_EQ(CounterName({1, 3}), "");
  std::vector<uint32_t> long_oid(128, 1);
  long_oid[0] = 1;
  long_oid[1] = 3;
  EXPECT_EQ(CounterName(long_oid), "");
  EXPECT_EQ(FindReportCounter(ber::OidView{}), nullptr);
}

TEST(ReportTest, ComparesWholeArcs) {
  // Arcs of more than one octet never match a counter's one-octet arcs.
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 4, 128}), "");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15, 1, 1, 4 + 128}), "");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3, 15 + 128, 1, 1, 4, 0}), "");
  EXPECT_EQ(CounterName({1, 3, 6, 1, 6, 3}), "");
  EXPECT_EQ(CounterName({2, 3, 6, 1, 6, 3, 15, 1, 1, 4, 0}), "");
}

TEST(ReportTest, RawInvalidOidIsNoCounter) {
  // usmStatsUnknownEngineIDs.0 with a padded arc (X.690 8.19.2): the decoder
  // keeps such an OID raw, with arc_count 0.
  const uint8_t padded[] = {0x2b, 6, 1, 6, 3, 15, 1, 1, 0x80, 4, 0};
  EXPECT_EQ(FindReportCounter(ber::OidView{ber::Bytes(padded, sizeof(padded)), 0}), nullptr);
}

}  // namespace
}  // namespace snmpdissect::snmp
