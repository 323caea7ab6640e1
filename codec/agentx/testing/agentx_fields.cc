// agentx_fields CAPTURE: every AgentX PDU of a capture, decoded by
// codec/agentx, printed as `tshark -T fields -E occurrence=a
// -E aggregator=$'\x1f' -e frame.number -e agentx.<field>...` prints it:
// one line per frame that completes a PDU, the frame number, then for each
// field of kFields (`agentx_fields --fields` lists them) its occurrences in
// Wireshark's tree order, joined by the unit separator 0x1f.
// tools/agentx/tshark_agentx_test.py runs both and compares them.
//
// Values are spelled as tshark spells them: decimal numbers, booleans as
// 0/1, OIDs as ".1.3.6.1..." and "(null)" (Wireshark's agentx.oid text),
// octet strings as text. An octet string with any octet outside printable
// ASCII is printed as "<binary>" (tshark turns those octets into
// replacement characters; the comparison skips them).
//
// Exit status: 0, or 1 when the capture cannot be read or a PDU does not
// decode (then the error is printed on stderr).

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "codec/agentx/decode.h"
#include "codec/agentx/testing/capture_pdus.h"
#include "codec/agentx/testing/pdu_builder.h"

namespace snmpdissect::agentx {
namespace {

constexpr const char* kFields[] = {
    "agentx.version", "agentx.type", "agentx.flags", "agentx.flags.register",
    "agentx.flags.newindex", "agentx.flags.anyindex", "agentx.flags.context",
    "agentx.flags.byteorder", "agentx.session_id", "agentx.transaction_id",
    "agentx.packet_id", "agentx.payload_len", "agentx.ostring_len", "agentx.ostring",
    "agentx.n_subid", "agentx.oid_prefix", "agentx.oid_include", "agentx.oid",
    "agentx.o.timeout", "agentx.c.reason", "agentx.r.timeout", "agentx.r.priority",
    "agentx.r.range_subid", "agentx.r.upper_bound", "agentx.u.timeout",
    "agentx.u.priority", "agentx.u.range_subid", "agentx.u.upper_bound",
    "agentx.gb.nrepeat", "agentx.gb.mrepeat", "agentx.r.uptime", "agentx.r.error",
    "agentx.r.index", "agentx.v.tag", "agentx.v.val32", "agentx.v.val64",
};

// Between the occurrences of a field: the ASCII unit separator, which no
// field value here contains (octet strings with it print as "<binary>";
// commas do occur in them).
constexpr char kAggregator[] = "\x1f";

using Occurrences = std::map<std::string, std::vector<std::string>>;

class Printer {
 public:
  explicit Printer(Occurrences* out) : out_(*out) {}

  template <typename T>
  void Add(const char* field, T value) {
    out_[field].push_back(absl::StrCat(value));
  }

  void AddOid(const Oid& oid) {
    Add("agentx.n_subid", oid.n_subid);
    Add("agentx.oid_prefix", oid.prefix);
    Add("agentx.oid_include", oid.include != 0 ? 1 : 0);
    // Wireshark: "(null)" when there are no subidentifiers, whatever the
    // prefix; otherwise ".1.3.6.1.<prefix>" and ".<subid>" each.
    if (oid.n_subid == 0) {
      Add("agentx.oid", "(null)");
      return;
    }
    std::string text = oid.prefix != 0 ? absl::StrCat(".1.3.6.1.", oid.prefix) : "";
    for (size_t i = 0; i < oid.n_subid; ++i) {
      absl::StrAppend(&text, ".", static_cast<int32_t>(oid.subid(i)));  // %d
    }
    Add("agentx.oid", text);
  }

  void AddOctetString(const OctetString& s) {
    Add("agentx.ostring_len", s.length);
    std::string text(s.value.begin(), s.value.end());
    for (char c : text) {
      if (c < 0x20 || c > 0x7e) {  // also keeps 0x1f out
        text = "<binary>";
        break;
      }
    }
    Add("agentx.ostring", text);
  }

