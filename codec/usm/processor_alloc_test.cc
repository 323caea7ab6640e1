// Steady-state USM processing: once a Processor has seen a user and engine
// (keys cached, buffers grown), verifying, decrypting and decoding further
// messages performs no allocation in our code (operator new), and inside
// OpenSSL (CRYPTO_malloc, counted through CRYPTO_set_mem_functions) a small
// fixed number per message that does not grow.
//
// Why OpenSSL allocates at all: in OpenSSL 3.0 every EVP digest or MAC
// (re)initialisation frees and recreates its provider context, even for the
// same algorithm (EVP_DigestInit_ex2: 1 allocation; EVP_MAC_init with a key:
// 5, HMAC's three digests). Ciphers avoid it: Crypto keeps one context
// bound to each cipher and only re-keys it. The deprecated low-level hash
// API would avoid it too, at the price of leaving EVP; we keep EVP.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <openssl/crypto.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/testing/allocation_counter.h"
#include "codec/usm/processor.h"
#include "codec/usm/testing/messages.h"
#include "gtest/gtest.h"

namespace {
std::atomic<long> g_openssl{0};

void* CountingMalloc(size_t size, const char*, int) {
  g_openssl.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size);
}
void* CountingRealloc(void* p, size_t size, const char*, int) {
  g_openssl.fetch_add(1, std::memory_order_relaxed);
  return std::realloc(p, size);
}
void CountingFree(void* p, const char*, int) { std::free(p); }

// OpenSSL accepts new memory functions only before its first allocation:
// install them during static initialisation, before any test runs.
const bool g_installed = CRYPTO_set_mem_functions(CountingMalloc, CountingRealloc,
                                                  CountingFree) == 1;
}  // namespace

namespace snmpdissect::usm {
namespace {

TEST(ProcessorAllocTest, SteadyStateProcessingDoesNotAllocate) {
  ASSERT_TRUE(g_installed) << "OpenSSL allocated before the counters were installed";
  std::vector<UserConfig> users;
  std::vector<std::string> messages;
  const PrivProtocol privs[] = {PrivProtocol::kDes, PrivProtocol::kTripleDes,
                                PrivProtocol::kAes128, PrivProtocol::kAes192Blumenthal,
                                PrivProtocol::kAes256Reeder};
  const AuthProtocol auths[] = {AuthProtocol::kMd5, AuthProtocol::kSha1,
                                AuthProtocol::kSha256, AuthProtocol::kSha512};
  for (AuthProtocol auth : auths) {
    for (PrivProtocol priv : privs) {
      const UserConfig user =
          testing::User(absl::StrCat("u", users.size()), auth, priv);
      testing::BuildOptions o;
      o.sender_priv = priv;
      messages.push_back(testing::Build(user, o));
      users.push_back(user);
    }
  }
  Processor processor(users);
  snmp::Message message;
  Result result;
  auto run_all = [&] {
    for (const std::string& m : messages) {
      const snmp::Bytes bytes(reinterpret_cast<const uint8_t*>(m.data()), m.size());
      ASSERT_TRUE(snmp::DecodeMessage(bytes, &message).ok());
      processor.Process(bytes, &message, &result);
      ASSERT_EQ(result.priv, PrivOutcome::kDecrypted);
    }
  };
  run_all();  // warm-up: keys derived, buffers grown, contexts set up
  const long new_before = snmpdissect::testing::AllocationCount();
  const long openssl_before = g_openssl.load();
  run_all();
  const long openssl_per_pass = g_openssl.load() - openssl_before;
  for (int i = 0; i < 9; ++i) run_all();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - new_before, 0)
      << "operator new calls in steady state";
  // OpenSSL's own: the HMAC initialisation's, per message, and no more
  // (nothing accumulates: ten passes cost ten times one).
  const long messages_per_pass = static_cast<long>(messages.size());
  EXPECT_LE(openssl_per_pass, 5 * messages_per_pass);
  EXPECT_EQ(g_openssl.load() - openssl_before, 10 * openssl_per_pass);
}

TEST(ProcessorAllocTest, TheCountersCount) {
  const long before = snmpdissect::testing::AllocationCount();
  auto* p = new std::vector<int>(100);
  delete p;
  EXPECT_GT(snmpdissect::testing::AllocationCount(), before);
  const long openssl_before = g_openssl.load();
  OPENSSL_free(OPENSSL_malloc(10));
  EXPECT_GT(g_openssl.load(), openssl_before);
}

}  // namespace
}  // namespace snmpdissect::usm
