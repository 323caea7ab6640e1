#include "dissector/print/json_tree.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/udp_fields.h"

#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include "dissector/print/testing/corpus_trees.h"
#include "gtest/gtest.h"

namespace snmpdissect::print {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;
using tree::Tree;

// Runs Debian's python3 over `json` with `script` (which reads the document
// from the file named by sys.argv[1]); returns its exit status, 0 when the
// script accepted the document. python3 decodes the file as strict UTF-8,
// so invalid UTF-8 fails too.
int RunPython(const std::string& json, const std::string& script) {
  char name[] = "/tmp/snmpdissect-json-XXXXXX";
  const int fd = mkstemp(name);
  if (fd < 0) return -1;
  close(fd);
  std::ofstream(name, std::ios::binary) << json;
  const std::string command = "/usr/bin/python3 -c '" + script + "' " + name;
  const int status = std::system(command.c_str());
  unlink(name);
  return status;
}

constexpr char kLoadArray[] =
    "import json,sys; d=json.load(open(sys.argv[1],encoding=\"utf-8\",errors=\"strict\")); "
    "assert isinstance(d, list)";

constexpr char kLoadLines[] =
    "import json,sys\n"
    "for l in open(sys.argv[1],encoding=\"utf-8\",errors=\"strict\"): json.loads(l)";

std::string ArrayOf(const Tree& tree) {
  JsonTreePrinter printer(JsonStyle::kArray);
  std::string out;
  printer.Begin(&out);
  printer.AppendFrame(tree, &out);
  printer.End(&out);
  return out;
}

TEST(JsonTreeTest, EmptyArrayIsValid) {
  JsonTreePrinter printer(JsonStyle::kArray);
  std::string out;
  printer.Begin(&out);
  printer.End(&out);
  EXPECT_EQ(out, "[\n]\n");
  EXPECT_EQ(RunPython(out, kLoadArray), 0);
  JsonTreePrinter lines(JsonStyle::kNdjson);
  out.clear();
  lines.Begin(&out);
  lines.End(&out);
  EXPECT_EQ(out, "");
}

TEST(JsonTreeTest, SchemaOfOneNode) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {42, 20});
  const NodeId id = tree.AddInt(snmp, proto::Snmp::hf[proto::Snmp::kMsgId], {44, 3}, -5);
  tree.AddDiagnostic(id, proto::Snmp::ei[proto::Snmp::kMsgIdOutOfRange], Severity::kWarning, "negative");
  tree.SetGenerated(tree.AddUint(snmp, proto::Snmp::hf[proto::Snmp::kResponseIn], {}, uint64_t{1} << 60));
  tree.SetHidden(tree.AddUint(snmp, proto::Udp::hf[proto::Udp::kPort], {}, 161));
  std::string out;
  JsonTreePrinter(JsonStyle::kNdjson).AppendFrame(tree, &out);
  EXPECT_EQ(out,
            "{\"frame\":1,\"layers\":[{\"field\":\"snmp\",\"name\":\"Simple Network Management "
            "Protocol\",\"show\":\"Simple Network Management Protocol\",\"type\":\"protocol\","
            "\"offset\":42,\"length\":20,\"children\":[{\"field\":\"snmp.msgID\",\"name\":"
            "\"msgID\",\"show\":\"msgID: -5\",\"type\":\"int\",\"value\":-5,\"offset\":44,"
            "\"length\":3,\"diagnostics\":[{\"severity\":\"Warning\",\"group\":\"Protocol\","
            "\"expert\":\"snmp.expert.msg_id_out_of_range\",\"text\":\"negative\"}]},{\"field\":"
            "\"snmp.response_in\",\"name\":\"Response In\",\"show\":\"Response In: "
            "1152921504606846976\",\"type\":\"uint\",\"value\":\"1152921504606846976\","
            "\"offset\":0,\"length\":0,\"generated\":true}]}]}\n");
}

