#include "dissector/wireshark/names.h"

#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "dissector/proto/protocols.h"
#include "dissector/tree/fields.h"
#include "gtest/gtest.h"

namespace snmpdissect::wireshark {
namespace {

TEST(PluginAbbrev, RenamesTheSnmpPrefixOnly) {
  EXPECT_EQ(PluginAbbrev("snmp"), "snmpdissect");
  EXPECT_EQ(PluginAbbrev("snmp.msgUserName"), "snmpdissect.msgUserName");
  EXPECT_EQ(PluginAbbrev("snmp.v3.flags.auth"), "snmpdissect.v3.flags.auth");
  // "snmpx" is not under "snmp": the prefix ends at a dot.
  EXPECT_EQ(PluginAbbrev("snmpx.a"), "snmpdissect.snmpx.a");
  EXPECT_EQ(PluginAbbrev("_ws.malformed.expert"), "snmpdissect.malformed.expert");
  EXPECT_EQ(PluginAbbrev("_ws.malformed"), "snmpdissect.malformed");
}

TEST(PluginAbbrev, TwinsAndSeverityVariants) {
  EXPECT_EQ(BytesTwinAbbrev("snmpdissect.name"), "snmpdissect.name.raw");
  EXPECT_EQ(SeverityVariantAbbrev("snmpdissect.invalid_oid", "Warning"),
            "snmpdissect.invalid_oid.warning");
}

// The rows the plugin registers: SNMP's, and the malformed-packet expert.
bool Registered(std::string_view abbrev) {
  return abbrev == "snmp" || abbrev.substr(0, 5) == "snmp." || abbrev.substr(0, 14) == "_ws.malformed.";
}

// Every name the plugin derives from the one table is distinct from every
// other: the fields, their bytes twins, the experts and their variants
// (epan refuses a second registration of an abbreviation).
TEST(PluginAbbrev, DerivedNamesAreUnique) {
  proto::RegisterProtocols();
  absl::flat_hash_set<std::string> seen;
  for (const tree::FieldInfo& f : tree::AllFields()) {
    if (f.id == tree::kRootField || !Registered(f.abbrev)) continue;
    const std::string a = PluginAbbrev(f.abbrev);
    EXPECT_TRUE(seen.insert(a).second) << a;
    EXPECT_TRUE(seen.insert(BytesTwinAbbrev(a)).second) << a;
  }
  for (const tree::ExpertInfo& e : tree::AllExperts()) {
    if (!Registered(e.abbrev)) continue;
    const std::string a = PluginAbbrev(e.abbrev);
    EXPECT_TRUE(seen.insert(a).second) << a;
    for (const char* s : {"comment", "chat", "note", "warning", "error"}) {
      EXPECT_TRUE(seen.insert(SeverityVariantAbbrev(a, s)).second) << a << " " << s;
    }
  }
}

}  // namespace
}  // namespace snmpdissect::wireshark
