// tshark -T fields: one line per frame, the values of the chosen fields
// (-e) separated by a separator, several occurrences of a field joined by
// the aggregator, with tshark's -E options (header, separator, occurrence,
// aggregator, quote).
//
//   print::FieldsOptions options;
//   options.fields = {"frame.number", "snmp.msgID", "snmp.name"};
//   if (absl::Status s = print::ParseFieldsOption("separator=,", &options); !s.ok()) ...
//   absl::StatusOr<print::FieldsPrinter> printer = print::FieldsPrinter::Create(options);
//   std::string out;
//   printer->AppendHeader(&out);   // with header=y: "frame.number,snmp.msgID,snmp.name\n"
//   for (each frame) printer->AppendFrame(tree, &out);   // "4,42,1.3.6.1.2.1.1.1.0\n"
//
// Values are spelled as tshark 4.0 spells them (value_text.h,
// value::ValueStyle::kFields). Occurrences are taken in the order the dissector
// added them (tshark: the order of the field's items in the frame), hidden
// nodes included (ip.addr, udp.port), and nodes in other data sources (a
// decrypted ScopedPDU, reassembled data) too. An absent field prints nothing (no quotes either).
// The header is not quoted, as in tshark.
//
// Intended differences from tshark (see fields_printer_test.cc for the
// table checked against tshark on the corpus):
//   - strings escape non-printable octets as \xNN (escape.h) where tshark
//     writes octal escapes or U+FFFD;
//   - absolute times are always UTC (tshark: the local zone);
//   - TCP/IP option items (tcp.options.mss, ...) print their abbreviation
//     where tshark prints their octets (the tree does not keep them).
//
// No allocation per frame once the printer's column buffers and the output
// string have grown.

#ifndef SNMPDISSECT_DISSECTOR_PRINT_FIELDS_PRINTER_H_
#define SNMPDISSECT_DISSECTOR_PRINT_FIELDS_PRINTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::print {

struct FieldsOptions {
  std::vector<std::string> fields;          // abbreviations, in column order
  bool header = false;                      // -E header=y
  std::string separator = "\t";             // -E separator=/t|/s|<char>
  std::string occurrence_separator = ",";   // -E aggregator=,|/s|<char>
  char quote = 0;                           // -E quote=d|s|n: '"', '\'' or none
  enum class Occurrence { kAll, kFirst, kLast } occurrence = Occurrence::kAll;  // -E occurrence=a|f|l
};

// Applies one tshark -E value ("header=y", "separator=/t", "occurrence=f",
// "aggregator=/s", "quote=d") to *options. InvalidArgument naming the
// option for an unknown option or a bad value.
absl::Status ParseFieldsOption(std::string_view e_value, FieldsOptions* options);

class FieldsPrinter {
 public:
  // InvalidArgument "unknown field 'x'" for an abbreviation fields.h does
  // not know; "no fields" when the list is empty.
  static absl::StatusOr<FieldsPrinter> Create(FieldsOptions options);

  // The field names, separated, and '\n' when FieldsOptions::header is set
  // (-E header=y; unquoted, as tshark); nothing otherwise. Call it once,
  // before the first frame.
  void AppendHeader(std::string* out) const;
  // One line for the frame, '\n' included.
  void AppendFrame(const tree::Tree& tree, std::string* out);

 private:
  explicit FieldsPrinter(FieldsOptions options) : options_(std::move(options)) {}

  FieldsOptions options_;
  // FieldId -> first column showing it (-1: none); column -> next column
  // showing the same field (a field may be asked for twice).
  std::vector<int32_t> first_column_;
  std::vector<int32_t> next_column_;
  // Per frame, capacity kept.
  std::vector<std::string> cells_;
  std::vector<uint32_t> counts_;
};

}  // namespace snmpdissect::print

#endif  // SNMPDISSECT_DISSECTOR_PRINT_FIELDS_PRINTER_H_
