// The codecs' severity scale (codec/snmp/diagnostic.h, which codec/agentx
// shares) as the tree's: one mapping for every layer that turns codec
// diagnostics into experts.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_CODEC_SEVERITY_H_
#define SNMPDISSECT_DISSECTOR_PROTO_CODEC_SEVERITY_H_

#include "codec/snmp/diagnostic.h"
#include "dissector/tree/experts.h"

namespace snmpdissect::proto {

inline tree::Severity TreeSeverity(snmp::Severity severity) {
  switch (severity) {
    case snmp::Severity::kNote: return tree::Severity::kNote;
    case snmp::Severity::kWarning: return tree::Severity::kWarning;
    case snmp::Severity::kError: return tree::Severity::kError;
  }
  return tree::Severity::kWarning;
}

}  // namespace snmpdissect::proto

#endif  // SNMPDISSECT_DISSECTOR_PROTO_CODEC_SEVERITY_H_
