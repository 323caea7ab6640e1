#include "dissector/print/summary_line.h"
#include "dissector/proto/snmp_fields.h"

#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "dissector/print/testing/corpus_trees.h"
#include "gtest/gtest.h"

namespace snmpdissect::print {
namespace {

using testing::CorpusTrees;
using tree::FieldId;
using tree::NodeId;
using tree::Tree;

std::string Line(const Tree& tree, SummaryOptions options = {}) {
  std::string out;
  SummaryLinePrinter(options).Append(tree, &out);
  return out;
}

// A tree holding only the columns the layers would have set while
// dissecting (tree.h Columns): the printer reads those, never the layers'
// nodes. The SNMP layer's own Info text is tested beside it
// (proto/snmp_test.cc, SnmpInfoTest).
Tree ColumnsTree(std::string_view info) {
  Tree tree;
  tree::Columns& columns = tree.mutable_columns();
  columns.has_number = true;
  columns.number = 12345;
  columns.relative_time_ns = 1'234'567'891;
  columns.length = 100;
  columns.source = "10.0.0.1";
  columns.destination = "192.168.1.2";
  columns.protocol = "SNMP";
  tree.SetInfo(info);
  return tree;
}

TEST(SummaryLineTest, ColumnsPaddedLikeTshark) {
  EXPECT_EQ(Line(ColumnsTree("get-request 1.3.6.1.2.1.1.1.0")),
            "12345   1.234567     10.0.0.1 -> 192.168.1.2  SNMP 100 get-request "
            "1.3.6.1.2.1.1.1.0\n");
  EXPECT_EQ(Line(ColumnsTree("get-request 1.3"), {.time_decimals = 9}),
            "12345 1.234567891     10.0.0.1 -> 192.168.1.2  SNMP 100 get-request 1.3\n");
}

// The layers escape what they copy from the packet; the printer adds
// "[Malformed Packet]" for a decode that stopped, as epan/show_exception.c
// appends it to COL_INFO.
TEST(SummaryLineTest, MalformedPacketEndsTheInfo) {
  Tree tree = ColumnsTree(" 1.3.6");
  tree.MarkMalformed(tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {42, 1}));
  EXPECT_EQ(Line(tree),
            "12345   1.234567     10.0.0.1 -> 192.168.1.2  SNMP 100  1.3.6[Malformed "
            "Packet]\n");
}

TEST(SummaryLineTest, EmptyTreeStillOneLine) {
  EXPECT_EQ(Line(Tree()), "    0   0.000000              ->               0 \n");
}

// tshark's lines differ from ours only where the header says so.
struct Difference {
  const char* what;
  std::regex pattern;
};

TEST(SummaryLineTest, MatchesTsharkOnEveryCorpusCapture) {
  ASSERT_TRUE(testing::TsharkInstalled()) << "tshark is not installed (tools/test.sh installs it)";
  // "Win=" is tcp.window_size_value here, the scaled window in tshark.
  const std::regex window(" Win=[0-9]+ ");
  // Seq/Ack print the tree's tcp.seq/tcp.ack: the raw numbers minus the
  // initial ones. tshark 4.0's relative numbers on tcp.pcap slide back by
  // each SNMP PDU's length (frame 7: raw seq ISN+58, tshark "Seq=1"), its
  // own tcp.seq field too; the printer shows what the tree holds.
  const std::regex sequence(" (Seq|Ack)=[0-9]+");
  size_t compared = 0, decryption_differs = 0;
  for (const std::string& path : testing::CorpusPcaps()) {
    SCOPED_TRACE(path);
    CorpusTrees trees(path, /*with_users=*/true);
    std::vector<std::string> theirs =
        testing::TsharkLines("-r '" + path + "' -o gui.column.format:\"No.\",\"%m\",\"Time\",\"%t\","
                             "\"Source\",\"%s\",\"Destination\",\"%d\",\"Protocol\",\"%p\","
                             "\"Length\",\"%L\",\"Info\",\"%i\"",
                             /*with_users=*/true);
    ASSERT_EQ(theirs.size(), trees.frames().size());
    SummaryLinePrinter printer;
    std::string out;
    for (size_t i = 0; i < theirs.size(); ++i) {
      const testing::DissectedFrame& f = trees.frames()[i];
      SCOPED_TRACE("frame " + std::to_string(f.frame.number));
      out.clear();
      printer.Append(f.tree, &out);
      ASSERT_FALSE(out.empty());
      ASSERT_EQ(out.back(), '\n');
      out.pop_back();
      std::string expected = testing::ReplaceAll(theirs[i], "\xe2\x86\x92", "->");
      std::string ours = out;
      expected = std::regex_replace(expected, window, " Win=* ");
      ours = std::regex_replace(ours, window, " Win=* ");
      expected = std::regex_replace(expected, sequence, " $1=*");
      ours = std::regex_replace(ours, sequence, " $1=*");
      // Decryption outcomes differ where the keys differ: we decrypt
      // net-snmp's AES-192/256 (Blumenthal key extension) where tshark 4.0
      // tries Reeder's only, and tshark decrypts with an empty privacy
      // password where the users file gives none. tshark then dissects
      // garbage, and its info depends on the garbage: "Decrypted data not
      // formatted as expected", or the UDP info left as it was, maybe with
      // "[Malformed Packet]". Ours says what really happened.
      static const std::regex garbage(
          ".* SNMP [0-9]+ (encryptedPDU: Decrypted data not formatted as expected|"
          "[0-9]+ -> [0-9]+ Len=[0-9]+(\\[Malformed Packet\\])?)");
      if (ours != expected && f.tree.Find(proto::Snmp::hf[proto::Snmp::kEncryptedPdu]) != tree::kNoNode &&
          std::regex_match(expected, garbage)) {
        ++decryption_differs;
        continue;
      }
      EXPECT_EQ(ours, expected);
      ++compared;
    }
  }
  EXPECT_GT(compared, 2000u);
  EXPECT_LT(decryption_differs, 200u);
}

}  // namespace
}  // namespace snmpdissect::print
