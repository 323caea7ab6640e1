// Every capture in corpus/pcap/ through capture::Capture and the pipeline:
// the SNMP messages found in each frame are exactly those tshark finds
// (`tshark -r F -Y snmp -T fields -e frame.number -e snmp.msgVersion
// -e snmp.version`: one value per message, comma-joined when a TCP segment
// carries several), none is malformed, and no layer below reports a
// problem. The totals also equal what the codec's test extractor
// (codec/snmp/testing/capture_messages.h) pulls out of the same files.
//
// tools/test.sh installs tshark; without it this test fails rather than
// silently checking less (as dissector/tree/fields_test does).

#include <arpa/inet.h>

#include <cstdio>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "codec/snmp/testing/capture_messages.h"
#include "dissector/capture/testing/pcap_builder.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/proto/agentx_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/testing/net_builders.h"
#include "dissector/proto/testing/tree_checks.h"
#include "dissector/tree/experts.h"
#include "gtest/gtest.h"

namespace snmpdissect::pipeline {
namespace {

using proto::testing::Diagnostics;
using proto::testing::ExpectWellFormedTree;

// Frame number -> SNMP messages in it, as tshark sees them.
std::map<uint64_t, int> TsharkMessages(const std::string& path) {
  std::map<uint64_t, int> out;
  const std::string command = "tshark -r '" + path +
                              "' -Y snmp -T fields -e frame.number -e snmp.msgVersion "
                              "-e snmp.version 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) {
    std::string line(buffer);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() < 3) continue;
    int count = 0;
    for (size_t c = 1; c < cols.size(); ++c) {
      if (cols[c].empty()) continue;
      count += static_cast<int>(std::vector<std::string>(absl::StrSplit(cols[c], ',')).size());
    }
    out[std::stoull(cols[0])] = count;
  }
  pclose(pipe);
  return out;
}

struct CaptureSummary {
  std::map<uint64_t, int> messages;  // frame -> SNMP messages found
  size_t total = 0, tcp = 0, ipv6 = 0, reassembled = 0;
};

CaptureSummary DissectCapture(const std::string& path) {
  CaptureSummary s;
  auto frames = testing::ReadFrames(path);
  EXPECT_TRUE(frames.ok()) << frames.status();
  if (!frames.ok()) return s;
  FrameDissector dissector;
  tree::Tree tree;
  for (const testing::StoredFrame& f : *frames) {
    SCOPED_TRACE(path + " frame " + std::to_string(f.number));
    const FrameResult& r = dissector.Dissect(f.Input(), &tree);
    EXPECT_FALSE(r.malformed) << Diagnostics(tree);
    EXPECT_FALSE(r.unknown_link_type);
    ExpectWellFormedTree(tree, f.data.size());
    // No layer below the application protocols finds anything to say (SNMP's
    // own notes, on Report counters and noSuchObject & co., and AgentX's on
    // what net-snmp sends are their business), and nothing is malformed.
    for (tree::DiagnosticId i = 0; i < tree.diagnostic_count(); ++i) {
      const tree::ExpertInfo& e = tree::GetExpert(tree.diagnostic(i).expert);
      EXPECT_TRUE(e.parent == proto::Snmp::hf[proto::Snmp::kSnmp] ||
                  e.parent == proto::AgentX::hf[proto::AgentX::kAgentX])
          << e.abbrev << "\n" << Diagnostics(tree);
    }
    for (const SnmpMessage& m : r.messages) {
      EXPECT_FALSE(m.malformed);
      s.tcp += m.tcp;
      s.ipv6 += r.endpoints.ip_version == 6;
      s.reassembled += m.source != tree::kFrameSource;
    }
    if (!r.messages.empty()) s.messages[f.number] = static_cast<int>(r.messages.size());
    s.total += r.messages.size();
  }
  return s;
}

