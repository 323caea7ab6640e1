// Steady-state decoding allocates nothing (DESIGN.md, "The model borrows the
// input"): once a reused Message has seen a message, decoding it again, or
// any message no larger, performs zero heap allocations.
//
// This binary replaces the global operator new to count allocations, which is
// why it is a test binary of its own.

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "codec/snmp/decode.h"
#include "codec/snmp/engine_id.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// GCC pairs the replaced operator new with these deletes only at run time;
// its static check cannot see that new uses malloc here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace snmpdissect::snmp {
namespace {

using namespace testing;  // NOLINT: the TLV spelling helpers

TEST(DecodeAllocTest, SteadyStateDecodingDoesNotAllocate) {
  std::string walk;
  for (int i = 0; i < 50; ++i) {
    walk += Vb(SysDescr0(), Octets("Linux host 6.1.0 #1 SMP x86_64")) +
            Vb(SysUpTime0(), Int(123456, 0x43)) + Vb(SysDescr0(), Int(i, 0x41)) +
            Vb(SysDescr0(), Tlv(0x46, Hex("00ffffffffffffffff")));
  }
  const std::string scoped = Seq(Octets(NetSnmpEngineId()) + Octets("") +
                                 PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux"))));
  const std::string messages[] = {
      Community(1, PduTlv(0xa2, walk)),
      V3("\x05", UsmFields(NetSnmpEngineId(), "sha-none", std::string(12, 'a')), scoped),
      V3("\x07", UsmFields(NetSnmpEngineId(), "sha-aes", std::string(12, 'a'), "12345678"),
         Octets(std::string(96, 'x'))),
      Community(1, PduTlv(0xa2, walk)) + "trailing",  // with diagnostics
  };
  Message message;
  // Warm-up: the vectors grow to their steady-state size.
  for (const std::string& m : messages) ASSERT_TRUE(DecodeMessage(AsBytes(m), &message).ok());

  const long before = g_allocations.load();
  for (int round = 0; round < 100; ++round) {
    for (const std::string& m : messages) {
      ASSERT_TRUE(DecodeMessage(AsBytes(m), &message).ok());
      if (message.has_usm) {
        const EngineIdInfo info = ParseEngineId(message.usm.engine_id.value);
        ASSERT_EQ(info.enterprise, kEnterpriseNetSnmp);
      }
    }
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
}

TEST(DecodeAllocTest, TheCounterSeesAllocations) {
  // Guards the test above against a counter that never counts.
  const long before = g_allocations.load();
  auto* p = new std::string(100, 'x');
  delete p;
  EXPECT_GT(g_allocations.load() - before, 0);
}

}  // namespace
}  // namespace snmpdissect::snmp
