// Evaluating a compiled filter allocates nothing: after one warm-up pass
// (PCRE2 sizes its match data), running filters that use every kind of
// test over every corpus frame performs zero heap allocations.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <memory>
#include <string>
#include <vector>

#include "codec/snmp/testing/allocation_counter.h"
#include "dissector/filter/filter.h"
#include "dissector/print/testing/corpus_trees.h"
#include "gtest/gtest.h"

namespace snmpdissect::filter {
namespace {

TEST(FilterAllocTest, EvaluationDoesNotAllocate) {
  std::vector<std::unique_ptr<print::testing::CorpusTrees>> captures;
  for (const std::string& path : print::testing::CorpusPcaps()) {
    captures.push_back(std::make_unique<print::testing::CorpusTrees>(path, true));
  }
  std::vector<std::unique_ptr<DisplayFilter>> filters;
  for (const char* text : {
           "snmp", "snmp.name == 1.3.6.1.2.1.1.1.0 or snmp.name != 1.3.6.1.2.1.1.3.0",
           "snmp.community matches \"^pub\" and snmp.community contains \"li\"",
           "frame.number in {1, 3..9} && !(udp.port == 161)", "snmp.community[1:2] == \"ub\"",
           "len(snmp.name) > 8 or count(snmp.name) >= 2", "ip.src == 127.0.0.0/8",
           "ipv6.src == ::1/64", "snmp.time > 0.001", "_ws.expert.severity >= warning",
           "snmp.v3.flags.auth == 1 and snmp.msgUserName ~= \"x\"", "frame.number & 3 == 1",
           "_ws.expert.message contains \"a\""}) {
    FilterError error;
    filters.push_back(DisplayFilter::Compile(text, &error));
    ASSERT_NE(filters.back(), nullptr) << text << ": " << error.message;
  }
  size_t selected = 0;
  auto pass = [&] {
    for (const auto& capture : captures) {
      for (const auto& frame : capture->frames()) {
        for (const auto& f : filters) selected += f->Matches(frame.tree);
      }
    }
  };
  pass();
  ASSERT_GT(snmpdissect::testing::AllocationCount(), 0);
  const long before = snmpdissect::testing::AllocationCount();
  pass();
  pass();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_GT(selected, 0u);
}

}  // namespace
}  // namespace snmpdissect::filter
