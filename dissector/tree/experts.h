// The expert table: every kind of diagnostic a dissection tree can carry
// (Wireshark's expert info: ei_ registrations), declared once as data. A
// diagnostic on a node names its ExpertId and a severity; printers show the
// group and, unless the diagnostic has its own text, the summary.
//
//   const ExpertInfo& e = GetExpert(proto::Snmp::ei[proto::Snmp::kInvalidOid]);
//   e.abbrev   // "snmp.invalid_oid"
//   e.group    // ExpertGroup::kMalformed
//
// Abbreviations are Wireshark's where it has the same finding; ours are
// "snmp.expert.*" and say in_wireshark = false.

#ifndef SNMPDISSECT_DISSECTOR_TREE_EXPERTS_H_
#define SNMPDISSECT_DISSECTOR_TREE_EXPERTS_H_

#include <cstddef>
#include <cstdint>

#include "absl/types/span.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::tree {

// Wireshark's severities (epan/proto.h PI_COMMENT .. PI_ERROR), low to high.
enum class Severity : uint8_t { kComment, kChat, kNote, kWarning, kError };

// Wireshark's groups (PI_CHECKSUM ...), the ones we use.
enum class ExpertGroup : uint8_t {
  kChecksum,
  kSequence,
  kResponse,
  kRequest,
  kUndecoded,
  kReassemble,
  kMalformed,
  kDebug,
  kProtocol,
  kSecurity,
  kComment,
  kDecryption,
  kAssumption,
  kDeprecated,
};

// A diagnostic kind's id: its row in the one expert table, assigned at
// registration like FieldId (each protocol reads its ids through its
// ExpertBlock).
enum class ExpertId : uint16_t {};

// One row of a protocol's expert table (Wireshark's ei_ registrations).

struct ExpertInfo {
  // The row's index within its protocol's experts (checked at registration).
  uint16_t local;
  const char* abbrev;   // "snmp.invalid_oid"
  Severity severity;    // the usual severity; a diagnostic may say otherwise
  ExpertGroup group;
  const char* summary;  // shown when a diagnostic has no text of its own
  bool in_wireshark = true;

  // Set by the table at registration.
  ExpertId id{};
  FieldId parent{};  // the protocol's row in the field table
};

// A protocol's expert ids (Wireshark's ei_ ints, one base per protocol);
// see FieldBlock.
class ExpertBlock {
 public:
  constexpr ExpertBlock() = default;
  ExpertId operator[](uint16_t local) const {
    return static_cast<ExpertId>(base_ + local);
  }

 private:
  friend class FieldTableBuilder;
  uint16_t base_ = 0;
};

namespace internal {
extern const ExpertInfo* expert_rows;
extern size_t expert_count;
}  // namespace internal

inline const ExpertInfo& GetExpert(ExpertId id) {
  return internal::expert_rows[static_cast<uint16_t>(id)];
}
absl::Span<const ExpertInfo> AllExperts();

// "Note", "Warning", ... and "Malformed", "Protocol", ... as Wireshark
// prints them in "[Expert Info (Warning/Malformed): ...]".
const char* SeverityName(Severity severity);
const char* GroupName(ExpertGroup group);

}  // namespace snmpdissect::tree

#endif  // SNMPDISSECT_DISSECTOR_TREE_EXPERTS_H_
