// The AgentX layer (RFC 2741, TCP port 705): net-snmp's master agent and
// its subagents. Each PDU the TCP reassembler cuts from the stream (with
// AgentXPduLength, the framing this layer supplies) is decoded by
// codec/agentx and shown as an "agentx" node shaped like Wireshark's
// (tshark -V): the header with its flags, then the PDU's own fields,
// Object Identifiers, SearchRanges and VarBinds. VarBind values keep the
// codec's model (snmp::ValueType); nothing is decoded twice.
//
//   AgentXScratch scratch;                       // reused: keeps capacity
//   tree.Clear();
//   NodeId n = DissectAgentXPdu(LayerInput{.bytes = pdu, .offset = 66}, &tree, &scratch);
//   tree.info();  // "Get-PDU: sid=5, tid=1, packid=2, plen=96"
//
// Hostile input: the codec reads every octet through one bounds check and
// the tree shows whatever decoded before an error, then a generated
// "[Malformed Packet: AgentX]" node whose diagnostic names the error and
// its offset (the truncated header, a lying payload_length, an OID with
// more than 128 subidentifiers, an octet string past the payload, an
// unknown v.type). Non-fatal findings (reserved octets, padding, flags) are
// experts on the field concerned. The framing refuses a version other than
// 1 and a payload_length over codec/agentx's cap at once, so a lying length
// never makes the reassembler wait for, or buffer, gigabytes.
//
// Cost: one decode pass; the tree's and the scratch's buffers keep their
// capacity, so steady state allocates nothing.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_AGENTX_H_
#define SNMPDISSECT_DISSECTOR_PROTO_AGENTX_H_

#include <string>

#include "codec/agentx/model.h"
#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"
#include "dissector/reassembly/tcp_reassembly.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

// What one dissection reuses: the decoded PDU (its vectors keep their
// capacity) and a text buffer for OID strings; the pipeline keeps one per
// FrameDissector (protocol.h ScratchSlots).
struct AgentXScratch : LayerScratch {
  agentx::Pdu pdu;
  std::string text;
};

// RFC 2741 6.1: a PDU is the 20-octet header plus h.payload_length octets,
// back to back on the stream (7.1). kNeedMore until the header is whole;
// kInvalid when it cannot start a PDU (codec/agentx/framing.h).
[[nodiscard]] reassembly::PduLength AgentXPduLength(const reassembly::PduPrefix& prefix);

// Decodes the PDU at the start of `in` (one PDU as the framing cut it; what
// follows it is not looked at), adds its "agentx" node under the tree's
// root and returns it, and sets the Info column as packet-agentx.c does
// (once the header decoded).
tree::NodeId DissectAgentXPdu(const LayerInput& in, tree::Tree* tree, AgentXScratch* scratch);

// AgentX's rows and its hand-off: TCP port 705 (RFC 2741 8.1), decode-as
// "agentx", its framing for the stream reassembler.
extern const Protocol kAgentXProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_AGENTX_H_
