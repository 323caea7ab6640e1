// usm::Processor on messages built here with the same primitives in the
// sending direction (keys, SignMessage, Encrypt): every protocol pair, the
// key-extension trial, every failure outcome, key caching, and hostile
// messages. Real traffic is in processor_corpus_test.cc.

#include "codec/usm/processor.h"

#include <string>
#include <vector>

#include "codec/snmp/decode.h"
#include "codec/snmp/testing/tlv.h"
#include "codec/usm/auth.h"
#include "codec/usm/privacy.h"
#include "codec/usm/testing/messages.h"
#include "gtest/gtest.h"

namespace snmpdissect::usm {
namespace {

using snmp::testing::AsBytes;
using snmp::testing::Hex;
using snmp::testing::Int;
using snmp::testing::Octets;
using snmp::testing::PduTlv;
using snmp::testing::V3;

const std::string kEngine = testing::AgentEngineId();
using Options = testing::BuildOptions;
using testing::Build;
using testing::ScopedPdu;
using testing::User;

struct Processed {
  snmp::Message message;
  Result result;
};

// Decodes and processes `bytes` (which must outlive the result).
void Process(Processor& processor, const std::string& bytes, Processed* out) {
  ASSERT_TRUE(snmp::DecodeMessage(AsBytes(bytes), &out->message).ok());
  processor.Process(AsBytes(bytes), &out->message, &out->result);
}

constexpr AuthProtocol kAuths[] = {AuthProtocol::kMd5,    AuthProtocol::kSha1,
                                   AuthProtocol::kSha224, AuthProtocol::kSha256,
                                   AuthProtocol::kSha384, AuthProtocol::kSha512};
constexpr PrivProtocol kConcretePrivs[] = {
    PrivProtocol::kDes,           PrivProtocol::kTripleDes,
    PrivProtocol::kAes128,        PrivProtocol::kAes192Blumenthal,
    PrivProtocol::kAes256Blumenthal, PrivProtocol::kAes192Reeder,
    PrivProtocol::kAes256Reeder};

TEST(ProcessorTest, EveryAuthAndPrivPairVerifiesAndDecrypts) {
  for (AuthProtocol auth : kAuths) {
    for (PrivProtocol priv : kConcretePrivs) {
      SCOPED_TRACE(std::string(GetAuthInfo(auth).name) + " " + GetPrivInfo(priv).name);
      const UserConfig user = User("u", auth, priv);
      Processor processor({user});
      Options o;
      o.sender_priv = priv;
      const std::string bytes = Build(user, o);
      Processed p;
      Process(processor, bytes, &p);
      EXPECT_EQ(p.result.auth, AuthOutcome::kVerified);
      ASSERT_EQ(p.result.priv, PrivOutcome::kDecrypted);
      EXPECT_EQ(p.result.priv_protocol, priv);
      EXPECT_FALSE(p.result.extension_by_trial);
      EXPECT_EQ(p.result.user, &processor.users()[0]);
      ASSERT_TRUE(p.message.has_pdu);
      EXPECT_EQ(p.message.pdu.request_id.value, 1234);
      EXPECT_EQ(p.message.pdu.varbinds.size(), 1u);
      EXPECT_EQ(p.message.context_engine_id.value.size(), kEngine.size());
      EXPECT_TRUE(p.message.diagnostics.empty());
    }
  }
}

TEST(ProcessorTest, BootsAndTimeWithoutLeadingZeroStillDecrypt) {
  // The AES IV is built from engineBoots and engineTime (RFC 3826 section
  // 3.1.2.1): the values the sender meant, 221 and 200, not -35 and -56.
  for (PrivProtocol priv : {PrivProtocol::kAes128, PrivProtocol::kAes256Blumenthal}) {
    SCOPED_TRACE(GetPrivInfo(priv).name);
    const UserConfig user = User("u", AuthProtocol::kSha1, priv);
    Processor processor({user});
    Options o;
    o.sender_priv = priv;
    o.engine_boots = 221;
    o.engine_time = 200;
    o.drop_leading_zero = true;
    const std::string bytes = Build(user, o);
    ASSERT_NE(bytes.find(std::string("\x02\x01\xdd", 3)), std::string::npos);
    Processed p;
    Process(processor, bytes, &p);
    EXPECT_EQ(p.message.usm.engine_boots.value, 221);
    EXPECT_EQ(p.message.usm.engine_time.value, 200);
    EXPECT_EQ(p.result.auth, AuthOutcome::kVerified);
    ASSERT_EQ(p.result.priv, PrivOutcome::kDecrypted);
    EXPECT_EQ(p.message.pdu.request_id.value, 1234);
  }
}

TEST(ProcessorTest, UnnamedAesExtensionIsFoundByTrial) {
  struct Case {
    AuthProtocol auth;
    PrivProtocol configured;
    PrivProtocol sent;
    bool trial;
  };
  const Case cases[] = {
      {AuthProtocol::kMd5, PrivProtocol::kAes192, PrivProtocol::kAes192Blumenthal, true},
      {AuthProtocol::kMd5, PrivProtocol::kAes192, PrivProtocol::kAes192Reeder, true},
      {AuthProtocol::kSha1, PrivProtocol::kAes256, PrivProtocol::kAes256Reeder, true},
      {AuthProtocol::kSha224, PrivProtocol::kAes256, PrivProtocol::kAes256Reeder, true},
      // Long enough hashes: one key, no trial; reported as Blumenthal's
      // (the two are the same key then).
      {AuthProtocol::kSha256, PrivProtocol::kAes256, PrivProtocol::kAes256Reeder, false},
      {AuthProtocol::kSha224, PrivProtocol::kAes192, PrivProtocol::kAes192Reeder, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(GetAuthInfo(c.auth).name) + " " + GetPrivInfo(c.sent).name);
    const UserConfig user = User("u", c.auth, c.configured);
    Processor processor({user});
    Options o;
    o.sender_priv = c.sent;
    const std::string bytes = Build(user, o);
    Processed p;
    Process(processor, bytes, &p);
    ASSERT_EQ(p.result.priv, PrivOutcome::kDecrypted);
    EXPECT_EQ(p.result.extension_by_trial, c.trial);
    if (c.trial) {
      EXPECT_EQ(p.result.priv_protocol, c.sent);
    }
    EXPECT_TRUE(p.message.has_pdu);
  }
}

TEST(ProcessorTest, WrongPasswordsAreWrongDigestAndUndecodable) {
  const UserConfig sender = User("u", AuthProtocol::kSha1, PrivProtocol::kAes128);
  UserConfig wrong = sender;
  wrong.auth_password = "not-the-password";
  wrong.priv_password = "not-the-privpass";
  Processor processor({wrong});
  Options o;
  o.sender_priv = PrivProtocol::kAes128;
  const std::string bytes = Build(sender, o);
  Processed p;
  Process(processor, bytes, &p);
  EXPECT_EQ(p.result.auth, AuthOutcome::kWrongDigest);
  EXPECT_EQ(p.result.priv, PrivOutcome::kUndecodable);
  EXPECT_FALSE(p.result.plaintext_error.ok());
  EXPECT_EQ(p.result.plaintext.size(), ScopedPdu().size());
  // Nothing of the garbage is left in the message.
  EXPECT_FALSE(p.message.has_pdu);
  EXPECT_FALSE(p.message.context_engine_id.present);
  EXPECT_TRUE(p.message.diagnostics.empty());
}

TEST(ProcessorTest, RightAuthWrongPrivPassword) {
  const UserConfig sender = User("u", AuthProtocol::kMd5, PrivProtocol::kDes);
  UserConfig wrong = sender;
  wrong.priv_password = "not-the-privpass";
  Processor processor({wrong});
  Options o;
  o.sender_priv = PrivProtocol::kDes;
  const std::string bytes = Build(sender, o);
  Processed p;
  Process(processor, bytes, &p);
  EXPECT_EQ(p.result.auth, AuthOutcome::kVerified);
  EXPECT_EQ(p.result.priv, PrivOutcome::kUndecodable);
}

TEST(ProcessorTest, TheUserWhoseKeyVerifiesIsChosen) {
  const UserConfig sender = User("u", AuthProtocol::kSha256, PrivProtocol::kAes128);
  UserConfig stale = sender;
  stale.auth_password = "old-password";
  stale.priv_password = "old-privpass";
  const UserConfig other_engine =
      User("u", AuthProtocol::kSha256, PrivProtocol::kAes128, Hex("8000000001020304"));
  // Engine-bound users of another engine are not candidates; a same-name
  // user with stale passwords is tried and loses.
  Processor processor({other_engine, stale, sender});
  Options o;
  o.sender_priv = PrivProtocol::kAes128;
  const std::string bytes = Build(sender, o);
  Processed p;
  Process(processor, bytes, &p);
  EXPECT_EQ(p.result.auth, AuthOutcome::kVerified);
  EXPECT_EQ(p.result.priv, PrivOutcome::kDecrypted);
  EXPECT_EQ(p.result.user, &processor.users()[2]);
}

TEST(ProcessorTest, EngineBoundUserMatchesOnlyItsEngine) {
  const UserConfig bound =
      User("u", AuthProtocol::kMd5, PrivProtocol::kAes128, kEngine);
  Processor processor({bound});
  Options o;
  o.sender_priv = PrivProtocol::kAes128;
  const std::string here = Build(bound, o);
  Processed p;
  Process(processor, here, &p);
  EXPECT_EQ(p.result.auth, AuthOutcome::kVerified);
  o.engine = Hex("80001f88017f000001");
  const std::string elsewhere = Build(bound, o);
  Process(processor, elsewhere, &p);
  EXPECT_EQ(p.result.auth, AuthOutcome::kNoUser);
  EXPECT_EQ(p.result.priv, PrivOutcome::kNoUser);
}

TEST(ProcessorTest, MissingUsersAndKeys) {
  const UserConfig sender = User("u", AuthProtocol::kSha1, PrivProtocol::kDes);
  Options o;
  o.sender_priv = PrivProtocol::kDes;
  const std::string bytes = Build(sender, o);
  Processed p;
  {
    Processor processor({User("someone-else", AuthProtocol::kSha1, PrivProtocol::kDes)});
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kNoUser);
    EXPECT_EQ(p.result.priv, PrivOutcome::kNoUser);
    EXPECT_EQ(p.result.user, nullptr);
  }
  {
    Processor processor({User("u", AuthProtocol::kNone, PrivProtocol::kNone)});
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kNoAuthKey);
    EXPECT_EQ(p.result.priv, PrivOutcome::kNoPrivKey);
  }
  {
    Processor processor({User("u", AuthProtocol::kSha1, PrivProtocol::kNone)});
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kVerified);
    EXPECT_EQ(p.result.priv, PrivOutcome::kNoPrivKey);
  }
  {
    // MD5's MAC is 12 octets too: same length, another digest.
    Processor processor({User("u", AuthProtocol::kMd5, PrivProtocol::kDes)});
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kWrongDigest);
  }
  {
    Processor processor({User("u", AuthProtocol::kSha256, PrivProtocol::kDes)});
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kWrongLength);  // 12 octets, not 24
  }
}

