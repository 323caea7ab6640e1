#include "dissector/wireshark/registration.h"

#include <epan/packet.h>

#include <string>

#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/protocols.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/wireshark/field_types.h"
#include "dissector/wireshark/names.h"

namespace snmpdissect::wireshark {
namespace {

Registration* registration = nullptr;

// The rows the plugin registers itself: SNMP's (every node of the layer's
// subtree is one, but for the malformed-packet marker, which epan has).
bool OwnRow(tree::FieldId parent) { return parent == proto::Snmp::hf[proto::Snmp::kSnmp]; }

int EpanGroup(tree::ExpertGroup g) {
  switch (g) {
    case tree::ExpertGroup::kChecksum: return PI_CHECKSUM;
    case tree::ExpertGroup::kSequence: return PI_SEQUENCE;
    case tree::ExpertGroup::kResponse: return PI_RESPONSE_CODE;
    case tree::ExpertGroup::kRequest: return PI_REQUEST_CODE;
    case tree::ExpertGroup::kUndecoded: return PI_UNDECODED;
    case tree::ExpertGroup::kReassemble: return PI_REASSEMBLE;
    case tree::ExpertGroup::kMalformed: return PI_MALFORMED;
    case tree::ExpertGroup::kDebug: return PI_DEBUG;
    case tree::ExpertGroup::kProtocol: return PI_PROTOCOL;
    case tree::ExpertGroup::kSecurity: return PI_SECURITY;
    case tree::ExpertGroup::kComment: return PI_COMMENTS_GROUP;
    case tree::ExpertGroup::kDecryption: return PI_DECRYPTION;
    case tree::ExpertGroup::kAssumption: return PI_ASSUMPTION;
    case tree::ExpertGroup::kDeprecated: return PI_DEPRECATED;
  }
  return PI_PROTOCOL;
}

int EpanSeverity(tree::Severity s) {
  switch (s) {
    case tree::Severity::kComment: return PI_COMMENT;
    case tree::Severity::kChat: return PI_CHAT;
    case tree::Severity::kNote: return PI_NOTE;
    case tree::Severity::kWarning: return PI_WARN;
    case tree::Severity::kError: return PI_ERROR;
  }
  return PI_NOTE;
}

header_field_info Header(const char* name, const char* abbrev, const EpanType& t,
                         const void* strings, const char* blurb) {
  header_field_info h = {name, abbrev, t.type, t.display, strings, t.bitmask, blurb, HFILL};
  return h;
}

class Builder {
 public:
  explicit Builder(Registration* r) : r_(r) {}

  const char* Keep(std::string s) { return r_->strings.emplace_back(std::move(s)).c_str(); }

  const void* StringsOf(const tree::FieldInfo& row, EpanType* t) {
    if (row.type == tree::FieldType::kBool) {
      return &r_->true_falses.emplace_back(
          true_false_string{row.true_false.true_text, row.true_false.false_text});
    }
    if (row.value_names.empty() || t->type == FT_FRAMENUM) return nullptr;
    std::vector<range_string>& names = r_->range_strings.emplace_back();
    for (const tree::ValueName& n : row.value_names) {
      // Signed rows keep their two's complement bits, as epan compares them.
      names.push_back({static_cast<uint64_t>(n.min), static_cast<uint64_t>(n.max), n.name});
    }
    names.push_back({0, 0, nullptr});
    t->display |= BASE_RANGE_STRING;
    return names.data();
  }

  void Field(const tree::FieldInfo& row) {
    const uint16_t id = static_cast<uint16_t>(row.id);
    const char* abbrev = Keep(PluginAbbrev(row.abbrev));
    const char* blurb = row.description != nullptr && *row.description != '\0' ? row.description
                                                                              : nullptr;
    EpanType t = EpanTypeOf(row);
    const void* strings = StringsOf(row, &t);
    r_->hf_info.push_back({&r_->hf[id], Header(row.name, abbrev, t, strings, blurb)});
    if (row.type != tree::FieldType::kBytes && row.type != tree::FieldType::kNone) {
      const EpanType bytes{FT_BYTES, BASE_NONE, 0};
      r_->hf_info.push_back(
          {&r_->hf_bytes[id], Header(row.name, Keep(BytesTwinAbbrev(abbrev)), bytes, nullptr,
                                     "The element's octets: its value did not decode")});
    }
  }

  void Expert(const tree::ExpertInfo& row) {
    const uint16_t id = static_cast<uint16_t>(row.id);
    const std::string abbrev = PluginAbbrev(row.abbrev);
    for (int s = 0; s < kSeverityCount; ++s) {
      const auto severity = static_cast<tree::Severity>(s);
      const char* name = severity == row.severity
                             ? Keep(abbrev)
                             : Keep(SeverityVariantAbbrev(abbrev, tree::SeverityName(severity)));
      r_->ei_info.push_back(
          {&r_->ei[id][s],
           {name, EpanGroup(row.group), EpanSeverity(severity), row.summary, EXPFILL}});
    }
  }

 private:
  Registration* r_;
};

}  // namespace

Registration& Registration::Get() { return *registration; }

Registration& Registration::Build() {
  proto::RegisterProtocols();
  // Never freed: epan keeps pointers into it until the process ends.
  registration = new Registration();
  Registration& r = *registration;
  const tree::FieldInfo& protocol = tree::GetField(proto::Snmp::hf[proto::Snmp::kSnmp]);
  r.protocol_row = protocol.id;
  // epan keeps the names' pointers: they live in the registration.
  r.proto = proto_register_protocol("snmpdissect: Simple Network Management Protocol",
                                    "SNMPdissect",
                                    r.strings.emplace_back(kPluginFilterName).c_str());

  const absl::Span<const tree::FieldInfo> fields = tree::AllFields();
  const absl::Span<const tree::ExpertInfo> experts = tree::AllExperts();
  r.hf.assign(fields.size(), -1);
  r.hf_bytes.assign(fields.size(), -1);
  r.ett.assign(fields.size(), -1);
  r.ei.resize(experts.size());
  for (auto& variants : r.ei) variants.fill(EI_INIT);
  r.hf[static_cast<uint16_t>(r.protocol_row)] = r.proto;

  Builder b(&r);
  for (const tree::FieldInfo& row : fields) {
    if (row.id == tree::kRootField || row.id == r.protocol_row || !OwnRow(row.parent)) continue;
    b.Field(row);
  }
  for (const tree::ExpertInfo& row : experts) {
    if (OwnRow(row.parent) || row.parent == proto::Malformed::hf[proto::Malformed::kMalformed]) {
      b.Expert(row);
    }
  }
  for (const tree::FieldInfo& row : fields) {
    if (OwnRow(row.parent)) r.ett_pointers.push_back(&r.ett[static_cast<uint16_t>(row.id)]);
  }
  proto_register_field_array(r.proto, r.hf_info.data(), static_cast<int>(r.hf_info.size()));
  proto_register_subtree_array(r.ett_pointers.data(), static_cast<int>(r.ett_pointers.size()));
  expert_module_t* module = expert_register_protocol(r.proto);
  expert_register_field_array(module, r.ei_info.data(), static_cast<int>(r.ei_info.size()));
  return r;
}

void Registration::ResolveForeign() {
  for (const tree::FieldInfo& row : tree::AllFields()) {
    const uint16_t id = static_cast<uint16_t>(row.id);
    if (row.id == tree::kRootField || hf[id] != -1 || OwnRow(row.parent)) continue;
    hf[id] = proto_registrar_get_id_byname(row.abbrev);
  }
}

}  // namespace snmpdissect::wireshark
