// The frame layer: what the capture record says about a packet (Wireshark's
// "frame" protocol): number, arrival time, lengths, and the list of
// protocols found in it.
//
//   tree::NodeId frame = AddFrame({.number = 1, .timestamp_ns = t,
//                                  .captured_length = 127,
//                                  .original_length = 127}, &tree);
//   ... dissect the layers ...
//   AddFrameProtocols("eth:ethertype:ip:udp:snmp", &tree, frame);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_FRAME_H_
#define SNMPDISSECT_DISSECTOR_PROTO_FRAME_H_

#include <cstdint>
#include <string_view>

#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

struct FrameInfo {
  uint64_t number = 0;
  int64_t timestamp_ns = 0;  // since the Unix epoch
  // For frame.time_relative and frame.time_delta: the first frame's and the
  // previous frame's timestamps (this frame's own for the first frame).
  int64_t first_timestamp_ns = 0;
  int64_t previous_timestamp_ns = 0;
  uint32_t captured_length = 0;
  uint32_t original_length = 0;
};

// Adds the "frame" node (covering the captured octets) under the root with
// frame.time, frame.time_epoch, frame.time_delta, frame.time_relative,
// frame.number, frame.len and frame.cap_len (tshark's order), and flags a
// wire length below the captured length (frame.len_lt_caplen).
tree::NodeId AddFrame(const FrameInfo& info, tree::Tree* tree);

// frame.protocols, generated, as the frame node's last child.
void AddFrameProtocols(std::string_view protocols, tree::Tree* tree, tree::NodeId frame);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_FRAME_H_
