#include "dissector/print/fields_printer.h"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "dissector/value/value_text.h"

namespace snmpdissect::print {

using value::AppendValueText;
using value::ValueStyle;

namespace {

// Concatenates without operator+ (GCC 12 warns -Wrestrict inside it).
std::string Join(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view p : parts) out.append(p);
  return out;
}

// tshark's -E separator / aggregator values: "/t" tab, "/s" space, else
// the character given (tshark uses the first one).
bool ParseSeparator(std::string_view value, std::string* out) {
  if (value.empty()) return false;
  // One character either way (assign(1, c): GCC 12 warns -Wrestrict on
  // assigning short literals).
  out->assign(1, value == "/t" ? '\t' : value == "/s" ? ' ' : value[0]);
  return true;
}

}  // namespace

absl::Status ParseFieldsOption(std::string_view e_value, FieldsOptions* options) {
  const size_t eq = e_value.find('=');
  const std::string_view name = e_value.substr(0, eq);
  const std::string_view value =
      eq == std::string_view::npos ? std::string_view() : e_value.substr(eq + 1);
  auto bad = [&](const char* expected) {
    return absl::InvalidArgumentError(
        Join({"-E ", name, ": expected ", expected, ", not '", value, "'"}));
  };
  if (eq == std::string_view::npos) {
    return absl::InvalidArgumentError(
        Join({"-E '", e_value, "': expected option=value"}));
  }
  if (name == "header") {
    if (value != "y" && value != "n") return bad("y or n");
    options->header = value == "y";
  } else if (name == "separator") {
    if (!ParseSeparator(value, &options->separator)) return bad("/t, /s or a character");
  } else if (name == "aggregator") {
    if (!ParseSeparator(value, &options->occurrence_separator)) {
      return bad(", /s or a character");
    }
  } else if (name == "occurrence") {
    if (value == "a") {
      options->occurrence = FieldsOptions::Occurrence::kAll;
    } else if (value == "f") {
      options->occurrence = FieldsOptions::Occurrence::kFirst;
    } else if (value == "l") {
      options->occurrence = FieldsOptions::Occurrence::kLast;
    } else {
      return bad("f, l or a");
    }
  } else if (name == "quote") {
    if (value == "d") {
      options->quote = '"';
    } else if (value == "s") {
      options->quote = '\'';
    } else if (value == "n") {
      options->quote = 0;
    } else {
      return bad("d, s or n");
    }
  } else {
    return absl::InvalidArgumentError(
        Join({"-E: unknown option '", name,
              "' (expected header, separator, occurrence, aggregator or quote)"}));
  }
  return absl::OkStatus();
}

absl::StatusOr<FieldsPrinter> FieldsPrinter::Create(FieldsOptions options) {
  if (options.fields.empty()) return absl::InvalidArgumentError("no fields (-e) given");
  FieldsPrinter printer(std::move(options));
  const size_t columns = printer.options_.fields.size();
  printer.first_column_.assign(tree::FieldCount(), -1);
  printer.next_column_.assign(columns, -1);
  // Build the chains back to front so each starts at its leftmost column.
  for (size_t c = columns; c-- > 0;) {
    const tree::FieldInfo* field = tree::FindField(printer.options_.fields[c]);
    if (field == nullptr) {
      return absl::InvalidArgumentError(
          Join({"unknown field '", printer.options_.fields[c], "'"}));
    }
    int32_t& first = printer.first_column_[static_cast<size_t>(field->id)];
    printer.next_column_[c] = first;
    first = static_cast<int32_t>(c);
  }
  printer.cells_.resize(columns);
  printer.counts_.resize(columns);
  return printer;
}

void FieldsPrinter::AppendHeader(std::string* out) const {
  if (!options_.header) return;
  for (size_t c = 0; c < options_.fields.size(); ++c) {
    if (c != 0) out->append(options_.separator);
    out->append(options_.fields[c]);
  }
  out->push_back('\n');
}

void FieldsPrinter::AppendFrame(const tree::Tree& tree, std::string* out) {
  for (size_t c = 0; c < cells_.size(); ++c) {
    cells_[c].clear();
    counts_[c] = 0;
  }
  // Node ids are creation order: the order tshark keeps a field's items in.
  for (tree::NodeId id = 1; id < tree.size(); ++id) {
    const size_t field = static_cast<size_t>(tree.node(id).field);
    for (int32_t c = first_column_[field]; c >= 0; c = next_column_[static_cast<size_t>(c)]) {
      std::string& cell = cells_[static_cast<size_t>(c)];
      uint32_t& count = counts_[static_cast<size_t>(c)];
      switch (options_.occurrence) {
        case FieldsOptions::Occurrence::kFirst:
          if (count != 0) continue;
          break;
        case FieldsOptions::Occurrence::kLast:
          cell.clear();
          break;
        case FieldsOptions::Occurrence::kAll:
          if (count != 0) cell.append(options_.occurrence_separator);
          break;
      }
      AppendValueText(tree, id, ValueStyle::kFields, &cell);
      ++count;
    }
  }
  for (size_t c = 0; c < cells_.size(); ++c) {
    if (c != 0) out->append(options_.separator);
    if (counts_[c] == 0) continue;
    if (options_.quote != 0) out->push_back(options_.quote);
    out->append(cells_[c]);
    if (options_.quote != 0) out->push_back(options_.quote);
  }
  out->push_back('\n');
}

}  // namespace snmpdissect::print
