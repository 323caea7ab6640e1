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

// Appends the whole line for the node, without indentation or newline.
void AppendNodeLine(const tree::Tree& tree, tree::NodeId id, std::string* out);

// Appends "Expert Info (Warning/Malformed): text" (no brackets).
void AppendDiagnosticText(const tree::Tree& tree, tree::DiagnosticId id,
                          std::string* out);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_VALUE_TEXT_H_
