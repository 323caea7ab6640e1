#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/snmp.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_internal.h"
#include "dissector/proto/udp_fields.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "codec/snmp/testing/tlv.h"
#include "dissector/value/escape.h"
#include "dissector/print/text_tree.h"
#include "dissector/proto/testing/snmp_test_util.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace snmp::testing;  // NOLINT: the TLV spelling helpers
using testing::Dissect;
using testing::Dissected;
using testing::DissectedText;
using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Tree;

TEST(SnmpTreeTest, V1Trap) {
  const std::string trap =
      Tlv(0xa4, OidHex("2b0601040181bf08") + Tlv(0x40, Hex("0a000001")) + Int(6) + Int(17) +
                    Int(12345, 0x43) + Seq(Vb(SysDescr0(), Octets("x"))));
  EXPECT_EQ(DissectedText(Seq(Int(0) + Octets("public") + trap)),
            "Simple Network Management Protocol\n"
            "    version: version-1 (0)\n"
            "    community: public\n"
            "    data: trap (4)\n"
            "        trap\n"
            "            enterprise: 1.3.6.1.4.1.24456 (iso.3.6.1.4.1.24456)\n"
            "            agent-addr: 10.0.0.1\n"
            "            generic-trap: enterpriseSpecific (6)\n"
            "            specific-trap: 17\n"
            "            time-stamp: 12345\n"
            "            variable-bindings: 1 item\n"
            "                1.3.6.1.2.1.1.1.0: \"x\"\n"
            "                    Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)\n"
            "                    Value (OctetString): \"x\"\n");
}

TEST(SnmpTreeTest, V2cGetRequest) {
  Dissected d;
  Dissect(Community(1, PduTlv(0xa0, Vb(SysDescr0(), Tlv(0x05, "")))), &d);
  EXPECT_FALSE(d.result.malformed());
  EXPECT_EQ(d.text,
            "Simple Network Management Protocol\n"
            "    version: v2c (1)\n"
            "    community: public\n"
            "    data: get-request (0)\n"
            "        get-request\n"
            "            request-id: 1234\n"
            "            error-status: noError (0)\n"
            "            error-index: 0\n"
            "            variable-bindings: 1 item\n"
            "                1.3.6.1.2.1.1.1.0: Value (Null)\n"
            "                    Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)\n"
            "                    Value (Null)\n");
  // Byte ranges are the elements' TLVs: version is 02 01 01 at offset 2.
  const NodeId version = d.tree.Find(Snmp::hf[Snmp::kVersion]);
  ASSERT_NE(version, tree::kNoNode);
  EXPECT_EQ(d.tree.node(version).range, (tree::Range{2, 3}));
  EXPECT_EQ(d.tree.node(d.result.node).range.offset, 0u);
}

