#include "codec/ber/reader.h"

#include <vector>

#include "codec/ber/testing/test_bytes.h"
#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

using testing::HexBytes;

struct HeaderCase {
  const char* why;
  const char* hex;
  ErrorCode code;
  size_t error_offset;
};

// Hostile identifier and length octets: each must fail with the named code at
// the named offset, and must not move the reader.
const HeaderCase kBadHeaders[] = {
    {"empty input", "", ErrorCode::kTruncatedHeader, 0},
    {"tag without length", "02", ErrorCode::kTruncatedHeader, 1},
    {"high tag form cut short", "1f 81", ErrorCode::kTruncatedHeader, 2},
    {"high tag number padded with 0x80 (X.690 8.1.2.4.2 c)", "1f 80 01 00",
     ErrorCode::kTagPadding, 1},
    {"absurd tag number", "1f ff ff ff 7f 00", ErrorCode::kTagTooLarge, 4},
    {"indefinite length (RFC 3417 section 8)", "30 80 00 00",
     ErrorCode::kIndefiniteLength, 1},
    {"reserved length 0xff (X.690 8.1.3.5 c)", "04 ff", ErrorCode::kReservedLength, 1},
    {"five length octets", "04 85 00 00 00 00 01 00", ErrorCode::kLengthTooLong, 1},
    {"long length cut short", "04 82 01", ErrorCode::kTruncatedHeader, 3},
    {"length lies: 5 claimed, 2 present", "04 05 aa bb", ErrorCode::kLengthExceedsInput, 1},
    {"length lies in long form", "04 81 90 00", ErrorCode::kLengthExceedsInput, 1},
    {"length of 4 GiB - 1", "04 84 ff ff ff ff 00", ErrorCode::kLengthExceedsInput, 1},
};

TEST(TagTest, EqualityComparesClassConstructedAndNumber) {
  static_assert(kSequence == Universal(16, true));
  static_assert(!(kSequence == Universal(16)));
  static_assert(!(kCounter32 == ContextPrimitive(1)));
  static_assert(!(kNoSuchObject == kIpAddress));
  const Tag high{TagClass::kPrivate, true, kMaxTagNumber};
  EXPECT_EQ(high, (Tag{TagClass::kPrivate, true, kMaxTagNumber}));
  EXPECT_FALSE(high == (Tag{TagClass::kPrivate, true, kMaxTagNumber - 1}));
  EXPECT_FALSE(high == (Tag{TagClass::kApplication, true, kMaxTagNumber}));
  EXPECT_NE(TagKey(Tag{TagClass::kUniversal, false, 1u << 20}),
            TagKey(Tag{TagClass::kPrivate, true, 0}));
}

TEST(ReaderTest, RejectsBadHeaders) {
  for (const HeaderCase& c : kBadHeaders) {
    SCOPED_TRACE(c.why);
    const std::vector<uint8_t> bytes = HexBytes(c.hex);
    Reader reader(bytes);
    Element element;
    const Error e = reader.Next(&element);
    EXPECT_EQ(e.code, c.code) << ErrorText(e.code);
    EXPECT_EQ(e.offset, c.error_offset);
    EXPECT_EQ(reader.offset(), 0u) << "a failed read must not advance";
  }
}

TEST(ReaderTest, ReadsShortAndLongFormLengths) {
  std::vector<uint8_t> bytes = HexBytes("02 01 05 04 81 80");
  bytes.resize(bytes.size() + 128, 0xaa);
  Reader reader(bytes);
  Element a, b;
  ASSERT_TRUE(reader.Next(&a).ok());
  EXPECT_EQ(a.tag, kInteger);
  EXPECT_EQ(a.location, (Location{0, 2, 1}));
  EXPECT_FALSE(a.non_minimal());
  ASSERT_TRUE(reader.Next(&b).ok());
  EXPECT_EQ(b.location, (Location{3, 3, 128}));
  EXPECT_FALSE(b.non_minimal());
  EXPECT_TRUE(reader.AtEnd());
}

struct NonMinimalCase {
  const char* why;
  const char* hex;
  size_t content_bytes;  // appended as 0xaa after the header
};

// BER allows these, DER does not (X.690 10.1): lenient mode flags them,
// strict mode rejects them.
const NonMinimalCase kNonMinimal[] = {
    {"long form for a short length", "04 81 01", 1},
    {"zero-padded long form", "04 82 00 81", 0x81},
    {"high-tag form for a low tag number", "9f 05 00", 0},
};

TEST(ReaderTest, FlagsNonMinimalInLenientModeAndRejectsInStrict) {
  for (const NonMinimalCase& c : kNonMinimal) {
    SCOPED_TRACE(c.why);
    std::vector<uint8_t> bytes = HexBytes(c.hex);
    bytes.resize(bytes.size() + c.content_bytes, 0xaa);
    Element element;
    Reader lenient(bytes);
    ASSERT_TRUE(lenient.Next(&element).ok());
    EXPECT_TRUE(element.non_minimal());
    EXPECT_TRUE(lenient.AtEnd());
    Reader strict(bytes, Mode::kStrictDer);
    EXPECT_EQ(strict.Next(&element).code, ErrorCode::kNotDer);
  }
}

