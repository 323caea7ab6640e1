// libFuzzer target: a differential oracle. Every input is one SNMP message
// read twice, by snmpdissect's decoder (fuzz::Harness, as the tool reads a
// UDP payload) and by net-snmp's own message parser (libnetsnmp from
// Debian's libsnmp-dev: snmp_parse, the entry point tools/peer's target and
// net-snmp's agent use). The target aborts when the two read the same bytes
// differently:
//
// - Both accept (net-snmp returns success; ours decodes with no structural
//   error and no error-severity diagnostic): version, community, PDU type,
//   request-id, error-status, error-index (GetBulk: non-repeaters and
//   max-repetitions), the Trap-PDU fields, and each varbind's name, type and
//   value must agree; for SNMPv3 also msgID, msgMaxSize, the security level
//   and reportable flag, the security model, the USM engine ID and user name,
//   and the context engine ID and name.
// - One accepts, the other refuses: the case must be one of the intended
//   differences (fuzz/README.md, "Differential target", each with its RFC
//   clause): a leniency of net-snmp we flag, a limit of net-snmp's buffers
//   the RFCs do not set, a rule net-snmp applies while parsing that is a
//   processing rule for us (shown with a warning, as a dissector must show
//   what was sent). Anything else aborts with both readings.
//
// SNMPv3 and USM: net-snmp parses the USM parameters inside its USM module,
// which then looks up the engine and user. This target has no users, so that
// lookup fails after the parse; a wrapper around USM's decode hook records
// whether the parameters parsed and, when they did and the ScopedPDU is
// plaintext, lets net-snmp parse it as it would for a known user. For an
// encrypted ScopedPDU only the header and USM fields are compared.
//
// net-snmp's library is not built with sanitizers or coverage here (Debian's
// shared libnetsnmp): libFuzzer's guidance comes from our code, and net-snmp
// only answers.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cstdint>

#include "codec/ber/error.h"
#include "codec/ber/oid.h"
#include "codec/ber/reader.h"
#include "codec/snmp/diagnostic.h"
#include "codec/snmp/model.h"
#include "fuzz/fuzz_support.h"

// net-snmp's headers last: they define macros (TRUE, MAX_OID_LEN, ASN_*)
// that must not reach ours.
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

namespace {

namespace snmp = snmpdissect::snmp;
namespace ber = snmpdissect::ber;

// --- net-snmp's side ------------------------------------------------------

int (*g_usm_decode)(struct snmp_secmod_incoming_params*) = nullptr;
int g_usm_result = SNMPERR_SUCCESS;
bool g_usm_called = false;

// USM's result codes that come after usm_parse_security_parameters
// succeeded (engine, user, level, digest, time window): the parameters were
// read; only the missing users refused them.
bool UsmParsed(int rc) {
  switch (rc) {
    case SNMPERR_USM_UNKNOWNENGINEID:
    case SNMPERR_USM_UNKNOWNSECURITYNAME:
    case SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL:
    case SNMPERR_USM_AUTHENTICATIONFAILURE:
    case SNMPERR_USM_NOTINTIMEWINDOW:
    case SNMPERR_USM_GENERICERROR:
      return true;
    default:
      return false;
  }
}

int DecodeUsm(struct snmp_secmod_incoming_params* params) {
  g_usm_called = true;
  g_usm_result = g_usm_decode(params);
  // A plaintext ScopedPDU: USM set *scopedPdu before it looked for the user,
  // so snmpv3_parse can go on as for a known user.
  if (UsmParsed(g_usm_result) && params->secLevel != SNMP_SEC_LEVEL_AUTHPRIV) {
    return SNMPERR_SUCCESS;
  }
  return g_usm_result;
}

void InitNetSnmp() {
  // Quiet: net-snmp logs every refusal ("Received bad msgMaxSize"), and
  // with no handler it falls back to standard error. A handler of type
  // NONE takes every message and drops it.
  snmp_disable_log();
  if (netsnmp_register_loghandler(NETSNMP_LOGHANDLER_NONE, LOG_DEBUG) == nullptr) {
    std::fprintf(stderr, "differential: cannot silence net-snmp's log\n");
  }
  // RFC 5343 context probes would make snmp_parse answer on a session.
  netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_NO_DISCOVERY, 1);
  // init_usm registers configuration handlers under the application's name.
  netsnmp_ds_set_string(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_APPTYPE, "snmpdissect-differential");
  init_usm();
  struct snmp_secmod_def* usm = find_sec_mod(USM_SEC_MODEL_NUMBER);
  if (usm == nullptr || usm->decode == nullptr) {
    std::fprintf(stderr, "differential: net-snmp's USM is not registered\n");
    std::abort();
  }
  g_usm_decode = usm->decode;
  usm->decode = DecodeUsm;
}

