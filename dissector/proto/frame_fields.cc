#include "dissector/proto/frame_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::FieldInfo kFrameFields[] = {
    // --- Capture pipeline layers (see fields.h).
    {.local = Frame::kFrame, .abbrev = "frame", .name = "Frame", .type = T::kProtocol,
     .description = "One captured packet as libpcap delivered it",
     .summary = &Frame::AppendSummary},
    {.local = Frame::kTime, .abbrev = "frame.time", .name = "Arrival Time",
     .type = T::kAbsoluteTime,
     .description = "Absolute time the packet was captured (UTC)"},
    // Wireshark 4.0: FT_RELATIVE_TIME (seconds since the epoch).
    {.local = Frame::kTimeEpoch, .abbrev = "frame.time_epoch", .name = "Epoch Time",
     .type = T::kRelativeTime,
     .description = "Capture time in seconds since 1970-01-01 00:00:00 UTC"},
    {.local = Frame::kTimeDelta, .abbrev = "frame.time_delta",
     .name = "Time delta from previous captured frame", .type = T::kRelativeTime,
     .description = "Time since the previous captured frame"},
    {.local = Frame::kTimeRelative, .abbrev = "frame.time_relative",
     .name = "Time since reference or first frame", .type = T::kRelativeTime,
     .description = "Time since the first frame of the capture"},
    {.local = Frame::kNumber, .abbrev = "frame.number", .name = "Frame Number", .type = T::kUint,
     .description = "1-based position of the frame in the capture file"},
    {.local = Frame::kLen, .abbrev = "frame.len", .name = "Frame Length", .type = T::kUint,
     .display = Display::kOctetCount,
     .description = "Length of the packet on the wire, in octets"},
    {.local = Frame::kCapLen, .abbrev = "frame.cap_len", .name = "Capture Length",
     .type = T::kUint, .display = Display::kOctetCount,
     .description = "Octets captured (less than frame.len when the snapshot length cut it)"},
    {.local = Frame::kProtocols, .abbrev = "frame.protocols", .name = "Protocols in frame",
     .type = T::kString,
     .description = "The layers dissected in this frame, outermost first, joined by ':'"},
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
