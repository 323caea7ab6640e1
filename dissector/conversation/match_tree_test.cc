#include "dissector/conversation/match_tree.h"
#include "dissector/proto/snmp_fields.h"

#include <string>

#include "gtest/gtest.h"

namespace snmpdissect::conversation {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Tree;

struct Built {
  Tree tree;
  NodeId snmp = tree::kNoNode;
};

void Build(const Match& m, Built* b) {
  b->tree.Clear();
  b->snmp = b->tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {42, 50});
  b->tree.AddInt(b->snmp, proto::Snmp::hf[proto::Snmp::kVersion], {44, 3}, 1);
  AddMatchTree(m, &b->tree, b->snmp);
}

std::string DiagnosticText(const Tree& t, tree::DiagnosticId d) {
  const tree::Diagnostic& diag = t.diagnostic(d);
  return diag.text.length > 0 ? std::string(t.Text(diag.text))
                              : tree::GetExpert(diag.expert).summary;
}

TEST(MatchTreeTest, ResponseGetsResponseToAndTime) {
  Built b;
  Build(Match{.kind = MatchKind::kResponse, .request_frame = 1, .elapsed_ns = 205'000}, &b);
  const NodeId to = b.tree.Find(proto::Snmp::hf[proto::Snmp::kResponseTo], b.snmp);
  ASSERT_NE(to, tree::kNoNode);
  EXPECT_EQ(b.tree.node(to).parent, b.snmp);
  EXPECT_TRUE(b.tree.node(to).generated);
  EXPECT_EQ(b.tree.UintValue(to), 1u);
  EXPECT_EQ(b.tree.node(to).range, (tree::Range{42, 0}));
  const NodeId time = b.tree.Find(proto::Snmp::hf[proto::Snmp::kTime], b.snmp);
  ASSERT_NE(time, tree::kNoNode);
  EXPECT_EQ(b.tree.IntValue(time), 205'000);
  EXPECT_TRUE(b.tree.node(time).generated);
  EXPECT_EQ(b.tree.node(b.snmp).last_child, time);  // at the end, as in Wireshark
  EXPECT_EQ(b.tree.diagnostic_count(), 0u);
}

TEST(MatchTreeTest, RequestGetsResponseInOnlyWhenKnown) {
  Built b;
  Build(Match{.kind = MatchKind::kRequest}, &b);
  EXPECT_EQ(b.tree.Find(proto::Snmp::hf[proto::Snmp::kResponseIn], b.snmp), tree::kNoNode);
  EXPECT_EQ(b.tree.diagnostic_count(), 0u);
  Build(Match{.kind = MatchKind::kRequest, .response_frame = 2}, &b);
  const NodeId in = b.tree.Find(proto::Snmp::hf[proto::Snmp::kResponseIn], b.snmp);
  ASSERT_NE(in, tree::kNoNode);
  EXPECT_EQ(b.tree.UintValue(in), 2u);
  EXPECT_TRUE(b.tree.node(in).generated);
}

TEST(MatchTreeTest, Diagnostics) {
  Built b;
  Build(Match{.kind = MatchKind::kRetransmission, .request_frame = 5}, &b);
  ASSERT_EQ(b.tree.diagnostic_count(), 1u);
  EXPECT_EQ(b.tree.diagnostic(0).expert, proto::Snmp::ei[proto::Snmp::kRetransmission]);
  EXPECT_EQ(DiagnosticText(b.tree, 0), "Retransmission of the request in frame 5");
  EXPECT_EQ(b.tree.node(b.snmp).first_diagnostic, 0u);

  Build(Match{.kind = MatchKind::kDuplicateResponse, .request_frame = 1,
              .first_response_frame = 6},
        &b);
  ASSERT_EQ(b.tree.diagnostic_count(), 1u);
  EXPECT_EQ(DiagnosticText(b.tree, 0), "Duplicate response; the first was in frame 6");
  EXPECT_NE(b.tree.Find(proto::Snmp::hf[proto::Snmp::kResponseTo], b.snmp), tree::kNoNode);

  Build(Match{.kind = MatchKind::kRequest, .unanswered = true}, &b);
  ASSERT_EQ(b.tree.diagnostic_count(), 1u);
  EXPECT_EQ(b.tree.diagnostic(0).expert, proto::Snmp::ei[proto::Snmp::kNoResponse]);
  EXPECT_EQ(DiagnosticText(b.tree, 0), "No response seen to this request");

  Build(Match{.kind = MatchKind::kUnmatchedResponse}, &b);
  ASSERT_EQ(b.tree.diagnostic_count(), 1u);
  EXPECT_EQ(b.tree.diagnostic(0).expert, proto::Snmp::ei[proto::Snmp::kResponseUnmatched]);
  EXPECT_EQ(DiagnosticText(b.tree, 0), "Response to no request seen in the capture");
  EXPECT_EQ(b.tree.Find(proto::Snmp::hf[proto::Snmp::kResponseTo], b.snmp), tree::kNoNode);

  Build(Match{}, &b);
  EXPECT_EQ(b.tree.size(), 3u);
  AddMatchTree(Match{.kind = MatchKind::kUnmatchedResponse}, &b.tree, tree::kNoNode);
  EXPECT_EQ(b.tree.diagnostic_count(), 0u);
}

}  // namespace
}  // namespace snmpdissect::conversation
