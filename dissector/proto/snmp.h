// The SNMP layer of the dissection tree: turns a decoded snmp::Message into
// an "snmp" subtree shaped like Wireshark's (tshark -V): version and
// community, or the SNMPv3 header, USM parameters with the engine ID taken
// apart, msgData, the ScopedPDU, the PDU and its variable bindings.
//
//   proto::SnmpDissector snmp;          // reuse it: its Message keeps capacity
//   tree.Clear();
//   // The UDP payload starts at byte 42 of the frame; SNMP is a top layer.
//   proto::SnmpDissection d = snmp.Dissect(payload, {.offset = 42}, &tree,
//                                          tree::Tree::kRoot);
//   if (d.malformed()) ...              // the tree still shows what decoded
//
// Every node's byte range is the element's TLV in the frame, or in the data
// source a lower layer reassembled (Placement offset + the codec's location). Problems the decoder noted (snmp::Diagnostic) hang
// on the innermost node containing their offset. A decode that stopped early
// gives a partial tree plus a generated "[Malformed Packet: SNMP]" node whose
// diagnostic names the error and its frame offset. Nothing here allocates in
// steady state: the tree and the message keep their capacity.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_H_

#include <cstddef>

#include "codec/ber/error.h"
#include "codec/snmp/model.h"
#include "codec/usm/processor.h"
#include "dissector/mib/table.h"
#include "dissector/proto/snmp_mib.h"
#include "dissector/proto/protocol.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

// Where a message's bytes lie: at `offset` in data source `source` (the
// frame, or bytes a lower layer reassembled, see tree::Range).
struct Placement {
  size_t offset = 0;
  tree::SourceId source = tree::kFrameSource;
};

// Adds the "snmp" node for `message` under `parent` and returns it.
// `message` came from DecodeMessage over `input_length` octets lying at
// `at`; `error` is what DecodeMessage returned. `usm` is what
// usm::Processor::Process made of it, or nullptr when no users are known.
tree::NodeId AddSnmpTree(const snmp::Message& message, ber::Error error,
                         const usm::Result* usm, size_t input_length, Placement at,
                         tree::Tree* tree, tree::NodeId parent);

struct SnmpDissection {
  tree::NodeId node = tree::kNoNode;  // the "snmp" node
  ber::Error error;                   // why the decode stopped, if it did

  bool malformed() const { return !error.ok(); }
};

class SnmpDissector {
 public:
  // Decodes `payload` (one SNMP message, RFC 3417 section 8) lying at `at`
  // and adds its tree under `parent`. The returned message() borrows
  // `payload`.
  SnmpDissection Dissect(snmp::Bytes payload, Placement at, tree::Tree* tree,
                         tree::NodeId parent);

  // Verifies and decrypts SNMPv3 messages with these users from now on;
  // nullptr (the default) leaves them as they are. Not owned: `usm` must
  // outlive the dissector's use of it.
  void set_usm(usm::Processor* usm) { usm_ = usm; }

  // Names OIDs and reads values by this MIB table from now on
  // (snmp_mib.h); nullptr (the default) leaves the tree as tshark without
  // MIBs shows it. Not owned: `mib` must outlive the dissector's use of it.
  void set_mib(const mib::Table* mib) { mib_.set_table(mib); }

  // The last message decoded; valid while its payload is (and, decrypted
  // fields, until the USM processor's next message).
  const snmp::Message& message() const { return message_; }
  // What USM made of the last message (defaults when no processor is set).
  const usm::Result& usm_result() const { return usm_result_; }

 private:
  snmp::Message message_;
  usm::Processor* usm_ = nullptr;
  usm::Result usm_result_;
  MibResolver mib_{nullptr};
};

// One SNMP message the layer dissected, as the pipeline's request matcher
// needs it (FrameState's SnmpSink). `message` is the decoded message, valid
// only during the call.
struct SnmpRecord {
  tree::NodeId node = tree::kNoNode;  // its "snmp" node
  bool malformed = false;
  bool tcp = false;
  tree::SourceId source = tree::kFrameSource;
  size_t offset = 0;
  size_t length = 0;
  const snmp::Message* message = nullptr;
};

// SNMP's rows, its hand-off (UDP and TCP ports 161 and 162: agent, RFC 3417
// section 4 / RFC 3430, and notifications; decode-as "snmp") and its
// framing over TCP (snmp_framing.h).
extern const Protocol kSnmpProtocol;

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_H_
