// MIB resolution in the SNMP tree (snmp_mib.h): names, indices, display
// values, the Info column, and nothing at all without a table.

#include "dissector/proto/snmp_mib.h"

#include <string>
#include <vector>

#include "codec/snmp/testing/tlv.h"
#include "dissector/mib/core_table.h"
#include "dissector/proto/snmp.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/testing/snmp_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace snmp::testing;  // NOLINT: the TLV spelling helpers
using ::testing::HasSubstr;
using ::testing::Not;
using testing::Dissect;
using testing::Dissected;

// An OBJECT IDENTIFIER TLV from its arcs (X.690 8.19: first two arcs in one
// subidentifier, base-128 with continuation bits).
std::string Oid(std::vector<uint32_t> arcs) {
  std::string content;
  const auto put = [&](uint32_t v) {
    std::string groups(1, static_cast<char>(v & 0x7f));
    for (v >>= 7; v != 0; v >>= 7) groups.insert(0, 1, static_cast<char>(0x80 | (v & 0x7f)));
    content += groups;
  };
  put(arcs[0] * 40 + arcs[1]);
  for (size_t i = 2; i < arcs.size(); ++i) put(arcs[i]);
  return Tlv(0x06, content);
}

std::string Response(const std::string& varbinds) {
  return Community(1, PduTlv(0xa2, varbinds));
}

std::string Text(const std::string& message, bool names = true) {
  Dissected d;
  Dissect(message, &d, 0, nullptr, names ? &mib::CoreTable() : nullptr);
  return d.text;
}

std::string Info(const std::string& message) {
  Dissected d;
  Dissect(message, &d, 0, nullptr, &mib::CoreTable());
  return std::string(d.tree.info());
}

TEST(SnmpMibTest, NamesInTheTreeAndTheInfoColumn) {
  const std::string msg = Community(
      1, PduTlv(0xa0, Vb(SysDescr0(), Tlv(0x05, "")) +
                          Vb(Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1}), Tlv(0x05, ""))));
  EXPECT_EQ(Info(msg), "get-request sysDescr.0 ifOperStatus.1");
  const std::string text = Text(msg);
  EXPECT_THAT(text, HasSubstr("SNMPv2-MIB::sysDescr.0 (1.3.6.1.2.1.1.1.0): Value (Null)\n"));
  EXPECT_THAT(text,
              HasSubstr("Object Name: 1.3.6.1.2.1.1.1.0 (SNMPv2-MIB::sysDescr.0)\n"
                        "                        [Resolved Name: SNMPv2-MIB::sysDescr.0]\n"));
  EXPECT_THAT(text, HasSubstr("Object Name: 1.3.6.1.2.1.2.2.1.8.1 (IF-MIB::ifOperStatus.1)\n"
                              "                        [Resolved Name: IF-MIB::ifOperStatus.1]\n"
                              "                        [Index: ifIndex = 1]\n"));
}

TEST(SnmpMibTest, ValuesByTheirDefinitions) {
  const std::string text = Text(Response(
      Vb(Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 2}), Int(1)) +                    // ifOperStatus
      Vb(Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 3, 2}), Int(6)) +                    // ifType
      Vb(Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 6, 2}), Octets(Hex("001b210a0bcc"))) +  // ifPhysAddress
      Vb(SysUpTime0(), Int(123456, 0x43)) +
      Vb(Oid({1, 3, 6, 1, 2, 1, 1, 2, 0}), Oid({1, 3, 6, 1, 4, 1, 8072, 3, 2, 10})) +
      Vb(Oid({1, 3, 6, 1, 2, 1, 1, 1, 0}), Octets("Linux"))));
  EXPECT_THAT(text, HasSubstr("IF-MIB::ifOperStatus.2 (1.3.6.1.2.1.2.2.1.8.2): up(1)\n"));
  EXPECT_THAT(text, HasSubstr("Value (Integer32): 1\n"
                              "                        [Display Value: up(1)]\n"));
  EXPECT_THAT(text, HasSubstr("IF-MIB::ifType.2 (1.3.6.1.2.1.2.2.1.3.2): ethernetCsmacd(6)\n"));
  EXPECT_THAT(text, HasSubstr("(1.3.6.1.2.1.2.2.1.6.2): 00:1b:21:0a:0b:cc\n"));
  EXPECT_THAT(text, HasSubstr("SNMPv2-MIB::sysUpTime.0 (1.3.6.1.2.1.1.3.0): (123456) 0:20:34.56\n"));
  EXPECT_THAT(text, HasSubstr("Value (OID): 1.3.6.1.4.1.8072.3.2.10 "
                              "(NET-SNMP-MIB::netSnmpAgentOIDs.10)\n"
                              "                        [Resolved Name: "
                              "NET-SNMP-MIB::netSnmpAgentOIDs.10]\n"));
  // DisplayString ("255a", RFC 2579) reads as text.
  EXPECT_THAT(text, HasSubstr("SNMPv2-MIB::sysDescr.0 (1.3.6.1.2.1.1.1.0): Linux\n"));
  EXPECT_THAT(text, HasSubstr("[Display Value: Linux]\n"));
}

