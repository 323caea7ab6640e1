#include "dissector/filter/filter.h"

#include <string>
#include <vector>

#include "dissector/filter/parser.h"
#include "dissector/filter/printer.h"
#include "dissector/print/testing/corpus_trees.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::filter {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class FilterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    trees_ = new print::testing::CorpusTrees(print::testing::CorpusDir() + "/v1-v2c.pcap", true);
  }
  static void TearDownTestSuite() { delete trees_; }

  // Frame numbers (1-based) the filter selects.
  static std::vector<int> Select(const std::string& text) {
    FilterError error;
    std::unique_ptr<DisplayFilter> f = DisplayFilter::Compile(text, &error);
    EXPECT_NE(f, nullptr) << text << ": " << error.message;
    std::vector<int> out;
    if (f == nullptr) return out;
    int n = 0;
    for (const auto& frame : trees_->frames()) {
      ++n;
      if (f->Matches(frame.tree)) out.push_back(n);
    }
    // The printed filter selects the same frames.
    std::unique_ptr<DisplayFilter> again = DisplayFilter::Compile(f->canonical(), &error);
    EXPECT_NE(again, nullptr) << f->canonical() << ": " << error.message;
    if (again != nullptr) {
      std::vector<int> second;
      n = 0;
      for (const auto& frame : trees_->frames()) {
        ++n;
        if (again->Matches(frame.tree)) second.push_back(n);
      }
      EXPECT_EQ(out, second) << text << " printed as " << f->canonical();
    }
    return out;
  }
  static FilterError Error(const std::string& text) {
    FilterError error;
    EXPECT_EQ(DisplayFilter::Compile(text, &error), nullptr) << text;
    return error;
  }
  static std::vector<int> First(std::vector<int> v, size_t n) {
    if (v.size() > n) v.resize(n);
    return v;
  }

  static print::testing::CorpusTrees* trees_;
};

print::testing::CorpusTrees* FilterTest::trees_ = nullptr;

// Expected frames are tshark 4.0.17's on corpus/pcap/v1-v2c.pcap.
TEST_F(FilterTest, OccurrenceSemanticsMatchTshark) {
  EXPECT_THAT(Select("snmp.name == 1.3.6.1.2.1.1.1.0"),
              ElementsAre(1, 2, 4, 6, 7, 113, 114, 115, 118, 119));
  EXPECT_THAT(Select("snmp.name === 1.3.6.1.2.1.1.1.0"), ElementsAre(6, 7, 118, 119));
  EXPECT_THAT(Select("all snmp.name == 1.3.6.1.2.1.1.1.0"), ElementsAre(6, 7, 118, 119));
  EXPECT_THAT(First(Select("snmp.name != 1.3.6.1.2.1.1.1.0"), 4), ElementsAre(3, 5, 8, 9));
  EXPECT_THAT(First(Select("snmp.name ~= 1.3.6.1.2.1.1.1.0"), 6), ElementsAre(1, 2, 3, 4, 5, 8));
  EXPECT_THAT(First(Select("snmp.name !== 1.3.6.1.2.1.1.1.0"), 6), ElementsAre(1, 2, 3, 4, 5, 8));
  EXPECT_THAT(Select("count(snmp.name) == 4"), ElementsAre(1, 2, 219));
}

