#include "dissector/capture/capture.h"

#include <fcntl.h>
#include <pcap/pcap.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "codec/snmp/testing/capture_messages.h"
#include "dissector/capture/testing/pcap_builder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::capture {
namespace {

using ::testing::HasSubstr;
using testing::AsSpan;
using testing::PcapFile;
using testing::PcapngFile;
using testing::Record;

std::vector<Record> ThreeRecords() {
  return {
      Record{.data = std::string(60, 'a'), .seconds = 1700000000, .fraction = 123456},
      Record{.data = std::string(70, 'b'), .seconds = 1700000001, .fraction = 0,
             .original_length = 1500},
      Record{.data = std::string(80, 'c'), .seconds = 1700000002, .fraction = 999999},
  };
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          (name + "." + std::to_string(getpid())))
      .string();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(CaptureTest, ReadsPcapFromBuffer) {
  const std::string file = PcapFile(DLT_EN10MB, ThreeRecords());
  auto capture = Capture::OpenBuffer(AsSpan(file), "mem");
  ASSERT_TRUE(capture.ok()) << capture.status();
  EXPECT_EQ((*capture)->link_type(), DLT_EN10MB);
  EXPECT_EQ((*capture)->name(), "mem");
  Packet p;
  ASSERT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ(p.number, 1u);
  EXPECT_EQ(p.link_type, DLT_EN10MB);
  EXPECT_EQ(p.timestamp_ns, 1700000000'123456000);  // microseconds scaled to ns
  EXPECT_EQ(p.captured_length, 60u);
  EXPECT_EQ(p.original_length, 60u);
  EXPECT_EQ(p.data.size(), 60u);
  EXPECT_EQ(p.data[0], 'a');
  ASSERT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ(p.number, 2u);
  EXPECT_EQ(p.captured_length, 70u);
  EXPECT_EQ(p.original_length, 1500u);
  ASSERT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ(p.timestamp_ns, 1700000002'999999000);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kEnd);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kEnd);  // stays at the end
  EXPECT_TRUE((*capture)->status().ok());
  EXPECT_EQ((*capture)->packets(), 3u);
  // Read to the end of the stream, for progress reports.
  EXPECT_EQ((*capture)->bytes_read(), static_cast<int64_t>(file.size()));
  EXPECT_EQ((*capture)->timestamp_decimals(), 6);
}

TEST(CaptureTest, NanosecondPcapKeepsNanoseconds) {
  std::vector<Record> records = {
      Record{.data = "xyz", .seconds = 1, .fraction = 123456789}};
  const std::string file = PcapFile(DLT_RAW, records, /*nanoseconds=*/true);
  auto capture = Capture::OpenBuffer(AsSpan(file), "nano");
  ASSERT_TRUE(capture.ok()) << capture.status();
  Packet p;
  ASSERT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ(p.timestamp_ns, 1'123456789);
  // tshark prints a nanosecond file's times with nine decimals.
  EXPECT_EQ((*capture)->timestamp_decimals(), 9);
}

TEST(CaptureTest, PcapngTimestampBeyondInt64Saturates) {
  // corpus/regressions/capture-pcapng-timestamp-overflow: 64-bit pcapng
  // ticks far past year 2262 still give a packet, its time clamped.
  std::string file = PcapngFile(DLT_EN10MB, {Record{.data = "abc"}});
  // The Enhanced Packet Block follows the 28-octet SHB and 20-octet IDB;
  // its timestamp (high, low) is at octets 12..19 of the block.
  for (size_t i = 48 + 12; i < 48 + 20; ++i) file[i] = '\xff';
  auto capture = Capture::OpenBuffer(AsSpan(file), "far-future");
  ASSERT_TRUE(capture.ok()) << capture.status();
  Packet p;
  ASSERT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ(p.timestamp_ns, INT64_MAX);
}

TEST(CaptureTest, ReadsPcapng) {
  const std::string file = PcapngFile(DLT_EN10MB, ThreeRecords());
  auto capture = Capture::OpenBuffer(AsSpan(file), "ng");
  ASSERT_TRUE(capture.ok()) << capture.status();
  EXPECT_EQ((*capture)->link_type(), DLT_EN10MB);
  Packet p;
  int n = 0;
  while ((*capture)->Next(&p) == ReadResult::kPacket) {
    ++n;
    EXPECT_EQ(p.number, static_cast<uint64_t>(n));
  }
  EXPECT_EQ(n, 3);
  EXPECT_TRUE((*capture)->status().ok());
}

// Everything before the damage, then an error naming the capture, the last
// good packet and the byte offset.
TEST(CaptureTest, TruncatedFileYieldsPacketsThenError) {
  std::string file = PcapFile(DLT_EN10MB, ThreeRecords());
  file.resize(file.size() - 30);  // cut into the third record's data
  auto capture = Capture::OpenBuffer(AsSpan(file), "cut.pcap");
  ASSERT_TRUE(capture.ok()) << capture.status();
  Packet p;
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kError);
  const std::string message(( *capture)->status().message());
  EXPECT_THAT(message, HasSubstr("cut.pcap: truncated or corrupt after packet 2"));
  EXPECT_THAT(message, HasSubstr("byte offset"));
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kError);  // stays failed
}

TEST(CaptureTest, TruncatedRecordHeaderAndPcapng) {
  std::string file = PcapFile(DLT_EN10MB, ThreeRecords());
  file.resize(24 + 16 + 60 + 7);  // in the second record's header
  auto capture = Capture::OpenBuffer(AsSpan(file), "hdr.pcap");
  ASSERT_TRUE(capture.ok());
  Packet p;
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kError);
  EXPECT_THAT((*capture)->status().message(), HasSubstr("after packet 1"));

  std::string ng = PcapngFile(DLT_EN10MB, ThreeRecords());
  ng.resize(ng.size() - 10);
  auto capture2 = Capture::OpenBuffer(AsSpan(ng), "cut.pcapng");
  ASSERT_TRUE(capture2.ok());
  int n = 0;
  ReadResult r;
  while ((r = (*capture2)->Next(&p)) == ReadResult::kPacket) ++n;
  EXPECT_EQ(n, 2);
  EXPECT_EQ(r, ReadResult::kError);
  EXPECT_THAT((*capture2)->status().message(), HasSubstr("cut.pcapng: truncated or corrupt"));
}

TEST(CaptureTest, CorruptRecordLength) {
  std::string file = PcapFile(DLT_EN10MB, ThreeRecords());
  // The second record claims 4 GiB - 1 captured octets.
  const size_t second = 24 + 16 + 60;
  file[second + 8] = file[second + 9] = file[second + 10] = file[second + 11] = '\xff';
  auto capture = Capture::OpenBuffer(AsSpan(file), "huge.pcap");
  ASSERT_TRUE(capture.ok());
  Packet p;
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kError);
  EXPECT_THAT((*capture)->status().message(), HasSubstr("huge.pcap: truncated or corrupt after packet 1"));
}

