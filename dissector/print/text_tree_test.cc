#include "dissector/print/text_tree.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/snmp_fields.h"

#include <cstdio>
#include <string>
#include <vector>

#include "dissector/print/testing/corpus_trees.h"
#include "gtest/gtest.h"

namespace snmpdissect::print {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;
using tree::Tree;

std::vector<uint8_t> B(std::string_view s) { return {s.begin(), s.end()}; }

std::string Printed(const Tree& tree) {
  std::string out;
  TextTreePrinter().Print(tree, &out);
  return out;
}

TEST(TextTreeTest, IndentsFourSpacesPerLevelLikeTshark) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 30});
  tree.AddInt(snmp, proto::Snmp::hf[proto::Snmp::kVersion], {2, 3}, 1);
  tree.AddString(snmp, proto::Snmp::hf[proto::Snmp::kCommunity], {5, 8}, "public");
  const NodeId data = tree.AddUint(snmp, proto::Snmp::hf[proto::Snmp::kData], {13, 17}, 0);
  const NodeId pdu = tree.AddNone(data, proto::Snmp::hf[proto::Snmp::kGetRequestElement], {13, 17});
  tree.AddInt(pdu, proto::Snmp::hf[proto::Snmp::kRequestId], {15, 4}, 1234);
  tree.AddInt(pdu, proto::Snmp::hf[proto::Snmp::kErrorStatus], {19, 3}, 18);
  tree.AddInt(pdu, proto::Snmp::hf[proto::Snmp::kErrorIndex], {22, 3}, 0);
  tree.AddUint(pdu, proto::Snmp::hf[proto::Snmp::kVariableBindings], {25, 5}, 1);
  EXPECT_EQ(Printed(tree),
            "Simple Network Management Protocol\n"
            "    version: v2c (1)\n"
            "    community: public\n"
            "    data: get-request (0)\n"
            "        get-request\n"
            "            request-id: 1234\n"
            "            error-status: inconsistentName (18)\n"
            "            error-index: 0\n"
            "            variable-bindings: 1 item\n");
}

TEST(TextTreeTest, RendersEachValueKind) {
  Tree tree;
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  const NodeId flags = tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kMsgFlags], {0, 3}, B("\x05"));
  tree.AddBool(flags, proto::Snmp::hf[proto::Snmp::kV3FlagsReport], {2, 1}, true);
  tree.AddBool(flags, proto::Snmp::hf[proto::Snmp::kV3FlagsCrypt], {2, 1}, false);
  tree.AddBool(flags, proto::Snmp::hf[proto::Snmp::kV3FlagsAuth], {2, 1}, true);
  tree.AddInt(p, proto::Snmp::hf[proto::Snmp::kMsgSecurityModel], {0, 1}, 99);
  tree.AddUint(p, proto::Snmp::hf[proto::Snmp::kEngineIdEnterprise], {0, 1}, 8072);
  tree.AddUint(p, proto::Snmp::hf[proto::Snmp::kEngineIdEnterprise], {0, 1}, 424242);
  tree.AddUint(p, proto::Snmp::hf[proto::Snmp::kVariableBindings], {0, 1}, 3);
  tree.AddOid(p, proto::Snmp::hf[proto::Snmp::kName], {0, 1},
              [](std::string* out) { out->append("1.3.6.1.2.1.1.1.0"); });
  tree.AddIpv4(p, proto::Snmp::hf[proto::Snmp::kValueIpv4], {0, 1}, 0xc0a80001);
  uint8_t v6[16] = {0xfe, 0x80};
  v6[15] = 1;
  tree.AddIpv6(p, proto::Snmp::hf[proto::Snmp::kEngineIdIpv6], {0, 1}, v6);
  tree.AddEther(p, proto::Snmp::hf[proto::Snmp::kEngineIdMac], {0, 1},
                std::vector<uint8_t>{0x00, 0x11, 0x22, 0x33, 0xaa, 0xbb});
  tree.AddTime(p, proto::Snmp::hf[proto::Snmp::kEngineIdTime], {0, 1}, 1701954743);
  tree.AddDouble(p, proto::Snmp::hf[proto::Snmp::kValueOpaqueFloat], {0, 1}, 0.1f);
  tree.AddDouble(p, proto::Snmp::hf[proto::Snmp::kValueOpaqueDouble], {0, 1}, 2.5);
  tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kMsgPrivacyParameters], {0, 1}, {});
  tree.AddString(p, proto::Snmp::hf[proto::Snmp::kContextName], {0, 1}, "");
  tree.AddBool(p, proto::Snmp::hf[proto::Snmp::kEngineIdConform], {0, 1}, false);
  const NodeId counter = tree.AddUint(p, proto::Snmp::hf[proto::Snmp::kValueCounter], {0, 1}, 1ull << 40);
  tree.SetLabel(counter, "Value (Counter64)");
  tree.AddNone(p, proto::Snmp::hf[proto::Snmp::kValueNull], {0, 1});
  EXPECT_EQ(Printed(tree),
            "Simple Network Management Protocol\n"
            "    msgFlags: 05\n"
            "        .... .1.. = Reportable: Set\n"
            "        .... ..0. = Encrypted: Not set\n"
            "        .... ...1 = Authenticated: Set\n"
            "    msgSecurityModel: Unknown (99)\n"
            "    Engine Enterprise ID: net-snmp (8072)\n"
            "    Engine Enterprise ID: 424242\n"
            "    variable-bindings: 3 items\n"
            "    Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)\n"
            "    Value (IpAddress): 192.168.0.1\n"
            "    Engine ID Data: IPv6 address: fe80::1\n"
            "    Engine ID Data: MAC address: 00:11:22:33:aa:bb\n"
            "    Engine ID Data: Creation Time: Dec  7, 2023 13:12:23.000000000 UTC\n"
            "    Opaque Float: 0.1\n"
            "    Opaque Double: 2.5\n"
            "    msgPrivacyParameters: <empty>\n"
            "    contextName: <empty>\n"
            "    0... .... = Engine ID Conformance: RFC1910 (Non-SNMPv3)\n"
            "    Value (Counter64): 1099511627776\n"
            "    Value (Null)\n");
}

