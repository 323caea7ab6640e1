// Steady-state decoding allocates nothing: once a reused Pdu has seen the
// largest PDU, decoding any PDU no larger performs zero heap allocations
// (model.h, "Ownership").

#include <string>
#include <vector>

#include "codec/agentx/decode.h"
#include "codec/agentx/framing.h"
#include "codec/agentx/testing/pdu_builder.h"
#include "codec/snmp/testing/allocation_counter.h"
#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

using testing::AsBytes;
using testing::PduBuilder;

TEST(DecodeAllocTest, SteadyStateDecodingDoesNotAllocate) {
  std::vector<std::string> pdus;
  PduBuilder response(ByteOrder::kBigEndian);
  response.U32(1).U16(0).U16(0);
  for (int i = 0; i < 40; ++i) {
    response.VarBindHead(VarBindType::kOctetString, {1, 3, 6, 1, 2, 1, 1, 1, 0})
        .OctetString("Linux host 6.1.0");
    response.VarBindHead(VarBindType::kCounter64, {1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6, 1})
        .U64(i);
  }
  pdus.push_back(response.Build(PduType::kResponse));
  PduBuilder getnext;
  for (int i = 0; i < 40; ++i) getnext.Oid({1, 3, 6, 1, 2, 1, 1}, 1).Oid({1, 3, 6, 1, 2, 1, 2});
  pdus.push_back(getnext.Build(PduType::kGetNext));
  PduBuilder noisy;  // with diagnostics
  for (int i = 0; i < 40; ++i) noisy.Oid({1, 3, 6, 1}, 2).Oid({}, 0, true, 1);
  pdus.push_back(noisy.Build(PduType::kGetNext, 1, 2, 3, 0xe0));
  std::string stream;
  for (const std::string& p : pdus) stream += p;

  Pdu pdu;
  auto decode_stream = [&] {
    Bytes rest = AsBytes(stream);
    size_t offset = 0;
    while (!rest.empty()) {
      const Frame f = FramePdu(rest);
      ASSERT_EQ(f.status, FrameStatus::kComplete);
      ASSERT_TRUE(DecodePdu(rest.subspan(0, f.length), offset, &pdu).ok());
      rest.remove_prefix(f.length);
      offset += f.length;
    }
  };
  decode_stream();  // warm-up: the vectors grow
  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 100; ++round) decode_stream();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
}

}  // namespace
}  // namespace snmpdissect::agentx