TEST_F(FilterTest, OperatorsAndValues) {
  EXPECT_THAT(Select("frame.number in {2, 4..6}"), ElementsAre(2, 4, 5, 6));
  EXPECT_THAT(Select("not snmp or ip and frame.number == 1"), ElementsAre(1));
  EXPECT_THAT(Select("!frame.number==1 && frame.number<4"), ElementsAre(2, 3));
  EXPECT_THAT(Select("frame.number >= 3 and frame.number le 4"), ElementsAre(3, 4));
  EXPECT_THAT(Select("frame.number == 010"), ElementsAre(8));
  EXPECT_THAT(Select("frame.number == 0b11"), ElementsAre(3));
  EXPECT_THAT(Select("frame.number == '\\x03'"), ElementsAre(3));
  EXPECT_THAT(First(Select("frame.number & 1"), 3), ElementsAre(1, 3, 5));
  EXPECT_THAT(First(Select("frame.number & 1 == 1"), 3), ElementsAre(1, 3, 5));
  EXPECT_THAT(First(Select("snmp.community[1-2] == \"ub\""), 2), ElementsAre(1, 2));
  EXPECT_THAT(First(Select("snmp.community[-2:] == \"ic\""), 2), ElementsAre(1, 2));
  EXPECT_THAT(Select("snmp.community[0:10] == \"public\""), ElementsAre());
  EXPECT_THAT(First(Select("snmp.community matches \"^PUB\""), 2), ElementsAre(1, 2));
  EXPECT_THAT(Select("snmp.community matches \"(?-i)UB\""), ElementsAre());
  EXPECT_THAT(First(Select("snmp.community == \"pub\\x6cic\""), 1), ElementsAre(1));
  EXPECT_THAT(First(Select("snmp.community == public"), 1), ElementsAre(1));
  EXPECT_THAT(Select("snmp.community == 70:75:62:6c:69:63"), ElementsAre());
  EXPECT_THAT(First(Select("len(snmp.name) == 8"), 3), ElementsAre(1, 2, 4));
  EXPECT_THAT(First(Select("ip.src == 127.0.0.0/8"), 1), ElementsAre(1));
  EXPECT_THAT(First(Select("snmp.version == v2c"), 1), ElementsAre(113));
  EXPECT_THAT(First(Select("snmp.version == \"v2c\""), 1), ElementsAre(113));
  EXPECT_THAT(Select("frame.number != -1").size(), trees_->frames().size());
}

TEST_F(FilterTest, ErrorsNameTheColumn) {
  FilterError e = Error("snmp.nme == 1");
  EXPECT_EQ(e.message, "snmp.nme is neither a field nor a protocol name.");
  EXPECT_EQ(e.column, 0u);
  EXPECT_EQ(e.length, 8u);
  e = Error("frame.number == 1)");
  EXPECT_EQ(e.message, "\")\" was unexpected in this context.");
  EXPECT_EQ(e.column, 17u);
  EXPECT_EQ(Error("frame.number == 1 or").message, "Unexpected end of filter expression.");
  EXPECT_EQ(Error("frame.number == \"a\"").column, 16u);
  EXPECT_THAT(Error("snmp.community == \"\\q\"").message, HasSubstr("not a valid character escape"));
  EXPECT_THAT(Error("ip.src == 1.2.3.4/33").message, HasSubstr("should be <= 32"));
  EXPECT_THAT(Error("snmp.community matches \"(\"").message, HasSubstr("Regex compilation error"));
  EXPECT_THAT(Error("frame.number == 1 + 0").message, HasSubstr("arithmetic"));
  EXPECT_THAT(Error("udp.srcport == udp.dstport").message, HasSubstr("another field"));
  EXPECT_THAT(Error("upper(snmp.community) == \"A\"").message, HasSubstr("upper() is not supported"));
  EXPECT_THAT(Error("snmp.community#1 == \"a\"").message, HasSubstr("layer operator"));
  EXPECT_THAT(Error("snmp.community[1,3] == \"ul\"").message, HasSubstr("concatenated"));
  EXPECT_THAT(Error("snmp == 1").message, HasSubstr("presence"));
  EXPECT_THAT(Error("snmp.name matches \"1\"").message, HasSubstr("cannot participate in matches"));
  EXPECT_THAT(Error("frame.number in {2 4}").message, HasSubstr("\"4\" was unexpected"));
  EXPECT_THAT(Error("").message, HasSubstr("empty"));
}

