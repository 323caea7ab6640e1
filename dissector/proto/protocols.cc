#include "dissector/proto/protocols.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "dissector/proto/agentx.h"
#include "dissector/proto/ethernet.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4.h"
#include "dissector/proto/ipv6.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/null.h"
#include "dissector/proto/raw.h"
#include "dissector/proto/sll.h"
#include "dissector/proto/snmp.h"
#include "dissector/proto/tcp.h"
#include "dissector/proto/udp.h"
#include "dissector/proto/vlan.h"
#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {
namespace {

// One line per protocol (protocol.h says what a protocol supplies). The
// order fixes the field ids (and `-G fields` order), and which of two
// protocols claiming one table key wins (the later); nothing else.
const Protocol* const kProtocols[] = {
    &kMalformedProtocol,
    &kSnmpProtocol,
    &kFrameProtocol,
    &kEthernetProtocol,
    &kVlanProtocol,
    &kSllProtocol,
    &kNullProtocol,
    &kRawProtocol,
    &kIpv4Protocol,
    &kIpv6Protocol,
    &kUdpProtocol,
    &kTcpProtocol,
    &kAgentXProtocol,
};

bool Register() {
  std::vector<const tree::ProtocolRows*> rows;
  for (const Protocol* p : kProtocols) rows.insert(rows.end(), p->rows.begin(), p->rows.end());
  const absl::Status status = tree::FieldTableBuilder::Install(rows);
  if (!status.ok()) {
    std::fprintf(stderr, "snmpdissect: %s\n", status.ToString().c_str());
    std::abort();
  }
  return true;
}

}  // namespace

void RegisterProtocols() {
  // A function-local static: once, thread-safe.
  [[maybe_unused]] static const bool registered = Register();
}

absl::Span<const Protocol* const> RegisteredProtocols() {
  RegisterProtocols();
  return kProtocols;
}

}  // namespace snmpdissect::proto
