#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/tree/tree.h"

#include <cstdint>
#include <string>

#include "gtest/gtest.h"

namespace snmpdissect::tree {
namespace {

std::vector<NodeId> Children(const Tree& tree, NodeId id) {
  std::vector<NodeId> out;
  for (NodeId c = tree.node(id).first_child; c != kNoNode; c = tree.node(c).next_sibling) {
    out.push_back(c);
  }
  return out;
}

TEST(TreeTest, StartsWithOnlyTheRoot) {
  Tree tree;
  EXPECT_EQ(tree.size(), 1u);
  EXPECT_EQ(tree.node(Tree::kRoot).first_child, kNoNode);
  EXPECT_FALSE(tree.truncated());
}

TEST(TreeTest, LinksChildrenInOrderAndStoresTypedValues) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 40});
  const NodeId version = tree.AddInt(snmp, proto::Snmp::hf[proto::Snmp::kVersion], {2, 3}, 1);
  const NodeId community =
      tree.AddString(snmp, proto::Snmp::hf[proto::Snmp::kCommunity], {5, 8}, std::string_view("pub\x1b"));
  const NodeId id = tree.AddInt(snmp, proto::Snmp::hf[proto::Snmp::kRequestId], {13, 4}, -7);
  const NodeId bytes = tree.AddBytes(snmp, proto::Snmp::hf[proto::Snmp::kMsgFlags], {17, 3},
                                     std::vector<uint8_t>{0x07});
  const NodeId oid = tree.AddOid(snmp, proto::Snmp::hf[proto::Snmp::kName], {20, 5},
                                 [](std::string* out) { out->append("1.3.6"); });
  const NodeId flag = tree.AddBool(bytes, proto::Snmp::hf[proto::Snmp::kV3FlagsAuth], {19, 1}, true);
  const NodeId ip = tree.AddIpv4(snmp, proto::Snmp::hf[proto::Snmp::kAgentAddr], {25, 6}, 0x0a000001);
  const NodeId when = tree.AddTime(snmp, proto::Snmp::hf[proto::Snmp::kEngineIdTime], {31, 4}, -1);
  const NodeId real = tree.AddDouble(snmp, proto::Snmp::hf[proto::Snmp::kValueOpaqueDouble], {35, 5}, 2.5);

  EXPECT_EQ(Children(tree, Tree::kRoot), std::vector<NodeId>{snmp});
  EXPECT_EQ(Children(tree, snmp),
            (std::vector<NodeId>{version, community, id, bytes, oid, ip, when, real}));
  EXPECT_EQ(Children(tree, bytes), std::vector<NodeId>{flag});
  EXPECT_EQ(tree.node(flag).parent, bytes);
  EXPECT_EQ(tree.ChildCount(snmp), 8u);

  EXPECT_EQ(tree.node(snmp).type, FieldType::kProtocol);
  EXPECT_EQ(tree.IntValue(version), 1);
  EXPECT_EQ(tree.TextValue(community), "pub\x1b");
  EXPECT_EQ(tree.node(community).type, FieldType::kString);
  EXPECT_EQ(tree.IntValue(id), -7);
  EXPECT_EQ(tree.TextValue(bytes), std::string("\x07"));
  EXPECT_EQ(tree.TextValue(oid), "1.3.6");
  EXPECT_TRUE(tree.BoolValue(flag));
  EXPECT_EQ(tree.Ipv4Value(ip), 0x0a000001u);
  EXPECT_EQ(tree.IntValue(when), -1'000'000'000);
  EXPECT_EQ(tree.DoubleValue(real), 2.5);
  EXPECT_EQ(tree.node(version).range, (Range{2, 3}));
  for (NodeId n = 1; n < tree.size(); ++n) {
    EXPECT_TRUE(Tree::TypeFits(tree.node(n).field, tree.node(n).type)) << n;
  }
}

TEST(TreeTest, WrongSizedAddressesFallBackToBytes) {
  Tree tree;
  const NodeId six = tree.AddIpv6(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kEngineIdIpv6], {0, 3},
                                  std::vector<uint8_t>{1, 2, 3});
  const NodeId mac = tree.AddEther(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kEngineIdMac], {0, 6},
                                   std::vector<uint8_t>{1, 2, 3, 4, 5, 6});
  EXPECT_EQ(tree.node(six).type, FieldType::kBytes);
  EXPECT_EQ(tree.node(mac).type, FieldType::kEther);
  EXPECT_TRUE(Tree::TypeFits(proto::Snmp::hf[proto::Snmp::kEngineIdIpv6], FieldType::kBytes));
  EXPECT_FALSE(Tree::TypeFits(proto::Snmp::hf[proto::Snmp::kEngineIdIpv6], FieldType::kString));
}

