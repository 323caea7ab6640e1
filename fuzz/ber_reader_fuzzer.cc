// libFuzzer target: walks any input as a BER TLV tree and checks the
// reader's own invariants. The first byte picks the mode: odd is strict DER,
// even is lenient BER (so an SNMP message, which starts 0x30, is read
// leniently as the decoder does).
//
// Invariants (DESIGN.md "Rules of the codec"):
// - every element lies inside its parent, and a reader never consumes more
//   than its input (offset <= end);
// - a failed read does not advance; Peek() and Next() agree;
// - strict mode yields no non-minimal element, and a strict element's TLV
//   re-encodes (ber::Writer) to exactly its input bytes;
// - the primitive decoders (INTEGER, OID) accept or reject every primitive
//   element's content without reading outside it, and a valid OID has
//   2..128 arcs and text;
// - every error converts to a non-OK status.
// Any violation aborts, which libFuzzer reports as a crash.
//
// Two things keep this fast without fuzzing less (fuzz/README.md, "What
// limits exec/s"): the primitive decoders see primitive elements only, as
// in the decoder (INTEGER and OBJECT IDENTIFIER are primitive, X.690 8.3.1
// and 8.19.1; a constructed element's content is its children's octets,
// each walked on its own), and each error code becomes a status once per
// input (every ToStatus allocates its message, and ASan records a stack
// trace per allocation: per element, that was a quarter of the time).

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/types/span.h"
#include "codec/ber/integer.h"
#include "codec/ber/oid.h"
#include "codec/ber/reader.h"
#include "codec/ber/writer.h"
#include "fuzz/fuzz_check.h"

namespace {

using snmpdissect::ber::Bytes;
using snmpdissect::ber::Element;
using snmpdissect::ber::Mode;
using snmpdissect::ber::Reader;

void Check(bool condition, const char* what) {
  snmpdissect::fuzz::CheckInvariant("ber_reader", condition, what);
}

struct Walker {
  const uint8_t* input;  // the whole input: offsets are relative to it
  Mode mode;
  std::string scratch;   // reused: Writer output for the DER identity check
  std::bitset<256> converted;  // the ErrorCodes (uint8_t) already made statuses

  // ToStatus, once per code per input: the text differs only in the
  // offset's digits from one element to the next.
  void CheckStatus(snmpdissect::ber::Error error) {
    const auto code = static_cast<uint8_t>(error.code);
    if (converted.test(code)) return;
    converted.set(code);
    Check(snmpdissect::ber::ToStatus(error).ok() == error.ok(),
          "ToStatus disagrees with Error::ok");
  }

  void CheckPrimitives(const Element& element) {
    int64_t i;
    uint64_t u;
    bool padded;
    // Their errors become statuses the tool prints ("offset N: ...").
    CheckStatus(snmpdissect::ber::DecodeInt64(element, &i, &padded));
    CheckStatus(snmpdissect::ber::DecodeUint64(element, &u, &padded));
    snmpdissect::ber::OidView oid;
    const auto oid_error = snmpdissect::ber::DecodeOid(element, &oid);
    CheckStatus(oid_error);
    if (oid_error.ok()) {
      Check(oid.arc_count >= 2 && oid.arc_count <= snmpdissect::ber::kMaxOidArcs,
            "OID arc count outside 2..128");
      scratch.clear();
      snmpdissect::ber::AppendOidText(oid, &scratch);
      Check(!scratch.empty(), "valid OID with empty text");
      uint32_t arcs[snmpdissect::ber::kMaxOidArcs];
      Check(snmpdissect::ber::OidArcs(oid, arcs, snmpdissect::ber::kMaxOidArcs) ==
                oid.arc_count,
            "OidArcs disagrees with arc_count");
      Check(snmpdissect::ber::OidHasPrefix(oid, absl::Span<const uint32_t>(arcs, oid.arc_count)),
            "an OID does not have its own arcs as prefix");
      // Arcs back to content: a valid OID re-encodes to its own octets
      // (X.690 8.19 has one encoding per arc list), unless its first
      // subidentifier stands for an arc pair AppendOidContent refuses
      // (first arc 2 with a second arc of 40 or more decodes fine).
      scratch.clear();
      if (snmpdissect::ber::AppendOidContent(absl::Span<const uint32_t>(arcs, oid.arc_count),
                                             &scratch)) {
        Check(scratch.size() == oid.content.size() &&
                  std::memcmp(scratch.data(), oid.content.data(), scratch.size()) == 0,
              "OID arcs do not re-encode to the same content");
      }
    }
  }

