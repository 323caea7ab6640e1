#include "dissector/mib/smi_rows.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

using ::testing::HasSubstr;

std::string Record(const std::vector<std::string>& fields,
                   const std::vector<std::pair<std::string, std::string>>& enums = {}) {
  std::string out;
  SmiRowWriter row(&out);
  for (const std::string& f : fields) row.Field(f);
  for (const auto& [label, value] : enums) row.Enum(label, value);
  return out;
}

const std::vector<std::string> kFields = {"1.3.6.1.4.1.9.1", "thing", "T-MIB", "column", "octets",
                                          "MacAddress", "1x:", "6", "-"};

TEST(SmiRowsTest, FieldsBecomeOneTableRow) {
  std::string line, problem;
  ASSERT_TRUE(SmiRowToTableLine(Record(kFields, {{"up", "1"}, {"down", "2"}}), &line, &problem))
      << problem;
  EXPECT_EQ(line, "1.3.6.1.4.1.9.1\tthing\tT-MIB\tcolumn\toctets\tMacAddress\t1x:\t6\tup=1,down=2\t-\n");
  ASSERT_TRUE(SmiRowToTableLine(Record(kFields), &line, &problem));
  EXPECT_EQ(line, "1.3.6.1.4.1.9.1\tthing\tT-MIB\tcolumn\toctets\tMacAddress\t1x:\t6\t-\t-\n");
}

// Any byte of a field arrives as it was sent: a DISPLAY-HINT holding a tab
// and a newline (which split the old tab-separated stream into a forged
// row) is refused whole, with a line naming the object and the field.
TEST(SmiRowsTest, SeparatorInAFieldIsRefusedNotSplit) {
  std::vector<std::string> fields = kFields;
  fields[6] = "1x\t\n1.3.6.1.4.1.5.9\tevil";
  std::string line, problem;
  EXPECT_FALSE(SmiRowToTableLine(Record(fields), &line, &problem));
  EXPECT_THAT(problem, HasSubstr("thing (1.3.6.1.4.1.9.1): its DISPLAY-HINT \"1x\\x09\\x0a"));
  EXPECT_EQ(problem.find('\n'), std::string::npos);
  // A label that would read as two named numbers.
  EXPECT_FALSE(SmiRowToTableLine(Record(kFields, {{"a=1,b", "2"}}), &line, &problem));
  EXPECT_THAT(problem, HasSubstr("named number \"a=1,b\""));
}

TEST(SmiRowsTest, TruncatedOrLyingRecordIsRefused) {
  const std::string whole = Record(kFields, {{"up", "1"}});
  std::string line, problem;
  // Every cut but the ones that end between fields of the named numbers'
  // pairs: each must be refused, none read past the record.
  for (size_t n = 0; n < whole.size(); ++n) {
    const std::string cut = whole.substr(0, n);
    std::string l, p;
    const bool ok = SmiRowToTableLine(cut, &l, &p);
    EXPECT_FALSE(ok && n != Record(kFields).size()) << n;
  }
  // A length that claims more than is there.
  std::string lying = whole;
  lying[0] = '\x7f';
  lying[3] = '\x7f';
  EXPECT_FALSE(SmiRowToTableLine(lying, &line, &problem));
  // A label with no value.
  std::string odd = Record(kFields);
  SmiRowWriter(&odd).Field("up");
  EXPECT_FALSE(SmiRowToTableLine(odd, &line, &problem));
}

TEST(SmiRowsTest, RecordReaderStopsAtARecordThatRunsPastTheText) {
  std::string text;
  AppendSmiRecord(&text, "abc");
  AppendSmiRecord(&text, std::string("\0\t\n", 3));
  text.append("\x05\x00\x00\x00xy", 6);
  SmiRecordReader reader(text);
  std::string_view r;
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r, "abc");
  ASSERT_TRUE(reader.Next(&r));
  EXPECT_EQ(r, std::string_view("\0\t\n", 3));
  EXPECT_FALSE(reader.Next(&r));
}

}  // namespace
}  // namespace snmpdissect::mib
