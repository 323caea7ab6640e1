#include "dissector/wireshark/engine.h"

#include <new>
#include <utility>
#include <vector>

#include "dissector/conversation/match_tree.h"
#include "dissector/mib/core_table.h"

namespace snmpdissect::wireshark {

Engine& Engine::Get() {
  static Engine* const engine = new Engine();
  return *engine;
}

Engine::Engine() { snmp_.set_mib(&mib::CoreTable()); }

void Engine::SetUsers(std::vector<usm::UserConfig> users) {
  snmp_.set_usm(nullptr);
  usm_.reset();
  if (users.empty()) return;
  usm_ = std::make_unique<usm::Processor>(std::move(users));
  snmp_.set_usm(usm_.get());
}

void Engine::Reset() {
  tracker_.Reset();
  records_.clear();
  answers_.clear();
}

const tree::Tree* Engine::Dissect(absl::Span<const uint8_t> bytes, const MessageContext& context) {
  // Nothing below throws but std::bad_alloc; it must not unwind into epan.
  try {
    tree_.Clear();
    const proto::SnmpDissection d =
        snmp_.Dissect(bytes, proto::Placement{}, &tree_, tree::Tree::kRoot);
    conversation::AddMatchTree(Match(context), &tree_, d.node);
    return &tree_;
  } catch (...) {
    return nullptr;
  }
}

conversation::Match Engine::Match(const MessageContext& context) {
  // Records are keyed by frame and an 8-bit index (as the tool's answer
  // table): a frame's 257th message and later are not matched.
  if (context.index >= 256) return {};
  const uint64_t key = Pack(context.frame, context.index);
  if (context.visited) {
    const auto it = records_.find(key);
    if (it == records_.end()) return {};
    conversation::Match m = it->second.match;
    if (m.kind == conversation::MatchKind::kRequest ||
        m.kind == conversation::MatchKind::kRetransmission) {
      const auto answer = answers_.find(it->second.exchange);
      m.response_frame = answer == answers_.end() ? 0 : answer->second;
      m.unanswered = m.response_frame == 0;
    }
    return m;
  }
  Record record;
  record.role = conversation::ClassifyMessage(snmp_.message());
  record.match = tracker_.Track(context.flow, record.role,
                                {.frame = context.frame, .index = context.index}, context.time_ns);
  record.exchange = key;
  switch (record.match.kind) {
    case conversation::MatchKind::kRetransmission:
      if (const Record* original = FindRequest(record.match.request_frame, record.role)) {
        record.exchange = original->exchange;
      }
      break;
    case conversation::MatchKind::kResponse:
      if (const Record* request = FindRequest(record.match.request_frame, record.role)) {
        answers_.emplace(request->exchange, context.frame);
      }
      break;
    default:
      break;
  }
  records_.insert_or_assign(key, record);
  return record.match;
}

const Engine::Record* Engine::FindRequest(uint64_t frame, const conversation::MessageRole& role) const {
  // The tracker names the request's frame, not its index among the
  // frame's messages: the one with the same identifier is it.
  for (uint32_t index = 0; index < 256; ++index) {
    const auto it = records_.find(Pack(frame, index));
    if (it == records_.end()) return nullptr;
    const conversation::MessageRole& r = it->second.role;
    if (r.kind == conversation::RoleKind::kRequest && r.space == role.space && r.id == role.id) {
      return &it->second;
    }
  }
  return nullptr;
}

}  // namespace snmpdissect::wireshark
