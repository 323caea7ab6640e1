#include "dissector/mib/table_parser.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>
#include <vector>

#include <string>

namespace snmpdissect::mib {
namespace {

constexpr size_t kMaxArcs = 128;  // RFC 2578 section 3.5
constexpr size_t kFields = 10;

// Splits at `sep`, one piece per call; a failed Next never advances.
class Splitter {
 public:
  Splitter(std::string_view text, char sep) : text_(text), sep_(sep) {}
  bool Next(std::string_view* piece) {
    if (done_) return false;
    const size_t end = text_.find(sep_, at_);
    if (end == std::string_view::npos) {
      *piece = text_.substr(at_);
      done_ = true;
    } else {
      *piece = text_.substr(at_, end - at_);
      at_ = end + 1;
    }
    return true;
  }

 private:
  std::string_view text_;
  char sep_;
  size_t at_ = 0;
  bool done_ = false;
};

template <typename T>
bool ParseNumber(std::string_view text, T* out) {
  if (text.empty() || text.size() > 20) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && end == text.data() + text.size();
}

bool ParseOid(std::string_view text, std::array<uint32_t, kMaxArcs>* arcs, size_t* count) {
  *count = 0;
  Splitter arcs_text(text, '.');
  std::string_view arc;
  while (arcs_text.Next(&arc)) {
    if (*count == kMaxArcs || arc.size() > 10 || !ParseNumber(arc, &(*arcs)[*count])) {
      return false;
    }
    ++*count;
  }
  return *count > 0;
}

bool IsName(std::string_view text, size_t max) {
  if (text.empty() || text.size() > max) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// A DISPLAY-HINT's characters (RFC 2579 section 3.1): printable ASCII.
bool IsHint(std::string_view text, size_t max) {
  if (text.empty() || text.size() > max) return false;
  for (const char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

struct Words {
  std::string_view word;
  uint8_t value;
};
constexpr Words kKinds[] = {{"node", 0},  {"scalar", 1}, {"table", 2},
                            {"entry", 3}, {"column", 4}, {"notification", 5}};
constexpr Words kBases[] = {{"-", 0},        {"int", 1},       {"octets", 2},
                            {"oid", 3},      {"bits", 4},      {"ipaddr", 5},
                            {"counter32", 6}, {"gauge32", 7},  {"timeticks", 8},
                            {"opaque", 9},   {"counter64", 10}};

template <size_t N>
bool Word(std::string_view text, const Words (&words)[N], uint8_t* out) {
  for (const Words& w : words) {
    if (w.word == text) {
      *out = w.value;
      return true;
    }
  }
  return false;
}

// Reusable buffers of one parse.
struct Scratch {
  std::vector<NamedNumber> enums;
  std::vector<std::string_view> index;
  std::vector<uint8_t> implied;
};

// Parses one row; returns the problem, or an empty string.
std::string_view ParseRow(std::string_view line, const ParseLimits& limits, Scratch* s,
                          Table* table) {
  std::array<std::string_view, kFields> f;
  size_t n = 0;
  Splitter fields(line, '\t');
  std::string_view piece;
  while (fields.Next(&piece)) {
    if (n == kFields) return "more than 10 fields";
    f[n++] = piece;
  }
  if (n != kFields) return "fewer than 10 fields";
  std::array<uint32_t, kMaxArcs> arcs;
  size_t arc_count = 0;
  if (!ParseOid(f[0], &arcs, &arc_count)) return "bad OID";
  Object o;
  if (!IsName(f[1], limits.max_name)) return "bad name";
  if (!IsName(f[2], limits.max_name)) return "bad module";
  o.name = f[1];
  o.module = f[2];
  uint8_t word = 0;
  if (!Word(f[3], kKinds, &word)) return "bad kind";
  o.kind = static_cast<Kind>(word);
  if (!Word(f[4], kBases, &word)) return "bad base type";
  o.base = static_cast<BaseType>(word);
  if (f[5] != "-") {
    if (!IsName(f[5], limits.max_name)) return "bad textual convention";
    o.tc = f[5];
  }
  if (f[6] != "-") {
    if (!IsHint(f[6], limits.max_hint)) return "bad display hint";
    o.hint = f[6];
  }
  if (!ParseNumber(f[7], &o.fixed_size) || o.fixed_size > 65535) return "bad fixed size";
  s->enums.clear();
  if (f[8] != "-") {
    Splitter items(f[8], ',');
    std::string_view item;
    while (items.Next(&item)) {
      if (s->enums.size() == limits.max_enums) return "too many named numbers";
      const size_t eq = item.rfind('=');
      if (eq == std::string_view::npos) return "bad named number";
      NamedNumber nn;
      nn.name = item.substr(0, eq);
      if (!IsName(nn.name, limits.max_name) || !ParseNumber(item.substr(eq + 1), &nn.value)) {
        return "bad named number";
      }
      s->enums.push_back(nn);
    }
  }
  s->index.clear();
  s->implied.clear();
  if (f[9] != "-") {
    if (o.kind != Kind::kEntry) return "INDEX on an object that is no entry";
    Splitter items(f[9], ',');
    std::string_view item;
    while (items.Next(&item)) {
      if (s->index.size() == limits.max_index) return "too many INDEX objects";
      const bool implied = !item.empty() && item[0] == '!';
      if (implied) item.remove_prefix(1);
      std::array<uint32_t, kMaxArcs> index_arcs;
      size_t index_count = 0;
      if (!ParseOid(item, &index_arcs, &index_count)) return "bad INDEX OID";
      s->index.push_back(item);
      s->implied.push_back(implied ? 1 : 0);
    }
  }
  table->Add(absl::MakeConstSpan(arcs.data(), arc_count), o, s->enums, s->index, s->implied);
  return {};
}

}  // namespace

absl::Status ParseTable(std::string_view text, std::string_view origin, Table* table,
                        const ParseLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return absl::InvalidArgumentError(std::string(origin) + ": larger than " +
                                      std::to_string(limits.max_bytes) + " bytes");
  }
  Scratch scratch;
  size_t rows = 0;
  size_t line_number = 0;
  size_t at = 0;
  while (at < text.size()) {
    ++line_number;
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line[0] == '#') continue;
    std::string_view problem;
    if (line.size() > limits.max_line) {
      problem = "line too long";
    } else if (++rows > limits.max_rows) {
      problem = "too many rows";
    } else {
      problem = ParseRow(line, limits, &scratch, table);
    }
    if (!problem.empty()) {
      return absl::InvalidArgumentError(std::string(origin) + ":" + std::to_string(line_number) +
                                        ": " + std::string(problem));
    }
  }
  return absl::OkStatus();
}

}  // namespace snmpdissect::mib
