#include "dissector/proto/null_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

// Address families in a BSD loopback header: AF_INET is 2 everywhere;
// AF_INET6 is 24 (NetBSD, OpenBSD, BSD/OS), 28 (FreeBSD, DragonFly) or 30
// (Darwin), so a capture from any of them must map all three to IPv6.
constexpr tree::ValueName kNullFamilyNames[] = {
    {2, 2, "IP"},
    {24, 24, "IPv6"},
    {28, 28, "IPv6"},
    {30, 30, "IPv6"},
};

constexpr tree::FieldInfo kNullFields[] = {
    {.local = Null::kNull, .abbrev = "null", .name = "Null/Loopback", .type = T::kProtocol,
     .description = "BSD loopback header: the address family in host byte order (DLT_NULL)",
     .short_name = "NULL"},
    {.local = Null::kFamily, .abbrev = "null.family", .name = "Family", .type = T::kUint,
     .value_names = kNullFamilyNames, .unknown_name = "Unknown",
     .description = "Address family of the payload (AF_INET 2; AF_INET6 24, 28 or 30 by OS)"},
};

}  // namespace

const tree::ProtocolRows Null::kRows = {kNullFields, {}, &Null::hf, &Null::ei};

}  // namespace snmpdissect::proto
