#include "dissector/conversation/match_tree.h"

#include <string>

#include "absl/strings/str_format.h"
#include "dissector/proto/snmp_fields.h"

namespace snmpdissect::conversation {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;

void AddMatchTree(const Match& match, tree::Tree* tree, NodeId snmp) {
  if (match.kind == MatchKind::kNone || snmp == tree::kNoNode) return;
  const tree::Range at = tree->node(snmp).range;
  const tree::Range none{.offset = at.offset, .length = 0, .source = at.source};
  switch (match.kind) {
    case MatchKind::kNone:
      return;
    case MatchKind::kRequest:
    case MatchKind::kRetransmission:
      if (match.response_frame != 0) {
        tree->SetGenerated(
            tree->AddUint(snmp, proto::Snmp::hf[proto::Snmp::kResponseIn], none, match.response_frame));
      }
      if (match.kind == MatchKind::kRetransmission) {
        tree->AddDiagnostic(snmp, proto::Snmp::ei[proto::Snmp::kRetransmission], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Retransmission of the request in frame %d",
                                  match.request_frame);
                            });
      }
      if (match.unanswered) {
        // The expert's summary is the text.
        tree->AddDiagnostic(snmp, proto::Snmp::ei[proto::Snmp::kNoResponse]);
      }
      return;
    case MatchKind::kResponse:
    case MatchKind::kDuplicateResponse:
      tree->SetGenerated(
          tree->AddUint(snmp, proto::Snmp::hf[proto::Snmp::kResponseTo], none, match.request_frame));
      tree->SetGenerated(
          tree->AddRelativeTime(snmp, proto::Snmp::hf[proto::Snmp::kTime], none, match.elapsed_ns));
      if (match.kind == MatchKind::kDuplicateResponse) {
        tree->AddDiagnostic(snmp, proto::Snmp::ei[proto::Snmp::kRetransmission], Severity::kNote,
                            [&](std::string* o) {
                              absl::StrAppendFormat(
                                  o, "Duplicate response; the first was in frame %d",
                                  match.first_response_frame);
                            });
      }
      return;
    case MatchKind::kUnmatchedResponse:
      tree->AddDiagnostic(snmp, proto::Snmp::ei[proto::Snmp::kResponseUnmatched]);
      return;
  }
}

}  // namespace snmpdissect::conversation
