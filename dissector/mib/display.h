// Values shown by their MIB definition: named numbers, BITS, DISPLAY-HINTs
// (RFC 2579 section 3.1) and TimeTicks. Each function appends text to `out`
// and returns true, or appends nothing and returns false when the
// definition says nothing the raw value does not (no named number for the
// value, no hint, a hint the octets do not fit).
//
//   AppendIntegerDisplay(table, ifOperStatus, 1, &s);        // "up(1)"
//   AppendOctetsDisplay(table, ifPhysAddress, mac, &s);      // "00:1b:21:0a:0b:0c"
//   AppendTimeTicks(123456, &s);                             // "(123456) 0:20:34.56"
//
// Octets come from the packet: text formats ('a', 't') copy the octets as
// they are, and the printers escape them (dissector/value/escape.h). Work is
// linear in the octets and the hint; nothing allocates beyond `out`.

#ifndef SNMPDISSECT_DISSECTOR_MIB_DISPLAY_H_
#define SNMPDISSECT_DISSECTOR_MIB_DISPLAY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "dissector/mib/table.h"

namespace snmpdissect::mib {

// INTEGER (and the unsigned types): "name(value)" for a named number (RFC
// 2578 section 7.1.1), else the integer DISPLAY-HINT ("d-2": 1234 ->
// "12.34", "x", "o", "b"; RFC 2579 section 3.1).
bool AppendIntegerDisplay(const Table& table, const Object& object, int64_t value,
                          std::string* out);

// OCTET STRING and BITS: the names of the set bits ("linkUp(0), linkDown(1)",
// RFC 2578 section 7.1.4) or the octet-string DISPLAY-HINT of the object's
// textual convention (RFC 2579 section 3.1).
bool AppendOctetsDisplay(const Table& table, const Object& object, std::string_view octets,
                         std::string* out);

// An octet-string DISPLAY-HINT applied to `octets`; false (nothing
// appended) when the hint is malformed.
bool AppendHinted(std::string_view hint, std::string_view octets, std::string* out);

// An OID by name: the longest prefix the table names, then the remaining
// arcs in decimal: "IF-MIB::ifOperStatus.1" (`with_module`) or
// "ifOperStatus.1". `match` is table.Lookup(arcs); false (nothing
// appended) when it names nothing.
bool AppendOidName(const Table& table, absl::Span<const uint32_t> arcs, Match match,
                   bool with_module, std::string* out);

// An InetAddress (RFC 4001 section 3) by its InetAddressType: ipv4(1),
// ipv6(2), ipv4z(3), ipv6z(4) with "%zone", dns(16) quoted; false when the
// type is unknown or the length does not fit it.
bool AppendInetAddress(uint32_t type, std::string_view octets, std::string* out);

// TimeTicks (hundredths of a second, RFC 2578 section 7.1.8) as net-snmp
// shows them: "(123456) 0:20:34.56", with days when there are any
// ("(8640000) 1 day, 0:00:00.00").
void AppendTimeTicks(uint32_t ticks, std::string* out);

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_DISPLAY_H_