TEST(ProcessorTest, HostileParameters) {
  const UserConfig user = User("u", AuthProtocol::kSha1, PrivProtocol::kDes);
  Processor processor({user});
  Processed p;
  Options o;
  o.sender_priv = PrivProtocol::kDes;

  {
    // authFlag with empty msgAuthenticationParameters.
    const std::string usm = Octets(kEngine) + Int(7) + Int(1000) + Octets("u") + Octets("") +
                            Octets("");
    const std::string bytes = V3("\x05", usm, ScopedPdu());
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kMissingParams);
    EXPECT_EQ(p.result.priv, PrivOutcome::kNotEncrypted);
  }
  {
    Options bad = o;
    bad.mac_length = 11;
    const std::string bytes = Build(user, bad);
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kWrongLength);
  }
  for (const std::string& salt : {std::string(""), std::string(7, 'x'), std::string(9, 'x')}) {
    Options bad = o;
    bad.sent_salt = salt;
    bad.auth = false;
    const std::string bytes = Build(user, bad);
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.priv, PrivOutcome::kWrongSaltLength) << salt.size();
  }
  {
    // 12 octets of "DES" ciphertext.
    const std::string usm = Octets(kEngine) + Int(7) + Int(1000) + Octets("u") + Octets("") +
                            Octets(std::string(8, 's'));
    const std::string bytes = V3("\x06", usm, Octets(std::string(12, 'c')));
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kNotAuthenticated);  // flags say priv only
    EXPECT_EQ(p.result.priv, PrivOutcome::kBadCiphertextLength);
    const std::string empty = V3("\x06", usm, Octets(""));
    Process(processor, empty, &p);
    EXPECT_EQ(p.result.priv, PrivOutcome::kBadCiphertextLength);
  }
  {
    Options bad = o;
    bad.engine = std::string(33, 'e');
    bad.mac_length = 12;  // unsigned: no key can be made
    const std::string bytes = Build(user, bad);
    Process(processor, bytes, &p);
    EXPECT_EQ(p.result.auth, AuthOutcome::kBadEngineId);
    EXPECT_EQ(p.result.priv, PrivOutcome::kBadEngineId);
  }
}

