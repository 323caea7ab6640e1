// The arcs of validated OBJECT IDENTIFIER content (oid.h OidArcs), in a
// file of its own so fuzz builds can compile it without comparison tracing
// (CMakeLists.txt), as oid_text.cc: it runs only on content ValidateOid
// (oid.cc, traced) has accepted, repeating its walk over the same octets
// with the same continuation-bit tests, so its compares give libFuzzer
// nothing new to solve; and the SNMP layer runs it on every varbind name
// to look the name up in the MIB table.

#include <cstddef>
#include <cstdint>

#include "codec/ber/oid.h"
#include "codec/ber/oid_arcs.h"

namespace snmpdissect::ber {

size_t OidArcs(const OidView& oid, uint32_t* arcs, size_t capacity) {
  size_t n = 0;
  internal::ForEachArc(oid.content, [&](uint32_t arc) {
    if (n < capacity) arcs[n] = arc;
    ++n;
  });
  return n;
}

}  // namespace snmpdissect::ber
