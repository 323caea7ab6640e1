#include "codec/agentx/framing.h"

#include <string>

#include "codec/agentx/testing/pdu_builder.h"
#include "gtest/gtest.h"

namespace snmpdissect::agentx {
namespace {

using testing::AsBytes;
using testing::PduBuilder;

TEST(FramingTest, NeedsTheHeaderFirst) {
  EXPECT_EQ(FramePdu({}).status, FrameStatus::kNeedMore);
  EXPECT_EQ(FramePdu({}).length, kHeaderLength);
  const std::string ping = PduBuilder().Build(PduType::kPing);
  for (size_t n = 1; n < kHeaderLength; ++n) {
    const Frame f = FramePdu(AsBytes(ping.substr(0, n)));
    EXPECT_EQ(f.status, FrameStatus::kNeedMore) << n;
    EXPECT_EQ(f.length, kHeaderLength) << n;
  }
  const Frame f = FramePdu(AsBytes(ping));
  EXPECT_EQ(f.status, FrameStatus::kComplete);
  EXPECT_EQ(f.length, kHeaderLength);
}

TEST(FramingTest, ReadsPayloadLengthInTheFlagsByteOrder) {
  for (ByteOrder order : {ByteOrder::kLittleEndian, ByteOrder::kBigEndian}) {
    PduBuilder b(order);
    b.U32(1000).U16(2).U16(3);  // Response: sysUpTime, error, index
    const std::string pdu = b.Build(PduType::kResponse);
    const std::string stream = pdu + pdu.substr(0, 25);
    Frame f = FramePdu(AsBytes(stream));
    EXPECT_EQ(f.status, FrameStatus::kComplete);
    EXPECT_EQ(f.length, 28u);
    f = FramePdu(AsBytes(stream).subspan(28));
    EXPECT_EQ(f.status, FrameStatus::kNeedMore);
    EXPECT_EQ(f.length, 28u);
  }
}

TEST(FramingTest, RejectsWhatIsNotAgentx) {
  Frame f = FramePdu(AsBytes(std::string("\x02", 1)));
  EXPECT_EQ(f.status, FrameStatus::kInvalid);
  EXPECT_EQ(f.error.code, ErrorCode::kUnsupportedVersion);
  // A length above the cap is refused before any of it arrives.
  const std::string huge = PduBuilder(ByteOrder::kBigEndian)
                               .BuildRaw(18, 0, 0, 0, 0, kMaxPayloadLength + 4);
  f = FramePdu(AsBytes(huge));
  EXPECT_EQ(f.status, FrameStatus::kInvalid);
  EXPECT_EQ(f.error, (Error{ErrorCode::kPayloadTooLong, 16}));
  const std::string max = PduBuilder().BuildRaw(18, 0, 0, 0, 0, 0xffffffffu);
  EXPECT_EQ(FramePdu(AsBytes(max)).status, FrameStatus::kInvalid);
  const std::string at_cap = PduBuilder().BuildRaw(18, 0, 0, 0, 0, kMaxPayloadLength);
  f = FramePdu(AsBytes(at_cap));
  EXPECT_EQ(f.status, FrameStatus::kNeedMore);
  EXPECT_EQ(f.length, kHeaderLength + kMaxPayloadLength);
}

}  // namespace
}  // namespace snmpdissect::agentx
