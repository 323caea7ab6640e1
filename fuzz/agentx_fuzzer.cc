// libFuzzer target: an AgentX TCP stream (RFC 2741), cut into PDUs by
// agentx::FramePdu and decoded by agentx::DecodePdu, as the dissector will
// do with a reassembled stream. Self-contained (no fuzz_support): the
// codec is all it runs.
//
// Invariants (codec/agentx/decode.h, framing.h); any violation aborts:
// - framing: a complete PDU is 20..20+kMaxPayloadLength octets and within
//   the input; "need more" asks for more than there is; the stream offset
//   only grows;
// - decoding a framed PDU fails only on the PDU's own content (never
//   kTruncatedHeader, kPayloadTruncated, kPayloadTooLong or a bad version,
//   which framing rules out), and at an offset inside it; a success spans
//   exactly the framed length;
// - every decoded field, OID, octet string, range and VarBind lies inside
//   the PDU's payload (the header's inside the header), in order; every
//   OID has at most 128 subidentifiers and as many octets as they need;
//   at most kMaxDiagnostics + 1 diagnostics;
// - OID text and arcs agree; the summary and the description of any
//   decoded (or partly decoded) PDU can be written; every error becomes a
//   non-OK status.
// The unframed rest of the stream (a PDU cut short, or garbage framing
// refuses) is decoded too, and must fail cleanly.

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "codec/agentx/decode.h"
#include "codec/agentx/describe.h"
#include "codec/agentx/framing.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace snmpdissect::agentx;  // NOLINT: the codec under test

void Check(bool condition, const char* what) {
  snmpdissect::fuzz::CheckInvariant("agentx", condition, what);
}

struct Harness {
  Pdu pdu;               // reused: steady-state decoding does not allocate
  std::string text;      // reused
  std::bitset<256> converted;  // the error codes already made statuses

  void CheckStatus(Error error) {
    const auto code = static_cast<uint8_t>(error.code);
    if (error.ok() || converted.test(code)) return;
    converted.set(code);
    Check(!ToStatus(error).ok(), "an error converts to an OK status");
  }

  static void CheckInside(const Location& inner, size_t begin, size_t end, const char* what) {
    Check(inner.offset >= begin && inner.end() <= end && inner.offset <= inner.end(), what);
  }

  void CheckOid(const Oid& oid, size_t begin, size_t end) {
    if (!oid.present) return;
    CheckInside(oid.location, begin, end, "OID outside its payload");
    Check(oid.n_subid <= kMaxSubids, "OID with more than 128 subidentifiers");
    Check(oid.subids.size() == 4u * oid.n_subid, "OID subids not 4 octets each");
    Check(oid.location.length == 4 + oid.subids.size(), "OID location != head + subids");
    uint32_t arcs[kMaxOidArcs];
    const size_t n = oid.Arcs(arcs, kMaxOidArcs);
    Check(n == oid.arc_count(), "Arcs() disagrees with arc_count()");
    if (oid.n_subid > 0) Check(arcs[n - 1] == oid.subid(oid.n_subid - 1), "last arc != subid");
    text.clear();
    AppendOidText(oid, &text);
    Check(text.empty() == (n == 0), "OID text empty iff no arcs");
    Check(SameArcs(oid, oid), "an OID differs from itself");
  }

  void CheckOctets(const OctetString& s, size_t begin, size_t end) {
    if (!s.present) return;
    CheckInside(s.location, begin, end, "octet string outside its payload");
    Check(s.value.size() == s.length, "octet string value != its length");
    Check(s.location.length % 4 == 0 && s.location.length >= 4 + size_t{s.length} &&
              s.location.length < 8 + size_t{s.length},
          "octet string not padded to 4");
  }