TEST(SnmpTreeTest, V2cResponseWithEveryValueType) {
  const std::string x = OidHex("2b06010201");  // 1.3.6.1.2.1
  const std::string varbinds =
      Vb(SysDescr0(), Octets("Linux host 5.10")) + Vb(SysUpTime0(), Int(360000, 0x43)) +
      Vb(x, Int(7, 0x41)) + Vb(x, Tlv(0x46, Hex("010000000000"))) +
      Vb(x, Tlv(0x40, Hex("c0a80001"))) + Vb(x, Int(5, 0x42)) + Vb(x, Int(-5)) +
      Vb(x, OidHex("2b06010401")) + Vb(x, Tlv(0x05, "")) + Vb(x, Tlv(0x80, "")) +
      Vb(x, Tlv(0x81, "")) + Vb(x, Tlv(0x82, "")) + Vb(x, Tlv(0x44, Hex("0102"))) +
      Vb(x, Tlv(0x44, Hex("9f78043dcccccd"))) + Vb(x, Tlv(0x45, Hex("0102"))) +
      Vb(x, Int(9, 0x47)) + Vb(x, Octets(Hex("00011b5b33316d"))) + Vb(x, Tlv(0x49, Hex("01"))) +
      Vb(x, Tlv(0x40, Hex("fe800000000000000000000000000001"))) +
      Vb(x, Tlv(0x40, Hex("0102")));
  Dissected d;
  Dissect(Community(1, PduTlv(0xa2, varbinds, 5, 2)), &d);
  EXPECT_FALSE(d.result.malformed());
  EXPECT_EQ(d.text,
            "Simple Network Management Protocol\n"
            "    version: v2c (1)\n"
            "    community: public\n"
            "    data: get-response (2)\n"
            "        get-response\n"
            "            request-id: 1234\n"
            "            error-status: genErr (5)\n"
            "            error-index: 2\n"
            "            variable-bindings: 20 items\n"
            "                1.3.6.1.2.1.1.1.0: \"Linux host 5.10\"\n"
            "                    Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)\n"
            "                    Value (OctetString): \"Linux host 5.10\"\n"
            "                1.3.6.1.2.1.1.3.0: 360000\n"
            "                    Object Name: 1.3.6.1.2.1.1.3.0 (iso.3.6.1.2.1.1.3.0)\n"
            "                    Value (Timeticks): 360000\n"
            "                1.3.6.1.2.1: 7\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Counter32): 7\n"
            "                1.3.6.1.2.1: 1099511627776\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Counter64): 1099511627776\n"
            "                1.3.6.1.2.1: 192.168.0.1\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (IpAddress): 192.168.0.1\n"
            "                1.3.6.1.2.1: 5\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Gauge32): 5\n"
            "                1.3.6.1.2.1: -5\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Integer32): -5\n"
            "                1.3.6.1.2.1: 1.3.6.1.4.1 (iso.3.6.1.4.1)\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (OID): 1.3.6.1.4.1 (iso.3.6.1.4.1)\n"
            "                1.3.6.1.2.1: Value (Null)\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Null)\n"
            "                1.3.6.1.2.1: noSuchObject\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    noSuchObject\n"
            "                        [Expert Info (Note/Response): noSuchObject]\n"
            "                1.3.6.1.2.1: noSuchInstance\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    noSuchInstance\n"
            "                        [Expert Info (Note/Response): noSuchInstance]\n"
            "                1.3.6.1.2.1: endOfMibView\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    endOfMibView\n"
            "                        [Expert Info (Note/Response): endOfMibView]\n"
            "                1.3.6.1.2.1: 0102\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Opaque): 0102\n"
            "                1.3.6.1.2.1: 9f78043dcccccd\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Opaque): 9f78043dcccccd\n"
            "                        Opaque Float: 0.1\n"
            "                1.3.6.1.2.1: 0102\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (NSAP): 0102\n"
            "                1.3.6.1.2.1: 9\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Unsigned32): 9\n"
            "                1.3.6.1.2.1: 00011b5b33316d\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (OctetString): 00011b5b33316d\n"
            "                1.3.6.1.2.1: 01\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (Unknown): 01\n"
            "                        [Expert Info (Warning/Malformed): unknown value type]\n"
            "                1.3.6.1.2.1: fe80::1\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (IpAddress): fe80::1\n"
            "                        [Expert Info (Warning/Malformed): IpAddress is not 4 "
            "octets]\n"
            "                1.3.6.1.2.1: 0102\n"
            "                    Object Name: 1.3.6.1.2.1 (iso.3.6.1.2.1)\n"
            "                    Value (IpAddress): 0102\n"
            "                        [Expert Info (Warning/Malformed): IpAddress is not 4 "
            "octets]\n");
  // Typed values, not just text: the tree is data. Counter64 shares
  // Wireshark's snmp.value.counter field and differs only in its label.
  std::vector<uint64_t> counters;
  for (NodeId id = 1; id < d.tree.size(); ++id) {
    if (d.tree.node(id).field == Snmp::hf[Snmp::kValueCounter]) {
      counters.push_back(d.tree.UintValue(id));
    }
  }
  EXPECT_EQ(counters, (std::vector<uint64_t>{7, 1099511627776u}));
}

