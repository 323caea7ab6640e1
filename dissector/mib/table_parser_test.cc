#include "dissector/mib/table_parser.h"

#include <string>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::mib {
namespace {

using ::testing::HasSubstr;

constexpr char kRows[] =
    "# comment\n"
    "1.3.6.1.2.1.2.2\tifTable\tIF-MIB\ttable\t-\t-\t-\t0\t-\t-\n"
    "1.3.6.1.2.1.2.2.1\tifEntry\tIF-MIB\tentry\t-\t-\t-\t0\t-\t1.3.6.1.2.1.2.2.1.1\n"
    "1.3.6.1.2.1.2.2.1.1\tifIndex\tIF-MIB\tcolumn\tint\tInterfaceIndex\td\t0\t-\t-\n"
    "1.3.6.1.2.1.2.2.1.8\tifOperStatus\tIF-MIB\tcolumn\tint\t-\t-\t0\tup=1,down=2\t-\n";

std::string Row(const std::string& fields) { return fields + "\n"; }

absl::Status Parse(const std::string& text) {
  Table table;
  return ParseTable(table.AddSource(text), "t", &table);
}

TEST(TableParserTest, ReadsEveryField) {
  Table table;
  ASSERT_TRUE(ParseTable(kRows, "t", &table).ok());
  table.Finish();
  const uint32_t arcs[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 8};
  const uint32_t id = table.Exact(arcs);
  ASSERT_NE(id, kNoObject);
  const Object& o = table.object(id);
  EXPECT_EQ(o.name, "ifOperStatus");
  EXPECT_EQ(o.module, "IF-MIB");
  EXPECT_EQ(o.kind, Kind::kColumn);
  EXPECT_EQ(o.base, BaseType::kInteger);
  ASSERT_EQ(table.enums(o).size(), 2u);
  EXPECT_EQ(table.enums(o)[1].name, "down");
  EXPECT_EQ(table.enums(o)[1].value, 2);
  const uint32_t entry = table.EntryOf(id);
  ASSERT_NE(entry, kNoObject);
  ASSERT_EQ(table.index(table.object(entry)).size(), 1u);
  EXPECT_EQ(table.object(table.index(table.object(entry))[0].object).name, "ifIndex");
  EXPECT_EQ(table.object(table.index(table.object(entry))[0].object).tc, "InterfaceIndex");
}

TEST(TableParserTest, BadLinesNameTheLineAndTheProblem) {
  const std::string good = "1.3\torg\tM\tnode\t-\t-\t-\t0\t-\t-\n";
  struct Case {
    std::string line;
    const char* problem;
  } cases[] = {
      {"1.3\torg\tM\tnode\t-\t-\t-\t0\t-", "fewer than 10 fields"},
      {"1.3\torg\tM\tnode\t-\t-\t-\t0\t-\t-\tx", "more than 10 fields"},
      {"1..3\torg\tM\tnode\t-\t-\t-\t0\t-\t-", "bad OID"},
      {"1.4294967296\torg\tM\tnode\t-\t-\t-\t0\t-\t-", "bad OID"},
      {"\torg\tM\tnode\t-\t-\t-\t0\t-\t-", "bad OID"},
      {"1.3\tor g\tM\tnode\t-\t-\t-\t0\t-\t-", "bad name"},
      {"1.3\torg\t\tnode\t-\t-\t-\t0\t-\t-", "bad module"},
      {"1.3\torg\tM\tleaf\t-\t-\t-\t0\t-\t-", "bad kind"},
      {"1.3\torg\tM\tnode\tfloat\t-\t-\t0\t-\t-", "bad base type"},
      {"1.3\torg\tM\tnode\t-\tT\x01\t-\t0\t-\t-", "bad textual convention"},
      {"1.3\torg\tM\tnode\t-\t-\t1x\x7f\t0\t-\t-", "bad display hint"},
      {"1.3\torg\tM\tnode\t-\t-\t-\t70000\t-\t-", "bad fixed size"},
      {"1.3\torg\tM\tnode\t-\t-\t-\t0\tup\t-", "bad named number"},
      {"1.3\torg\tM\tnode\t-\t-\t-\t0\tup=x\t-", "bad named number"},
      {"1.3\torg\tM\tnode\t-\t-\t-\t0\t-\t1.3", "INDEX on an object that is no entry"},
      {"1.3\torg\tM\tentry\t-\t-\t-\t0\t-\t!", "bad INDEX OID"},
  };
  for (const Case& c : cases) {
    const absl::Status s = Parse(good + Row(c.line));
    EXPECT_FALSE(s.ok()) << c.line;
    EXPECT_EQ(s.message(), std::string("t:2: ") + c.problem) << c.line;
  }
}

TEST(TableParserTest, TooManyArcsIsRefused) {
  std::string oid = "1";
  for (int i = 0; i < 128; ++i) oid += ".1";  // 129 arcs
  EXPECT_THAT(Parse(oid + "\tx\tM\tnode\t-\t-\t-\t0\t-\t-\n").message(), HasSubstr("bad OID"));
}

TEST(TableParserTest, LimitsAreEnforced) {
  Table table;
  ParseLimits limits;
  limits.max_rows = 1;
  const std::string two = "1.3\ta\tM\tnode\t-\t-\t-\t0\t-\t-\n1.4\tb\tM\tnode\t-\t-\t-\t0\t-\t-\n";
  EXPECT_EQ(ParseTable(two, "t", &table, limits).message(), "t:2: too many rows");
  limits = {};
  limits.max_bytes = 10;
  EXPECT_EQ(ParseTable(two, "t", &table, limits).message(), "t: larger than 10 bytes");
  limits = {};
  limits.max_enums = 1;
  EXPECT_EQ(ParseTable("1.3\ta\tM\tnode\t-\t-\t-\t0\ta=1,b=2\t-\n", "t", &table, limits).message(),
            "t:1: too many named numbers");
  limits = {};
  limits.max_line = 8;
  EXPECT_EQ(ParseTable(two, "t", &table, limits).message(), "t:1: line too long");
}

TEST(TableParserTest, LaterRowsReplaceEarlierOnes) {
  Table table;
  ASSERT_TRUE(ParseTable("1.3\told\tA\tnode\t-\t-\t-\t0\t-\t-\n1.3\tnew\tB\tnode\t-\t-\t-\t0\t-\t-\n",
                         "t", &table)
                  .ok());
  const uint32_t arcs[] = {1, 3};
  EXPECT_EQ(table.size(), 1u);
  EXPECT_EQ(table.object(table.Exact(arcs)).name, "new");
}

}  // namespace
}  // namespace snmpdissect::mib
