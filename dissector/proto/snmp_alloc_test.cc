// Steady-state dissection allocates nothing (DESIGN.md: bounded memory, no
// per-packet allocation): once a reused SnmpDissector, Tree and output
// string have seen a message, dissecting and printing it again performs
// zero heap allocations, with MIB names (snmp_mib.h) and without.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <string>

#include "codec/snmp/testing/allocation_counter.h"
#include "codec/snmp/testing/tlv.h"
#include "dissector/mib/core_table.h"
#include "dissector/print/text_tree.h"
#include "dissector/proto/snmp.h"
#include "gtest/gtest.h"

namespace snmpdissect::proto {
namespace {

using namespace snmp::testing;  // NOLINT: the TLV spelling helpers

void ExpectSteadyStateDoesNotAllocate(const mib::Table* mib) {
  std::string walk;
  for (int i = 0; i < 50; ++i) {
    walk += Vb(SysDescr0(), Octets("Linux host 6.1.0 #1 SMP x86_64")) +
            Vb(SysUpTime0(), Int(123456, 0x43)) + Vb(SysDescr0(), Int(i, 0x41)) +
            Vb(SysDescr0(), Tlv(0x46, Hex("00ffffffffffffffff"))) +
            Vb(SysDescr0(), Tlv(0x80, "")) +
            // ifOperStatus.1, ifPhysAddress.2, ipNetToMediaPhysAddress.2.10.0.0.1,
            // sysObjectID.0 = NET-SNMP-MIB's netSnmpAgentOIDs.10, tunnel
            // InetAddress with and without its type.
            Vb(OidHex("2b060102010202010801"), Int(1)) +
            Vb(OidHex("2b060102010202010602"), Octets(Hex("001b210a0bcc"))) +
            Vb(OidHex("2b0601020104160102020a000001"), Octets(Hex("001b210a0bcc"))) +
            Vb(OidHex("2b06010201010200"), OidHex("2b06010401bf0803020a")) +
            Vb(OidHex("2b060102010a8103010101010805"), Int(1)) +
            Vb(OidHex("2b060102010a8103010101010a05"), Octets(Hex("0a000001"))) +
            Vb(OidHex("2b060102010a8103010101010a06"), Octets(Hex("0a000001")));
  }
  const std::string scoped = Seq(Octets(NetSnmpEngineId()) + Octets("") +
                                 PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux"))));
  std::string truncated = Community(1, PduTlv(0xa2, walk));
  truncated.resize(truncated.size() / 2);
  const std::string messages[] = {
      Community(1, PduTlv(0xa2, walk)),
      V3("\x05", UsmFields(NetSnmpEngineId(), "sha-none", std::string(12, 'a')), scoped),
      V3("\x07", UsmFields(NetSnmpEngineId(), "sha-aes", std::string(12, 'a'), "12345678"),
         Octets(std::string(96, 'x'))),
      Community(1, PduTlv(0xa2, walk)) + "trailing",  // with diagnostics
      truncated,                                      // malformed
  };
  SnmpDissector dissector;
  dissector.set_mib(mib);
  tree::Tree tree;
  print::TextTreePrinter printer;
  std::string out;
  auto run = [&](const std::string& m) {
    tree.Clear();
    out.clear();
    dissector.Dissect(AsBytes(m), {.offset = 14}, &tree, tree::Tree::kRoot);
    printer.Print(tree, &out);
  };
  for (const std::string& m : messages) run(m);  // warm-up: buffers grow
  for (const std::string& m : messages) run(m);

  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 20; ++round) {
    for (const std::string& m : messages) run(m);
  }
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_GT(tree.size(), 1u);
}

TEST(SnmpAllocTest, SteadyStateDissectionAndPrintingDoNotAllocate) {
  ExpectSteadyStateDoesNotAllocate(nullptr);
}

TEST(SnmpAllocTest, WithMibNamesTooNothingIsAllocated) {
  const mib::Table& core = mib::CoreTable();  // parsed once, before counting
  ExpectSteadyStateDoesNotAllocate(&core);
}

}  // namespace
}  // namespace snmpdissect::proto
