#include "codec/usm/users.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace snmpdissect::usm {
namespace {

using A = AuthProtocol;
using P = PrivProtocol;
using ::testing::HasSubstr;
using ::testing::Not;

// Every hostile case carries this password; no message may contain it, or
// any 5-character piece of it (4 would match "password").
constexpr std::string_view kSecret = "S3cretPassw0rd";

void ExpectNoSecret(absl::string_view message) {
  for (size_t i = 0; i + 5 <= kSecret.size(); ++i) {
    EXPECT_THAT(std::string(message), Not(HasSubstr(std::string(kSecret.substr(i, 5)))))
        << "message leaks part of the password";
  }
}

std::string SourceDir() {
  const char* dir = std::getenv("SNMPDISSECT_SOURCE_DIR");
  return dir != nullptr ? dir : ".";
}

std::string Bytes(std::initializer_list<int> octets) {
  std::string s;
  for (int o : octets) s.push_back(static_cast<char>(o));
  return s;
}

const std::string kEngine9 = Bytes({0x80, 0x00, 0x1f, 0x88, 0x04, 0x73, 0x6e, 0x6d, 0x70});

UserConfig User(std::string engine, std::string name, A auth, std::string auth_password, P priv,
                std::string priv_password) {
  UserConfig u;
  u.engine_id = std::move(engine);
  u.name = std::move(name);
  u.auth = auth;
  u.auth_password = std::move(auth_password);
  u.priv = priv;
  u.priv_password = std::move(priv_password);
  return u;
}

void ExpectUser(const UserConfig& actual, const UserConfig& expected) {
  EXPECT_EQ(actual.engine_id, expected.engine_id);
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.auth, expected.auth);
  EXPECT_EQ(actual.auth_password, expected.auth_password);
  EXPECT_EQ(actual.priv, expected.priv);
  EXPECT_EQ(actual.priv_password, expected.priv_password);
}

// ---------------------------------------------------------------------------
// snmp_users: good files, each holding exactly one user.

struct GoodFileCase {
  const char* why;
  std::string text;
  UserConfig expected;
};

