// epan registrations generated from the one field and expert table: every
// hf, ett and ei the plugin registers comes from the rows of the protocols
// whose nodes the SNMP layer adds (SNMP's own, and the malformed-packet
// marker), never from a list here.
//
//   Registration& r = Registration::Build();   // proto_register_* time, once
//   r.hf[static_cast<uint16_t>(field_id)]      // epan's hf id, or -1
//
// Per field row: one hf with the plugin's abbreviation (names.h), the row's
// name and description, and its type mapped faithfully (field_types.h);
// for every typed field an FT_BYTES twin ("<abbrev>.raw") for a node whose
// value fell back to raw octets; one ett, so every node can have a subtree.
// Per expert row: one ei at its usual severity, and one per other severity
// ("<abbrev>.warning", ...), since epan fixes an ei's severity while a
// diagnostic may raise or lower it. Rows of other protocols that epan
// already has (_ws.malformed) are not registered again: their nodes use
// epan's own (hf_foreign).
//
// Lifetime: built once and never freed; epan keeps pointers into the
// arrays for the life of the process.

#ifndef SNMPDISSECT_DISSECTOR_WIRESHARK_REGISTRATION_H_
#define SNMPDISSECT_DISSECTOR_WIRESHARK_REGISTRATION_H_

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include <epan/expert.h>
#include <epan/proto.h>

#include "dissector/tree/experts.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::wireshark {

inline constexpr int kSeverityCount = 5;

struct Registration {
  int proto = -1;  // the plugin's protocol
  tree::FieldId protocol_row{};  // the SNMP protocol row it stands for
  // Indexed by FieldId: epan hf ids (-1: not registered), bytes twins, etts.
  std::vector<int> hf;
  std::vector<int> hf_bytes;
  std::vector<int> ett;
  // Indexed by ExpertId, then by tree::Severity.
  std::vector<std::array<expert_field, kSeverityCount>> ei;

  // Registers the protocol and everything generated from the table (call
  // from the plugin's proto_register routine, once).
  static Registration& Build();
  // Looks up rows of other protocols in epan's registry (call from the
  // hand-off routine: by then every built-in protocol is registered).
  void ResolveForeign();
  static Registration& Get();

  // What epan keeps pointers to.
  std::vector<hf_register_info> hf_info;
  std::vector<ei_register_info> ei_info;
  std::vector<int*> ett_pointers;
  std::deque<std::string> strings;
  std::deque<std::vector<range_string>> range_strings;
  std::deque<true_false_string> true_falses;
};

}  // namespace snmpdissect::wireshark

#endif  // SNMPDISSECT_DISSECTOR_WIRESHARK_REGISTRATION_H_
