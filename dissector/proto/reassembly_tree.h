// The reassemblers' results as tree nodes, kept apart from the reassembly
// itself (dissector/reassembly knows no tree) and from the layers' header
// code, as conversation/match_tree.cc is for request matching: the
// fragment and segment subtrees Wireshark shows ("[2 IPv4 Fragments (120
// bytes): #1(80), #2(40)]", "[3 Reassembled TCP Segments ...]") and each
// reassembler event as a diagnostic on the layer's node.
//
//   const reassembly::FragmentResult& r = ipv4.Add(key, fragment);
//   AddFragmentDiagnostics(r, /*v6=*/false, ipv4.limits(), tree, ip_node);
//   if (r.status == kComplete) {
//     tree::NodeId data = AddReassembledDatagram(r, false, payload, tree, ip_node);
//     // `data` is the tree::SourceId of everything dissected from r.data
//   }

#ifndef SNMPDISSECT_DISSECTOR_PROTO_REASSEMBLY_TREE_H_
#define SNMPDISSECT_DISSECTOR_PROTO_REASSEMBLY_TREE_H_

#include "dissector/proto/net_layer.h"
#include "dissector/reassembly/ip_reassembly.h"
#include "dissector/reassembly/tcp_reassembly.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto {

// IP fragment reassembly: events as diagnostics on the IP node of the frame
// that brought the fragment.
void AddFragmentDiagnostics(const reassembly::FragmentResult& r, bool v6,
                            const reassembly::IpLimits& limits, tree::Tree* tree,
                            tree::NodeId ip);

// A completed datagram: the generated fragments subtree under `ip` and the
// reassembled data node (covering this frame's `payload`), whose id is the
// data source of what is dissected from it; kNoNode when the tree is full.
tree::NodeId AddReassembledDatagram(const reassembly::FragmentResult& r, bool v6,
                                    const LayerInput& payload, tree::Tree* tree,
                                    tree::NodeId ip);

// TCP stream reassembly: events as diagnostics on the TCP node.
void AddTcpDiagnostics(const reassembly::TcpResult& r, const reassembly::TcpLimits& limits,
                       tree::Tree* tree, tree::NodeId tcp);

// A PDU reassembled from several segments: the generated segments subtree
// under `tcp` and the data node (covering this segment's part of
// `payload`); kNoNode when the tree is full.
tree::NodeId AddReassembledSegments(const reassembly::TcpMessage& m, const LayerInput& payload,
                                    tree::Tree* tree, tree::NodeId tcp);

// Octets of this segment held for a PDU not yet complete ("[TCP segment of
// a reassembled PDU]").
void AddHeldSegmentData(const reassembly::TcpResult& r, const LayerInput& payload,
                        tree::Tree* tree, tree::NodeId tcp);

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_REASSEMBLY_TREE_H_
