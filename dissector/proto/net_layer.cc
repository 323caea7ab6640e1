#include "dissector/proto/net_layer.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/malformed_fields.h"

namespace snmpdissect::proto {

void AddTruncated(tree::Tree* tree, tree::NodeId node, const char* label,
                  const LayerInput& in, size_t need) {
  const tree::NodeId bad =
      tree->AddNone(node, Malformed::hf[Malformed::kMalformed], in.At(0, in.size()));
  tree->SetLabel(bad, label);
  tree->SetGenerated(bad);
  tree->MarkMalformed(bad);
  tree->AddDiagnostic(bad, Malformed::ei[Malformed::kExpert], tree::Severity::kError,
                      [&](std::string* out) {
                        absl::StrAppendFormat(out,
                                              "%s: offset %d: needs %d octets, %d captured",
                                              label, in.offset, need, in.size());
                      });
}

}  // namespace snmpdissect::proto
