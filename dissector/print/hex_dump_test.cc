#include "dissector/print/hex_dump.h"
#include "dissector/proto/snmp_fields.h"

#include <string>
#include <vector>

#include "dissector/print/testing/corpus_trees.h"
#include "gtest/gtest.h"

namespace snmpdissect::print {
namespace {

using tree::FieldId;
using tree::NodeId;
using tree::Tree;

absl::Span<const uint8_t> Bytes(const std::string& s) {
  return absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

TEST(HexDumpTest, FrameOnlyHasNoTitle) {
  const std::string frame = std::string("E\x00\x01\x7f\xff", 5) + std::string(15, 'a');
  std::string out;
  AppendHexDump(Tree(), Bytes(frame), &out);
  EXPECT_EQ(out,
            "0000  45 00 01 7f ff 61 61 61 61 61 61 61 61 61 61 61   E....aaaaaaaaaaa\n"
            "0010  61 61 61 61                                       aaaa\n"
            "\n");
}

TEST(HexDumpTest, OtherSourcesUnderTitles) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 2});
  const std::string plain = "0b\x04\x16";
  tree.AddBytes(snmp, proto::Snmp::hf[proto::Snmp::kDecryptedPdu], {0, 2}, Bytes(plain));
  std::string out;
  AppendHexDump(tree, Bytes(std::string("\x30\x00", 2)), &out);
  EXPECT_EQ(out,
            "Frame (2 bytes):\n"
            "0000  30 00                                             0.\n"
            "Decrypted ScopedPDU (4 bytes):\n"
            "0000  30 62 04 16                                       0b..\n"
            "\n");
}

TEST(HexDumpTest, WideOffsetsForLargeBuffers) {
  const std::string big(0x10001, 'x');
  std::string out;
  AppendHexDump(Tree(), Bytes(big), &out);
  EXPECT_EQ(out.substr(0, 6), "00000 ");
  EXPECT_NE(out.find("\n10000  78   "), std::string::npos);
}

// tshark -x prints one block per frame, blocks separated by blank lines.
std::vector<std::string> Blocks(const std::vector<std::string>& lines) {
  std::vector<std::string> blocks(1);
  for (const std::string& line : lines) {
    if (line.empty()) {
      blocks.emplace_back();
    } else {
      blocks.back() += line + "\n";
    }
  }
  if (blocks.back().empty()) blocks.pop_back();
  return blocks;
}

TEST(HexDumpTest, MatchesTsharkOnEveryCorpusCapture) {
  ASSERT_TRUE(testing::TsharkInstalled()) << "tshark is not installed (tools/test.sh installs it)";
  size_t compared = 0, decryption_differs = 0, with_sources = 0;
  for (const std::string& path : testing::CorpusPcaps()) {
    SCOPED_TRACE(path);
    testing::CorpusTrees trees(path, /*with_users=*/true);
    const std::vector<std::string> theirs =
        Blocks(testing::TsharkLines("-r '" + path + "' -x", /*with_users=*/true));
    ASSERT_EQ(theirs.size(), trees.frames().size());
    std::string out;
    for (size_t i = 0; i < theirs.size(); ++i) {
      const testing::DissectedFrame& f = trees.frames()[i];
      out.clear();
      AppendHexDump(f.tree, f.bytes(), &out);
      ASSERT_GE(out.size(), 2u);
      ASSERT_EQ(out.substr(out.size() - 2), "\n\n");
      out.pop_back();
      with_sources += out.find("Decrypted ScopedPDU") != std::string::npos;
      // Where the keys differ (summary_line_test), one side has a
      // decrypted ScopedPDU the other has not.
      if (out != theirs[i] && f.tree.Find(proto::Snmp::hf[proto::Snmp::kEncryptedPdu]) != tree::kNoNode) {
        ++decryption_differs;
        continue;
      }
      EXPECT_EQ(out, theirs[i]) << "frame " << i + 1;
      ++compared;
    }
  }
  EXPECT_GT(compared, 2000u);
  EXPECT_GT(with_sources, 300u);
  EXPECT_LT(decryption_differs, 250u);
}

}  // namespace
}  // namespace snmpdissect::print
