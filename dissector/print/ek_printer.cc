#include "dissector/print/ek_printer.h"

#include <time.h>

#include <algorithm>
#include <cstdio>

#include "dissector/value/escape.h"
#include "dissector/value/value_format.h"
#include "dissector/value/value_text.h"

namespace snmpdissect::print {

using value::AppendDecimal;
using value::AppendJsonString;
using value::AppendValueText;
using value::ValueStyle;

namespace {

using tree::FieldType;

// "<layer>_<abbrev with '.' as '_'>", quoted, for a key.
void AppendKey(std::string_view layer, std::string_view abbrev, std::string* out) {
  out->push_back('"');
  out->append(layer);
  out->push_back('_');
  for (const char c : abbrev) out->push_back(c == '.' ? '_' : c);
  out->append("\":");
}

// Days since 1970-01-01 to a civil date (proleptic Gregorian), without the
// C library's time_t range limits.
void CivilDate(int64_t days, int64_t* y, unsigned* m, unsigned* d) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2 ? 1 : 0);
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0); }

// "2026-11-21" or, with the time, "2026-11-21T01:18:16.481826000Z".
void AppendUtc(int64_t unix_ns, bool with_time, std::string* out) {
  const int64_t seconds = FloorDiv(unix_ns, 1000000000);
  const int64_t ns = unix_ns - seconds * 1000000000;
  const int64_t days = FloorDiv(seconds, 86400);
  const int64_t in_day = seconds - days * 86400;
  int64_t y;
  unsigned m, d;
  CivilDate(days, &y, &m, &d);
  char buffer[64];
  if (with_time) {
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%09lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(in_day / 3600),
                  static_cast<long long>(in_day / 60 % 60), static_cast<long long>(in_day % 60),
                  static_cast<long long>(ns));
  } else {
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y), m, d);
  }
  out->append(buffer);
}

}  // namespace

EkPrinter::EkPrinter() {
  const tree::FieldInfo* time = tree::FindField("frame.time");
  time_field_ = time != nullptr ? time->id : tree::kRootField;
}

void EkPrinter::AppendFrame(const tree::Tree& tree, std::string* out) {
  int64_t time_ns = 0;
  if (const tree::NodeId t = tree.Find(time_field_); t != tree::kNoNode) {
    time_ns = static_cast<int64_t>(tree.node(t).scalar);
  }
  out->append("{\"index\":{\"_index\":\"packets-");
  AppendUtc(time_ns, false, out);
  out->append("\"}}\n{\"timestamp\":\"");
  AppendDecimal(FloorDiv(time_ns, 1000000), out);
  out->append("\",\"layers\":{");
  layers_.clear();
  for (tree::NodeId l = tree.node(tree::Tree::kRoot).first_child; l != tree::kNoNode;
       l = tree.node(l).next_sibling) {
    layers_.push_back(l);
  }
  layer_done_.assign(layers_.size(), false);
  bool first_layer = true;
  for (size_t i = 0; i < layers_.size(); ++i) {
    if (layer_done_[i]) continue;
    const tree::FieldId field = tree.node(layers_[i]).field;
    size_t count = 0;
    for (size_t j = i; j < layers_.size(); ++j) count += tree.node(layers_[j]).field == field;
    if (!first_layer) out->push_back(',');
    first_layer = false;
    AppendJsonString(tree::GetField(field).abbrev, out);
    out->push_back(':');
    if (count > 1) out->push_back('[');
    bool first = true;
    for (size_t j = i; j < layers_.size(); ++j) {
      if (tree.node(layers_[j]).field != field) continue;
      layer_done_[j] = true;
      if (!first) out->push_back(',');
      first = false;
      AppendLayer(tree, layers_[j], out);
    }
    if (count > 1) out->push_back(']');
  }
  out->append("}}\n");
}