TEST(TextTreeTest, OctetStringsPrintAsTextOnlyWhenPrintable) {
  Tree tree;
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kValueOctets], {0, 1}, B("Linux host 5.10"));
  tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kValueOctets], {0, 1}, B("say \"hi\"\r\n"));
  tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kValueOctets], {0, 1}, B(std::string_view("\x00\x01\x1b", 3)));
  tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kValueOctets], {0, 1}, {});
  tree.AddBytes(p, proto::Snmp::hf[proto::Snmp::kMsgAuthoritativeEngineId], {0, 1}, B("abc"));
  EXPECT_EQ(Printed(tree),
            "Simple Network Management Protocol\n"
            "    Value (OctetString): \"Linux host 5.10\"\n"
            "    Value (OctetString): \"say \\\"hi\\\"\\r\\n\"\n"
            "    Value (OctetString): 00011b\n"
            "    Value (OctetString): \"\"\n"
            "    msgAuthoritativeEngineID: 616263\n");
}

TEST(TextTreeTest, HostileStringsCannotDriveTheTerminal) {
  Tree tree;
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  tree.AddString(p, proto::Snmp::hf[proto::Snmp::kCommunity], {0, 1}, "pub\x1b]0;owned\x07lic");
  tree.AddString(p, proto::Snmp::hf[proto::Snmp::kMsgUserName], {0, 1}, "\x1b[2J\x1b[1;1Hroot\r\n");
  tree.AddString(p, proto::Snmp::hf[proto::Snmp::kContextName], {0, 1}, "\xff\xc2\x9b" "6n\xe2\x80\xae");
  tree.AddDiagnostic(p, proto::Malformed::ei[proto::Malformed::kExpert], Severity::kError, "bad \x1b[31m text");
  const std::string out = Printed(tree);
  EXPECT_EQ(out,
            "Simple Network Management Protocol\n"
            "    [Expert Info (Error/Malformed): bad \\x1b[31m text]\n"
            "    community: pub\\x1b]0;owned\\x07lic\n"
            "    msgUserName: \\x1b[2J\\x1b[1;1Hroot\\r\\n\n"
            "    contextName: \\xff\\u009b6n\\u202e\n");
  for (char c : out) {
    EXPECT_TRUE(c == '\n' || (static_cast<uint8_t>(c) >= 0x20 && c != 0x7f));
  }
}

TEST(TextTreeTest, VarBindLineSummarisesNameAndValue) {
  Tree tree;
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  const NodeId vb = tree.AddNone(p, proto::Snmp::hf[proto::Snmp::kVarBind], {0, 1});
  tree.AddOid(vb, proto::Snmp::hf[proto::Snmp::kName], {0, 1}, [](std::string* o) { o->append("1.3.6.1"); });
  tree.AddBytes(vb, proto::Snmp::hf[proto::Snmp::kValueOctets], {0, 1}, B("x\x1b"));
  const NodeId vb2 = tree.AddNone(p, proto::Snmp::hf[proto::Snmp::kVarBind], {0, 1});
  tree.AddOid(vb2, proto::Snmp::hf[proto::Snmp::kName], {0, 1}, [](std::string* o) { o->append("1.3"); });
  const NodeId none = tree.AddNone(vb2, proto::Snmp::hf[proto::Snmp::kNoSuchObject], {0, 1});
  tree.AddDiagnostic(none, proto::Snmp::ei[proto::Snmp::kVarbindResponse], Severity::kNote, "noSuchObject");
  tree.AddNone(p, proto::Snmp::hf[proto::Snmp::kVarBind], {0, 1});  // nothing decoded in it
  EXPECT_EQ(Printed(tree),
            "Simple Network Management Protocol\n"
            "    1.3.6.1: 781b\n"
            "        Object Name: 1.3.6.1 (iso.3.6.1)\n"
            "        Value (OctetString): 781b\n"
            "    1.3: noSuchObject\n"
            "        Object Name: 1.3 (iso.3)\n"
            "        noSuchObject\n"
            "            [Expert Info (Note/Response): noSuchObject]\n"
            "    VarBind\n");
}

