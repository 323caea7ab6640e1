#include "dissector/proto/frame_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::FieldInfo kFrameFields[] = {
    // --- Capture pipeline layers (see fields.h).
    {.local = Frame::kFrame, .abbrev = "frame", .name = "Frame", .type = T::kProtocol},
    {.local = Frame::kTime, .abbrev = "frame.time", .name = "Arrival Time",
     .type = T::kAbsoluteTime},
    // Wireshark 4.0: FT_RELATIVE_TIME (seconds since the epoch).
    {.local = Frame::kTimeEpoch, .abbrev = "frame.time_epoch", .name = "Epoch Time",
     .type = T::kRelativeTime},
    {.local = Frame::kTimeDelta, .abbrev = "frame.time_delta",
     .name = "Time delta from previous captured frame", .type = T::kRelativeTime},
    {.local = Frame::kTimeRelative, .abbrev = "frame.time_relative",
     .name = "Time since reference or first frame", .type = T::kRelativeTime},
    {.local = Frame::kNumber, .abbrev = "frame.number", .name = "Frame Number", .type = T::kUint},
    {.local = Frame::kLen, .abbrev = "frame.len", .name = "Frame Length", .type = T::kUint},
    {.local = Frame::kCapLen, .abbrev = "frame.cap_len", .name = "Capture Length",
     .type = T::kUint},
    {.local = Frame::kProtocols, .abbrev = "frame.protocols", .name = "Protocols in frame",
     .type = T::kString},
};
constexpr tree::ExpertInfo kFrameExperts[] = {
    {Frame::kLenLtCaplen, "frame.len_lt_caplen", S::kError, G::kMalformed,
     "Frame length is less than captured length"},
    {Frame::kUnknownLinkType, "frame.expert.unknown_link_type", S::kWarning, G::kUndecoded,
     "no dissector for this link type", false},
};

}  // namespace

const tree::ProtocolRows Frame::kRows = {kFrameFields, kFrameExperts, &Frame::hf, &Frame::ei};

namespace {
constexpr const tree::ProtocolRows* kFrameRowSets[] = {&Frame::kRows};
}  // namespace
const Protocol kFrameProtocol = {.rows = kFrameRowSets};

}  // namespace snmpdissect::proto