std::vector<GoodFileCase> GoodFileCases() {
  return {
      {"corpus style, SHA1 + AES",
       R"("","sha-aes","SHA1","sha-aes-authpass","AES","sha-aes-privpass")"
       "\n",
       User("", "sha-aes", A::kSha1, "sha-aes-authpass", P::kAes128, "sha-aes-privpass")},
      {"MD5 + DES", "\"\",\"u\",\"MD5\",\"authpass\",\"DES\",\"privpass\"\n",
       User("", "u", A::kMd5, "authpass", P::kDes, "privpass")},
      {"SHA2-224", "\"\",\"u\",\"SHA2-224\",\"authpass\",\"AES192\",\"privpass\"\n",
       User("", "u", A::kSha224, "authpass", P::kAes192, "privpass")},
      {"SHA2-256", "\"\",\"u\",\"SHA2-256\",\"authpass\",\"AES256\",\"privpass\"\n",
       User("", "u", A::kSha256, "authpass", P::kAes256, "privpass")},
      {"SHA2-384 + 3DES", "\"\",\"u\",\"SHA2-384\",\"authpass\",\"3DES\",\"privpass\"\n",
       User("", "u", A::kSha384, "authpass", P::kTripleDes, "privpass")},
      {"SHA2-512 + AES128", "\"\",\"u\",\"SHA2-512\",\"authpass\",\"AES128\",\"privpass\"\n",
       User("", "u", A::kSha512, "authpass", P::kAes128, "privpass")},
      {"AES192B", "\"\",\"u\",\"SHA1\",\"authpass\",\"AES192B\",\"privpass\"\n",
       User("", "u", A::kSha1, "authpass", P::kAes192Blumenthal, "privpass")},
      {"AES256B", "\"\",\"u\",\"SHA1\",\"authpass\",\"AES256B\",\"privpass\"\n",
       User("", "u", A::kSha1, "authpass", P::kAes256Blumenthal, "privpass")},
      {"AES192C", "\"\",\"u\",\"MD5\",\"authpass\",\"AES192C\",\"privpass\"\n",
       User("", "u", A::kMd5, "authpass", P::kAes192Reeder, "privpass")},
      {"AES256C", "\"\",\"u\",\"MD5\",\"authpass\",\"AES256C\",\"privpass\"\n",
       User("", "u", A::kMd5, "authpass", P::kAes256Reeder, "privpass")},
      {"names are case-insensitive", "\"\",\"u\",\"sha2-256\",\"authpass\",\"aes\",\"pp\"\n",
       User("", "u", A::kSha256, "authpass", P::kAes128, "pp")},
      {"explicit NONE/NONE", "\"\",\"noauth\",\"NONE\",\"\",\"NONE\",\"\"\n",
       User("", "noauth", A::kNone, "", P::kNone, "")},
      {"empty protocol fields mean NONE", "\"\",\"noauth\",\"\",\"\",\"\",\"\"\n",
       User("", "noauth", A::kNone, "", P::kNone, "")},
      {"authNoPriv: dummy DES with an empty password",
       "\"\",\"md5-none\",\"MD5\",\"md5-none-authpass\",\"DES\",\"\"\n",
       User("", "md5-none", A::kMd5, "md5-none-authpass", P::kNone, "")},
      {"authNoPriv: empty bare last field", "\"\",\"u\",\"MD5\",\"authpass\",\"DES\",\n",
       User("", "u", A::kMd5, "authpass", P::kNone, "")},
      {"Wireshark's form: bare hex engine ID",
       "80001f8804736e6d70,\"u\",\"SHA1\",\"authpass\",\"AES\",\"privpass\"\n",
       User(kEngine9, "u", A::kSha1, "authpass", P::kAes128, "privpass")},
      {"Wireshark's form: nothing for any engine",
       ",\"u\",\"SHA1\",\"authpass\",\"AES\",\"privpass\"\n",
       User("", "u", A::kSha1, "authpass", P::kAes128, "privpass")},
      {"bare uppercase hex with 0x",
       "0x80001F8804736E6D70,\"u\",\"SHA1\",\"authpass\",\"AES\",\"privpass\"\n",
       User(kEngine9, "u", A::kSha1, "authpass", P::kAes128, "privpass")},
      {"quoted hex engine ID",
       "\"80001f8804736e6d70\",\"u\",\"SHA1\",\"authpass\",\"AES\",\"privpass\"\n",
       User(kEngine9, "u", A::kSha1, "authpass", P::kAes128, "privpass")},
      {"quoted engine ID with ':' separators (tshark's form)",
       "\"80:00:1f:88:04:73:6e:6d:70\",\"u\",\"SHA1\",\"authpass\",\"AES\",\"pp\"\n",
       User(kEngine9, "u", A::kSha1, "authpass", P::kAes128, "pp")},
      {"quoted engine ID with spaces and 0x",
       "\"0x80 00 1f 88 04 73 6e 6d 70\",\"u\",\"SHA1\",\"authpass\",\"AES\",\"pp\"\n",
       User(kEngine9, "u", A::kSha1, "authpass", P::kAes128, "pp")},
      {"5-octet engine ID", "8000000001,\"u\",\"MD5\",\"authpass\",\"DES\",\"\"\n",
       User(Bytes({0x80, 0, 0, 0, 1}), "u", A::kMd5, "authpass", P::kNone, "")},
      {"32-octet engine ID and 32-octet user name",
       std::string(64, 'a') + ",\"" + std::string(32, 'n') +
           "\",\"MD5\",\"authpass\",\"DES\",\"\"\n",
       User(std::string(32, '\xaa'), std::string(32, 'n'), A::kMd5, "authpass", P::kNone, "")},
      {"CRLF line end", "\"\",\"u\",\"MD5\",\"authpass\",\"DES\",\"privpass\"\r\n",
       User("", "u", A::kMd5, "authpass", P::kDes, "privpass")},
      {"blanks around fields and before the line end",
       " \t\"\" ,\t\"u\" , \"MD5\",\"authpass\" ,\"DES\",\"privpass\" \t\r\n",
       User("", "u", A::kMd5, "authpass", P::kDes, "privpass")},
      {"comments, an indented comment and blank lines",
       "# This file is automatically generated, DO NOT MODIFY.\n\n   \n  # indented\r\n"
       "\"\",\"u\",\"MD5\",\"authpass\",\"DES\",\"privpass\"\n# trailing\n",
       User("", "u", A::kMd5, "authpass", P::kDes, "privpass")},
      {"no line end at the end of the file", "\"\",\"u\",\"MD5\",\"authpass\",\"DES\",\"privpass\"",
       User("", "u", A::kMd5, "authpass", P::kDes, "privpass")},
      {"UTF-8 byte order mark",
       "\xEF\xBB\xBF\"\",\"u\",\"MD5\",\"authpass\",\"DES\",\"privpass\"\n",
       User("", "u", A::kMd5, "authpass", P::kDes, "privpass")},
      {"escaped quote inside a password",
       R"("","u","MD5","pa\"ss","DES","")"
       "\n",
       User("", "u", A::kMd5, "pa\"ss", P::kNone, "")},
      {"Wireshark saves a\"b\\c doubly escaped",
       R"("","u","SHA2-256","a\x5cx22b\x5cx5cc","AES","p\x5cx2cw")"
       "\n",
       User("", "u", A::kSha256, "a\"b\\c", P::kAes128, "p,w")},
      {"single-escaped \\x and octal also read",
       R"("","\x41l\151ce","MD5","tab\there","DES","nul\x00x")"
       "\n",
       User("", "Alice", A::kMd5, "tab\there", P::kDes, std::string("nul\0x", 5))},
      {"four backslashes are one",
       R"("","u","MD5","a\\\\b","DES","")"
       "\n",
       User("", "u", A::kMd5, "a\\b", P::kNone, "")},
      {"escaped protocol name (unescaped once)",
       R"("","u","\x4dD5","authpass","DES","")"
       "\n",
       User("", "u", A::kMd5, "authpass", P::kNone, "")},
      {"commas, '#' and UTF-8 inside quotes",
       "\"\",\"us,er#1\",\"MD5\",\"p\xc3\xa4ss,#word\",\"DES\",\"\"\n",
       User("", "us,er#1", A::kMd5, "p\xc3\xa4ss,#word", P::kNone, "")},
      {"short passwords are accepted", "\"\",\"u\",\"MD5\",\"abc\",\"DES\",\"x\"\n",
       User("", "u", A::kMd5, "abc", P::kDes, "x")},
  };
}