TEST(SnmpMibTest, TableIndices) {
  // The example: ipNetToMediaPhysAddress.2.10.0.0.1.
  const std::string text = Text(Response(
      Vb(Oid({1, 3, 6, 1, 2, 1, 4, 22, 1, 2, 2, 10, 0, 0, 1}), Octets(Hex("001b210a0bcc")))));
  EXPECT_THAT(text, HasSubstr("[Index: ipNetToMediaIfIndex = 2]\n"));
  EXPECT_THAT(text, HasSubstr("[Index: ipNetToMediaNetAddress = 10.0.0.1]\n"));
}

TEST(SnmpMibTest, InetAddressTakesTheTypeFromItsRow) {
  // TUNNEL-MIB: tunnelIfAddressType.5 and tunnelIfRemoteInetAddress.5 of
  // one row (RFC 4001 section 4.1); the type of another row (.6) does not
  // count.
  const std::string type5 = Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 8, 5});
  const std::string type6 = Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 8, 6});
  const std::string remote5 = Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 10, 5});
  const std::string with_type =
      Text(Response(Vb(type5, Int(1)) + Vb(remote5, Octets(Hex("0a000001")))));
  EXPECT_THAT(with_type, HasSubstr("TUNNEL-MIB::tunnelIfRemoteInetAddress.5 "
                                   "(1.3.6.1.2.1.10.131.1.1.1.1.10.5): 10.0.0.1\n"));
  EXPECT_THAT(with_type, HasSubstr("(1.3.6.1.2.1.10.131.1.1.1.1.8.5): ipv4(1)\n"));
  const std::string v6 = Text(Response(
      Vb(type5, Int(2)) + Vb(remote5, Octets(Hex("fe800000000000000000000000000001")))));
  EXPECT_THAT(v6, HasSubstr("): fe80::1\n"));
  for (const std::string& varbinds : {Vb(remote5, Octets(Hex("0a000001"))),
                                      Vb(type6, Int(1)) + Vb(remote5, Octets(Hex("0a000001"))),
                                      Vb(type5, Int(2)) + Vb(remote5, Octets(Hex("0a000001")))}) {
    const std::string without = Text(Response(varbinds));
    EXPECT_THAT(without, HasSubstr("[Display Value: 0a000001]\n"));
    EXPECT_THAT(without, HasSubstr("InetAddress without its InetAddressType"));
  }
}

TEST(SnmpMibTest, InetAddressRowsApartOrderFreeAndTheFirstTypeWins) {
  // Rows 5 and 6 of TUNNEL-MIB's tunnelIfTable: each address takes its own
  // row's type wherever that varbind is (before or after it); of two types
  // for one row, the first in the message counts, as a scan would find it.
  const auto type = [](uint32_t row) {
    return Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 8, row});
  };
  const auto remote = [](uint32_t row) {
    return Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 10, row});
  };
  const std::string text = Text(Response(
      Vb(remote(6), Octets(Hex("fe800000000000000000000000000002"))) +
      Vb(type(5), Int(1)) + Vb(remote(5), Octets(Hex("0a000005"))) + Vb(type(6), Int(2)) +
      Vb(type(5), Int(2))));
  EXPECT_THAT(text, HasSubstr("tunnelIfRemoteInetAddress.6 "
                              "(1.3.6.1.2.1.10.131.1.1.1.1.10.6): fe80::2\n"));
  EXPECT_THAT(text, HasSubstr("tunnelIfRemoteInetAddress.5 "
                              "(1.3.6.1.2.1.10.131.1.1.1.1.10.5): 10.0.0.5\n"));
  EXPECT_THAT(text, Not(HasSubstr("InetAddress without its InetAddressType")));
}

