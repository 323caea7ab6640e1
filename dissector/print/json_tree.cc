#include "dissector/print/json_tree.h"

#include <algorithm>

#include "dissector/value/escape.h"
#include "dissector/value/value_format.h"
#include "dissector/value/value_text.h"

namespace snmpdissect::print {

using value::AppendDecimal;
using value::AppendDouble;
using value::AppendHexBytes;
using value::AppendJsonString;
using value::AppendNodeLine;
using value::AppendValueText;
using value::ValueStyle;

namespace {

using tree::FieldType;
using tree::kNoNode;
using tree::NodeId;
using tree::Tree;

// JSON numbers are doubles to most readers: exact up to 2^53 (RFC 8259
// section 6 advises staying within it).
constexpr uint64_t kMaxExactInteger = uint64_t{1} << 53;

const char* TypeName(FieldType type) {
  switch (type) {
    case FieldType::kNone: return "none";
    case FieldType::kProtocol: return "protocol";
    case FieldType::kUint: return "uint";
    case FieldType::kInt: return "int";
    case FieldType::kBool: return "bool";
    case FieldType::kDouble: return "double";
    case FieldType::kBytes: return "bytes";
    case FieldType::kString: return "string";
    case FieldType::kOid: return "oid";
    case FieldType::kIpv4: return "ipv4";
    case FieldType::kIpv6: return "ipv6";
    case FieldType::kEther: return "ether";
    case FieldType::kAbsoluteTime: return "absolute_time";
    case FieldType::kRelativeTime: return "relative_time";
  }
  return "unknown";
}

// The next sibling of `id` (or `id` itself when `self`) that is not hidden.
NodeId Visible(const Tree& tree, NodeId id) {
  while (id != kNoNode && tree.node(id).hidden) id = tree.node(id).next_sibling;
  return id;
}

void Key(const char* key, std::string* out) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

// Appends text we produced ourselves (escaped display text, hex, numbers as
// text): ASCII or valid UTF-8 already, but it still goes through the
// escaper so that nothing unescaped can ever reach the output.
void AppendJsonText(const std::string& text, std::string* out) { AppendJsonString(text, out); }

}  // namespace

void JsonTreePrinter::Begin(std::string* out) {
  frames_ = 0;
  if (style_ == JsonStyle::kArray) out->append("[\n");
}

void JsonTreePrinter::End(std::string* out) {
  if (style_ != JsonStyle::kArray) return;
  if (frames_ != 0) out->push_back('\n');
  out->append("]\n");
}

void JsonTreePrinter::AppendSource(const Tree& tree, tree::SourceId source,
                                   std::string* out) const {
  const auto it = std::find(sources_.begin(), sources_.end(), source);
  out->append(",\"source\":{\"field\":");
  AppendJsonString(source < tree.size() ? tree.field(source).abbrev : "", out);
  out->append(",\"ordinal\":");
  AppendDecimal(uint64_t{it == sources_.end() ? 0u : ordinals_[it - sources_.begin()]}, out);
  out->push_back('}');
}

void JsonTreePrinter::AppendNode(const Tree& tree, NodeId id, std::string* out) {
  const tree::Node& node = tree.node(id);
  const tree::FieldInfo& field = tree.field(id);
  out->push_back('{');
  Key("field", out);
  AppendJsonString(field.abbrev, out);
  out->push_back(',');
  Key("name", out);
  AppendJsonString(node.label != nullptr ? node.label : field.name, out);
  out->push_back(',');
  Key("show", out);
  line_.clear();
  AppendNodeLine(tree, id, &line_);
  std::string_view show = line_;
  if (node.generated && show.size() >= 2 && show.front() == '[' && show.back() == ']') {
    show = show.substr(1, show.size() - 2);
  }
  AppendJsonString(show, out);
  out->push_back(',');
  Key("type", out);
  AppendJsonString(TypeName(node.type), out);

  switch (node.type) {
    case FieldType::kNone:
    case FieldType::kProtocol:
      break;
    case FieldType::kUint: {
      out->append(",\"value\":");
      const uint64_t v = tree.UintValue(id);
      if (v > kMaxExactInteger) out->push_back('"');
      AppendDecimal(v, out);
      if (v > kMaxExactInteger) out->push_back('"');
      break;
    }
    case FieldType::kInt: {
      out->append(",\"value\":");
      const int64_t v = tree.IntValue(id);
      const bool exact = v >= -static_cast<int64_t>(kMaxExactInteger) &&
                         v <= static_cast<int64_t>(kMaxExactInteger);
      if (!exact) out->push_back('"');
      AppendDecimal(v, out);
      if (!exact) out->push_back('"');
      break;
    }
    case FieldType::kBool:
      out->append(tree.BoolValue(id) ? ",\"value\":true" : ",\"value\":false");
      break;
    case FieldType::kDouble: {
      out->append(",\"value\":");
      const double v = tree.DoubleValue(id);
      line_.clear();
      AppendDouble(v, field.display == tree::Display::kSinglePrecision, &line_);
      // NaN and infinities have no JSON number: give them as text.
      const bool finite = v == v && v - v == 0;
      if (finite) {
        out->append(line_);
      } else {
        AppendJsonText(line_, out);
      }
      break;
    }
    case FieldType::kBytes:
      out->append(",\"value\":\"");
      AppendHexBytes(tree.TextValue(id), out);
      out->push_back('"');
      break;
    case FieldType::kString:
    case FieldType::kOid:
      out->append(",\"value\":");
      AppendJsonString(tree.TextValue(id), out);
      break;
    case FieldType::kIpv4:
    case FieldType::kIpv6:
    case FieldType::kEther:
    case FieldType::kAbsoluteTime:
    case FieldType::kRelativeTime:
      // As -T fields spells them (addresses, tshark's time text).
      out->append(",\"value\":");
      line_.clear();
      AppendValueText(tree, id, ValueStyle::kFields, &line_);
      AppendJsonText(line_, out);
      if (node.type == FieldType::kAbsoluteTime || node.type == FieldType::kRelativeTime) {
        out->append(",\"ns\":");
        AppendDecimal(tree.IntValue(id), out);
      }
      break;
  }
  out->append(",\"offset\":");
  AppendDecimal(uint64_t{node.range.offset}, out);
  out->append(",\"length\":");
  AppendDecimal(uint64_t{node.range.length}, out);
  if (node.range.source != tree::kFrameSource) AppendSource(tree, node.range.source, out);
  if (node.generated) out->append(",\"generated\":true");
  if (node.first_diagnostic != tree::kNoDiagnostic) {
    out->append(",\"diagnostics\":[");
    for (tree::DiagnosticId d = node.first_diagnostic; d != tree::kNoDiagnostic;
         d = tree.diagnostic(d).next) {
      const tree::Diagnostic& diagnostic = tree.diagnostic(d);
      const tree::ExpertInfo& expert = tree::GetExpert(diagnostic.expert);
      if (d != node.first_diagnostic) out->push_back(',');
      out->append("{\"severity\":");
      AppendJsonString(tree::SeverityName(diagnostic.severity), out);
      out->append(",\"group\":");
      AppendJsonString(tree::GroupName(expert.group), out);
      out->append(",\"expert\":");
      AppendJsonString(expert.abbrev, out);
      out->append(",\"text\":");
      AppendJsonString(diagnostic.text.length == 0 ? std::string_view(expert.summary)
                                                   : tree.Text(diagnostic.text),
                       out);
      out->push_back('}');
    }
    out->push_back(']');
  }
}

void JsonTreePrinter::AppendFrame(const Tree& tree, std::string* out) {
  ++frames_;
  if (style_ == JsonStyle::kArray && frames_ > 1) out->append(",\n");

  // The data sources, in tree order, each with its ordinal among those of
  // the same field. Few per frame: linear searches are fine.
  sources_.clear();
  ordinals_.clear();
  for (NodeId id = 1; id < tree.size(); ++id) {
    const tree::SourceId s = tree.node(id).range.source;
    if (s == tree::kFrameSource || s >= tree.size()) continue;
    if (std::find(sources_.begin(), sources_.end(), s) != sources_.end()) continue;
    uint32_t ordinal = 1;
    for (NodeId other : sources_) ordinal += tree.node(other).field == tree.node(s).field;
    sources_.push_back(s);
    ordinals_.push_back(ordinal);
  }

  uint64_t number = frames_;
  if (tree.columns().has_number) number = tree.columns().number;
  out->append("{\"frame\":");
  AppendDecimal(number, out);
  if (tree.truncated()) out->append(",\"truncated\":true");
  if (!sources_.empty()) {
    out->append(",\"data_sources\":[");
    for (size_t i = 0; i < sources_.size(); ++i) {
      if (i != 0) out->push_back(',');
      const NodeId s = sources_[i];
      out->append("{\"field\":");
      AppendJsonString(tree.field(s).abbrev, out);
      out->append(",\"ordinal\":");
      AppendDecimal(uint64_t{ordinals_[i]}, out);
      out->append(",\"name\":");
      AppendJsonString(tree.field(s).name, out);
      out->append(",\"length\":");
      AppendDecimal(uint64_t{tree.TextValue(s).size()}, out);
      out->push_back('}');
    }
    out->push_back(']');
  }
  out->append(",\"layers\":[");

  // Iterative pre-order walk: open a node; descend into its first visible
  // child, or close it and move to the next visible sibling, closing
  // ancestors ("]}") on the way up.
  NodeId id = Visible(tree, tree.node(Tree::kRoot).first_child);
  while (id != kNoNode) {
    AppendNode(tree, id, out);
    const NodeId child = Visible(tree, tree.node(id).first_child);
    if (child != kNoNode) {
      out->append(",\"children\":[");
      id = child;
      continue;
    }
    out->push_back('}');
    while (true) {
      const NodeId next = Visible(tree, tree.node(id).next_sibling);
      if (next != kNoNode) {
        out->push_back(',');
        id = next;
        break;
      }
      id = tree.node(id).parent;
      if (id == Tree::kRoot || id == kNoNode) {
        id = kNoNode;
        break;
      }
      out->append("]}");
    }
  }
  out->append("]}");
  if (style_ == JsonStyle::kNdjson) out->push_back('\n');
}

}  // namespace snmpdissect::print
