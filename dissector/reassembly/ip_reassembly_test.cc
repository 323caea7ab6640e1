#include "dissector/reassembly/ip_reassembly.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace snmpdissect::reassembly {
namespace {

absl::Span<const uint8_t> Span(const std::string& s) {
  return absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

std::string AsString(absl::Span<const uint8_t> s) {
  return std::string(reinterpret_cast<const char*>(s.data()), s.size());
}

FragmentKey Key(uint32_t id, uint8_t version = 4) {
  FragmentKey k;
  k.version = version;
  k.protocol = version == 4 ? 17 : 0;
  k.id = id;
  k.src[0] = 10;
  k.dst[0] = 11;
  return k;
}

Fragment Frag(const std::string& data, uint32_t offset, bool more, uint64_t frame = 1) {
  Fragment f;
  f.offset = offset;
  f.more = more;
  f.data = Span(data);
  f.frame = frame;
  f.time_ns = static_cast<int64_t>(frame) * 1000;
  f.next_header = 17;
  return f;
}

bool HasEvent(const FragmentResult& r, FragmentEventKind kind) {
  for (const FragmentEvent& e : r.events) {
    if (e.kind == kind) return true;
  }
  return false;
}

std::string Payload(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

TEST(IpReassemblyTest, InOrderTwoFragments) {
  IpReassembler r;
  const std::string data = Payload(3000);
  const std::string a = data.substr(0, 1480), b = data.substr(1480);
  EXPECT_EQ(r.Add(Key(7), Frag(a, 0, true, 1)).status, FragmentStatus::kHeld);
  EXPECT_EQ(r.stats().pending, 1u);
  const FragmentResult& done = r.Add(Key(7), Frag(b, 1480, false, 2));
  ASSERT_EQ(done.status, FragmentStatus::kComplete);
  EXPECT_EQ(AsString(done.data), data);
  EXPECT_EQ(done.protocol, 17);
  ASSERT_EQ(done.fragments.size(), 2u);
  EXPECT_EQ(done.fragments[0].frame, 1u);
  EXPECT_EQ(done.fragments[1].offset, 1480u);
  EXPECT_EQ(done.fragments[1].length, 1520u);
  EXPECT_TRUE(done.events.empty());
  EXPECT_EQ(r.stats().pending, 0u);
  EXPECT_EQ(r.stats().bytes, 0u);
  EXPECT_EQ(r.stats().completed, 1u);
}

TEST(IpReassemblyTest, OutOfOrderFragments) {
  IpReassembler r;
  const std::string data = Payload(2400);
  EXPECT_EQ(r.Add(Key(1), Frag(data.substr(1600), 1600, false, 1)).status,
            FragmentStatus::kHeld);
  EXPECT_EQ(r.Add(Key(1), Frag(data.substr(800, 800), 800, true, 2)).status,
            FragmentStatus::kHeld);
  const FragmentResult& done = r.Add(Key(1), Frag(data.substr(0, 800), 0, true, 3));
  ASSERT_EQ(done.status, FragmentStatus::kComplete);
  EXPECT_EQ(AsString(done.data), data);
  ASSERT_EQ(done.fragments.size(), 3u);
  EXPECT_EQ(done.fragments[0].frame, 3u);  // in offset order
  EXPECT_EQ(done.fragments[2].frame, 1u);
}

TEST(IpReassemblyTest, DistinctKeysDoNotMix) {
  IpReassembler r;
  const std::string x = Payload(16);
  FragmentKey other = Key(1);
  other.src[1] = 1;
  EXPECT_EQ(r.Add(Key(1), Frag(x.substr(0, 8), 0, true)).status, FragmentStatus::kHeld);
  EXPECT_EQ(r.Add(other, Frag(x.substr(8), 8, false)).status, FragmentStatus::kHeld);
  EXPECT_EQ(r.Add(Key(1, 6), Frag(x.substr(8), 8, false)).status, FragmentStatus::kHeld);
  EXPECT_EQ(r.stats().pending, 3u);
}

TEST(IpReassemblyTest, IdenticalOverlapIsANote) {
  IpReassembler r;
  const std::string data = Payload(48);
  (void)r.Add(Key(2), Frag(data.substr(0, 24), 0, true));
  const FragmentResult& dup = r.Add(Key(2), Frag(data.substr(16, 16), 16, true));
  EXPECT_EQ(dup.status, FragmentStatus::kHeld);
  EXPECT_TRUE(HasEvent(dup, FragmentEventKind::kOverlap));
  EXPECT_FALSE(HasEvent(dup, FragmentEventKind::kOverlapConflict));
  const FragmentResult& done = r.Add(Key(2), Frag(data.substr(24), 24, false));
  ASSERT_EQ(done.status, FragmentStatus::kComplete);
  EXPECT_EQ(AsString(done.data), data);
}

TEST(IpReassemblyTest, ConflictingOverlapKeepsFirstData) {
  IpReassembler r;
  const std::string data = Payload(32);
  (void)r.Add(Key(3), Frag(data.substr(0, 16), 0, true));
  const std::string evil(16, 'X');  // covers 8..24, differs on 8..16
  const FragmentResult& c = r.Add(Key(3), Frag(evil, 8, true));
  EXPECT_TRUE(HasEvent(c, FragmentEventKind::kOverlapConflict));
  const FragmentResult& done = r.Add(Key(3), Frag(data.substr(16), 16, false));
  ASSERT_EQ(done.status, FragmentStatus::kComplete);
  // 0..16 first data; 16..24 from the evil fragment (it came first there);
  // 24..32 the last fragment's, except where evil already was (16..24).
  EXPECT_EQ(AsString(done.data).substr(0, 16), data.substr(0, 16));
  EXPECT_EQ(AsString(done.data).substr(16, 8), std::string(8, 'X'));
  EXPECT_TRUE(HasEvent(done, FragmentEventKind::kOverlapConflict));
}

TEST(IpReassemblyTest, MultipleTailsAndDataPastTheTail) {
  IpReassembler r;
  (void)r.Add(Key(4), Frag(Payload(8), 16, false));  // ends at 24
  const FragmentResult& second = r.Add(Key(4), Frag(Payload(8), 24, false));
  EXPECT_EQ(second.status, FragmentStatus::kDropped);
  EXPECT_TRUE(HasEvent(second, FragmentEventKind::kMultipleTails));
  const FragmentResult& past = r.Add(Key(4), Frag(Payload(16), 16, true));
  EXPECT_TRUE(HasEvent(past, FragmentEventKind::kMultipleTails));
  // A tail before data already held.
  IpReassembler r2;
  (void)r2.Add(Key(5), Frag(Payload(8), 32, true));
  EXPECT_TRUE(HasEvent(r2.Add(Key(5), Frag(Payload(8), 0, false)),
                       FragmentEventKind::kMultipleTails));
}

TEST(IpReassemblyTest, OversizeIsDropped) {
  IpReassembler r;
  const FragmentResult& big = r.Add(Key(6), Frag(Payload(64), 65528, false));
  EXPECT_EQ(big.status, FragmentStatus::kDropped);
  EXPECT_TRUE(HasEvent(big, FragmentEventKind::kTooLong));
  EXPECT_EQ(r.stats().pending, 0u);
  EXPECT_EQ(r.stats().dropped_fragments, 1u);
}

TEST(IpReassemblyTest, TooManyFragmentsDropsTheDatagram) {
  IpLimits limits;
  limits.max_fragments = 10;
  IpReassembler r(limits);
  const std::string piece = Payload(8);
  for (uint32_t i = 0; i < 10; ++i) {
    EXPECT_EQ(r.Add(Key(8), Frag(piece, i * 8, true)).status, FragmentStatus::kHeld);
  }
  const FragmentResult& over = r.Add(Key(8), Frag(piece, 80, true));
  EXPECT_EQ(over.status, FragmentStatus::kDropped);
  EXPECT_TRUE(HasEvent(over, FragmentEventKind::kTooManyFragments));
  EXPECT_EQ(r.stats().pending, 0u);
  EXPECT_EQ(r.stats().bytes, 0u);
}

TEST(IpReassemblyTest, StaleDatagramsAreEvicted) {
  IpLimits limits;
  limits.max_age_frames = 100;
  limits.max_age_ns = 0;
  IpReassembler r(limits);
  (void)r.Add(Key(1), Frag(Payload(8), 0, true, 1));
  (void)r.Add(Key(2), Frag(Payload(8), 0, true, 50));
  const FragmentResult& later = r.Add(Key(3), Frag(Payload(8), 0, true, 120));
  EXPECT_TRUE(HasEvent(later, FragmentEventKind::kEvictedStale));
  EXPECT_EQ(r.stats().pending, 2u);
  EXPECT_EQ(r.stats().evicted_stale, 1u);

  IpLimits by_time;
  by_time.max_age_ns = 5'000'000'000;  // 5 s
  IpReassembler t(by_time);
  const std::string eight = Payload(8);
  Fragment f = Frag(eight, 0, true, 1);
  f.time_ns = 0;
  (void)t.Add(Key(1), f);
  f.frame = 2;
  f.time_ns = 6'000'000'000;
  EXPECT_TRUE(HasEvent(t.Add(Key(2), f), FragmentEventKind::kEvictedStale));
  EXPECT_EQ(t.stats().pending, 1u);
}

// 10^5 first fragments of distinct datagrams, none ever completed: the
// table stays within its caps and counts what it evicted.
TEST(IpReassemblyTest, FragmentFloodStaysBounded) {
  IpLimits limits;
  limits.max_pending = 1000;
  limits.max_total_bytes = 2u << 20;
  IpReassembler r(limits);
  const std::string piece = Payload(1400);
  constexpr uint32_t kFragments = 100000;
  for (uint32_t i = 0; i < kFragments; ++i) {
    FragmentKey k = Key(i);
    k.src[1] = static_cast<uint8_t>(i >> 16);
    const FragmentResult& res = r.Add(k, Frag(piece, 0, true, i + 1));
    ASSERT_NE(res.status, FragmentStatus::kComplete);
    ASSERT_LE(r.stats().pending, limits.max_pending);
    ASSERT_LE(r.stats().bytes, limits.max_total_bytes);
  }
  EXPECT_LE(r.stats().peak_bytes, limits.max_total_bytes);
  EXPECT_EQ(r.stats().pending + r.stats().evicted_for_space + r.stats().evicted_stale,
            kFragments);
  EXPECT_GT(r.stats().evicted_for_space, kFragments / 2);
}

// Fragments far into their datagram cost a large buffer each: the byte cap,
// not the datagram count, is what evicts.
TEST(IpReassemblyTest, HighOffsetFloodIsBoundedByBytes) {
  IpLimits limits;
  limits.max_total_bytes = 1u << 20;
  IpReassembler r(limits);
  const std::string piece = Payload(8);
  for (uint32_t i = 0; i < 20000; ++i) {
    (void)r.Add(Key(i), Frag(piece, 65000, true, i + 1));
    ASSERT_LE(r.stats().bytes, r.limits().max_total_bytes);
  }
  EXPECT_LE(r.stats().peak_bytes, r.limits().max_total_bytes);
  EXPECT_LT(r.stats().pending, 20u);
  EXPECT_GT(r.stats().evicted_for_space, 19000u);
}

TEST(IpReassemblyTest, Ipv6TakesTheFirstFragmentsNextHeader) {
  IpReassembler r;
  const std::string eight = Payload(8);
  Fragment last = Frag(eight, 8, false);
  last.next_header = 99;  // not the first fragment: ignored
  (void)r.Add(Key(9, 6), last);
  Fragment first = Frag(eight, 0, true);
  first.next_header = 6;
  const FragmentResult& done = r.Add(Key(9, 6), first);
  ASSERT_EQ(done.status, FragmentStatus::kComplete);
  EXPECT_EQ(done.protocol, 6);
}

TEST(IpReassemblyTest, TimestampsAcrossTheWholeRangeDoNotOverflow) {
  // corpus/regressions/pipeline-ip-reassembly-age-overflow: a fragment at
  // time -1, then one at INT64_MAX; the age check must not overflow.
  IpReassembler r;
  const std::string data = Payload(8);  // outlives the fragments' spans
  Fragment first = Frag(data, 0, true, 1);
  first.time_ns = -1;
  EXPECT_EQ(r.Add(Key(1), first).status, FragmentStatus::kHeld);
  Fragment late = Frag(data, 0, true, 2);
  late.time_ns = INT64_MAX;
  (void)r.Add(Key(2), late);
}

}  // namespace
}  // namespace snmpdissect::reassembly
