// libFuzzer target: walks any input as a BER TLV tree and checks the reader's
// invariants. The first byte picks strict DER (odd) or lenient BER (even).
//
// Invariants (DESIGN.md "Rules of the codec"): children lie inside their
// parent, a failed read does not advance, nothing reads past the input.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "codec/ber/integer.h"
#include "codec/ber/oid.h"
#include "codec/ber/reader.h"

namespace {

using snmpdissect::ber::Element;
using snmpdissect::ber::Reader;

void Check(bool condition) {
  if (!condition) std::abort();
}

void Walk(Reader reader, size_t begin, size_t end) {
  while (!reader.AtEnd()) {
    const size_t before = reader.offset();
    Element element;
    if (!reader.Next(&element).ok()) {
      Check(reader.offset() == before);  // a failed read never advances
      return;
    }
    Check(element.location.offset == before);
    Check(element.location.offset >= begin && element.location.end() <= end);
    Check(reader.offset() == element.location.end());
    // Exercise the primitive decoders on every element; they must not crash.
    int64_t i;
    uint64_t u;
    bool padded;
    snmpdissect::ber::OidView oid;
    (void)snmpdissect::ber::DecodeInt64(element, &i, &padded);
    (void)snmpdissect::ber::DecodeUint64(element, &u, &padded);
    if (snmpdissect::ber::DecodeOid(element, &oid).ok()) {
      Check(oid.arc_count >= 2 && oid.arc_count <= snmpdissect::ber::kMaxOidArcs);
      Check(!snmpdissect::ber::OidText(oid).empty());
    }
    if (element.tag.constructed) {
      Reader child;
      if (!reader.Enter(element, &child).ok()) return;  // depth cap
      Walk(child, element.location.content_offset(), element.location.end());
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto mode = (data[0] & 1) ? snmpdissect::ber::Mode::kStrictDer
                                  : snmpdissect::ber::Mode::kLenientBer;
  Reader reader(snmpdissect::ber::Bytes(data + 1, size - 1), mode, 1);
  Walk(reader, 1, size);
  return 0;
}
