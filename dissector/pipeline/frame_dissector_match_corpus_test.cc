// Request/response matching over every corpus/pcap capture, against tshark's
// two-pass analysis (`tshark -2 -T fields -e snmp.response_in -e
// snmp.response_to`, with corpus/pcap/snmp_users as its snmp_users table and
// the same users given to our dissector). Both must agree frame by frame,
// except where we match on purpose where Wireshark 4.0 does not (or
// differently). Each difference is classified, counted and printed:
//
// - kReportAnswers: an SNMPv3 Report answers the request whose msgID it
//   carries (RFC 3412 section 7.1 step 3, 7.2); we show response_to on it
//   and response_in on the request. Wireshark counts a Report as a request.
// - kReportAsRequest: ...which is why tshark shows response_in on a Report,
//   or on a request pointing at a response with another msgID: Wireshark
//   pairs SNMPv3 messages by the PDU's request-id, and a manager keeps the
//   request-id when it resends a request after a Report (engine discovery,
//   time window) under a new msgID. We pair SNMPv3 by msgID (RFC 3412
//   section 6.2).
// - kUnreadableToTshark: tshark could not read the PDU of the request or the
//   response (net-snmp's AES-192/256 key extension it lacks, or a PDU
//   nobody can decrypt); we pair them by msgID and the reportableFlag
//   (RFC 3412 section 6.4) or through our own decryption.
// Anything else fails the test. Frames with several SNMP messages (TCP)
// must agree exactly.
//
// tools/test.sh installs tshark; without it this test fails.

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/testing/tree_checks.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

using tree::FieldId;

// One frame as a tool saw it: comma-joined values, as tshark prints them.
struct Row {
  std::string response_in, response_to, msg_id, data;
  int messages = 0;
};

std::string Joined(const tree::Tree& tree, FieldId field) {
  std::vector<std::string> values;
  for (tree::NodeId id : proto::testing::FindAll(tree, field)) {
    values.push_back(std::to_string(field == proto::Snmp::hf[proto::Snmp::kMsgId] ? tree.IntValue(id)
                                                                : tree.UintValue(id)));
  }
  return absl::StrJoin(values, ",");
}

std::map<uint64_t, Row> Ours(const std::string& path, usm::Processor* users) {
  std::map<uint64_t, Row> rows;
  auto frames = testing::ReadFrames(path);
  EXPECT_TRUE(frames.ok()) << frames.status();
  if (!frames.ok()) return rows;
  proto::SnmpDissector snmp;
  snmp.set_usm(users);
  Options options;
  options.requests.record_answers = true;
  FrameDissector dissector(options, &snmp);
  tree::Tree tree;
  for (const testing::StoredFrame& f : *frames) (void)dissector.Dissect(f.Input(), &tree);
  dissector.StartSecondPass();
  for (const testing::StoredFrame& f : *frames) {
    const FrameResult& r = dissector.Dissect(f.Input(), &tree);
    Row& row = rows[f.number];
    row.messages = static_cast<int>(r.messages.size());
    row.response_in = Joined(tree, proto::Snmp::hf[proto::Snmp::kResponseIn]);
    row.response_to = Joined(tree, proto::Snmp::hf[proto::Snmp::kResponseTo]);
    row.msg_id = Joined(tree, proto::Snmp::hf[proto::Snmp::kMsgId]);
    row.data = Joined(tree, proto::Snmp::hf[proto::Snmp::kData]);
  }
  EXPECT_LE(dissector.requests().size(), dissector.requests().limits().max_requests);
  const conversation::TrackerStats& s = dissector.stats().requests;
  std::printf("%-24s requests %llu, matched %llu, retransmissions %llu, duplicate responses "
              "%llu, unmatched responses %llu\n",
              path.substr(path.rfind('/') + 1).c_str(),
              static_cast<unsigned long long>(s.requests),
              static_cast<unsigned long long>(s.matched),
              static_cast<unsigned long long>(s.retransmissions),
              static_cast<unsigned long long>(s.duplicate_responses),
              static_cast<unsigned long long>(s.unmatched_responses));
  return rows;
}

std::map<uint64_t, Row> Tshark(const std::string& path, const std::string& home) {
  std::map<uint64_t, Row> rows;
  const std::string command =
      "HOME=" + home + " XDG_CONFIG_HOME=" + home + " tshark -2 -r '" + path +
      "' -T fields -E separator=/t -E occurrence=a -E aggregator=, -e frame.number"
      " -e snmp.response_in -e snmp.response_to -e snmp.msgID -e snmp.data 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return rows;
  char buffer[1 << 14];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) {
    std::string line(buffer);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    std::vector<std::string> c = absl::StrSplit(line, '\t');
    if (c.size() != 5) continue;
    rows[std::stoull(c[0])] = Row{c[1], c[2], c[3], c[4]};
  }
  pclose(pipe);
  return rows;
}

