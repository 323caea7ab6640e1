// Assembling the one field and expert table from the protocols' own rows.
// The table knows no protocol: each protocol (dissector/proto) declares its
// rows as constexpr data and a FieldBlock/ExpertBlock for its ids, and the
// proto registry hands the list to Install once, at start-up, before any
// tree is built. Install gives each protocol a contiguous block of ids (the
// root keeps 0; then the protocols in list order), copies the rows with
// their ids and parents filled in, checks the whole table, builds the
// abbreviation index, and publishes it to GetField/GetExpert/FindField.
//
//   constexpr tree::FieldInfo kRows[] = {{.local = 0, .abbrev = "udp", ...}, ...};
//   const tree::ProtocolRows kUdp = {kRows, kExperts, &hf, &ei};
//   const tree::ProtocolRows* all[] = {&kUdp, ...};
//   absl::Status s = tree::FieldTableBuilder::Install(all);
//
// Checked (an error names the row): a protocol's first row is its protocol
// (type kProtocol); every row's local index is its position; abbreviations
// are non-empty and unique across fields and experts; every other row's
// abbreviation starts with its protocol's followed by '.' (its parent);
// names and descriptions are non-empty; bit masks fit their width; value names sit on
// integer fields with min <= max; at most 65535 rows.
//
// Cost: Install allocates the table once (it lives until exit). After it,
// GetField/GetExpert are an index into one array and FindField one hash
// lookup; nothing allocates per packet.

#ifndef SNMPDISSECT_DISSECTOR_TREE_FIELD_TABLE_H_
#define SNMPDISSECT_DISSECTOR_TREE_FIELD_TABLE_H_

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "dissector/tree/experts.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::tree {

// One protocol's rows and where its ids go.
struct ProtocolRows {
  // fields[0] is the protocol itself (kProtocol); the rest are its fields,
  // each fields[i].local == i.
  absl::Span<const FieldInfo> fields;
  absl::Span<const ExpertInfo> experts;
  FieldBlock* field_ids;
  ExpertBlock* expert_ids;
};

class FieldTableBuilder {
 public:
  // Checks and installs the table; an InvalidArgument names the first bad
  // row. Once per process: a second call is a FailedPrecondition (ids are
  // handed out once, before any packet).
  [[nodiscard]] static absl::Status Install(absl::Span<const ProtocolRows* const> protocols);

  // The same checks without installing anything (for tests of bad tables).
  [[nodiscard]] static absl::Status Check(absl::Span<const ProtocolRows* const> protocols);

  // The assembled table (field_table.cc).
  struct Table {
    std::vector<FieldInfo> fields;
    std::vector<ExpertInfo> experts;
    absl::flat_hash_map<absl::string_view, FieldId> by_abbrev;
  };

 private:
  static absl::Status Build(absl::Span<const ProtocolRows* const> protocols, Table* table);
};

}  // namespace snmpdissect::tree

#endif  // SNMPDISSECT_DISSECTOR_TREE_FIELD_TABLE_H_
