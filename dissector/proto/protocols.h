// The protocol list: every protocol this dissector knows, registered once at
// start-up. Registration assembles the protocols' own field and expert rows
// (dissector/proto/<protocol>_fields.cc) into the one table GetField and
// FindField read, giving each protocol its block of ids, and checks the
// table (duplicate abbreviations, rows outside their protocol, rows out of
// order; tree/field_table.h). A table that fails the check is a programming
// error: the process stops with a message naming the row.
//
//   proto::RegisterProtocols();   // before any tree is built or field named
//   proto::Registry tables(proto::RegisteredProtocols());  // default hand-offs
//
// Idempotent and thread-safe; FrameDissector's constructor and the tool's
// main call it, and so does every test binary (testing/register_protocols.cc).

#ifndef SNMPDISSECT_DISSECTOR_PROTO_PROTOCOLS_H_
#define SNMPDISSECT_DISSECTOR_PROTO_PROTOCOLS_H_

#include "absl/types/span.h"
#include "dissector/proto/protocol.h"

namespace snmpdissect::proto {

void RegisterProtocols();

// Every registered protocol, in list order (registers them first): what the
// dissector tables' defaults and decode-as names come from (registry.h).
absl::Span<const Protocol* const> RegisteredProtocols();

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_PROTOCOLS_H_