TEST(SnmpTreeTest, GetBulkShowsNonRepeatersAndMaxRepetitions) {
  const std::string text =
      DissectedText(Community(1, Tlv(0xa5, Int(99) + Int(1) + Int(10) + Seq(""))));
  EXPECT_NE(text.find("        getBulkRequest\n"
                      "            request-id: 99\n"
                      "            non-repeaters: 1\n"
                      "            max-repetitions: 10\n"
                      "            variable-bindings: 0 items\n"),
            std::string::npos)
      << text;
}

const char kV3Header[] =
    "Simple Network Management Protocol\n"
    "    msgVersion: snmpv3 (3)\n"
    "    msgGlobalData\n"
    "        msgID: 42\n"
    "        msgMaxSize: 65507\n";

const char kNetSnmpEngineIdLines[] =
    "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
    "        Engine Enterprise ID: net-snmp (8072)\n"
    "        Engine ID Format: Enterprise-specific (128)\n"
    "        Engine ID Data: 4b1f5a2a\n"
    "        Engine ID Data: Creation Time: Sep 13, 2067 01:56:53.000000000 UTC\n";

TEST(SnmpTreeTest, V3Plaintext) {
  const std::string scoped =
      Seq(Octets(NetSnmpEngineId()) + Octets("") + PduTlv(0xa0, Vb(SysDescr0(), Tlv(0x05, ""))));
  Dissected d;
  Dissect(V3("\x04", UsmFields(NetSnmpEngineId(), "alice", std::string(12, '\0')), scoped), &d);
  EXPECT_FALSE(d.result.malformed());
  EXPECT_EQ(d.text,
            std::string(kV3Header) +
                "        msgFlags: 04\n"
                "            .... .1.. = Reportable: Set\n"
                "            .... ..0. = Encrypted: Not set\n"
                "            .... ...0 = Authenticated: Not set\n"
                "        msgSecurityModel: USM (3)\n"
                "    msgAuthoritativeEngineID: 80001f88804b1f5a2a6571c4b7\n" +
                kNetSnmpEngineIdLines +
                "    msgAuthoritativeEngineBoots: 7\n"
                "    msgAuthoritativeEngineTime: 1000\n"
                "    msgUserName: alice\n"
                "    msgAuthenticationParameters: 000000000000000000000000\n"
                "    msgPrivacyParameters: <empty>\n"
                "    msgData: plaintext (0)\n"
                "        plaintext\n"
                "            contextEngineID: 80001f88804b1f5a2a6571c4b7\n"
                "                1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
                "                Engine Enterprise ID: net-snmp (8072)\n"
                "                Engine ID Format: Enterprise-specific (128)\n"
                "                Engine ID Data: 4b1f5a2a\n"
                "                Engine ID Data: Creation Time: Sep 13, 2067 01:56:53.000000000 UTC\n"
                "            contextName: <empty>\n"
                "            data: get-request (0)\n"
                "                get-request\n"
                "                    request-id: 1234\n"
                "                    error-status: noError (0)\n"
                "                    error-index: 0\n"
                "                    variable-bindings: 1 item\n"
                "                        1.3.6.1.2.1.1.1.0: Value (Null)\n"
                "                            Object Name: 1.3.6.1.2.1.1.1.0 "
                "(iso.3.6.1.2.1.1.1.0)\n"
                "                            Value (Null)\n");
}