TEST(ProcessorTest, NotV3OrNotUsmIsLeftAlone) {
  Processor processor({User("u", AuthProtocol::kSha1, PrivProtocol::kDes)});
  Processed p;
  const std::string v2c = snmp::testing::Community(1, PduTlv(0xa0, ""));
  Process(processor, v2c, &p);
  EXPECT_EQ(p.result.auth, AuthOutcome::kNotAuthenticated);
  EXPECT_EQ(p.result.priv, PrivOutcome::kNotEncrypted);
  const std::string other_model =
      V3("\x03", snmp::testing::UsmFields(kEngine, "u"), Octets("zz"), 65507, /*model=*/4);
  Process(processor, other_model, &p);
  EXPECT_EQ(p.result.priv, PrivOutcome::kNotEncrypted);
}

TEST(ProcessorTest, KeysAreDerivedOncePerUserAndEngine) {
  const UserConfig user = User("u", AuthProtocol::kMd5, PrivProtocol::kAes256Reeder);
  Processor processor({user});
  Options o;
  o.sender_priv = PrivProtocol::kAes256Reeder;
  const std::string first = Build(user, o);
  o.engine = Hex("80001f88017f000001");
  const std::string second = Build(user, o);
  Processed p;
  for (int i = 0; i < 200; ++i) {
    Process(processor, first, &p);
    ASSERT_EQ(p.result.priv, PrivOutcome::kDecrypted);
  }
  // Ku for each password, plus the Reeder extension's hash for the engine.
  EXPECT_EQ(processor.stats().passwords_to_keys, 3u);
  EXPECT_EQ(processor.stats().localizations, 2u);
  for (int i = 0; i < 200; ++i) {
    Process(processor, second, &p);
    ASSERT_EQ(p.result.priv, PrivOutcome::kDecrypted);
  }
  // A new engine: two more localisations and one more extension; the
  // passwords are not hashed again.
  EXPECT_EQ(processor.stats().passwords_to_keys, 4u);
  EXPECT_EQ(processor.stats().localizations, 4u);
  EXPECT_EQ(processor.stats().verifications, 400u);
  EXPECT_EQ(processor.stats().decryptions, 400u);
}

