// The engine ID subtree (RFC 3411 section 5) for each format, shown under
// msgAuthoritativeEngineID of an SNMPv3 message.

#include <string>

#include "codec/snmp/testing/tlv.h"
#include "dissector/proto/testing/snmp_test_util.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace snmp::testing;  // NOLINT: the TLV spelling helpers

// The lines under msgAuthoritativeEngineID (to the next top-level field).
std::string EngineIdLines(const std::string& engine_id_hex) {
  const std::string text = testing::DissectedText(
      V3("\x00", UsmFields(Hex(engine_id_hex), "u"), Octets("x")));
  const std::string start = "    msgAuthoritativeEngineID: ";
  const size_t begin = text.find(start);
  if (begin == std::string::npos) return "no engine ID in:\n" + text;
  const size_t end = text.find("    msgAuthoritativeEngineBoots", begin);
  return text.substr(begin, end - begin);
}

TEST(SnmpEngineIdTest, Ipv4) {
  EXPECT_EQ(EngineIdLines("80001f8801c0a80001"),
            "    msgAuthoritativeEngineID: 80001f8801c0a80001\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: net-snmp (8072)\n"
            "        Engine ID Format: IPv4 address (1)\n"
            "        Engine ID Data: IPv4 address: 192.168.0.1\n");
}

TEST(SnmpEngineIdTest, Ipv6) {
  EXPECT_EQ(EngineIdLines("8000000902fe800000000000000000000000000001"),
            "    msgAuthoritativeEngineID: 8000000902fe800000000000000000000000000001\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: ciscoSystems (9)\n"
            "        Engine ID Format: IPv6 address (2)\n"
            "        Engine ID Data: IPv6 address: fe80::1\n");
}

TEST(SnmpEngineIdTest, Mac) {
  EXPECT_EQ(EngineIdLines("80001f880302005e005301"),
            "    msgAuthoritativeEngineID: 80001f880302005e005301\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: net-snmp (8072)\n"
            "        Engine ID Format: MAC address (3)\n"
            "        Engine ID Data: MAC address: 02:00:5e:00:53:01\n");
}

TEST(SnmpEngineIdTest, TextAndOctets) {
  EXPECT_EQ(EngineIdLines("80001f8804736e6d70"),
            "    msgAuthoritativeEngineID: 80001f8804736e6d70\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: net-snmp (8072)\n"
            "        Engine ID Format: Text, administratively assigned (4)\n"
            "        Engine ID Data: Text: snmp\n");
  EXPECT_EQ(EngineIdLines("80004fb80501020304"),
            "    msgAuthoritativeEngineID: 80004fb80501020304\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: 20408\n"
            "        Engine ID Format: Octets, administratively assigned (5)\n"
            "        Engine ID Data: 01020304\n");
}

TEST(SnmpEngineIdTest, NetSnmpRandomWith32And64BitTime) {
  // net-snmp stores the time in host order: 0x5e0be100 is 2020-01-01.
  EXPECT_EQ(EngineIdLines("80001f88801122334400e10b5e"),
            "    msgAuthoritativeEngineID: 80001f88801122334400e10b5e\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: net-snmp (8072)\n"
            "        Engine ID Format: Enterprise-specific (128)\n"
            "        Engine ID Data: 11223344\n"
            "        Engine ID Data: Creation Time: Jan  1, 2020 00:00:00.000000000 UTC\n");
  // LP64 builds: sizeof(int) + sizeof(time_t) = 12 octets.
  EXPECT_EQ(EngineIdLines("80001f88801122334400e10b5e00000000"),
            "    msgAuthoritativeEngineID: 80001f88801122334400e10b5e00000000\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: net-snmp (8072)\n"
            "        Engine ID Format: Enterprise-specific (128)\n"
            "        Engine ID Data: 11223344\n"
            "        Engine ID Data: Creation Time: Jan  1, 2020 00:00:00.000000000 UTC\n");
}

TEST(SnmpEngineIdTest, OtherEnterpriseFormats) {
  EXPECT_EQ(EngineIdLines("80000009de0102"),
            "    msgAuthoritativeEngineID: 80000009de0102\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: ciscoSystems (9)\n"
            "        Engine ID Format: Enterprise-specific (222)\n"
            "        Engine ID Data: 0102\n");
  EXPECT_EQ(EngineIdLines("8000000906aa"),
            "    msgAuthoritativeEngineID: 8000000906aa\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: ciscoSystems (9)\n"
            "        Engine ID Format: Reserved (6)\n"
            "        Engine ID Data: aa\n");
}

TEST(SnmpEngineIdTest, LegacyRfc1910) {
  EXPECT_EQ(EngineIdLines("0000000901020304050607ff"),
            "    msgAuthoritativeEngineID: 0000000901020304050607ff\n"
            "        0... .... = Engine ID Conformance: RFC1910 (Non-SNMPv3)\n"
            "        Engine Enterprise ID: ciscoSystems (9)\n"
            "        AgentID Trailer: 01020304050607ff\n");
}

TEST(SnmpEngineIdTest, DataThatDoesNotFitItsFormatIsFlagged) {
  EXPECT_EQ(EngineIdLines("800000090102c0a80001"),
            "    msgAuthoritativeEngineID: 800000090102c0a80001\n"
            "        [Expert Info (Warning/Protocol): Data not conforming to RFC3411]\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: ciscoSystems (9)\n"
            "        Engine ID Format: IPv4 address (1)\n"
            "        Engine ID Data: 02c0a80001\n");
  EXPECT_EQ(EngineIdLines("80001f8880112233"),
            "    msgAuthoritativeEngineID: 80001f8880112233\n"
            "        [Expert Info (Warning/Protocol): Data not conforming to RFC3411]\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n"
            "        Engine Enterprise ID: net-snmp (8072)\n"
            "        Engine ID Format: Enterprise-specific (128)\n"
            "        Engine ID Data: 112233\n");
  EXPECT_EQ(EngineIdLines("00000000000000000000"),
            "    msgAuthoritativeEngineID: 00000000000000000000\n"
            "        [Expert Info (Warning/Protocol): engine ID all zeros or all 0xff (RFC "
            "3411 section 5)]\n"
            "        [Expert Info (Warning/Protocol): Data not conforming to RFC1910]\n"
            "        0... .... = Engine ID Conformance: RFC1910 (Non-SNMPv3)\n"
            "        Engine Enterprise ID: Reserved (0)\n"
            "        AgentID Trailer: 000000000000\n");
}

TEST(SnmpEngineIdTest, TooShortAndEmpty) {
  // The USM decoder flags a short msgAuthoritativeEngineID itself.
  EXPECT_EQ(EngineIdLines("8000"),
            "    msgAuthoritativeEngineID: 8000\n"
            "        [Expert Info (Warning/Protocol): engine ID not 5 to 32 octets]\n"
            "        1... .... = Engine ID Conformance: RFC3411 (SNMPv3)\n");
  EXPECT_EQ(EngineIdLines(""), "    msgAuthoritativeEngineID: <empty>\n");
  // contextEngineID gets the same check from the dissector.
  const std::string text = testing::DissectedText(V3(
      "\x00", UsmFields("", ""), Seq(Octets(Hex("8000")) + Octets("") + PduTlv(0xa0, ""))));
  EXPECT_NE(text.find("            contextEngineID: 8000\n"
                      "                [Expert Info (Warning/Protocol): engine ID not 5 to 32 "
                      "octets (RFC 3411 section 5)]\n"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace snmpdissect::proto
