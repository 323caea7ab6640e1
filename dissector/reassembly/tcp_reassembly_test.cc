#include "dissector/reassembly/tcp_reassembly.h"

#include <string>
#include <vector>

#include "dissector/proto/snmp_framing.h"
#include "gtest/gtest.h"

namespace snmpdissect::reassembly {
namespace {

constexpr uint16_t kSyn = 0x002;
constexpr uint16_t kAck = 0x010;
constexpr uint16_t kPshAck = 0x018;

absl::Span<const uint8_t> Span(const std::string& s) {
  return absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}
std::string AsString(absl::Span<const uint8_t> s) {
  return std::string(reinterpret_cast<const char*>(s.data()), s.size());
}

// A BER SEQUENCE of `content_length` octets (short or long form).
std::string Message(size_t content_length, char fill = 'm') {
  std::string header = "\x30";
  if (content_length < 128) {
    header += static_cast<char>(content_length);
  } else {
    header += "\x82";
    header += static_cast<char>(content_length >> 8);
    header += static_cast<char>(content_length & 0xff);
  }
  return header + std::string(content_length, fill);
}

// One direction of a conversation: client 10.0.0.1:40000 -> 10.0.0.2:161.
class Flow {
 public:
  explicit Flow(TcpReassembler* r, uint32_t isn = 1000, uint16_t port = 40000,
                PduFraming framing = &proto::SnmpPduLength)
      : r_(r), seq_(isn), port_(port), framing_(framing) {}

  const TcpResult& Syn() {
    const TcpResult& res = Send("", kSyn);
    seq_ += 1;
    return res;
  }
  const TcpResult& Data(const std::string& payload, uint16_t flags = kPshAck) {
    const TcpResult& res = Send(payload, flags);
    seq_ += static_cast<uint32_t>(payload.size());
    return res;
  }
  // Sends at an explicit sequence number without advancing.
  const TcpResult& At(uint32_t seq, const std::string& payload) {
    const uint32_t saved = seq_;
    seq_ = seq;
    const TcpResult& res = Send(payload, kPshAck);
    seq_ = saved;
    return res;
  }
  uint32_t seq() const { return seq_; }
  void Skip(uint32_t n) { seq_ += n; }

 private:
  const TcpResult& Send(const std::string& payload, uint16_t flags) {
    storage_.push_back(payload);  // keep the bytes alive for the result
    TcpSegment s;
    s.src[0] = 10;
    s.src[3] = 1;
    s.dst[0] = 10;
    s.dst[3] = 2;
    s.src_port = port_;
    s.dst_port = 161;
    s.seq = seq_;
    s.ack = 5000;
    s.flags = flags;
    s.payload = Span(storage_.back());
    s.frame = ++frame_;
    return r_->Add(s, framing_);
  }

