#include "dissector/proto/registry.h"

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace snmpdissect::proto {
namespace {

// libpcap link-type numbers (pcap/dlt.h and the LINKTYPE_ registry at
// https://www.tcpdump.org/linktypes.html). libpcap hands DLT_ values to
// its users: LINKTYPE_RAW (101) in a file becomes DLT_RAW, which is 12, or
// 14 on OpenBSD; we accept every spelling.
constexpr uint32_t kDltNull = 0;
constexpr uint32_t kDltEn10mb = 1;
constexpr uint32_t kDltRaw = 12;
constexpr uint32_t kDltRawOpenBsd = 14;
constexpr uint32_t kLinktypeRaw = 101;
constexpr uint32_t kDltLoop = 108;
constexpr uint32_t kDltLinuxSll = 113;
constexpr uint32_t kLinktypeIpv4 = 228;
constexpr uint32_t kLinktypeIpv6 = 229;
constexpr uint32_t kDltLinuxSll2 = 276;

constexpr uint32_t kSnmpPort = 161;  // RFC 3417 section 4, RFC 3430
constexpr uint32_t kTrapPort = 162;

}  // namespace

Registry::Registry() {
  Add(Table::kLinkType, kDltNull, Dissector::kNull);
  Add(Table::kLinkType, kDltEn10mb, Dissector::kEthernet);
  Add(Table::kLinkType, kDltRaw, Dissector::kRawIp);
  Add(Table::kLinkType, kDltRawOpenBsd, Dissector::kRawIp);
  Add(Table::kLinkType, kLinktypeRaw, Dissector::kRawIp);
  Add(Table::kLinkType, kDltLoop, Dissector::kLoop);
  Add(Table::kLinkType, kDltLinuxSll, Dissector::kLinuxSll);
  Add(Table::kLinkType, kLinktypeIpv4, Dissector::kRawIpv4);
  Add(Table::kLinkType, kLinktypeIpv6, Dissector::kRawIpv6);
  Add(Table::kLinkType, kDltLinuxSll2, Dissector::kLinuxSll2);

  Add(Table::kEthertype, 0x0800, Dissector::kIpv4);
  Add(Table::kEthertype, 0x86dd, Dissector::kIpv6);
  Add(Table::kEthertype, 0x8100, Dissector::kVlan);
  Add(Table::kEthertype, 0x9100, Dissector::kVlan);
  Add(Table::kEthertype, 0x88a8, Dissector::kIeee8021ad);

  Add(Table::kIpProto, 6, Dissector::kTcp);
  Add(Table::kIpProto, 17, Dissector::kUdp);

  for (uint32_t port : {kSnmpPort, kTrapPort}) {
    Add(Table::kUdpPort, port, Dissector::kSnmp);
    Add(Table::kTcpPort, port, Dissector::kSnmp);
  }
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
  if (protocol != "snmp") return bad("unknown protocol");
  Add(table, port, Dissector::kSnmp);
  return absl::OkStatus();
}

const char* ProtocolName(Dissector dissector) {
  switch (dissector) {
    case Dissector::kNone: return "";
    case Dissector::kEthernet: return "eth";
    case Dissector::kLinuxSll:
    case Dissector::kLinuxSll2: return "sll";
    case Dissector::kNull:
    case Dissector::kLoop: return "null";
    case Dissector::kRawIp: return "raw";
    case Dissector::kRawIpv4: return "ip";
    case Dissector::kRawIpv6: return "ipv6";
    case Dissector::kVlan: return "vlan";
    case Dissector::kIeee8021ad: return "ieee8021ad";
    case Dissector::kIpv4: return "ip";
    case Dissector::kIpv6: return "ipv6";
    case Dissector::kUdp: return "udp";
    case Dissector::kTcp: return "tcp";
    case Dissector::kSnmp: return "snmp";
  }
  return "";
}

}  // namespace snmpdissect::proto