  void AddPdu(const Pdu& pdu) {
    const Header& h = pdu.header;
    const uint8_t flags = h.flags.value;
    Add("agentx.version", h.version.value);
    Add("agentx.type", h.type.value);
    Add("agentx.flags", flags);
    Add("agentx.flags.register", (flags & kFlagInstanceRegistration) ? 1 : 0);
    Add("agentx.flags.newindex", (flags & kFlagNewIndex) ? 1 : 0);
    Add("agentx.flags.anyindex", (flags & kFlagAnyIndex) ? 1 : 0);
    Add("agentx.flags.context", (flags & kFlagNonDefaultContext) ? 1 : 0);
    Add("agentx.flags.byteorder", (flags & kFlagNetworkByteOrder) ? 1 : 0);
    Add("agentx.session_id", h.session_id.value);
    Add("agentx.transaction_id", h.transaction_id.value);
    Add("agentx.packet_id", h.packet_id.value);
    Add("agentx.payload_len", h.payload_length.value);
    if (pdu.context.present) AddOctetString(pdu.context);
    const bool unregister = pdu.type() == PduType::kUnregister;
    switch (pdu.type()) {
      case PduType::kOpen:
        Add("agentx.o.timeout", pdu.timeout.value);
        AddOid(pdu.id);
        AddOctetString(pdu.descr);
        break;
      case PduType::kClose:
        Add("agentx.c.reason", pdu.reason.value);
        break;
      case PduType::kRegister:
      case PduType::kUnregister:
        Add(unregister ? "agentx.u.timeout" : "agentx.r.timeout", pdu.timeout.value);
        Add(unregister ? "agentx.u.priority" : "agentx.r.priority", pdu.priority.value);
        Add(unregister ? "agentx.u.range_subid" : "agentx.r.range_subid",
            pdu.range_subid.value);
        AddOid(pdu.subtree);
        if (pdu.upper_bound.present) {
          Add(unregister ? "agentx.u.upper_bound" : "agentx.r.upper_bound",
              pdu.upper_bound.value);
        }
        break;
      case PduType::kGetBulk:
        Add("agentx.gb.nrepeat", pdu.non_repeaters.value);
        Add("agentx.gb.mrepeat", pdu.max_repetitions.value);
        break;
      case PduType::kAddAgentCaps:
        AddOid(pdu.id);
        AddOctetString(pdu.descr);
        break;
      case PduType::kRemoveAgentCaps:
        AddOid(pdu.id);
        break;
      case PduType::kResponse:
        Add("agentx.r.uptime", pdu.sys_uptime.value);
        Add("agentx.r.error", pdu.error.value);
        Add("agentx.r.index", pdu.index.value);
        break;
      default:
        break;
    }
    for (const SearchRange& range : pdu.ranges) {
      AddOid(range.start);
      AddOid(range.end);
    }
    for (const VarBind& vb : pdu.varbinds) {
      Add("agentx.v.tag", vb.type.value);
      AddOid(vb.name);
      const Value& v = vb.value;
      switch (static_cast<VarBindType>(v.type_code)) {
        case VarBindType::kInteger:
          Add("agentx.v.val32", static_cast<uint32_t>(v.integer));  // FT_UINT32
          break;
        case VarBindType::kCounter32:
        case VarBindType::kGauge32:
        case VarBindType::kTimeTicks:
          Add("agentx.v.val32", v.unsigned_value);
          break;
        case VarBindType::kCounter64:
          Add("agentx.v.val64", v.unsigned_value);
          break;
        case VarBindType::kOctetString:
        case VarBindType::kIpAddress:
        case VarBindType::kOpaque:
          AddOctetString(v.octets);
          break;
        case VarBindType::kObjectIdentifier:
          AddOid(v.oid);
          break;
        default:
          break;
      }
    }
  }

 private:
  Occurrences& out_;
};

int Run(const char* path) {
  const auto pdus = testing::ReadCapturePdus(path);
  if (!pdus.ok()) {
    std::fprintf(stderr, "agentx_fields: %s\n", std::string(pdus.status().message()).c_str());
    return 1;
  }
  Pdu pdu;
  int frame = 0;
  Occurrences occurrences;
  auto flush = [&] {
    if (frame == 0) return;
    std::string line = absl::StrCat(frame);
    for (const char* field : kFields) {
      absl::StrAppend(&line, "\t", absl::StrJoin(occurrences[field], kAggregator));
    }
    std::printf("%s\n", line.c_str());
    occurrences.clear();
  };
  for (const testing::CapturedPdu& captured : *pdus) {
    if (captured.frame != frame) flush();
    frame = captured.frame;
    const Error e = DecodePdu(testing::AsBytes(captured.bytes), 0, &pdu);
    if (!e.ok()) {
      std::fprintf(stderr, "agentx_fields: frame %d: %s\n", frame,
                   std::string(ToStatus(e).message()).c_str());
      return 1;
    }
    Printer(&occurrences).AddPdu(pdu);
  }
  flush();
  return 0;
}

}  // namespace
}  // namespace snmpdissect::agentx

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--fields") {
    for (const char* field : snmpdissect::agentx::kFields) std::printf("%s\n", field);
    return 0;
  }
  if (argc != 2) {
    std::fprintf(stderr, "usage: agentx_fields CAPTURE | --fields\n");
    return 1;
  }
  return snmpdissect::agentx::Run(argv[1]);
}
