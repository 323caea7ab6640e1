// Linked into every test binary that builds trees (an object library, so
// the initializer is never dropped): registers the protocols before main,
// as the tool does first thing. Tests may use any protocol's ids without
// calling anything first.

#include "dissector/proto/protocols.h"

namespace snmpdissect::proto {
namespace {

[[maybe_unused]] const bool kRegistered = (RegisterProtocols(), true);

}  // namespace
}  // namespace snmpdissect::proto
