// Test support: counts heap allocations, for tests that prove a hot path
// allocates nothing in steady state. Linking this library replaces the
// global operator new of the whole test binary, so each such test is a
// binary of its own.
//
//   const long before = snmpdissect::testing::AllocationCount();
//   DecodeMessage(bytes, &message);
//   EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);

#ifndef SNMPDISSECT_CODEC_SNMP_TESTING_ALLOCATION_COUNTER_H_
#define SNMPDISSECT_CODEC_SNMP_TESTING_ALLOCATION_COUNTER_H_

namespace snmpdissect::testing {

// Calls of operator new (every form that allocates) since the program
// started.
long AllocationCount();

}  // namespace snmpdissect::testing

#endif  // SNMPDISSECT_CODEC_SNMP_TESTING_ALLOCATION_COUNTER_H_
