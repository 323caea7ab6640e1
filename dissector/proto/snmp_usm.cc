// USM outcomes (codec/usm/processor.h) on the SNMP tree, shaped like
// Wireshark's: a generated "Authentication: OK/Failed" (snmp.v3.auth) under
// msgAuthenticationParameters, and a "Decrypted ScopedPDU"
// (snmp.decrypted_pdu) under encryptedPDU holding the plaintext, with the
// ScopedPDU dissected from it as a data source of its own. Each outcome
// also gets an expert saying what happened, in words.

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "codec/ber/error.h"
#include "dissector/proto/snmp_fields.h"
#include "dissector/proto/snmp_internal.h"

namespace snmpdissect::proto::internal {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;
using tree::Tree;

// The user name as the message carries it (printers escape it).
std::string_view UserName(const snmp::Message& m) {
  const snmp::Bytes name = m.usm.user_name.value;
  return std::string_view(reinterpret_cast<const char*>(name.data()), name.size());
}

void AddText(Tree* tree, NodeId node, ExpertId expert, Severity severity,
             const std::string& text) {
  tree->AddDiagnostic(node, expert, severity, text);
}

// A generated node naming the protocol used. It claims no bytes (length 0),
// so diagnostics found by offset never land on it.
void AddProtocolName(FieldId field, const char* name, tree::Range range, Tree* tree,
                     NodeId parent) {
  range.length = 0;
  const NodeId node = tree->AddString(parent, field, range, std::string_view(name));
  tree->SetGenerated(node);
}

}  // namespace

void AddAuthOutcome(const usm::Result& r, const snmp::Message& m, Tree* tree, NodeId params) {
  using usm::AuthOutcome;
  if (r.auth == AuthOutcome::kNotAuthenticated || params == tree::kNoNode) return;
  const tree::Range range = tree->node(params).range;
  const char* protocol = usm::GetAuthInfo(r.auth_protocol).name;
  const size_t length = m.usm.auth_params.value.size();
  switch (r.auth) {
    case AuthOutcome::kNotAuthenticated:
      return;
    case AuthOutcome::kVerified:
    case AuthOutcome::kWrongDigest: {
      // RFC 3414 section 3.2 step 6: the MAC was computed and compared.
      const bool ok = r.auth == AuthOutcome::kVerified;
      const NodeId verdict = tree->AddBool(params, Snmp::hf[Snmp::kV3Auth], range, ok);
      tree->SetGenerated(verdict);
      AddProtocolName(Snmp::hf[Snmp::kUsmAuthProtocol], protocol, range, tree, verdict);
      if (ok) {
        tree->AddDiagnostic(verdict, Snmp::ei[Snmp::kAuthenticationOk]);
      } else {
        AddText(tree, verdict, Snmp::ei[Snmp::kAuthenticationError], Severity::kWarning,
                absl::StrFormat("SNMP Authentication Error: wrong digest for user \"%s\" "
                                "(%s): wrong password, or a forged or altered message",
                                UserName(m), protocol));
      }
      return;
    }
    case AuthOutcome::kNoUser:
      AddText(tree, params, Snmp::ei[Snmp::kVerifyAuthenticationError], Severity::kNote,
              absl::StrFormat("not verified: no user \"%s\" configured for this engine",
                              UserName(m)));
      return;
    case AuthOutcome::kNoAuthKey:
      AddText(tree, params, Snmp::ei[Snmp::kVerifyAuthenticationError], Severity::kWarning,
              absl::StrFormat("not verified: user \"%s\" is configured without an "
                              "authentication key",
                              UserName(m)));
      return;
    case AuthOutcome::kWrongLength:
      AddText(tree, params, Snmp::ei[Snmp::kVerifyAuthenticationError], Severity::kWarning,
              absl::StrFormat("not verified: msgAuthenticationParameters is %d octets; %s "
                              "takes %d (RFC 3414 section 6.3.2, RFC 7860 section 4.2.2)",
                              length, protocol, usm::GetAuthInfo(r.auth_protocol).mac_length));
      return;
    case AuthOutcome::kMissingParams:
      AddText(tree, params, Snmp::ei[Snmp::kVerifyAuthenticationError], Severity::kWarning,
              "authFlag set but msgAuthenticationParameters is empty (RFC 3414 section "
              "3.2 step 6)");
      return;
    case AuthOutcome::kBadEngineId:
      AddText(tree, params, Snmp::ei[Snmp::kVerifyAuthenticationError], Severity::kWarning,
              "not verified: msgAuthoritativeEngineID is longer than 32 octets, so no key "
              "can be localised to it (RFC 3411 section 5)");
      return;
    case AuthOutcome::kUnavailable:
      AddText(tree, params, Snmp::ei[Snmp::kCryptoUnavailable], Severity::kWarning,
              absl::StrFormat("not verified: %s is not available in this OpenSSL", protocol));
      return;
  }
}

