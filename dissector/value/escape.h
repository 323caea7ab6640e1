// Making packet text safe for a terminal, a text file or a JSON reader: the
// one escaper, with a table per output format (escape.cc).
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
// AppendJsonString walks the input the same way and spells it as JSON
// (RFC 8259 section 7): '"', '\\' and the C0 controls escaped (\n, \t, ...,
// else \u001b), each octet of invalid UTF-8 as \ufffd, C1 controls and
// U+2028/U+2029 as \uXXXX; bidi marks stay, since JSON readers do not
// display them.
//
//   std::string line;
//   AppendEscaped(raw, EscapeQuotes::kNo, &line);
//   AppendJsonString(raw, &json);   // with the surrounding quotes

#ifndef SNMPDISSECT_DISSECTOR_VALUE_ESCAPE_H_
#define SNMPDISSECT_DISSECTOR_VALUE_ESCAPE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace snmpdissect::value {

enum class EscapeQuotes : bool { kNo, kYes };  // kYes: '"' becomes \"

void AppendEscaped(std::string_view raw, EscapeQuotes quotes, std::string* out);

// Appends `raw` as a JSON string (with the quotes): valid UTF-8 whatever
// the input.
void AppendJsonString(std::string_view raw, std::string* out);

// True when `raw` is valid UTF-8 without control characters other than tab,
// newline and carriage return: worth showing as text rather than hex.
bool IsPrintableText(std::string_view raw);

// The end of the run of plain ASCII starting at raw[i]: the first index at or
// after i whose octet is not printable ASCII (0x20 to 0x7e), or is '"' or
// '\\' (the two every escaper here spells out), or raw.size(). Escapers
// append such a run in one call.
size_t PlainAsciiEnd(std::string_view raw, size_t i);

// Decodes one multi-octet UTF-8 sequence at raw[i] (RFC 3629 section 4: no
// overlongs, no surrogates, nothing above U+10FFFF). Returns its length (2 to
// 4), or 0 if the octets there are not a valid sequence or raw[i] is ASCII.
size_t DecodeUtf8(std::string_view raw, size_t i, uint32_t* code_point);

}  // namespace snmpdissect::value

#endif  // SNMPDISSECT_DISSECTOR_VALUE_ESCAPE_H_
