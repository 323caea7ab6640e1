// capture::Writer: what it writes, libpcap reads back as it was given
// (bytes, original lengths, timestamps to the precision asked, link type),
// in both formats; a file it cannot write is one line naming it.

#include "dissector/capture/writer.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "dissector/capture/capture.h"
#include "gtest/gtest.h"

namespace snmpdissect::capture {
namespace {

std::string Scratch(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("snmpdissect-writer-" + name)).string();
}

struct Sent {
  std::vector<uint8_t> data;
  uint32_t original_length;
  int64_t timestamp_ns;
};

std::vector<Sent> Packets() {
  return {
      {{0x01, 0x02, 0x03}, 3, 1767225600123456789},       // padded to 4 in pcapng
      {std::vector<uint8_t>(1500, 0xab), 9000, 1767225601000000001},  // cut by a snaplen
      {{}, 0, 1767225602999999999},                        // empty
      {{0, 1, 2, 3, 4, 5, 6, 7}, 8, 1767225603000000000},
  };
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void RoundTrip(FileFormat format, bool nanoseconds) {
  SCOPED_TRACE(std::string(format == FileFormat::kPcap ? "pcap" : "pcapng") +
               (nanoseconds ? " ns" : " us"));
  const std::string path = Scratch(format == FileFormat::kPcap ? "a.pcap" : "a.pcapng");
  WriterOptions o;
  o.format = format;
  o.link_type = 113;  // DLT_LINUX_SLL: not the default, so it must be written
  o.nanoseconds = nanoseconds;
  o.application = "snmpdissect test";
  auto writer = Writer::Open(path, o);
  ASSERT_TRUE(writer.ok()) << writer.status();
  for (const Sent& s : Packets()) {
    Packet p;
    p.data = s.data;
    p.original_length = s.original_length;
    p.timestamp_ns = s.timestamp_ns;
    (*writer)->Write(p);
  }
  ASSERT_TRUE((*writer)->Close().ok());

  const std::string bytes = ReadAll(path);
  ASSERT_GE(bytes.size(), 4u);
  if (format == FileFormat::kPcapng) {
    EXPECT_EQ(bytes.substr(0, 4), std::string("\x0a\x0d\x0d\x0a", 4));
    EXPECT_NE(bytes.find("snmpdissect test"), std::string::npos);
  }
  auto in = Capture::OpenFile(path);
  ASSERT_TRUE(in.ok()) << in.status();
  EXPECT_EQ((*in)->link_type(), 113);
  Packet got;
  for (const Sent& s : Packets()) {
    ASSERT_EQ((*in)->Next(&got), ReadResult::kPacket) << (*in)->status();
    EXPECT_EQ(std::vector<uint8_t>(got.data.begin(), got.data.end()), s.data);
    EXPECT_EQ(got.original_length, s.original_length);
    const int64_t expected =
        nanoseconds ? s.timestamp_ns : s.timestamp_ns / 1000 * 1000;
    EXPECT_EQ(got.timestamp_ns, expected);
  }
  EXPECT_EQ((*in)->Next(&got), ReadResult::kEnd);
  std::filesystem::remove(path);
}

TEST(WriterTest, PcapRoundTripsThroughLibpcap) {
  RoundTrip(FileFormat::kPcap, false);
  RoundTrip(FileFormat::kPcap, true);
}

TEST(WriterTest, PcapngRoundTripsThroughLibpcap) {
  RoundTrip(FileFormat::kPcapng, false);
  RoundTrip(FileFormat::kPcapng, true);
}

TEST(WriterTest, AFileThatCannotBeCreatedIsNamed) {
  for (FileFormat format : {FileFormat::kPcap, FileFormat::kPcapng}) {
    WriterOptions o;
    o.format = format;
    auto writer = Writer::Open("/nonexistent-dir/out.pcap", o);
    ASSERT_FALSE(writer.ok());
    EXPECT_EQ(writer.status().message().find("/nonexistent-dir/out.pcap: "), 0u)
        << writer.status();
  }
}

TEST(WriterTest, AWriteThatFailsIsReportedByClose) {
  // /dev/full accepts the open and fails every write (ENOSPC).
  for (FileFormat format : {FileFormat::kPcap, FileFormat::kPcapng}) {
    WriterOptions o;
    o.format = format;
    auto writer = Writer::Open("/dev/full", o);
    ASSERT_TRUE(writer.ok()) << writer.status();
    Packet p;
    const std::vector<uint8_t> data(100000, 1);
    p.data = data;
    p.original_length = 100000;
    for (int i = 0; i < 10; ++i) (*writer)->Write(p);
    const absl::Status s = (*writer)->Close();
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.message().find("/dev/full: "), 0u) << s;
  }
}

}  // namespace
}  // namespace snmpdissect::capture