TEST(SnmpTreeTest, V3Encrypted) {
  Dissected d;
  Dissect(V3("\x07", UsmFields(NetSnmpEngineId(), "bob", std::string(12, '\xaa'), "12345678"),
             Octets(Hex("0123456789abcdef"))),
          &d);
  EXPECT_FALSE(d.result.malformed());
  EXPECT_EQ(d.text,
            std::string(kV3Header) +
                "        msgFlags: 07\n"
                "            .... .1.. = Reportable: Set\n"
                "            .... ..1. = Encrypted: Set\n"
                "            .... ...1 = Authenticated: Set\n"
                "        msgSecurityModel: USM (3)\n"
                "    msgAuthoritativeEngineID: 80001f88804b1f5a2a6571c4b7\n" +
                kNetSnmpEngineIdLines +
                "    msgAuthoritativeEngineBoots: 7\n"
                "    msgAuthoritativeEngineTime: 1000\n"
                "    msgUserName: bob\n"
                "    msgAuthenticationParameters: aaaaaaaaaaaaaaaaaaaaaaaa\n"
                "    msgPrivacyParameters: 3132333435363738\n"
                "    msgData: encryptedPDU (1)\n"
                "        encryptedPDU: 0123456789abcdef\n");
}

TEST(SnmpTreeTest, V3OtherSecurityModelKeepsParametersOpaque) {
  const std::string text =
      DissectedText(V3("\x00", UsmFields("", ""), Octets("x"), 65507, /*model=*/4));
  EXPECT_NE(text.find("        msgSecurityModel: TSM (4)\n"
                      "            [Expert Info (Warning/Undecoded): unknown security model]\n"
                      "    msgSecurityParameters: 30"),
            std::string::npos)
      << text;
}

TEST(SnmpTreeTest, MalformedMessageShowsWhatDecodedThenTheError) {
  // The varbind's value claims 9 octets (length octet at offset 40); 2 follow.
  std::string message = Community(1, PduTlv(0xa0, Vb(SysDescr0(), Octets("ab"))));
  message[message.size() - 3] = 9;
  Dissected d;
  Dissect(message, &d);
  ASSERT_TRUE(d.result.malformed());
  EXPECT_EQ(d.result.error.code, ber::ErrorCode::kLengthExceedsInput);
  EXPECT_EQ(d.text,
            "Simple Network Management Protocol\n"
            "    version: v2c (1)\n"
            "    community: public\n"
            "    data: get-request (0)\n"
            "        get-request\n"
            "            request-id: 1234\n"
            "            error-status: noError (0)\n"
            "            error-index: 0\n"
            "            variable-bindings: 1 item\n"
            "                1.3.6.1.2.1.1.1.0\n"
            "                    Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)\n"
            "    [Malformed Packet: SNMP]\n"
            "        [Expert Info (Error/Malformed): Malformed Packet: offset 40: length "
            "exceeds input]\n");
  const NodeId bad = d.tree.Find(Malformed::hf[Malformed::kMalformed]);
  ASSERT_NE(bad, tree::kNoNode);
  EXPECT_EQ(d.tree.node(bad).range, (tree::Range{40, 3}));
}

TEST(SnmpTreeTest, TruncatedAndEmptyInput) {
  Dissected d;
  Dissect("", &d);
  EXPECT_TRUE(d.result.malformed());
  EXPECT_EQ(d.text,
            "Simple Network Management Protocol\n"
            "    [Malformed Packet: SNMP]\n"
            "        [Expert Info (Error/Malformed): Malformed Packet: offset 0: truncated "
            "identifier or length octets]\n");
  // An unsupported version (2, SNMPv2u) stops at the version.
  Dissect(Seq(Int(2) + Octets("public")), &d);
  EXPECT_NE(d.text.find("Malformed Packet: offset 2: unsupported value]"), std::string::npos)
      << d.text;
  // Every prefix of a real message gives a well-formed partial tree.
  const std::string full = V3("\x07", UsmFields(NetSnmpEngineId(), "bob", "a", "b"),
                              Seq(Octets("") + Octets("") + PduTlv(0xa2, Vb(SysDescr0(),
                                                                            Int(1)))));
  for (size_t n = 0; n < full.size(); ++n) {
    Dissect(full.substr(0, n), &d);
    EXPECT_TRUE(d.result.malformed()) << n;
    EXPECT_NE(d.tree.Find(Malformed::hf[Malformed::kMalformed]), tree::kNoNode) << n;
  }
}

