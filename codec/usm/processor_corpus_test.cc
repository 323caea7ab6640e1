// usm::Processor over the real net-snmp and pysnmp traffic of corpus/pcap/
// with the users files generated beside it: every authenticated message
// verifies and every encrypted one decrypts, for every auth x priv pair in
// the corpus (3DES and both AES-192/256 key extensions included), and the
// deliberate failures in failures.pcap come out as what they are.

#include <map>
#include <string>
#include <vector>

#include "codec/snmp/decode.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "gtest/gtest.h"

namespace snmpdissect::usm {
namespace {

std::vector<UserConfig> LoadUsers(const std::string& name) {
  auto users = LoadUsersFile(snmp::testing::SourceDir() + "/corpus/pcap/" + name);
  EXPECT_TRUE(users.ok()) << users.status();
  return users.ok() ? *std::move(users) : std::vector<UserConfig>{};
}

std::string Text(snmp::Bytes bytes) {
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

// Per capture: how many messages had each outcome.
struct Tally {
  size_t authenticated = 0, verified = 0, encrypted = 0, decrypted = 0;
  std::map<std::string, size_t> failures;  // "user auth-outcome/priv-outcome"
};

const char* AuthName(AuthOutcome o) {
  switch (o) {
    case AuthOutcome::kNotAuthenticated: return "-";
    case AuthOutcome::kVerified: return "verified";
    case AuthOutcome::kWrongDigest: return "wrong-digest";
    case AuthOutcome::kNoUser: return "no-user";
    case AuthOutcome::kNoAuthKey: return "no-auth-key";
    case AuthOutcome::kWrongLength: return "wrong-length";
    case AuthOutcome::kMissingParams: return "missing-params";
    case AuthOutcome::kBadEngineId: return "bad-engine-id";
    case AuthOutcome::kUnavailable: return "unavailable";
  }
  return "?";
}

const char* PrivName(PrivOutcome o) {
  switch (o) {
    case PrivOutcome::kNotEncrypted: return "-";
    case PrivOutcome::kDecrypted: return "decrypted";
    case PrivOutcome::kNoUser: return "no-user";
    case PrivOutcome::kNoPrivKey: return "no-priv-key";
    case PrivOutcome::kWrongSaltLength: return "wrong-salt-length";
    case PrivOutcome::kBadCiphertextLength: return "bad-ciphertext-length";
    case PrivOutcome::kUndecodable: return "undecodable";
    case PrivOutcome::kBadEngineId: return "bad-engine-id";
    case PrivOutcome::kUnavailable: return "unavailable";
    case PrivOutcome::kKeyDeferred: return "key-deferred";
  }
  return "?";
}

// Runs every capture through one Processor; returns the tallies by file
// name and, through `variants`, which privacy protocol each user's
// messages decrypted with.
std::map<std::string, Tally> RunCorpus(Processor& processor,
                                       std::map<std::string, PrivProtocol>* variants) {
  std::map<std::string, Tally> tallies;
  snmp::Message message;
  Result result;
  for (const std::string& path : snmp::testing::CorpusCaptures()) {
    auto messages = snmp::testing::ReadCaptureMessages(path);
    EXPECT_TRUE(messages.ok()) << messages.status();
    if (!messages.ok()) continue;
    Tally& tally = tallies[path.substr(path.rfind('/') + 1)];
    for (const snmp::testing::CapturedMessage& captured : *messages) {
      const snmp::Bytes bytes(reinterpret_cast<const uint8_t*>(captured.bytes.data()),
                              captured.bytes.size());
      EXPECT_TRUE(snmp::DecodeMessage(bytes, &message).ok());
      processor.Process(bytes, &message, &result);
      const bool auth = result.auth != AuthOutcome::kNotAuthenticated;
      const bool priv = result.priv != PrivOutcome::kNotEncrypted;
      tally.authenticated += auth;
      tally.verified += result.auth == AuthOutcome::kVerified;
      tally.encrypted += priv;
      tally.decrypted += result.priv == PrivOutcome::kDecrypted;
      if ((auth && result.auth != AuthOutcome::kVerified) ||
          (priv && result.priv != PrivOutcome::kDecrypted)) {
        ++tally.failures[Text(message.usm.user_name.value) + " " + AuthName(result.auth) +
                         "/" + PrivName(result.priv)];
      }
      if (result.priv == PrivOutcome::kDecrypted) {
        (*variants)[Text(message.usm.user_name.value)] = result.priv_protocol;
        // The decrypted ScopedPDU decoded like a plaintext one.
        EXPECT_TRUE(message.has_pdu);
        EXPECT_TRUE(message.context_engine_id.present);
      }
    }
  }
  return tallies;
}

void ExpectAllGood(const std::map<std::string, Tally>& tallies) {
  size_t authenticated = 0, encrypted = 0;
  for (const auto& [file, tally] : tallies) {
    SCOPED_TRACE(file);
    authenticated += tally.authenticated;
    encrypted += tally.encrypted;
    if (file == "failures.pcap") continue;
    EXPECT_EQ(tally.verified, tally.authenticated);
    EXPECT_EQ(tally.decrypted, tally.encrypted);
    for (const auto& [what, count] : tally.failures) ADD_FAILURE() << what << " x" << count;
  }
  // The corpus as tools/gen-corpus.sh makes it: hundreds of each.
  EXPECT_GT(authenticated, 1000u);
  EXPECT_GT(encrypted, 800u);
}

TEST(ProcessorCorpusTest, ExplicitUsersVerifyAndDecryptEverything) {
  Processor processor(LoadUsers("snmp_users.explicit"));
  ASSERT_TRUE(processor.crypto().UnavailableNote().empty())
      << processor.crypto().UnavailableNote();
  std::map<std::string, PrivProtocol> variants;
  const auto tallies = RunCorpus(processor, &variants);
  ExpectAllGood(tallies);
  // Every privacy protocol in the corpus was exercised.
  for (const char* user : {"md5-des", "sha512-des", "md5-aes", "md5-aes192", "sha-aes256",
                           "sha224-aes256", "md5-3des", "sha-3des", "sha256-3des",
                           "md5-aes192-reeder", "sha-aes256-reeder",
                           "sha224-aes256-reeder"}) {
    EXPECT_TRUE(variants.count(user)) << user << " never decrypted";
  }
  EXPECT_EQ(variants["md5-aes192"], PrivProtocol::kAes192Blumenthal);
  EXPECT_EQ(variants["md5-aes192-reeder"], PrivProtocol::kAes192Reeder);
  EXPECT_EQ(variants["sha-3des"], PrivProtocol::kTripleDes);
}

TEST(ProcessorCorpusTest, WiresharkUsersFileFindsTheKeyExtensionByTrial) {
  // snmp_users says only "AES192"/"AES256" (Wireshark cannot say which
  // extension); the 3DES users are commented out there.
  Processor processor(LoadUsers("snmp_users"));
  std::map<std::string, PrivProtocol> variants;
  const auto tallies = RunCorpus(processor, &variants);
  for (const auto& [file, tally] : tallies) {
    SCOPED_TRACE(file);
    if (file == "failures.pcap") continue;
    for (const auto& [what, count] : tally.failures) {
      EXPECT_NE(what.find("-3des no-user/no-user"), std::string::npos) << what << " x" << count;
    }
  }
  EXPECT_EQ(variants["md5-aes192"], PrivProtocol::kAes192Blumenthal);
  EXPECT_EQ(variants["sha-aes256"], PrivProtocol::kAes256Blumenthal);
  EXPECT_EQ(variants["sha224-aes256"], PrivProtocol::kAes256Blumenthal);
  EXPECT_EQ(variants["md5-aes192-reeder"], PrivProtocol::kAes192Reeder);
  EXPECT_EQ(variants["sha-aes256-reeder"], PrivProtocol::kAes256Reeder);
  EXPECT_EQ(variants["sha224-aes256-reeder"], PrivProtocol::kAes256Reeder);
  // No extension involved: one key, reported as the configured cipher's
  // Blumenthal variant.
  EXPECT_EQ(variants["sha256-aes192"], PrivProtocol::kAes192Blumenthal);
}

TEST(ProcessorCorpusTest, FailuresAreWhatTheGeneratorDid) {
  Processor processor(LoadUsers("snmp_users.explicit"));
  std::map<std::string, PrivProtocol> variants;
  const auto tallies = RunCorpus(processor, &variants);
  ASSERT_TRUE(tallies.count("failures.pcap"));
  // tools/gen-corpus.sh, "failures.pcap": each failing request it sends.
  const std::map<std::string, size_t> expected = {
      // -u no-such-user -l authPriv
      {"no-such-user no-user/no-user", 1},
      // -u sha-none -A wrong-authpass, and -a MD5 for a SHA user (both
      // 12-octet MACs): usmStatsWrongDigests
      {"sha-none wrong-digest/-", 2},
      // -u sha256-aes -A wrong-authpass with the right privacy password
      {"sha256-aes wrong-digest/decrypted", 1},
      // -X wrong-privpass, and -x DES for an AES user: authentic garbage
      {"sha-aes verified/undecodable", 2},
      {"md5-des verified/undecodable", 1},
      // authPriv for an authNoPriv user, authNoPriv for a noAuthNoPriv user:
      // usmStatsUnsupportedSecLevels
      {"md5-none verified/no-priv-key", 1},
      {"noauth no-auth-key/-", 1},
  };
  EXPECT_EQ(tallies.at("failures.pcap").failures, expected);
}

}  // namespace
}  // namespace snmpdissect::usm
