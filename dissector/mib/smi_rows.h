// One object's facts as the libsmi loading child sends them to its parent
// (smi_loader.cc), and their checked conversion into a row of the table's
// text form (table_parser.h).
//
//   child:   std::string record;
//            SmiRowWriter row(&record);
//            row.Field(oid); row.Field(name); ...; row.Enum("up", "1"); ...
//   parent:  std::string line, problem;
//            if (SmiRowToTableLine(record_view, &line, &problem)) ParseTable(line, ...)
//
// Why not send the table's text directly: a DISPLAY-HINT is a quoted
// string in the MIB and may hold any byte, a tab and a newline included
// (RFC 2579 section 3.1 lets a display-separator be any character but a
// digit or '*'), and libsmi passes "1x\n1d\t1o" through. Written into a
// tab-separated row it split the row in two. Here every field is
// length-prefixed (4 octets, little-endian, then the bytes), so any byte
// round-trips; the parent then refuses, with one line naming the object
// and the field, a field holding a byte the table's text cannot carry (a
// tab or newline anywhere, a ',' or '=' in a named number's label), before
// the row meets the table parser's own checks.
//
// Hostile input: the record comes from a process that ran libsmi on an
// untrusted file; a length past the record's end, a missing field or
// trailing bytes make the record refused, never read out of bounds.

#ifndef SNMPDISSECT_DISSECTOR_MIB_SMI_ROWS_H_
#define SNMPDISSECT_DISSECTOR_MIB_SMI_ROWS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace snmpdissect::mib {

// The row's fields in the table's order (table_parser.h): OID, name, module,
// kind, base type, textual convention, DISPLAY-HINT, fixed size, then the
// INDEX list; named numbers follow as label/value pairs.
inline constexpr int kSmiRowFields = 9;

// Appends one object's record to `out` (which the writer borrows).
class SmiRowWriter {
 public:
  explicit SmiRowWriter(std::string* out) : out_(out) {}
  void Field(std::string_view value) { Atom(value); }
  void Enum(std::string_view label, std::string_view value) {
    Atom(label);
    Atom(value);
  }

 private:
  void Atom(std::string_view value);
  std::string* out_;
};

// Splits a module's records (one after another, each a 4-octet length and
// the record) one at a time; false at the end or on a record that runs past
// the text.
class SmiRecordReader {
 public:
  explicit SmiRecordReader(std::string_view text) : text_(text) {}
  [[nodiscard]] bool Next(std::string_view* record);
  // After Next returned false: true when every octet was read, false when a
  // record ran past the text (a stream cut short or corrupt).
  bool at_end() const { return text_.empty(); }

 private:
  std::string_view text_;
};

// The channel's lengths: 4 octets, little-endian (also the child's record
// headers, smi_loader.cc and smi_child_guard.cc). Async-signal-safe.
inline void EncodeSmiLength(uint32_t n, char out[4]) {
  for (int i = 0; i < 4; ++i) out[i] = static_cast<char>((n >> (8 * i)) & 0xff);
}
inline uint32_t DecodeSmiLength(const char in[4]) {
  uint32_t n = 0;
  for (int i = 3; i >= 0; --i) n = (n << 8) | static_cast<uint8_t>(in[i]);
  return n;
}

// Appends one record (length-prefixed) to `out`.
void AppendSmiRecord(std::string* out, std::string_view record);

// `text` with control and non-ASCII bytes as \xNN: what libsmi and a MIB
// say is quoted in error lines, which a MIB must not be able to split or
// use to drive the terminal.
std::string SmiPrintable(std::string_view text);

// Writes the record as one table row ending in '\n' into `line`; false with
// `problem` set (one line, printable) when the record is malformed or a
// field holds a byte the table text cannot carry.
[[nodiscard]] bool SmiRowToTableLine(std::string_view record, std::string* line,
                                     std::string* problem);

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_SMI_ROWS_H_
