#include "codec/snmp/report.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <utility>

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

// Every counter's arcs are below 128 and its first two are 1.3, so each
// arc is one content octet (X.690 8.19.4: the first is 40 * 1 + 3).
constexpr bool OneOctetArcs(const Row& row) {
  if (row.arcs[0] != 1 || row.arcs[1] != 3) return false;
  for (size_t i = 2; i < row.arc_count; ++i) {
    if (row.arcs[i] >= 0x80) return false;
  }
  return true;
}
static_assert(std::all_of(std::begin(kRows), std::end(kRows), OneOctetArcs));

// A row's OID content octets, without the instance arc.
struct Encoded {
  uint8_t octets[9];
  size_t size;
};

constexpr Encoded Encode(const Row& row) {
  Encoded e{};
  e.octets[0] = 40 * 1 + 3;
  for (size_t i = 2; i < row.arc_count; ++i) e.octets[i - 1] = uint8_t(row.arcs[i]);
  e.size = row.arc_count - 1;
  return e;
}

template <size_t... I>
constexpr auto EncodeAll(std::index_sequence<I...>) {
  return std::array<Encoded, sizeof...(I)>{Encode(kRows[I])...};
}
constexpr auto kEncoded = EncodeAll(std::make_index_sequence<std::size(kRows)>());

// snmpModules, 1.3.6.1.6.3 (RFC 3411 section 5): every counter sits under it.
constexpr uint8_t kSnmpModules[] = {0x2b, 6, 1, 6, 3};

bool StartsWith(ber::Bytes content, const uint8_t* prefix, size_t size) {
  return content.size() >= size && std::equal(prefix, prefix + size, content.begin());
}

}  // namespace

const ReportCounter* FindReportCounter(const ber::OidView& oid) {
  // A validated OID has one encoding (X.690 8.19.2 forbids padding), so
  // comparing content octets compares arcs, without decoding them; most
  // OIDs fail on the snmpModules prefix.
  if (oid.arc_count == 0) return nullptr;
  const ber::Bytes content = oid.content;
  if (!StartsWith(content, kSnmpModules, std::size(kSnmpModules))) return nullptr;
  for (size_t r = 0; r < std::size(kRows); ++r) {
    const Encoded& row = kEncoded[r];
    // The scalar's instance (".0", RFC 2578 section 7.7) or the object.
    const bool instance = content.size() == row.size + 1 && content.back() == 0;
    if (content.size() != row.size && !instance) continue;
    if (StartsWith(content, row.octets, row.size)) return &kRows[r].counter;
  }
  return nullptr;
}

}  // namespace snmpdissect::snmp