  // A PDU decoded from the framed octets [begin, begin + length).
  void CheckPdu(size_t begin, size_t length) {
    const Header& h = pdu.header;
    // The header decodes whole or not at all (kTruncatedHeader).
    Check(h.version.present == h.payload_length.present, "header half decoded");
    if (!h.payload_length.present) return;
    CheckInside(h.location, begin, begin + length, "header outside the PDU");
    // The payload is set once its child reader exists ({0, 0} before).
    const size_t p0 = pdu.payload.offset;
    const size_t p1 = pdu.payload.end();
    if (p0 != 0) {
      Check(p0 == begin + kHeaderLength && p1 <= begin + length, "payload outside the PDU");
    }
    CheckOctets(pdu.context, p0, p1);
    CheckOid(pdu.id, p0, p1);
    CheckOctets(pdu.descr, p0, p1);
    CheckOid(pdu.subtree, p0, p1);
    size_t last = p0;
    for (const SearchRange& r : pdu.ranges) {
      CheckOid(r.start, p0, p1);
      CheckOid(r.end, p0, p1);
      if (r.end.present) {
        CheckInside(r.location, last, p1, "ranges overlap or leave the payload");
        last = r.location.end();
      }
    }
    last = p0;
    for (const VarBind& vb : pdu.varbinds) {
      CheckOid(vb.name, p0, p1);
      CheckOid(vb.value.oid, p0, p1);
      CheckOctets(vb.value.octets, p0, p1);
      if (vb.location.length != 0) {
        CheckInside(vb.location, last, p1, "VarBinds overlap or leave the payload");
        CheckInside(vb.value.location, vb.location.offset, vb.location.end(),
                    "value outside its VarBind");
        Check(vb.value.type_code == vb.type.value, "value type != v.type");
        last = vb.location.end();
      }
    }
    Check(pdu.diagnostics.size() <= kMaxDiagnostics + 1, "diagnostics not capped");
    for (const Diagnostic& d : pdu.diagnostics) {
      Check(d.offset >= begin && d.offset <= begin + length, "diagnostic outside the PDU");
      Check(DiagnosticText(d.code) != nullptr, "diagnostic without text");
    }
    text.clear();
    AppendSummary(pdu, &text);
    AppendDescription(pdu, &text);
  }

  void Run(const uint8_t* data, size_t size) {
    Bytes rest(data, size);
    size_t offset = 0;
    while (!rest.empty()) {
      const Frame frame = FramePdu(rest);
      if (frame.status != FrameStatus::kComplete) {
        if (frame.status == FrameStatus::kNeedMore) {
          Check(frame.length > rest.size(), "need more, but the PDU is there");
          Check(frame.length >= kHeaderLength &&
                    frame.length <= kHeaderLength + kMaxPayloadLength,
                "need more asks for an impossible length");
        } else {
          Check(!frame.error.ok() && frame.length == 0, "invalid frame without an error");
          CheckStatus(frame.error);
        }
        // What framing left: decoding it must fail cleanly.
        const Error e = DecodePdu(rest, offset, &pdu);
        Check(!e.ok(), "an unframed rest decodes");
        Check(e.offset >= offset && e.offset <= offset + rest.size(), "error outside the input");
        CheckStatus(e);
        CheckPdu(offset, rest.size());
        return;
      }
      Check(frame.length >= kHeaderLength && frame.length <= rest.size() &&
                frame.length <= kHeaderLength + kMaxPayloadLength,
            "complete frame of an impossible length");
      const Error e = DecodePdu(rest.subspan(0, frame.length), offset, &pdu);
      if (e.ok()) {
        Check(pdu.location.offset == offset && pdu.location.length == frame.length,
              "decoded PDU does not span its frame");
      } else {
        Check(e.code != ErrorCode::kTruncatedHeader && e.code != ErrorCode::kPayloadTruncated &&
                  e.code != ErrorCode::kPayloadTooLong &&
                  e.code != ErrorCode::kUnsupportedVersion,
              "framing and decoding disagree");
        Check(e.offset >= offset && e.offset <= offset + frame.length,
              "error outside its PDU");
        CheckStatus(e);
      }
      CheckPdu(offset, frame.length);
      rest.remove_prefix(frame.length);
      offset += frame.length;
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Harness* harness = new Harness();
  harness->converted.reset();
  harness->Run(data, size);
  return 0;
}
