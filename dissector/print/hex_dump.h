// tshark -x: the frame's octets as a hex dump, then every other data source
// the tree holds (a decrypted ScopedPDU, reassembled IPv4/IPv6/TCP data),
// each under a title line, then a blank line (epan/print.c print_hex_data):
//
//   Frame (240 bytes):
//   0000  00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00   ..............E.
//   ...
//   00e0  35 ef 5a 5b 1d 0c b0 ca 85 1d 9b 90 db 4c bb 5b   5.Z[.........L.[
//   Decrypted ScopedPDU (104 bytes):
//   0000  30 62 04 16 80 00 1f 88 04 73 6e 6d 70 64 69 73   0b.......snmpdis
//   ...
//   <blank line>
//
// With the frame as the only source there is no title, as in tshark. Each
// line: the offset (4 hex digits, more when the buffer needs them), two
// spaces, 16 octets in hex separated by spaces (a short last line padded),
// three spaces, the octets as ASCII with '.' for anything not printable.
// Titles are Wireshark's data source names: "Decrypted ScopedPDU",
// "Reassembled IPv4", "Reassembled IPv6", "Reassembled TCP"; another source
// field is titled with its display name.
//
// The frame octets come in explicitly (the tree does not keep them); the
// other sources are the kBytes values of the nodes that hold them.
//
//   std::string out;                       // reuse: no allocation per frame
//   print::AppendHexDump(tree, frame_bytes, &out);

#ifndef SNMPDISSECT_DISSECTOR_PRINT_HEX_DUMP_H_
#define SNMPDISSECT_DISSECTOR_PRINT_HEX_DUMP_H_

#include <cstdint>
#include <string>

#include "absl/types/span.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::print {

void AppendHexDump(const tree::Tree& tree, absl::Span<const uint8_t> frame, std::string* out);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_HEX_DUMP_H_
