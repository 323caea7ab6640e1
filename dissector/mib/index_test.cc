#include "dissector/mib/index.h"

#include <string>
#include <vector>

#include "dissector/mib/core_table.h"
#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

// The index parts of a full instance OID (column + suffix), as text joined
// by "; ", or "incomplete: ..." when the suffix did not decode exactly.
std::string Decode(std::vector<uint32_t> oid) {
  const Table& table = CoreTable();
  const Match m = table.Lookup(oid);
  EXPECT_NE(m.object, kNoObject);
  const uint32_t entry = table.EntryOf(m.object);
  EXPECT_NE(entry, kNoObject);
  DecodedIndex parts[kMaxIndexParts];
  bool complete = false;
  const size_t n = DecodeIndex(table, entry, absl::MakeConstSpan(oid).subspan(m.matched), parts,
                               &complete);
  std::string s = complete ? "" : "incomplete: ";
  for (size_t i = 0; i < n; ++i) {
    if (i != 0) s += "; ";
    AppendIndexPart(table, parts, n, i, &s);
  }
  return s;
}

TEST(IndexTest, IntegerIndex) {
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1}), "ifIndex = 1");  // ifOperStatus.1
  // ifXEntry AUGMENTS ifEntry: the same INDEX.
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 1, 7}), "ifIndex = 7");  // ifName.7
}

TEST(IndexTest, IntegerAndIpAddress) {
  // The example: ipNetToMediaPhysAddress.2.10.0.0.1.
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 4, 22, 1, 2, 2, 10, 0, 0, 1}),
            "ipNetToMediaIfIndex = 2; ipNetToMediaNetAddress = 10.0.0.1");
}

TEST(IndexTest, InetAddressTakesItsTypeFromThePartBefore) {
  // ipNetToPhysicalPhysAddress.2.ipv4(1).4.192.168.1.1 (RFC 4001 section 4.1).
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 4, 35, 1, 4, 2, 1, 4, 192, 168, 1, 1}),
            "ipNetToPhysicalIfIndex = 2; ipNetToPhysicalNetAddressType = ipv4(1); "
            "ipNetToPhysicalNetAddress = 192.168.1.1");
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 4, 35, 1, 4, 3, 2, 16, 0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, 0, 0, 1}),
            "ipNetToPhysicalIfIndex = 3; ipNetToPhysicalNetAddressType = ipv6(2); "
            "ipNetToPhysicalNetAddress = fe80::1");
}

TEST(IndexTest, LengthPrefixedStrings) {
  // usmUserStatus.<engine ID, 5 octets>.<"bob">: two variable strings.
  EXPECT_EQ(Decode({1, 3, 6, 1, 6, 3, 15, 1, 2, 2, 1, 13, 5, 0x80, 0, 0x1f, 0x88, 0x04, 3, 'b',
                    'o', 'b'}),
            "usmUserEngineID = 80:00:1f:88:04; usmUserName = bob");
}

TEST(IndexTest, ImpliedTakesTheRest) {
  // snmpCommunityName.IMPLIED "pub" (RFC 2578 section 7.7: no length arc).
  EXPECT_EQ(Decode({1, 3, 6, 1, 6, 3, 18, 1, 1, 1, 2, 'p', 'u', 'b'}), "snmpCommunityIndex = pub");
}

TEST(IndexTest, ObjectIdentifierIndex) {
  // vacmViewTreeFamilyMask."all".OID 1.3.6.1 (length-prefixed OID).
  EXPECT_EQ(Decode({1, 3, 6, 1, 6, 3, 16, 1, 5, 2, 1, 3, 3, 'a', 'l', 'l', 4, 1, 3, 6, 1}),
            "vacmViewTreeFamilyViewName = all; vacmViewTreeFamilySubtree = 1.3.6.1");
}

TEST(IndexTest, HostileSuffixes) {
  // A length arc past the end, string arcs above 255, nothing, too much.
  EXPECT_EQ(Decode({1, 3, 6, 1, 6, 3, 15, 1, 2, 2, 1, 13, 200, 1}), "incomplete: ");
  EXPECT_EQ(Decode({1, 3, 6, 1, 6, 3, 15, 1, 2, 2, 1, 13, 1, 256, 0}), "incomplete: ");
  EXPECT_EQ(Decode({1, 3, 6, 1, 6, 3, 15, 1, 2, 2, 1, 13, 4294967295u}), "incomplete: ");
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 2, 2, 1, 8}), "incomplete: ");
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1, 2}), "incomplete: ifIndex = 1");
  EXPECT_EQ(Decode({1, 3, 6, 1, 2, 1, 4, 22, 1, 2, 2, 10, 0, 0, 300}),
            "incomplete: ipNetToMediaIfIndex = 2");
}

}  // namespace
}  // namespace snmpdissect::mib
