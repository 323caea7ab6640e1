// The state one frame's dissection carries from layer to layer, as one
// value (Wireshark's packet_info): what the pipeline gives every layer (the
// tree, the frame's number and time, the tables, the reassemblers, options)
// and what the layers work out for the ones above them and for the caller
// (frame.protocols, addresses and ports, where the IP datagram ends, the
// last layer's node, whether something was malformed).
//
// The pipeline (dissector/pipeline) owns the persistent parts (Services),
// resets a FrameState per frame (Reset keeps the buffers' capacity: no
// allocation per frame in steady state) and calls the link type's entry
// point; each entry point hands on with HandOff.
//
//   state.AppendProtocol("udp");
//   state.last_layer = node;
//   state.HandOffPorts(Table::kUdpPort, src, dst, payload);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_FRAME_STATE_H_
#define SNMPDISSECT_DISSECTOR_PROTO_FRAME_STATE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "dissector/proto/ip.h"
#include "dissector/proto/net_layer.h"
#include "dissector/proto/protocol.h"
#include "dissector/proto/registry.h"
#include "dissector/reassembly/ip_reassembly.h"
#include "dissector/reassembly/tcp_reassembly.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

class SnmpDissector;
struct SnmpRecord;

// Where the SNMP layer reports each message it dissected (the pipeline
// classifies it for request/response matching while the decoded message is
// still current).
class SnmpSink {
 public:
  virtual ~SnmpSink() = default;
  virtual void OnSnmpMessage(const SnmpRecord& record) = 0;
};

struct LayerOptions {
  bool reassemble_ip = true;   // off: fragments are shown but not joined
  bool reassemble_tcp = true;  // off: each segment's payload is one PDU
  int max_vlan_tags = 8;
  int max_ipv6_extension_headers = 16;
};

// What persists across frames; owned by the pipeline.
struct Services {
  const Registry* registry = nullptr;
  LayerOptions options;
  reassembly::IpReassembler* ipv4 = nullptr;
  reassembly::IpReassembler* ipv6 = nullptr;
  reassembly::TcpReassembler* tcp = nullptr;
  SnmpDissector* snmp = nullptr;
  SnmpSink* snmp_sink = nullptr;
  ScratchSlots* scratch = nullptr;  // per-protocol scratch (protocol.h)
};

// Addresses and ports of the frame, for summary lines and conversations.
struct Endpoints {
  int ip_version = 0;  // 0: no IP layer reached
  std::array<uint8_t, 16> src{};  // IPv4 in the first 4 octets
  std::array<uint8_t, 16> dst{};
  int transport = 0;   // 17 UDP, 6 TCP, 0 none
  uint16_t src_port = 0;
  uint16_t dst_port = 0;
};

struct FrameState {
  // --- Given by the pipeline.
  tree::Tree* tree = nullptr;
  uint64_t number = 0;
  int64_t timestamp_ns = 0;
  const Services* services = nullptr;

  // --- Worked out by the layers.
  std::string protocols;  // frame.protocols: "eth:ethertype:ip:udp:snmp"
  Endpoints endpoints;
  bool malformed = false;           // some layer below the top one was
  tree::NodeId last_layer = tree::kNoNode;  // the deepest layer node so far
  tree::NodeId link_node = tree::kNoNode;   // the Ethernet node (its trailer)
  bool has_datagram_end = false;    // where the IP datagram ends in the
  size_t datagram_end = 0;          // frame (a link trailer after it)
  const IpHandoff* ip = nullptr;    // the IP layer under a transport layer
  size_t ip_payload_length = 0;     // what that IP header claims
  int vlan_depth = 0;               // VLAN tags passed

  // Forgets the last frame, keeping capacity.
  void Reset(tree::Tree* t, uint64_t frame_number, int64_t time_ns, const Services* s) {
    tree = t;
    number = frame_number;
    timestamp_ns = time_ns;
    services = s;
    protocols.clear();
    endpoints = Endpoints{};
    malformed = false;
    last_layer = tree::kNoNode;
    link_node = tree::kNoNode;
    has_datagram_end = false;
    datagram_end = 0;
    ip = nullptr;
    ip_payload_length = 0;
    vlan_depth = 0;
  }

  const Registry& registry() const { return *services->registry; }
  const LayerOptions& options() const { return services->options; }
  // The layer's scratch of type T (protocol.h LayerScratch), kept by the
  // pipeline from frame to frame.
  template <typename T>
  T& Scratch() const {
    return services->scratch->Get<T>();
  }

  void AppendProtocol(std::string_view name) {
    if (!protocols.empty()) protocols.push_back(':');
    protocols.append(name);
  }
  // Appends `name` unless it is already the last entry (several PDUs of one
  // protocol in a frame are listed once).
  void AppendProtocolOnce(std::string_view name) {
    const std::string_view p = protocols;
    if (p.size() >= name.size() && p.substr(p.size() - name.size()) == name &&
        (p.size() == name.size() || p[p.size() - name.size() - 1] == ':')) {
      return;
    }
    AppendProtocol(name);
  }

  // After a link layer (or VLAN tag) dissected `in` into `h`: lists it,
  // records its node, and hands its payload to the EtherType table
  // (listing "ethertype" first when `ethertype_layer`, as Wireshark does
  // after Ethernet and SLL). False when its header was malformed.
  bool LinkDone(const Handoff& h, const LayerInput& payload, std::string_view name,
                bool ethertype_layer) {
    AppendProtocol(name);
    last_layer = h.node;
    if (!h.ok) {
      malformed = true;
      return false;
    }
    if (h.next != 0) {
      if (ethertype_layer) AppendProtocol("ethertype");
      HandOff(Table::kEthertype, h.next, payload);
    }
    return true;
  }

  // Hands `in` to the dissector `table` maps `key` to; false when none.
  bool HandOff(Table table, uint32_t key, const LayerInput& in) {
    const DissectorHandle* h = registry().Find(table, key);
    if (h == nullptr) return false;
    h->dissect(in, *this);
    return true;
  }
};

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_FRAME_STATE_H_