TEST(SnmpTreeTest, DiagnosticsHangOnTheElementTheyConcern) {
  // privFlag without authFlag: on msgFlags (RFC 3412 section 7.2.5 d).
  Dissected d;
  Dissect(V3("\x02", UsmFields(NetSnmpEngineId(), "u"), Octets("x")), &d);
  const NodeId flags = d.tree.Find(Snmp::hf[Snmp::kMsgFlags]);
  ASSERT_NE(flags, tree::kNoNode);
  ASSERT_NE(d.tree.node(flags).first_diagnostic, tree::kNoDiagnostic);
  EXPECT_EQ(d.tree.diagnostic(d.tree.node(flags).first_diagnostic).expert,
            Snmp::ei[Snmp::kPrivWithoutAuth]);
  EXPECT_NE(d.text.find("        msgFlags: 02\n"
                        "            [Expert Info (Error/Protocol): privFlag set without "
                        "authFlag]\n"),
            std::string::npos)
      << d.text;

  // A Counter32 wider than 32 bits: on the value.
  Dissect(Community(1, PduTlv(0xa2, Vb(SysDescr0(), Tlv(0x41, Hex("0100000000"))))), &d);
  EXPECT_NE(d.text.find("Value (Counter32): 4294967296\n"
                        "                        [Expert Info (Warning/Protocol): value wider "
                        "than its type]\n"),
            std::string::npos)
      << d.text;

  // Bytes after the message: on the SNMP layer itself.
  Dissect(Community(1, PduTlv(0xa0, "")) + "zz", &d);
  EXPECT_NE(d.text.find("Simple Network Management Protocol\n"
                        "    [Expert Info (Warning/Undecoded): trailing data]\n"),
            std::string::npos)
      << d.text;
  EXPECT_FALSE(d.result.malformed());

  // An invalid OID is shown raw, flagged.
  Dissect(Community(1, PduTlv(0xa0, Vb(OidHex("2b80"), Tlv(0x05, "")))), &d);
  EXPECT_NE(d.text.find("Object Name: 2b80\n"
                        "                        [Expert Info (Error/Malformed): invalid "
                        "object identifier]\n"),
            std::string::npos)
      << d.text;

  // An SNMPv1 Trap-PDU in SNMPv2c: Wireshark's trap_pdu_obsolete.
  Dissect(Community(1, Tlv(0xa4, OidHex("2b06") + Tlv(0x40, Hex("0a000001")) + Int(0) +
                                     Int(0) + Int(0, 0x43) + Seq(""))),
          &d);
  EXPECT_NE(d.text.find("[Expert Info (Warning/Protocol): SNMPv1 Trap-PDU outside SNMPv1]"),
            std::string::npos)
      << d.text;
}

TEST(SnmpTreeTest, HostileCommunityIsStoredRawAndPrintedEscaped) {
  Dissected d;
  Dissect(Seq(Int(1) + Octets("pub\x1b]0;x\x07\xff") + PduTlv(0xa0, "")), &d);
  const NodeId community = d.tree.Find(Snmp::hf[Snmp::kCommunity]);
  ASSERT_NE(community, tree::kNoNode);
  EXPECT_EQ(d.tree.TextValue(community), "pub\x1b]0;x\x07\xff");
  EXPECT_NE(d.text.find("    community: pub\\x1b]0;x\\x07\\xff\n"), std::string::npos) << d.text;
}

TEST(SnmpTreeTest, FrameOffsetShiftsEveryRangeAndTheErrorOffset) {
  Dissected d;
  Dissect("", &d, /*frame_offset=*/42);
  EXPECT_NE(d.text.find("Malformed Packet: offset 42: "), std::string::npos) << d.text;
  Dissect(Community(1, PduTlv(0xa0, "")), &d, /*frame_offset=*/42);
  EXPECT_EQ(d.tree.node(d.tree.Find(Snmp::hf[Snmp::kVersion])).range, (tree::Range{44, 3}));
  EXPECT_EQ(d.tree.node(d.result.node).range.offset, 42u);
}

