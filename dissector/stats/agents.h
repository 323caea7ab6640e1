// -z snmp,agents[,FILTER]: one record per manager/agent pair (ours; tshark
// has nothing like it, Zeek's snmp.log comes closest), printed after the
// frames as a '='-framed block like tshark's -z tables, or as JSON.
//
//   SnmpAgents agents(filter_or_null, "FILTER text");
//   for each frame: agents.AddFrame(input, tree, result);
//   agents.AppendText(&out);   // or AppendJson
//
// Per pair: SNMP versions, communities or USM user names, security levels,
// PDUs by type (and PDUs that could not be read: encrypted without the
// user's keys, or malformed), error-status counts, requests left
// unanswered and responses answering nothing, Reports by the counter their
// varbind names (codec/snmp/report.h: usmStatsUnknownEngineIDs, ...), the
// first and last time, and the sysDescr.0 / sysName.0 values responses
// carried (RFC 3418).
//
// Who is who, from the PDU (RFC 3411 section 2.2, RFC 3416 section 4.2):
// the sender of a Get, GetNext, GetBulk or Set is the manager and the
// receiver's port is the agent's; the sender of a Trap, SNMPv2-Trap or
// Inform is the agent and the receiver's port is the manager's (162). A
// Response or Report counts under the record of the request the matcher
// paired it with (remembered by frame number, for requests in the last
// kRememberedRequests frames; of two requests in one TCP frame, the later
// one's pair is kept), so an inform's answer counts under the inform's pair; an
// answer to no remembered request goes to the record its reverse
// direction belongs to, else starts one as if sent by an agent. (A
// message that did not decode far enough to have a role joins a pair
// either direction has, else takes the lower port for the listener's.) The key
// is the manager's address, the agent's address and the listening side's
// port: a host's command responder (161) and its notification receiver
// (162) are two records, even on loopback; an SNMPv3 engine discovery
// sent to a notification receiver before an inform (RFC 3414 section 4:
// the receiver is authoritative) is a command to port 162, a record of
// its own. An SNMPv3 message whose PDU could not be read takes its role
// from msgFlags' reportable bit, as the request matcher does.
//
// "Unanswered" is requests the matcher saw for the first time minus those
// a Response or Report answered (dissector/conversation: request-id, msgID
// for SNMPv3); requests the matcher forgot (its 60 s / 65,536 caps) count
// as unanswered and their late answers as unmatched.
//
// The filter (may be null: every frame) is tested once per frame; a frame
// that fails it counts nowhere. Memory and hostile input: agent_table.h
// (at most kMaxAgentPairs records, evicting the least recently seen, and
// the count of evictions printed); AddFrame allocates nothing (the records,
// their index and the request ring are allocated when this is built).

#ifndef SNMPDISSECT_DISSECTOR_STATS_AGENTS_H_
#define SNMPDISSECT_DISSECTOR_STATS_AGENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dissector/filter/filter.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/stats/agent_table.h"
#include "dissector/stats/srt.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::stats {

class SnmpAgents {
 public:
  // `filter` is not owned and must outlive this; `filter_text` is what the
  // table's "Filter:" line shows (empty: every frame).
  SnmpAgents(const filter::DisplayFilter* filter, std::string_view filter_text,
             size_t max_pairs = kMaxAgentPairs);

  void AddFrame(const pipeline::FrameInput& input, const tree::Tree& tree,
                const pipeline::FrameResult& result);
  void AppendText(std::string* out) const;
  // {"statistic":"snmp,agents","filter":"","max_pairs":4096,
  //  "evicted_pairs":0,"evicted_messages":0,"pairs":[{"manager":"10.0.0.1",
  //  "agent":"10.0.0.2","port":161,"listener":"agent","first":1.5,
  //  "last":2.25,"messages":4,"versions":["v2c"],"communities":[{"text":
  //  "public","truncated":false}],"communities_messages_not_kept":0,"users":[],
  //  "users_messages_not_kept":0,"security_levels":[],"pdus":{"get-request":2,...},
  //  "unreadable_pdus":0,"error_status":{"noSuchName":1},"requests":2,
  //  "unanswered":0,"unmatched_responses":0,"reports":{},"sys_descr":[...],
  //  "sys_name":[...]}]}: times in seconds since the epoch (to the
  //  nanosecond), names as the text table spells them.
  void AppendJson(std::string* out) const;

  const AgentTable& table() const { return table_; }

 private:
  // What one SNMP message says, read from its subtree.
  struct Message;
  void ReadMessage(const tree::Tree& tree, tree::NodeId snmp, Message* m) const;
  AgentPair& PairOf(const pipeline::FrameInput& input, const pipeline::FrameResult& result,
                    const pipeline::SnmpMessage& sm, const Message& m);
  // Notes `pair` as the pair of a request frame, for its answer.
  AgentPair& Remember(const pipeline::FrameInput& input, const pipeline::SnmpMessage& sm,
                      AgentPair& pair);
  void ReadVarBinds(const tree::Tree& tree, tree::NodeId list, int pdu, AgentPair* pair);

  const filter::DisplayFilter* filter_;
  std::string filter_text_;
  AgentTable table_;
  // The pair of the requests among the last kRememberedRequests frames, a
  // ring indexed by frame number (one slot a frame), allocated once.
  struct Remembered {
    uint64_t frame = 0;  // 0: empty
    AgentTable::Handle pair;
  };
  std::vector<Remembered> requests_;
  std::string oid_scratch_;  // a Report varbind's OID content (capacity kept)
};

}  // namespace snmpdissect::stats

#endif  // SNMPDISSECT_DISSECTOR_STATS_AGENTS_H_
