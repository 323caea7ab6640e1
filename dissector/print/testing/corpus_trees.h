// Test support for the printers: real dissection trees from corpus/pcap
// (capture::Capture + pipeline::FrameDissector, with the corpus SNMPv3
// users so encrypted PDUs decrypt), and tshark's output on the same files
// for comparison. Test-only: the printer library itself never links the
// pipeline or capture.
//
//   for (const std::string& path : CorpusPcaps()) {
//     CorpusTrees trees(path, /*with_users=*/true);
//     for (const DissectedFrame& f : trees.frames()) printer.Append(f.tree, &out);
//     std::vector<std::string> theirs = TsharkLines("-r '" + path + "'", true);
//   }

#ifndef SNMPDISSECT_DISSECTOR_PRINT_TESTING_CORPUS_TREES_H_
#define SNMPDISSECT_DISSECTOR_PRINT_TESTING_CORPUS_TREES_H_

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/types/span.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/tree/tree.h"
#include "gtest/gtest.h"

namespace snmpdissect::print::testing {

inline std::string CorpusDir() { return snmp::testing::SourceDir() + "/corpus/pcap"; }

// Every capture in corpus/pcap, sorted.
inline std::vector<std::string> CorpusPcaps() { return snmp::testing::CorpusCaptures(); }

// The base name of `path` ("v1-v2c.pcap").
inline std::string BaseName(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

struct DissectedFrame {
  pipeline::testing::StoredFrame frame;
  tree::Tree tree;

  absl::Span<const uint8_t> bytes() const {
    return absl::Span<const uint8_t>(reinterpret_cast<const uint8_t*>(frame.data.data()),
                                     frame.data.size());
  }
};

// Every frame of one capture, dissected in order by one pipeline (so TCP
// reassembly and relative times work as in tshark) and kept.
class CorpusTrees {
 public:
  CorpusTrees(const std::string& path, bool with_users) {
    auto frames = pipeline::testing::ReadFrames(path);
    EXPECT_TRUE(frames.ok()) << path << ": " << frames.status();
    if (!frames.ok()) return;
    std::unique_ptr<usm::Processor> usm;
    if (with_users) {
      auto users = usm::LoadUsersFile(CorpusDir() + "/snmp_users");
      EXPECT_TRUE(users.ok()) << users.status();
      if (users.ok()) usm = std::make_unique<usm::Processor>(*std::move(users));
    }
    pipeline::FrameDissector dissector;
    if (usm != nullptr) dissector.snmp().set_usm(usm.get());
    frames_.reserve(frames->size());
    for (pipeline::testing::StoredFrame& f : *frames) {
      DissectedFrame& d = frames_.emplace_back();
      d.frame = std::move(f);
      dissector.Dissect(d.frame.Input(), &d.tree);
    }
  }

  const std::vector<DissectedFrame>& frames() const { return frames_; }

 private:
  std::vector<DissectedFrame> frames_;
};

// A Wireshark configuration directory holding only the corpus snmp_users
// (tshark 4.0 reads the UAT from $XDG_CONFIG_HOME/wireshark/snmp_users; the
// snmp.users_file preference is obsolete). Made once per test binary.
inline const std::string& TsharkConfigHome() {
  static const std::string* home = [] {
    char name[] = "/tmp/snmpdissect-print-tshark-XXXXXX";
    std::string* dir = new std::string(mkdtemp(name) != nullptr ? name : "/tmp");
    const std::string command = "mkdir -p '" + *dir + "/wireshark' && cp '" + CorpusDir() +
                                "/snmp_users' '" + *dir + "/wireshark/snmp_users'";
    EXPECT_EQ(std::system(command.c_str()), 0);
    return dir;
  }();
  return *home;
}

inline bool TsharkInstalled() { return std::system("tshark -v >/dev/null 2>&1") == 0; }

// The lines tshark prints for `arguments` (newlines stripped), with the
// corpus users when `with_users`, with an empty configuration otherwise.
inline std::vector<std::string> TsharkLines(const std::string& arguments, bool with_users) {
  static const std::string* empty_home = [] {
    char name[] = "/tmp/snmpdissect-print-tshark-empty-XXXXXX";
    return new std::string(mkdtemp(name) != nullptr ? name : "/tmp/nonexistent");
  }();
  const std::string& home = with_users ? TsharkConfigHome() : *empty_home;
  const std::string command = "TZ=UTC HOME='" + home + "' XDG_CONFIG_HOME='" + home +
                              "' tshark " + arguments + " 2>/dev/null";
  std::vector<std::string> lines;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return lines;
  std::string line;
  char buffer[1 << 16];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    line += buffer;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      lines.push_back(std::move(line));
      line.clear();
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  pclose(pipe);
  return lines;
}

// Splits printer output into lines (the final newline ends the last line).
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// `s` with every occurrence of `from` replaced by `to`.
inline std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

}  // namespace snmpdissect::print::testing

#endif  // SNMPDISSECT_DISSECTOR_PRINT_TESTING_CORPUS_TREES_H_