TEST(ParseUsersFileTest, ReadsGoodLines) {
  for (const GoodFileCase& c : GoodFileCases()) {
    SCOPED_TRACE(c.why);
    absl::StatusOr<std::vector<UserConfig>> users = ParseUsersFile(c.text, "snmp_users");
    ASSERT_TRUE(users.ok()) << users.status();
    ASSERT_EQ(users->size(), 1u);
    ExpectUser((*users)[0], c.expected);
  }
}

TEST(ParseUsersFileTest, EmptyAndCommentOnlyFilesHaveNoUsers) {
  for (std::string_view text : {"", "\n", "# only a comment", "# a\r\n\r\n  \t\n"}) {
    absl::StatusOr<std::vector<UserConfig>> users = ParseUsersFile(text, "f");
    ASSERT_TRUE(users.ok()) << users.status();
    EXPECT_TRUE(users->empty());
  }
}

TEST(ParseUsersFileTest, KeepsOrderAndAllowsSameNameForOtherEngines) {
  const std::string text =
      "\"\",\"alice\",\"MD5\",\"authpass1\",\"DES\",\"\"\n"
      "80001f8804736e6d70,\"alice\",\"SHA1\",\"authpass2\",\"AES\",\"privpass\"\n"
      "\"\",\"bob\",\"NONE\",\"\",\"NONE\",\"\"\n";
  absl::StatusOr<std::vector<UserConfig>> users = ParseUsersFile(text, "f");
  ASSERT_TRUE(users.ok()) << users.status();
  ASSERT_EQ(users->size(), 3u);
  ExpectUser((*users)[0], User("", "alice", A::kMd5, "authpass1", P::kNone, ""));
  ExpectUser((*users)[1], User(kEngine9, "alice", A::kSha1, "authpass2", P::kAes128, "privpass"));
  ExpectUser((*users)[2], User("", "bob", A::kNone, "", P::kNone, ""));
}

// ---------------------------------------------------------------------------
// snmp_users: hostile and wrong files. Each expects the whole message.

struct BadFileCase {
  const char* why;
  std::string text;
  const char* message;
};

const std::string kGoodLine = "\"\",\"good\",\"MD5\",\"authpass\",\"DES\",\"\"\n";
const std::string kSixFields =
    "(engine ID, user name, authentication protocol and password, privacy protocol and "
    "password)";