struct Peer {
  netsnmp_pdu* pdu = nullptr;
  int rc = 0;
  int errno_ = 0;            // the session's s_snmp_errno
  bool accepted = false;     // snmp_parse returned success
  bool v3_header = false;    // SNMPv3: header and USM parameters parsed
  bool encrypted = false;    // ... and the ScopedPDU is encrypted

  ~Peer() {
    if (pdu != nullptr) snmp_free_pdu(pdu);
  }
};

void ParseWithNetSnmp(const uint8_t* data, size_t size, Peer* peer) {
  netsnmp_session session;
  std::memset(&session, 0, sizeof session);
  session.version = SNMP_DEFAULT_VERSION;
  // Authoritative: USM checks the engine ID against its own and keeps no
  // record of others (a non-authoritative session would learn every engine
  // ID, growing without bound over a campaign).
  session.isAuthoritative = SNMP_SESS_AUTHORITATIVE;
  // snmpv3_parse lowers msgMaxSize to the session's; keep what was sent.
  session.sndMsgMaxSize = SNMP_MAX_PACKET_LEN;
  g_usm_called = false;
  g_usm_result = SNMPERR_SUCCESS;
  peer->pdu = static_cast<netsnmp_pdu*>(calloc(1, sizeof(netsnmp_pdu)));
  // snmp_parse takes a non-const buffer; USM blanks the authentication
  // parameters in place, so it gets a copy.
  static uint8_t copy[65536];
  std::memcpy(copy, data, size);
  peer->rc = snmp_parse(nullptr, &session, peer->pdu, copy, size);
  peer->accepted = peer->rc == SNMPERR_SUCCESS;
  peer->errno_ = session.s_snmp_errno;
  if (g_usm_called) {
    peer->v3_header = g_usm_result == SNMPERR_SUCCESS || UsmParsed(g_usm_result);
    peer->encrypted = peer->v3_header && peer->pdu->securityLevel == SNMP_SEC_LEVEL_AUTHPRIV;
  }
}

// --- our side ---------------------------------------------------------------

