#include "dissector/conversation/request_tracker.h"

#include <cstdint>

#include "gtest/gtest.h"

namespace snmpdissect::conversation {
namespace {

constexpr int64_t kMs = 1'000'000;
constexpr int64_t kSecond = 1'000'000'000;

Flow UdpFlow(uint8_t src, uint16_t src_port, uint8_t dst, uint16_t dst_port) {
  Flow f;
  f.ip_version = 4;
  f.transport = kUdp;
  f.src = {192, 0, 2, src};
  f.dst = {192, 0, 2, dst};
  f.src_port = src_port;
  f.dst_port = dst_port;
  return f;
}

// Manager 192.0.2.1:40000 <-> agent 192.0.2.2:161.
const Flow kToAgent = UdpFlow(1, 40000, 2, 161);
const Flow kToManager = UdpFlow(2, 161, 1, 40000);

MessageRole Req(int64_t id, IdSpace space = IdSpace::kRequestId) {
  return {RoleKind::kRequest, space, id};
}
MessageRole Resp(int64_t id, IdSpace space = IdSpace::kRequestId) {
  return {RoleKind::kResponse, space, id};
}
RequestRef F(uint64_t frame, uint32_t index = 0) { return {.frame = frame, .index = index}; }

TEST(RequestTrackerTest, ResponseMatchesItsRequest) {
  RequestTracker t;
  EXPECT_EQ(t.Track(kToAgent, Req(7), F(1), 0).kind, MatchKind::kRequest);
  const Match m = t.Track(kToManager, Resp(7), F(2), 205'000);
  EXPECT_EQ(m.kind, MatchKind::kResponse);
  EXPECT_EQ(m.request_frame, 1u);
  EXPECT_EQ(m.elapsed_ns, 205'000);
  EXPECT_EQ(t.stats().matched, 1u);
  EXPECT_EQ(t.stats().requests, 1u);
}

TEST(RequestTrackerTest, KeyIncludesConversationAndIdSpace) {
  RequestTracker t;
  (void)t.Track(kToAgent, Req(7), F(1), 0);
  // Same id, another client port / wrong direction / other space: no match.
  EXPECT_EQ(t.Track(UdpFlow(2, 161, 1, 40001), Resp(7), F(2), 1).kind,
            MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.Track(kToAgent, Resp(7), F(3), 1).kind, MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.Track(kToManager, Resp(7, IdSpace::kMsgId), F(4), 1).kind,
            MatchKind::kUnmatchedResponse);
  Flow tcp = kToManager;
  tcp.transport = kTcp;
  EXPECT_EQ(t.Track(tcp, Resp(7), F(5), 1).kind, MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.Track(kToManager, Resp(7), F(6), 1).kind, MatchKind::kResponse);
  EXPECT_EQ(t.stats().unmatched_responses, 4u);
}

TEST(RequestTrackerTest, Ipv6AndTcpConversations) {
  RequestTracker t;
  Flow req;
  req.ip_version = 6;
  req.transport = kTcp;
  req.src[15] = 1;
  req.dst[15] = 2;
  req.src_port = 50000;
  req.dst_port = 161;
  Flow resp = req;
  std::swap(resp.src, resp.dst);
  std::swap(resp.src_port, resp.dst_port);
  (void)t.Track(req, Req(1), F(1), 0);
  (void)t.Track(req, Req(2), F(1, 1), 0);  // two requests in one segment
  EXPECT_EQ(t.Track(resp, Resp(2), F(2), 1).request_frame, 1u);
  EXPECT_EQ(t.Track(resp, Resp(1), F(3), 1).kind, MatchKind::kResponse);
}

TEST(RequestTrackerTest, MessagesWithoutRoleOrTransportAreIgnored) {
  RequestTracker t;
  EXPECT_EQ(t.Track(kToAgent, MessageRole{}, F(1), 0), Match{});
  EXPECT_EQ(t.Track(Flow{}, Req(1), F(2), 0), Match{});
  EXPECT_EQ(t.size(), 0u);
}

TEST(RequestTrackerTest, RetransmittedRequest) {
  RequestTracker t;
  (void)t.Track(kToAgent, Req(7), F(1), 0);
  Match m = t.Track(kToAgent, Req(7), F(3), 1 * kSecond);
  EXPECT_EQ(m.kind, MatchKind::kRetransmission);
  EXPECT_EQ(m.request_frame, 1u);
  m = t.Track(kToAgent, Req(7), F(4), 2 * kSecond);
  EXPECT_EQ(m.kind, MatchKind::kRetransmission);
  EXPECT_EQ(m.request_frame, 1u);  // always the original
  // The response refers to the latest copy, as Wireshark's does.
  m = t.Track(kToManager, Resp(7), F(5), 2 * kSecond + 3 * kMs);
  EXPECT_EQ(m.kind, MatchKind::kResponse);
  EXPECT_EQ(m.request_frame, 4u);
  EXPECT_EQ(m.elapsed_ns, 3 * kMs);
  EXPECT_EQ(t.stats().retransmissions, 2u);
  EXPECT_EQ(t.stats().requests, 3u);
}

TEST(RequestTrackerTest, ReusedIdAfterAnswerOpensANewExchange) {
  RequestTracker t;
  (void)t.Track(kToAgent, Req(1), F(1), 0);
  (void)t.Track(kToManager, Resp(1), F(2), 1);
  Match m = t.Track(kToAgent, Req(1), F(3), 10);
  EXPECT_EQ(m.kind, MatchKind::kRetransmission);
  EXPECT_EQ(m.request_frame, 1u);
  m = t.Track(kToManager, Resp(1), F(4), 12);
  EXPECT_EQ(m.kind, MatchKind::kResponse);  // not a duplicate
  EXPECT_EQ(m.request_frame, 3u);
}

TEST(RequestTrackerTest, DuplicateResponse) {
  RequestTracker t;
  (void)t.Track(kToAgent, Req(7), F(1), 0);
  (void)t.Track(kToManager, Resp(7), F(2), 10);
  const Match m = t.Track(kToManager, Resp(7), F(3), 20);
  EXPECT_EQ(m.kind, MatchKind::kDuplicateResponse);
  EXPECT_EQ(m.request_frame, 1u);
  EXPECT_EQ(m.first_response_frame, 2u);
  EXPECT_EQ(m.elapsed_ns, 20);
  EXPECT_EQ(t.stats().duplicate_responses, 1u);
  EXPECT_EQ(t.stats().matched, 1u);
}

TEST(RequestTrackerTest, UnmatchedResponse) {
  RequestTracker t;
  EXPECT_EQ(t.Track(kToManager, Resp(99), F(1), 0).kind, MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.stats().unmatched_responses, 1u);
  EXPECT_EQ(t.size(), 0u);  // responses hold nothing
}

// SNMPv3 with encrypted PDUs: the reportableFlag decides (RFC 3412 6.4).
TEST(RequestTrackerTest, EncryptedV3ByMsgIdAndReportableFlag) {
  RequestTracker t;
  const MessageRole possible{RoleKind::kPossibleResponse, IdSpace::kMsgId, 500};
  // A notification-like message with nothing outstanding: left alone.
  EXPECT_EQ(t.Track(kToManager, possible, F(1), 0), Match{});
  EXPECT_EQ(t.stats().unmatched_responses, 0u);
  (void)t.Track(kToAgent, Req(500, IdSpace::kMsgId), F(2), 0);
  // The request-id space is another space.
  EXPECT_EQ(t.Track(kToManager, Resp(500), F(3), 1).kind, MatchKind::kUnmatchedResponse);
  Match m = t.Track(kToManager, possible, F(4), 7);
  EXPECT_EQ(m.kind, MatchKind::kResponse);
  EXPECT_EQ(m.request_frame, 2u);
  m = t.Track(kToManager, possible, F(5), 8);
  EXPECT_EQ(m.kind, MatchKind::kDuplicateResponse);
  // A readable Report (kResponse) to an encrypted request.
  (void)t.Track(kToAgent, Req(501, IdSpace::kMsgId), F(6), 9);
  EXPECT_EQ(t.Track(kToManager, Resp(501, IdSpace::kMsgId), F(7), 10).request_frame, 6u);
}

TEST(RequestTrackerTest, EvictionByCountIsOldestFirst) {
  RequestTracker t({.max_requests = 3});
  for (int i = 1; i <= 5; ++i) (void)t.Track(kToAgent, Req(i), F(i), i);
  EXPECT_EQ(t.size(), 3u);
  EXPECT_EQ(t.stats().evicted_by_count, 2u);
  EXPECT_EQ(t.Track(kToManager, Resp(1), F(6), 6).kind, MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.Track(kToManager, Resp(2), F(7), 7).kind, MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.Track(kToManager, Resp(3), F(8), 8).kind, MatchKind::kResponse);
  EXPECT_EQ(t.Track(kToManager, Resp(5), F(9), 9).kind, MatchKind::kResponse);
  // A retransmission of an evicted request is a new request.
  EXPECT_EQ(t.Track(kToAgent, Req(1), F(10), 10).kind, MatchKind::kRequest);
}

TEST(RequestTrackerTest, EvictionByAge) {
  RequestTracker t({.max_age_ns = 60 * kSecond});
  (void)t.Track(kToAgent, Req(1), F(1), 0);
  (void)t.Track(kToAgent, Req(2), F(2), 30 * kSecond);
  EXPECT_EQ(t.Track(kToManager, Resp(2), F(3), 89 * kSecond).kind, MatchKind::kResponse);
  EXPECT_EQ(t.stats().evicted_by_age, 1u);  // request 1, at 89 s
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.Track(kToManager, Resp(1), F(4), 89 * kSecond).kind,
            MatchKind::kUnmatchedResponse);
  // Retransmitted after the timeout: a new request.
  EXPECT_EQ(t.Track(kToAgent, Req(2), F(5), 91 * kSecond).kind, MatchKind::kRequest);
  EXPECT_EQ(t.stats().evicted_by_age, 2u);
  // Time running backwards evicts nothing.
  EXPECT_EQ(t.Track(kToAgent, Req(2), F(6), 0).kind, MatchKind::kRetransmission);
}

TEST(RequestTrackerTest, StaleExchangeBehindAYoungerFrontIsGone) {
  RequestTracker t({.max_age_ns = 10});
  (void)t.Track(kToAgent, Req(1), F(1), 100);
  (void)t.Track(kToAgent, Req(2), F(2), 0);  // older timestamp, behind in the ring
  // At 105 the front (request 1) is young; request 2 is stale but not at
  // the front: it does not match.
  EXPECT_EQ(t.Track(kToManager, Resp(2), F(3), 105).kind, MatchKind::kUnmatchedResponse);
  EXPECT_EQ(t.Track(kToAgent, Req(2), F(4), 105).kind, MatchKind::kRequest);
  EXPECT_EQ(t.Track(kToManager, Resp(2), F(5), 106).request_frame, 4u);
}

TEST(RequestTrackerTest, TwoPassesResponseInAndNoResponse) {
  RequestTracker t({.record_answers = true});
  auto pass = [&](std::vector<Match>* out) {
    out->push_back(t.Track(kToAgent, Req(1), F(1), 0));
    out->push_back(t.Track(kToAgent, Req(2), F(2), 1));
    out->push_back(t.Track(kToManager, Resp(1), F(3), 2));
    out->push_back(t.Track(kToAgent, Req(2), F(4), 3));  // retransmission
    out->push_back(t.Track(kToManager, Resp(2), F(5), 4));
    out->push_back(t.Track(kToAgent, Req(3), F(6), 5));  // never answered
  };
  std::vector<Match> first, second;
  pass(&first);
  EXPECT_EQ(first[0].response_frame, 0u);  // one pass cannot know
  EXPECT_FALSE(first[5].unanswered);
  EXPECT_EQ(t.answers().size(), 2u);
  t.StartSecondPass();
  EXPECT_TRUE(t.second_pass());
  pass(&second);
  EXPECT_EQ(second[0].response_frame, 3u);
  EXPECT_EQ(second[1].response_frame, 5u);
  EXPECT_EQ(second[3].kind, MatchKind::kRetransmission);
  EXPECT_EQ(second[3].response_frame, 5u);  // every copy learns the answer
  EXPECT_EQ(second[5].response_frame, 0u);
  EXPECT_TRUE(second[5].unanswered);
  EXPECT_FALSE(second[0].unanswered);
  // The rest is as in the first pass.
  for (size_t i : {2, 4}) EXPECT_EQ(second[i], first[i]);
  EXPECT_EQ(t.answers().size(), 2u);  // frozen
  EXPECT_EQ(t.stats().matched, 2u);   // counted afresh
}

TEST(RequestTrackerTest, SecondPassWithoutRecordedAnswersClaimsNothing) {
  RequestTracker t;  // record_answers off
  (void)t.Track(kToAgent, Req(1), F(1), 0);
  t.StartSecondPass();
  const Match m = t.Track(kToAgent, Req(1), F(1), 0);
  EXPECT_EQ(m.response_frame, 0u);
  EXPECT_FALSE(m.unanswered);
}

TEST(RequestTrackerTest, OverflowedAnswerTableClaimsNoUnanswered) {
  RequestTracker t({.max_answers = 1, .record_answers = true});
  auto pass = [&](std::vector<Match>* out) {
    out->push_back(t.Track(kToAgent, Req(1), F(1), 0));
    out->push_back(t.Track(kToAgent, Req(2), F(2), 0));
    out->push_back(t.Track(kToAgent, Req(3), F(3), 0));
    out->push_back(t.Track(kToManager, Resp(1), F(4), 0));
    out->push_back(t.Track(kToManager, Resp(2), F(5), 0));  // dropped: cap
  };
  std::vector<Match> first, second;
  pass(&first);
  EXPECT_TRUE(t.answers().overflowed());
  t.StartSecondPass();
  EXPECT_FALSE(t.answers_complete());
  pass(&second);
  EXPECT_EQ(second[0].response_frame, 4u);
  EXPECT_EQ(second[1].response_frame, 0u);  // lost to the cap
  for (const Match& m : second) EXPECT_FALSE(m.unanswered);
}

// A flood of distinct requests keeps the table at its cap.
TEST(RequestTrackerTest, FloodOfDistinctRequestsStaysAtTheCap) {
  RequestTracker t({.max_requests = 4096, .max_answers = 1000, .record_answers = true});
  for (int64_t i = 0; i < 1'000'000; ++i) {
    (void)t.Track(kToAgent, Req(i), F(static_cast<uint64_t>(i) + 1), i);
    if (i % 2 == 0) (void)t.Track(kToManager, Resp(i), F(static_cast<uint64_t>(i) + 1, 1), i);
    ASSERT_LE(t.size(), 4096u);
  }
  EXPECT_EQ(t.size(), 4096u);
  EXPECT_EQ(t.stats().evicted_by_count, 1'000'000u - 4096u);
  EXPECT_EQ(t.answers().size(), 1000u);
  EXPECT_EQ(t.answers().dropped(), 500'000u - 1000u);
  // The most recent requests still match.
  EXPECT_EQ(t.Track(kToManager, Resp(999'999), F(2'000'000), 1'000'000).kind,
            MatchKind::kResponse);
}

TEST(RequestTrackerTest, ResetForgetsEverything) {
  RequestTracker t({.record_answers = true});
  (void)t.Track(kToAgent, Req(1), F(1), 0);
  (void)t.Track(kToManager, Resp(1), F(2), 0);
  t.StartSecondPass();
  t.Reset();
  EXPECT_FALSE(t.second_pass());
  EXPECT_EQ(t.answers().size(), 0u);
  EXPECT_EQ(t.size(), 0u);
  EXPECT_EQ(t.Track(kToManager, Resp(1), F(2), 0).kind, MatchKind::kUnmatchedResponse);
}

TEST(RequestTrackerTest, CaptureTimeAcrossTheWholeRangeDoesNotOverflow) {
  // A hostile capture: a request at the latest time, its answer at the
  // earliest (corpus/regressions/pipeline-request-elapsed-overflow).
  RequestTracker t;
  (void)t.Track(kToAgent, Req(7), F(1), INT64_MAX);
  const Match m = t.Track(kToManager, Resp(7), F(2), INT64_MIN);
  EXPECT_EQ(m.kind, MatchKind::kResponse);
  EXPECT_EQ(m.elapsed_ns, INT64_MIN);  // saturated
}

}  // namespace
}  // namespace snmpdissect::conversation
