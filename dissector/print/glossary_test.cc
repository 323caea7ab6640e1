#include "dissector/print/glossary.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_split.h"
#include "dissector/tree/fields.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::print {
namespace {

using ::testing::Contains;

class GlossaryTest : public ::testing::Test {
 protected:
  static std::vector<std::vector<std::string>> Rows(void (*append)(std::string*)) {
    std::string text;
    append(&text);
    EXPECT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    std::vector<std::vector<std::string>> rows;
    for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
      rows.push_back(absl::StrSplit(line, '\t'));
    }
    return rows;
  }
};

// One row per field, in table order, with tshark's column counts.
TEST_F(GlossaryTest, FieldsListEveryRowOfTheTable) {
  const auto rows = Rows(AppendFieldGlossary);
  ASSERT_EQ(rows.size(), tree::FieldCount() - 1);  // all but the invisible root
  size_t i = 1;
  for (const auto& row : rows) {
    const tree::FieldInfo& f = tree::GetField(static_cast<tree::FieldId>(i++));
    EXPECT_EQ(row[2], f.abbrev);
    EXPECT_EQ(row[1], f.name);
    if (f.type == tree::FieldType::kProtocol) {
      EXPECT_EQ(row[0], "P");
      EXPECT_EQ(row.size(), 3u);
    } else {
      EXPECT_EQ(row[0], "F");
      ASSERT_EQ(row.size(), 8u) << f.abbrev;
      EXPECT_EQ(row[7], f.description == nullptr ? "" : f.description);
    }
  }
}

// tshark 4.0.17's -G fields columns for a field, but for the description,
// which tshark leaves empty for these and ours fills from the field row.
std::vector<std::string> TsharkColumns(std::vector<std::string> columns) {
  const tree::FieldInfo* f = tree::FindField(columns[2]);
  EXPECT_NE(f, nullptr) << columns[2];
  columns.push_back(f == nullptr ? "" : f->description);
  return columns;
}

// Rows checked against tshark 4.0.17 -G fields.
TEST_F(GlossaryTest, ColumnsAsTsharkPrintsThem) {
  const auto rows = Rows(AppendFieldGlossary);
  EXPECT_THAT(rows, Contains(TsharkColumns(
                        {"F", "Authenticated", "snmp.v3.flags.auth", "FT_BOOLEAN", "snmp", "8", "0x1"})));
  EXPECT_THAT(rows, Contains(TsharkColumns(
                        {"F", "version", "snmp.version", "FT_INT32", "snmp", "BASE_DEC", "0x0"})));
  EXPECT_THAT(rows, Contains(TsharkColumns(
                        {"F", "Object Name", "snmp.name", "FT_OID", "snmp", "", "0x0"})));
  EXPECT_THAT(rows, Contains(std::vector<std::string>{"P", "Simple Network Management Protocol",
                                                      "snmp"}));
  // The innermost protocol is the parent.
  bool found = false;
  for (const auto& row : rows) {
    if (row[2] == "ipv6.hopopts.nxt") {
      found = true;
      EXPECT_EQ(row[4], "ipv6.hopopts");
    }
    // Widths the rows declare (FieldInfo::width), as tshark 4.0.17 types them.
    for (const auto& [abbrev, type] : {std::pair{"udp.srcport", "FT_UINT16"},
                                       std::pair{"ip.ttl", "FT_UINT8"},
                                       std::pair{"ipv6.flow", "FT_UINT24"},
                                       std::pair{"agentx.v.val64", "FT_UINT64"},
                                       std::pair{"snmp.value.int", "FT_INT64"}}) {
      if (row[2] == abbrev) {
        EXPECT_EQ(row[3], type) << abbrev;
      }
    }
    if (row[2] == "ipv6.fraghdr.offset") {
      EXPECT_EQ(row[3], "FT_UINT16");
      EXPECT_EQ(row[6], "0xfff8");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(GlossaryTest, ProtocolsHaveNameShortNameAndAbbreviation) {
  const auto rows = Rows(AppendProtocolGlossary);
  EXPECT_THAT(rows, Contains(std::vector<std::string>{"Simple Network Management Protocol",
                                                      "SNMP", "snmp"}));
  EXPECT_THAT(rows, Contains(std::vector<std::string>{"User Datagram Protocol", "UDP", "udp"}));
  for (const auto& row : rows) EXPECT_EQ(row.size(), 3u);
}

}  // namespace
}  // namespace snmpdissect::print
