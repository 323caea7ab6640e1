// The User-based Security Model applied to captured messages (RFC 3414
// section 3.2, the receiving side): find the user, verify the MAC, decrypt
// the encryptedPDU and decode the ScopedPDU inside, for every SNMPv3 message
// a dissector sees.
//
//   usm::Processor usm(users);             // users from users.h; reuse it
//   snmp::Message message;
//   if (snmp::DecodeMessage(packet, &message).ok()) {
//     usm::Result r;
//     usm.Process(packet, &message, &r);
//     // r.auth: verified, wrong digest, ...; r.priv: decrypted, ...
//     // When r.priv == kDecrypted, message.pdu & co. now hold the decrypted
//     // ScopedPDU, with locations relative to r.plaintext.
//   }
//
// Keys: Ku is derived once per user and password (RFC 3414 A.2, the costly
// 1 MiB hash), Kul once per (user, engine ID) and kept in a bounded cache,
// so a capture pays the derivation once per pair however many messages it
// holds (stats() counts the work). Users without an engine ID are localised
// to each engine ID they are seen with.
//
// Hostile captures: Reeder's key extension (3DES, Cisco's AES-192/256)
// costs another 1 MiB hash per (user, engine ID). A capture of forged
// messages with ever new engine IDs could make every message pay it, so
// that key is derived only for a message whose MAC verified with the same
// user and engine, which a forger cannot make (kKeyDeferred otherwise).
//
// Choosing the user: users whose name matches msgUserName and whose engine
// ID is the message's msgAuthoritativeEngineID (first) or empty (then),
// in the order given. The first whose MAC verifies is the user; without a
// verified user, decryption tries each candidate and keeps the first whose
// plaintext decodes. AES-192/256 users that do not name a key extension get
// both tried where they differ (keys.h NeedsExtension); Result says which
// won.
//
// Ownership: the Processor owns its users, keys and the plaintext buffer;
// Result::plaintext and the Message's decrypted fields borrow that buffer
// until the next Process() call. Not thread-safe. No allocation per message
// once the buffers have grown and the keys are cached.

#ifndef SNMPDISSECT_CODEC_USM_PROCESSOR_H_
#define SNMPDISSECT_CODEC_USM_PROCESSOR_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "codec/ber/error.h"
#include "codec/snmp/model.h"
#include "codec/usm/crypto.h"
#include "codec/usm/keys.h"
#include "codec/usm/protocols.h"
#include "codec/usm/users.h"

namespace snmpdissect::usm {

enum class AuthOutcome : uint8_t {
  kNotAuthenticated,  // authFlag clear, or not a USM message: nothing to check
  kVerified,
  kWrongDigest,       // a matching user's key gives another MAC
  kNoUser,            // no configured user of this name (for this engine)
  kNoAuthKey,         // the user is configured without authentication
  kWrongLength,       // msgAuthenticationParameters not the protocol's size
  kMissingParams,     // authFlag set, msgAuthenticationParameters empty
  kBadEngineId,       // msgAuthoritativeEngineID over 32 octets: no key
  kUnavailable,       // OpenSSL lacks the hash
};

enum class PrivOutcome : uint8_t {
  kNotEncrypted,      // msgData is a plaintext ScopedPDU
  kDecrypted,
  kNoUser,            // no configured user of this name (for this engine)
  kNoPrivKey,         // the user is configured without privacy
  kWrongSaltLength,   // msgPrivacyParameters not 8 octets
  kBadCiphertextLength,  // empty or not whole blocks (RFC 3414 8.3.2 step 2)
  kUndecodable,       // decrypted, but not a ScopedPDU: wrong password or protocol
  kBadEngineId,       // msgAuthoritativeEngineID over 32 octets: no key
  kUnavailable,       // OpenSSL lacks the cipher
  kKeyDeferred,       // a costly key not derived for an unauthenticated message
};

struct Result {
  AuthOutcome auth = AuthOutcome::kNotAuthenticated;
  PrivOutcome priv = PrivOutcome::kNotEncrypted;
  // The user that verified or decrypted (else the first candidate tried);
  // nullptr when none matched. Points into the Processor's users.
  const UserConfig* user = nullptr;
  AuthProtocol auth_protocol = AuthProtocol::kNone;
  // With the key extension resolved (kAes256Reeder, not kAes256).
  PrivProtocol priv_protocol = PrivProtocol::kNone;
  // The user left the extension open and both were tried.
  bool extension_by_trial = false;
  // The decrypted octets (block padding included): valid until the next
  // Process(). Set for kDecrypted and kUndecodable.
  snmp::Bytes plaintext;
  // Why the last plaintext did not decode (kUndecodable).
  ber::Error plaintext_error;
  // message->diagnostics from this index on are about the plaintext (their
  // offsets are plaintext offsets).
  size_t plaintext_diagnostics_begin = 0;
};

// Work done, for benchmarks and tests.
struct Stats {
  uint64_t passwords_to_keys = 0;  // 1 MiB hashes (Ku, and Reeder extensions)
  uint64_t localizations = 0;      // Kul computed
  uint64_t cache_evictions = 0;    // the per-engine cache was full and cleared
  uint64_t verifications = 0;      // MACs computed
  uint64_t decryptions = 0;        // cipher passes
};

class Processor {
 public:
  // At most this many (user, engine ID) key sets are cached; past it the
  // cache starts over (a capture with more engines than this pays the
  // localisation again, never unbounded memory).
  static constexpr size_t kMaxCachedEngines = 4096;