TEST(PipelineCorpusTest, MessagesPerFrameMatchTshark) {
  ASSERT_EQ(std::system("command -v tshark >/dev/null 2>&1"), 0)
      << "tshark not installed (tools/test.sh installs it)";
  const std::vector<std::string> captures = snmp::testing::CorpusCaptures();
  ASSERT_GE(captures.size(), 12u) << "corpus/pcap is incomplete (tools/gen-corpus.sh)";
  size_t total = 0;
  for (const std::string& path : captures) {
    SCOPED_TRACE(path);
    const CaptureSummary ours = DissectCapture(path);
    const std::map<uint64_t, int> theirs = TsharkMessages(path);
    ASSERT_FALSE(theirs.empty()) << "tshark found no SNMP in " << path;
    EXPECT_EQ(ours.messages, theirs);
    auto extracted = snmp::testing::ReadCaptureMessages(path);
    ASSERT_TRUE(extracted.ok()) << extracted.status();
    EXPECT_EQ(ours.total, extracted->size());
    total += ours.total;
    std::printf("%-40s %4zu SNMP messages (%zu over TCP, %zu over IPv6, %zu reassembled)\n",
                path.substr(path.rfind('/') + 1).c_str(), ours.total, ours.tcp, ours.ipv6,
                ours.reassembled);
  }
  EXPECT_GT(total, 2000u);
}

TEST(PipelineCorpusTest, Ipv6CaptureIsAllIpv6) {
  const std::string path = snmp::testing::SourceDir() + "/corpus/pcap/ipv6.pcap";
  const CaptureSummary s = DissectCapture(path);
  EXPECT_EQ(s.total, 294u);  // corpus/pcap/README.md
  EXPECT_EQ(s.ipv6, s.total);
  EXPECT_EQ(s.tcp, 0u);
}

TEST(PipelineCorpusTest, TcpCaptureOverIpv4AndIpv6) {
  const std::string path = snmp::testing::SourceDir() + "/corpus/pcap/tcp.pcap";
  const CaptureSummary s = DissectCapture(path);
  EXPECT_EQ(s.total, 168u);  // tshark -Y snmp on this file
  EXPECT_EQ(s.tcp, s.total);
  EXPECT_GT(s.ipv6, 0u);
  EXPECT_LT(s.ipv6, s.total);
}

// The link, IP and transport fields both tools know, frame by frame: each
// is compared as tshark prints it with -T fields (repeated occurrences
// joined by commas; hex values, which tshark pads, compared as numbers).
//
// tshark runs with its SNMP dissector disabled here: after an SNMP request
// over TCP, Wireshark's SNMP dissector opens a conversation of its own for
// the response, and the TCP dissector then starts a new tcp.stream (with
// new relative sequence numbers) in the middle of the connection. That is
// not worth copying; without SNMP, tshark numbers streams per connection,
// as we do. So frame.protocols is compared without the last layer (our
// "snmp", tshark's "data"). ip.version is not compared: tshark also adds it,
// hidden, to IPv6 packets.
constexpr const char* kComparedFields[] = {
    "frame.number", "frame.len", "frame.cap_len", "frame.protocols",
    "eth.dst", "eth.src", "eth.addr", "eth.type",
    "ip.hdr_len", "ip.dsfield", "ip.len", "ip.id", "ip.flags", "ip.flags.df",
    "ip.flags.mf", "ip.frag_offset", "ip.ttl", "ip.proto", "ip.checksum", "ip.src",
    "ip.dst", "ip.addr",
    "ipv6.version", "ipv6.tclass", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim",
    "ipv6.src", "ipv6.dst", "ipv6.addr",
    "udp.srcport", "udp.dstport", "udp.port", "udp.length", "udp.checksum",
    "tcp.srcport", "tcp.dstport", "tcp.port", "tcp.stream", "tcp.len", "tcp.seq",
    "tcp.seq_raw", "tcp.nxtseq", "tcp.ack", "tcp.ack_raw", "tcp.hdr_len", "tcp.flags",
    "tcp.flags.syn", "tcp.flags.ack", "tcp.flags.fin", "tcp.flags.push",
    "tcp.window_size_value", "tcp.checksum", "tcp.urgent_pointer", "tcp.option_kind",
    "tcp.option_len", "tcp.options.mss_val", "tcp.options.wscale.shift",
    "tcp.options.wscale.multiplier", "tcp.options.timestamp.tsval",
    "tcp.options.timestamp.tsecr",
};