std::vector<BadFileCase> BadFileCases() {
  const std::string s(kSecret);
  return {
      {"5 fields", "\"\",\"u\",\"MD5\",\"" + s + "\",\"DES\"\n",
       "snmp_users:1: expected 6 fields (engine ID, user name, authentication protocol and "
       "password, privacy protocol and password), found 5"},
      {"7 fields", "\"\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"" + s + "\",\"\"\n",
       "snmp_users:1: expected 6 fields (engine ID, user name, authentication protocol and "
       "password, privacy protocol and password), found 7"},
      {"6 fields then a trailing comma", "\"\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"x\",\n",
       "snmp_users:1: expected 6 fields (engine ID, user name, authentication protocol and "
       "password, privacy protocol and password), found 7"},
      {"a lone field", "80001f8804736e6d70\n",
       "snmp_users:1: expected 6 fields (engine ID, user name, authentication protocol and "
       "password, privacy protocol and password), found 1"},
      {"unterminated quote, error on line 3",
       "# c\n" + kGoodLine + "\"\",\"u\",\"MD5\",\"" + s + "\n" + kGoodLine,
       "snmp_users:3: unterminated quoted string in field 4 (authentication password) (a "
       "line break inside quotes must be written \\n)"},
      {"truncated quote at the end of the file", kGoodLine + "\"\",\"u\",\"MD5\",\"" + s,
       "snmp_users:2: unterminated quoted string in field 4 (authentication password) (a "
       "line break inside quotes must be written \\n)"},
      {"escaped closing quote: the string runs on to the next '\"'",
       "\"\",\"u\",\"MD5\",\"" + s + "\\\",\"DES\",\"\"\n",
       "snmp_users:1: unexpected character after field 4 (authentication password) (expected "
       "',' or the end of the line; is there an unescaped '\"' inside the value?)"},
      {"escaped closing quote in the last field",
       "\"\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\\\"\n",
       "snmp_users:1: unterminated quoted string in field 6 (privacy password) (a line break "
       "inside quotes must be written \\n)"},
      {"unescaped quote inside a password", "\"\",\"u\",\"MD5\",\"S3cret\"Passw0rd\",\"DES\"\n",
       "snmp_users:1: unexpected character after field 4 (authentication password) (expected "
       "',' or the end of the line; is there an unescaped '\"' inside the value?)"},
      {"unknown escape", "\"\",\"u\",\"MD5\",\"" + s + "\\q\",\"DES\",\"\"\n",
       "snmp_users:1: bad escape sequence in the authentication password"},
      {"\\x without two hex digits", "\"\",\"u\",\"MD5\",\"\\x" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: bad escape sequence in the authentication password"},
      {"\\x at the end", "\"\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"" + s + "\\x4\"\n",
       "snmp_users:1: bad escape sequence in the privacy password"},
      {"octal above \\377", "\"\",\"u\",\"MD5\",\"" + s + "\\777\",\"DES\",\"\"\n",
       "snmp_users:1: bad escape sequence in the authentication password"},
      {"bad escape after the first unescaping",
       "\"\",\"u\",\"MD5\",\"" + s + "\\\\q\",\"DES\",\"\"\n",
       "snmp_users:1: bad escape sequence in the authentication password after the first "
       "unescaping (Wireshark unescapes it twice: write a backslash as \\\\\\\\ or "
       "\\x5cx5c)"},
      {"a lone \\x5c is a dangling backslash the second time",
       "\"\",\"u\",\"MD5\",\"" + s + "\\x5c\",\"DES\",\"\"\n",
       "snmp_users:1: bad escape sequence in the authentication password after the first "
       "unescaping (Wireshark unescapes it twice: write a backslash as \\\\\\\\ or "
       "\\x5cx5c)"},
      {"bad escape in a protocol name", "\"\",\"u\",\"MD\\q5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: bad escape sequence in the authentication protocol"},
      {"non-hex bare engine ID", "zz001f8804,\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID is not hex (expected pairs of hex digits)"},
      {"non-hex quoted engine ID", "\"80001f88g4\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID is not hex (expected pairs of hex digits, optionally "
       "separated by ':' or ' ')"},
      {"odd number of hex digits", "80001f880,\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID has an odd number of hex digits"},
      {"separator inside a byte", "\"8:0001f8804\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID has a separator inside a byte (write each byte as two hex "
       "digits)"},
      {"two separators", "\"80::00:1f:88:04\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID is not hex (expected pairs of hex digits, optionally "
       "separated by ':' or ' ')"},
      {"0x and nothing", "\"0x\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID has no hex digits after \"0x\""},
      {"colons are not Wireshark's stored form",
       "80:00:1f:88:04,\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: unexpected character after field 1 (engine ID) (expected ',' or the "
       "end of the line)"},
      {"engine ID of 4 octets", "80001f88,\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID is 4 octets; it must be 5 to 32 (RFC 3411 section 5), or "
       "empty for any engine"},
      {"engine ID of 1 octet", "\"80\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID is 1 octets; it must be 5 to 32 (RFC 3411 section 5), or "
       "empty for any engine"},
      {"engine ID of 33 octets",
       std::string(66, 'a') + ",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: engine ID is 33 octets; it must be 5 to 32 (RFC 3411 section 5), or "
       "empty for any engine"},
      {"empty user name", "\"\",\"\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: empty user name"},
      {"empty bare user name", "\"\",,\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: empty user name"},
      {"user name of 33 octets",
       "\"\",\"" + std::string(33, 'u') + "\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: user name is 33 octets; at most 32 are allowed (RFC 3414 section 2.4)"},
      {"unknown authentication protocol is named",
       "# 1\n# 2\n# 3\n# 4\n# 5\n# 6\n\"\",\"u\",\"SHA3\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:7: unknown authentication protocol \"SHA3\" (expected MD5, SHA1, "
       "SHA2-224, SHA2-256, SHA2-384, SHA2-512 or NONE)"},
      {"a password in the protocol column is not echoed",
       "\"\",\"u\",\"" + s + "\",\"MD5\",\"DES\",\"\"\n",
       "snmp_users:1: unknown authentication protocol (not shown; expected MD5, SHA1, "
       "SHA2-224, SHA2-256, SHA2-384, SHA2-512 or NONE)"},
      {"a protocol-like password in the protocol column is not echoed",
       "\"\",\"u\",\"SHAdowpass\",\"MD5\",\"DES\",\"" + s + "\"\n",
       "snmp_users:1: unknown authentication protocol (not shown; expected MD5, SHA1, "
       "SHA2-224, SHA2-256, SHA2-384, SHA2-512 or NONE)"},
      {"unknown protocol equal to the password is not echoed",
       "\"\",\"u\",\"MD5\",\"MD55\",\"MD55\",\"MD55\"\n",
       "snmp_users:1: unknown privacy protocol (not shown; expected DES, 3DES, AES, AES192, "
       "AES256, AES192B, AES256B, AES192C, AES256C or NONE)"},
      {"unknown privacy protocol even with an empty password",
       "\"\",\"u\",\"MD5\",\"" + s + "\",\"AES512\",\"\"\n",
       "snmp_users:1: unknown privacy protocol \"AES512\" (expected DES, 3DES, AES, AES192, "
       "AES256, AES192B, AES256B, AES192C, AES256C or NONE)"},
      {"authentication without a password", "\"\",\"u\",\"SHA1\",\"\",\"DES\",\"" + s + "\"\n",
       "snmp_users:1: authentication protocol SHA1 needs an authentication password"},
      {"a password with NONE", "\"\",\"u\",\"NONE\",\"" + s + "\",\"NONE\",\"\"\n",
       "snmp_users:1: authentication password given but the authentication protocol is "
       "NONE"},
      {"a password with an empty protocol", "\"\",\"u\",\"\",\"" + s + "\",\"\",\"\"\n",
       "snmp_users:1: authentication password given but the authentication protocol is "
       "NONE"},
      {"privacy without authentication", "\"\",\"u\",\"NONE\",\"\",\"AES\",\"" + s + "\"\n",
       "snmp_users:1: privacy needs authentication: the authentication protocol is NONE (RFC "
       "3411 section 3.4.3 has no noAuthPriv level)"},
      {"privacy password with NONE", "\"\",\"u\",\"MD5\",\"" + s + "\",\"NONE\",\"" + s + "\"\n",
       "snmp_users:1: privacy password given but the privacy protocol is NONE"},
      {"duplicate user for any engine",
       kGoodLine + "# c\n\"\",\"good\",\"SHA1\",\"" + s + "\",\"AES\",\"" + s + "\"\n",
       "snmp_users:3: duplicate user: same user name and engine ID as line 1"},
      {"duplicate user for one engine",
       "80001f8804736e6d70,\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\"\n" +
           "\"80:00:1f:88:04:73:6e:6d:70\",\"u\",\"SHA1\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:2: duplicate user: same user name and engine ID as line 1"},
      {"NUL byte",
       kGoodLine + "\"\",\"u\",\"MD5\",\"S3cret" + std::string(1, '\0') +
           "Passw0rd\",\"DES\",\"\"\n",
       "snmp_users:2: NUL byte in the line (not a text file?)"},
      {"NUL byte in a comment", std::string("# \0\n", 4) + kGoodLine,
       "snmp_users:1: NUL byte in the line (not a text file?)"},
      {"a line of 1 MB",
       kGoodLine + "\"\",\"u\",\"MD5\",\"" + s + std::string(1 << 20, 'x') + "\",\"DES\",\"\"\n",
       "snmp_users:2: line is longer than 65536 bytes"},
      {"a comment after the record", "\"\",\"u\",\"MD5\",\"" + s + "\",\"DES\",\"\" # note\n",
       "snmp_users:1: unexpected character after field 6 (privacy password) (expected ',' or "
       "the end of the line; is there an unescaped '\"' inside the value?)"},
      {"a bare user name", "\"\",alice,\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: field 2 (user name) must be a quoted string"},
      {"a bare password", "\"\",\"u\",\"MD5\",S3cretPassw0rd,\"DES\",\"\"\n",
       "snmp_users:1: field 4 (authentication password) must be a quoted string"},
      {"single quotes", "\"\",'u',\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: unexpected character at the start of field 2 (user name) (expected "
       "'\"', hex digits, ',' or the end of the line)"},
      {"a lone CR inside a line", "\"\",\"u\"\r,\"MD5\",\"" + s + "\",\"DES\",\"\"\n",
       "snmp_users:1: unexpected character after field 2 (user name) (expected ',' or the end "
       "of the line; is there an unescaped '\"' inside the value?)"},
      {"old Mac line ends are one long line",
       kGoodLine + "\"\",\"a\",\"MD5\",\"" + s + "\",\"DES\",\"\"\r\"\",\"b\",\"MD5\",\"" + s +
           "\",\"DES\",\"\"\r",
       "snmp_users:2: unexpected character after field 6 (privacy password) (expected ',' or "
       "the end of the line; is there an unescaped '\"' inside the value?)"},
      {"the first error wins; CRLF counts one line",
       "# c\r\n" + kGoodLine + "\r\n\"\",\"u\",\"MD5\",\"\",\"DES\",\"" + s + "\"\r\n" +
           "garbage\r\n",
       "snmp_users:4: authentication protocol MD5 needs an authentication password"},
  };
}

TEST(ParseUsersFileTest, RejectsBadLinesWithLineAndNoPassword) {
  for (const BadFileCase& c : BadFileCases()) {
    SCOPED_TRACE(c.why);
    absl::StatusOr<std::vector<UserConfig>> users = ParseUsersFile(c.text, "snmp_users");
    ASSERT_FALSE(users.ok());
    EXPECT_EQ(users.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(std::string(users.status().message()), c.message);
    EXPECT_EQ(std::string(users.status().message()).find('\n'), std::string::npos);
    ExpectNoSecret(users.status().message());
  }
}

// ---------------------------------------------------------------------------
// The real files next to the captures.

TEST(LoadUsersFileTest, LoadsCorpusSnmpUsers) {
  const std::string path = SourceDir() + "/corpus/pcap/snmp_users";
  absl::StatusOr<std::vector<UserConfig>> users = LoadUsersFile(path);
  ASSERT_TRUE(users.ok()) << users.status();
  // 30 net-snmp users (6 hashes x none/DES/AES/AES192/AES256) + 5 pysnmp.
  ASSERT_EQ(users->size(), 35u);
  ExpectUser(users->front(), User("", "md5-none", A::kMd5, "md5-none-authpass", P::kNone, ""));
  ExpectUser((*users)[9], User("", "sha-aes256", A::kSha1, "sha-aes256-authpass", P::kAes256,
                               "sha-aes256-privpass"));
  ExpectUser((*users)[26], User("", "sha512-des", A::kSha512, "sha512-des-authpass", P::kDes,
                                "sha512-des-privpass"));
  ExpectUser(users->back(),
             User("", "sha224-aes256-reeder", A::kSha224, "sha224-aes256-reeder-authpass",
                  P::kAes256, "sha224-aes256-reeder-privpass"));
  size_t without_privacy = 0;
  for (const UserConfig& u : *users) {
    EXPECT_TRUE(u.engine_id.empty()) << u.name;
    if (u.priv == P::kNone) ++without_privacy;
  }
  EXPECT_EQ(without_privacy, 6u);
}

TEST(LoadUsersFileTest, LoadsCorpusSnmpUsersExplicit) {
  const std::string path = SourceDir() + "/corpus/pcap/snmp_users.explicit";
  absl::StatusOr<std::vector<UserConfig>> users = LoadUsersFile(path);
  ASSERT_TRUE(users.ok()) << users.status();
  // noauth + 30 net-snmp + 3 3DES + 5 pysnmp.
  ASSERT_EQ(users->size(), 39u);
  ExpectUser(users->front(), User("", "noauth", A::kNone, "", P::kNone, ""));
  ExpectUser((*users)[5], User("", "md5-aes256", A::kMd5, "md5-aes256-authpass",
                               P::kAes256Blumenthal, "md5-aes256-privpass"));
  ExpectUser((*users)[31], User("", "md5-3des", A::kMd5, "md5-3des-authpass", P::kTripleDes,
                                "md5-3des-privpass"));
  ExpectUser((*users)[35], User("", "sha-aes192-reeder", A::kSha1, "sha-aes192-reeder-authpass",
                                P::kAes192Reeder, "sha-aes192-reeder-privpass"));
}

class TempFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = ::testing::TempDir() + "/users_test_" + name;
    std::ofstream(path, std::ios::binary) << contents;
    paths_.push_back(path);
    return path;
  }
  ~TempFileTest() override {
    for (const std::string& p : paths_) std::filesystem::remove(p);
  }
  std::vector<std::string> paths_;
};

