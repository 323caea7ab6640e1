// The field glossary, tshark -G's reports, generated from the one field
// table (dissector/tree/fields.h): nothing here lists a field by hand.
//
//   std::string out;
//   print::AppendFieldGlossary(&out);     // tshark -G fields
//   print::AppendProtocolGlossary(&out);  // tshark -G protocols
//
// -G fields, tshark 4.0's columns, tab-separated, one row per line:
//   P  name  abbreviation                                  (protocols)
//   F  name  abbreviation  type  parent  base  bitmask  description
// type is Wireshark's FT_ name; parent the innermost protocol whose
// abbreviation prefixes the field's (ipv6.hopopts for ipv6.hopopts.nxt). The table narrows integers to kUint/kInt:
// the width printed (FT_UINT8 .. FT_UINT64) comes from the row's bit width
// or hex digits when it has them, else 32 bits. base is BASE_DEC or
// BASE_HEX for integers, the bit width for booleans that are bits of an
// octet (as tshark prints them), empty otherwise; bitmask is 0x%x.
// -G protocols: name, short name, abbreviation, one protocol per line.
//
// The table is read once, at the user's request; the rows are trusted
// static text (no escaping).

#ifndef SNMPDISSECT_DISSECTOR_PRINT_GLOSSARY_H_
#define SNMPDISSECT_DISSECTOR_PRINT_GLOSSARY_H_

#include <string>
#include <string_view>

#include "dissector/tree/fields.h"

namespace snmpdissect::print {

void AppendFieldGlossary(std::string* out);
void AppendProtocolGlossary(std::string* out);

// Wireshark's FT_ name for the row ("FT_UINT16", "FT_OID").
std::string_view WiresharkTypeName(const tree::FieldInfo& field);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_GLOSSARY_H_
