#include "dissector/mib/core_table.h"

#include <cstdio>
#include <cstdlib>

#include "absl/status/status.h"
#include "dissector/mib/table_parser.h"

namespace snmpdissect::mib {

void AddCoreTable(Table* table) {
  const absl::Status status = ParseTable(CoreTableText(), "core_mib.tsv", table);
  // The text is ours and checked by ctest (mib_core_table_test): a failure
  // here is a build that shipped a broken table.
  if (!status.ok()) {
    std::fprintf(stderr, "snmpdissect: compiled-in MIB table: %s\n",
                 std::string(status.message()).c_str());
    std::abort();
  }
}

const Table& CoreTable() {
  static const Table* const table = [] {
    auto* t = new Table();
    AddCoreTable(t);
    t->Finish();
    return t;
  }();
  return *table;
}

}  // namespace snmpdissect::mib
