#include "dissector/tree/fields.h"

#include <cstdio>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_split.h"
#include "dissector/tree/experts.h"
#include "gtest/gtest.h"

namespace snmpdissect::tree {
namespace {

TEST(FieldsTest, AbbreviationsAreUniqueAndNamed) {
  absl::flat_hash_set<std::string> seen;
  for (const FieldInfo& f : AllFields()) {
    if (f.id == FieldId::kRoot) continue;
    EXPECT_NE(std::string(f.abbrev), "") << static_cast<int>(f.id);
    EXPECT_NE(std::string(f.name), "") << f.abbrev;
    EXPECT_TRUE(seen.insert(f.abbrev).second) << "duplicate " << f.abbrev;
  }
  for (const ExpertInfo& e : AllExperts()) {
    EXPECT_TRUE(seen.insert(e.abbrev).second) << "duplicate " << e.abbrev;
  }
}

TEST(FieldsTest, BitFieldsAndNamesAreConsistent) {
  for (const FieldInfo& f : AllFields()) {
    if (f.bitmask != 0) {
      EXPECT_GT(f.bit_width, 0) << f.abbrev;
      EXPECT_LE(f.bit_width, 64) << f.abbrev;
      if (f.bit_width < 64) {
        EXPECT_EQ(f.bitmask >> f.bit_width, 0u) << f.abbrev;
      }
    }
    if (!f.value_names.empty()) {
      EXPECT_TRUE(f.type == FieldType::kInt || f.type == FieldType::kUint) << f.abbrev;
    }
    for (const ValueName& n : f.value_names) EXPECT_LE(n.min, n.max) << f.abbrev;
  }
}

TEST(FieldsTest, LookupByNameAndValue) {
  const FieldInfo* f = FindField("snmp.error_status");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->id, FieldId::kSnmpErrorStatus);
  EXPECT_STREQ(ValueNameOf(*f, 0), "noError");
  EXPECT_STREQ(ValueNameOf(*f, 18), "inconsistentName");
  EXPECT_STREQ(ValueNameOf(*f, 19), "Unknown");
  EXPECT_EQ(FindField("snmp.nonexistent"), nullptr);
  EXPECT_EQ(FindField(""), nullptr);  // the root has no name to find
  const FieldInfo& format = GetField(FieldId::kSnmpEngineIdFormat);
  EXPECT_STREQ(ValueNameOf(format, 200), "Enterprise-specific");
  EXPECT_EQ(ValueNameOf(GetField(FieldId::kSnmpEngineIdEnterprise), 424242), nullptr);
}

// Every field and expert that claims to be Wireshark's must be in
// `tshark -G fields` (protocol rows "P", field rows "F"). tools/test.sh
// installs tshark, so a missing one fails rather than hiding the check.
TEST(FieldsTest, WiresharkNamesExistInTshark) {
  ASSERT_EQ(std::system("command -v tshark >/dev/null 2>&1"), 0)
      << "tshark not installed (tools/test.sh installs it)";
  FILE* pipe = popen("tshark -G fields 2>/dev/null", "r");
  ASSERT_NE(pipe, nullptr);
  absl::flat_hash_set<std::string> names;
  std::string line;
  char buffer[4096];
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    line.pop_back();
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() >= 3 && (cols[0] == "F" || cols[0] == "P")) names.insert(cols[2]);
    line.clear();
  }
  pclose(pipe);
  ASSERT_FALSE(names.empty()) << "tshark -G fields printed nothing";
  for (const FieldInfo& f : AllFields()) {
    if (f.in_wireshark) {
      EXPECT_TRUE(names.contains(f.abbrev)) << f.abbrev;
    }
  }
  for (const ExpertInfo& e : AllExperts()) {
    if (e.in_wireshark) {
      EXPECT_TRUE(names.contains(e.abbrev)) << e.abbrev;
    }
  }
}

}  // namespace
}  // namespace snmpdissect::tree
