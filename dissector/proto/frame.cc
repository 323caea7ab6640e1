#include "dissector/proto/frame.h"

#include "absl/strings/str_format.h"
#include "dissector/time_arithmetic.h"

namespace snmpdissect::proto {

using tree::FieldId;

tree::NodeId AddFrame(const FrameInfo& info, tree::Tree* tree) {
  const tree::NodeId frame =
      tree->AddProtocol(tree::Tree::kRoot, FieldId::kFrame, {0, info.captured_length});
  // Wireshark's frame fields cover no octets: they come from the capture
  // record, not the packet.
  const tree::Range none{0, 0};
  tree->AddTimeNs(frame, FieldId::kFrameTime, none, info.timestamp_ns);
  tree->AddRelativeTime(frame, FieldId::kFrameTimeEpoch, none, info.timestamp_ns);
  tree->SetGenerated(tree->AddRelativeTime(
      frame, FieldId::kFrameTimeDelta, none,
      time::SaturatingSub(info.timestamp_ns, info.previous_timestamp_ns)));
  tree->SetGenerated(tree->AddRelativeTime(
      frame, FieldId::kFrameTimeRelative, none,
      time::SaturatingSub(info.timestamp_ns, info.first_timestamp_ns)));
  tree->AddUint(frame, FieldId::kFrameNumber, none, info.number);
  const tree::NodeId len = tree->AddUint(frame, FieldId::kFrameLen, none, info.original_length);
  tree->AddUint(frame, FieldId::kFrameCapLen, none, info.captured_length);
  if (info.original_length < info.captured_length) {
    // A capture record cannot hold more than was on the wire (pcap(5)).
    tree->AddDiagnostic(len, tree::ExpertId::kFrameLenLtCaplen, tree::Severity::kError,
                        [&](std::string* out) {
                          absl::StrAppendFormat(
                              out, "Frame length (%d) is less than captured length (%d)",
                              info.original_length, info.captured_length);
                        });
  }
  return frame;
}

void AddFrameProtocols(std::string_view protocols, tree::Tree* tree, tree::NodeId frame) {
  tree->SetGenerated(
      tree->AddString(frame, FieldId::kFrameProtocols, {0, 0}, protocols));
}

}  // namespace snmpdissect::proto