TEST_F(TempFileTest, ErrorsNameTheFile) {
  const std::string path = Write("bad", kGoodLine + "\"\",\"u\",\"SHA3\",\"x\",\"DES\",\"\"\n");
  absl::StatusOr<std::vector<UserConfig>> users = LoadUsersFile(path);
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.status().message(),
            path +
                ":2: unknown authentication protocol \"SHA3\" (expected MD5, SHA1, "
                "SHA2-224, SHA2-256, SHA2-384, SHA2-512 or NONE)");
}

TEST_F(TempFileTest, MissingFileIsNotFound) {
  const std::string path = ::testing::TempDir() + "/users_test_does_not_exist";
  absl::StatusOr<std::vector<UserConfig>> users = LoadUsersFile(path);
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(users.status().message(), path + ": No such file or directory");
}

TEST_F(TempFileTest, DirectoryIsAnError) {
  const std::string path = ::testing::TempDir();
  absl::StatusOr<std::vector<UserConfig>> users = LoadUsersFile(path);
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.status().message(), path + ": Is a directory");
}

TEST_F(TempFileTest, RefusesHugeFiles) {
  // Blank lines: valid text, so only the size can be what is refused.
  const std::string path = Write("huge", std::string(kMaxUsersFileBytes + 1, '\n'));
  absl::StatusOr<std::vector<UserConfig>> users = LoadUsersFile(path);
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(users.status().message(), path + ": larger than 16 MiB; not a snmp_users file?");

  const std::string at_limit = Write("at_limit", std::string(kMaxUsersFileBytes, '\n'));
  absl::StatusOr<std::vector<UserConfig>> none = LoadUsersFile(at_limit);
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_TRUE(none->empty());
}

