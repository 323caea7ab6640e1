#include "dissector/mib/smi_rows.h"

#include <array>
#include <cstdint>

#include "absl/strings/str_cat.h"

namespace snmpdissect::mib {
namespace {

constexpr size_t kLengthOctets = 4;

// Reads one length-prefixed atom; a failed read never advances.
bool ReadAtom(std::string_view* text, std::string_view* atom) {
  if (text->size() < kLengthOctets) return false;
  const uint32_t n = DecodeSmiLength(text->data());
  if (text->size() - kLengthOctets < n) return false;
  *atom = text->substr(kLengthOctets, n);
  text->remove_prefix(kLengthOctets + size_t{n});
  return true;
}

void WriteAtom(std::string* out, std::string_view atom) {
  char header[kLengthOctets];
  EncodeSmiLength(static_cast<uint32_t>(atom.size()), header);
  out->append(header, kLengthOctets);
  out->append(atom);
}

// The table text's separators: between fields and rows, and inside the
// named-number list ("label=value,label=value").
bool CarriesInRow(std::string_view field) {
  return field.find_first_of("\t\n") == std::string_view::npos;
}
bool CarriesInList(std::string_view label) {
  return label.find_first_of("\t\n,=") == std::string_view::npos;
}

constexpr const char* kFieldNames[kSmiRowFields] = {
    "OID", "name", "module", "kind", "base type", "textual convention", "DISPLAY-HINT",
    "fixed size", "INDEX"};

}  // namespace

void SmiRowWriter::Atom(std::string_view value) { WriteAtom(out_, value); }

bool SmiRecordReader::Next(std::string_view* record) { return ReadAtom(&text_, record); }

void AppendSmiRecord(std::string* out, std::string_view record) { WriteAtom(out, record); }

std::string SmiPrintable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppend(&out, "\\x", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

bool SmiRowToTableLine(std::string_view record, std::string* line, std::string* problem) {
  std::array<std::string_view, kSmiRowFields> f;
  for (int i = 0; i < kSmiRowFields; ++i) {
    if (!ReadAtom(&record, &f[i])) {
      *problem = "a malformed object record from the loading child";
      return false;
    }
  }
  // Names the object in a problem: its name and OID, as far as printable.
  const auto object = [&] { return absl::StrCat(SmiPrintable(f[1]), " (", SmiPrintable(f[0]), ")"); };
  for (int i = 0; i < kSmiRowFields; ++i) {
    if (!CarriesInRow(f[i])) {
      *problem = absl::StrCat(object(), ": its ", kFieldNames[i], " \"", SmiPrintable(f[i]),
                              "\" holds a tab or newline; the object is left out");
      return false;
    }
  }
  line->clear();
  for (int i = 0; i < kSmiRowFields - 1; ++i) {
    line->append(f[i]);
    line->push_back('\t');
  }
  size_t enums = 0;
  while (!record.empty()) {
    std::string_view label, value;
    if (!ReadAtom(&record, &label) || !ReadAtom(&record, &value)) {
      *problem = absl::StrCat(object(), ": a malformed named number from the loading child");
      return false;
    }
    if (!CarriesInList(label) || !CarriesInList(value)) {
      *problem = absl::StrCat(object(), ": its named number \"", SmiPrintable(label),
                              "\" holds a tab, newline, ',' or '='; the object is left out");
      return false;
    }
    if (enums++ != 0) line->push_back(',');
    line->append(label);
    line->push_back('=');
    line->append(value);
  }
  if (enums == 0) line->push_back('-');
  line->push_back('\t');
  line->append(f[kSmiRowFields - 1]);
  line->push_back('\n');
  return true;
}

}  // namespace snmpdissect::mib
