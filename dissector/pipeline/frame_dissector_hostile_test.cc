// Hostile input through the whole pipeline (run it under ASan/UBSan: the
// asan-ubsan preset): every corpus frame cut at every length, random bytes
// under every link type, random mutations of real frames, fragment and
// connection floods. Each frame must give a well-formed tree and the next
// frame must dissect normally; reassembly memory and the request tracker
// must stay under their caps.

#include <random>
#include <string>
#include <vector>

#include "codec/snmp/testing/capture_messages.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

using proto::testing::ExpectWellFormedTree;

std::vector<testing::StoredFrame> AllCorpusFrames() {
  std::vector<testing::StoredFrame> all;
  for (const std::string& path : snmp::testing::CorpusCaptures()) {
    auto frames = testing::ReadFrames(path);
    EXPECT_TRUE(frames.ok()) << frames.status();
    if (frames.ok()) all.insert(all.end(), frames->begin(), frames->end());
  }
  return all;
}

FrameInput Input(int link_type, const std::string& data, uint64_t number) {
  FrameInput in;
  in.link_type = link_type;
  in.number = number;
  in.timestamp_ns = static_cast<int64_t>(number) * 1'000'000;
  in.data = absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(data.data()),
                                      data.size());
  return in;
}

// A frame is sound: the frame node first, every node in range.
void ExpectSound(const tree::Tree& tree, size_t length) {
  ASSERT_GT(tree.size(), 1u);
  EXPECT_EQ(tree.node(tree.node(tree::Tree::kRoot).first_child).field, proto::Frame::hf[proto::Frame::kFrame]);
  ExpectWellFormedTree(tree, length);
}

TEST(PipelineHostileTest, EveryCorpusFrameCutAtEveryLength) {
  const std::vector<testing::StoredFrame> frames = AllCorpusFrames();
  ASSERT_GT(frames.size(), 2000u);
  FrameDissector dissector;
  tree::Tree tree;
  size_t dissections = 0;
  for (const testing::StoredFrame& f : frames) {
    for (size_t n = 0; n <= f.data.size(); ++n) {
      const FrameResult& r = dissector.Dissect(f.Input(n), &tree);
      ++dissections;
      if (::testing::Test::HasFailure()) return;  // one report is enough
      ExpectSound(tree, n);
      (void)r;
    }
  }
  // The reassembly state is still bounded and the pipeline still works.
  const PipelineStats s = dissector.stats();
  EXPECT_LE(s.tcp.buffered, reassembly::TcpLimits{}.max_total);
  EXPECT_LE(s.ipv4.bytes, reassembly::IpLimits{}.max_total_bytes);
  // A known SNMP request: v1-v2c.pcap's first frame (the first capture by
  // name, agentx.pcap, opens with a TCP handshake).
  auto requests = testing::ReadFrames(snmp::testing::SourceDir() + "/corpus/pcap/v1-v2c.pcap");
  ASSERT_TRUE(requests.ok()) << requests.status();
  const FrameResult& last = dissector.Dissect(requests->front().Input(), &tree);
  EXPECT_EQ(last.messages.size(), 1u);
  std::printf("%zu truncated frames dissected\n", dissections);
}

TEST(PipelineHostileTest, RandomBytesUnderEveryLinkType) {
  std::mt19937 random(12345);
  FrameDissector dissector;
  tree::Tree tree;
  const int link_types[] = {0, 1, 12, 14, 101, 108, 113, 228, 229, 276, 105, 9999, -1};
  std::string data;
  uint64_t number = 0;
  for (int round = 0; round < 10000; ++round) {
    for (int link_type : link_types) {
      data.resize(random() % 200);
      for (char& c : data) c = static_cast<char>(random());
      dissector.Dissect(Input(link_type, data, ++number), &tree);
      ExpectSound(tree, data.size());
      if (::testing::Test::HasFailure()) return;
    }
  }
}

