#include "dissector/print/summary_line.h"

#include "dissector/value/value_format.h"

namespace snmpdissect::print {
namespace {

using tree::Tree;
using value::AppendDecimal;
using value::AppendRelativeTime;

// Pads the text written since `start` with spaces to `width`, on the left
// (right-aligned) or on the right (tshark's put_spaces_string and
// put_string_spaces).
void Pad(size_t start, size_t width, bool right_align, std::string* out) {
  const size_t written = out->size() - start;
  if (written >= width) return;
  if (right_align) {
    out->insert(start, width - written, ' ');
  } else {
    out->append(width - written, ' ');
  }
}

}  // namespace

void SummaryLinePrinter::Append(const Tree& tree, std::string* out) const {
  const tree::Columns& columns = tree.columns();

  // No. and Time.
  size_t start = out->size();
  AppendDecimal(columns.number, out);
  Pad(start, 5, true, out);
  out->push_back(' ');
  start = out->size();
  AppendRelativeTime(columns.relative_time_ns, options_.time_decimals, out);
  Pad(start, 10, true, out);
  out->push_back(' ');

  // Source -> Destination.
  start = out->size();
  out->append(columns.source);
  Pad(start, 12, true, out);
  out->append(" -> ");
  start = out->size();
  out->append(columns.destination);
  Pad(start, 12, false, out);
  out->push_back(' ');

  // Protocol and Length.
  out->append(columns.protocol);
  out->push_back(' ');
  AppendDecimal(columns.length, out);
  out->push_back(' ');

  // Info: what the layers wrote while dissecting.
  out->append(columns.info);
  if (tree.first_malformed() != tree::kNoNode) out->append("[Malformed Packet]");
  out->push_back('\n');
}

}  // namespace snmpdissect::print