// One node's value the way tshark -T fields prints it (hex fields
// excepted: see Same()).
std::string FieldText(const tree::Tree& tree, tree::NodeId id) {
  const tree::Node& node = tree.node(id);
  switch (node.type) {
    case tree::FieldType::kUint:
      return std::to_string(tree.UintValue(id));
    case tree::FieldType::kBool:
      return tree.BoolValue(id) ? "1" : "0";
    case tree::FieldType::kIpv4: {
      const uint32_t a = tree.Ipv4Value(id);
      return absl::StrFormat("%d.%d.%d.%d", a >> 24, (a >> 16) & 0xff, (a >> 8) & 0xff,
                             a & 0xff);
    }
    case tree::FieldType::kIpv6: {
      char text[INET6_ADDRSTRLEN];
      const std::string_view raw = tree.TextValue(id);
      return inet_ntop(AF_INET6, raw.data(), text, sizeof(text)) != nullptr ? text : "?";
    }
    case tree::FieldType::kEther: {
      std::string out;
      for (char c : tree.TextValue(id)) {
        if (!out.empty()) out += ':';
        out += absl::StrFormat("%02x", static_cast<uint8_t>(c));
      }
      return out;
    }
    case tree::FieldType::kString:
      return std::string(tree.TextValue(id));
    default:
      return "<type " + std::to_string(static_cast<int>(node.type)) + ">";
  }
}

bool Same(const std::string& ours, const std::string& theirs) {
  const std::vector<std::string> a = absl::StrSplit(ours, ','), b = absl::StrSplit(theirs, ',');
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (b[i].rfind("0x", 0) == 0) {
      if (std::strtoull(b[i].c_str(), nullptr, 16) != std::strtoull(a[i].c_str(), nullptr, 10)) {
        return false;
      }
    } else if (a[i] != b[i]) {
      return false;
    }
  }
  return true;
}

TEST(PipelineCorpusTest, LayerFieldsMatchTshark) {
  ASSERT_EQ(std::system("command -v tshark >/dev/null 2>&1"), 0)
      << "tshark not installed (tools/test.sh installs it)";
  std::vector<tree::FieldId> fields;
  std::string arguments;
  for (const char* name : kComparedFields) {
    const tree::FieldInfo* f = tree::FindField(name);
    ASSERT_NE(f, nullptr) << name;
    fields.push_back(f->id);
    arguments += std::string(" -e ") + name;
  }
  size_t compared = 0;
  for (const std::string& path : snmp::testing::CorpusCaptures()) {
    SCOPED_TRACE(path);
    auto frames = testing::ReadFrames(path);
    ASSERT_TRUE(frames.ok()) << frames.status();
    FILE* pipe = popen(("tshark -r '" + path +
                        "' --disable-protocol snmp"
                        " -T fields -E separator=/t" + arguments +
                        " 2>/dev/null")
                           .c_str(),
                       "r");
    ASSERT_NE(pipe, nullptr);
    FrameDissector dissector;
    tree::Tree tree;
    std::string line;
    char buffer[8192];
    size_t index = 0;
    int reported = 0;
    while (fgets(buffer, sizeof(buffer), pipe) != nullptr) {
      line += buffer;
      if (line.empty() || line.back() != '\n') continue;
      line.pop_back();
      std::vector<std::string> theirs = absl::StrSplit(line, '\t');
      line.clear();
      for (const char* last : {":data"}) {
        if (absl::EndsWith(theirs[3], last)) theirs[3].resize(theirs[3].size() - 5);
      }
      ASSERT_LT(index, frames->size());
      ASSERT_EQ(theirs.size(), fields.size());
      const testing::StoredFrame& frame = (*frames)[index++];
      dissector.Dissect(frame.Input(), &tree);
      for (size_t i = 0; i < fields.size(); ++i) {
        std::vector<std::string> values;
        for (tree::NodeId id : proto::testing::FindAll(tree, fields[i])) {
          values.push_back(FieldText(tree, id));
        }
        std::string ours = absl::StrJoin(values, ",");
        if (i == 3 && absl::EndsWith(ours, ":snmp")) ours.resize(ours.size() - 5);
        if (!Same(ours, theirs[i]) && reported++ < 20) {
          ADD_FAILURE() << "frame " << frame.number << " " << kComparedFields[i] << ": ours \""
                        << ours << "\", tshark \"" << theirs[i] << "\"";
        }
        ++compared;
      }
    }
    pclose(pipe);
    EXPECT_EQ(index, frames->size());
  }
  EXPECT_GT(compared, 100000u);
}

