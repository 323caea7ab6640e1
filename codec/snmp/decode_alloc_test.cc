// Steady-state decoding allocates nothing (DESIGN.md, "The model borrows the
// input"): once a reused Message has seen a message, decoding it again, or
// any message no larger, performs zero heap allocations.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <string>

#include "codec/snmp/decode.h"
#include "codec/snmp/engine_id.h"
#include "codec/snmp/testing/allocation_counter.h"
#include "codec/snmp/testing/tlv.h"
#include "gtest/gtest.h"

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

  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 100; ++round) {
    for (const std::string& m : messages) {
      ASSERT_TRUE(DecodeMessage(AsBytes(m), &message).ok());
      if (message.has_usm) {
        const EngineIdInfo info = ParseEngineId(message.usm.engine_id.value);
        ASSERT_EQ(info.enterprise, kEnterpriseNetSnmp);
      }
    }
  }
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
}

TEST(DecodeAllocTest, ErrorTextIntoAReusedStringDoesNotAllocate) {
  // What the snmp_message fuzz target does with each input's decode error
  // (ber::ToStatus would allocate the status's message every time).
  std::string truncated = Community(1, PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux"))));
  truncated.resize(truncated.size() - 3);
  Message message;
  const ber::Error error = DecodeMessage(AsBytes(truncated), &message);
  ASSERT_FALSE(error.ok());
  std::string text;
  text.reserve(128);
  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 100; ++round) {
    text.clear();
    ber::AppendErrorText(error, &text);
  }
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_EQ(text, ber::ToStatus(error).message());
}

TEST(DecodeAllocTest, TheCounterSeesAllocations) {
  // Guards the test above against a counter that never counts.
  const long before = snmpdissect::testing::AllocationCount();
  auto* p = new std::string(100, 'x');
  delete p;
  EXPECT_GT(snmpdissect::testing::AllocationCount() - before, 0);
}

}  // namespace
}  // namespace snmpdissect::snmp