  TcpReassembler* r_;
  uint32_t seq_;
  uint16_t port_;
  PduFraming framing_;
  uint64_t frame_ = 0;
  std::vector<std::string> storage_;
};

// A protocol the reassembler has never heard of: a 2-octet big-endian
// length, then that many octets (AgentX-like framing, simpler).
PduLength LengthPrefixed(const PduPrefix& prefix) {
  uint8_t hi = 0, lo = 0;
  if (!prefix.At(0, &hi) || !prefix.At(1, &lo)) return {};
  return {PduLength::kOk, 2 + (uint64_t{hi} << 8 | lo)};
}

bool HasEvent(const TcpResult& r, TcpEventKind kind) {
  for (const TcpEvent& e : r.events) {
    if (e.kind == kind) return true;
  }
  return false;
}

TEST(TcpReassemblyTest, StreamIndexAndRelativeNumbers) {
  TcpReassembler r;
  TcpSegment syn;
  syn.src[3] = 1;
  syn.dst[3] = 2;
  syn.src_port = 40000;
  syn.dst_port = 161;
  syn.seq = 2712111437u;
  syn.flags = kSyn;
  const TcpResult& a = r.Add(syn, nullptr);
  EXPECT_EQ(a.stream, 0u);
  EXPECT_EQ(a.relative_seq, 0u);
  EXPECT_EQ(a.next_relative_seq, 1u);
  TcpSegment synack;
  synack.src = syn.dst;
  synack.dst = syn.src;
  synack.src_port = 161;
  synack.dst_port = 40000;
  synack.seq = 794106472u;
  synack.ack = 2712111438u;
  synack.flags = kSyn | kAck;
  const TcpResult& b = r.Add(synack, nullptr);
  EXPECT_EQ(b.stream, 0u);  // same conversation, other direction
  EXPECT_EQ(b.relative_seq, 0u);
  EXPECT_EQ(b.relative_ack, 1u);
  TcpSegment other = syn;
  other.src_port = 40001;
  EXPECT_EQ(r.Add(other, nullptr).stream, 1u);
  // A new SYN (different ISN) on the first ports: a new stream.
  syn.seq = 1;
  EXPECT_EQ(r.Add(syn, nullptr).stream, 2u);
  // Joining mid-stream: the first segment is relative 1.
  TcpSegment mid = other;
  mid.src_port = 40002;
  mid.seq = 99;
  mid.flags = kPshAck;
  EXPECT_EQ(r.Add(mid, nullptr).relative_seq, 1u);
}

TEST(TcpReassemblyTest, SeveralMessagesInOneSegment) {
  TcpReassembler r;
  Flow f(&r);
  (void)f.Syn();
  const std::string a = Message(10, 'a'), b = Message(200, 'b'), c = Message(3, 'c');
  const TcpResult& res = f.Data(a + b + c);
  ASSERT_EQ(res.messages.size(), 3u);
  EXPECT_FALSE(res.messages[0].reassembled);
  EXPECT_EQ(res.messages[0].offset, 0u);
  EXPECT_EQ(AsString(res.messages[0].bytes), a);
  EXPECT_EQ(res.messages[1].offset, a.size());
  EXPECT_EQ(AsString(res.messages[1].bytes), b);
  EXPECT_EQ(res.messages[2].offset, a.size() + b.size());
  EXPECT_EQ(res.held_length, 0u);
  EXPECT_TRUE(res.events.empty());
  EXPECT_EQ(r.stats().buffered, 0u);
}

TEST(TcpReassemblyTest, MessageSpanningSegments) {
  TcpReassembler r;
  Flow f(&r);
  (void)f.Syn();
  const std::string m = Message(1000, 'x'), next = Message(5, 'n');
  const TcpResult& first = f.Data(m.substr(0, 1));  // just the identifier
  EXPECT_TRUE(first.messages.empty());
  EXPECT_EQ(first.held_offset, 0u);
  EXPECT_EQ(first.held_length, 1u);
  const TcpResult& second = f.Data(m.substr(1, 400));
  EXPECT_TRUE(second.messages.empty());
  EXPECT_EQ(second.held_length, 400u);
  const TcpResult& third = f.Data(m.substr(401) + next);
  ASSERT_EQ(third.messages.size(), 2u);
  const TcpMessage& whole = third.messages[0];
  EXPECT_TRUE(whole.reassembled);
  EXPECT_EQ(AsString(whole.bytes), m);
  EXPECT_EQ(whole.offset, 0u);
  EXPECT_EQ(whole.segment_length, m.size() - 401);
  EXPECT_EQ(whole.frame_count, 3u);
  EXPECT_EQ(std::vector<uint64_t>(whole.frames.begin(), whole.frames.end()),
            (std::vector<uint64_t>{2, 3, 4}));
  EXPECT_FALSE(third.messages[1].reassembled);
  EXPECT_EQ(third.messages[1].offset, m.size() - 401);
  EXPECT_EQ(r.stats().reassembled, 1u);
}

TEST(TcpReassemblyTest, RetransmissionAndPartialOverlap) {
  TcpReassembler r;
  Flow f(&r);
  (void)f.Syn();
  const std::string a = Message(20, 'a'), b = Message(20, 'b');
  const uint32_t start = f.seq();
  ASSERT_EQ(f.Data(a).messages.size(), 1u);
  const TcpResult& again = f.At(start, a);
  EXPECT_TRUE(again.messages.empty());
  EXPECT_TRUE(HasEvent(again, TcpEventKind::kRetransmission));
  // Old octets plus new: only the new are used.
  const TcpResult& overlap = f.At(start + 10, a.substr(10) + b);
  f.Skip(static_cast<uint32_t>(b.size()));
  EXPECT_TRUE(HasEvent(overlap, TcpEventKind::kRetransmission));
  ASSERT_EQ(overlap.messages.size(), 1u);
  EXPECT_EQ(AsString(overlap.messages[0].bytes), b);
  EXPECT_EQ(overlap.messages[0].offset, a.size() - 10);
}

TEST(TcpReassemblyTest, GapResetsThenOutOfOrderIsIgnored) {
  TcpReassembler r;
  Flow f(&r);
  (void)f.Syn();
  const std::string m = Message(100, 'x');
  (void)f.Data(m.substr(0, 50));  // partial held
  const uint32_t lost = f.seq();
  f.Skip(50);                      // the rest is never seen
  const std::string fresh = Message(8, 'f');
  const TcpResult& after = f.Data(fresh);
  EXPECT_TRUE(HasEvent(after, TcpEventKind::kLostSegment));
  EXPECT_TRUE(HasEvent(after, TcpEventKind::kPartialDropped));
  ASSERT_EQ(after.messages.size(), 1u);  // resynchronised at the segment
  EXPECT_EQ(AsString(after.messages[0].bytes), fresh);
  const TcpResult& late = f.At(lost, m.substr(50));
  EXPECT_TRUE(HasEvent(late, TcpEventKind::kOutOfOrder));
  EXPECT_TRUE(late.messages.empty());
  EXPECT_EQ(r.stats().buffered, 0u);
}

// A stream claiming a 2 GiB message: an event, no allocation beyond a
// header, and the claimed octets are skipped as they come.
TEST(TcpReassemblyTest, TwoGigabyteClaimIsSkippedNotBuffered) {
  TcpReassembler r;
  Flow f(&r);
  (void)f.Syn();
  const std::string header("\x30\x84\x80\x00\x00\x00", 6);
  const TcpResult& first = f.Data(header + std::string(1000, 'g'));
  EXPECT_TRUE(HasEvent(first, TcpEventKind::kMessageTooLong));
  EXPECT_EQ(first.events[0].value, 0x80000000ull + 6);
  EXPECT_TRUE(first.messages.empty());
  EXPECT_EQ(r.stats().buffered, 0u);
  for (int i = 0; i < 100; ++i) {
    const TcpResult& more = f.Data(std::string(60000, 'g'));
    EXPECT_TRUE(more.messages.empty());
    EXPECT_TRUE(HasEvent(more, TcpEventKind::kSkipping));
    ASSERT_EQ(r.stats().buffered, 0u);
  }
  EXPECT_LE(r.stats().peak_buffered, 64u);
}

TEST(TcpReassemblyTest, OverLongMessageIsSkippedExactly) {
  TcpLimits limits;
  limits.max_message = 1000;
  TcpReassembler r(limits);
  Flow f(&r);
  (void)f.Syn();
  const std::string big = Message(3000, 'B'), small = Message(4, 's');
  EXPECT_TRUE(HasEvent(f.Data(big.substr(0, 1500)), TcpEventKind::kMessageTooLong));
  const TcpResult& rest = f.Data(big.substr(1500) + small);
  ASSERT_EQ(rest.messages.size(), 1u);
  EXPECT_EQ(AsString(rest.messages[0].bytes), small);
  EXPECT_EQ(rest.messages[0].offset, big.size() - 1500);
}

TEST(TcpReassemblyTest, GarbageIsHandedOnAsUndecodable) {
  TcpReassembler r;
  Flow f(&r);
  (void)f.Syn();
  const std::string ok = Message(4, 'o');
  const TcpResult& res = f.Data(ok + "GET / HTTP/1.0\r\n");
  ASSERT_EQ(res.messages.size(), 2u);
  EXPECT_FALSE(res.messages[0].undecodable);
  EXPECT_TRUE(res.messages[1].undecodable);
  EXPECT_EQ(res.messages[1].offset, ok.size());
  // The next segment starts afresh.
  const TcpResult& next = f.Data(ok);
  ASSERT_EQ(next.messages.size(), 1u);
  EXPECT_FALSE(next.messages[0].undecodable);
  // Indefinite length (0x80) is not SNMP (RFC 3417 section 8).
  EXPECT_TRUE(f.Data(std::string("\x30\x80\x00\x00", 4)).messages[0].undecodable);
}

TEST(TcpReassemblyTest, ConversationTableIsBounded) {
  TcpLimits limits;
  limits.max_conversations = 4;
  TcpReassembler r(limits);
  bool evicted = false;
  for (uint16_t port = 1; port <= 100; ++port) {
    Flow f(&r, 1000, port);
    evicted |= HasEvent(f.Syn(), TcpEventKind::kConversationsEvicted);
    (void)f.Data(Message(300).substr(0, 100));  // leaves a partial message
    ASSERT_LE(r.stats().conversations, 4u);
  }
  EXPECT_TRUE(evicted);
  EXPECT_EQ(r.stats().conversations_evicted, 96u);
  EXPECT_LE(r.stats().buffered, 4u * 2048);
}

TEST(TcpReassemblyTest, TotalBufferIsBounded) {
  TcpLimits limits;
  limits.max_message = 64u << 10;
  limits.max_total = 256u << 10;
  TcpReassembler r(limits);
  for (uint16_t port = 1; port <= 50; ++port) {
    Flow f(&r, 1000, port);
    (void)f.Syn();
    // 60000-octet messages, 40000 octets of each held.
    (void)f.Data(Message(60000).substr(0, 40000));
    ASSERT_LE(r.stats().buffered, limits.max_total);
  }
  EXPECT_LE(r.stats().peak_buffered, limits.max_total);
  EXPECT_GT(r.stats().buffers_dropped, 40u);
}

// The layer above supplies the framing: the same reassembler cuts another
// protocol's stream by that protocol's rule.
TEST(TcpReassemblyTest, FramingComesFromTheProtocol) {
  TcpReassembler r;
  Flow c(&r, 1000, 40000, &LengthPrefixed);
  c.Syn();
  const std::string a = std::string("\x00\x03", 2) + "abc";
  const std::string b = std::string("\x00\x02", 2) + "de";
  const TcpResult& first = c.Data(a + b.substr(0, 1));
  ASSERT_EQ(first.messages.size(), 1u);
  EXPECT_EQ(AsString(first.messages[0].bytes), a);
  const TcpResult& second = c.Data(b.substr(1));
  ASSERT_EQ(second.messages.size(), 1u);
  EXPECT_TRUE(second.messages[0].reassembled);
  EXPECT_EQ(AsString(second.messages[0].bytes), b);
}

}  // namespace
}  // namespace snmpdissect::reassembly
