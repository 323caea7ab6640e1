#include "codec/ber/writer.h"

#include <cstdint>
#include <limits>
#include <string>

#include "codec/ber/integer.h"
#include "codec/ber/test_bytes.h"
#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

TEST(WriterTest, WritesMinimalIntegers) {
  const struct {
    int64_t value;
    const char* hex;
  } cases[] = {
      {0, "020100"},           {127, "02017f"},
      {128, "02020080"},       {-128, "020180"},
      {-129, "0202ff7f"},      {256, "02020100"},
      {std::numeric_limits<int64_t>::min(), "02088000000000000000"},
      {std::numeric_limits<int64_t>::max(), "02087fffffffffffffff"},
  };
  for (const auto& c : cases) {
    std::string out;
    Writer(&out).WriteInteger(kInteger, c.value);
    EXPECT_EQ(ToHex(out), c.hex) << c.value;
  }
}

TEST(WriterTest, WritesUnsignedWithSignOctetWhenNeeded) {
  std::string out;
  Writer w(&out);
  w.WriteUnsigned(kCounter32, 0xffffffffu);
  w.WriteUnsigned(kCounter64, std::numeric_limits<uint64_t>::max());
  w.WriteUnsigned(kGauge32, 0);
  EXPECT_EQ(ToHex(out), "410500ffffffff" "460900ffffffffffffffff" "420100");
}

TEST(WriterTest, IntegersRoundTripThroughTheDecoder) {
  const int64_t values[] = {0, 1, -1, 127, 128, -128, -129, 32767, 32768, 1LL << 40,
                            -(1LL << 40), std::numeric_limits<int64_t>::min(),
                            std::numeric_limits<int64_t>::max()};
  for (int64_t v : values) {
    std::string out;
    Writer(&out).WriteInteger(kInteger, v);
    Reader reader(AsBytes(out), Mode::kStrictDer);
    Element e;
    ASSERT_TRUE(reader.Next(&e).ok());
    int64_t back = 0;
    bool non_minimal = true;
    ASSERT_TRUE(DecodeInt64(e, &back, &non_minimal).ok());
    EXPECT_EQ(back, v);
    EXPECT_FALSE(non_minimal);
  }
}

TEST(WriterTest, WidensLengthsOfLargeConstructedElements) {
  for (size_t size : {0u, 127u, 128u, 255u, 256u, 65535u, 65536u}) {
    std::string out;
    Writer w(&out);
    const size_t mark = w.Begin(kSequence);
    w.WritePrimitive(kOctetString, {});
    out.append(size, 'x');  // raw filler inside the sequence
    w.End(mark);
    Reader reader(AsBytes(out), Mode::kStrictDer);
    Element e;
    ASSERT_TRUE(reader.Next(&e).ok()) << size;
    EXPECT_EQ(e.location.content_length, size + 2);
    EXPECT_TRUE(reader.AtEnd());
  }
}

TEST(WriterTest, WritesHighTagNumbers) {
  std::string out;
  Writer w(&out);
  w.WritePrimitive(Tag{TagClass::kContextSpecific, false, 0x78}, {});
  const size_t mark = w.Begin(Tag{TagClass::kPrivate, true, 300});
  w.End(mark);
  EXPECT_EQ(ToHex(out), "9f7800" "ff822c00");
}

}  // namespace
}  // namespace snmpdissect::ber
