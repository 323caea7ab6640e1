#include "dissector/proto/raw_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::FieldInfo kRawFields[] = {
    {.local = Raw::kRaw, .abbrev = "raw", .name = "Raw packet data", .type = T::kProtocol,
     .description = "Raw IP: the frame starts with an IPv4 or IPv6 header (DLT_RAW)",
     .short_name = "Raw"},
};

}  // namespace

const tree::ProtocolRows Raw::kRows = {kRawFields, {}, &Raw::hf, &Raw::ei};

}  // namespace snmpdissect::proto
