// Rendering one tree node as text: the one value formatter, for the text
// tree (tshark -V), the JSON "show" and text values, and -T fields, with the
// node lines built on it.
//
// ValueStyle::kTree, the way tshark -V shows a value (and its whole line):
//
//   "msgID: 42"                          name: value
//   "error-status: noError (0)"          value names
//   ".... .1.. = Reportable: Set"        bits of an octet
//   "variable-bindings: 2 items"         item counts
//   "Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)"
//   "Value (OctetString): \"Linux\""     bytes that are printable text
//   "1.3.6.1.2.1.1.1.0: \"Linux\""       a VarBind, summarised from its children
//
// ValueStyle::kFields, as tshark 4.0 prints a value for -T fields
// (epan/print.c get_node_field_value and the ftypes' FTREPR_DISPLAY text):
//
//   integers        decimal, value names never applied ("2", not "get-response (2)")
//   BASE_HEX ints   "0x" + the digits of the field's width ("0x0800", "0x02")
//   booleans        "1" / "0"
//   bytes           lowercase hex, no separators ("80001f88..."); "<MISSING>"
//                   when empty
//   strings         the text, escaped
//   OIDs            dotted; IPv4 dotted; IPv6 RFC 5952; MAC colon hex
//   absolute time   "Nov 21, 2026 01:18:16.481826000 UTC" (always UTC)
//   relative time   "0.000205000" (kTree adds " seconds")
//   FT_NONE         "1" (present)
//   protocols       the top line when the protocol builds one (fields.h
//                   SummaryBuilder, as tshark's dissectors do),
//                   else the abbreviation ("snmp")
//
// One switch over the field types serves both styles, keyed on the field's
// type and display only, so a value prints the same wherever it appears.
// Packet-derived text is escaped (escape.h); the output never contains a
// control character or invalid UTF-8.
//
//   std::string cell;
//   AppendValueText(tree, id, ValueStyle::kFields, &cell);

#ifndef SNMPDISSECT_DISSECTOR_VALUE_VALUE_TEXT_H_
#define SNMPDISSECT_DISSECTOR_VALUE_VALUE_TEXT_H_

#include <string>
#include <string_view>

#include "dissector/tree/tree.h"

namespace snmpdissect::value {

enum class ValueStyle : bool {
  kTree,    // tshark -V: "noError (0)", "\"Linux\"", "1.3.6.1 (iso.3.6.1)";
            // nothing for a node without a value (none, protocol)
  kFields,  // tshark -T fields: "0", "4c696e7578", "1.3.6.1"
};

// Appends the value alone, in `style`.
void AppendValueText(const tree::Tree& tree, tree::NodeId id, ValueStyle style,
                     std::string* out);

// The name packet-snmp.c gives a varbind's OID in the VarBind line and the
// Info column, without MIB modules: the deepest matched node of Wireshark's
// built-in OID tree when it has a name, plus the remaining arcs
// ("joint-iso-itu-t.999", "iso.2.5"); the dotted OID when that node has no
// name (everything under 1.3, whose nodes Wireshark's registrations create
// unnamed). `with_dotted` adds " (2.999)" after a name, as the VarBind line.
void AppendVarBindOid(std::string_view dotted, bool with_dotted, std::string* out);

// oid_resolved_from_string without MIB modules: the first arc named
// ("iso.3.6.1.4.1.8072.2.3.0.1"), as the Object Name line and a v1 trap's
// enterprise in the Info column show it.
void AppendResolvedOidName(std::string_view dotted, std::string* out);

// Appends the whole line for the node, without indentation or newline.
void AppendNodeLine(const tree::Tree& tree, tree::NodeId id, std::string* out);

// Appends "Expert Info (Warning/Malformed): text" (no brackets).
void AppendDiagnosticText(const tree::Tree& tree, tree::DiagnosticId id,
                          std::string* out);

}  // namespace snmpdissect::value

#endif  // SNMPDISSECT_DISSECTOR_VALUE_VALUE_TEXT_H_
