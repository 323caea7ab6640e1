#include "dissector/proto/protocols.h"

#include <cstdio>
#include <cstdlib>

#include "dissector/proto/ethernet_fields.h"
#include "dissector/proto/frame_fields.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/proto/null_fields.h"
#include "dissector/proto/raw_fields.h"
#include "dissector/proto/sll_fields.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/tcp_fields.h"
#include "dissector/proto/udp_fields.h"
#include "dissector/proto/vlan_fields.h"
#include "dissector/tree/field_table.h"

namespace snmpdissect::proto {
namespace {

// One line per protocol. The order fixes the ids (and `-G fields` order),
// nothing else.
const tree::ProtocolRows* const kProtocols[] = {
    &Malformed::kRows,
    &Snmp::kRows,
    &Frame::kRows,
    &Eth::kRows,
    &Vlan::kRows,
    &Ieee8021ad::kRows,
    &Ieee8021ah::kRows,
    &Sll::kRows,
    &Null::kRows,
    &Raw::kRows,
    &Ip::kRows,
    &Ipv6::kRows,
    &Udp::kRows,
    &Tcp::kRows,
};

bool Register() {
  const absl::Status status = tree::FieldTableBuilder::Install(kProtocols);
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

}  // namespace snmpdissect::proto
