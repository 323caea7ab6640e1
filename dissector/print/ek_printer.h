// -T ek: the Elasticsearch bulk format, two lines per frame, in tshark
// 4.0's layout (epan/print.c write_ek_proto_tree):
//
//   {"index":{"_index":"packets-2026-11-21"}}
//   {"timestamp":"1795223896481","layers":{"frame":{"frame_frame_number":"1",...},
//    "snmp":{"snmp_snmp_version":"0","snmp_snmp_name":["1.3.6.1.2.1.1.1.0",...],...}}}
//
// The action line names a daily index from the frame's UTC date, without
// the "_type":"doc" tshark 4.0 still writes: Elasticsearch 8 and OpenSearch
// 2 reject _type in bulk actions. The document holds the capture time in
// milliseconds and one object per layer (a child of the tree's root; a
// layer that occurs twice, such as two SNMP messages in one TCP segment,
// becomes an array of objects). Every node below a layer, hidden and
// generated ones included, is a key "<layer>_<abbreviation with '.' as
// '_'>", as tshark names them; a field that occurs several times in a
// layer is one key with an array of values (tshark 4.0 repeats the key,
// which JSON parsers resolve to the last value). Values: booleans as
// true/false, FT_NONE and protocols as null, byte strings as colon
// separated hex, absolute times as ISO 8601 UTC, everything else as the
// -T fields text in a JSON string (value_text.h). Output is always valid
// UTF-8 JSON, one document per line.
//
// The index mapping for these documents is AppendEkMapping's (-G
// elastic-mapping), generated from the field table.
//
// Cost: the nodes of a layer are sorted by field to group occurrences, in
// vectors that keep their capacity: nothing is allocated per frame once
// warm.

#ifndef SNMPDISSECT_DISSECTOR_PRINT_EK_PRINTER_H_
#define SNMPDISSECT_DISSECTOR_PRINT_EK_PRINTER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dissector/tree/tree.h"

namespace snmpdissect::print {

class EkPrinter {
 public:
  EkPrinter();
  void AppendFrame(const tree::Tree& tree, std::string* out);

 private:
  void AppendLayer(const tree::Tree& tree, tree::NodeId layer, std::string* out);

  tree::FieldId time_field_;
  // Per layer: (field, node) of every node below it, sorted; per frame:
  // the layers in order. Capacity kept.
  std::vector<std::pair<uint16_t, tree::NodeId>> nodes_;
  std::vector<tree::NodeId> layers_;
  std::vector<bool> layer_done_;
  std::string value_;
};

// The index template for -T ek documents (tshark -G elastic-mapping's
// shape, valid for Elasticsearch 8 and OpenSearch 2): every field of the
// table under its layer, typed for the text EkPrinter writes.
void AppendEkMapping(std::string* out);

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_EK_PRINTER_H_