  void CheckDerIdentity(const Element& element) {
    if (mode != Mode::kStrictDer) return;
    Check(!element.non_minimal(), "strict mode yielded a non-minimal element");
    scratch.clear();
    snmpdissect::ber::Writer writer(&scratch);
    writer.WritePrimitive(element.tag, element.content);
    Check(scratch.size() == element.location.total_length() &&
              std::memcmp(scratch.data(), input + element.location.offset, scratch.size()) == 0,
          "strict DER element does not re-encode to its own bytes");
  }

  // `begin`/`end`: the parent's content, as absolute offsets.
  void Walk(Reader reader, size_t begin, size_t end) {
    Check(reader.offset() == begin, "child reader does not start at its parent's content");
    // ExpectEnd fails exactly when input remains, without moving.
    const auto end_error = reader.ExpectEnd();
    Check(end_error.ok() == reader.AtEnd() && reader.offset() == begin,
          "ExpectEnd disagrees with AtEnd");
    CheckStatus(end_error);
    while (!reader.AtEnd()) {
      const size_t before = reader.offset();
      Check(before <= end, "reader consumed past its input");
      Element peeked;
      const auto peek_error = reader.Peek(&peeked);
      Check(reader.offset() == before, "Peek advanced");
      Element element;
      const auto error = reader.Next(&element);
      Check(peek_error == error, "Peek and Next disagree");
      if (!error.ok()) {
        Check(reader.offset() == before, "a failed read advanced");
        CheckStatus(error);
        Check(error.offset >= before && error.offset <= end, "error offset outside the input");
        return;
      }
      Check(peeked.location == element.location, "Peek and Next found different elements");
      Check(element.location.offset == before, "element does not start at the reader");
      Check(element.location.offset >= begin && element.location.end() <= end,
            "element outside its parent");
      Check(reader.offset() == element.location.end(), "reader not at the element's end");
      Check(element.content.data() == input + element.location.content_offset() &&
                element.content.size() == element.location.content_length,
            "content span does not match the location");
      if (!element.tag.constructed) CheckPrimitives(element);
      CheckDerIdentity(element);
      // Constructed elements, and OCTET STRINGs that may wrap BER (RFC 3412
      // msgSecurityParameters), are walked one level deeper.
      if (element.tag.constructed || element.tag == snmpdissect::ber::kOctetString) {
        Reader child;
        if (const auto enter_error = reader.Enter(element, &child); !enter_error.ok()) {
          Check(reader.depth() + 1 > snmpdissect::ber::kMaxDepth, "Enter failed below the cap");
          CheckStatus(enter_error);
          continue;
        }
        Check(child.depth() == reader.depth() + 1, "child depth");
        if (element.tag.constructed) {
          Walk(child, element.location.content_offset(), element.location.end());
        } else {
          WalkWrapped(child, element);
        }
      }
    }
    Check(reader.offset() == end, "a reader at its end is not at its parent's end");
    Check(reader.ExpectEnd().ok(), "ExpectEnd fails at the end");
  }

  // An OCTET STRING's content may or may not be BER: walk it, but a failure
  // there is data, not a bug (the same invariants still apply up to it).
  void WalkWrapped(Reader child, const Element& element) {
    Walk(child, element.location.content_offset(), element.location.end());
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  Walker walker{data, (data[0] & 1) ? Mode::kStrictDer : Mode::kLenientBer, {}, {}};
  walker.CheckStatus(snmpdissect::ber::kOk);
  walker.Walk(Reader(Bytes(data + 1, size - 1), walker.mode, 1), 1, size);
  return 0;
}
