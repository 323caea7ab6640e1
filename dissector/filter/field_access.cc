#include "dissector/filter/field_access.h"

#include "dissector/tree/experts.h"
#include "dissector/tree/fields.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::filter {
namespace {

// (This Abseil's string_view is not std::string_view: small local helpers.)
inline bool SameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Ids: below tree::FieldCount() a FieldId (the registry assigns them, all
// below 2^16); then the _ws.expert names; then an
// expert's id past kExpertBase.
constexpr uint32_t kWsExpert = 0x10000;
constexpr uint32_t kWsExpertSeverity = 0x10001;
constexpr uint32_t kWsExpertMessage = 0x10002;
constexpr uint32_t kExpertBase = 0x20000;

Kind KindOf(tree::FieldType type) {
  using T = tree::FieldType;
  switch (type) {
    case T::kNone: return Kind::kNone;
    case T::kProtocol: return Kind::kProtocol;
    case T::kUint: return Kind::kUint;
    case T::kInt: return Kind::kInt;
    case T::kBool: return Kind::kBool;
    case T::kDouble: return Kind::kDouble;
    case T::kBytes: return Kind::kBytes;
    case T::kString: return Kind::kString;
    case T::kOid: return Kind::kOid;
    case T::kIpv4: return Kind::kIpv4;
    case T::kIpv6: return Kind::kIpv6;
    case T::kEther: return Kind::kEther;
    case T::kAbsoluteTime: return Kind::kAbsTime;
    case T::kRelativeTime: return Kind::kRelTime;
  }
  return Kind::kNone;
}

// Wireshark's PI_* severity values (epan/proto.h).
uint64_t WiresharkSeverity(tree::Severity s) {
  switch (s) {
    case tree::Severity::kComment: return 0x00100000;
    case tree::Severity::kChat: return 0x00200000;
    case tree::Severity::kNote: return 0x00400000;
    case tree::Severity::kWarning: return 0x00600000;
    case tree::Severity::kError: return 0x00800000;
  }
  return 0;
}

}  // namespace

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNone: return "Label";
    case Kind::kProtocol: return "Protocol";
    case Kind::kUint: return "Unsigned integer";
    case Kind::kInt: return "Signed integer";
    case Kind::kBool: return "Boolean";
    case Kind::kDouble: return "Floating point";
    case Kind::kBytes: return "Byte sequence";
    case Kind::kString: return "Character string";
    case Kind::kOid: return "ASN.1 object identifier";
    case Kind::kIpv4: return "IPv4 address";
    case Kind::kIpv6: return "IPv6 address";
    case Kind::kEther: return "Ethernet or other MAC address";
    case Kind::kAbsTime: return "Date and time";
    case Kind::kRelTime: return "Time offset";
  }
  return "?";
}

std::optional<FieldRef> LookupField(std::string_view name) {
  if (name == "_ws.expert") return FieldRef{kWsExpert, Kind::kNone, "_ws.expert"};
  if (name == "_ws.expert.severity") {
    return FieldRef{kWsExpertSeverity, Kind::kUint, "_ws.expert.severity"};
  }
  if (name == "_ws.expert.message") {
    return FieldRef{kWsExpertMessage, Kind::kString, "_ws.expert.message"};
  }
  if (!name.empty()) {
    if (const tree::FieldInfo* f = tree::FindField(name); f != nullptr) {
      return FieldRef{static_cast<uint32_t>(f->id), KindOf(f->type), f->abbrev};
    }
  }
  for (const tree::ExpertInfo& e : tree::AllExperts()) {
    if (name == e.abbrev) {
      return FieldRef{kExpertBase + static_cast<uint32_t>(e.id), Kind::kNone, e.abbrev};
    }
  }
  return std::nullopt;
}

std::optional<int64_t> LookupValueName(const FieldRef& field, std::string_view name) {
  if (field.id == kWsExpertSeverity) {
    static constexpr struct {
      const char* name;
      tree::Severity severity;
    } kNames[] = {{"Comment", tree::Severity::kComment}, {"Chat", tree::Severity::kChat},
                  {"Note", tree::Severity::kNote}, {"Warning", tree::Severity::kWarning},
                  {"Warn", tree::Severity::kWarning}, {"Error", tree::Severity::kError}};
    for (const auto& n : kNames) {
      if (SameIgnoringCase(name, n.name)) {
        return static_cast<int64_t>(WiresharkSeverity(n.severity));
      }
    }
    return std::nullopt;
  }
  if (field.id >= tree::FieldCount()) return std::nullopt;
  const tree::FieldInfo& info = tree::GetField(static_cast<tree::FieldId>(field.id));
  for (const tree::ValueName& v : info.value_names) {
    // A name covering a range stands for its first value, as in Wireshark.
    if (SameIgnoringCase(name, v.name)) return v.min;
  }
  if (info.type == tree::FieldType::kBool) return std::nullopt;
  return std::nullopt;
}

bool ForEachOccurrence(const tree::Tree& tree, const FieldRef& field,
                       absl::FunctionRef<bool(const Value&)> visit) {
  if (field.id < tree::FieldCount()) {
    const auto id = static_cast<tree::FieldId>(field.id);
    const size_t n = tree.size();
    for (tree::NodeId i = 1; i < n; ++i) {
      const tree::Node& node = tree.node(i);
      if (node.field != id) continue;
      Value v;
      v.kind = KindOf(node.type);
      switch (v.kind) {
        case Kind::kBytes:
        case Kind::kString:
        case Kind::kOid:
        case Kind::kIpv6:
        case Kind::kEther:
          v.bytes = tree.Text(node.text);
          break;
        default:
          v.scalar = node.scalar;
          break;
      }
      if (visit(v)) return true;
    }
    return false;
  }
  const size_t n = tree.diagnostic_count();
  for (tree::DiagnosticId i = 0; i < n; ++i) {
    const tree::Diagnostic& d = tree.diagnostic(i);
    Value v;
    if (field.id == kWsExpert) {
      v.kind = Kind::kNone;
    } else if (field.id == kWsExpertSeverity) {
      v.kind = Kind::kUint;
      v.scalar = WiresharkSeverity(d.severity);
    } else if (field.id == kWsExpertMessage) {
      v.kind = Kind::kString;
      v.bytes = d.text.length != 0 ? tree.Text(d.text)
                                   : std::string_view(tree::GetExpert(d.expert).summary);
    } else if (field.id - kExpertBase == static_cast<uint32_t>(d.expert)) {
      v.kind = Kind::kNone;
    } else {
      continue;
    }
    if (visit(v)) return true;
  }
  return false;
}

}  // namespace snmpdissect::filter