// ---------------------------------------------------------------------------
// --user

struct GoodSpecCase {
  const char* spec;
  UserConfig expected;
};

TEST(ParseUserSpecTest, ReadsGoodSpecs) {
  const GoodSpecCase cases[] = {
      {"sha-aes:SHA1:sha-aes-authpass:AES:sha-aes-privpass",
       User("", "sha-aes", A::kSha1, "sha-aes-authpass", P::kAes128, "sha-aes-privpass")},
      {"alice:SHA2-256:pw12345678:AES256C:privpw123:80001f8804736e6d70",
       User(kEngine9, "alice", A::kSha256, "pw12345678", P::kAes256Reeder, "privpw123")},
      {"noauth:NONE", User("", "noauth", A::kNone, "", P::kNone, "")},
      {"noauth:none:", User("", "noauth", A::kNone, "", P::kNone, "")},
      {"noauth:NONE::NONE::0x80001f8804736e6d70",
       User(kEngine9, "noauth", A::kNone, "", P::kNone, "")},
      {"bob:MD5:pass\\:word", User("", "bob", A::kMd5, "pass:word", P::kNone, "")},
      {"bob:MD5:back\\\\slash:DES:\\:\\\\\\:",
       User("", "bob", A::kMd5, "back\\slash", P::kDes, ":\\:")},
      {"a\\:b:sha2-512:pw", User("", "a:b", A::kSha512, "pw", P::kNone, "")},
      {"carol:SHA1:carol-authpass:NONE::80001f8804736e6d70",
       User(kEngine9, "carol", A::kSha1, "carol-authpass", P::kNone, "")},
      {"carol:SHA1:carol-authpass:::80001f8804736e6d70",
       User(kEngine9, "carol", A::kSha1, "carol-authpass", P::kNone, "")},
      {"dave:SHA2-384:pw:3DES:pp:80\\:00\\:1f\\:88\\:04\\:73\\:6e\\:6d\\:70",
       User(kEngine9, "dave", A::kSha384, "pw", P::kTripleDes, "pp")},
      {"erin:SHA2-224:x:AES192B:y:80 00 1F 88 04 73 6E 6D 70",
       User(kEngine9, "erin", A::kSha224, "x", P::kAes192Blumenthal, "y")},
      {"frank:MD5:authpass:AES192C:privpass:",
       User("", "frank", A::kMd5, "authpass", P::kAes192Reeder, "privpass")},
      {"gina:SHA:a b c:AES256B:d,e\"f",
       User("", "gina", A::kSha1, "a b c", P::kAes256Blumenthal, "d,e\"f")},
  };
  for (const GoodSpecCase& c : cases) {
    SCOPED_TRACE(c.spec);
    absl::StatusOr<UserConfig> user = ParseUserSpec(c.spec);
    ASSERT_TRUE(user.ok()) << user.status();
    ExpectUser(*user, c.expected);
  }
}

