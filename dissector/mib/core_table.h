// The core MIB table: the standard MIB modules Debian ships compiled with
// pysnmp (python3-pysnmp4, python3-pysnmp4-mibs), turned into
// dissector/mib/core_mib.tsv by tools/gen-mib-table.py and compiled into the
// program, so names resolve offline with no file to find at run time.
//
//   const mib::Table& table = mib::CoreTable();   // parsed on first use
//
// The first call parses the compiled-in text (about 22,000 rows, a few
// milliseconds); later calls return the same table. Thread-safe (a function
// static). Regenerate the text with tools/gen-mib-table.sh; ctest's
// mib_core_table_current fails when it differs from what the installed
// modules give.

#ifndef SNMPDISSECT_DISSECTOR_MIB_CORE_TABLE_H_
#define SNMPDISSECT_DISSECTOR_MIB_CORE_TABLE_H_

#include <string_view>

#include "dissector/mib/table.h"

namespace snmpdissect::mib {

// The compiled-in text of core_mib.tsv.
std::string_view CoreTableText();

// Adds the core rows to `table` (Finish() is the caller's).
void AddCoreTable(Table* table);

// A table holding the core rows only, finished.
const Table& CoreTable();

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_CORE_TABLE_H_
