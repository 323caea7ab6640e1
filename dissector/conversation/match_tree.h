// Shows a request/response Match (request_tracker.h) in the dissection tree,
// where and as Wireshark shows it: generated fields at the end of the
// message's "snmp" node,
//
//   [Response In: 2]                        snmp.response_in   (requests, -2 only)
//   [Response To: 1]                        snmp.response_to   (responses)
//   [Time: 0.000205000 seconds]             snmp.time          (responses)
//
// and the diagnostics on the "snmp" node:
//
//   snmp.expert.retransmission   "Retransmission of the request in frame 5"
//                                "Duplicate response; the first was in frame 6"
//   snmp.expert.no_response      "No response seen to this request" (-2 only)
//   snmp.expert.response_unmatched "Response to no request seen in the capture"
//
//   const conversation::Match m = tracker.Track(...);
//   conversation::AddMatchTree(m, &tree, snmp_node);
//
// The generated nodes cover no octets: a zero-length range at the start of
// the snmp node, in its data source. Nothing is added for kNone, or under
// kNoNode.

#ifndef SNMPDISSECT_DISSECTOR_CONVERSATION_MATCH_TREE_H_
#define SNMPDISSECT_DISSECTOR_CONVERSATION_MATCH_TREE_H_

#include "dissector/conversation/request_tracker.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::conversation {

void AddMatchTree(const Match& match, tree::Tree* tree, tree::NodeId snmp);

}  // namespace snmpdissect::conversation

#endif  // SNMPDISSECT_DISSECTOR_CONVERSATION_MATCH_TREE_H_