// Runs tshark over `path` with `fields` and compares with our tree, frame
// by frame. frame.protocols is compared after folding tshark's "snmp:snmp"
// (its SNMP dissector lists itself again when it shows an OctetString as a
// "Variable-binding-string") and dropping its trailing "data" layer.
void CompareWithTshark(const std::string& path, const std::vector<std::string>& names,
                       const std::vector<testing::StoredFrame>& frames,
                       const std::string& tshark_options) {
  std::vector<tree::FieldId> fields;
  std::string arguments;
  for (const std::string& name : names) {
    const tree::FieldInfo* f = tree::FindField(name);
    ASSERT_NE(f, nullptr) << name;
    fields.push_back(f->id);
    arguments += " -e " + name;
  }
  FILE* pipe = popen(("tshark -r '" + path + "' " + tshark_options +
                      " -T fields -E separator=/t" + arguments + " 2>/dev/null")
                         .c_str(),
                     "r");
  ASSERT_NE(pipe, nullptr);
  FrameDissector dissector;
  tree::Tree tree;
  std::string line;
  char buffer[8192];
  size_t index = 0;
  while (fgets(buffer, sizeof(buffer), pipe) != nullptr) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    line.pop_back();
    std::vector<std::string> theirs = absl::StrSplit(line, '\t');
    line.clear();
    ASSERT_LT(index, frames.size());
    ASSERT_EQ(theirs.size(), fields.size());
    const testing::StoredFrame& frame = frames[index++];
    dissector.Dissect(frame.Input(), &tree);
    for (size_t i = 0; i < fields.size(); ++i) {
      std::vector<std::string> values;
      for (tree::NodeId id : proto::testing::FindAll(tree, fields[i])) {
        values.push_back(FieldText(tree, id));
      }
      const std::string ours = absl::StrJoin(values, ",");
      if (fields[i] == proto::Frame::hf[proto::Frame::kProtocols]) {
        for (size_t fold; (fold = theirs[i].find("snmp:snmp")) != std::string::npos;) {
          theirs[i].erase(fold, 5);
        }
        // Wireshark's "data" layer for undissected payload (a fragment
        // waiting for the rest): we add no layer for it.
        if (absl::EndsWith(theirs[i], ":data")) theirs[i].resize(theirs[i].size() - 5);
      }
      EXPECT_TRUE(Same(ours, theirs[i])) << "frame " << frame.number << " " << names[i]
                                         << ": ours \"" << ours << "\", tshark \""
                                         << theirs[i] << "\"";
    }
  }
  pclose(pipe);
  EXPECT_EQ(index, frames.size());
}

