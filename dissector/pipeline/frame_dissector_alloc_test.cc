// Steady-state dissection of plain UDP frames allocates nothing (DESIGN.md:
// bounded memory, no per-packet allocation): once a reused FrameDissector
// and Tree have seen the frames of a capture, dissecting them all again
// performs zero heap allocations. Real frames from corpus/pcap: SNMPv1/v2c,
// SNMPv3 (authenticated and encrypted, no users configured), traps, and
// UDP over IPv6.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <string>
#include <vector>

#include "codec/snmp/testing/allocation_counter.h"
#include "codec/snmp/testing/capture_messages.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

TEST(PipelineAllocTest, SteadyStateUdpDissectionDoesNotAllocate) {
  std::vector<testing::StoredFrame> frames;
  for (const char* name : {"v1-v2c.pcap", "v3-auth.pcap", "v3-priv-aes128.pcap",
                           "traps-informs.pcap", "ipv6.pcap"}) {
    auto read = testing::ReadFrames(snmp::testing::SourceDir() + "/corpus/pcap/" + name);
    ASSERT_TRUE(read.ok()) << read.status();
    frames.insert(frames.end(), read->begin(), read->end());
  }
  ASSERT_GT(frames.size(), 900u);
  ASSERT_GT(snmpdissect::testing::AllocationCount(), 0);  // the counter is linked in
  FrameDissector dissector;
  tree::Tree tree;
  size_t messages = 0;
  auto pass = [&] {
    for (const testing::StoredFrame& f : frames) {
      messages += dissector.Dissect(f.Input(), &tree).messages.size();
    }
  };
  pass();  // warm-up: the tree, the SNMP message and the pipeline grow
  pass();
  messages = 0;
  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 5; ++round) pass();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_EQ(messages, 5 * frames.size());  // every frame carries one message
}

}  // namespace
}  // namespace snmpdissect::pipeline