TEST(TreeTest, DiagnosticsChainOnTheirNode) {
  Tree tree;
  const NodeId a = tree.AddNone(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kVarBind], {0, 4});
  const DiagnosticId d1 = tree.AddDiagnostic(a, proto::Snmp::ei[proto::Snmp::kTrailingData]);
  const DiagnosticId d2 = tree.AddDiagnostic(a, proto::Malformed::ei[proto::Malformed::kExpert], Severity::kError,
                                             "offset 3: length exceeds input");
  const DiagnosticId d3 = tree.AddDiagnostic(
      a, proto::Malformed::ei[proto::Malformed::kExpert], Severity::kError,
      [](std::string* out) { out->append("written"); });
  EXPECT_EQ(tree.node(a).first_diagnostic, d1);
  EXPECT_EQ(tree.diagnostic(d1).next, d2);
  EXPECT_EQ(tree.diagnostic(d2).next, d3);
  EXPECT_EQ(tree.diagnostic(d1).severity, Severity::kWarning);  // the expert's
  EXPECT_EQ(tree.Text(tree.diagnostic(d1).text), "");
  EXPECT_EQ(tree.Text(tree.diagnostic(d2).text), "offset 3: length exceeds input");
  EXPECT_EQ(tree.Text(tree.diagnostic(d3).text), "written");
  EXPECT_EQ(tree.AddDiagnostic(kNoNode, proto::Malformed::ei[proto::Malformed::kExpert]), kNoDiagnostic);
}

TEST(TreeTest, AddingUnderNoNodeDoesNothing) {
  Tree tree;
  EXPECT_EQ(tree.AddInt(kNoNode, proto::Snmp::hf[proto::Snmp::kMsgId], {0, 1}, 1), kNoNode);
  EXPECT_EQ(tree.AddString(kNoNode, proto::Snmp::hf[proto::Snmp::kCommunity], {0, 1}, "x"), kNoNode);
  EXPECT_EQ(tree.AddOid(kNoNode, proto::Snmp::hf[proto::Snmp::kName], {0, 1},
                        [](std::string* out) { out->append("1.3"); }),
            kNoNode);
  EXPECT_EQ(tree.size(), 1u);
  EXPECT_FALSE(tree.truncated());
}

TEST(TreeTest, FindAndInnermost) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {10, 30});
  const NodeId data = tree.AddUint(snmp, proto::Snmp::hf[proto::Snmp::kData], {20, 20}, 0);
  const NodeId element = tree.AddNone(data, proto::Snmp::hf[proto::Snmp::kGetRequestElement], {20, 20});
  const NodeId id = tree.AddInt(element, proto::Snmp::hf[proto::Snmp::kRequestId], {22, 4}, 1);
  const NodeId status = tree.AddInt(element, proto::Snmp::hf[proto::Snmp::kErrorStatus], {26, 3}, 0);
  EXPECT_EQ(tree.Find(proto::Snmp::hf[proto::Snmp::kErrorStatus]), status);
  EXPECT_EQ(tree.Find(proto::Snmp::hf[proto::Snmp::kErrorStatus], data), status);
  EXPECT_EQ(tree.Find(proto::Snmp::hf[proto::Snmp::kErrorStatus], id), kNoNode);
  EXPECT_EQ(tree.Find(proto::Snmp::hf[proto::Snmp::kMsgId]), kNoNode);
  EXPECT_EQ(tree.Find(proto::Snmp::hf[proto::Snmp::kSnmp], snmp), kNoNode);  // not the start itself
  EXPECT_EQ(tree.Innermost(snmp, 23), id);
  EXPECT_EQ(tree.Innermost(snmp, 29), element);  // past error-status, in the PDU
  EXPECT_EQ(tree.Innermost(snmp, 12), snmp);
  EXPECT_EQ(tree.Innermost(Tree::kRoot, 5), Tree::kRoot);
}

TEST(TreeTest, RangeContainsItsOctetsOnly) {
  const Range r{10, 5};
  EXPECT_FALSE(r.Contains(9));
  EXPECT_TRUE(r.Contains(10));
  EXPECT_TRUE(r.Contains(14));
  EXPECT_FALSE(r.Contains(15));
  EXPECT_FALSE(r.Contains(0));
  EXPECT_FALSE(r.Contains(UINT64_MAX));
  EXPECT_FALSE((Range{10, 0}).Contains(10));  // empty
  const Range widest{UINT32_MAX, UINT32_MAX};
  EXPECT_FALSE(widest.Contains(0));
  EXPECT_FALSE(widest.Contains(UINT32_MAX - 1));
  EXPECT_TRUE(widest.Contains(UINT32_MAX));
  EXPECT_TRUE(widest.Contains(uint64_t{UINT32_MAX} * 2 - 1));
  EXPECT_FALSE(widest.Contains(uint64_t{UINT32_MAX} * 2));
}

