#include "dissector/proto/frame.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/info_text.h"
#include "dissector/time_arithmetic.h"
#include "dissector/value/value_format.h"

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
  const int64_t relative = time::SaturatingSub(info.timestamp_ns, info.first_timestamp_ns);
  const tree::NodeId relative_node =
      tree->AddRelativeTime(frame, Frame::hf[Frame::kTimeRelative], none, relative);
  tree->SetGenerated(relative_node);
  const tree::NodeId number = tree->AddUint(frame, Frame::hf[Frame::kNumber], none, info.number);
  const tree::NodeId len = tree->AddUint(frame, Frame::hf[Frame::kLen], none, info.original_length);
  // The No., Time and Length columns (tree.h Columns), from the record.
  tree::Columns& columns = tree->mutable_columns();
  columns.has_number = number != tree::kNoNode;
  columns.number = columns.has_number ? info.number : 0;
  columns.relative_time_ns = relative_node != tree::kNoNode ? relative : 0;
  columns.length = len != tree::kNoNode ? info.original_length : 0;
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

// packet-frame.c: "Frame %u: %u bytes on wire (%u bits), %u bytes captured
// (%u bits)".
bool Frame::AppendSummary(const tree::Tree& tree, uint32_t frame, std::string* out) {
  out->append("Frame ");
  value::AppendDecimal(info::UintOf(tree, frame, hf[kNumber]), out);
  out->append(": ");
  info::AppendBytesAndBits(info::UintOf(tree, frame, hf[kLen]), " on wire", out);
  out->append(", ");
  info::AppendBytesAndBits(info::UintOf(tree, frame, hf[kCapLen]), " captured", out);
  return true;
}

}  // namespace snmpdissect::proto
