#include "dissector/proto/frame.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/time_arithmetic.h"

namespace snmpdissect::proto {

using tree::FieldId;

tree::NodeId AddFrame(const FrameInfo& info, tree::Tree* tree) {
  const tree::NodeId frame =
      tree->AddProtocol(tree::Tree::kRoot, Frame::hf[Frame::kFrame], {0, info.captured_length});
  // Wireshark's frame fields cover no octets: they come from the capture
  // record, not the packet.
  const tree::Range none{0, 0};
  tree->AddTimeNs(frame, Frame::hf[Frame::kTime], none, info.timestamp_ns);
  tree->AddRelativeTime(frame, Frame::hf[Frame::kTimeEpoch], none, info.timestamp_ns);
  tree->SetGenerated(tree->AddRelativeTime(
      frame, Frame::hf[Frame::kTimeDelta], none,
      time::SaturatingSub(info.timestamp_ns, info.previous_timestamp_ns)));
  tree->SetGenerated(tree->AddRelativeTime(
      frame, Frame::hf[Frame::kTimeRelative], none,
      time::SaturatingSub(info.timestamp_ns, info.first_timestamp_ns)));
  tree->AddUint(frame, Frame::hf[Frame::kNumber], none, info.number);
  const tree::NodeId len = tree->AddUint(frame, Frame::hf[Frame::kLen], none, info.original_length);
  tree->AddUint(frame, Frame::hf[Frame::kCapLen], none, info.captured_length);
  if (info.original_length < info.captured_length) {
    // A capture record cannot hold more than was on the wire (pcap(5)).
    tree->AddDiagnostic(len, Frame::ei[Frame::kLenLtCaplen], tree::Severity::kError,
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
      tree->AddString(frame, Frame::hf[Frame::kProtocols], {0, 0}, protocols));
}

}  // namespace snmpdissect::proto
