// The dissection tree as JSON: an array of frames (kArray) or one frame
// object per line (kNdjson, for streaming into jq, log pipelines, ...).
//
// Schema (ours, not tshark's -T json; stable: fields are only ever added):
//
//   frame object:
//     "frame":        frame number (frame.number; else a 1-based count)
//     "truncated":    true when the tree hit its size limit (else absent)
//     "data_sources": [ {"field": "snmp.decrypted_pdu", "ordinal": 1,
//                        "name": "Decrypted ScopedPDU", "length": 104}, ... ]
//                     the byte buffers other than the frame that nodes point
//                     into (decrypted ScopedPDUs, reassembled IP/TCP data),
//                     in tree order; absent when there are none
//     "layers":       [ node, ... ] the root's children (frame, eth, ip, ...)
//   node object:
//     "field":        abbreviation ("snmp.msgID"; fields.h)
//     "name":         display name ("msgID", or the node's own label)
//     "show":         the line tshark -V shows, without [brackets]
//     "type":         "none" "protocol" "uint" "int" "bool" "double" "bytes"
//                     "string" "oid" "ipv4" "ipv6" "ether" "absolute_time"
//                     "relative_time"
//     "value":        typed: integers as JSON numbers (as strings beyond
//                     +-2^53, which JSON doubles cannot hold exactly), true /
//                     false, dotted OID text, bytes as lowercase hex, string
//                     text (invalid UTF-8 -> U+FFFD), addresses as text,
//                     times as tshark's text; absent for none/protocol
//     "ns":           times only: the value in nanoseconds (number)
//     "offset", "length": where the bytes are, in the frame or the source
//     "source":       only when not the frame: {"field": ..., "ordinal": k},
//                     the k-th (1-based) data source of that field in
//                     "data_sources"
//     "generated":    true for worked-out nodes (else absent)
//     "diagnostics":  [ {"severity": "Warning", "group": "Malformed",
//                        "expert": "snmp.invalid_oid", "text": ...} ]
//     "children":     [ node, ... ] when there are any
//   Hidden nodes (ip.addr, udp.port, ...) are left out, as in tshark's tree
//   outputs.
//
// The output is always valid UTF-8 JSON whatever the packet holds: control
// characters become \u00XX (or \n, \t ...), invalid UTF-8 becomes U+FFFD,
// and U+2028/U+2029 are escaped for JavaScript consumers. The walk over the
// tree is iterative (no recursion, whatever the depth).
//
//   print::JsonTreePrinter printer(print::JsonStyle::kArray);
//   std::string out;
//   printer.Begin(&out);                      // "[\n"
//   for (each frame) printer.AppendFrame(tree, &out);
//   printer.End(&out);                        // "\n]\n"
//
// Reuse the printer and the output string: no allocation per frame once
// their buffers have grown.

#ifndef SNMPDISSECT_DISSECTOR_PRINT_JSON_TREE_H_
#define SNMPDISSECT_DISSECTOR_PRINT_JSON_TREE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

enum class JsonStyle {
  kArray,   // "[\n" frame ",\n" frame "\n]\n": one JSON document
  kNdjson,  // one compact frame object per line
};

class JsonTreePrinter {
 public:
  explicit JsonTreePrinter(JsonStyle style) : style_(style) {}

  void Begin(std::string* out);
  void AppendFrame(const tree::Tree& tree, std::string* out);
  void End(std::string* out);

 private:
  void AppendNode(const tree::Tree& tree, tree::NodeId id, std::string* out);
  void AppendSource(const tree::Tree& tree, tree::SourceId source, std::string* out) const;

  JsonStyle style_;
  uint64_t frames_ = 0;
  // Per frame, capacity kept: the data sources in tree order, and each
  // one's ordinal among those of its field.
  std::vector<tree::NodeId> sources_;
  std::vector<uint32_t> ordinals_;
  std::string line_;  // scratch for "show"
};

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_JSON_TREE_H_