TEST(ProcessorTest, TheKeyCacheIsBounded) {
  const UserConfig user = User("u", AuthProtocol::kMd5, PrivProtocol::kNone);
  Processor processor({user});
  Processed p;
  for (size_t i = 0; i <= Processor::kMaxCachedEngines; ++i) {
    const std::string engine = Hex("80001f8805") + std::to_string(i);
    const std::string usm = Octets(engine) + Int(7) + Int(1000) + Octets("u") +
                            Octets(std::string(12, '\0')) + Octets("");
    const std::string bytes = V3("\x05", usm, ScopedPdu());
    Process(processor, bytes, &p);
    ASSERT_EQ(p.result.auth, AuthOutcome::kWrongDigest);  // unsigned
  }
  EXPECT_EQ(processor.stats().cache_evictions, 1u);
  EXPECT_EQ(processor.stats().passwords_to_keys, 1u);
  EXPECT_EQ(processor.stats().localizations, Processor::kMaxCachedEngines + 1);
}

TEST(ProcessorTest, EveryTruncationIsSafe) {
  // Whatever prefix still decodes (and the decoder stops the rest), USM must
  // not read past it; each prefix is a heap copy of exactly its length, so
  // ASan sees any overread.
  const UserConfig user = User("u", AuthProtocol::kSha512, PrivProtocol::kAes256Reeder);
  Processor processor({user});
  Options o;
  o.sender_priv = PrivProtocol::kAes256Reeder;
  const std::string full = Build(user, o);
  for (size_t n = 0; n <= full.size(); ++n) {
    const std::vector<uint8_t> prefix(full.begin(), full.begin() + static_cast<ptrdiff_t>(n));
    snmp::Message message;
    Result result;
    const snmp::Bytes bytes(prefix.data(), prefix.size());
    if (!snmp::DecodeMessage(bytes, &message).ok()) continue;
    processor.Process(bytes, &message, &result);
    if (n == full.size()) {
      EXPECT_EQ(result.priv, PrivOutcome::kDecrypted);
    }
  }
}

}  // namespace
}  // namespace snmpdissect::usm

