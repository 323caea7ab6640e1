#include "codec/ber/writer.h"

#include <cstdint>
#include <limits>
#include <string>

#include "codec/ber/integer.h"
#include "codec/ber/testing/test_bytes.h"
#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

using testing::ToHex;

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

// The minimal two's complement length the slow way: drop leading octets
// that only repeat the sign (X.690 8.3.2).
size_t SlowIntegerLength(int64_t value) {
  size_t n = 8;
  while (n > 1) {
    const int64_t shorter = static_cast<int64_t>(static_cast<uint64_t>(value) << (72 - 8 * n)) >>
                            (72 - 8 * n);
    if (shorter != value) break;
    --n;
  }
  return n;
}

TEST(WriterTest, IntegersOfEveryWidthAreMinimal) {
  for (int k = 0; k < 64; ++k) {
    const uint64_t power = uint64_t{1} << k;
    for (uint64_t bits : {power - 1, power, power + 1, ~(power - 1), ~power, ~(power + 1)}) {
      const auto v = static_cast<int64_t>(bits);
      std::string out;
      Writer(&out).WriteInteger(kInteger, v);
      Reader reader(AsBytes(out), Mode::kStrictDer);
      Element e;
      ASSERT_TRUE(reader.Next(&e).ok()) << v;
      EXPECT_EQ(e.content.size(), SlowIntegerLength(v)) << v;
      int64_t back = 0;
      bool non_minimal = true;
      ASSERT_TRUE(DecodeInt64(e, &back, &non_minimal).ok()) << v;
      EXPECT_EQ(back, v);
      EXPECT_FALSE(non_minimal) << v;
    }
  }
}

TEST(WriterTest, UnsignedOfEveryWidthRoundTrip) {
  for (int k = 0; k < 64; ++k) {
    const uint64_t power = uint64_t{1} << k;
    for (uint64_t v : {power - 1, power, power + 1, ~uint64_t{0} - power}) {
      std::string out;
      Writer(&out).WriteUnsigned(kCounter64, v);
      Reader reader(AsBytes(out), Mode::kStrictDer);
      Element e;
      ASSERT_TRUE(reader.Next(&e).ok()) << v;
      // Minimal: the first octet is not a zero followed by a clear top bit.
      ASSERT_FALSE(e.content.empty());
      if (e.content.size() > 1) {
        EXPECT_FALSE(e.content[0] == 0 && !(e.content[1] & 0x80)) << v;
      }
      EXPECT_EQ(e.content[0] & 0x80, 0) << v;  // never reads as negative
      uint64_t back = 0;
      bool non_minimal = true;
      ASSERT_TRUE(DecodeUint64(e, &back, &non_minimal).ok()) << v;
      EXPECT_EQ(back, v);
      EXPECT_FALSE(non_minimal) << v;
    }
  }
}

TEST(WriterTest, WritesPrimitivesOfEverySize) {
  for (size_t size : {0u, 1u, 63u, 64u, 65u, 127u, 128u, 255u, 256u, 70000u}) {
    std::string content(size, '\0');
    for (size_t i = 0; i < size; ++i) content[i] = static_cast<char>(i * 7);
    std::string out = "prefix";
    Writer(&out).WritePrimitive(kOctetString, AsBytes(content));
    std::string length;
    if (size < 0x80) {
      length = std::string(1, static_cast<char>(size));
    } else if (size < 0x100) {
      length = std::string("\x81") + static_cast<char>(size);
    } else if (size < 0x10000) {
      length = std::string("\x82") + static_cast<char>(size >> 8) + static_cast<char>(size);
    } else {
      length = std::string("\x83") + static_cast<char>(size >> 16) +
               static_cast<char>(size >> 8) + static_cast<char>(size);
    }
    EXPECT_EQ(out, "prefix\x04" + length + content) << size;
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
