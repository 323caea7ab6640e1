// Steady-state dissection allocates nothing (DESIGN.md: bounded memory, no
// per-packet allocation): once a reused FrameDissector and Tree have seen
// the frames of a capture, dissecting them all again performs zero heap
// allocations. Real frames from corpus/pcap: SNMPv1/v2c, SNMPv3
// (authenticated and encrypted, no users configured), traps, UDP over
// IPv6, and SNMP and AgentX over TCP, with request/response matching on:
// each round replays the capture an hour later, so the old exchanges age
// out of the request tracker and the requests and responses match afresh
// (erasing and inserting in its table).
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "codec/snmp/testing/allocation_counter.h"
#include "codec/snmp/testing/capture_messages.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/proto/agentx_fields.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

constexpr int64_t kHour = int64_t{3600} * 1'000'000'000;

std::vector<testing::StoredFrame> Frames(std::initializer_list<const char*> names) {
  std::vector<testing::StoredFrame> frames;
  for (const char* name : names) {
    auto read = testing::ReadFrames(snmp::testing::SourceDir() + "/corpus/pcap/" + name);
    EXPECT_TRUE(read.ok()) << read.status();
    if (read.ok()) frames.insert(frames.end(), read->begin(), read->end());
  }
  // One capture: numbered in order, each file after the previous one.
  int64_t offset = 0;
  for (size_t i = 0; i < frames.size(); ++i) {
    if (i > 0 && frames[i].number == 1) offset += kHour;
    frames[i].number = i + 1;
    frames[i].timestamp_ns += offset;
  }
  return frames;
}

std::vector<testing::StoredFrame> UdpFrames() {
  return Frames({"v1-v2c.pcap", "v3-auth.pcap", "v3-priv-aes128.pcap", "traps-informs.pcap",
                 "ipv6.pcap"});
}

// Dissects the frames round after round, each round 100 hours after the
// last (old exchanges and streams age out), counting what was decoded.
struct Replay {
  explicit Replay(std::vector<testing::StoredFrame> stored) : frames(std::move(stored)) {}
  void Round() {
    for (const testing::StoredFrame& f : frames) {
      FrameInput in = f.Input();
      in.timestamp_ns += shift;
      snmp_messages += dissector.Dissect(in, &tree).messages.size();
      if (tree.Find(proto::AgentX::hf[proto::AgentX::kAgentX]) != tree::kNoNode) ++agentx_frames;
    }
    shift += 100 * kHour;
  }

  std::vector<testing::StoredFrame> frames;
  FrameDissector dissector;
  tree::Tree tree;
  size_t snmp_messages = 0;
  size_t agentx_frames = 0;
  int64_t shift = 0;
};

TEST(PipelineAllocTest, SteadyStateUdpDissectionDoesNotAllocate) {
  Replay r(UdpFrames());
  ASSERT_GT(r.frames.size(), 900u);
  ASSERT_GT(snmpdissect::testing::AllocationCount(), 0);  // the counter is linked in
  r.Round();  // warm-up: the tree, the SNMP message and the pipeline grow
  r.Round();
  r.snmp_messages = 0;
  const uint64_t matched_before = r.dissector.stats().requests.matched;
  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 5; ++round) r.Round();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_EQ(r.snmp_messages, 5 * r.frames.size());  // every frame carries one message
  // Matching ran: hundreds of responses per round found their request.
  EXPECT_GT(r.dissector.stats().requests.matched - matched_before, 5 * 300u);
}

// A two-pass run: the second pass (answer lookups, snmp.response_in and
// no-response diagnostics) allocates nothing either once warm.
TEST(PipelineAllocTest, SecondPassDoesNotAllocate) {
  const std::vector<testing::StoredFrame> frames = UdpFrames();
  Options options;
  options.requests.record_answers = true;
  FrameDissector dissector(options);
  tree::Tree tree;
  auto pass = [&] {
    for (const testing::StoredFrame& f : frames) (void)dissector.Dissect(f.Input(), &tree);
  };
  pass();
  dissector.StartSecondPass();
  pass();  // warm-up of the second pass
  dissector.StartSecondPass();  // allocates (fresh reassembly tables)
  const long before = snmpdissect::testing::AllocationCount();
  pass();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_GT(dissector.requests().answers().size(), 300u);
  EXPECT_GT(dissector.stats().requests.matched, 300u);
}

// Over TCP: SNMP messages split across segments and back to back
// (tcp.pcap), and AgentX between a master agent and its subagent
// (agentx.pcap, RFC 2741): the stream table, the reassembler and the AgentX
// layer reuse what they grew, each round's streams replacing the last's.
TEST(PipelineAllocTest, SteadyStateTcpAndAgentxDissectionDoesNotAllocate) {
  Replay r(Frames({"tcp.pcap", "agentx.pcap"}));
  ASSERT_GT(r.frames.size(), 100u);
  r.Round();
  r.Round();
  r.snmp_messages = r.agentx_frames = 0;
  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 5; ++round) r.Round();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_GT(r.snmp_messages, 5 * 10u);   // tcp.pcap's messages were decoded
  EXPECT_GT(r.agentx_frames, 5 * 100u);  // and agentx.pcap's PDUs
}

}  // namespace
}  // namespace snmpdissect::pipeline