  explicit Processor(std::vector<UserConfig> users);
  Processor(const Processor&) = delete;
  Processor& operator=(const Processor&) = delete;

  // Verifies and decrypts `message`, decoded by snmp::DecodeMessage from
  // `input` (the whole message as sent). Messages that are not SNMPv3 with
  // USM parameters leave `result` at its defaults.
  void Process(snmp::Bytes input, snmp::Message* message, Result* result);

  const std::vector<UserConfig>& users() const { return users_; }
  const Crypto& crypto() const { return crypto_; }
  const Stats& stats() const { return stats_; }

 private:
  // Ku for one password, derived on first use.
  struct PasswordKey {
    bool tried = false;
    bool ok = false;
    Key ku;
  };
  struct UserKeys {
    PasswordKey auth;
    PasswordKey priv;
  };
  // Keys localised to one engine; privacy keys per extension.
  struct LocalKey {
    bool tried = false;
    bool ok = false;
    Key key;
  };
  struct EngineKeys {
    LocalKey auth;
    LocalKey priv_kul;
    LocalKey priv_blumenthal;  // also the key when no extension is needed
    LocalKey priv_reeder;
  };
  struct CacheKey {
    uint32_t user = 0;
    uint8_t length = 0;
    std::array<uint8_t, 32> engine{};

    friend bool operator==(const CacheKey&, const CacheKey&) = default;
    template <typename H>
    friend H AbslHashValue(H h, const CacheKey& k) {
      return H::combine(H::combine_contiguous(std::move(h), k.engine.data(), k.length),
                        k.user, k.length);
    }
  };

  EngineKeys* KeysFor(uint32_t user, snmp::Bytes engine_id);
  const Key* AuthKey(uint32_t user, snmp::Bytes engine_id);
  // nullptr when the key cannot be made, or (with *deferred set) when it
  // would need Reeder's costly extension and `authentic` is false.
  const Key* PrivKey(uint32_t user, snmp::Bytes engine_id, PrivProtocol variant,
                     bool authentic, bool* deferred);
  const Key* Derive(PasswordKey* password_key, AuthProtocol protocol,
                    const std::string& password);

  void Authenticate(snmp::Bytes input, const snmp::Message& message, Result* result);
  void Decrypt(snmp::Message* message, Result* result);
  // Tries one user and variant; true when the plaintext decoded.
  // `authentic`: this user's MAC verified on this message.
  bool TryDecrypt(uint32_t user, PrivProtocol variant, bool authentic,
                  snmp::Message* message, Result* result);
  // Calls `visit(index)` for each candidate user of the message, engine
  // matches first; stops when it returns true.
  template <typename Visit>
  void ForEachCandidate(const snmp::Message& message, Visit visit) const;

  std::vector<UserConfig> users_;
  std::vector<UserKeys> user_keys_;
  // absl::string_view keys look up without a std::string per message.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> users_by_name_;
  absl::flat_hash_map<CacheKey, EngineKeys> engine_keys_;
  Crypto crypto_;
  Stats stats_;
  std::vector<uint8_t> scratch_;    // message copy for MACs
  std::vector<uint8_t> plaintext_;  // decrypted ScopedPDU
};

}  // namespace snmpdissect::usm

#endif  // SNMPDISSECT_CODEC_USM_PROCESSOR_H_
