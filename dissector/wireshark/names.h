// The plugin's names for the tool's fields and experts: the same
// abbreviations with one prefix change, so `-T fields` scripts and display
// filters port by renaming the prefix. Wireshark's built-in dissector owns
// "snmp", and two protocols cannot register one abbreviation, so the
// plugin's protocol is "snmpdissect":
//
//   PluginAbbrev("snmp")                   // "snmpdissect"
//   PluginAbbrev("snmp.msgUserName")       // "snmpdissect.msgUserName"
//   PluginAbbrev("_ws.malformed.expert")   // "snmpdissect.malformed.expert"
//
// Pure functions over strings: no epan, so they are tested in every build.

#ifndef SNMPDISSECT_DISSECTOR_WIRESHARK_NAMES_H_
#define SNMPDISSECT_DISSECTOR_WIRESHARK_NAMES_H_

#include <string>
#include <string_view>

namespace snmpdissect::wireshark {

// The plugin protocol's filter name, and the prefix of everything it
// registers.
inline constexpr std::string_view kPluginFilterName = "snmpdissect";

// "snmp" and "snmp.X" become "snmpdissect" and "snmpdissect.X"; a row of
// Wireshark's own pseudo-protocols ("_ws.X", the malformed-packet expert
// the SNMP layer raises) becomes "snmpdissect.X", since epan's own expert
// cannot be reached from a plugin; anything else gets "snmpdissect."
// in front.
std::string PluginAbbrev(std::string_view ours);

// The abbreviation of the FT_BYTES twin registered beside a typed field,
// which holds the node's raw octets when its value did not decode (epan
// asserts when raw bytes are added to an FT_OID or integer field).
std::string BytesTwinAbbrev(std::string_view plugin_abbrev);

// The abbreviation of an expert registered at a severity other than its
// usual one (epan fixes an expert's severity at registration; a diagnostic
// may carry another): "snmpdissect.invalid_oid" at "warning" becomes
// "snmpdissect.invalid_oid.warning".
std::string SeverityVariantAbbrev(std::string_view plugin_abbrev, std::string_view severity);

}  // namespace snmpdissect::wireshark

#endif  // SNMPDISSECT_DISSECTOR_WIRESHARK_NAMES_H_