void EkPrinter::AppendLayer(const tree::Tree& tree, tree::NodeId layer, std::string* out) {
  // Every node below the layer, pre-order, then grouped by field (stable:
  // occurrences keep their order).
  nodes_.clear();
  tree::NodeId id = tree.node(layer).first_child;
  while (id != tree::kNoNode) {
    nodes_.emplace_back(static_cast<uint16_t>(tree.node(id).field), id);
    if (tree.node(id).first_child != tree::kNoNode) {
      id = tree.node(id).first_child;
      continue;
    }
    while (id != layer && tree.node(id).next_sibling == tree::kNoNode) id = tree.node(id).parent;
    if (id == layer) break;
    id = tree.node(id).next_sibling;
  }
  std::stable_sort(nodes_.begin(), nodes_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  const std::string_view layer_name = tree.field(layer).abbrev;
  out->push_back('{');
  for (size_t i = 0; i < nodes_.size();) {
    size_t end = i + 1;
    while (end < nodes_.size() && nodes_[end].first == nodes_[i].first) ++end;
    if (i != 0) out->push_back(',');
    AppendKey(layer_name, tree.field(nodes_[i].second).abbrev, out);
    if (end - i > 1) out->push_back('[');
    for (size_t k = i; k < end; ++k) {
      if (k != i) out->push_back(',');
      const tree::NodeId n = nodes_[k].second;
      const tree::Node& node = tree.node(n);
      switch (node.type) {
        case FieldType::kNone:
        case FieldType::kProtocol:
          out->append("null");
          break;
        case FieldType::kBool:
          out->append(node.scalar != 0 ? "true" : "false");
          break;
        case FieldType::kBytes: {
          const std::string_view bytes = tree.TextValue(n);
          static constexpr char kHex[] = "0123456789abcdef";
          out->push_back('"');
          for (size_t b = 0; b < bytes.size(); ++b) {
            if (b != 0) out->push_back(':');
            const auto octet = static_cast<unsigned char>(bytes[b]);
            out->push_back(kHex[octet >> 4]);
            out->push_back(kHex[octet & 15]);
          }
          out->push_back('"');
          break;
        }
        case FieldType::kAbsoluteTime:
          out->push_back('"');
          AppendUtc(static_cast<int64_t>(node.scalar), true, out);
          out->push_back('"');
          break;
        default:
          value_.clear();
          AppendValueText(tree, n, ValueStyle::kFields, &value_);
          AppendJsonString(value_, out);
          break;
      }
    }
    if (end - i > 1) out->push_back(']');
    i = end;
  }
  out->push_back('}');
}

void AppendEkMapping(std::string* out) {
  out->append(
      "{\n  \"index_patterns\": [\"packets-*\"],\n  \"template\": {\n"
      "    \"settings\": {\"index.mapping.total_fields.limit\": 1000000,\n"
      "                 \"index.mapping.ignore_malformed\": true},\n"
      "    \"mappings\": {\n      \"dynamic\": false,\n      \"properties\": {\n"
      "        \"timestamp\": {\"type\": \"date\", \"format\": \"epoch_millis\"},\n"
      "        \"layers\": {\n          \"properties\": {");
  bool first_layer = true;
  const absl::Span<const tree::FieldInfo> fields = tree::AllFields();
  for (size_t i = 0; i < fields.size(); ++i) {
    const tree::FieldInfo& p = fields[i];
    if (p.id == tree::kRootField || p.id != p.parent) continue;  // protocol blocks only
    out->append(first_layer ? "\n" : ",\n");
    first_layer = false;
    out->append("            ");
    AppendJsonString(p.abbrev, out);
    out->append(": {\"properties\": {");
    bool first = true;
    for (size_t j = i + 1; j < fields.size() && fields[j].parent == p.id; ++j) {
      const tree::FieldInfo& f = fields[j];
      // Typed for the text EkPrinter writes: "0x.." integers are keywords.
      const char* type = "keyword";
      switch (f.type) {
        case FieldType::kUint:
        case FieldType::kInt:
          type = f.display == tree::Display::kHex ? "keyword" : "long";
          break;
        case FieldType::kBool: type = "boolean"; break;
        case FieldType::kDouble:
        case FieldType::kRelativeTime: type = "double"; break;
        case FieldType::kIpv4:
        case FieldType::kIpv6: type = "ip"; break;
        case FieldType::kAbsoluteTime: type = "date"; break;
        default: break;
      }
      out->append(first ? "\n" : ",\n");
      first = false;
      out->append("              \"");
      for (const char c : std::string_view(p.abbrev)) out->push_back(c == '.' ? '_' : c);
      out->push_back('_');
      for (const char c : std::string_view(f.abbrev)) out->push_back(c == '.' ? '_' : c);
      out->append("\": {\"type\": \"");
      out->append(type);
      out->append("\"}");
    }
    out->append("\n            }}");
  }
  out->append("\n          }\n        }\n      }\n    }\n  }\n}\n");
}

}  // namespace snmpdissect::print
