// Shared by agentx.cc (header, entry point, Info) and agentx_pdu.cc (the
// PDU bodies of RFC 2741 6.2): where the codec's locations lie in the tree.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_AGENTX_INTERNAL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_AGENTX_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <string>

#include "codec/agentx/model.h"
#include "dissector/proto/net_layer.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto::agentx_internal {

// The codec decodes with base_offset = the layer's offset in its data
// source, so every agentx::Location is already a source offset. Ranges are
// cut at `end` (the end of the layer's input): a location derived from a
// lying length (a payload_length past the input) never reaches past the
// octets the layer was given.
struct Ranges {
  tree::SourceId source = tree::kFrameSource;
  size_t end = 0;

  tree::Range At(size_t offset, size_t length) const {
    offset = std::min(offset, end);
    length = std::min(length, end - offset);
    return {LayerInput::Clamp(offset), LayerInput::Clamp(length), source};
  }
  tree::Range At(const agentx::Location& l) const { return At(l.offset, l.length); }
};

// Adds the fields of the PDU body (everything after the header) under
// `agentx`; `text` is scratch for OID strings.
void AddPduBody(const agentx::Pdu& pdu, const Ranges& ranges, tree::Tree* tree,
                tree::NodeId agentx, std::string* text);

}  // namespace snmpdissect::proto::agentx_internal

#endif  // SNMPDISSECT_DISSECTOR_PROTO_AGENTX_INTERNAL_H_