// Hand-built frames of every link type, VLAN stacks, IPv4 options, IPv6
// extension headers, IPv4 and IPv6 fragments and an SNMP message split over
// TCP segments, written to a pcap and compared with tshark field by field.
TEST(PipelineCorpusTest, BuiltFramesMatchTshark) {
  ASSERT_EQ(std::system("command -v tshark >/dev/null 2>&1"), 0)
      << "tshark not installed (tools/test.sh installs it)";
  using namespace proto::testing;  // NOLINT: builders
  const std::string snmp = SnmpGet(77);
  const std::string v4 = Ipv4(Udp(40000, 161, snmp));
  const std::string v6 = Ipv6(Udp(40000, 161, snmp));
  const std::string big = Udp(161, 40000, SnmpBigResponse(2500, 78));
  Ipv4Options frag;
  frag.id = 0x4242;
  frag.dont_fragment = false;
  frag.more_fragments = true;
  Ipv4Options frag2 = frag;
  frag2.more_fragments = false;
  frag2.fragment_offset = 1480;
  Ipv4Options options;
  // Router alert, NOP, record route (one slot recorded, one empty), EOL,
  // padding: 20 octets.
  options.options = std::string("\x94\x04\x00\x00", 4) + "\x01" +
                    std::string("\x07\x0b\x08", 3) + Be32(0xc0000201) + Be32(0xc0000202) +
                    std::string(4, '\0');
  Ipv6Options ext;
  ext.next = 0;
  const std::string hbh = Ipv6OptionsHeader(60, std::string("\x05\x02\x00\x00", 4));
  const std::string dst = Ipv6OptionsHeader(17, "");
  Ipv6Options f6;
  f6.next = 44;
  const std::string big6 = Udp(161, 40000, SnmpBigResponse(2000, 79));
  Ipv4Options tcp_ip;
  tcp_ip.protocol = 6;
  const std::string split = SnmpBigResponse(300, 80);
  TcpOptions t1, t2, syn;
  syn.seq = 999;
  syn.flags = 0x002;
  t1.seq = 1000;
  t2.seq = 1000 + 100;

  struct Case {
    uint32_t link_type;
    std::vector<std::string> frames;
  };
  const Case cases[] = {
      {1,
       {Ethernet(0x0800, v4), Ethernet(0x86dd, v6),
        Ethernet(0x8100, VlanTag(100, 0x0800, 5, true) + v4),
        Ethernet(0x88a8, VlanTag(200, 0x8100, 3) + VlanTag(100, 0x86dd) + v6),
        Ethernet(0x9100, VlanTag(7, 0x0800) + v4),
        Ethernet(0x0800, Ipv4(Udp(40000, 161, snmp), options)),
        Ethernet(0x86dd, Ipv6(hbh + dst + Udp(40000, 161, snmp), ext)),
        Ethernet(0x0800, Ipv4(big.substr(0, 1480), frag)),
        Ethernet(0x0800, Ipv4(big.substr(1480), frag2)),
        Ethernet(0x86dd, Ipv6(Ipv6FragmentHeader(17, 0, true, 0x77) + big6.substr(0, 1232), f6)),
        Ethernet(0x86dd,
                 Ipv6(Ipv6FragmentHeader(17, 1232, false, 0x77) + big6.substr(1232), f6)),
        Ethernet(0x0800, Ipv4(Tcp(syn, ""), tcp_ip)),
        Ethernet(0x0800, Ipv4(Tcp(t1, split.substr(0, 100)), tcp_ip)),
        Ethernet(0x0800, Ipv4(Tcp(t2, split.substr(100)), tcp_ip)),
        Ethernet(0x0800, Ipv4(Udp(40000, 161, snmp)) + std::string(4, '\0'))}},
      {113, {Sll(0x0800, v4), Sll(0x86dd, v6)}},
      {276, {Sll2(0x0800, v4, 2), Sll2(0x86dd, v6, 3)}},
      {0, {Le32(2) + v4, Le32(30) + v6, Le32(24) + v6, Le32(28) + v6}},
      {108, {Be32(2) + v4, Be32(24) + v6}},
      {101, {v4, v6}},
      {228, {v4}},
      {229, {v6}},
  };
  const std::vector<std::string> names = {
      "frame.protocols", "eth.type", "eth.padding", "vlan.id", "vlan.priority", "vlan.etype",
      "ieee8021ad.id", "ieee8021ad.priority", "ieee8021ah.etype", "sll.pkttype",
      "sll.hatype", "sll.halen", "sll.etype", "sll.ifindex", "sll.src.eth", "null.family",
      "ip.len", "ip.hdr_len", "ip.id", "ip.flags.mf", "ip.frag_offset", "ip.proto",
      "ip.opt.type", "ip.opt.len", "ip.opt.ra", "ip.opt.ptr", "ip.rec_rt", "ip.empty_rt", "ip.fragment",
      "ip.fragment.count", "ip.reassembled.length", "ipv6.plen", "ipv6.nxt", "ipv6.flow",
      "ipv6.hopopts.nxt", "ipv6.hopopts.len", "ipv6.hopopts.len_oct", "ipv6.dstopts.nxt",
      "ipv6.dstopts.len_oct", "ipv6.opt.type", "ipv6.opt.length", "ipv6.opt.router_alert",
      "ipv6.fraghdr.nxt", "ipv6.fraghdr.offset", "ipv6.fraghdr.more", "ipv6.fraghdr.ident",
      "ipv6.fragment", "ipv6.fragment.count", "ipv6.reassembled.length", "udp.srcport",
      "udp.dstport", "udp.length", "tcp.len", "tcp.hdr_len",
      // Not tcp.segment, tcp.reassembled.length: tshark 4.0 does not
      // reassemble an SNMP message split over TCP segments (it dissects the
      // last segment's octets alone, as a malformed message).
  };
  for (const Case& c : cases) {
    SCOPED_TRACE("link type " + std::to_string(c.link_type));
    const std::string file = capture::testing::PcapFile(c.link_type, c.frames);
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("snmpdissect-built-" + std::to_string(getpid()) + "-" +
                               std::to_string(c.link_type) + ".pcap"))
                                 .string();
    std::ofstream(path, std::ios::binary) << file;
    auto frames = testing::ReadFrames(path);
    ASSERT_TRUE(frames.ok()) << frames.status();
    CompareWithTshark(path, names, *frames, "");
    std::remove(path.c_str());
  }
}

}  // namespace
}  // namespace snmpdissect::pipeline