TEST(ReaderTest, DecodesClassesAndHighTagNumbers) {
  // net-snmp's Opaque float is context-specific tag 120 in high-tag form.
  const std::vector<uint8_t> bytes = HexBytes("9f 78 04 3f 80 00 00  7f 81 00 00  a3 00");
  Reader reader(bytes);
  Element e;
  ASSERT_TRUE(reader.Next(&e).ok());
  EXPECT_EQ(e.tag, (Tag{TagClass::kContextSpecific, false, 0x78}));
  EXPECT_EQ(e.location.header_length, 3u);
  ASSERT_TRUE(reader.Next(&e).ok());
  EXPECT_EQ(e.tag, (Tag{TagClass::kApplication, true, 128}));
  ASSERT_TRUE(reader.Next(&e).ok());
  EXPECT_EQ(e.tag, ContextConstructed(3));
}

TEST(ReaderTest, ChildReaderCannotSeePastItsParent) {
  // SEQUENCE of length 3 holding INTEGER 5, followed by a sibling OCTET
  // STRING. The INTEGER inside claims 2 content bytes but its parent ends
  // after 1: the claim must fail even though the sibling's bytes follow.
  const std::vector<uint8_t> bytes = HexBytes("30 03 02 02 05  04 01 aa");
  Reader reader(bytes);
  Element sequence, inner;
  ASSERT_TRUE(reader.Read(kSequence, &sequence).ok());
  Reader child;
  ASSERT_TRUE(reader.Enter(sequence, &child).ok());
  const Error e = child.Next(&inner);
  EXPECT_EQ(e.code, ErrorCode::kLengthExceedsInput);
  EXPECT_EQ(e.offset, 3u) << "offsets are absolute";
}

TEST(ReaderTest, ReadChecksTagWithoutAdvancing) {
  const std::vector<uint8_t> bytes = HexBytes("04 00");
  Reader reader(bytes);
  Element e;
  EXPECT_EQ(reader.Read(kInteger, &e).code, ErrorCode::kUnexpectedTag);
  EXPECT_EQ(reader.offset(), 0u);
  ASSERT_TRUE(reader.Read(kOctetString, &e).ok());
  EXPECT_EQ(reader.Read(kInteger, &e).code, ErrorCode::kMissingElement);
}

TEST(ReaderTest, DetectsTrailingData) {
  const std::vector<uint8_t> bytes = HexBytes("05 00 ff");
  Reader reader(bytes);
  Element e;
  ASSERT_TRUE(reader.Next(&e).ok());
  const Error trailing = reader.ExpectEnd();
  EXPECT_EQ(trailing.code, ErrorCode::kTrailingData);
  EXPECT_EQ(trailing.offset, 2u);
}

// Walks nested SEQUENCEs as deep as the reader lets it.
int WalkDepth(Reader reader) {
  Element e;
  if (!reader.Next(&e).ok()) return reader.depth();
  Reader child;
  if (!reader.Enter(e, &child).ok()) return -1;  // the cap was hit
  return WalkDepth(child);
}

TEST(ReaderTest, CapsNestingDepthOn10000DeepInput) {
  // 10,000 nested SEQUENCEs, each one's length counting all inside it.
  constexpr int kDepth = 10000;
  // Built inside out: each level wraps the previous in 30 83 LL LL LL.
  std::vector<uint8_t> body;
  for (int i = 0; i < kDepth; ++i) {
    std::vector<uint8_t> wrapped = {0x30, 0x83, static_cast<uint8_t>(body.size() >> 16),
                                    static_cast<uint8_t>(body.size() >> 8),
                                    static_cast<uint8_t>(body.size())};
    wrapped.insert(wrapped.end(), body.begin(), body.end());
    body.swap(wrapped);
  }
  EXPECT_EQ(WalkDepth(Reader(body)), -1);
  Reader shallow(body);
  Element e;
  ASSERT_TRUE(shallow.Next(&e).ok());
  EXPECT_TRUE(e.non_minimal_length) << "0x83 for a length that fits in 2";
}

TEST(ReaderTest, AcceptsNestingUpToTheCap) {
  std::vector<uint8_t> body;
  for (int i = 0; i < kMaxDepth; ++i) {
    std::vector<uint8_t> wrapped = {0x30, static_cast<uint8_t>(body.size())};
    wrapped.insert(wrapped.end(), body.begin(), body.end());
    body.swap(wrapped);
  }
  EXPECT_EQ(WalkDepth(Reader(body)), kMaxDepth);
}

TEST(ReaderTest, TruncationAtEveryOffsetNeverReadsPastTheEnd) {
  // A v2c get-request; every prefix must fail cleanly or parse a prefix.
  const std::vector<uint8_t> full = HexBytes(
      "30 26 02 01 01 04 06 70 75 62 6c 69 63 a0 19 02 01 01 02 01 00 02 01 00"
      "30 0e 30 0c 06 08 2b 06 01 02 01 01 01 00 05 00");
  Reader whole(full);
  Element message;
  ASSERT_TRUE(whole.Next(&message).ok());
  for (size_t n = 0; n < full.size(); ++n) {
    // Copy the prefix so ASan sees any read past it.
    std::vector<uint8_t> prefix(full.begin(), full.begin() + n);
    Reader reader(prefix);
    Element e;
    EXPECT_FALSE(reader.Next(&e).ok()) << "prefix of " << n;
  }
}

}  // namespace
}  // namespace snmpdissect::ber