TEST(JsonTreeTest, HostileTextIsValidUtf8Json) {
  Tree tree;
  const NodeId snmp = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  const std::string nasty[] = {
      all,
      "\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\xe2\x80\xa8\xe2\x80\xae\"\\",
      std::string("a\0b", 3),
      "\xf0\x9f\x98\x80 ok \xe2\x82\xac",
      "\xe2\x82",  // truncated sequence at the end
  };
  for (const std::string& s : nasty) {
    tree.AddString(snmp, proto::Snmp::hf[proto::Snmp::kCommunity], {0, 1}, s);
    tree.AddOid(snmp, proto::Snmp::hf[proto::Snmp::kName], {0, 1}, [&](std::string* o) { o->append(s); });
    const NodeId b = tree.AddBytes(
        snmp, proto::Snmp::hf[proto::Snmp::kValueOctets], {0, 1},
        absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(s.data()), s.size()));
    tree.AddDiagnostic(b, proto::Snmp::ei[proto::Snmp::kDecoderNote], Severity::kNote, s);
  }
  const std::string out = ArrayOf(tree);
  for (char c : out) {
    const uint8_t u = static_cast<uint8_t>(c);
    EXPECT_FALSE(u < 0x20 && c != '\n') << "raw control character in JSON";
  }
  EXPECT_EQ(RunPython(out, kLoadArray), 0) << out;
  // The valid parts survive; what is not UTF-8 is U+FFFD.
  EXPECT_EQ(RunPython(out,
                      "import json,sys; d=json.load(open(sys.argv[1],encoding=\"utf-8\")); "
                      "v=[c[\"value\"] for c in d[0][\"layers\"][0][\"children\"]]; "
                      "assert \"\\U0001f600 ok \\u20ac\" in v, v; "
                      "assert \"a\\x00b\" in v, v; assert \"\\ufffd\\ufffd\" in v, v"),
            0);
}

TEST(JsonTreeTest, DeepTreeNeedsNoRecursion) {
  Tree tree;
  NodeId at = tree.AddProtocol(Tree::kRoot, proto::Snmp::hf[proto::Snmp::kSnmp], {0, 1});
  for (int i = 0; i < 200000; ++i) at = tree.AddNone(at, proto::Snmp::hf[proto::Snmp::kVarBind], {0, 1});
  tree.AddInt(at, proto::Snmp::hf[proto::Snmp::kMsgId], {0, 1}, 7);
  std::string out;
  JsonTreePrinter(JsonStyle::kNdjson).AppendFrame(tree, &out);
  EXPECT_NE(out.find("\"value\":7"), std::string::npos);
  size_t opens = 0, closes = 0;
  for (char c : out) {
    opens += c == '[' || c == '{';
    closes += c == ']' || c == '}';
  }
  EXPECT_EQ(opens, closes);
}

TEST(JsonTreeTest, EveryCorpusCaptureIsValidJson) {
  for (const std::string& path : testing::CorpusPcaps()) {
    SCOPED_TRACE(path);
    testing::CorpusTrees trees(path, /*with_users=*/true);
    JsonTreePrinter array(JsonStyle::kArray);
    JsonTreePrinter lines(JsonStyle::kNdjson);
    std::string a, n;
    array.Begin(&a);
    lines.Begin(&n);
    for (const testing::DissectedFrame& f : trees.frames()) {
      array.AppendFrame(f.tree, &a);
      lines.AppendFrame(f.tree, &n);
    }
    array.End(&a);
    lines.End(&n);
    ASSERT_EQ(RunPython(a, std::string(kLoadArray) +
                               "; assert len(d) == " + std::to_string(trees.frames().size())),
              0);
    ASSERT_EQ(RunPython(n, kLoadLines), 0);
    // Decrypted ScopedPDUs are data sources the nodes point into.
    if (path.find("priv-des") != std::string::npos) {
      EXPECT_NE(a.find("\"source\":{\"field\":\"snmp.decrypted_pdu\",\"ordinal\":1}"),
                std::string::npos);
      EXPECT_NE(a.find("\"data_sources\":[{\"field\":\"snmp.decrypted_pdu\""), std::string::npos);
    }
  }
}

}  // namespace
}  // namespace snmpdissect::print
