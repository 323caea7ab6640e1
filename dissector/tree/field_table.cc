#include "dissector/tree/field_table.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace snmpdissect::tree {
namespace {

constexpr FieldInfo kRootRow = {
    .local = 0, .abbrev = "", .name = "", .type = FieldType::kNone, .in_wireshark = false};

const FieldTableBuilder::Table* installed = nullptr;

const FieldInfo* FindRow(const FieldTableBuilder::Table& table, absl::string_view abbrev) {
  const auto it = table.by_abbrev.find(abbrev);
  return it == table.by_abbrev.end() ? nullptr : &table.fields[static_cast<uint16_t>(it->second)];
}

absl::Status Bad(absl::string_view abbrev, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("field table: \"", abbrev, "\": ", why));
}

bool IsInteger(FieldType type) { return type == FieldType::kInt || type == FieldType::kUint; }

absl::Status CheckField(const FieldInfo& f, size_t index, const FieldInfo& protocol) {
  if (f.local != index) return Bad(f.abbrev, "row out of order with its Field enum");
  if (f.abbrev == nullptr || *f.abbrev == '\0') return Bad("", "empty abbreviation");
  if (f.name == nullptr || *f.name == '\0') return Bad(f.abbrev, "empty name");
  // The Wireshark plugin registers it as the field's blurb and -G fields
  // prints it: every row says what it holds.
  if (f.description == nullptr || *f.description == '\0') {
    return Bad(f.abbrev, "empty description");
  }
  if (index == 0) {
    if (f.type != FieldType::kProtocol) return Bad(f.abbrev, "first row is not a protocol");
  } else if (!absl::StartsWith(f.abbrev, absl::StrCat(protocol.abbrev, "."))) {
    return Bad(f.abbrev, absl::StrCat("not under its protocol \"", protocol.abbrev, "\""));
  }
  // A top line belongs to a protocol's own row (printers ask the node's
  // row for it only on a layer under the root).
  if (f.summary != nullptr && (index != 0 || f.type != FieldType::kProtocol)) {
    return Bad(f.abbrev, "a summary builder on a row that is not its protocol's");
  }
  if (f.display == Display::kOctetCount && f.type != FieldType::kUint) {
    return Bad(f.abbrev, "an octet count that is not an unsigned integer");
  }
  if (f.bitmask != 0 && (f.bit_width == 0 || f.bit_width > 64 ||
                         (f.bit_width < 64 && (f.bitmask >> f.bit_width) != 0))) {
    return Bad(f.abbrev, "bit mask does not fit its width");
  }
  if (f.width != 0 && (!IsInteger(f.type) || (f.width != 8 && f.width != 16 &&
                                               f.width != 24 && f.width != 32 &&
                                               f.width != 64))) {
    return Bad(f.abbrev, "width on a non-integer field, or not 8, 16, 24, 32 or 64");
  }
  if (!f.value_names.empty() && !IsInteger(f.type)) {
    return Bad(f.abbrev, "value names on a non-integer field");
  }
  for (const ValueName& n : f.value_names) {
    if (n.min > n.max) return Bad(f.abbrev, "value name with min > max");
  }
  return absl::OkStatus();
}

}  // namespace

namespace internal {
const FieldInfo* field_rows = &kRootRow;
size_t field_count = 1;
const ExpertInfo* expert_rows = nullptr;
size_t expert_count = 0;
}  // namespace internal

absl::Status FieldTableBuilder::Build(absl::Span<const ProtocolRows* const> protocols,
                                      Table* table) {
  table->fields.push_back(kRootRow);
  absl::flat_hash_map<absl::string_view, bool> seen;  // fields and experts
  for (const ProtocolRows* p : protocols) {
    if (p->fields.empty()) return Bad("", "a protocol without rows");
    const FieldInfo& protocol = p->fields[0];
    const size_t field_base = table->fields.size();
    const size_t expert_base = table->experts.size();
    if (field_base + p->fields.size() > 0xffff || expert_base + p->experts.size() > 0xffff) {
      return Bad(protocol.abbrev, "more than 65535 rows");
    }
    const FieldId parent = static_cast<FieldId>(field_base);
    for (size_t i = 0; i < p->fields.size(); ++i) {
      const FieldInfo& f = p->fields[i];
      if (absl::Status s = CheckField(f, i, protocol); !s.ok()) return s;
      if (!seen.emplace(f.abbrev, true).second) return Bad(f.abbrev, "duplicate abbreviation");
      FieldInfo& row = table->fields.emplace_back(f);
      row.id = static_cast<FieldId>(field_base + i);
      row.parent = parent;
    }
    for (size_t i = 0; i < p->experts.size(); ++i) {
      const ExpertInfo& e = p->experts[i];
      if (e.local != i) return Bad(e.abbrev, "row out of order with its Expert enum");
      if (!absl::StartsWith(e.abbrev, absl::StrCat(protocol.abbrev, "."))) {
        return Bad(e.abbrev, absl::StrCat("not under its protocol \"", protocol.abbrev, "\""));
      }
      if (!seen.emplace(e.abbrev, true).second) return Bad(e.abbrev, "duplicate abbreviation");
      ExpertInfo& row = table->experts.emplace_back(e);
      row.id = static_cast<ExpertId>(expert_base + i);
      row.parent = parent;
    }
  }
  for (const FieldInfo& f : table->fields) {
    if (f.id != kRootField) table->by_abbrev.emplace(f.abbrev, f.id);
  }
  return absl::OkStatus();
}

absl::Status FieldTableBuilder::Check(absl::Span<const ProtocolRows* const> protocols) {
  Table scratch;
  return Build(protocols, &scratch);
}

absl::Status FieldTableBuilder::Install(absl::Span<const ProtocolRows* const> protocols) {
  if (installed != nullptr) {
    return absl::FailedPreconditionError("field table: installed twice");
  }
  auto table = std::make_unique<Table>();
  if (absl::Status s = Build(protocols, table.get()); !s.ok()) return s;
  for (const ProtocolRows* p : protocols) {
    const FieldInfo& protocol = p->fields[0];
    const FieldInfo* row = FindRow(*table, protocol.abbrev);
    p->field_ids->base_ = static_cast<uint16_t>(row->id);
  }
  // Expert bases: the protocols' blocks follow each other in list order.
  uint16_t expert_base = 0;
  for (const ProtocolRows* p : protocols) {
    p->expert_ids->base_ = expert_base;
    expert_base = static_cast<uint16_t>(expert_base + p->experts.size());
  }
  installed = table.release();
  internal::field_rows = installed->fields.data();
  internal::field_count = installed->fields.size();
  internal::expert_rows = installed->experts.data();
  internal::expert_count = installed->experts.size();
  return absl::OkStatus();
}

const FieldInfo* FindField(std::string_view abbrev) {
  if (installed == nullptr) return nullptr;
  // This Abseil's string_view is its own type, not std::string_view.
  return FindRow(*installed, absl::string_view(abbrev.data(), abbrev.size()));
}

}  // namespace snmpdissect::tree
