#include "dissector/tree/fields.h"

#include "dissector/tree/field_table.h"

namespace snmpdissect::tree {

absl::Span<const FieldInfo> AllFields() {
  return absl::MakeConstSpan(internal::field_rows, internal::field_count);
}

const char* ValueNameOf(const FieldInfo& field, int64_t value) {
  for (const ValueName& name : field.value_names) {
    if (value >= name.min && value <= name.max) return name.name;
  }
  return field.unknown_name;
}

}  // namespace snmpdissect::tree
