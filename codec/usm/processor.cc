#include "codec/usm/processor.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "absl/strings/string_view.h"
#include "codec/snmp/decode.h"
#include "codec/usm/auth.h"
#include "codec/usm/privacy.h"

namespace snmpdissect::usm {
namespace {

// RFC 3411 section 5: SnmpEngineID is at most 32 octets.
constexpr size_t kMaxEngineIdLength = 32;

bool EngineMatches(const UserConfig& user, snmp::Bytes engine_id) {
  return std::equal(user.engine_id.begin(), user.engine_id.end(), engine_id.begin(),
                    engine_id.end(), [](char a, uint8_t b) {
                      return static_cast<uint8_t>(a) == b;
                    });
}

// Forgets a ScopedPDU decode that failed (a wrong key's garbage), so the
// message shows only that decryption did not give a ScopedPDU.
void ForgetScopedPdu(size_t diagnostics_begin, snmp::Message* message) {
  message->diagnostics.resize(std::min(diagnostics_begin, message->diagnostics.size()));
  message->has_pdu = false;
  message->pdu.varbinds.clear();
  message->scoped_pdu = {};
  message->context_engine_id = {};
  message->context_name = {};
}

}  // namespace

Processor::Processor(std::vector<UserConfig> users)
    : users_(std::move(users)), user_keys_(users_.size()) {
  for (uint32_t i = 0; i < users_.size(); ++i) users_by_name_[users_[i].name].push_back(i);
}

template <typename Visit>
void Processor::ForEachCandidate(const snmp::Message& message, Visit visit) const {
  const snmp::Bytes name = message.usm.user_name.value;
  const auto found = users_by_name_.find(
      absl::string_view(reinterpret_cast<const char*>(name.data()), name.size()));
  if (found == users_by_name_.end()) return;
  const snmp::Bytes engine = message.usm.engine_id.value;
  // Users tied to this engine before users for any engine.
  for (const bool exact : {true, false}) {
    for (const uint32_t index : found->second) {
      const UserConfig& user = users_[index];
      if (exact != !user.engine_id.empty()) continue;
      if (exact && !EngineMatches(user, engine)) continue;
      if (visit(index)) return;
    }
  }
}

const Key* Processor::Derive(PasswordKey* password_key, AuthProtocol protocol,
                             const std::string& password) {
  if (!password_key->tried) {
    password_key->tried = true;
    ++stats_.passwords_to_keys;
    password_key->ok = PasswordToKey(crypto_, protocol, password, &password_key->ku);
  }
  return password_key->ok ? &password_key->ku : nullptr;
}

Processor::EngineKeys* Processor::KeysFor(uint32_t user, snmp::Bytes engine_id) {
  if (engine_id.size() > kMaxEngineIdLength) return nullptr;
  CacheKey key;
  key.user = user;
  key.length = static_cast<uint8_t>(engine_id.size());
  std::copy(engine_id.begin(), engine_id.end(), key.engine.begin());
  auto found = engine_keys_.find(key);
  if (found != engine_keys_.end()) return &found->second;
  if (engine_keys_.size() >= kMaxCachedEngines) {
    engine_keys_.clear();
    ++stats_.cache_evictions;
  }
  return &engine_keys_[key];
}

const Key* Processor::AuthKey(uint32_t user, snmp::Bytes engine_id) {
  EngineKeys* keys = KeysFor(user, engine_id);
  if (keys == nullptr) return nullptr;
  LocalKey& local = keys->auth;
  if (!local.tried) {
    local.tried = true;
    const UserConfig& config = users_[user];
    const Key* ku = Derive(&user_keys_[user].auth, config.auth, config.auth_password);
    ++stats_.localizations;
    local.ok = ku != nullptr && LocalizeKey(crypto_, config.auth, *ku, engine_id, &local.key);
  }
  return local.ok ? &local.key : nullptr;
}

const Key* Processor::PrivKey(uint32_t user, snmp::Bytes engine_id, PrivProtocol variant,
                              bool authentic, bool* deferred) {
  *deferred = false;
  EngineKeys* keys = KeysFor(user, engine_id);
  if (keys == nullptr) return nullptr;
  const UserConfig& config = users_[user];
  // RFC 3414 8.1.1.1 / RFC 3826 3.1.2.1: the privacy key is the privacy
  // password's Ku localised with the authentication protocol's hash.
  LocalKey& kul = keys->priv_kul;
  if (!kul.tried) {
    kul.tried = true;
    const Key* ku = Derive(&user_keys_[user].priv, config.auth, config.priv_password);
    ++stats_.localizations;
    kul.ok = ku != nullptr && LocalizeKey(crypto_, config.auth, *ku, engine_id, &kul.key);
  }
  if (!kul.ok) return nullptr;
  const KeyExtension extension = GetPrivInfo(variant).extension;
  const bool reeder = extension == KeyExtension::kReeder && NeedsExtension(config.auth, variant);
  LocalKey& local = reeder ? keys->priv_reeder : keys->priv_blumenthal;
  if (!local.tried && reeder && !authentic) {
    *deferred = true;
    return nullptr;
  }
  if (!local.tried) {
    local.tried = true;
    if (reeder) ++stats_.passwords_to_keys;  // the extension hashes 1 MiB again
    local.ok = PrivacyKey(crypto_, config.auth, variant,
                          reeder ? KeyExtension::kReeder : KeyExtension::kBlumenthal,
                          kul.key, engine_id, &local.key);
  }
  return local.ok ? &local.key : nullptr;
}

void Processor::Process(snmp::Bytes input, snmp::Message* message, Result* result) {
  *result = Result{};
  if (!message->is_v3() || !message->has_usm || !message->usm.user_name.present) return;
  result->plaintext_diagnostics_begin = message->diagnostics.size();
  if (message->header.flag_bits() & snmp::kFlagAuth) Authenticate(input, *message, result);
  if (message->encrypted && message->encrypted_pdu.present) Decrypt(message, result);
}

void Processor::Authenticate(snmp::Bytes input, const snmp::Message& message,
                             Result* result) {
  const snmp::Field<snmp::Bytes>& params = message.usm.auth_params;
  if (!params.present || params.value.empty()) {
    result->auth = AuthOutcome::kMissingParams;
    return;
  }
  if (message.usm.engine_id.value.size() > kMaxEngineIdLength) {
    result->auth = AuthOutcome::kBadEngineId;
    return;
  }
  // The best outcome seen so far, in this order of preference.
  constexpr AuthOutcome kRank[] = {AuthOutcome::kVerified, AuthOutcome::kWrongDigest,
                                   AuthOutcome::kUnavailable, AuthOutcome::kWrongLength,
                                   AuthOutcome::kNoAuthKey, AuthOutcome::kNoUser};
  auto rank = [&](AuthOutcome o) {
    return std::find(std::begin(kRank), std::end(kRank), o) - std::begin(kRank);
  };
  AuthOutcome best = AuthOutcome::kNoUser;
  auto offer = [&](AuthOutcome outcome, uint32_t index) {
    if (result->user != nullptr && rank(outcome) >= rank(best)) return;
    best = outcome;
    result->user = &users_[index];
    result->auth_protocol = users_[index].auth;
  };
  const snmp::Bytes engine = message.usm.engine_id.value;
  ForEachCandidate(message, [&](uint32_t index) {
    const UserConfig& user = users_[index];
    if (user.auth == AuthProtocol::kNone) {
      offer(AuthOutcome::kNoAuthKey, index);
      return false;
    }
    if (GetAuthInfo(user.auth).mac_length != params.value.size()) {
      offer(AuthOutcome::kWrongLength, index);
      return false;
    }
    if (!crypto_.Available(user.auth)) {
      offer(AuthOutcome::kUnavailable, index);
      return false;
    }
    const Key* key = AuthKey(index, engine);
    if (key == nullptr) {
      offer(AuthOutcome::kNoAuthKey, index);
      return false;
    }
    ++stats_.verifications;
    const AuthCheck check = VerifyMessage(crypto_, user.auth, *key, input,
                                          params.location.content_offset(), params.value,
                                          &scratch_);
    switch (check) {
      case AuthCheck::kVerified: offer(AuthOutcome::kVerified, index); return true;
      case AuthCheck::kWrongDigest: offer(AuthOutcome::kWrongDigest, index); return false;
      case AuthCheck::kWrongLength: offer(AuthOutcome::kWrongLength, index); return false;
      case AuthCheck::kUnavailable: offer(AuthOutcome::kUnavailable, index); return false;
    }
    return false;
  });
  result->auth = best;
  if (best == AuthOutcome::kNoUser) {
    result->user = nullptr;
    result->auth_protocol = AuthProtocol::kNone;
  }
}

bool Processor::TryDecrypt(uint32_t index, PrivProtocol variant, bool authentic,
                           snmp::Message* message, Result* result) {
  const UserConfig& user = users_[index];
  result->user = &user;
  result->auth_protocol = user.auth;
  result->priv_protocol = variant;
  const snmp::UsmSecurityParameters& usm = message->usm;
  if (!crypto_.Available(variant)) {
    result->priv = PrivOutcome::kUnavailable;
    return false;
  }
  bool deferred = false;
  const Key* key = PrivKey(index, usm.engine_id.value, variant, authentic, &deferred);
  if (key == nullptr) {
    result->priv = deferred ? PrivOutcome::kKeyDeferred : PrivOutcome::kNoPrivKey;
    return false;
  }
  ++stats_.decryptions;
  // RFC 3826 3.1.2.1: boots and time are the message's (0..2^31-1 when
  // well formed; the low 32 bits otherwise, as a sender would have used).
  const PrivCheck check = usm::Decrypt(
      crypto_, variant, *key, static_cast<uint32_t>(usm.engine_boots.value),
      static_cast<uint32_t>(usm.engine_time.value), usm.priv_params.value,
      message->encrypted_pdu.value, &plaintext_);
  switch (check) {
    case PrivCheck::kDone: break;
    case PrivCheck::kWrongSaltLength: result->priv = PrivOutcome::kWrongSaltLength; return false;
    case PrivCheck::kBadCiphertextLength:
      result->priv = PrivOutcome::kBadCiphertextLength;
      return false;
    case PrivCheck::kUnavailable:
    case PrivCheck::kFailed: result->priv = PrivOutcome::kUnavailable; return false;
  }
  result->plaintext = snmp::Bytes(plaintext_.data(), plaintext_.size());
  result->plaintext_error = snmp::DecodeScopedPdu(result->plaintext, 0, message);
  if (result->plaintext_error.ok()) {
    result->priv = PrivOutcome::kDecrypted;
    return true;
  }
  ForgetScopedPdu(result->plaintext_diagnostics_begin, message);
  result->priv = PrivOutcome::kUndecodable;
  return false;
}

void Processor::Decrypt(snmp::Message* message, Result* result) {
  if (message->usm.engine_id.value.size() > kMaxEngineIdLength) {
    result->priv = PrivOutcome::kBadEngineId;
    return;
  }
  // Outcomes about the message itself end the search at once: every user
  // would meet them.
  auto final_outcome = [](PrivOutcome o) {
    return o == PrivOutcome::kWrongSaltLength || o == PrivOutcome::kBadCiphertextLength;
  };
  const UserConfig* verified =
      result->auth == AuthOutcome::kVerified ? result->user : nullptr;
  // Tries every variant the user allows; true when one decoded.
  auto try_user = [&](uint32_t index) {
    const UserConfig& user = users_[index];
    const bool authentic = &user == verified;
    if (user.priv == PrivProtocol::kNone || user.auth == AuthProtocol::kNone) {
      if (result->user == nullptr) {
        result->user = &user;
        result->priv = PrivOutcome::kNoPrivKey;
      }
      return false;
    }
    const PrivInfo& info = GetPrivInfo(user.priv);
    if (info.extension == KeyExtension::kEither && NeedsExtension(user.auth, user.priv)) {
      // Not said which: try net-snmp's first (the commoner), then Cisco's.
      result->extension_by_trial = true;
      if (TryDecrypt(index, info.blumenthal_variant, authentic, message, result) ||
          final_outcome(result->priv)) {
        return true;
      }
      return TryDecrypt(index, info.reeder_variant, authentic, message, result) ||
             final_outcome(result->priv);
    }
    const PrivProtocol variant =
        info.extension == KeyExtension::kEither ? info.blumenthal_variant : user.priv;
    return TryDecrypt(index, variant, authentic, message, result) || final_outcome(result->priv);
  };

  result->user = nullptr;
  result->priv = PrivOutcome::kNoUser;
  if (verified != nullptr) {
    try_user(static_cast<uint32_t>(verified - users_.data()));
  } else {
    // Without a verified user, the first candidate whose plaintext decodes.
    ForEachCandidate(*message, try_user);
  }
}

}  // namespace snmpdissect::usm
