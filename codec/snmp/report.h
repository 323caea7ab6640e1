// What a Report PDU says (RFC 3412 section 7.1 step 3, RFC 3414 section
// 3.2): an agent answers a message it cannot process with a Report whose
// one varbind is the counter it incremented. This table names those
// counters and says, for a reader, what each means.
//
//   if (const snmp::ReportCounter* c = snmp::FindReportCounter(varbind.name.value))
//     ... c->name "usmStatsUnknownEngineIDs", c->meaning "engine ID discovery ..."

#ifndef SNMPDISSECT_CODEC_SNMP_REPORT_H_
#define SNMPDISSECT_CODEC_SNMP_REPORT_H_

#include "codec/ber/oid.h"

namespace snmpdissect::snmp {

struct ReportCounter {
  const char* name;     // the MIB object, "usmStatsNotInTimeWindows"
  const char* meaning;  // "not in time window: ..."
};

// The counter `oid` names (the scalar instance, ".0", or the object itself),
// or nullptr for anything else. `oid` is as ValidateOid made it (an invalid
// OID the decoder kept raw, arc_count 0, names no counter).
const ReportCounter* FindReportCounter(const ber::OidView& oid);

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_REPORT_H_