enum Reason { kAgree, kReportAnswers, kReportAsRequest, kUnreadableToTshark, kUnexplained };
constexpr const char* kReasonNames[] = {"agree", "report answers", "report as request",
                                        "unreadable to tshark", "UNEXPLAINED"};
constexpr int kReport = 8;

uint64_t Number(const std::string& s) { return s.empty() ? 0 : std::stoull(s); }

// Why tshark's `theirs` and our `ours` differ for one frame's response_in
// (`in`) or response_to, on a frame with one SNMP message.
Reason Classify(uint64_t frame, bool in, uint64_t ours, uint64_t theirs,
                const std::map<uint64_t, Row>& our_rows,
                const std::map<uint64_t, Row>& their_rows) {
  if (ours == theirs) return kAgree;
  const Row& me = our_rows.at(frame);
  const auto pdu = [&](uint64_t f) { return f == 0 ? -1 : std::atoi(our_rows.at(f).data.c_str()); };
  const auto readable_to_tshark = [&](uint64_t f) {
    return f == 0 || !their_rows.at(f).data.empty();
  };
  // The partner we name, and the one tshark names.
  if (ours != 0 && (!readable_to_tshark(frame) || !readable_to_tshark(ours))) {
    if (theirs == 0) return kUnreadableToTshark;
  }
  if (in) {
    // We: a request answered by a Report. tshark: nothing, or the later
    // answer to a resent request with the same request-id.
    if (ours != 0 && pdu(ours) == kReport &&
        (theirs == 0 || our_rows.at(theirs).msg_id != me.msg_id)) {
      return kReportAnswers;
    }
    // tshark: a Report "answered", or a response to another msgID.
    if (ours == 0 && theirs != 0 &&
        (pdu(frame) == kReport || our_rows.at(theirs).msg_id != me.msg_id)) {
      return kReportAsRequest;
    }
  } else {
    if (ours != 0 && theirs == 0 && pdu(frame) == kReport) return kReportAnswers;
  }
  return kUnexplained;
}

TEST(PipelineMatchCorpusTest, ResponseInAndToMatchTsharkTwoPass) {
  ASSERT_EQ(std::system("command -v tshark >/dev/null 2>&1"), 0)
      << "tshark not installed (tools/test.sh installs it)";
  const std::string users_file = snmp::testing::SourceDir() + "/corpus/pcap/snmp_users";
  auto users = usm::LoadUsersFile(users_file);
  ASSERT_TRUE(users.ok()) << users.status();
  usm::Processor processor(*std::move(users));
  char home_template[] = "/tmp/snmpdissect-tshark-XXXXXX";
  ASSERT_NE(mkdtemp(home_template), nullptr);
  const std::string home = home_template;
  ASSERT_EQ(std::system(("mkdir -p " + home + "/wireshark && cp '" + users_file + "' " + home +
                         "/wireshark/snmp_users")
                            .c_str()),
            0);

  std::map<Reason, int> totals;
  size_t pairs = 0;
  for (const std::string& path : snmp::testing::CorpusCaptures()) {
    SCOPED_TRACE(path);
    const std::map<uint64_t, Row> ours = Ours(path, &processor);
    const std::map<uint64_t, Row> theirs = Tshark(path, home);
    ASSERT_EQ(ours.size(), theirs.size());
    std::map<Reason, int> counts;
    for (const auto& [frame, me] : ours) {
      const Row& them = theirs.at(frame);
      pairs += !me.response_to.empty();
      if (me.messages > 1) {
        EXPECT_EQ(me.response_in, them.response_in) << "frame " << frame;
        EXPECT_EQ(me.response_to, them.response_to) << "frame " << frame;
        ++counts[me.response_in == them.response_in && me.response_to == them.response_to
                     ? kAgree
                     : kUnexplained];
        continue;
      }
      for (bool in : {true, false}) {
        const uint64_t a = Number(in ? me.response_in : me.response_to);
        const uint64_t b = Number(in ? them.response_in : them.response_to);
        const Reason why = Classify(frame, in, a, b, ours, theirs);
        ++counts[why];
        EXPECT_NE(why, kUnexplained)
            << "frame " << frame << (in ? " snmp.response_in" : " snmp.response_to")
            << ": ours " << a << ", tshark " << b;
      }
    }
    std::string summary;
    for (const auto& [reason, n] : counts) {
      summary += std::string(kReasonNames[reason]) + " " + std::to_string(n) + "; ";
      totals[reason] += n;
    }
    std::printf("%-24s %s\n", path.substr(path.rfind('/') + 1).c_str(), summary.c_str());
  }
  EXPECT_EQ(totals[kUnexplained], 0);
  EXPECT_GT(totals[kAgree], 4000);
  EXPECT_GT(pairs, 900u);
  std::system(("rm -rf '" + home + "'").c_str());
}

}  // namespace
}  // namespace snmpdissect::pipeline
