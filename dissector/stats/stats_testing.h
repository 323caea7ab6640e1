// Test support: a corpus capture dissected frame by frame into the -z
// statistics, as the tool feeds them.
#ifndef SNMPDISSECT_DISSECTOR_STATS_STATS_TESTING_H_
#define SNMPDISSECT_DISSECTOR_STATS_STATS_TESTING_H_

#include <string>
#include <utility>

#include "absl/functional/function_ref.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/pipeline/testing/corpus_frames.h"
#include "gtest/gtest.h"

namespace snmpdissect::stats::testing {

// Calls `each` with every frame of corpus/pcap/NAME after dissecting it
// with the sample SNMPv3 users (corpus/pcap/snmp_users), as the tool's
// tests run it.
inline void ForEachFrame(
    const std::string& name,
    absl::FunctionRef<void(const pipeline::FrameInput&, const tree::Tree&,
                           const pipeline::FrameResult&)>
        each) {
  auto frames =
      pipeline::testing::ReadFrames(snmp::testing::SourceDir() + "/corpus/pcap/" + name);
  ASSERT_TRUE(frames.ok()) << frames.status();
  auto users = usm::LoadUsersFile(snmp::testing::SourceDir() + "/corpus/pcap/snmp_users");
  ASSERT_TRUE(users.ok()) << users.status();
  usm::Processor usm(*std::move(users));
  pipeline::FrameDissector dissector;
  dissector.snmp().set_usm(&usm);
  tree::Tree tree;
  for (const pipeline::testing::StoredFrame& f : *frames) {
    const pipeline::FrameInput input = f.Input();
    const pipeline::FrameResult& result = dissector.Dissect(input, &tree);
    each(input, tree, result);
  }
}

}  // namespace snmpdissect::stats::testing

#endif  // SNMPDISSECT_DISSECTOR_STATS_STATS_TESTING_H_
