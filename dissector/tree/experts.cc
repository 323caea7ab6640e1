#include "dissector/tree/experts.h"

namespace snmpdissect::tree {

absl::Span<const ExpertInfo> AllExperts() {
  return absl::MakeConstSpan(internal::expert_rows, internal::expert_count);
}
namespace {
using G = ExpertGroup;
}  // namespace

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kComment: return "Comment";
    case Severity::kChat: return "Chat";
    case Severity::kNote: return "Note";
    case Severity::kWarning: return "Warning";
    case Severity::kError: return "Error";
  }
  return "Unknown";
}

const char* GroupName(ExpertGroup group) {
  switch (group) {
    case G::kChecksum: return "Checksum";
    case G::kSequence: return "Sequence";
    case G::kResponse: return "Response";
    case G::kRequest: return "Request";
    case G::kUndecoded: return "Undecoded";
    case G::kReassemble: return "Reassemble";
    case G::kMalformed: return "Malformed";
    case G::kDebug: return "Debug";
    case G::kProtocol: return "Protocol";
    case G::kSecurity: return "Security";
    case G::kComment: return "Comment";
    case G::kDecryption: return "Decryption";
    case G::kAssumption: return "Assumption";
    case G::kDeprecated: return "Deprecated";
  }
  return "Unknown";
}

}  // namespace snmpdissect::tree
