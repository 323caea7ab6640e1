// -z snmp,agents allocates nothing per frame: over every corpus capture
// (records made, names kept, Reports counted, answers paired) and over a
// flood of new pairs past a small cap (records evicted and reused), the
// heap allocations made inside SnmpAgents::AddFrame are zero. Only
// AddFrame is counted: the pipeline's own allocations are its tests'.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <memory>
#include <string>

#include "codec/snmp/testing/allocation_counter.h"
#include "codec/snmp/testing/capture_messages.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/stats/agents.h"
#include "dissector/stats/stats_testing.h"
#include "gtest/gtest.h"

namespace snmpdissect::stats {
namespace {

TEST(AgentsAllocTest, AddFrameDoesNotAllocate) {
  filter::FilterError error;
  std::unique_ptr<filter::DisplayFilter> filter =
      filter::DisplayFilter::Compile("snmp", &error);
  ASSERT_NE(filter, nullptr) << error.message;
  SnmpAgents agents(nullptr, "");
  SnmpAgents filtered(filter.get(), "snmp");
  long allocations = 0;
  size_t frames = 0;
  for (const std::string& path : snmp::testing::CorpusCaptures()) {
    const std::string name = path.substr(path.rfind('/') + 1);
    testing::ForEachFrame(name, [&](const pipeline::FrameInput& in, const tree::Tree& tree,
                                    const pipeline::FrameResult& result) {
      if (frames++ == 0) filtered.AddFrame(in, tree, result);  // PCRE2-free, but warm anyway
      const long before = snmpdissect::testing::AllocationCount();
      agents.AddFrame(in, tree, result);
      filtered.AddFrame(in, tree, result);
      allocations += snmpdissect::testing::AllocationCount() - before;
    });
  }
  EXPECT_GT(frames, 1000u);
  EXPECT_GT(agents.table().size(), 0u);
  EXPECT_EQ(allocations, 0);
}

TEST(AgentsAllocTest, EvictionDoesNotAllocate) {
  using namespace proto::testing;  // NOLINT: frame builders
  SnmpAgents agents(nullptr, "", 16);
  pipeline::FrameDissector dissector;
  tree::Tree tree;
  long allocations = 0;
  for (uint32_t i = 0; i < 2000; ++i) {
    Ipv4Options ip;
    ip.protocol = 17;
    ip.src = 0x0b000000 + i;
    const std::string frame = Ethernet(0x0800, Ipv4(Udp(40000, 161, SnmpGet(i)), ip));
    pipeline::FrameInput in;
    in.link_type = 1;
    in.number = i + 1;
    in.timestamp_ns = int64_t{i} * 1000;
    in.data = snmp::testing::AsBytes(frame);
    const pipeline::FrameResult& r = dissector.Dissect(in, &tree);
    const long before = snmpdissect::testing::AllocationCount();
    agents.AddFrame(in, tree, r);
    allocations += snmpdissect::testing::AllocationCount() - before;
  }
  EXPECT_EQ(agents.table().evicted_pairs(), 2000u - 16u);
  EXPECT_EQ(allocations, 0);
}

}  // namespace
}  // namespace snmpdissect::stats
