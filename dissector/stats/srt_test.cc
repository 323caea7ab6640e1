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
            "\n"
            "===================================================================\n"
            "SNMP SRT Statistics:\n"
            "Filter: snmp.data\n"
            "Index  Procedure              Calls    Min SRT    Max SRT    Avg SRT    Sum SRT\n"
            "    0  Get                         6   0.000170   0.207117   0.058114   0.348684\n"
            "    1  GetNext                    91   0.000030   0.000891   0.000071   0.006420\n"
            "    3  Set                         8   0.000147   0.003442   0.000607   0.004859\n"
            "    5  Bulk                       12   0.000063   0.001058   0.000240   0.002874\n"
            "==================================================================\n");
  EXPECT_EQ(SrtText("v1-v2c.pcap", "snmp.version==1"),
            "\n"
            "===================================================================\n"
            "SNMP SRT Statistics:\n"
            "Filter: snmp.data\n"
            "Index  Procedure              Calls    Min SRT    Max SRT    Avg SRT    Sum SRT\n"
            "    0  Get                         3   0.000170   0.140694   0.047056   0.141169\n"
            "    1  GetNext                    41   0.000030   0.000297   0.000055   0.002235\n"
            "    3  Set                         5   0.000147   0.003442   0.000849   0.004243\n"
            "    5  Bulk                       12   0.000063   0.001058   0.000240   0.002874\n"
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
            "{\"index\":0,\"procedure\":\"Get\",\"calls\":6,\"min_srt\":0.000170,"
            "\"max_srt\":0.207117,\"avg_srt\":0.058114,\"sum_srt\":0.348684},"
            "{\"index\":1,\"procedure\":\"GetNext\",\"calls\":91,\"min_srt\":0.000030,"
            "\"max_srt\":0.000891,\"avg_srt\":0.000071,\"sum_srt\":0.006420},"
            "{\"index\":3,\"procedure\":\"Set\",\"calls\":8,\"min_srt\":0.000147,"
            "\"max_srt\":0.003442,\"avg_srt\":0.000607,\"sum_srt\":0.004859},"
            "{\"index\":5,\"procedure\":\"Bulk\",\"calls\":12,\"min_srt\":0.000063,"
            "\"max_srt\":0.001058,\"avg_srt\":0.000240,\"sum_srt\":0.002874}]}");
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
