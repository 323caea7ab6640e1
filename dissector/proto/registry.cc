#include "dissector/proto/registry.h"

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace snmpdissect::proto {

Registry::Registry(absl::Span<const Protocol* const> protocols) {
  for (const Protocol* p : protocols) {
    for (const DissectorHandle* h : p->handles) {
      for (const TableKey& k : h->keys) Add(k.table, k.key, h);
      if (h->decode_as) decode_as_[h->name] = h;
    }
  }
}

const DissectorHandle* Registry::FindPorts(Table table, uint16_t a, uint16_t b) const {
  const uint16_t low = std::min(a, b), high = std::max(a, b);
  const DissectorHandle* first = Find(table, low);
  return first != nullptr ? first : Find(table, high);
}

absl::Status Registry::AddDecodeAs(std::string_view spec_text) {
  // This Abseil's string_view is its own type, not std::string_view.
  const absl::string_view spec(spec_text.data(), spec_text.size());
  auto bad = [spec](absl::string_view why) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad decode-as \"", spec, "\": ", why,
                     " (expected udp.port==N,snmp or tcp.port==N,snmp)"));
  };
  absl::string_view rest = absl::StripAsciiWhitespace(spec);
  Table table;
  if (absl::ConsumePrefix(&rest, "udp.port")) {
    table = Table::kUdpPort;
  } else if (absl::ConsumePrefix(&rest, "tcp.port")) {
    table = Table::kTcpPort;
  } else {
    return bad("unknown table");
  }
  if (!absl::ConsumePrefix(&rest, "==")) return bad("missing ==");
  const size_t comma = rest.find(',');
  if (comma == absl::string_view::npos) return bad("missing ,protocol");
  uint32_t port = 0;
  if (!absl::SimpleAtoi(rest.substr(0, comma), &port) || port == 0 || port > 65535) {
    return bad("port must be 1..65535");
  }
  const std::string protocol =
      absl::AsciiStrToLower(absl::StripAsciiWhitespace(rest.substr(comma + 1)));
  const auto it = decode_as_.find(protocol);
  if (it == decode_as_.end()) return bad("unknown protocol");
  Add(table, port, it->second);
  return absl::OkStatus();
}

}  // namespace snmpdissect::proto
