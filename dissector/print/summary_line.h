// One summary line per frame, in tshark's default column layout (No., Time,
// Source, Destination, Protocol, Length, Info):
//
//       1   0.000000    127.0.0.1 -> 127.0.0.1    SNMP 127 get-request 1.3.6.1.2.1.1.1.0
//
// Columns and padding follow tshark.c print_columns (4.0): the number right
// aligned in 5, the time (frame.time_relative) right aligned in 10, the
// source right aligned in 12, the destination left aligned in 12, then
// protocol, frame length and info unpadded, one space between columns.
//
// Info is built the way Wireshark's dissectors build COL_INFO, from the tree:
//   - UDP: "53602 -> 161 Len=85"; TCP: "46194 -> 161 [SYN] Seq=0 Win=65495
//     Len=0 MSS=65495 SACK_PERM TSval=3106495531 TSecr=0 WS=1024"
//     (packet-udp.c, packet-tcp.c);
//   - SNMP (packet-snmp.c): each PDU clears the column and writes its type,
//     then " <OID>" per varbind (a v1 trap first adds its enterprise,
//     resolved as "iso.3.6..."); an encryptedPDU not decrypted sets
//     "encryptedPDU: privKey Unknown" ("encryptedPDU: Failed to decrypt"
//     when the cipher is unavailable), one that decrypted to something
//     other than a ScopedPDU
//     "encryptedPDU: Decrypted data not formatted as expected". With several
//     SNMP messages in one TCP segment the last one's text is what remains,
//     as in tshark.
//   - "[Malformed Packet]" is appended (no space, as epan/show_exception.c)
//     when the tree holds a _ws.malformed node.
//
// Intended differences from tshark:
//   - "->" where tshark prints the UTF-8 arrow U+2192, in the address
//     columns and in TCP/UDP info: output stays ASCII.
//   - TCP "Win=" is tcp.window_size_value: the tree holds no window scaled by
//     the handshake's shift (tshark's tcp.window_size), and a printer sees
//     one frame at a time.
//   - Ethernet-only frames show MAC addresses as tshark -n does (no OUI
//     names); IPv4/IPv6 fragment and other non-UDP/TCP info texts are close
//     to but not exactly tshark's (no "[Reassembled in #N]": the tree does
//     not know the future).
//   - A bad salt or ciphertext length says "privKey Unknown" where tshark
//     says "Failed to decrypt": the tree gives them the same expert as a
//     missing key.
//   - Where decryption outcomes differ (we decrypt net-snmp's AES-192/256,
//     Blumenthal key extension; tshark 4.0 tries Reeder's and dissects the
//     garbage), the info says what really decrypted.
//   - Text from the packet is escaped (escape.h): no control characters.
//
// Usage (reuse the printer and the output string: no allocation per frame
// once the string has grown):
//
//   print::SummaryLinePrinter printer({.time_decimals = 6});
//   std::string out;
//   for (each frame) { out.clear(); printer.Append(tree, &out); fputs(out.c_str(), stdout); }

#ifndef SNMPDISSECT_DISSECTOR_PRINT_SUMMARY_LINE_H_
#define SNMPDISSECT_DISSECTOR_PRINT_SUMMARY_LINE_H_

#include <string>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

struct SummaryOptions {
  // Decimals of the time column: 6 for microsecond captures, 9 for
  // nanosecond ones (tshark's automatic precision).
  int time_decimals = 6;
};

class SummaryLinePrinter {
 public:
  explicit SummaryLinePrinter(SummaryOptions options = {}) : options_(options) {}

  // Appends the frame's summary line and '\n' to *out.
  void Append(const tree::Tree& tree, std::string* out) const;

 private:
  SummaryOptions options_;
};

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_SUMMARY_LINE_H_