// Every construct of Wireshark 4.0's language this engine does not
// implement is refused, naming it, with the caret on the construct (tshark
// accepts each of these filters, so evaluating them some other way would
// select the wrong frames).
TEST_F(FilterTest, UnimplementedConstructsAreRefusedAtTheirColumn) {
  struct Case {
    const char* filter;
    const char* message;  // a substring of the message
    const char* marked;   // the text the caret line underlines
  };
  const Case cases[] = {
      {"udp.srcport + 1 == 162", "arithmetic", "+"},
      {"udp.srcport - 1 == 160", "arithmetic", "-"},
      {"udp.srcport * 2 == 322", "arithmetic", "*"},
      {"udp.srcport / 2 == 80", "arithmetic", "/"},
      {"udp.srcport % 2 == 1", "arithmetic", "%"},
      {"udp.srcport == -udp.dstport", "unary minus", "-udp.dstport"},
      {"{udp.srcport} == 161", "braces", "{"},
      {"snmp.version == {1}", "braces", "{"},
      {"snmp.version#2 == 1", "layer operator", "#"},
      {"ip.src#1 == 127.0.0.1", "layer operator", "#"},
      {"snmp.version == ${snmp.version}", "field references", "$"},
      {"${filter_macro}", "macros", "$"},
      {"$filter_macro", "macros", "$"},
      {"upper(snmp.community) == \"A\"", "upper() is not supported", "upper"},
      {"lower(snmp.community) == \"a\"", "lower() is not supported", "lower"},
      {"string(frame.number) == \"1\"", "string() is not supported", "string"},
      {"max(udp.srcport, udp.dstport) == 161", "max() is not supported", "max"},
      {"min(udp.srcport, udp.dstport) == 161", "min() is not supported", "min"},
      {"abs(udp.srcport) == 161", "abs() is not supported", "abs"},
      {"udp.srcport == udp.dstport", "another field", "udp.dstport"},
      {"udp.srcport == .udp.dstport", "another field", ".udp.dstport"},
      {"snmp contains \"pub\"", "comparing a protocol's bytes", "snmp"},
      {"udp == 00:a1", "comparing a protocol's bytes", "udp"},
      {"snmp[0:2] == 30:82", "slicing it is not supported", "snmp"},
      {"len(snmp) == 3", "len() of snmp", "len(snmp"},
      {"snmp.msgAuthoritativeEngineID & 80", "& operator on bytes", "snmp.msgAuthoritativeEngineID"},
      {"eth.src & ff:00:00:00:00:00 == 02:00:00:00:00:00", "& operator on bytes", "eth.src"},
      {"snmp.community[1,3] == \"ul\"", "concatenated slices", "[1,3]"},
      {"frame.time == \"2020-07-04T12:34:56\"", "absolute time", "\"2020-07-04T12:34:56\""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.filter);
    const FilterError e = Error(c.filter);
    EXPECT_THAT(e.message, HasSubstr(c.message));
    const std::string text = c.filter;
    ASSERT_LE(e.column + e.length, text.size());
    EXPECT_EQ(text.substr(e.column, e.length), c.marked);
  }
}

TEST(FilterFormatTest, CaretUnderTheColumn) {
  FilterError e{"bad", 5, 3};
  EXPECT_EQ(FormatError("p: ", "abcd efgh", e), "p: bad: abcd efgh\n             ^~~");
}

TEST(FilterBoundsTest, DeepNestingAndLongTextAreRefused) {
  FilterError error;
  std::string deep(10000, '(');
  deep += "snmp";
  deep += std::string(10000, ')');
  EXPECT_EQ(DisplayFilter::Compile(deep, &error), nullptr);
  EXPECT_THAT(error.message, HasSubstr("nests deeper"));
  std::string nots;
  for (int i = 0; i < 10000; ++i) nots += "!";
  EXPECT_EQ(DisplayFilter::Compile(nots + "snmp", &error), nullptr);
  std::string chain = "snmp";
  for (int i = 0; i < 5000; ++i) chain += " && snmp";
  EXPECT_NE(DisplayFilter::Compile(chain, &error), nullptr) << error.message;
  EXPECT_EQ(DisplayFilter::Compile(std::string(kMaxFilterLength + 1, 'a'), &error), nullptr);
  // A pattern that backtracks exponentially gives up at the match limit.
  std::unique_ptr<DisplayFilter> f =
      DisplayFilter::Compile("snmp.community matches \"^(a+)+$\"", &error);
  ASSERT_NE(f, nullptr);
}

TEST(FilterPrinterTest, PrintsExplicitly) {
  FilterError error;
  auto expr = Parse("a == 1 or b and not c or d contains \"x\\n\"", &error);
  ASSERT_TRUE(expr.has_value());
  EXPECT_EQ(PrintFilter(*expr), "a == 1 || b && !c || d contains \"x\\x0a\"");
  expr = Parse("(a or b) and all c[1:2] ~= 3 and e in {1, 2..3}", &error);
  ASSERT_TRUE(expr.has_value());
  EXPECT_EQ(PrintFilter(*expr), "(a || b) && all c[1:2] !== 3 && e in {1, 2 .. 3}");
}

}  // namespace
}  // namespace snmpdissect::filter