TEST(TreeTest, InnermostStaysInItsSource) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 100});
  // A decrypted ScopedPDU: its own data source, offsets into its value.
  const NodeId plain = tree.AddBytes(snmp, proto::Snmp::hf[proto::Snmp::kDecryptedPdu], {50, 50},
                                     absl::Span<const uint8_t>());
  const NodeId inner = tree.AddBytes(plain, proto::Snmp::hf[proto::Snmp::kContextEngineId], {0, 10, plain},
                                     absl::Span<const uint8_t>());
  EXPECT_EQ(tree.Innermost(snmp, 55), plain);  // frame offset 55
  EXPECT_EQ(tree.Innermost(plain, 5, plain), inner);
  EXPECT_EQ(tree.Innermost(plain, 10, plain), plain);
  EXPECT_EQ(tree.Innermost(kNoNode, 5), kNoNode);
}

TEST(TreeTest, DiagnosticTextLandsInTheArena) {
  Tree tree(TreeLimits{.max_text_bytes = 8});
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  const DiagnosticId d =
      tree.AddDiagnostic(p, proto::Snmp::ei[proto::Snmp::kTrailingData], Severity::kNote, "12345");
  ASSERT_NE(d, kNoDiagnostic);
  EXPECT_EQ(tree.Text(tree.diagnostic(d).text), "12345");
  EXPECT_EQ(tree.AddDiagnostic(p, proto::Snmp::ei[proto::Snmp::kTrailingData], Severity::kNote, "6789"),
            kNoDiagnostic);  // past the text limit
  EXPECT_TRUE(tree.truncated());
  EXPECT_EQ(tree.AddDiagnostic(kNoNode, proto::Snmp::ei[proto::Snmp::kTrailingData], Severity::kNote, "x"),
            kNoDiagnostic);
  EXPECT_EQ(tree.diagnostic_count(), 1u);
}

TEST(TreeTest, ClearKeepsCapacitySoReuseDoesNotAllocate) {
  Tree tree;
  auto build = [&tree] {
    tree.Clear();
    const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 100});
    for (int i = 0; i < 100; ++i) {
      tree.AddString(p, proto::Snmp::hf[proto::Snmp::kCommunity], {0, 1}, "some community text");
      tree.AddDiagnostic(p, proto::Snmp::ei[proto::Snmp::kTrailingData], Severity::kNote, "text");
    }
  };
  build();
  const Node* nodes = &tree.node(0);
  const std::string_view text = tree.TextValue(2);
  build();
  EXPECT_EQ(&tree.node(0), nodes);                 // same node storage
  EXPECT_EQ(tree.TextValue(2).data(), text.data());  // same arena storage
  EXPECT_EQ(tree.size(), 102u);  // root, protocol, 100 strings
}

TEST(TreeTest, LimitsTruncateInsteadOfGrowing) {
  Tree tree(TreeLimits{.max_nodes = 4, .max_diagnostics = 1, .max_text_bytes = 8});
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  EXPECT_NE(tree.AddString(p, proto::Snmp::hf[proto::Snmp::kCommunity], {0, 1}, "12345678"), kNoNode);
  EXPECT_EQ(tree.AddString(p, proto::Snmp::hf[proto::Snmp::kCommunity], {0, 1}, "x"), kNoNode);  // text
  EXPECT_TRUE(tree.truncated());
  EXPECT_NE(tree.AddInt(p, proto::Snmp::hf[proto::Snmp::kMsgId], {0, 1}, 1), kNoNode);
  EXPECT_EQ(tree.AddInt(p, proto::Snmp::hf[proto::Snmp::kMsgId], {0, 1}, 2), kNoNode);  // nodes
  EXPECT_EQ(tree.size(), 4u);
  EXPECT_NE(tree.AddDiagnostic(p, proto::Snmp::ei[proto::Snmp::kTrailingData]), kNoDiagnostic);
  EXPECT_EQ(tree.AddDiagnostic(p, proto::Snmp::ei[proto::Snmp::kTrailingData]), kNoDiagnostic);
  EXPECT_EQ(tree.diagnostic_count(), 1u);
  tree.Clear();
  EXPECT_FALSE(tree.truncated());
  EXPECT_EQ(tree.size(), 1u);
}

TEST(TreeTest, LabelsAndGeneratedFlag) {
  Tree tree;
  const NodeId n = tree.AddUint(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kValueCounter], {0, 1}, 5);
  tree.SetLabel(n, "Value (Counter64)");
  tree.SetGenerated(n);
  tree.SetRange(n, {3, 4});
  EXPECT_STREQ(tree.node(n).label, "Value (Counter64)");
  EXPECT_TRUE(tree.node(n).generated);
  EXPECT_EQ(tree.node(n).range, (Range{3, 4}));
  tree.SetLabel(kNoNode, "ignored");  // no crash
}

}  // namespace
}  // namespace snmpdissect::tree