TEST(SnmpMibTest, InetAddressOfManyRowsEachFindsItsOwn) {
  // 300 rows, types all first, in reverse order, alternating IPv4 and IPv6:
  // every address reads by its own row's type.
  std::string types, addresses;
  for (uint32_t row = 1; row <= 300; ++row) {
    const bool v4 = row % 2 == 1;
    types.insert(0, Vb(Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 8, row}), Int(v4 ? 1 : 2)));
    const std::string octets = v4 ? std::string("\x0a\x00\x00", 3) + static_cast<char>(row & 0xff)
                                  : std::string(15, '\0') + static_cast<char>(row & 0xff);
    addresses += Vb(Oid({1, 3, 6, 1, 2, 1, 10, 131, 1, 1, 1, 1, 10, row}), Octets(octets));
  }
  const std::string text = Text(Response(types + addresses));
  EXPECT_THAT(text, HasSubstr("(1.3.6.1.2.1.10.131.1.1.1.1.10.1): 10.0.0.1\n"));
  EXPECT_THAT(text, HasSubstr("(1.3.6.1.2.1.10.131.1.1.1.1.10.2): ::2\n"));
  EXPECT_THAT(text, HasSubstr("(1.3.6.1.2.1.10.131.1.1.1.1.10.299): 10.0.0.43\n"));
  EXPECT_THAT(text, HasSubstr("(1.3.6.1.2.1.10.131.1.1.1.1.10.300): ::2c\n"));
  EXPECT_THAT(text, Not(HasSubstr("InetAddress without its InetAddressType")));
}

TEST(SnmpMibTest, EachVarBindResolvesByItsOwnName) {
  // Names come from the decoded message, the k-th varbind node from the
  // k-th varbind: an invalid name (shown as octets: X.690 8.19.2 forbids
  // the leading 0x80) resolves to nothing and shifts nothing; OID values
  // and a trap's enterprise resolve by their own arcs.
  const std::string trap = Community(
      0, Tlv(0xa4, Oid({1, 3, 6, 1, 4, 1, 8072, 3, 2, 10}) + Tlv(0x40, Hex("0a000001")) +
                       Int(6) + Int(17) + Int(12345, 0x43) +
                       Seq(Vb(Tlv(0x06, Hex("2b8001")), Int(1)) +
                           Vb(Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 3}), Int(2)) +
                           Vb(Oid({1, 3, 6, 1, 2, 1, 1, 2, 0}), Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 8})))));
  const std::string text = Text(trap);
  EXPECT_THAT(text, HasSubstr("[Resolved Name: NET-SNMP-MIB::netSnmpAgentOIDs.10]\n"));
  EXPECT_THAT(text, HasSubstr("IF-MIB::ifOperStatus.3 (1.3.6.1.2.1.2.2.1.8.3): down(2)\n"));
  EXPECT_THAT(text, HasSubstr("[Resolved Name: IF-MIB::ifOperStatus]\n"));
  EXPECT_THAT(text, HasSubstr("[Resolved Name: SNMPv2-MIB::sysObjectID.0]\n"));
  EXPECT_THAT(text, Not(HasSubstr("Display Value: up(1)")));  // the invalid name's 1
}

TEST(SnmpMibTest, NoTableNoChange) {
  const std::string msg = Response(Vb(SysUpTime0(), Int(123456, 0x43)) +
                                   Vb(Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1}), Int(1)));
  const std::string text = Text(msg, /*names=*/false);
  EXPECT_THAT(text, Not(HasSubstr("Resolved")));
  EXPECT_THAT(text, Not(HasSubstr("Display Value")));
  EXPECT_THAT(text, HasSubstr("1.3.6.1.2.1.1.3.0: 123456\n"));
}

TEST(SnmpMibTest, HostileNamesResolveWithoutHarm) {
  // 128 arcs, arcs of 2^32-1, an OID the table does not know.
  std::vector<uint32_t> deep = {1, 3, 6, 1, 2, 1, 2, 2, 1, 8};
  while (deep.size() < 128) deep.push_back(4294967295u);
  const std::string text = Text(Response(Vb(Oid(deep), Int(7)) + Vb(Oid({2, 999, 1}), Int(1))));
  EXPECT_THAT(text, HasSubstr("IF-MIB::ifOperStatus.4294967295."));
  EXPECT_THAT(text, HasSubstr("[Index: ifIndex = 4294967295]\n"));
  EXPECT_THAT(text, Not(HasSubstr("Display Value: up")));
}

TEST(SnmpMibTest, ParseDottedOid) {
  uint32_t arcs[4];
  size_t n = 0;
  EXPECT_TRUE(ParseDottedOid("1.3.6.1", arcs, 4, &n));
  EXPECT_EQ(n, 4u);
  EXPECT_FALSE(ParseDottedOid("1.3.6.1.2", arcs, 4, &n));
  EXPECT_FALSE(ParseDottedOid("1..3", arcs, 4, &n));
  EXPECT_FALSE(ParseDottedOid("1.3.", arcs, 4, &n));
  EXPECT_FALSE(ParseDottedOid("", arcs, 4, &n));
  EXPECT_FALSE(ParseDottedOid("1.4294967296", arcs, 4, &n));
}

}  // namespace
}  // namespace snmpdissect::proto
