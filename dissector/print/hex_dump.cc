#include "dissector/print/hex_dump.h"

#include <string_view>

#include "dissector/value/hex_digits.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::print {

using value::AppendDecimal;
using value::WriteHexByte;
using value::kHexDigits;

namespace {

using tree::FieldId;
using tree::NodeId;
using tree::Tree;

// Wireshark's names for the data sources its dissectors add
// (add_new_data_source in packet-snmp.c, reassemble.c users).
// (Each such field's row names it: FieldInfo::data_source.)
const char* SourceTitle(const tree::FieldInfo& field) {
  return field.data_source != nullptr ? field.data_source : field.name;
}

// The fields whose nodes are data sources.
bool IsSourceField(FieldId field) { return tree::GetField(field).data_source != nullptr; }

constexpr int kMaxOffsetDigits = 8;

// print.c: at least 4 offset digits, as many as the last offset needs.
int OffsetDigits(size_t length) {
  int digits = 4;
  for (uint64_t last = length == 0 ? 0 : length - 1;
       digits < kMaxOffsetDigits && (last >> (4 * digits)) != 0;) {
    ++digits;
  }
  return digits;
}

// One line of print.c's hex dump: offset, 16 octets in hex (a blank column
// between each pair of octets, padded out on the last line), three blanks,
// the printable octets as text. Built in a buffer and appended once.
constexpr size_t kMaxLine = size_t{kMaxOffsetDigits} + 2 + 16 * 3 - 1 + 3 + 16 + 1;

void AppendLine(std::string_view bytes, size_t offset, int digits, std::string* out) {
  char line[kMaxLine];
  size_t n = 0;
  for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
    line[n++] = kHexDigits[(offset >> shift) & 0xf];
  }
  line[n++] = ' ';
  line[n++] = ' ';
  const size_t count = bytes.size() - offset < 16 ? bytes.size() - offset : 16;
  for (size_t i = 0; i < 16; ++i) {
    if (i < count) {
      WriteHexByte(static_cast<uint8_t>(bytes[offset + i]), line + n);
    } else {
      line[n] = line[n + 1] = ' ';
    }
    n += 2;
    if (i != 15) line[n++] = ' ';
  }
  line[n++] = ' ';
  line[n++] = ' ';
  line[n++] = ' ';
  for (size_t i = 0; i < count; ++i) {
    const uint8_t b = static_cast<uint8_t>(bytes[offset + i]);
    line[n++] = b >= 0x20 && b < 0x7f ? static_cast<char>(b) : '.';
  }
  line[n++] = '\n';
  out->append(line, n);
}

void AppendLines(std::string_view bytes, std::string* out) {
  const int digits = OffsetDigits(bytes.size());
  for (size_t offset = 0; offset < bytes.size(); offset += 16) {
    AppendLine(bytes, offset, digits, out);
  }
}

void AppendTitle(const char* name, size_t length, std::string* out) {
  out->append(name);
  out->append(" (");
  AppendDecimal(uint64_t{length}, out);
  out->append(" bytes):\n");
}

}  // namespace

void AppendHexDump(const Tree& tree, absl::Span<const uint8_t> frame, std::string* out) {
  const std::string_view frame_bytes(reinterpret_cast<const char*>(frame.data()), frame.size());
  bool others = false;
  for (NodeId id = 1; id < tree.size() && !others; ++id) {
    others = IsSourceField(tree.node(id).field) &&
             tree.node(id).type == tree::FieldType::kBytes;
  }
  if (others) AppendTitle("Frame", frame.size(), out);
  AppendLines(frame_bytes, out);
  // Node ids are creation order: the order Wireshark adds the sources in.
  for (NodeId id = 1; others && id < tree.size(); ++id) {
    const tree::Node& node = tree.node(id);
    if (!IsSourceField(node.field) || node.type != tree::FieldType::kBytes) continue;
    const std::string_view bytes = tree.TextValue(id);
    AppendTitle(SourceTitle(tree.field(id)), bytes.size(), out);
    AppendLines(bytes, out);
  }
  out->push_back('\n');
}

}  // namespace snmpdissect::print
