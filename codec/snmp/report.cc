#include "codec/snmp/report.h"

#include <cstdint>
#include <algorithm>
#include <iterator>

namespace snmpdissect::snmp {
namespace {

struct Row {
  uint32_t arcs[10];
  size_t arc_count;  // of the object, without the ".0" instance
  ReportCounter counter;
};

// usmStats (RFC 3414 section 5: 1.3.6.1.6.3.15.1.1), snmpMPDStats (RFC
// 3412 section 5: 1.3.6.1.6.3.11.2.1), and the context counters of the
// SNMP-TARGET-MIB group snmpUnavailableContexts / snmpUnknownContexts
// (RFC 3413 section 4.1.2: 1.3.6.1.6.3.12.1.4 and .5).
constexpr Row kRows[] = {
    {{1, 3, 6, 1, 6, 3, 15, 1, 1, 1}, 10,
     {"usmStatsUnsupportedSecLevels",
      "unsupported security level: the agent does not allow this user at the requested "
      "level (RFC 3414 section 3.2 step 5)"}},
    {{1, 3, 6, 1, 6, 3, 15, 1, 1, 2}, 10,
     {"usmStatsNotInTimeWindows",
      "not in time window: engine boots/time out of date; the Report carries the "
      "agent's, for time synchronisation (RFC 3414 section 3.2 step 7)"}},
    {{1, 3, 6, 1, 6, 3, 15, 1, 1, 3}, 10,
     {"usmStatsUnknownUserNames",
      "unknown user: the agent has no such user (RFC 3414 section 3.2 step 4)"}},
    {{1, 3, 6, 1, 6, 3, 15, 1, 1, 4}, 10,
     {"usmStatsUnknownEngineIDs",
      "engine ID discovery: the Report tells the agent's engine ID (RFC 3414 section 4; "
      "section 3.2 step 3)"}},
    {{1, 3, 6, 1, 6, 3, 15, 1, 1, 5}, 10,
     {"usmStatsWrongDigests",
      "wrong digest: authentication failed, wrong password or protocol (RFC 3414 section "
      "3.2 step 6)"}},
    {{1, 3, 6, 1, 6, 3, 15, 1, 1, 6}, 10,
     {"usmStatsDecryptionErrors",
      "decryption error: wrong privacy password or protocol (RFC 3414 section 3.2 step "
      "8)"}},
    {{1, 3, 6, 1, 6, 3, 11, 2, 1, 1}, 10,
     {"snmpUnknownSecurityModels",
      "unknown security model: the agent does not support msgSecurityModel (RFC 3412 "
      "section 7.2 step 4)"}},
    {{1, 3, 6, 1, 6, 3, 11, 2, 1, 2}, 10,
     {"snmpInvalidMsgs",
      "invalid message: inconsistent components, e.g. privFlag without authFlag (RFC "
      "3412 section 7.2 step 5)"}},
    {{1, 3, 6, 1, 6, 3, 11, 2, 1, 3}, 10,
     {"snmpUnknownPDUHandlers",
      "unknown PDU handler: no application registered for this PDU (RFC 3412 section "
      "4.2.2.1)"}},
    {{1, 3, 6, 1, 6, 3, 12, 1, 4}, 9,
     {"snmpUnavailableContexts",
      "unavailable context: the context exists but cannot be served (RFC 3413 section "
      "3.2 step 3)"}},
    {{1, 3, 6, 1, 6, 3, 12, 1, 5}, 9,
     {"snmpUnknownContexts",
      "unknown context: the agent has no such context (RFC 3413 section 3.2 step 3)"}},
};

}  // namespace

const ReportCounter* FindReportCounter(const ber::OidView& oid) {
  // The longest name in the table plus its instance arc; OidArcs counts
  // every arc but copies only what fits.
  uint32_t arcs[11];
  const size_t count = ber::OidArcs(oid, arcs, std::size(arcs));
  for (const Row& row : kRows) {
    // The scalar's instance (".0", RFC 2578 section 7.7) or the object.
    const bool instance = count == row.arc_count + 1 && arcs[row.arc_count] == 0;
    if (count != row.arc_count && !instance) continue;
    if (std::equal(row.arcs, row.arcs + row.arc_count, arcs)) return &row.counter;
  }
  return nullptr;
}

}  // namespace snmpdissect::snmp
