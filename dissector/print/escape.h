// Making packet text safe for a terminal or a text file.
//
// Packet strings are attacker-controlled bytes. Printed raw, an ESC could
// move the cursor, recolour or retitle the terminal, a CR could overwrite a
// line, a bidi override could make text read backwards, and invalid UTF-8
// could corrupt what follows. AppendEscaped keeps every printable character
// (including valid non-ASCII UTF-8) and spells the rest out:
//
//   "\t" "\n" "\r" "\\"        for tab, newline, carriage return, backslash
//   "\x1b"                     for other C0 controls, DEL and each octet of
//                              invalid UTF-8 (overlong, surrogate, > U+10FFFF,
//                              truncated)
//   "\u009b", "\u202e"         for C1 controls, bidi controls and the line /
//                              paragraph separators, which are valid UTF-8
//                              but steer the display
//
// Backslash is escaped too, so the output is unambiguous: a packet holding
// the four characters \x1b prints as \\x1b.
//
//   std::string line;
//   AppendEscaped(raw, EscapeQuotes::kNo, &line);

#ifndef SNMPDISSECT_DISSECTOR_PRINT_ESCAPE_H_
#define SNMPDISSECT_DISSECTOR_PRINT_ESCAPE_H_

#include <string>
#include <string_view>

namespace snmpdissect::print {

enum class EscapeQuotes : bool { kNo, kYes };  // kYes: '"' becomes \"

void AppendEscaped(std::string_view raw, EscapeQuotes quotes, std::string* out);

// True when `raw` is valid UTF-8 without control characters other than tab,
// newline and carriage return: worth showing as text rather than hex.
bool IsPrintableText(std::string_view raw);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_ESCAPE_H_