TEST(SnmpTreeTest, LayersHangUnderTheGivenParent) {
  tree::Tree tree;
  const NodeId udp = tree.AddProtocol(tree::Tree::kRoot, Snmp::hf[Snmp::kSnmp], {0, 100});
  SnmpDissector dissector;
  const std::string message = Community(1, PduTlv(0xa0, ""));
  const SnmpDissection d = dissector.Dissect(AsBytes(message), {.offset = 8}, &tree, udp);
  EXPECT_EQ(tree.node(d.node).parent, udp);
  EXPECT_EQ(dissector.message().pdu.request_id.value, 1234);
}

TEST(SnmpTreeTest, TreeLimitsCutLargeMessagesShort) {
  std::string walk;
  for (int i = 0; i < 200; ++i) walk += Vb(SysDescr0(), Octets("value"));
  const std::string message = Community(1, PduTlv(0xa2, walk));
  tree::Tree tree(tree::TreeLimits{.max_nodes = 50, .max_diagnostics = 4,
                                   .max_text_bytes = 300});
  SnmpDissector dissector;
  const SnmpDissection d = dissector.Dissect(AsBytes(message), {}, &tree, tree::Tree::kRoot);
  EXPECT_FALSE(d.malformed());
  EXPECT_TRUE(tree.truncated());
  EXPECT_LE(tree.size(), 50u);
  testing::ExpectWellFormedSnmpTree(tree, message.size());
  std::string text;
  print::TextTreePrinter().Print(tree, &text);
  EXPECT_NE(text.find("[Dissection truncated: tree size limit reached]\n"), std::string::npos);
}

// Hostile input: random corruptions of valid messages of every kind never
// crash (ASan/UBSan builds check), always give a well-formed tree, and print
// as clean text.
TEST(SnmpTreeTest, MutatedMessagesNeverBreakTheTreeOrThePrinter) {
  const std::string seeds[] = {
      Community(0, Tlv(0xa4, OidHex("2b0601040181bf08") + Tlv(0x40, Hex("0a000001")) +
                                 Int(6) + Int(17) + Int(12345, 0x43) +
                                 Seq(Vb(SysDescr0(), Octets("x"))))),
      Community(1, PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux")) +
                                    Vb(SysUpTime0(), Int(5, 0x43)) +
                                    Vb(SysDescr0(), Tlv(0x44, Hex("9f78043dcccccd"))) +
                                    Vb(SysDescr0(), Tlv(0x46, Hex("00ffffffffffffffff"))))),
      V3("\x04", UsmFields(NetSnmpEngineId(), "alice", std::string(12, '\0')),
         Seq(Octets(NetSnmpEngineId()) + Octets("") +
             PduTlv(0xa0, Vb(SysDescr0(), Tlv(0x05, ""))))),
      V3("\x07", UsmFields(Hex("80001f880302005e005301"), "bob", "a", "b"),
         Octets(Hex("0123456789abcdef"))),
  };
  std::mt19937 rng(20240601);
  tree::Tree tree;
  SnmpDissector dissector;
  print::TextTreePrinter printer;
  std::string text;
  int malformed = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string m = seeds[round % std::size(seeds)];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const size_t at = rng() % m.size();
      switch (rng() % 3) {
        case 0: m[at] = static_cast<char>(rng()); break;          // replace
        case 1: m.erase(at, 1 + rng() % 3); break;                // delete
        default: m.insert(at, 1, static_cast<char>(rng())); break;  // insert
      }
      if (m.empty()) m = "0";
    }
    tree.Clear();
    const SnmpDissection d = dissector.Dissect(AsBytes(m), {.offset = 7}, &tree, tree::Tree::kRoot);
    malformed += d.malformed();
    testing::ExpectWellFormedSnmpTree(tree, 7 + m.size());
    text.clear();
    printer.Print(tree, &text);
    ASSERT_TRUE(value::IsPrintableText(text)) << text;
    for (char c : text) ASSERT_TRUE(c == '\n' || static_cast<uint8_t>(c) >= 0x20) << text;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(malformed, 100);  // the corruptions do reach the error paths
}

