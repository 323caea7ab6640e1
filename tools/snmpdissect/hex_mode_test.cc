#include "tools/snmpdissect/hex_mode.h"

#include <cstdio>
#include <string>

#include "gtest/gtest.h"
#include "tools/snmpdissect/options.h"

namespace snmpdissect::cli {
namespace {

constexpr char kGetRequest[] =
    "302702010104067075626c6963a01a020204d2020100020100300e300c06082b060102010101000500";

std::FILE* FileWith(const std::string& content) {
  std::FILE* f = std::tmpfile();
  if (f == nullptr) return nullptr;
  std::fwrite(content.data(), 1, content.size(), f);
  std::rewind(f);
  return f;
}

std::string Contents(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), f)) > 0) out.append(buffer, n);
  return out;
}

class HexModeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = std::tmpfile();
    err_ = std::tmpfile();
    ASSERT_NE(out_, nullptr);
    ASSERT_NE(err_, nullptr);
  }
  void TearDown() override {
    std::fclose(out_);
    std::fclose(err_);
  }
  std::FILE* out_ = nullptr;
  std::FILE* err_ = nullptr;
};

TEST_F(HexModeTest, ArgumentPrintsOneTree) {
  HexMode mode(out_, err_);
  EXPECT_EQ(mode.RunArgument(kGetRequest), kExitOk);
  const std::string out = Contents(out_);
  EXPECT_EQ(out.rfind("Simple Network Management Protocol\n    version: v2c (1)\n", 0), 0u)
      << out;
  EXPECT_NE(out.find("            request-id: 1234\n"), std::string::npos);
  EXPECT_EQ(Contents(err_), "");
}

TEST_F(HexModeTest, ArgumentErrors) {
  HexMode mode(out_, err_);
  EXPECT_EQ(mode.RunArgument("zz"), kExitUsage);
  EXPECT_EQ(mode.RunArgument("3027020101"), kExitMalformed);
  EXPECT_EQ(Contents(err_),
            "snmpdissect: --hex: invalid hex (unexpected character at column 1)\n");
  EXPECT_NE(Contents(out_).find("[Malformed Packet: SNMP]"), std::string::npos);
}

TEST_F(HexModeTest, StreamNumbersMessagesSkipsCommentsAndReportsBadLines) {
  std::FILE* in = FileWith(std::string("# comment\n\n") + kGetRequest + "\nxyz\n" + kGetRequest +
                           "  # trailing comment\r\n");
  ASSERT_NE(in, nullptr);
  HexMode mode(out_, err_);
  EXPECT_EQ(mode.RunStream(in), kExitUsage);  // line 4 was bad
  std::fclose(in);
  const std::string out = Contents(out_);
  EXPECT_EQ(out.rfind("Message 1 (41 bytes)\nSimple Network Management Protocol\n", 0), 0u)
      << out;
  EXPECT_NE(out.find("Value (Null)\n\nMessage 2 (41 bytes)\nSimple"), std::string::npos) << out;
  EXPECT_EQ(out.find("Message 3"), std::string::npos);
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(Contents(err_),
            "snmpdissect: stdin line 4: invalid hex (unexpected character at column 1)\n");
}

TEST_F(HexModeTest, StreamExitStatusForMalformedAndClean) {
  {
    std::FILE* in = FileWith(std::string(kGetRequest) + "\n3027020101\n");
    HexMode mode(out_, err_);
    EXPECT_EQ(mode.RunStream(in), kExitMalformed);
    std::fclose(in);
  }
  {
    std::FILE* in = FileWith(std::string(kGetRequest) + "\n" + kGetRequest);
    HexMode mode(out_, err_);
    EXPECT_EQ(mode.RunStream(in), kExitOk);
    std::fclose(in);
  }
  {
    std::FILE* in = FileWith("");
    HexMode mode(out_, err_);
    EXPECT_EQ(mode.RunStream(in), kExitOk);  // nothing to do is not an error
    std::fclose(in);
  }
  EXPECT_EQ(Contents(err_), "");
}

TEST_F(HexModeTest, HostilePacketTextIsEscapedInTheOutput) {
  // Community "\x1b]0;pwned\x07" (an OSC window-title sequence).
  std::FILE* in = FileWith("301c020101040a1b5d303b70776e656407a00b0201010201000201003000\n");
  HexMode mode(out_, err_);
  mode.RunStream(in);
  std::fclose(in);
  const std::string out = Contents(out_);
  EXPECT_NE(out.find("community: \\x1b]0;pwned\\x07\n"), std::string::npos) << out;
  for (char c : out) EXPECT_TRUE(c == '\n' || static_cast<uint8_t>(c) >= 0x20);
}

}  // namespace
}  // namespace snmpdissect::cli
