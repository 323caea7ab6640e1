#include "dissector/stats/agents.h"

#include <iterator>

#include "codec/ber/oid.h"
#include "codec/snmp/report.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_mib.h"

namespace snmpdissect::stats {
namespace {

using proto::Snmp;
using tree::NodeId;
using tree::kNoNode;

// PDU tags (RFC 3416 section 3, RFC 1157 section 4.1.6 for Trap).
constexpr int kGetResponse = 2;
constexpr int kTrap = 4;
constexpr int kInform = 6;
constexpr int kV2Trap = 7;
constexpr int kReport = 8;

// RFC 3418's system group: sysDescr.0 and sysName.0, as the tree spells
// varbind names (dotted).
constexpr std::string_view kSysDescr = "1.3.6.1.2.1.1.1.0";
constexpr std::string_view kSysName = "1.3.6.1.2.1.1.5.0";

bool Is(const tree::Tree& tree, NodeId id, Snmp::Field field) {
  return tree.node(id).field == Snmp::hf[field];
}

}  // namespace

struct SnmpAgents::Message {
  int64_t version = -1;
  bool has_community = false;
  std::string_view community;
  bool has_user = false;
  std::string_view user;
  bool has_auth_flag = false;
  bool auth = false;
  bool priv = false;
  int pdu = -1;  // the tag, -1: not readable
  bool has_error_status = false;
  int64_t error_status = 0;
  NodeId varbinds = kNoNode;
};

SnmpAgents::SnmpAgents(const filter::DisplayFilter* filter, std::string_view filter_text,
                       size_t max_pairs)
    : filter_(filter), filter_text_(filter_text), table_(max_pairs),
      requests_(kRememberedRequests) {}

void SnmpAgents::ReadMessage(const tree::Tree& tree, NodeId snmp, Message* m) const {
  // One pre-order walk of the message's subtree, not descending into the
  // varbind list (read later, only for Responses and Reports): the fields
  // wanted each occur once per message.
  NodeId id = tree.node(snmp).first_child;
  while (id != kNoNode) {
    const tree::Node& n = tree.node(id);
    bool descend = true;
    if (n.field == Snmp::hf[Snmp::kVersion] || n.field == Snmp::hf[Snmp::kMsgVersion]) {
      if (n.type == tree::FieldType::kInt) m->version = tree.IntValue(id);
    } else if (n.field == Snmp::hf[Snmp::kCommunity]) {
      m->has_community = true;
      m->community = tree.TextValue(id);
    } else if (n.field == Snmp::hf[Snmp::kMsgUserName]) {
      m->has_user = true;
      m->user = tree.TextValue(id);
    } else if (n.field == Snmp::hf[Snmp::kV3FlagsAuth]) {
      m->has_auth_flag = true;
      m->auth = tree.BoolValue(id);
    } else if (n.field == Snmp::hf[Snmp::kV3FlagsCrypt]) {
      m->priv = tree.BoolValue(id);
    } else if (n.field == Snmp::hf[Snmp::kData]) {
      if (m->pdu < 0 && n.type == tree::FieldType::kUint && n.scalar < kPduTypes) {
        m->pdu = static_cast<int>(n.scalar);
      }
    } else if (n.field == Snmp::hf[Snmp::kErrorStatus]) {
      if (n.type == tree::FieldType::kInt && !m->has_error_status) {
        m->has_error_status = true;
        m->error_status = tree.IntValue(id);
      }
    } else if (n.field == Snmp::hf[Snmp::kVariableBindings]) {
      if (m->varbinds == kNoNode) m->varbinds = id;
      descend = false;
    }
    if (descend && n.first_child != kNoNode) {
      id = n.first_child;
      continue;
    }
    // Up until a next sibling, never above the message's node.
    while (id != kNoNode && id != snmp && tree.node(id).next_sibling == kNoNode) {
      id = tree.node(id).parent;
    }
    if (id == kNoNode || id == snmp) break;
    id = tree.node(id).next_sibling;
  }
}

AgentPair& SnmpAgents::PairOf(const pipeline::FrameInput& input,
                              const pipeline::FrameResult& result,
                              const pipeline::SnmpMessage& sm, const Message& m) {
  const pipeline::Endpoints& e = result.endpoints;
  PairKey command;  // the sender a manager, the receiver an agent listening
  command.ip_version = static_cast<uint8_t>(e.ip_version);
  command.port = e.dst_port;
  command.manager = e.src;
  command.agent = e.dst;
  if (m.pdu == kTrap || m.pdu == kInform || m.pdu == kV2Trap) {
    // A notification: the sender an agent, the receiver a manager listening.
    PairKey notification = command;
    notification.listener_is_manager = true;
    notification.manager = e.dst;
    notification.agent = e.src;
    return Remember(input, sm, table_.Touch(notification, input.timestamp_ns, input.number));
  }
  const bool unknown = m.pdu < 0 && sm.role.kind == conversation::RoleKind::kNone;
  if (m.pdu >= 0 ? m.pdu != kGetResponse && m.pdu != kReport
                 : sm.role.kind == conversation::RoleKind::kRequest) {
    return Remember(input, sm, table_.Touch(command, input.timestamp_ns, input.number));
  }
  // An answer: the pair of the request it answers, when remembered.
  const conversation::MatchKind kind = sm.match.kind;
  if ((kind == conversation::MatchKind::kResponse ||
       kind == conversation::MatchKind::kDuplicateResponse) &&
      sm.match.request_frame != 0) {
    const Remembered& r = requests_[sm.match.request_frame % kRememberedRequests];
    if (r.frame == sm.match.request_frame) {
      if (AgentPair* pair = table_.Touch(r.pair, input.timestamp_ns)) return *pair;
    }
  }
  // Else it comes from the listener: an agent answering a command, or a
  // manager answering an inform. A message that did not decode far enough
  // to tell (no PDU, no role) joins a pair either direction already has,
  // else the side with the lower port is taken for the listener (161 and
  // 162 against a manager's ephemeral port).
  if (unknown && table_.Find(command) != nullptr) {
    return table_.Touch(command, input.timestamp_ns, input.number);
  }
  PairKey answer = command;
  answer.port = e.src_port;
  answer.manager = e.dst;
  answer.agent = e.src;
  if (table_.Find(answer) == nullptr) {
    PairKey inform = answer;
    inform.listener_is_manager = true;
    inform.manager = e.src;
    inform.agent = e.dst;
    if (table_.Find(inform) != nullptr) {
      answer = inform;
    } else if (unknown && e.dst_port <= e.src_port) {
      answer = command;
    }
  }
  return table_.Touch(answer, input.timestamp_ns, input.number);
}

AgentPair& SnmpAgents::Remember(const pipeline::FrameInput& input,
                                const pipeline::SnmpMessage& sm, AgentPair& pair) {
  if (sm.match.kind == conversation::MatchKind::kRequest ||
      sm.match.kind == conversation::MatchKind::kRetransmission) {
    requests_[input.number % kRememberedRequests] = {input.number, table_.HandleOf(pair)};
  }
  return pair;
}

void SnmpAgents::ReadVarBinds(const tree::Tree& tree, NodeId list, int pdu, AgentPair* pair) {
  bool counted_report = false;
  for (NodeId vb = tree.node(list).first_child; vb != kNoNode; vb = tree.node(vb).next_sibling) {
    if (!Is(tree, vb, Snmp::kVarBind)) continue;
    NodeId name = kNoNode, octets = kNoNode;
    for (NodeId c = tree.node(vb).first_child; c != kNoNode; c = tree.node(c).next_sibling) {
      if (Is(tree, c, Snmp::kName) && tree.node(c).type == tree::FieldType::kOid) name = c;
      if (Is(tree, c, Snmp::kValueOctets)) octets = c;
    }
    if (name == kNoNode) continue;
    const std::string_view dotted = tree.TextValue(name);
    if (pdu == kGetResponse && octets != kNoNode) {
      if (dotted == kSysDescr) pair->sys_descr.Add(tree.TextValue(octets));
      if (dotted == kSysName) pair->sys_name.Add(tree.TextValue(octets));
    }
    if (pdu == kReport && !counted_report) {
      // The codec's counter table is keyed by encoded OIDs: the dotted
      // text back to arcs, then to content octets (RFC 3412 section 7.1
      // step 3: the Report's varbind is the counter incremented).
      uint32_t arcs[ber::kMaxOidArcs];
      size_t count = 0;
      if (!proto::ParseDottedOid(dotted, arcs, std::size(arcs), &count)) continue;
      oid_scratch_.clear();
      if (!ber::AppendOidContent(absl::MakeConstSpan(arcs, count), &oid_scratch_)) continue;
      ber::OidView view;
      const ber::Bytes content(reinterpret_cast<const uint8_t*>(oid_scratch_.data()),
                               oid_scratch_.size());
      if (!ber::ValidateOid(content, 0, &view).ok()) continue;
      if (const snmp::ReportCounter* counter = snmp::FindReportCounter(view)) {
        pair->CountReport(counter->name);
        counted_report = true;
      }
    }
  }
  if (pdu == kReport && !counted_report) pair->CountReport(nullptr);
}

void SnmpAgents::AddFrame(const pipeline::FrameInput& input, const tree::Tree& tree,
                          const pipeline::FrameResult& result) {
  if (result.messages.empty() || result.endpoints.ip_version == 0) return;
  if (filter_ != nullptr && !filter_->Matches(tree)) return;
  for (const pipeline::SnmpMessage& sm : result.messages) {
    if (sm.node == kNoNode) continue;
    Message m;
    ReadMessage(tree, sm.node, &m);
    AgentPair& pair = PairOf(input, result, sm, m);
    ++pair.messages;
    if (m.version >= 0 && m.version < 8) {
      pair.versions |= static_cast<uint8_t>(1u << m.version);
    } else if (m.version >= 8) {
      pair.other_version = true;
    }
    if (m.has_community) pair.communities.Add(m.community);
    if (m.has_user) pair.users.Add(m.user);
    if (m.has_auth_flag) {
      pair.security_levels |= static_cast<uint8_t>(1u << ((m.auth ? 1 : 0) | (m.priv ? 2 : 0)));
    }
    if (m.pdu >= 0) {
      ++pair.pdus[static_cast<size_t>(m.pdu)];
    } else {
      ++pair.unreadable_pdus;
    }
    if (m.has_error_status) {
      const size_t slot = m.error_status >= 0 && m.error_status < int64_t{kErrorStatusSlots} - 1
                              ? static_cast<size_t>(m.error_status)
                              : kErrorStatusSlots - 1;
      ++pair.error_status[slot];
    }
    switch (sm.match.kind) {
      case conversation::MatchKind::kRequest: ++pair.requests; break;
      case conversation::MatchKind::kResponse: ++pair.answered; break;
      case conversation::MatchKind::kUnmatchedResponse: ++pair.unmatched_responses; break;
      default: break;
    }
    if (m.varbinds != kNoNode && (m.pdu == kGetResponse || m.pdu == kReport)) {
      ReadVarBinds(tree, m.varbinds, m.pdu, &pair);
    }
  }
}

}  // namespace snmpdissect::stats