TEST(CaptureTest, NotACaptureAndEmpty) {
  const std::string text = "this is not a capture file at all, just text\n";
  auto capture = Capture::OpenBuffer(AsSpan(text), "notes.txt");
  ASSERT_FALSE(capture.ok());
  EXPECT_THAT(capture.status().message(), HasSubstr("notes.txt: not a pcap or pcapng capture"));

  auto empty = Capture::OpenBuffer({}, "empty.pcap");
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.status().message(), HasSubstr("empty.pcap:"));

  const std::string short_header = PcapFile(DLT_EN10MB, std::vector<Record>{}).substr(0, 10);
  auto cut = Capture::OpenBuffer(AsSpan(short_header), "short.pcap");
  ASSERT_FALSE(cut.ok());
  EXPECT_THAT(cut.status().message(), HasSubstr("short.pcap: "));
}

TEST(CaptureTest, FileErrorsNameTheFile) {
  auto missing = Capture::OpenFile("/nonexistent/dir/walk.pcap");
  ASSERT_FALSE(missing.ok());
  EXPECT_TRUE(absl::IsNotFound(missing.status()));
  EXPECT_EQ(missing.status().message(), "/nonexistent/dir/walk.pcap: No such file or directory");

  auto directory = Capture::OpenFile(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(directory.ok());
  EXPECT_THAT(directory.status().message(), HasSubstr("is a directory"));

  const std::string path = TempPath("notcapture.txt");
  WriteFile(path, "hello");
  auto text = Capture::OpenFile(path);
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(text.status().message(), HasSubstr(path + ": "));
  std::remove(path.c_str());
}

TEST(CaptureTest, ReadsFileByPathAndCountsCorpus) {
  const std::string path =
      snmp::testing::SourceDir() + "/corpus/pcap/v1-v2c.pcap";
  auto capture = Capture::OpenFile(path);
  ASSERT_TRUE(capture.ok()) << capture.status();
  Packet p;
  int n = 0;
  while ((*capture)->Next(&p) == ReadResult::kPacket) ++n;
  EXPECT_TRUE((*capture)->status().ok()) << (*capture)->status();
  EXPECT_EQ(n, 234);  // corpus/pcap/README.md
}

TEST(CaptureTest, ReadsStandardInput) {
  const std::string path = TempPath("stdin.pcap");
  WriteFile(path, PcapFile(DLT_EN10MB, ThreeRecords()));
  const int saved = dup(STDIN_FILENO);
  const int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(dup2(fd, STDIN_FILENO), STDIN_FILENO);
  close(fd);
  {
    auto capture = Capture::OpenFile("-");
    ASSERT_TRUE(capture.ok()) << capture.status();
    EXPECT_EQ((*capture)->name(), "-");
    Packet p;
    int n = 0;
    while ((*capture)->Next(&p) == ReadResult::kPacket) ++n;
    EXPECT_EQ(n, 3);
  }
  // Closing the capture left descriptor 0 open (it read a duplicate).
  EXPECT_NE(fcntl(STDIN_FILENO, F_GETFD), -1);
  dup2(saved, STDIN_FILENO);
  close(saved);
  std::remove(path.c_str());
}

// Ethernet + IPv4 + UDP frames to the given destination port.
std::string UdpFrame(uint16_t port) {
  std::string f(14, '\0');
  f[12] = 0x08;
  std::string ip = {0x45, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2};
  std::string udp = {0x30, 0x39, static_cast<char>(port >> 8), static_cast<char>(port & 0xff),
                     0, 8, 0, 0};
  return f + ip + udp;
}

TEST(CaptureTest, FilterKeepsRecordNumbersAndLimitCounts) {
  const std::string file =
      PcapFile(DLT_EN10MB, {UdpFrame(53), UdpFrame(161), UdpFrame(53), UdpFrame(162),
                            UdpFrame(161)});
  Options options;
  options.filter = "udp port 161 or udp port 162";
  auto capture = Capture::OpenBuffer(AsSpan(file), "f.pcap", options);
  ASSERT_TRUE(capture.ok()) << capture.status();
  Packet p;
  std::vector<uint64_t> numbers;
  while ((*capture)->Next(&p) == ReadResult::kPacket) numbers.push_back(p.number);
  EXPECT_EQ(numbers, (std::vector<uint64_t>{2, 4, 5}));
  EXPECT_EQ((*capture)->records(), 5u);

  options.max_packets = 2;
  auto limited = Capture::OpenBuffer(AsSpan(file), "f.pcap", options);
  ASSERT_TRUE(limited.ok());
  numbers.clear();
  while ((*limited)->Next(&p) == ReadResult::kPacket) numbers.push_back(p.number);
  EXPECT_EQ(numbers, (std::vector<uint64_t>{2, 4}));
  EXPECT_TRUE((*limited)->status().ok());
}

TEST(CaptureTest, BadFilterNamesFilterAndReason) {
  const std::string file = PcapFile(DLT_EN10MB, {UdpFrame(161)});
  Options options;
  options.filter = "udp port";
  auto capture = Capture::OpenBuffer(AsSpan(file), "f.pcap", options);
  ASSERT_FALSE(capture.ok());
  EXPECT_THAT(capture.status().message(), HasSubstr("f.pcap: bad filter \"udp port\": "));
  EXPECT_EQ(std::string(capture.status().message()).find('\n'), std::string::npos);
}

TEST(CaptureTest, StopEndsIteration) {
  const std::string file = PcapFile(DLT_EN10MB, ThreeRecords());
  auto capture = Capture::OpenBuffer(AsSpan(file), "s");
  ASSERT_TRUE(capture.ok());
  Packet p;
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kPacket);
  (*capture)->Stop();
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kEnd);
}

