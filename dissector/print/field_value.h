// One node's value as tshark 4.0 prints it for -T fields (epan/print.c
// get_node_field_value and the ftypes' FTREPR_DISPLAY text):
//
//   integers        decimal, value names never applied ("2", not "get-response (2)")
//   BASE_HEX ints   "0x" + the digits of the field's width ("0x0800", "0x02")
//   booleans        "1" / "0"
//   bytes           lowercase hex, no separators ("80001f88..."); "<MISSING>"
//                   when empty
//   strings         the text, escaped (escape.h) so no control character or
//                   invalid UTF-8 reaches the output (tshark: format_text)
//   OIDs            dotted; IPv4 dotted; IPv6 RFC 5952; MAC colon hex
//   absolute time   "Nov 21, 2026 01:18:16.481826000 UTC" (always UTC)
//   relative time   "0.000205000"
//   FT_NONE         "1" (present)
//   protocols       the top line when tshark builds one (protocol_summary.h),
//                   else the abbreviation ("snmp")
//
//   std::string cell;
//   AppendFieldValue(tree, id, &cell);

#ifndef SNMPDISSECT_DISSECTOR_PRINT_FIELD_VALUE_H_
#define SNMPDISSECT_DISSECTOR_PRINT_FIELD_VALUE_H_

#include <string>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

void AppendFieldValue(const tree::Tree& tree, tree::NodeId id, std::string* out);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_FIELD_VALUE_H_