TEST(TextTreeTest, GeneratedNodesAndSubtreesAndTruncation) {
  Tree tree(tree::TreeLimits{.max_nodes = 4});
  const NodeId p = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  const NodeId bad = tree.AddNone(p, proto::Malformed::hf[proto::Malformed::kMalformed], {0, 1});
  tree.SetLabel(bad, "Malformed Packet: SNMP");
  tree.SetGenerated(bad);
  tree.AddDiagnostic(bad, proto::Malformed::ei[proto::Malformed::kExpert]);
  tree.AddInt(bad, proto::Snmp::hf[proto::Snmp::kMsgId], {0, 1}, 5);
  tree.AddInt(bad, proto::Snmp::hf[proto::Snmp::kMsgId], {0, 1}, 6);  // over the limit
  std::string sub;
  TextTreePrinter().PrintSubtree(tree, bad, &sub);
  EXPECT_EQ(sub,
            "[Malformed Packet: SNMP]\n"
            "    [Expert Info (Error/Malformed): Malformed Packet]\n"
            "    msgID: 5\n"
            "[Dissection truncated: tree size limit reached]\n");
}

TEST(TextTreeTest, PrintsToFile) {
  Tree tree;
  tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  TextTreePrinter printer;
  EXPECT_TRUE(printer.Print(tree, f));
  std::rewind(f);
  char buffer[128] = {};
  ASSERT_NE(std::fgets(buffer, sizeof(buffer), f), nullptr);
  EXPECT_STREQ(buffer, "Simple Network Management Protocol\n");
  std::fclose(f);
}

}  // namespace
}  // namespace snmpdissect::print

namespace snmpdissect::print {
namespace {

// tshark -O snmp: the other layers show their top line only, built from
// their children as tshark builds it (compared with tshark -n, which prints
// Ethernet addresses without OUI names as we do). The first four frames:
// later TCP lines show Ack, where tshark's relative numbers go astray on
// tcp.pcap (see fields_printer_test.cc, tcp.seq).
TEST(TextTreeTest, ExpandOnlyShowsOtherLayersTopLinesLikeTshark) {
  ASSERT_TRUE(testing::TsharkInstalled()) << "tshark is not installed (tools/test.sh installs it)";
  for (const char* name : {"v1-v2c.pcap", "tcp.pcap", "ipv6.pcap"}) {
    const std::string path = testing::CorpusDir() + "/" + name;
    SCOPED_TRACE(path);
    testing::CorpusTrees trees(path, /*with_users=*/false);
    const std::vector<std::string> theirs =
        testing::TsharkLines("-n -r '" + path + "' -O snmp -c 4", /*with_users=*/false);
    TextTreePrinter printer({.expand_only = {proto::Snmp::hf[proto::Snmp::kSnmp]}});
    std::vector<std::string> top_ours, top_theirs;
    for (size_t i = 0; i < 4; ++i) {
      std::string out;
      printer.Print(trees.frames()[i].tree, &out);
      for (const std::string& line : testing::Lines(out)) {
        if (!line.empty() && line[0] != ' ' && line.rfind("Simple", 0) != 0) {
          top_ours.push_back(line);
        }
        // Nothing below the collapsed layers.
        EXPECT_FALSE(line.rfind("    Source Port", 0) == 0) << line;
      }
    }
    for (const std::string& line : theirs) {
      if (!line.empty() && line[0] != ' ' && line.rfind("Simple", 0) != 0) {
        top_theirs.push_back(line);
      }
    }
    EXPECT_EQ(top_ours, top_theirs);
  }
}

TEST(TextTreeTest, FrameLengthsInBytesAndBits) {
  Tree tree;
  const NodeId frame = tree.AddProtocol(Tree::kRoot, proto::Frame::hf[proto::Frame::kFrame], {0, 74});
  tree.AddUint(frame, proto::Frame::hf[proto::Frame::kNumber], {}, 3);
  tree.AddUint(frame, proto::Frame::hf[proto::Frame::kLen], {}, 74);
  tree.AddUint(frame, proto::Frame::hf[proto::Frame::kCapLen], {}, 74);
  EXPECT_EQ(Printed(tree),
            "Frame 3: 74 bytes on wire (592 bits), 74 bytes captured (592 bits)\n"
            "    Frame Number: 3\n"
            "    Frame Length: 74 bytes (592 bits)\n"
            "    Capture Length: 74 bytes (592 bits)\n");
}

}  // namespace
}  // namespace snmpdissect::print