bool HasDiagnostic(const snmp::Message& m, snmp::DiagnosticCode code) {
  for (const snmp::Diagnostic& d : m.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

// A diagnostic of `code` about an element inside `at`.
bool HasDiagnosticIn(const snmp::Message& m, snmp::DiagnosticCode code, ber::Location at) {
  for (const snmp::Diagnostic& d : m.diagnostics) {
    if (d.code == code && d.offset >= at.offset && d.offset < at.end()) return true;
  }
  return false;
}

bool HasErrorDiagnostic(const snmp::Message& m) {
  for (const snmp::Diagnostic& d : m.diagnostics) {
    if (d.severity == snmp::Severity::kError) return true;
  }
  return false;
}

// --- intended differences (fuzz/README.md, "Differential target") ---------

// Whether some OID of the message has a first subidentifier (40 * X + Y,
// X.690 8.19.4) above 2^32-1.
bool HasWideFirstSubidentifier(const snmp::Message& m) {
  auto wide = [](const ber::OidView& oid) {
    uint32_t arcs[2];
    return oid.arc_count >= 2 && ber::OidArcs(oid, arcs, 2) >= 2 && arcs[0] == 2 &&
           arcs[1] > 0xffffffffu - 80;
  };
  if (!m.has_pdu) return false;
  if (m.pdu.type == snmp::PduType::kTrapV1 && wide(m.pdu.enterprise.value)) return true;
  for (const snmp::VarBind& vb : m.pdu.varbinds) {
    if (wide(vb.name.value)) return true;
    if (vb.value.type == snmp::ValueType::kObjectIdentifier && wide(vb.value.oid)) return true;
  }
  return false;
}

// Whether a non-DER note of the message is about an identifier in the
// high-tag-number form (its first octet's tag bits all ones, X.690 8.1.2.4).
bool HasHighTagForm(const snmp::Message& m, snmp::Bytes input) {
  for (const snmp::Diagnostic& d : m.diagnostics) {
    if (d.code == snmp::DiagnosticCode::kNonMinimalEncoding && d.offset < input.size() &&
        (input[d.offset] & 0x1f) == 0x1f) {
      return true;
    }
  }
  return false;
}

// Where net-snmp's reading of the message parts from ours, or SIZE_MAX.
// net-snmp reads each field right after the previous one, not after the
// SEQUENCE or OCTET STRING that holds it, so octets left after the last
// component of one (RFC 3412 section 6: HeaderData's four, the
// UsmSecurityParameters SEQUENCE inside msgSecurityParameters) are what it
// takes for the next field; we read the next field after the container's
// end (and note the octets). From that end on the two read different
// octets (intended differences 6 and 24).
size_t MisreadFrom(const snmp::Message& m) {
  using C = snmp::DiagnosticCode;
  size_t from = SIZE_MAX;
  if (m.header.location.total_length() != 0 &&
      HasDiagnosticIn(m, C::kTrailingData, m.header.location)) {
    from = m.header.location.end();
  }
  if (m.security_parameters.present &&
      HasDiagnosticIn(m, C::kTrailingData, m.security_parameters.location)) {
    from = std::min(from, m.security_parameters.location.end());
  }
  return from;
}

// net-snmp refused a message we decoded: the name of the intended difference
// that explains it, or nullptr. Each is a rule net-snmp applies while parsing
// that we apply as a warning (the message is still shown, as a dissector
// must show what was sent), or a size of net-snmp's buffers no RFC sets.
const char* WhyNetSnmpRefused(const snmp::Message& m, snmp::Bytes input) {
  using C = snmp::DiagnosticCode;
  // RFC 3412 section 6 ranges of msgID, msgMaxSize and msgFlags' size:
  // snmpv3_parse drops the message (RFC 3412 section 7.2.2).
  if (HasDiagnostic(m, C::kMsgIdOutOfRange)) return "msgID outside 0..2^31-1";
  if (HasDiagnostic(m, C::kMsgMaxSizeTooSmall)) return "msgMaxSize outside 484..2^31-1";
  if (HasDiagnostic(m, C::kMsgFlagsWrongSize)) return "msgFlags not one octet";
  // RFC 3412 section 7.2.4: no module for the model; we keep its bytes.
  if (HasDiagnostic(m, C::kUnknownSecurityModel)) return "security model without a module";
  // RFC 3414 section 2.4 sizes (user name <= 32, engine ID <= 32) and
  // net-snmp's buffers (context name <= 256, authentication parameters <=
  // 48, privacy parameters <= 16): refused by net-snmp, flagged by us.
  if (HasDiagnostic(m, C::kUsmFieldTooLong)) return "USM field or context longer than its rule";
  // Values wider than their type (RFC 2578 section 7.1; engine boots and
  // time above 2^31-1, RFC 3414 section 2.2): net-snmp refuses some, we flag.
  if (HasDiagnostic(m, C::kValueOutOfRange)) return "value wider than its type";
  // IpAddress is OCTET STRING (SIZE (4)), RFC 2578 section 7.1.5.
  if (HasDiagnostic(m, C::kIpAddressWrongSize)) return "IpAddress not 4 octets";
  // RFC 3416 section 3 ObjectSyntax is a closed CHOICE: net-snmp refuses
  // other tags; we keep tag and content with a warning.
  if (HasDiagnostic(m, C::kUnknownValueTag)) return "value tag outside ObjectSyntax";
  // net-snmp's Opaque specials with content its decoders refuse; we keep
  // the Opaque's octets and flag them.
  if (HasDiagnostic(m, C::kOpaqueMalformed)) return "malformed Opaque special";
  // Octets after the last field of HeaderData, or after the
  // UsmSecurityParameters SEQUENCE inside msgSecurityParameters: net-snmp
  // reads the next field from right there and misreads the message; RFC
  // 3412 section 6 puts it after the container, where we read it (and flag
  // the octets). See MisreadFrom.
  if (MisreadFrom(m) != SIZE_MAX) return "octets after a header or USM SEQUENCE's fields";
  // RFC 3414 section 8.3.2 step 1 (and RFC 3826 section 3.1.4 step 1):
  // authPriv needs 8 octets of privacy parameters; a processing error
  // (decryptionError), not a malformed message.
  if (m.has_usm && (m.header.flag_bits() & snmp::kFlagPriv) &&
      m.usm.priv_params.value.size() != 8) {
    return "authPriv privacy parameters not 8 octets";
  }
  // Octets after a varbind's value inside its SEQUENCE (RFC 3416 section 3:
  // a VarBind has two components): net-snmp reads them as the next varbind;
  // we skip them with a warning.
  if (m.has_pdu) {
    for (const snmp::VarBind& vb : m.pdu.varbinds) {
      if (HasDiagnosticIn(m, C::kTrailingData, vb.location)) return "octets after a varbind's value";
    }
  }
  // A non-negative value sent without its leading 0x00 octet (X.690 8.3.2):
  // net-snmp reads it negative and then refuses it against a range (msgID,
  // msgMaxSize, engine boots and time); we read it as its sender meant it.
  if (HasDiagnostic(m, C::kMissingLeadingZero)) return "missing leading zero";
  // A low tag number in the high-tag-number form (X.690 8.1.2.4; DER
  // forbids it, X.690 10.1): BER, and we decode and note it; net-snmp's
  // asn_parse_header refuses the extension form. Only that form of the
  // non-DER encodings we note excuses a refusal: net-snmp reads long-form
  // and zero-padded lengths and padded INTEGERs.
  if (HasHighTagForm(m, input)) return "low tag number in the high-tag-number form";
  // A first subidentifier above 2^32-1 whose second arc fits (2.x with
  // x > 2^32-81, X.690 8.19.4): net-snmp limits the encoded subidentifier,
  // RFC 2578 section 3.5 limits each arc.
  if (HasWideFirstSubidentifier(m)) return "first subidentifier above 2^32-1";
  // COMMUNITY_MAX_LEN: net-snmp's buffer; RFC 1157 sets no size.
  if (!m.is_v3() && m.community.value.size() > 256) return "community over 256 octets";
  return nullptr;
}

// Where the lengths of `input` first fail to nest: the offset (in the
// whole input, `root`) of the innermost constructed element whose contents
// do not hold exactly their children (X.690 8.1.1: contents are the
// length's octets; 8.9.2: a SEQUENCE's contents are its components), 0 for
// the input itself, or kAllNest. Depth first, in order.
constexpr size_t kAllNest = SIZE_MAX;
size_t FirstNonNesting(snmp::Bytes root, snmp::Bytes contents, size_t at, int depth = 0) {
  if (depth > ber::kMaxDepth) return at;
  ber::Reader r(contents);
  while (!r.AtEnd()) {
    ber::Element e;
    if (!r.Next(&e).ok()) return at;
    if (e.tag.constructed) {
      const size_t child =
          static_cast<size_t>(e.content.data() - root.data()) - e.location.header_length;
      const size_t bad = FirstNonNesting(root, e.content, child, depth + 1);
      if (bad != kAllNest) return bad;
    }
  }
  return kAllNest;
}

// The X.690 8.19 rule an invalid OID breaks, or kOk.
ber::ErrorCode OidProblem(const ber::OidView& oid) {
  if (oid.arc_count != 0) return ber::ErrorCode::kOk;
  ber::OidView checked;
  return ber::ValidateOid(oid.content, 0, &checked).code;
}

// Whether every subidentifier of `content`, accumulated as net-snmp's
// asn_parse_objid does (a 64-bit u_long that silently wraps), ends at most
// 2^32-1, the only bound it checks (MAX_SUBID). A subidentifier of 2^64 or
// more then reads as its value modulo 2^64.
bool NetSnmpWrapsIntoRange(snmp::Bytes content) {
  uint64_t subid = 0;
  for (uint8_t octet : content) {
    subid = (subid << 7) + (octet & 0x7f);  // wraps, as net-snmp's does
    if (octet & 0x80) continue;
    if (subid > 0xffffffffu) return false;
    subid = 0;
  }
  return true;
}

// Whether an invalid OID of the message breaks a rule net-snmp does not
// check: a subidentifier padded with 0x80 (X.690 8.19.2), empty content
// (X.690 8.19: an OID has at least two arcs) or a last subidentifier cut
// short (X.690 8.19.2: its last octet has bit 8 clear). net-snmp reads the
// first two as arcs (of value 0 for empty content) and stops at the content's end
// for the third. Returns false when some invalid OID breaks another rule.
bool OnlyLenientOids(const snmp::Message& m) {
  bool any = false;
  auto check = [&any](const ber::OidView& oid) {
    switch (OidProblem(oid)) {
      case ber::ErrorCode::kOk: return true;
      case ber::ErrorCode::kOidPadding:
      case ber::ErrorCode::kOidEmpty:
      case ber::ErrorCode::kOidTruncatedArc:
        any = true;
        return true;
      // An arc above 2^32-1 (RFC 2578 section 3.5) that net-snmp's 64-bit
      // accumulator wraps back into range: a subidentifier of 2^64 or more.
      case ber::ErrorCode::kOidArcOverflow:
        if (!NetSnmpWrapsIntoRange(oid.content)) return false;
        any = true;
        return true;
      default:
        return false;
    }
  };
  if (!m.has_pdu) return false;
  if (m.pdu.type == snmp::PduType::kTrapV1 && !check(m.pdu.enterprise.value)) return false;
  for (const snmp::VarBind& vb : m.pdu.varbinds) {
    if (!check(vb.name.value)) return false;
    if (vb.value.type == snmp::ValueType::kObjectIdentifier && !check(vb.value.oid)) return false;
  }
  return any;
}

// Whether a varbind value starting at `offset` has no content octets.
bool IsEmptyValueAt(const snmp::Message& m, size_t offset) {
  if (!m.has_pdu) return false;
  for (const snmp::VarBind& vb : m.pdu.varbinds) {
    if (vb.value.location.offset == offset) return vb.value.content.empty();
  }
  return false;
}

// net-snmp accepted a message we refused: the name of the intended
// difference that explains it, or nullptr.
const char* WhyWeRefused(const snmp::Message& m, ber::Error error, snmp::Bytes input) {
  // What we refuse where net-snmp read other octets.
  const size_t misread = MisreadFrom(m);
  if (!error.ok()) {
    if (error.offset >= misread) return "octets after a header or USM SEQUENCE's fields";
    // net-snmp checks each element's length against what remains of the
    // message, not against its enclosing element, and reads a varbind's
    // value without checking that the varbind SEQUENCE ends there, so where
    // lengths do not nest it reads other elements than we do; we refuse
    // lengths that do not nest (X.690 8.1.1, 8.9.2). Where they do nest, a
    // structural refusal is ours to explain.
    // Only a refusal at or after that element is excused: our decoder
    // stopped where the lengths stop nesting (or inside), not before.
    const size_t bad = FirstNonNesting(input, input, 0);
    if (bad != kAllNest && error.offset >= bad) return "lengths that do not nest";
    // A SEQUENCE that ends before its components, with an element right
    // after it: net-snmp reads each component with the rest of the message
    // as its bound, not the SEQUENCE's, so it takes the octets after the
    // SEQUENCE as the missing component; we hold a SEQUENCE's contents to
    // its components (X.690 8.9.2) and refuse the message.
    if (error.code == ber::ErrorCode::kMissingElement && error.offset < input.size()) {
      ber::Element next;
      if (ber::Reader(input.subspan(error.offset)).Next(&next).ok()) {
        return "a SEQUENCE shorter than its components";
      }
    }
    // A field sent with another tag of its family: net-snmp's
    // asn_parse_string takes any string-like tag and asn_parse_unsigned_int
    // any unsigned one without checking which (a Trap-PDU's agent-addr as an
    // Opaque); we hold each field to its syntax (RFC 1157 section 4.1.6,
    // RFC 3416 section 3) and refuse the message.
    if (error.code == ber::ErrorCode::kUnexpectedTag && error.offset < input.size()) {
      switch (input[error.offset]) {
        case 0x04: case 0x40: case 0x44: case 0x45:  // OCTET STRING, IpAddress, Opaque, NsapAddress
        case 0x41: case 0x42: case 0x43: case 0x47:  // Counter32, Gauge32, TimeTicks, UInteger32
          return "a field's tag swapped within its family";
        default:
          break;
      }
    }
    return nullptr;
  }
  // Error-severity diagnostics, each of them explained.
  for (const snmp::Diagnostic& d : m.diagnostics) {
    if (d.severity != snmp::Severity::kError) continue;
    if (d.offset >= misread) continue;  // net-snmp read other octets there
    // kOidInvalid, or the cap's marker carrying an error dropped past the
    // cap: every invalid OID of the message must be one net-snmp reads.
    if ((d.code == snmp::DiagnosticCode::kOidInvalid ||
         d.code == snmp::DiagnosticCode::kTooManyDiagnostics) &&
        OnlyLenientOids(m)) {
      continue;
    }
    // An INTEGER-family value with no content octets (X.690 8.3.1 requires
    // one): net-snmp reads it as 0.
    if (d.code == snmp::DiagnosticCode::kIntegerInvalid && IsEmptyValueAt(m, d.offset)) continue;
    return nullptr;
  }
  return "OID or INTEGER content net-snmp reads leniently";
}

// --- reporting --------------------------------------------------------------

snmp::Bytes g_input;  // the input being run, for the report

// SNMPDISSECT_DIFFERENTIAL_SURVEY=1 in the environment: report every
// disagreement and go on (to list what a corpus holds), instead of aborting.
bool Survey() {
  static const bool survey = std::getenv("SNMPDISSECT_DIFFERENTIAL_SURVEY") != nullptr;
  return survey;
}

void Disagree(const char* what, const snmp::Message& m, const Peer& peer, ber::Error ours) {
  std::fprintf(stderr,
               "differential: %s\n  net-snmp: rc %d (%s), accepted %d, v3 header %d, USM rc %d\n"
                        "  ours: %s; diagnostics:",
               what, peer.rc, snmp_api_errstring(peer.errno_), peer.accepted, peer.v3_header,
               g_usm_result,
               ours.ok() ? "decoded" : snmpdissect::ber::ToStatus(ours).ToString().c_str());
  for (const snmp::Diagnostic& d : m.diagnostics) {
    std::fprintf(stderr, " [%s at %zu]", snmp::DiagnosticText(d.code), d.offset);
  }
  std::fprintf(stderr, "\n  input:");
  for (size_t i = 0; i < g_input.size(); ++i) std::fprintf(stderr, "%02x", g_input[i]);
  std::fprintf(stderr, "\n");
  if (!Survey()) std::abort();
}

bool SameBytes(snmp::Bytes ours, const uint8_t* theirs, size_t length) {
  return ours.size() == length && (length == 0 || std::memcmp(ours.data(), theirs, length) == 0);
}

bool SameOid(const ber::OidView& ours, const oid* arcs, size_t count) {
  uint32_t mine[MAX_OID_LEN];
  if (ours.arc_count != count || count > MAX_OID_LEN) return false;
  (void)ber::OidArcs(ours, mine, MAX_OID_LEN);
  for (size_t i = 0; i < count; ++i) {
    if (mine[i] != arcs[i]) return false;
  }
  return true;
}

// An integer field's two readings, for the report.
char g_detail[160];
const char* Differs(const char* field, long theirs, int64_t ours) {
  std::snprintf(g_detail, sizeof g_detail, "%s: net-snmp %ld, ours %lld", field, theirs,
                static_cast<long long>(ours));
  return g_detail;
}

// A value we read as its sender meant it (the leading 0x00 octet missing,
// X.690 8.3.2) or that is wider than its SMI type (RFC 2578 section 7.1):
// net-snmp reads such values another way on purpose (fuzz/README.md,
// intended differences 1 and 2), so they are not compared.
bool ReadOnPurpose(const snmp::Message& m, ber::Location at) {
  return HasDiagnosticIn(m, snmp::DiagnosticCode::kMissingLeadingZero, at) ||
         HasDiagnosticIn(m, snmp::DiagnosticCode::kValueOutOfRange, at);
}

// An INTEGER field both read: nullptr when the values agree.
const char* CompareInt(const char* field, long theirs, const snmp::Message& m,
                       const snmp::Field<int64_t>& ours) {
  if (ReadOnPurpose(m, ours.location) || theirs == ours.value) return nullptr;
  // net-snmp 5.9's asn_parse_int keeps the low 32 bits of a value wider
  // than 32 (CHECK_OVERFLOW_S); we keep the value and flag it (RFC 3412
  // section 6 ranges, RFC 2578 section 7.1.1).
  const uint32_t low = static_cast<uint32_t>(ours.value);
  if ((ours.value < INT32_MIN || ours.value > INT32_MAX) &&
      (theirs == static_cast<long>(low) || theirs == static_cast<long>(static_cast<int32_t>(low)))) {
    return nullptr;
  }
  return Differs(field, theirs, ours.value);
}

// The identifier octet net-snmp reports for our value's type.
int TypeOctet(const snmp::Value& v) {
  if (v.type == snmp::ValueType::kOpaque) {
    switch (v.opaque_kind) {
      case snmp::OpaqueKind::kFloat: return ASN_OPAQUE_FLOAT;
      case snmp::OpaqueKind::kDouble: return ASN_OPAQUE_DOUBLE;
      case snmp::OpaqueKind::kCounter64: return ASN_OPAQUE_COUNTER64;
      case snmp::OpaqueKind::kInt64: return ASN_OPAQUE_I64;
      case snmp::OpaqueKind::kUint64: return ASN_OPAQUE_U64;
      case snmp::OpaqueKind::kPlain: break;
    }
  }
  return static_cast<int>(static_cast<uint8_t>(v.tag.tag_class) << 6) |
         (v.tag.constructed ? 0x20 : 0) | static_cast<int>(v.tag.number & 0x1f);
}

uint64_t Counter64Value(const struct counter64* c) {
  return (uint64_t{c->high & 0xffffffffu} << 32) | (c->low & 0xffffffffu);
}

// net-snmp's in-memory type codes for its Opaque specials (ASN_OPAQUE_TAG2
// plus an application tag: 0x76 Counter64, 0x78 float, 0x79 double, 0x7a
// Int64, 0x7b UInt64). snmp_pdu_parse switches on the value's identifier
// octet as sent, so it takes these codes as bare value tags too (and does not
// check what their parsers return). On the wire they are application-class
// constructed tags 22 to 27, outside ObjectSyntax (RFC 3416 section 3; the
// specials exist only inside an Opaque, 9f 7x); we keep tag and content with
// a warning (unknown value type) and the values are not compared.
bool IsBareOpaqueSpecial(int type) {
  switch (type) {
    case ASN_OPAQUE_COUNTER64: case ASN_OPAQUE_FLOAT: case ASN_OPAQUE_DOUBLE:
    case ASN_OPAQUE_I64: case ASN_OPAQUE_U64:
      return true;
    default:
      return false;
  }
}

// nullptr when the value agrees, else what differs.
const char* CompareValue(const snmp::Message& m, const snmp::Value& v,
                         const netsnmp_variable_list* vp) {
  // A net-snmp Opaque special we found malformed: we keep its octets as a
  // plain Opaque, net-snmp's decoders read some of them (a 9-octet Int64).
  if (HasDiagnosticIn(m, snmp::DiagnosticCode::kOpaqueMalformed, v.location)) return nullptr;
  if (TypeOctet(v) != vp->type) return Differs("varbind value type", vp->type, TypeOctet(v));
  if (ReadOnPurpose(m, v.location)) return nullptr;
  switch (v.type) {
    case snmp::ValueType::kInteger:
      return *vp->val.integer == v.integer ? nullptr : "INTEGER value";
    case snmp::ValueType::kCounter32:
    case snmp::ValueType::kGauge32:
    case snmp::ValueType::kTimeTicks:
    case snmp::ValueType::kUInteger32:
      return static_cast<uint64_t>(*vp->val.integer) == v.unsigned_value ? nullptr
                                                                          : "unsigned value";
    case snmp::ValueType::kCounter64:
      return Counter64Value(vp->val.counter64) == v.unsigned_value ? nullptr : "Counter64 value";
    case snmp::ValueType::kObjectIdentifier:
      if (SameOid(v.oid, vp->val.objid, vp->val_len / sizeof(oid))) return nullptr;
      std::snprintf(g_detail, sizeof g_detail, "OID value: net-snmp %zu arcs, ours %zu",
                    vp->val_len / sizeof(oid), v.oid.arc_count);
      return g_detail;
    case snmp::ValueType::kOpaque:
      switch (v.opaque_kind) {
        case snmp::OpaqueKind::kPlain:
          return SameBytes(v.content, vp->val.string, vp->val_len) ? nullptr : "Opaque octets";
        case snmp::OpaqueKind::kFloat: {
          uint32_t bits;
          std::memcpy(&bits, vp->val.floatVal, 4);
          return bits == v.unsigned_value ? nullptr : "Opaque float";
        }
        case snmp::OpaqueKind::kDouble: {
          double ours = v.real;
          return std::memcmp(&ours, vp->val.doubleVal, 8) == 0 ? nullptr : "Opaque double";
        }
        case snmp::OpaqueKind::kInt64:
          return Counter64Value(vp->val.counter64) == static_cast<uint64_t>(v.integer)
                     ? nullptr
                     : "Opaque Int64";
        case snmp::OpaqueKind::kCounter64:
        case snmp::OpaqueKind::kUint64:
          return Counter64Value(vp->val.counter64) == v.unsigned_value ? nullptr
                                                                       : "Opaque UInt64";
      }
      return nullptr;
    case snmp::ValueType::kOctetString:
    case snmp::ValueType::kIpAddress:
    case snmp::ValueType::kNsapAddress:
      return SameBytes(v.content, vp->val.string, vp->val_len) ? nullptr : "string value";
    case snmp::ValueType::kUnknown:
      // net-snmp's own type codes for its Opaque specials, sent bare: not
      // compared (intended difference "bare Opaque special type codes").
      if (IsBareOpaqueSpecial(vp->type)) return nullptr;
      // BIT STRING, the one other tag outside ObjectSyntax net-snmp keeps.
      return SameBytes(v.content, vp->val.bitstring, vp->val_len) ? nullptr : "BIT STRING value";
    case snmp::ValueType::kNull:
    case snmp::ValueType::kNoSuchObject:
    case snmp::ValueType::kNoSuchInstance:
    case snmp::ValueType::kEndOfMibView:
      return nullptr;
  }
  return nullptr;
}

// Both accepted the whole message: nullptr when they read it the same.
const char* CompareMessages(const snmp::Message& m, const Peer& peer) {
  const netsnmp_pdu* p = peer.pdu;
  if (p->version != m.version.value) return Differs("version", p->version, m.version.value);
  if (!m.is_v3()) {
    if (!SameBytes(m.community.value, p->community, p->community_len)) return "community";
  }
  if (!m.has_pdu) return nullptr;
  const snmp::Pdu& pdu = m.pdu;
  if (p->command != (0xa0 | static_cast<int>(pdu.type))) return "PDU type";
  if (pdu.type == snmp::PduType::kTrapV1) {
    if (!SameOid(pdu.enterprise.value, p->enterprise, p->enterprise_length)) return "enterprise";
    if (!SameBytes(pdu.agent_addr.value, p->agent_addr, pdu.agent_addr.value.size()))
      return "agent-addr";
    if (const char* d = CompareInt("generic-trap", p->trap_type, m, pdu.generic_trap)) return d;
    if (const char* d = CompareInt("specific-trap", p->specific_type, m, pdu.specific_trap)) return d;
    if (const char* d = CompareInt("time-stamp", static_cast<long>(p->time), m, pdu.time_stamp))
      return d;
  } else {
    if (const char* d = CompareInt("request-id", p->reqid, m, pdu.request_id)) return d;
    if (const char* d = CompareInt("error-status", p->errstat, m, pdu.error_status)) return d;
    if (const char* d = CompareInt("error-index", p->errindex, m, pdu.error_index)) return d;
  }
  const netsnmp_variable_list* vp = p->variables;
  for (const snmp::VarBind& vb : pdu.varbinds) {
    // Octets after a varbind's value inside its SEQUENCE: net-snmp reads
    // them as further varbinds (intended difference "octets after a
    // varbind's value"), so the lists part here.
    if (HasDiagnosticIn(m, snmp::DiagnosticCode::kTrailingData, vb.location)) return nullptr;
    if (vp == nullptr) return "varbind count (net-snmp has fewer)";
    if (!SameOid(vb.name.value, vp->name, vp->name_length)) return "varbind name";
    if (const char* what = CompareValue(m, vb.value, vp)) return what;
    vp = vp->next_variable;
  }
  if (vp != nullptr) return "varbind count (net-snmp has more)";
  return nullptr;
}

// SNMPv3 header and USM fields, when both read them.
const char* CompareV3Header(const snmp::Message& m, const Peer& peer) {
  const netsnmp_pdu* p = peer.pdu;
  const uint8_t flags = m.header.flag_bits();
  if (const char* d = CompareInt("msgID", p->msgid, m, m.header.msg_id)) return d;
  if (const char* d = CompareInt("msgMaxSize", p->msgMaxSize, m, m.header.max_size)) return d;
  const int level = (flags & snmp::kFlagAuth)
                        ? ((flags & snmp::kFlagPriv) ? SNMP_SEC_LEVEL_AUTHPRIV
                                                     : SNMP_SEC_LEVEL_AUTHNOPRIV)
                        : SNMP_SEC_LEVEL_NOAUTH;
  if (p->securityLevel != level) return "security level (msgFlags)";
  if (((p->flags & SNMP_MSG_FLAG_RPRT_BIT) != 0) != ((flags & snmp::kFlagReportable) != 0))
    return "reportable flag";
  if (const char* d = CompareInt("msgSecurityModel", p->securityModel, m, m.header.security_model)) return d;
  if (!m.has_usm) return "USM parameters (ours did not read them)";
  if (!SameBytes(m.usm.engine_id.value, p->securityEngineID, p->securityEngineIDLen))
    return "msgAuthoritativeEngineID";
  if (!SameBytes(m.usm.user_name.value, reinterpret_cast<const uint8_t*>(p->securityName),
                 p->securityNameLen)) {
    return "msgUserName";
  }
  if (!m.encrypted && m.has_pdu) {
    if (!SameBytes(m.context_engine_id.value, p->contextEngineID, p->contextEngineIDLen))
      return "contextEngineID";
    if (!SameBytes(m.context_name.value, reinterpret_cast<const uint8_t*>(p->contextName),
                   p->contextNameLen)) {
      return "contextName";
    }
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  InitNetSnmp();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static auto* h = new snmpdissect::fuzz::Harness(snmpdissect::fuzz::Harness::Usm::kNone);
  if (size > 65535) return 0;  // one UDP payload at most
  if (g_usm_decode == nullptr) InitNetSnmp();  // the replay main has no Initialize
  g_input = {data, size};
  const auto d = h->DissectMessage(g_input);
  const snmp::Message& m = h->snmp.message();
  const bool ours = d.error.ok() && !HasErrorDiagnostic(m);
  Peer peer;
  ParseWithNetSnmp(data, size, &peer);
  if (ours && peer.accepted) {
    if (const char* what = CompareMessages(m, peer)) Disagree(what, m, peer, d.error);
    if (m.is_v3()) {
      if (const char* what = CompareV3Header(m, peer)) Disagree(what, m, peer, d.error);
    }
    return 0;
  }
  if (ours && m.is_v3() && m.encrypted && peer.v3_header) {
    if (const char* what = CompareV3Header(m, peer)) Disagree(what, m, peer, d.error);
    return 0;
  }
  if (ours && !peer.accepted) {
    if (WhyNetSnmpRefused(m, g_input) == nullptr) Disagree("net-snmp refused", m, peer, d.error);
    return 0;
  }
  if (!ours && peer.accepted && WhyWeRefused(m, d.error, g_input) == nullptr) {
    Disagree("net-snmp accepted", m, peer, d.error);
  }
  return 0;
}