namespace snmpdissect::usm {
namespace {

TEST(ProcessorGuardTest, ReederKeysAreDerivedOnlyForAuthenticMessages) {
  // A forger without the authentication key sends encrypted messages for a
  // Reeder user from ever new engine IDs: none may cost a 1 MiB derivation.
  const UserConfig user = testing::User("u", AuthProtocol::kMd5, PrivProtocol::kTripleDes);
  Processor processor({user});
  UserConfig forger = user;
  forger.auth_password = "not-the-key";
  snmp::Message message;
  Result result;
  for (int i = 0; i < 20; ++i) {
    testing::BuildOptions o;
    o.sender_priv = PrivProtocol::kTripleDes;
    o.engine = testing::AgentEngineId() + std::to_string(i);
    const std::string bytes = testing::Build(forger, o);
    ASSERT_TRUE(snmp::DecodeMessage(snmp::testing::AsBytes(bytes), &message).ok());
    processor.Process(snmp::testing::AsBytes(bytes), &message, &result);
    EXPECT_EQ(result.auth, AuthOutcome::kWrongDigest);
    EXPECT_EQ(result.priv, PrivOutcome::kKeyDeferred);
  }
  // Ku of both passwords, once; no extension.
  EXPECT_EQ(processor.stats().passwords_to_keys, 2u);
  // The genuine user's message, from one of those engines, decrypts.
  testing::BuildOptions o;
  o.sender_priv = PrivProtocol::kTripleDes;
  o.engine = testing::AgentEngineId() + "7";
  const std::string bytes = testing::Build(user, o);
  ASSERT_TRUE(snmp::DecodeMessage(snmp::testing::AsBytes(bytes), &message).ok());
  processor.Process(snmp::testing::AsBytes(bytes), &message, &result);
  EXPECT_EQ(result.auth, AuthOutcome::kVerified);
  EXPECT_EQ(result.priv, PrivOutcome::kDecrypted);
  EXPECT_EQ(processor.stats().passwords_to_keys, 3u);
}

}  // namespace
}  // namespace snmpdissect::usm
