#include "dissector/stats/srt.h"

#include <memory>
#include <string>
#include <vector>

#include "dissector/stats/stats_testing.h"
#include "gtest/gtest.h"

namespace snmpdissect::stats {
namespace {

std::string SrtText(const std::string& capture, const char* filter_text) {
  std::unique_ptr<filter::DisplayFilter> filter;
  if (filter_text != nullptr) {
    filter::FilterError error;
    filter = filter::DisplayFilter::Compile(filter_text, &error);
    EXPECT_NE(filter, nullptr) << error.message;
  }
  SnmpSrt srt(filter.get());
  testing::ForEachFrame(capture, [&](const pipeline::FrameInput& in, const tree::Tree& tree,
                                     const pipeline::FrameResult& result) {
    srt.AddFrame(tree, result, in.number);
  });
  std::string out;
  srt.AppendText(&out);
  return out;
}

// tshark 4.0.17 -q -r corpus/pcap/v1-v2c.pcap -z snmp,srt[,FILTER], verbatim.
TEST(SnmpSrtTest, MatchesTshark) {
  EXPECT_EQ(SrtText("v1-v2c.pcap", nullptr),
            "\n===================================================================\n"
            "SNMP SRT Statistics:\n"
            "Filter: snmp.data\n"
            "Index  Procedure              Calls    Min SRT    Max SRT    Avg SRT    Sum SRT\n"
            "    0  Get                         4   0.000205   0.003261   0.001718   0.006873\n"
            "    1  GetNext                    87   0.000046   0.000950   0.000086   0.007490\n"
            "    3  Set                         8   0.000170   0.000224   0.000195   0.001558\n"
            "    5  Bulk                        6   0.000093   0.000651   0.000334   0.002002\n"
            "==================================================================\n");
  EXPECT_EQ(SrtText("v1-v2c.pcap", "snmp.version==1"),
            "\n===================================================================\n"
            "SNMP SRT Statistics:\n"
            "Filter: snmp.data\n"
            "Index  Procedure              Calls    Min SRT    Max SRT    Avg SRT    Sum SRT\n"
            "    0  Get                         2   0.000343   0.003261   0.001802   0.003604\n"
            "    1  GetNext                    41   0.000056   0.000236   0.000079   0.003233\n"
            "    3  Set                         5   0.000176   0.000224   0.000202   0.001008\n"
            "    5  Bulk                        6   0.000093   0.000651   0.000334   0.002002\n"
            "==================================================================\n");
}

TEST(SnmpSrtTest, JsonHasTheTextTablesRows) {
  SnmpSrt srt(nullptr);
  testing::ForEachFrame("v1-v2c.pcap", [&](const pipeline::FrameInput& in, const tree::Tree& tree,
                                           const pipeline::FrameResult& result) {
    srt.AddFrame(tree, result, in.number);
  });
  std::string json;
  srt.AppendJson(&json);
  EXPECT_EQ(json,
            "{\"statistic\":\"snmp,srt\",\"rows\":["
            "{\"index\":0,\"procedure\":\"Get\",\"calls\":4,\"min_srt\":0.000205,"
            "\"max_srt\":0.003261,\"avg_srt\":0.001718,\"sum_srt\":0.006873},"
            "{\"index\":1,\"procedure\":\"GetNext\",\"calls\":87,\"min_srt\":0.000046,"
            "\"max_srt\":0.000950,\"avg_srt\":0.000086,\"sum_srt\":0.007490},"
            "{\"index\":3,\"procedure\":\"Set\",\"calls\":8,\"min_srt\":0.000170,"
            "\"max_srt\":0.000224,\"avg_srt\":0.000195,\"sum_srt\":0.001558},"
            "{\"index\":5,\"procedure\":\"Bulk\",\"calls\":6,\"min_srt\":0.000093,"
            "\"max_srt\":0.000651,\"avg_srt\":0.000334,\"sum_srt\":0.002002}]}");
}

// traps-informs.pcap: SNMPv3 informs, each after an engine discovery (an
// empty get-request answered by a Report). tshark counts 28 Informs: it
// cannot decrypt 5 (AES-192/256 with short hashes) and never pairs Reports.
TEST(SnmpSrtTest, ReportsCountUnderTheirRequest) {
  const auto calls = [](const char* filter_text) {
    std::unique_ptr<filter::DisplayFilter> filter;
    if (filter_text != nullptr) {
      filter::FilterError error;
      filter = filter::DisplayFilter::Compile(filter_text, &error);
      EXPECT_NE(filter, nullptr) << error.message;
    }
    SnmpSrt srt(filter.get());
    testing::ForEachFrame("traps-informs.pcap",
                          [&](const pipeline::FrameInput& in, const tree::Tree& tree,
                              const pipeline::FrameResult& result) {
                            srt.AddFrame(tree, result, in.number);
                          });
    std::vector<uint64_t> out;
    for (const SnmpSrt::Row& row : srt.rows()) out.push_back(row.calls);
    return out;
  };
  EXPECT_EQ(calls(nullptr), (std::vector<uint64_t>{32, 0, 0, 0, 0, 0, 33, 0, 0}));
  EXPECT_EQ(calls("!snmp.report_element"), (std::vector<uint64_t>{0, 0, 0, 0, 0, 0, 33, 0, 0}));
}

}  // namespace
}  // namespace snmpdissect::stats