// Real frames with a few octets changed: gets past the outer layers far
// more often than random bytes do.
TEST(PipelineHostileTest, MutatedCorpusFrames) {
  const std::vector<testing::StoredFrame> frames = AllCorpusFrames();
  ASSERT_FALSE(frames.empty());
  std::mt19937 random(777);
  FrameDissector dissector;
  tree::Tree tree;
  for (int i = 0; i < 300000; ++i) {
    testing::StoredFrame f = frames[random() % frames.size()];
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits && !f.data.empty(); ++e) {
      f.data[random() % f.data.size()] = static_cast<char>(random());
    }
    dissector.Dissect(f.Input(), &tree);
    ExpectSound(tree, f.data.size());
    if (::testing::Test::HasFailure()) return;
  }
}

// 10^5 first fragments of distinct IPv4 datagrams, then as many IPv6 ones:
// memory stays under the caps, evictions are counted, and a real
// fragmented message still reassembles afterwards.
TEST(PipelineHostileTest, FragmentFloodStaysUnderTheCap) {
  using namespace proto::testing;  // NOLINT
  Options options;
  options.ip.max_total_bytes = 2u << 20;
  options.ip.max_pending = 1000;
  FrameDissector dissector(options);
  tree::Tree tree;
  const std::string piece(1400, 'f');
  uint64_t number = 0;
  for (uint32_t i = 0; i < 100000; ++i) {
    Ipv4Options o;
    o.id = static_cast<uint16_t>(i);
    o.src = 0x0a000000 | (i >> 16);
    o.dont_fragment = false;
    o.more_fragments = true;
    const std::string frame = Ethernet(0x0800, Ipv4(piece, o));
    dissector.Dissect(Input(1, frame, ++number), &tree);
    ASSERT_LE(dissector.stats().ipv4.bytes, options.ip.max_total_bytes);
    ASSERT_LE(dissector.stats().ipv4.pending, options.ip.max_pending);
  }
  for (uint32_t i = 0; i < 100000; ++i) {
    Ipv6Options o;
    o.next = 44;
    const std::string frame =
        Ethernet(0x86dd, Ipv6(Ipv6FragmentHeader(17, 0, true, i) + piece, o));
    dissector.Dissect(Input(1, frame, ++number), &tree);
    ASSERT_LE(dissector.stats().ipv6.bytes, options.ip.max_total_bytes);
  }
  const PipelineStats s = dissector.stats();
  EXPECT_LE(s.ipv4.peak_bytes, options.ip.max_total_bytes);
  EXPECT_LE(s.ipv6.peak_bytes, options.ip.max_total_bytes);
  EXPECT_GE(s.ipv4.evicted_for_space + s.ipv4.evicted_stale, 99000u);
  EXPECT_GE(s.ipv6.evicted_for_space + s.ipv6.evicted_stale, 99000u);
  EXPECT_TRUE(proto::testing::HasExpert(tree, proto::Ipv6::ei[proto::Ipv6::kFragmentError]));

  const std::string udp = Udp(161, 40000, SnmpBigResponse(2000));
  Ipv4Options o;
  o.id = 0xfffe;
  o.src = 0xc0000201;
  o.dont_fragment = false;
  o.more_fragments = true;
  dissector.Dissect(Input(1, Ethernet(0x0800, Ipv4(udp.substr(0, 1480), o)), ++number), &tree);
  o.more_fragments = false;
  o.fragment_offset = 1480;
  const std::string last = Ethernet(0x0800, Ipv4(udp.substr(1480), o));
  const FrameResult& r = dissector.Dissect(Input(1, last, ++number), &tree);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_FALSE(r.messages[0].malformed);
}

