// Rendering one tree node as text, the way tshark -V shows it:
//
//   "msgID: 42"                          name: value
//   "error-status: noError (0)"          value names
//   ".... .1.. = Reportable: Set"        bits of an octet
//   "variable-bindings: 2 items"         item counts
//   "Object Name: 1.3.6.1.2.1.1.1.0 (iso.3.6.1.2.1.1.1.0)"
//   "Value (OctetString): \"Linux\""     bytes that are printable text
//   "1.3.6.1.2.1.1.1.0: \"Linux\""       a VarBind, summarised from its children
//
// Packet-derived text is escaped (escape.h); the output never contains a
// control character or invalid UTF-8. Shared by the text printers.

#ifndef SNMPDISSECT_DISSECTOR_PRINT_VALUE_TEXT_H_
#define SNMPDISSECT_DISSECTOR_PRINT_VALUE_TEXT_H_

#include <string>
#include <string_view>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

enum class OidStyle : bool {
  kDotted,    // "1.3.6.1.2.1"
  kResolved,  // "1.3.6.1.2.1 (iso.3.6.1.2.1)", like tshark without MIBs
};

// Appends the value alone ("noError (0)", "\"Linux\"", "07"); nothing for a
// node without a value.
void AppendValueText(const tree::Tree& tree, tree::NodeId id, OidStyle oid_style,
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

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_VALUE_TEXT_H_
