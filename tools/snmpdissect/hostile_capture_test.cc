// Hostile capture files through the whole tool, as a user would run it:
// the snmpdissect binary (libpcap, pipeline, printer) in a process of its
// own; tools/test.sh runs this under ASan/UBSan too. Each run must complete, print exactly one summary line per
// frame, and keep its memory under a fixed cap however many frames the
// flood has: reassembly and matching state are bounded, not the capture.

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "codec/snmp/testing/capture_messages.h"
#include "dissector/capture/testing/pcap_builder.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "dissector/proto/testing/net_builders.h"
#include "gtest/gtest.h"
#include "tools/snmpdissect/options.h"

namespace snmpdissect::cli {
namespace {

namespace net = proto::testing;
using capture::testing::PcapFile;
using capture::testing::Record;

constexpr uint32_t kEthernet = 1;  // DLT_EN10MB

// Peak resident set allowed for one run of the tool: a leak or an
// unbounded table over these floods (50 to 100 MB each if every datagram
// or segment were kept) would exceed it. ASan keeps up to 256 MB of freed
// memory in quarantine and maps shadow memory, so its cap is higher.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMemoryCapKiB = 512 * 1024;
#else
constexpr long kMemoryCapKiB = 64 * 1024;
#endif

struct RunResult {
  int status = -1;
  size_t lines = 0;
  std::string error;
  long peak_rss_kib = 0;  // the tool process's own high-water mark
};

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A pcap file written record by record, so that this process stays small:
// a child inherits its parent's peak RSS across exec (Linux keeps the
// high-water mark), and the child's is what the tests measure.
class CaptureFile {
 public:
  explicit CaptureFile(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("snmpdissect-hostile-" + name + ".pcap")),
        out_(path_, std::ios::binary) {
    out_ << PcapFile(kEthernet, std::vector<Record>{});  // the file header alone
  }
  void Add(const std::string& data, uint32_t original_length = 0) {
    const std::string file = PcapFile(kEthernet, {Record{.data = data,
                                                         .original_length = original_length}});
    out_ << file.substr(24);  // the record after the 24-octet file header
    ++frames_;
  }
  const std::filesystem::path& Close() {
    out_.close();
    return path_;
  }
  size_t frames() const { return frames_; }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
  size_t frames_ = 0;
};

// Runs the snmpdissect binary (the one built beside this test) on the
// capture in a process of its own, so its peak memory is its own: -q,
// summary output.
RunResult RunOn(CaptureFile& capture, const std::string& name) {
  const char* binary = SNMPDISSECT_BINARY;
  const std::filesystem::path pcap = capture.Close();
  const std::filesystem::path dir = std::filesystem::temp_directory_path();
  const std::filesystem::path out = dir / ("snmpdissect-hostile-" + name + ".out");
  const std::filesystem::path err = dir / ("snmpdissect-hostile-" + name + ".err");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const std::string pcap_path = pcap.string();
  char* argv[] = {const_cast<char*>(binary), const_cast<char*>("-q"),
                  const_cast<char*>("-r"), const_cast<char*>(pcap_path.c_str()), nullptr};
  RunResult result;
  pid_t pid = 0;
  if (posix_spawn(&pid, binary, &actions, nullptr, argv, environ) == 0) {
    int wait_status = 0;
    rusage usage{};
    if (wait4(pid, &wait_status, 0, &usage) == pid && WIFEXITED(wait_status)) {
      result.status = WEXITSTATUS(wait_status);
    }
    result.peak_rss_kib = usage.ru_maxrss;
  }
  posix_spawn_file_actions_destroy(&actions);
  const std::string text = ReadAll(out);
  result.lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  result.error = ReadAll(err);
  for (const auto& p : {pcap, out, err}) std::filesystem::remove(p);
  std::printf("%s: %zu frames, %zu lines, peak RSS %ld KiB\n", name.c_str(), capture.frames(),
              result.lines, result.peak_rss_kib);
  return result;
}

std::string UdpFrame(uint16_t id, uint32_t offset, bool more, const std::string& payload) {
  net::Ipv4Options ip;
  ip.id = id;
  ip.dont_fragment = false;
  ip.more_fragments = more;
  ip.fragment_offset = offset;
  return net::Ethernet(0x0800, net::Ipv4(payload, ip));
}

TEST(HostileCaptureTest, EverySamplePacketCutAtEveryOffset) {
  CaptureFile capture("cut");
  for (const std::string& path : snmp::testing::CorpusCaptures()) {
    auto frames = pipeline::testing::ReadFrames(path);
    ASSERT_TRUE(frames.ok()) << frames.status();
    // The first frames of each capture: every protocol mix, within a run
    // time ASan can afford.
    for (size_t i = 0; i < frames->size() && i < 12; ++i) {
      const std::string& data = (*frames)[i].data;
      for (size_t n = 0; n <= data.size(); ++n) {
        capture.Add(data.substr(0, n), static_cast<uint32_t>(data.size()));
      }
    }
  }
  ASSERT_GT(capture.frames(), 15'000u);
  const RunResult r = RunOn(capture, "cut");
  EXPECT_EQ(r.lines, capture.frames()) << r.error;
  EXPECT_EQ(r.status, kExitMalformed) << r.error;  // cut messages are malformed
  EXPECT_EQ(r.error, "");
  EXPECT_LT(r.peak_rss_kib, kMemoryCapKiB);
}

TEST(HostileCaptureTest, FragmentFloodOfDatagramsThatNeverComplete) {
  // 100,000 first fragments, each of a different datagram, 1 KiB each:
  // 100 MB if kept; the reassembly caps keep a bounded few.
  CaptureFile capture("fragments");
  const std::string chunk(1024, 'A');
  for (uint32_t i = 0; i < 100'000; ++i) {
    capture.Add(UdpFrame(static_cast<uint16_t>(i), 0, true, net::Udp(40000, 161, chunk)));
  }
  const RunResult r = RunOn(capture, "fragments");
  EXPECT_EQ(r.lines, capture.frames()) << r.error;
  EXPECT_EQ(r.error, "");
  EXPECT_LT(r.peak_rss_kib, kMemoryCapKiB);
}

TEST(HostileCaptureTest, OverlappingAndConflictingFragments) {
  // Each datagram: two fragments covering the same octets with different
  // contents, then a tail; repeated with ids reused.
  CaptureFile capture("overlap");
  const std::string payload = net::Udp(40000, 161, net::SnmpGet());
  for (uint32_t i = 0; i < 20'000; ++i) {
    const uint16_t id = static_cast<uint16_t>(i % 512);
    capture.Add(UdpFrame(id, 0, true, payload.substr(0, 16)));
    capture.Add(UdpFrame(id, 8, true, std::string(16, static_cast<char>(i))));
    capture.Add(UdpFrame(id, 16, false, payload.substr(16)));
  }
  const RunResult r = RunOn(capture, "overlap");
  EXPECT_EQ(r.lines, capture.frames()) << r.error;
  EXPECT_EQ(r.error, "");
  EXPECT_LT(r.peak_rss_kib, kMemoryCapKiB);
}

TEST(HostileCaptureTest, TcpStreamClaimingATwoGibMessage) {
  // SNMP over TCP (RFC 3430) whose first BER header claims 2 GiB, followed
  // by 50,000 segments of 1 KiB: nothing may buffer toward the claim.
  CaptureFile capture("tcp2gib");
  auto segment = [&](uint32_t seq, uint16_t flags, const std::string& payload) {
    net::TcpOptions tcp;
    tcp.seq = seq;
    tcp.flags = flags;
    net::Ipv4Options ip;
    ip.protocol = 6;
    capture.Add(net::Ethernet(0x0800, net::Ipv4(net::Tcp(tcp, payload), ip)));
  };
  segment(999, 0x002, "");  // SYN
  uint32_t seq = 1000;
  const std::string header = std::string("\x30\x84\x7f\xff\xff\xff", 6);
  segment(seq, 0x018, header);
  seq += static_cast<uint32_t>(header.size());
  const std::string filler(1024, '\x04');
  for (int i = 0; i < 50'000; ++i) {
    segment(seq, 0x018, filler);
    seq += static_cast<uint32_t>(filler.size());
  }
  const RunResult r = RunOn(capture, "tcp2gib");
  EXPECT_EQ(r.lines, capture.frames()) << r.error;
  EXPECT_EQ(r.error, "");
  EXPECT_LT(r.peak_rss_kib, kMemoryCapKiB);
}

}  // namespace
}  // namespace snmpdissect::cli