NodeId AddDecryption(const usm::Result& r, const snmp::Message& m, Tree* tree,
                     NodeId encrypted) {
  using usm::PrivOutcome;
  if (r.priv == PrivOutcome::kNotEncrypted || encrypted == tree::kNoNode) return tree::kNoNode;
  const char* protocol = usm::GetPrivInfo(r.priv_protocol).name;
  switch (r.priv) {
    case PrivOutcome::kNotEncrypted:
      return tree::kNoNode;
    case PrivOutcome::kDecrypted:
    case PrivOutcome::kUndecodable: {
      // The plaintext came from the encryptedPDU's octets; what is dissected
      // from it points into it (its node id is the data source).
      const NodeId plain = tree->AddBytes(encrypted, Snmp::hf[Snmp::kDecryptedPdu],
                                          tree->node(encrypted).range, r.plaintext);
      AddProtocolName(Snmp::hf[Snmp::kUsmPrivProtocol], protocol, tree::Range{0, 0, plain}, tree,
                      plain);
      if (r.extension_by_trial) {
        AddText(tree, plain, Snmp::ei[Snmp::kUsmNote], Severity::kChat,
                r.priv == PrivOutcome::kDecrypted
                    ? absl::StrFormat("user \"%s\" names no AES key extension: by trial, "
                                      "%s gives a ScopedPDU",
                                      UserName(m), protocol)
                    : absl::StrFormat("user \"%s\" names no AES key extension: neither "
                                      "Blumenthal's nor Reeder's gives a ScopedPDU",
                                      UserName(m)));
      }
      if (r.priv == PrivOutcome::kUndecodable) {
        AddText(tree, plain, Snmp::ei[Snmp::kDecryptedDataBadFormatted], Severity::kWarning,
                absl::StrFormat("Decrypted data not formatted as expected, wrong key? (user "
                                "\"%s\", %s: offset %d: %s)",
                                UserName(m), protocol, r.plaintext_error.offset,
                                ber::ErrorText(r.plaintext_error.code)));
        return tree::kNoNode;
      }
      return plain;
    }
    case PrivOutcome::kNoUser:
      AddText(tree, encrypted, Snmp::ei[Snmp::kFailedDecryptedDataPdu], Severity::kNote,
              absl::StrFormat("not decrypted: no user \"%s\" configured for this engine",
                              UserName(m)));
      return tree::kNoNode;
    case PrivOutcome::kNoPrivKey:
      AddText(tree, encrypted, Snmp::ei[Snmp::kFailedDecryptedDataPdu], Severity::kWarning,
              absl::StrFormat("not decrypted: user \"%s\" is configured without a privacy "
                              "key",
                              UserName(m)));
      return tree::kNoNode;
    case PrivOutcome::kWrongSaltLength:
      AddText(tree, encrypted, Snmp::ei[Snmp::kFailedDecryptedDataPdu], Severity::kWarning,
              absl::StrFormat("not decrypted: msgPrivacyParameters is %d octets, not 8 (RFC "
                              "3414 section 8.3.2 step 1, RFC 3826 section 3.1.4)",
                              m.usm.priv_params.value.size()));
      return tree::kNoNode;
    case PrivOutcome::kBadCiphertextLength:
      AddText(tree, encrypted, Snmp::ei[Snmp::kFailedDecryptedDataPdu], Severity::kWarning,
              absl::StrFormat("not decrypted: encryptedPDU is %d octets, not a whole number "
                              "of %s blocks (RFC 3414 section 8.3.2 step 2)",
                              m.encrypted_pdu.value.size(), protocol));
      return tree::kNoNode;
    case PrivOutcome::kBadEngineId:
      AddText(tree, encrypted, Snmp::ei[Snmp::kFailedDecryptedDataPdu], Severity::kWarning,
              "not decrypted: msgAuthoritativeEngineID is longer than 32 octets, so no key "
              "can be localised to it (RFC 3411 section 5)");
      return tree::kNoNode;
    case PrivOutcome::kUnavailable:
      AddText(tree, encrypted, Snmp::ei[Snmp::kCryptoUnavailable], Severity::kWarning,
              absl::StrFormat("not decrypted: %s is not available in this OpenSSL", protocol));
      return tree::kNoNode;
    case PrivOutcome::kKeyDeferred:
      AddText(tree, encrypted, Snmp::ei[Snmp::kFailedDecryptedDataPdu], Severity::kWarning,
              absl::StrFormat("not decrypted: %s for user \"%s\" needs Reeder's key "
                              "extension, derived only once a message's MAC has verified "
                              "(a guard against floods of forged engine IDs)",
                              protocol, UserName(m)));
      return tree::kNoNode;
  }
  return tree::kNoNode;
}

}  // namespace snmpdissect::proto::internal
