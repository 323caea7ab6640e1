// TCP (RFC 9293 section 3.1): header parsing and the "tcp" node. Parsing
// and tree building are apart because some of what the tree shows (stream
// index, relative sequence numbers) comes from per-conversation state the
// pipeline keeps (reassembly/tcp_reassembly.h) between the two.
//
//   TcpHeader h = ParseTcp(ip_payload);
//   TcpTreeExtras extras = ...from the conversation table...;
//   tree::NodeId tcp = AddTcpTree(ip_payload, h, extras, &tree);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_TCP_H_
#define SNMPDISSECT_DISSECTOR_PROTO_TCP_H_

#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

// RFC 9293 section 3.1 control bits (and RFC 3168 CWR/ECE, RFC 9768 AE).
inline constexpr uint16_t kTcpFin = 0x001;
inline constexpr uint16_t kTcpSyn = 0x002;
inline constexpr uint16_t kTcpRst = 0x004;
inline constexpr uint16_t kTcpPsh = 0x008;
inline constexpr uint16_t kTcpAck = 0x010;
inline constexpr uint16_t kTcpUrg = 0x020;

struct TcpHeader {
  // The fixed header was captured (ports, numbers, flags are valid).
  bool fixed_ok = false;
  // The whole header including options was captured and its data offset is
  // sane: the payload fields are valid.
  bool ok = false;
  uint16_t src_port = 0;
  uint16_t dst_port = 0;
  uint32_t seq = 0;
  uint32_t ack = 0;
  size_t header_length = 0;  // data offset in octets
  uint16_t flags = 0;        // the 12 bits after the data offset
  uint16_t window = 0;
  uint16_t checksum = 0;
  uint16_t urgent = 0;
  size_t payload_offset = 0;
  size_t payload_length = 0;
};

// `in` is the IP payload (cut to what was captured).
TcpHeader ParseTcp(const LayerInput& in);

// What the conversation table adds to the tree.
struct TcpTreeExtras {
  bool has_stream = false;
  uint32_t stream = 0;
  // Relative numbers (tcp.seq, tcp.ack, tcp.nxtseq), when known.
  bool relative = false;
  uint32_t relative_seq = 0;
  uint32_t relative_ack = 0;
  uint32_t next_relative_seq = 0;
};

// Adds "tcp" under the root with every header field and the options. For a
// header that is cut or has a bogus data offset, adds what was read and a
// diagnostic.
tree::NodeId AddTcpTree(const LayerInput& in, const TcpHeader& header,
                        const TcpTreeExtras& extras, tree::Tree* tree);

// TCP, with its rows and hand-off (the tcp.port table, stream
// reassembly with the framing of the protocol above).
extern const Protocol kTcpProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_TCP_H_
