#include "codec/agentx/reader.h"

#include <cstdint>
#include <vector>

#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

const std::vector<uint8_t> kBytes = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09};

TEST(ReaderTest, ReadsBothByteOrders) {
  Reader little(kBytes, ByteOrder::kLittleEndian);
  uint16_t u16;
  uint32_t u32;
  ASSERT_TRUE(little.U16(&u16).ok());
  EXPECT_EQ(u16, 0x0201);
  ASSERT_TRUE(little.U32(&u32).ok());
  EXPECT_EQ(u32, 0x06050403u);

  Reader big(kBytes, ByteOrder::kBigEndian);
  uint64_t u64;
  ASSERT_TRUE(big.U64(&u64).ok());
  EXPECT_EQ(u64, 0x0102030405060708u);
  uint8_t u8;
  ASSERT_TRUE(big.U8(&u8).ok());
  EXPECT_EQ(u8, 9);
  EXPECT_TRUE(big.AtEnd());
}

TEST(ReaderTest, AFailedReadDoesNotAdvanceAndNamesTheField) {
  Reader r(kBytes, ByteOrder::kLittleEndian, 100);
  uint64_t u64;
  ASSERT_TRUE(r.U64(&u64).ok());
  uint32_t u32;
  EXPECT_EQ(r.U32(&u32), (Error{ErrorCode::kTruncated, 108}));
  EXPECT_EQ(r.offset(), 108u);
  uint16_t u16;
  EXPECT_EQ(r.U16(&u16, ErrorCode::kTruncatedHeader),
            (Error{ErrorCode::kTruncatedHeader, 108}));
  uint8_t u8;
  EXPECT_TRUE(r.U8(&u8).ok());
}

TEST(ReaderTest, ChildCannotSeePastItsParentsSlice) {
  Reader r(kBytes, ByteOrder::kBigEndian, 10);
  Reader child;
  ASSERT_TRUE(r.Child(3, &child).ok());
  EXPECT_EQ(child.offset(), 10u);
  EXPECT_EQ(r.offset(), 13u);
  uint32_t u32;
  EXPECT_EQ(child.U32(&u32), (Error{ErrorCode::kTruncated, 10}));
  uint16_t u16;
  ASSERT_TRUE(child.U16(&u16).ok());
  EXPECT_EQ(u16, 0x0102);
  EXPECT_EQ(child.remaining(), 1u);
  Reader too_big;
  EXPECT_EQ(r.Child(7, &too_big), (Error{ErrorCode::kTruncated, 13}));
  EXPECT_EQ(r.offset(), 13u);
}

TEST(ReaderTest, BytesHugeSizesFailWithoutOverflow) {
  Reader r(kBytes, ByteOrder::kBigEndian);
  Bytes out;
  EXPECT_FALSE(r.Octets(SIZE_MAX, &out).ok());
  EXPECT_FALSE(r.Octets(0xffffffffu, &out).ok());
  ASSERT_TRUE(r.Octets(9, &out).ok());
  EXPECT_EQ(out.size(), 9u);
  ASSERT_TRUE(r.Octets(0, &out).ok());
}

}  // namespace
}  // namespace snmpdissect::agentx