// SYNs of 10^5 connections, each leaving half a message: the conversation
// table and the held octets stay bounded.
TEST(PipelineHostileTest, ConnectionFloodStaysUnderTheCap) {
  using namespace proto::testing;  // NOLINT
  FrameDissector dissector;
  tree::Tree tree;
  const std::string half = SnmpBigResponse(1000).substr(0, 600);
  uint64_t number = 0;
  for (uint32_t i = 0; i < 100000; ++i) {
    TcpOptions t;
    t.src = static_cast<uint16_t>(1024 + i % 60000);
    t.seq = i;
    Ipv4Options o;
    o.protocol = 6;
    o.src = 0x0a000000 | (i / 60000 + 1);
    const std::string frame = Ethernet(0x0800, Ipv4(Tcp(t, half), o));
    dissector.Dissect(Input(1, frame, ++number), &tree);
    ASSERT_LE(dissector.stats().tcp.conversations, reassembly::TcpLimits{}.max_conversations);
    ASSERT_LE(dissector.stats().tcp.buffered, reassembly::TcpLimits{}.max_total);
  }
  EXPECT_GT(dissector.stats().tcp.conversations_evicted, 90000u);
}

// 10^6 distinct requests that are never answered, then 10^5 spoofed
// responses to nothing: the request tracker holds at most its cap, evicting
// the oldest; the newest requests still match; the responses hold nothing.
TEST(PipelineHostileTest, RequestFloodStaysAtTheTrackerCap) {
  using namespace proto::testing;  // NOLINT
  FrameDissector dissector;
  tree::Tree tree;
  const size_t cap = conversation::TrackerLimits{}.max_requests;
  // request-ids 0x40000000 + i: always 4 content octets, patched in place.
  std::string request = Ethernet(0x0800, Ipv4(Udp(40000, 161, SnmpGet(0x40000000))));
  const size_t id_at = request.find(std::string("\x02\x04\x40\x00\x00\x00", 6)) + 2;
  ASSERT_NE(id_at, std::string::npos + 2);
  Ipv4Options back;
  std::swap(back.src, back.dst);
  std::string response =
      Ethernet(0x0800, Ipv4(Udp(161, 40000, SnmpBigResponse(10, 0x40000000)), back));
  const size_t response_id_at = response.find(std::string("\x02\x04\x40\x00\x00\x00", 6)) + 2;
  auto patch = [](std::string* frame, size_t at, uint32_t id) {
    const std::string be = Be32(id);
    frame->replace(at, 4, be);
  };
  uint64_t number = 0;
  // 1 µs apart: the flood lasts about a second, well inside the 60 s age
  // limit, so only the count cap evicts.
  auto at = [&](const std::string& frame) {
    FrameInput in = Input(1, frame, ++number);
    in.timestamp_ns = static_cast<int64_t>(number) * 1000;
    return in;
  };
  constexpr uint32_t kRequests = 1'000'000;
  for (uint32_t i = 0; i < kRequests; ++i) {
    patch(&request, id_at, 0x40000000 + i);
    const FrameResult& r = dissector.Dissect(at(request), &tree);
    ASSERT_EQ(r.messages.size(), 1u);
    ASSERT_EQ(r.messages[0].match.kind, conversation::MatchKind::kRequest);
    ASSERT_LE(dissector.requests().size(), cap);
  }
  EXPECT_EQ(dissector.requests().size(), cap);
  EXPECT_EQ(dissector.stats().requests.evicted_by_count, kRequests - cap);
  for (uint32_t i = 0; i < 100'000; ++i) {
    patch(&response, response_id_at, 0x50000000 + i);
    dissector.Dissect(at(response), &tree);
    ASSERT_LE(dissector.requests().size(), cap);
  }
  EXPECT_EQ(dissector.stats().requests.unmatched_responses, 100'000u);
  // The last request is still held: it matches.
  patch(&response, response_id_at, 0x40000000 + kRequests - 1);
  const FrameResult& r = dissector.Dissect(at(response), &tree);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].match.kind, conversation::MatchKind::kResponse);
  EXPECT_EQ(r.messages[0].match.request_frame, kRequests);
}

}  // namespace
}  // namespace snmpdissect::pipeline
