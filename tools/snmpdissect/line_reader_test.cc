#include "tools/snmpdissect/line_reader.h"

#include <cstdio>
#include <string>

#include "gtest/gtest.h"

namespace snmpdissect::cli {
namespace {

// A FILE* over `content` (tmpfile: portable, binary-safe).
std::FILE* FileWith(const std::string& content) {
  std::FILE* f = std::tmpfile();
  if (f == nullptr) return nullptr;
  std::fwrite(content.data(), 1, content.size(), f);
  std::rewind(f);
  return f;
}

TEST(LineReaderTest, SplitsLinesAndNumbersThem) {
  std::FILE* f = FileWith("one\n\nthree\nlast without newline");
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 100);
  std::string_view line;
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  EXPECT_EQ(line, "one");
  EXPECT_EQ(reader.line_number(), 1u);
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  EXPECT_EQ(line, "");
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  EXPECT_EQ(line, "three");
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  EXPECT_EQ(line, "last without newline");
  EXPECT_EQ(reader.line_number(), 4u);
  EXPECT_EQ(reader.Next(&line), LineReader::Result::kEnd);
  EXPECT_EQ(reader.Next(&line), LineReader::Result::kEnd);
  std::fclose(f);
}

TEST(LineReaderTest, SkipsOverlongLinesWholeAndGoesOn) {
  // Longer than one read chunk, so the cap is checked across chunks.
  const std::string huge(200 * 1024, 'a');
  std::FILE* f = FileWith("ok\n" + huge + "\nafter\n" + huge);
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 1000);
  std::string_view line;
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kTooLong);
  EXPECT_EQ(reader.line_number(), 2u);
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  EXPECT_EQ(line, "after");
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kTooLong);
  EXPECT_EQ(reader.Next(&line), LineReader::Result::kEnd);
  std::fclose(f);
}

TEST(LineReaderTest, KeepsEmbeddedNuls) {
  std::FILE* f = FileWith(std::string("a\0b\n", 4));
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 100);
  std::string_view line;
  ASSERT_EQ(reader.Next(&line), LineReader::Result::kLine);
  EXPECT_EQ(line, std::string_view("a\0b", 3));
  std::fclose(f);
}

TEST(LineReaderTest, EmptyInput) {
  std::FILE* f = FileWith("");
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 100);
  std::string_view line;
  EXPECT_EQ(reader.Next(&line), LineReader::Result::kEnd);
  std::fclose(f);
}

}  // namespace
}  // namespace snmpdissect::cli
