// Primitive value formatting shared by the printers: numbers, hex, network
// addresses and times, spelled the way tshark 4.0 spells them. Nothing here
// allocates beyond growing the output string, so printers that reuse their
// output buffer stay allocation-free in steady state.
//
//   std::string out;
//   AppendDecimal(uint64_t{42}, &out);          // "42"
//   AppendHexPadded(0x800, 4, &out);            // "0x0800"
//   AppendHexBytes("\x01\xab", &out);           // "01ab"
//   AppendIpv4(0x7f000001, &out);               // "127.0.0.1"
//   AppendAbsoluteTime(ns, &out);               // "Nov 21, 2026 01:18:16.481826000 UTC"
//   AppendRelativeTime(205000, 9, &out);        // "0.000205000"

#ifndef SNMPDISSECT_DISSECTOR_VALUE_VALUE_FORMAT_H_
#define SNMPDISSECT_DISSECTOR_VALUE_VALUE_FORMAT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dissector/tree/fields.h"

namespace snmpdissect::value {

void AppendDecimal(uint64_t value, std::string* out);
void AppendDecimal(int64_t value, std::string* out);

// "0x" and at least `digits` lowercase hex digits ("0x0800").
void AppendHexPadded(uint64_t value, int digits, std::string* out);

// Lowercase hex, two digits per octet, no separators; nothing for no octets.
void AppendHexBytes(std::string_view bytes, std::string* out);

void AppendIpv4(uint32_t address, std::string* out);
// RFC 5952 text (inet_ntop); the octets in hex when not 16 of them.
void AppendIpv6(std::string_view octets, std::string* out);
// "00:1b:21:0a:0b:0c".
void AppendEther(std::string_view octets, std::string* out);

// Wireshark's absolute time ("Nov 21, 2026 01:18:16.481826000 UTC", day
// padded to two columns), always UTC so output does not depend on the
// machine's zone.
void AppendAbsoluteTime(int64_t unix_ns, std::string* out);

// Seconds with `decimals` (0..9) decimals, truncated as Wireshark does
// ("0.000205000" with 9; "-1.5" style for negatives).
void AppendRelativeTime(int64_t ns, int decimals, std::string* out);

// Shortest round-trip text (std::to_chars); as float when `single`.
void AppendDouble(double value, bool single, std::string* out);

// How many hex digits Wireshark prints for a BASE_HEX field: the width of
// its FT_UINTn type (tshark -T fields "0x0800" for eth.type, "0x02" for
// ip.flags, "0x0002" for tcp.flags). Our field table keeps bit widths for
// bit fields only, so the byte-sized hex fields are listed here.
int HexDigits(const tree::FieldInfo& field);

}  // namespace snmpdissect::value

#endif  // SNMPDISSECT_DISSECTOR_VALUE_VALUE_FORMAT_H_