TEST(CaptureTest, RequireLinkTypeNamesTheType) {
  const std::string file = PcapFile(105, ThreeRecords());  // IEEE 802.11
  auto capture = Capture::OpenBuffer(AsSpan(file), "wifi.pcap");
  ASSERT_TRUE(capture.ok());
  EXPECT_TRUE((*capture)->RequireLinkType([](int t) { return t == 105; }).ok());
  const absl::Status s = (*capture)->RequireLinkType([](int t) { return t == 1; });
  EXPECT_EQ(s.message(), "wifi.pcap: unsupported link type 105 (IEEE802_11)");
}

TEST(CaptureTest, LiveErrorsNameTheInterface) {
  auto capture = Capture::OpenLive("nosuchif0");
  ASSERT_FALSE(capture.ok());
  EXPECT_THAT(capture.status().message(), HasSubstr("nosuchif0: "));
}

// On loopback: open, filter, time out without traffic, stop. Capturing
// needs root or CAP_NET_RAW, which CI has (.ci/run runs as root); run the
// tests as root to include it.
TEST(CaptureTest, LiveLoopback) {
  Options options;
  options.filter = "udp port 9";  // discard: nothing should arrive
  options.timeout_ms = 50;
  auto capture = Capture::OpenLive("lo", options);
  ASSERT_TRUE(capture.ok()) << capture.status()
                            << " (live capture needs root or CAP_NET_RAW)";
  EXPECT_TRUE((*capture)->live());
  Packet p;
  ReadResult r = (*capture)->Next(&p);
  EXPECT_TRUE(r == ReadResult::kTimeout || r == ReadResult::kPacket);
  (*capture)->Stop();
  EXPECT_EQ((*capture)->Next(&p), ReadResult::kEnd);

  options.filter = "not a filter (";
  auto bad = Capture::OpenLive("lo", options);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.status().message(), HasSubstr("lo: bad filter"));
}

}  // namespace
}  // namespace snmpdissect::capture
