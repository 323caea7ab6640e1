#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "codec/ber/oid.h"
#include "codec/ber/test_bytes.h"
#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

// The dotted text worked out the slow way (X.690 8.19.4 for the first
// subidentifier), for any content: an unfinished last subidentifier is left
// out and each arc is taken modulo 2^32, as OidArcs does.
std::string SlowText(const std::vector<uint8_t>& content) {
  std::string text;
  uint64_t subidentifier = 0;
  bool first = true;
  for (uint8_t octet : content) {
    subidentifier = (subidentifier << 7) | (octet & 0x7f);
    if (octet & 0x80) continue;
    if (first) {
      const uint64_t x = subidentifier < 80 ? subidentifier / 40 : 2;
      text = std::to_string(x);
      text += '.';
      text += std::to_string(static_cast<uint32_t>(subidentifier - 40 * x));
      first = false;
    } else {
      text += '.';
      text += std::to_string(static_cast<uint32_t>(subidentifier));
    }
    subidentifier = 0;
  }
  return text;
}

OidView View(const std::vector<uint8_t>& content, size_t arc_count) {
  return OidView{Bytes(content.data(), content.size()), arc_count};
}

TEST(OidTextTest, Prints128LargestArcs) {
  // The longest text a valid OID has: 2.(2^32-1) then 126 arcs of 2^32-1.
  std::vector<uint8_t> content = HexBytes("90 80 80 80 4f");
  std::string text = "2.4294967295";
  for (int i = 0; i < 126; ++i) {
    for (uint8_t b : HexBytes("8f ff ff ff 7f")) content.push_back(b);
    text += ".4294967295";
  }
  OidView oid;
  ASSERT_TRUE(ValidateOid(content, 0, &oid).ok());
  EXPECT_EQ(oid.arc_count, 128u);
  EXPECT_EQ(OidText(oid), text);
  // One more arc is one too many, reported at its last octet.
  for (uint8_t b : HexBytes("8f ff ff ff 7f")) content.push_back(b);
  const Error e = ValidateOid(content, 10, &oid);
  EXPECT_EQ(e.code, ErrorCode::kOidTooManyArcs);
  EXPECT_EQ(e.offset, 10 + content.size() - 1);
}

TEST(OidTextTest, AppendsAfterExistingText) {
  const std::vector<uint8_t> content = HexBytes("2b 06 01");
  OidView oid;
  ASSERT_TRUE(ValidateOid(content, 0, &oid).ok());
  std::string out = "name: ";
  AppendOidText(oid, &out);
  EXPECT_EQ(out, "name: 1.3.6.1");
}

TEST(OidTextTest, PrintsViewsLongerThanAnyValidOid) {
  // A hand-made view is not validated: text beyond the 128 arcs the
  // formatting buffer is sized for still comes out whole.
  std::vector<uint8_t> content = {0x2b};
  std::string text = "1.3";
  for (int i = 0; i < 300; ++i) {
    for (uint8_t b : HexBytes("8f ff ff ff 7f")) content.push_back(b);
    text += ".4294967295";
  }
  const OidView oid{Bytes(content.data(), content.size()), 302};
  EXPECT_EQ(OidText(oid), text);
}

TEST(OidTextTest, OneOctetArcsFromTheTable) {
  std::vector<uint8_t> content = {0x2b};
  std::string text = "1.3";
  for (int arc = 0; arc < 126; ++arc) {  // 128 arcs in all
    content.push_back(static_cast<uint8_t>(arc));
    text += '.';
    text += std::to_string(arc);
  }
  OidView oid;
  ASSERT_TRUE(ValidateOid(content, 0, &oid).ok());
  EXPECT_EQ(OidText(oid), text);
  const std::vector<uint8_t> top = {0x2b, 0x7f, 0x7e, 0x64, 0x63, 0x0a, 0x09};
  EXPECT_EQ(OidText(View(top, 8)), "1.3.127.126.100.99.10.9");
}

TEST(OidTextTest, UnvalidatedViewsGiveWhatTheirArcsSay) {
  // Not from ValidateOid: empty, unfinished, padded. No crash, and the same
  // arcs OidArcs would give.
  EXPECT_EQ(OidText(OidView{}), "");
  EXPECT_EQ(OidText(View({0x81}, 0)), "");
  EXPECT_EQ(OidText(View({0x2b, 0x81}, 0)), "1.3");
  EXPECT_EQ(OidText(View({0x2b, 0x80, 0x05}, 0)), "1.3.5");
  EXPECT_EQ(OidText(View({0x80, 0x80, 0x2b, 0x06}, 0)), "1.3.6");
}

TEST(OidTextTest, MatchesTheSlowWayOnRandomContent) {
  std::mt19937 random(20240611);
  for (int round = 0; round < 5000; ++round) {
    const size_t size = random() % 300;
    std::vector<uint8_t> content(size);
    const uint32_t continuation_odds = random() % 4;  // of 4
    for (uint8_t& octet : content) {
      octet = static_cast<uint8_t>(random() & 0x7f);
      if (random() % 4 < continuation_odds) octet |= 0x80;
    }
    SCOPED_TRACE(ToHex(std::string(content.begin(), content.end())));
    OidView oid;
    if (ValidateOid(Bytes(content.data(), content.size()), 0, &oid).ok()) {
      std::string out = "x";
      AppendOidText(oid, &out);
      std::string expected = "x";
      expected += SlowText(content);
      ASSERT_EQ(out, expected);
    }
    ASSERT_EQ(OidText(View(content, 0)), SlowText(content));
  }
}

TEST(OidTextTest, ArcsTextMatchesTheBerFormatter) {
  // The same arcs, as numbers and as BER content, give the same text.
  const std::vector<uint32_t> arcs = {1, 3, 6, 1, 4, 1, 8072, 4294967295u, 0, 127, 128};
  std::string content;
  ASSERT_TRUE(AppendOidContent(arcs, &content));
  const std::vector<uint8_t> bytes(content.begin(), content.end());
  OidView oid;
  ASSERT_TRUE(ValidateOid(bytes, 0, &oid).ok());
  std::string text = "x=";
  AppendArcsText(arcs, &text);
  EXPECT_EQ(text, "x=" + OidText(oid));
  EXPECT_EQ(text, "x=1.3.6.1.4.1.8072.4294967295.0.127.128");
}

TEST(OidTextTest, ArcsTextOfNoArcsIsEmptyAndOfManyIsWhole) {
  std::string text;
  AppendArcsText({}, &text);
  EXPECT_EQ(text, "");
  const std::vector<uint32_t> many(300, 4294967295u);
  AppendArcsText(many, &text);
  EXPECT_EQ(text.size(), 300 * 10 + 299);
}

}  // namespace
}  // namespace snmpdissect::ber
