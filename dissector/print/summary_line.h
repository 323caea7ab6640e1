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
// Every column is what the layers set while they dissected (tree.h
// Columns), as Wireshark's dissectors set theirs: the frame layer the
// number, time and length (dissector/proto/frame.cc), Ethernet and then
// IPv4/IPv6 the addresses (a network layer's replace the link layer's),
// the protocol column the last layer under the root whose row has a short
// name, the Info column each layer's own builder (UDP's and TCP's in
// dissector/proto/udp.cc and tcp.cc, IPv4 fragments' in ip_layer.cc,
// SNMP's in snmp_info.cc, AgentX's in agentx.cc, each citing its
// packet-*.c). This printer knows no protocol: it pads and copies them,
// appending "[Malformed Packet]" (no space, as epan/show_exception.c) when
// a layer marked a decode that stopped.
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
