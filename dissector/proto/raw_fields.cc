#include "dissector/proto/raw_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::FieldInfo kRawFields[] = {
    {.local = Raw::kRaw, .abbrev = "raw", .name = "Raw packet data", .type = T::kProtocol,
     .short_name = "Raw"},
};

}  // namespace

const tree::ProtocolRows Raw::kRows = {kRawFields, {}, &Raw::hf, &Raw::ei};

}  // namespace snmpdissect::proto
