#include "codec/usm/protocols.h"

#include <cstddef>
#include <string_view>

#include "gtest/gtest.h"

namespace snmpdissect::usm {
namespace {

using A = AuthProtocol;
using P = PrivProtocol;

constexpr A kAllAuth[] = {A::kNone, A::kMd5, A::kSha1, A::kSha224,
                          A::kSha256, A::kSha384, A::kSha512};
constexpr P kAllPriv[] = {P::kNone,   P::kDes,    P::kTripleDes,        P::kAes128,
                          P::kAes192, P::kAes256, P::kAes192Blumenthal, P::kAes256Blumenthal,
                          P::kAes192Reeder, P::kAes256Reeder};

// Every protocol has a keyword, and reading it back gives that protocol.
template <typename Enum, size_t N>
void ExpectKeywordsReadBack(const Enum (&all)[N], std::string_view (*keyword_of)(Enum),
                            bool (*parse)(std::string_view, Enum*)) {
  for (Enum protocol : all) {
    const std::string_view keyword = keyword_of(protocol);
    ASSERT_FALSE(keyword.empty()) << static_cast<int>(protocol);
    Enum parsed{};
    ASSERT_TRUE(parse(keyword, &parsed)) << keyword;
    EXPECT_EQ(parsed, protocol) << keyword;
  }
}

TEST(ProtocolKeywordTest, EveryAuthKeywordReadsBackAsItsProtocol) {
  ExpectKeywordsReadBack(kAllAuth, AuthProtocolKeyword, ParseAuthProtocol);
}

TEST(ProtocolKeywordTest, EveryPrivKeywordReadsBackAsItsProtocol) {
  ExpectKeywordsReadBack(kAllPriv, PrivProtocolKeyword, ParsePrivProtocol);
}

// Wireshark's snmp_users names where it has them (packet-snmp-template.c's
// auth and priv enums), ours for the rest.
TEST(ProtocolKeywordTest, WiresharksNamesFirst) {
  EXPECT_EQ(AuthProtocolKeyword(A::kNone), "NONE");
  EXPECT_EQ(AuthProtocolKeyword(A::kSha1), "SHA1");
  EXPECT_EQ(AuthProtocolKeyword(A::kSha256), "SHA2-256");
  EXPECT_EQ(PrivProtocolKeyword(P::kAes128), "AES");
  EXPECT_EQ(PrivProtocolKeyword(P::kAes256), "AES256");
  EXPECT_EQ(PrivProtocolKeyword(P::kTripleDes), "3DES");
  EXPECT_EQ(PrivProtocolKeyword(P::kAes192Reeder), "AES192C");
}

}  // namespace
}  // namespace snmpdissect::usm
