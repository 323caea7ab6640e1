#include "dissector/proto/malformed_fields.h"

namespace snmpdissect::proto {
namespace {

using T = tree::FieldType;
using S = tree::Severity;
using G = tree::ExpertGroup;
using tree::Display;

constexpr tree::FieldInfo kMalformedFields[] = {
    {.local = Malformed::kMalformed, .abbrev = "_ws.malformed", .name = "Malformed Packet",
     .type = T::kProtocol,
     .description = "The layer stopped here: the packet is shorter or otherwise not what its "
                    "headers say"},
};
constexpr tree::ExpertInfo kMalformedExperts[] = {
    {Malformed::kExpert, "_ws.malformed.expert", S::kError, G::kMalformed, "Malformed Packet"},
};

}  // namespace

const tree::ProtocolRows Malformed::kRows = {kMalformedFields, kMalformedExperts, &Malformed::hf, &Malformed::ei};

namespace {
constexpr const tree::ProtocolRows* kMalformedRowSets[] = {&Malformed::kRows};
}  // namespace
const Protocol kMalformedProtocol = {.rows = kMalformedRowSets};

}  // namespace snmpdissect::proto