// --- The Info column (tree.h Columns) as the SNMP layer writes it, over a
// minimal hand-built tree: a get-request for one OID.
Tree SnmpInfoTree(const char* oid, uint64_t pdu = 0) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, Snmp::hf[Snmp::kSnmp], {42, 58});
  const NodeId data = tree.AddUint(snmp, Snmp::hf[Snmp::kData], {50, 50}, pdu);
  const NodeId get = tree.AddNone(data, Snmp::hf[Snmp::kGetRequestElement], {50, 50});
  const NodeId vbs = tree.AddUint(get, Snmp::hf[Snmp::kVariableBindings], {60, 40}, 1);
  const NodeId vb = tree.AddNone(vbs, Snmp::hf[Snmp::kVarBind], {62, 38});
  tree.AddOid(vb, Snmp::hf[Snmp::kName], {64, 10}, [&](std::string* o) { o->append(oid); });
  internal::ApplySnmpInfo(tree, snmp, tree.first_malformed(), 0, tree.mutable_info());
  return tree;
}

TEST(SnmpInfoTest, PduNameAndOids) {
  EXPECT_EQ(SnmpInfoTree("1.3.6.1.2.1.1.1.0").info(), "get-request 1.3.6.1.2.1.1.1.0");
}

// packet-snmp.c names no PDU for an unknown tag; the printer, not the
// layer, appends "[Malformed Packet]" (print/summary_line_test.cc).
TEST(SnmpInfoTest, UnknownPduHasNoName) {
  Tree tree = SnmpInfoTree("1.3.6", 42);  // no name for PDU tag 42
  const NodeId snmp = tree.Find(Snmp::hf[Snmp::kSnmp]);
  tree.MarkMalformed(tree.AddNone(snmp, Malformed::hf[Malformed::kMalformed], {42, 1}));
  tree.ClearInfo();
  internal::ApplySnmpInfo(tree, snmp, tree.first_malformed(), 0, tree.mutable_info());
  EXPECT_EQ(tree.info(), " 1.3.6");
}

// Text from the packet reaches the Info escaped: no terminal control
// sequence, no line break.
TEST(SnmpInfoTest, EscapesPacketText) {
  const Tree tree = SnmpInfoTree("1.3.6\x1b[2J\n");
  EXPECT_EQ(tree.info().find('\x1b'), std::string::npos);
  EXPECT_EQ(tree.info().find('\n'), std::string::npos);
  EXPECT_NE(tree.info().find("1.3.6\\x1b[2J\\n"), std::string::npos) << tree.info();
}

// The Protocol column is the last protocol under the root that names a
// frame (its row's short name), whatever the layers are; Clear forgets
// every column.
TEST(SnmpInfoTest, ProtocolColumnFromTheLastNamingLayer) {
  Tree tree = SnmpInfoTree("1.3.6");
  EXPECT_STREQ(tree.columns().protocol, "SNMP");
  tree.AddProtocol(Tree::kRoot, Malformed::hf[Malformed::kMalformed], {0, 0});
  EXPECT_STREQ(tree.columns().protocol, "SNMP");  // _ws.malformed names no frame
  tree.AddProtocol(Tree::kRoot, Udp::hf[Udp::kUdp], {0, 8});
  EXPECT_STREQ(tree.columns().protocol, "UDP");
  tree.Clear();
  EXPECT_STREQ(tree.columns().protocol, "");
  EXPECT_TRUE(tree.info().empty());
}

}  // namespace
}  // namespace snmpdissect::proto
