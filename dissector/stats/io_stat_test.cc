#include "dissector/stats/io_stat.h"

#include <memory>
#include <string>
#include <vector>

#include "dissector/stats/stats_testing.h"
#include "gtest/gtest.h"

namespace snmpdissect::stats {
namespace {

std::string IoText(int64_t interval_ns, const std::vector<std::string>& texts) {
  std::vector<std::unique_ptr<filter::DisplayFilter>> filters;
  std::vector<IoStat::Column> columns;
  for (const std::string& text : texts) {
    filter::FilterError error;
    if (!text.empty()) {
      filters.push_back(filter::DisplayFilter::Compile(text, &error));
      EXPECT_NE(filters.back(), nullptr) << error.message;
    }
    columns.push_back({text, text.empty() ? nullptr : filters.back().get()});
  }
  IoStat io(interval_ns, columns);
  testing::ForEachFrame("v1-v2c.pcap", [&](const pipeline::FrameInput& in, const tree::Tree& tree,
                                           const pipeline::FrameResult&) {
    io.AddFrame(tree, in.timestamp_ns, in.original_length);
  });
  std::string out;
  io.AppendText(&out);
  return out;
}

// tshark 4.0.17 -q -r corpus/pcap/v1-v2c.pcap -z io,stat,..., verbatim.
TEST(IoStatTest, MatchesTshark) {
  EXPECT_EQ(IoText(50000000, {"snmp", "snmp.version==0"}),
            "\n"
            "==================================================\n"
            "| IO Statistics                                  |\n"
            "|                                                |\n"
            "| Duration: 0.62 secs                            |\n"
            "| Interval: 0.05 secs                            |\n"
            "|                                                |\n"
            "| Col 1: snmp                                    |\n"
            "|     2: snmp.version==0                         |\n"
            "|------------------------------------------------|\n"
            "|              |1               |2               |\n"
            "| Interval     | Frames | Bytes | Frames | Bytes |\n"
            "|------------------------------------------------|\n"
            "| 0.00 <> 0.05 |    100 |  9602 |    100 |  9602 |\n"
            "| 0.05 <> 0.10 |      5 |   811 |      5 |   811 |\n"
            "| 0.10 <> 0.15 |      0 |     0 |      0 |     0 |\n"
            "| 0.15 <> 0.20 |      0 |     0 |      0 |     0 |\n"
            "| 0.20 <> 0.25 |      0 |     0 |      0 |     0 |\n"
            "| 0.25 <> 0.30 |      1 |    85 |      1 |    85 |\n"
            "| 0.30 <> 0.35 |     66 |  6994 |      6 |   512 |\n"
            "| 0.35 <> 0.40 |     48 |  6660 |      0 |     0 |\n"
            "| 0.40 <> 0.45 |      3 |   393 |      0 |     0 |\n"
            "| 0.45 <> 0.50 |      0 |     0 |      0 |     0 |\n"
            "| 0.50 <> 0.55 |      0 |     0 |      0 |     0 |\n"
            "| 0.55 <> 0.60 |      5 |   484 |      0 |     0 |\n"
            "| 0.60 <> 0.62 |      6 |  1174 |      0 |     0 |\n"
            "==================================================\n");
  EXPECT_EQ(IoText(0, {""}),
            "\n"
            "===================================\n"
            "| IO Statistics                   |\n"
            "|                                 |\n"
            "| Duration: 0.624 secs            |\n"
            "| Interval: 0.624 secs            |\n"
            "|                                 |\n"
            "| Col 1: Frames and bytes         |\n"
            "|---------------------------------|\n"
            "|                |1               |\n"
            "| Interval       | Frames | Bytes |\n"
            "|---------------------------------|\n"
            "| 0.000 <> 0.624 |    234 | 26203 |\n"
            "===================================\n");
}

TEST(IoStatTest, Json) {
  IoStat io(50000000, {{"", nullptr}, {"udp", nullptr}});
  tree::Tree tree;
  io.AddFrame(tree, 1000000000, 60);
  io.AddFrame(tree, 1070000000, 100);
  std::string json;
  io.AppendJson(&json);
  EXPECT_EQ(json,
            "{\"statistic\":\"io,stat\",\"interval\":0.050000000,\"duration\":0.070000000,"
            "\"columns\":[\"\",\"udp\"],\"rows\":["
            "{\"start\":0.000000000,\"end\":0.050000000,\"frames\":[1,1],\"bytes\":[60,60]},"
            "{\"start\":0.050000000,\"end\":0.070000000,\"frames\":[1,1],\"bytes\":[100,100]}],"
            "\"frames_left_out\":0}");
}

TEST(IoStatTest, HostileTimestampsStayBounded) {
  IoStat io(1000, {{"", nullptr}});
  tree::Tree tree;
  io.AddFrame(tree, 0, 60);
  io.AddFrame(tree, INT64_MAX, 60);   // ~292 years later: past the cap
  io.AddFrame(tree, INT64_MIN, 60);   // before the first: the first interval
  EXPECT_EQ(io.intervals(), 1u);
  EXPECT_EQ(io.frames_left_out(), 1u);
  EXPECT_EQ(io.cell(0, 0).frames, 2u);
  // The cap is on cells: 64 columns leave kMaxCells / 64 intervals.
  std::vector<IoStat::Column> wide(64, {"", nullptr});
  IoStat many(1000, wide);
  many.AddFrame(tree, 0, 60);
  many.AddFrame(tree, static_cast<int64_t>(kMaxCells / 64) * 1000, 60);  // just past
  many.AddFrame(tree, static_cast<int64_t>(kMaxCells / 64 - 1) * 1000, 60);  // the last
  EXPECT_EQ(many.frames_left_out(), 1u);
  EXPECT_EQ(many.intervals(), kMaxCells / 64);
}

}  // namespace
}  // namespace snmpdissect::stats