struct BadSpecCase {
  std::string spec;
  const char* message;
};

TEST(ParseUserSpecTest, RejectsBadSpecsWithoutPasswords) {
  const std::string s(kSecret);
  const BadSpecCase cases[] = {
      {"", "empty user name"},
      {":MD5:" + s, "empty user name"},
      {"alice",
       "missing authentication protocol: expected NAME:AUTH:PASS[:PRIV:PASS[:ENGINEID]], or "
       "NAME:NONE"},
      {"alice:", "missing authentication protocol (NONE for a user without authentication)"},
      {"alice::" + s, "missing authentication protocol (NONE for a user without authentication)"},
      {"alice:MD5", "authentication protocol MD5 needs an authentication password"},
      {"alice:sha1:", "authentication protocol sha1 needs an authentication password"},
      {"alice:SHA3:" + s,
       "unknown authentication protocol \"SHA3\" (expected MD5, SHA1, SHA2-224, SHA2-256, "
       "SHA2-384, SHA2-512 or NONE)"},
      {"alice:" + s + ":MD5",
       "unknown authentication protocol (not shown; expected MD5, SHA1, SHA2-224, SHA2-256, "
       "SHA2-384, SHA2-512 or NONE)"},
      {"alice:MD5:" + s + ":" + s,
       "unknown privacy protocol (not shown; expected DES, 3DES, AES, AES192, AES256, "
       "AES192B, AES256B, AES192C, AES256C or NONE)"},
      {"alice:MD5:" + s + ":AES",
       "privacy protocol AES needs a privacy password (leave PRIV out, or NONE, for no "
       "privacy)"},
      {"alice:MD5:" + s + ":DES:",
       "privacy protocol DES needs a privacy password (leave PRIV out, or NONE, for no "
       "privacy)"},
      {"alice:NONE:" + s, "authentication password given but the authentication protocol is NONE"},
      {"alice:NONE::AES:" + s,
       "privacy needs authentication: the authentication protocol is NONE (RFC 3411 section "
       "3.4.3 has no noAuthPriv level)"},
      {"alice:MD5:" + s + ":NONE:" + s, "privacy password given but the privacy protocol is NONE"},
      {"alice:MD5:" + s + "::" + s, "privacy password given but the privacy protocol is NONE"},
      {"alice:SHA1:S3cret:Passw0rd:AES:priv:80001f8804",
       "too many ':'-separated fields (7; at most 6: NAME:AUTH:PASS:PRIV:PASS:ENGINEID); "
       "write a ':' inside a password as \\:"},
      {"alice:SHA1:" + s + "\\q",
       "bad escape in field 3: a backslash must be followed by ':' "
       "or '\\'"},
      {"alice:SHA1:" + s + ":AES:" + s + "\\",
       "bad escape in field 5: a backslash must be followed by ':' or '\\'"},
      {"alice:SHA1:" + s + ":AES:" + s + ":80001g8804",
       "engine ID is not hex (expected pairs "
       "of hex digits, optionally separated "
       "by ':' or ' ')"},
      {"alice:SHA1:" + s + ":AES:" + s + ":80001f880", "engine ID has an odd number of hex digits"},
      {"alice:SHA1:" + s + ":AES:" + s + ":80001f88",
       "engine ID is 4 octets; it must be 5 to 32 (RFC 3411 section 5), or empty for any "
       "engine"},
      {std::string(33, 'n') + ":SHA1:" + s,
       "user name is 33 octets; at most 32 are allowed (RFC 3414 section 2.4)"},
  };
  for (const BadSpecCase& c : cases) {
    SCOPED_TRACE(c.spec);
    absl::StatusOr<UserConfig> user = ParseUserSpec(c.spec);
    ASSERT_FALSE(user.ok());
    EXPECT_EQ(user.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(std::string(user.status().message()), c.message);
    ExpectNoSecret(user.status().message());
  }
}

}  // namespace
}  // namespace snmpdissect::usm
