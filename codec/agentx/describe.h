// Text for decoded AgentX PDUs: the one-line summary (Wireshark's Info
// column for AgentX, "Get-PDU: sid=5, tid=1, packid=2, plen=96"), the text
// of a VarBind value, and a multi-line description of every field of a PDU
// (for tests, the fuzz target and debugging; the dissector builds its tree
// from the model itself).
//
//   std::string line;
//   agentx::AppendSummary(pdu, &line);
//
// Cost: appends to the caller's string; OIDs go through the shared dotted
// formatter (codec/ber/oid.h AppendArcsText) from a stack array.
//
// Hostile input: works on any model the decoder produced, complete or cut
// short by an error (fields not `present` are left out); octet strings are
// printed as hex unless every octet is printable ASCII, so a PDU cannot put
// control characters into the text.

#ifndef SNMPDISSECT_CODEC_AGENTX_DESCRIBE_H_
#define SNMPDISSECT_CODEC_AGENTX_DESCRIBE_H_

#include <string>

#include "codec/agentx/model.h"

namespace snmpdissect::agentx {

// "<type name>: sid=N, tid=N, packid=N, plen=N", the type name "unknown"
// outside 1..18, as Wireshark's AgentX Info column.
void AppendSummary(const Pdu& pdu, std::string* out);

// The value as text: decimal numbers, dotted OIDs, a.b.c.d for a 4-octet
// IpAddress, "quoted" printable octet strings or hex, the exception's name.
void AppendValueText(const Value& value, std::string* out);

// Every present field, one per line ("field: value"), then the diagnostics.
void AppendDescription(const Pdu& pdu, std::string* out);

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_DESCRIBE_H_
