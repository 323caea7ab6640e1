// USM against Wireshark: tshark (the Debian package) and this dissector
// read the same real captures with the same users file (corpus/pcap/
// snmp_users). Every message tshark verifies or decrypts must give the same
// verdict and the same fields here; where tshark cannot decrypt (net-snmp's
// AES-192/256 with MD5 or SHA-1, SHA-224 with AES-256: it knows only the
// Reeder key extension) this dissector must, and the test counts those.
//
// Documented differences, normalised before comparing: tshark prints an
// empty contextEngineID as "<MISSING>".

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/snmp/testing/tlv.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/proto/snmp.h"
#include "dissector/proto/snmp_fields.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using tree::FieldId;

// The fields compared, in tshark -e order (after frame.number).
constexpr uint16_t kFields[] = {Snmp::kMsgUserName,  Snmp::kV3Auth,    Snmp::kDecryptedPdu,
                                Snmp::kContextEngineId, Snmp::kContextName, Snmp::kData,
                                Snmp::kRequestId,    Snmp::kErrorStatus, Snmp::kName};

// One value as tshark -T fields prints it.
std::string FieldText(const tree::Tree& tree, tree::NodeId id) {
  const tree::Node& node = tree.node(id);
  switch (node.type) {
    case tree::FieldType::kInt: return std::to_string(tree.IntValue(id));
    case tree::FieldType::kUint: return std::to_string(tree.UintValue(id));
    case tree::FieldType::kBool: return tree.BoolValue(id) ? "1" : "0";
    case tree::FieldType::kBytes: return absl::BytesToHexString(std::string(tree.TextValue(id)));
    default: return std::string(tree.TextValue(id));
  }
}

// Every occurrence of `field`, comma-joined (tshark's -E occurrence=a).
std::string Values(const tree::Tree& tree, FieldId field) {
  std::vector<std::string> values;
  for (tree::NodeId id = 1; id < tree.size(); ++id) {
    if (tree.node(id).field == field) values.push_back(FieldText(tree, id));
  }
  return absl::StrJoin(values, ",");
}

// tshark's rows for `capture`: frame number -> the kFields values.
std::map<int, std::vector<std::string>> TsharkRows(const std::string& capture,
                                                   const std::string& config_home) {
  std::string command = "HOME=" + config_home + " XDG_CONFIG_HOME=" + config_home +
                        " tshark -r '" + capture +
                        "' -Y snmp -T fields -E occurrence=a -E separator='|'"
                        " -E aggregator=',' -e frame.number";
  for (uint16_t f : kFields) command += std::string(" -e ") + tree::GetField(Snmp::hf[f]).abbrev;
  command += " 2>/dev/null";
  std::map<int, std::vector<std::string>> rows;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return rows;
  char line[1 << 16];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    std::string text(line);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    std::vector<std::string> columns = absl::StrSplit(text, '|');
    if (columns.size() != std::size(kFields) + 1) continue;
    const int frame = std::atoi(columns[0].c_str());
    columns.erase(columns.begin());
    for (std::string& c : columns) {
      if (c == "<MISSING>") c.clear();
    }
    rows[frame] = std::move(columns);
  }
  pclose(pipe);
  return rows;
}

TEST(SnmpTsharkTest, EveryMessageTsharkDecryptsDissectsTheSameHere) {
  ASSERT_EQ(std::system("tshark -v >/dev/null 2>&1"), 0)
      << "tshark is not installed (tools/test.sh installs it)";
  const std::string users_file = snmp::testing::SourceDir() + "/corpus/pcap/snmp_users";
  auto users = usm::LoadUsersFile(users_file);
  ASSERT_TRUE(users.ok()) << users.status();
  // A throw-away Wireshark configuration holding only snmp_users.
  char home_template[] = "/tmp/snmpdissect-tshark-XXXXXX";
  ASSERT_NE(mkdtemp(home_template), nullptr);
  const std::string home = home_template;
  ASSERT_EQ(std::system(("mkdir -p " + home + "/wireshark && cp '" + users_file + "' " + home +
                         "/wireshark/snmp_users")
                            .c_str()),
            0);

  usm::Processor processor(*std::move(users));
  SnmpDissector dissector;
  dissector.set_usm(&processor);
  tree::Tree tree;
  size_t compared = 0, verified_both = 0, decrypted_both = 0, decrypted_only_here = 0;
  for (const std::string& capture : snmp::testing::CorpusCaptures()) {
    SCOPED_TRACE(capture);
    auto messages = snmp::testing::ReadCaptureMessages(capture);
    ASSERT_TRUE(messages.ok()) << messages.status();
    std::map<int, int> per_frame;
    for (const auto& m : *messages) ++per_frame[m.frame];
    const auto rows = TsharkRows(capture, home);
    ASSERT_FALSE(rows.empty());
    for (const snmp::testing::CapturedMessage& captured : *messages) {
      // One message per frame: tshark's columns then describe just it.
      if (per_frame[captured.frame] != 1 || !rows.count(captured.frame)) continue;
      SCOPED_TRACE("frame " + std::to_string(captured.frame));
      const std::vector<std::string>& theirs = rows.at(captured.frame);
      tree.Clear();
      dissector.Dissect(snmp::testing::AsBytes(captured.bytes), {}, &tree, tree::Tree::kRoot);
      std::vector<std::string> ours;
      for (uint16_t f : kFields) ours.push_back(Values(tree, Snmp::hf[f]));
      const size_t kAuth = 1, kDecrypted = 2;
      // tshark's verdict, where it gave one, is ours.
      if (!theirs[kAuth].empty()) {
        EXPECT_EQ(ours[kAuth], theirs[kAuth]);
        verified_both += theirs[kAuth] == "1" && ours[kAuth] == "1";
      }
      if (theirs[kDecrypted].empty()) {
        decrypted_only_here += !ours[kDecrypted].empty();
        continue;
      }
      // tshark "decrypted" it. Its "wrong key?" garbage has no PDU: either
      // we decrypted it properly where tshark failed, or the password is
      // wrong (failures.pcap) and we say so instead of showing garbage.
      if (theirs[5].empty()) {
        decrypted_only_here += !ours[5].empty();
        continue;
      }
      ++decrypted_both;
      for (size_t i = 0; i < std::size(kFields); ++i) {
        EXPECT_EQ(ours[i], theirs[i]) << tree::GetField(Snmp::hf[kFields[i]]).abbrev;
      }
      ++compared;
    }
  }
  std::system(("rm -rf " + home).c_str());
  // The corpus has hundreds of each (tools/gen-corpus.sh).
  EXPECT_GT(verified_both, 800u);
  EXPECT_GT(decrypted_both, 400u);
  // net-snmp's Blumenthal AES-192/256 with MD5, SHA-1 and SHA-224.
  EXPECT_GT(decrypted_only_here, 50u);
  std::printf("compared %zu decrypted messages with tshark; verified by both %zu; "
              "decrypted here only %zu\n",
              compared, verified_both, decrypted_only_here);
}

}  // namespace
}  // namespace snmpdissect::proto
