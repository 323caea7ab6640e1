// The structured target's mutator (structured_fuzzer.cc): decodes a message
// into the snmp::Message model, mutates the model, and encodes it again;
// see structured_mutator.h.

#include "fuzz/structured_mutator.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "codec/ber/oid.h"
#include "codec/ber/reader.h"
#include "codec/ber/writer.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/encode.h"
#include "codec/snmp/model.h"
#include "codec/snmp/ranges.h"
#include "codec/usm/auth.h"
#include "codec/usm/crypto.h"
#include "codec/usm/keys.h"
#include "codec/usm/privacy.h"
#include "codec/usm/processor.h"
#include "codec/usm/protocols.h"
#include "codec/usm/testing/messages.h"
#include "fuzz/extremes.h"
#include "fuzz/fuzz_support.h"

namespace snmpdissect::fuzz {

namespace {

namespace ber = snmpdissect::ber;
namespace snmp = snmpdissect::snmp;
namespace usm = snmpdissect::usm;

using Rng = std::minstd_rand;

// ---- Interesting values ---------------------------------------------------

constexpr int64_t kIntegers[] = {0,           1,          -1,         2,
                                 3,           127,        128,        255,
                                 256,         484,        1472,       65507,
                                 65535,       0x7fffffff, -0x7fffffff - 1,
                                 0x80000000,  0xffffffff, 0x100000000,
                                 INT64_MAX,   INT64_MIN};

// OIDs a dissector treats specially: sysUpTime.0 and snmpTrapOID.0 (first
// varbinds of a v2 trap), usmStats and snmpMPDStats counters (Report
// PDUs), snmpEngineID, and shapes at the edges of the OID rules.
const char* const kOids[] = {
    "2b06010201010300",          // sysUpTime.0
    "2b0601060301010401",        // snmpTrapOID.0
    "2b060106030101040100",      // snmpTrapOID.0 with .0
    "2b060106030f01010100",      // usmStatsUnsupportedSecLevels.0
    "2b060106030f01010200",      // usmStatsNotInTimeWindows.0
    "2b060106030f01010300",      // usmStatsUnknownUserNames.0
    "2b060106030f01010400",      // usmStatsUnknownEngineIDs.0
    "2b060106030f01010500",      // usmStatsWrongDigests.0
    "2b060106030f01010600",      // usmStatsDecryptionErrors.0
    "2b060106030b02010100",      // snmpUnknownSecurityModels.0
    "2b060106030b02010200",      // snmpInvalidMsgs.0
    "2b060106030b02010300",      // snmpUnknownPDUHandlers.0
    "2b060106030a02010100",      // snmpEngineID.0
    "2b06010201010100",          // sysDescr.0
    "2b060104018fbe",            // 1.3.6.1.4.1.2022 (net-snmp enterprise)
    "00",                        // 0.0
    "7f",                        // 2.47
    "8f ff ff ff 7f",            // one arc of 2^32-1 (spaces skipped)
    "90 80 80 80 00",            // an arc above 2^32-1: invalid
    "2b8001",                    // padded arc: invalid
    "2b06ff",                    // truncated arc: invalid
    "",                          // empty: invalid
};

const char* const kEngineIds[] = {
    "80001f8804736e6d70646973736563742d6167656e74",  // corpus agent (text)
    "80001f88017f000001",                            // IPv4
    "80001f880302005e005301",                        // MAC
    "80004fb805736e6d70646973736563742d7079736e6d70",  // pysnmp (octets)
    "80001f880220010db8000000000000000000000001",      // IPv6
    "80001f88804b1f5a2a6571c4b7",                      // net-snmp random + time
    "80001f8806",                                      // format 6: reserved
    "000000000000000000000001",                        // RFC 1910 style
    "80",                                              // too short
    "",                                                // empty
};

std::string HexBytes(const char* hex) {
  std::string out;
  int nibble = -1;
  for (const char* p = hex; *p; ++p) {
    int v;
    if (*p >= '0' && *p <= '9') v = *p - '0';
    else if (*p >= 'a' && *p <= 'f') v = *p - 'a' + 10;
    else continue;
    if (nibble < 0) {
      nibble = v;
    } else {
      out.push_back(static_cast<char>(nibble << 4 | v));
      nibble = -1;
    }
  }
  return out;
}

template <typename T, size_t N>
const T& Pick(Rng& rng, const T (&array)[N]) {
  return array[rng() % N];
}

// ---- The mutator ----------------------------------------------------------

// Keys of one user localised to one engine, for sealing mutants.
struct SealKeys {
  bool ok = false;
  usm::Key auth;
  usm::Key priv;
};

class Mutator {
 public:
  Mutator() : users_(snmpdissect::fuzz::FuzzUsers()) {}

  size_t Mutate(uint8_t* data, size_t size, size_t max_size, unsigned seed,
                ByteMutator fallback) {
    Rng rng(seed);
    arena_.clear();
    fallback_ = fallback;
    no_seal_ = keep_engine_ = fill_ = false;
    if (max_size != extremes_size_) {
      extremes_ = Extremes(max_size);
      extremes_size_ = max_size;
    }
    // One in eight mutants is libFuzzer's own, so byte-level novelty keeps
    // flowing in (and inputs that do not decode still evolve).
    if (rng() % 8 == 0) return fallback_(data, size, max_size);
    input_.assign(data, data + size);
    if (!snmp::DecodeMessage(snmp::Bytes(input_), &message_).ok()) {
      return fallback_(data, size, max_size);
    }
    // Decrypt what the fixed users can, so the plaintext is mutated.
    const usm::UserConfig* sealer = nullptr;
    if (message_.is_v3() && message_.has_usm) {
      usm::Result result;
      snmpdissect::fuzz::SharedProcessor().Process(snmp::Bytes(input_), &message_, &result);
      if (result.priv == usm::PrivOutcome::kDecrypted) {
        message_.encrypted = false;
        sealer = result.user;
      } else if (result.auth == usm::AuthOutcome::kVerified) {
        sealer = result.user;
      }
    }
    const int rounds = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < rounds; ++i) MutateModel(rng);

    out_.clear();
    // Sealing rewrites the user name, flags and USM parameters: an extreme
    // set in one of those goes out unsealed.
    if (message_.is_v3() && message_.has_usm && !no_seal_ &&
        (sealer != nullptr || rng() % 4 == 0)) {
      if (sealer == nullptr || rng() % 4 == 0) sealer = &users_[rng() % users_.size()];
      if (!Seal(rng, *sealer, max_size)) return fallback_(data, size, max_size);
    } else {
      snmp::EncodeMessage(message_, &out_);
      if (fill_) {
        FillTo(max_size);
      } else if (rng() % 3 == 0) {
        RewriteTlvs(rng);
      }
    }
    if (out_.empty() || out_.size() > max_size) return fallback_(data, size, max_size);
    std::memcpy(data, out_.data(), out_.size());
    return out_.size();
  }

 private:
  static snmp::Bytes AsBytes(const std::string& s) {
    return snmp::Bytes(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  }

  // Owned storage for mutated fields; the model borrows it until encoded.
  snmp::Bytes Keep(std::string s) {
    arena_.push_back(std::move(s));
    return AsBytes(arena_.back());
  }

  std::string RandomBytes(Rng& rng, size_t max_length) {
    std::string s(rng() % (max_length + 1), '\0');
    for (char& c : s) c = static_cast<char>(rng());
    // Printable now and then: the escaping printers see both.
    if (rng() % 2) for (char& c : s) c = static_cast<char>(0x20 + (static_cast<uint8_t>(c) % 95));
    return s;
  }

  int64_t RandomInteger(Rng& rng) {
    switch (rng() % 4) {
      case 0: return static_cast<int64_t>(rng()) - 0x40000000;
      case 1: return static_cast<int64_t>(uint64_t{rng()} << 33 ^ rng());
      default: return Pick(rng, kIntegers);
    }
  }

  // Big-endian two's complement content of `v`, optionally padded (BER,
  // not DER), or cut to an overlong / empty encoding.
  std::string IntegerContent(Rng& rng, int64_t v) {
    std::string s;
    for (int i = 7; i >= 0; --i) s.push_back(static_cast<char>(uint64_t(v) >> (8 * i)));
    while (s.size() > 1 && ((s[0] == 0 && !(s[1] & 0x80)) ||
                            (static_cast<uint8_t>(s[0]) == 0xff && (s[1] & 0x80)))) {
      s.erase(0, 1);
    }
    switch (rng() % 8) {
      case 0: s.insert(0, std::string(1 + rng() % 2, v < 0 ? '\xff' : '\0')); break;  // padded
      case 1: s.insert(0, std::string(9 - std::min<size_t>(s.size(), 8), '\x01')); break;  // too long
      case 2: s.clear(); break;  // empty INTEGER
      default: break;
    }
    return s;
  }

  snmp::OidView RandomOid(Rng& rng) {
    std::string content;
    if (rng() % 4 == 0) {
      // A long OID: many arcs, around the 128-arc cap.
      const size_t arcs = 120 + rng() % 12;
      content = "\x2b";
      for (size_t i = 1; i < arcs; ++i) content.push_back(static_cast<char>(rng() % 128));
    } else {
      content = HexBytes(Pick(rng, kOids));
      if (rng() % 3 == 0) content.push_back(static_cast<char>(rng() % 128));
    }
    snmp::OidView oid;
    if (!ber::ValidateOid(AsBytes(content), 0, &oid).ok()) oid.arc_count = 0;
    oid.content = Keep(std::move(content));
    return oid;
  }

  void MutateValue(Rng& rng, snmp::Value* value) {
    value->decoded = false;  // the encoder writes tag + content as given
    switch (rng() % 12) {
      case 0: value->tag = ber::kInteger; value->content = Keep(IntegerContent(rng, RandomInteger(rng))); break;
      case 1: value->tag = ber::kOctetString; value->content = Keep(RandomBytes(rng, rng() % 4 ? 32 : 1500)); break;
      case 2: value->tag = ber::kObjectIdentifier; value->content = RandomOid(rng).content; break;
      case 3: value->tag = ber::kIpAddress; value->content = Keep(RandomBytes(rng, rng() % 2 ? 4 : 17)); break;
      case 4: {
        const ber::Tag tags[] = {ber::kCounter32, ber::kGauge32, ber::kTimeTicks,
                                 ber::kCounter64, ber::kUInteger32};
        value->tag = Pick(rng, tags);
        value->content = Keep(IntegerContent(rng, RandomInteger(rng)));
        break;
      }
      case 5: {  // Opaque, plain or one of net-snmp's specials
        value->tag = ber::kOpaque;
        const uint8_t special[] = {0x76, 0x78, 0x79, 0x7a, 0x7b, 0x77};
        std::string inner;
        if (rng() % 4) {
          inner = std::string("\x9f") + static_cast<char>(Pick(rng, special));
          const std::string body = rng() % 2 ? IntegerContent(rng, RandomInteger(rng))
                                             : RandomBytes(rng, 9);
          inner += static_cast<char>(body.size()) + body;
        } else {
          inner = RandomBytes(rng, 16);
        }
        value->content = Keep(std::move(inner));
        break;
      }
      case 6: {  // exceptions, NULL, with or without (illegal) content
        const ber::Tag tags[] = {ber::kNull, ber::kNoSuchObject, ber::kNoSuchInstance,
                                 ber::kEndOfMibView};
        value->tag = Pick(rng, tags);
        value->content = Keep(rng() % 4 ? std::string() : RandomBytes(rng, 3));
        break;
      }
      case 7: value->tag = ber::kNsapAddress; value->content = Keep(RandomBytes(rng, 8)); break;
      case 8: {  // an unknown tag, maybe constructed, maybe high-numbered
        value->tag = ber::Tag{static_cast<ber::TagClass>(rng() % 4), rng() % 4 == 0,
                              static_cast<uint32_t>(rng() % 3 ? rng() % 31 : rng() % 70000)};
        value->content = Keep(RandomBytes(rng, 12));
        break;
      }
      default:  // keep the tag, give it a new (integer-shaped) content
        if (value->tag == ber::kObjectIdentifier) {
          value->content = RandomOid(rng).content;
        } else {
          value->content = Keep(IntegerContent(rng, RandomInteger(rng)));
        }
        break;
    }
  }

  void MutateVarbinds(Rng& rng) {
    std::vector<snmp::VarBind>& vbs = message_.pdu.varbinds;
    switch (rng() % 7) {
      case 0:  // duplicate one, or many (large varbind lists)
        if (!vbs.empty()) {
          const snmp::VarBind vb = vbs[rng() % vbs.size()];
          const size_t copies = rng() % 4 ? 1 : 1 + rng() % 100;
          vbs.insert(vbs.begin() + static_cast<long>(rng() % (vbs.size() + 1)), copies, vb);
        }
        break;
      case 1:
        if (!vbs.empty()) vbs.erase(vbs.begin() + static_cast<long>(rng() % vbs.size()));
        break;
      case 2:
        vbs.clear();
        break;
      case 3:
        if (vbs.size() > 1) std::swap(vbs[rng() % vbs.size()], vbs[rng() % vbs.size()]);
        break;
      case 4: {  // a new varbind
        snmp::VarBind vb;
        vb.name.value = RandomOid(rng);
        MutateValue(rng, &vb.value);
        vbs.insert(vbs.begin() + static_cast<long>(rng() % (vbs.size() + 1)), vb);
        break;
      }
      case 5:
        if (!vbs.empty()) vbs[rng() % vbs.size()].name.value = RandomOid(rng);
        break;
      default:
        if (!vbs.empty()) MutateValue(rng, &vbs[rng() % vbs.size()].value);
        break;
    }
  }

  // A v3 message needs its header and USM parameters to be encoded.
  void AddV3Header() {
    snmp::Message& m = message_;
    if (m.is_v3() && !m.has_usm) {
      m.has_usm = true;
      m.header.security_model.value = snmp::kSecurityModelUsm;
      m.header.flags.value = Keep(std::string(1, '\x04'));
    }
  }

  void MutateModel(Rng& rng) {
    snmp::Message& m = message_;
    snmp::Pdu& pdu = m.pdu;
    switch (rng() % 18) {
      case 0: {
        const int64_t versions[] = {0, 1, 3, 2, -1, 4};
        m.version.value = Pick(rng, versions);
        AddV3Header();
        break;
      }
      case 1: m.community = {Keep(RandomBytes(rng, rng() % 4 ? 16 : 300)), {}, true}; break;
      case 2:
        pdu.type = static_cast<snmp::PduType>(rng() % (snmp::kMaxPduTag + 1));
        m.has_pdu = true;
        break;
      case 3: {
        snmp::Field<int64_t>* fields[] = {&pdu.request_id, &pdu.error_status, &pdu.error_index,
                                          &pdu.generic_trap, &pdu.specific_trap, &pdu.time_stamp};
        Pick(rng, fields)->value = RandomInteger(rng);
        break;
      }
      case 4: pdu.enterprise.value = RandomOid(rng); break;
      case 5: pdu.agent_addr.value = Keep(RandomBytes(rng, rng() % 2 ? 4 : 8)); break;
      case 6: case 7: case 8: MutateVarbinds(rng); break;
      case 9: {  // SNMPv3 header
        switch (rng() % 4) {
          case 0: m.header.msg_id.value = RandomInteger(rng); break;
          case 1: m.header.max_size.value = RandomInteger(rng); break;
          case 2: {
            std::string flags(rng() % 8 ? 1 : rng() % 3, '\0');
            for (char& c : flags) c = static_cast<char>(rng() % 8 ? rng() % 8 : rng());
            m.header.flags.value = Keep(std::move(flags));
            break;
          }
          default: {
            const int64_t models[] = {0, 1, 2, 3, 4, 255, -1};
            m.header.security_model.value = Pick(rng, models);
            break;
          }
        }
        break;
      }
      case 10: case 11: {  // USM parameters
        snmp::UsmSecurityParameters& u = m.usm;
        switch (rng() % 6) {
          case 0: u.engine_id.value = Keep(rng() % 4 ? HexBytes(Pick(rng, kEngineIds))
                                                     : RandomBytes(rng, 40)); break;
          case 1: u.engine_boots.value = RandomInteger(rng); break;
          case 2: u.engine_time.value = RandomInteger(rng); break;
          case 3: u.user_name.value = Keep(rng() % 2 ? users_[rng() % users_.size()].name
                                                     : RandomBytes(rng, 40)); break;
          case 4: u.auth_params.value = Keep(std::string(rng() % 65, '\0')); break;
          default: u.priv_params.value = Keep(RandomBytes(rng, 10)); break;
        }
        break;
      }
      case 12:
        m.context_engine_id.value = Keep(rng() % 2 ? HexBytes(Pick(rng, kEngineIds))
                                                   : RandomBytes(rng, 40));
        break;
      case 13: m.context_name.value = Keep(RandomBytes(rng, 40)); break;
      case 14:  // a Report, with a usmStats varbind: the explained Reports
        pdu.type = snmp::PduType::kReport;
        m.has_pdu = true;
        if (pdu.varbinds.empty()) pdu.varbinds.emplace_back();
        pdu.varbinds[0].name.value = RandomOid(rng);
        pdu.varbinds[0].value.decoded = false;
        pdu.varbinds[0].value.tag = ber::kCounter32;
        pdu.varbinds[0].value.content = Keep(IntegerContent(rng, RandomInteger(rng)));
        break;
      case 15: MutateVarbinds(rng); break;
      default: MutateExtreme(rng); break;
    }
  }

  // ---- Extremes on purpose (extremes.h) ----

  std::string ExactBytes(Rng& rng, int64_t n) {
    std::string s(static_cast<size_t>(std::max<int64_t>(n, 0)), '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
  }

  // Base 128, high bit on all octets but the last (X.690 8.19.2).
  static void AppendSubid(uint64_t v, std::string* out) {
    char octets[10];
    int n = 0;
    do {
      octets[n] = static_cast<char>((v & 0x7f) | (n > 0 ? 0x80 : 0));
      ++n;
      v >>= 7;
    } while (v != 0);
    while (n > 0) out->push_back(octets[--n]);
  }

  // An OID of `arcs` arcs (1.3 then single- or five-octet arcs; 0: empty).
  std::string OidWithArcs(Rng& rng, int64_t arcs) {
    if (arcs <= 0) return std::string();
    std::string s = "\x2b";
    for (int64_t i = 2; i < arcs; ++i) {
      AppendSubid(rng() % 4 ? rng() % 128 : snmp::kUint32Max, &s);
    }
    return s;
  }

  // 1.3.6.1 then one arc `bits` wide (extremes.h).
  static std::string OidWithArcBits(int64_t bits) {
    return "\x2b\x06\x01" + WideSubidentifier(bits);
  }

  // `octets` content octets of five-octet arcs (2^32-1), the rest one-octet.
  static std::string OidWithOctets(int64_t octets) {
    std::string s;
    for (int64_t i = 0; i + 5 <= octets; i += 5) AppendSubid(snmp::kUint32Max, &s);
    while (static_cast<int64_t>(s.size()) < octets) s.push_back('\x01');
    return s;
  }

  snmp::VarBind& SomeVarbind(Rng& rng) {
    std::vector<snmp::VarBind>& vbs = message_.pdu.varbinds;
    message_.has_pdu = true;
    if (vbs.empty() || rng() % 4 == 0) {
      snmp::VarBind vb;
      vb.name.value = RandomOid(rng);
      vb.value.decoded = false;
      vb.value.tag = ber::kNull;
      vbs.insert(vbs.begin() + static_cast<long>(rng() % (vbs.size() + 1)), vb);
    }
    return vbs[rng() % vbs.size()];
  }

  // The OID goes where OIDs are read: a name (mostly), an OID value, or a
  // Trap-PDU's enterprise.
  void PlaceOid(Rng& rng, std::string content) {
    snmp::OidView oid;
    if (!ber::ValidateOid(AsBytes(content), 0, &oid).ok()) oid.arc_count = 0;
    oid.content = Keep(std::move(content));
    switch (rng() % 6) {
      case 0: {
        snmp::Value& value = SomeVarbind(rng).value;
        value.decoded = false;
        value.tag = ber::kObjectIdentifier;
        value.content = oid.content;
        break;
      }
      case 1: message_.pdu.enterprise.value = oid; break;
      default: SomeVarbind(rng).name.value = oid; break;
    }
  }

  // A varbind value nested so that its innermost element sits at `depth`
  // (the message is depth 1; a value is at 5 in v1/v2c, 6 in a plaintext
  // ScopedPDU, 5 in an encrypted one's plaintext).
  void Nest(Rng& rng, int64_t depth) {
    const int64_t layers = depth - (message_.is_v3() ? 6 : 5);
    if (layers < 1) return;
    std::string s = "\x05";  // the innermost: NULL
    s.push_back('\0');
    for (int64_t i = 1; i < layers; ++i) {
      s.insert(0, 1, static_cast<char>(s.size()));
      s.insert(0, 1, '\x30');
    }
    snmp::Value& value = SomeVarbind(rng).value;
    value.decoded = false;
    value.tag = ber::kSequence;
    value.content = Keep(std::move(s));
  }

  // An INTEGER-shaped value of `octets` content octets: 0x00 then 0xff..
  // for the widths' unsigned maxima (5 and 9), otherwise random.
  void IntegerOfOctets(Rng& rng, int64_t octets) {
    const ber::Tag tags[] = {ber::kInteger,   ber::kCounter32, ber::kGauge32,
                             ber::kTimeTicks, ber::kCounter64, ber::kUInteger32};
    std::string s = ExactBytes(rng, octets);
    if ((octets == 5 || octets == 9) && rng() % 2) {
      s.assign(static_cast<size_t>(octets), '\xff');
      s[0] = '\0';
    }
    snmp::Value& value = SomeVarbind(rng).value;
    value.decoded = false;
    value.tag = Pick(rng, tags);
    value.content = Keep(std::move(s));
  }

  void MutateExtreme(Rng& rng) {
    const DimensionExtremes& d = extremes_[rng() % extremes_.size()];
    const int64_t v = d.values[rng() % d.values.size()];
    snmp::Message& m = message_;
    snmp::UsmSecurityParameters& u = m.usm;
    auto v3 = [&] {
      if (!m.is_v3()) m.version.value = static_cast<int64_t>(snmp::Version::kV3);
      AddV3Header();
    };
    switch (d.dimension) {
      case Dimension::kOidArcs: PlaceOid(rng, OidWithArcs(rng, v)); break;
      case Dimension::kOidArcBits: PlaceOid(rng, OidWithArcBits(v)); break;
      case Dimension::kOidContentOctets: PlaceOid(rng, OidWithOctets(v)); break;
      case Dimension::kNestingDepth: Nest(rng, v); break;
      case Dimension::kMessageOctets: fill_ = true; break;
      case Dimension::kIntegerOctets: IntegerOfOctets(rng, v); break;
      case Dimension::kMsgId: v3(); m.header.msg_id.value = v; break;
      case Dimension::kMsgMaxSize: v3(); m.header.max_size.value = v; break;
      case Dimension::kMsgFlagsOctets:
        v3();
        m.header.flags.value = Keep(std::string(static_cast<size_t>(v), static_cast<char>(rng() % 8)));
        no_seal_ = true;
        break;
      case Dimension::kEngineIdOctets:
        // Kept through sealing: a known user with an engine ID past the
        // rule reaches the USM processor's key cache.
        v3();
        u.engine_id.value = Keep(ExactBytes(rng, v));
        keep_engine_ = true;
        break;
      case Dimension::kEngineBoots: v3(); u.engine_boots.value = v; break;
      case Dimension::kEngineTime: v3(); u.engine_time.value = v; break;
      case Dimension::kUserNameOctets:
        v3();
        u.user_name.value = Keep(ExactBytes(rng, v));
        no_seal_ = true;
        break;
      case Dimension::kAuthParamsOctets:
        v3();
        u.auth_params.value = Keep(ExactBytes(rng, v));
        m.header.flags.value = Keep(std::string(1, static_cast<char>(0x01 | (rng() % 8))));
        no_seal_ = true;
        break;
      case Dimension::kPrivParamsOctets:
        v3();
        u.priv_params.value = Keep(ExactBytes(rng, v));
        no_seal_ = true;
        break;
      case Dimension::kContextEngineIdOctets:
        v3();
        m.context_engine_id.value = Keep(ExactBytes(rng, v));
        break;
      case Dimension::kContextNameOctets:
        v3();
        m.context_name.value = Keep(ExactBytes(rng, v));
        break;
      case Dimension::kRequestId: m.has_pdu = true; m.pdu.request_id.value = v; break;
      case Dimension::kErrorStatus: m.has_pdu = true; m.pdu.error_status.value = v; break;
      case Dimension::kErrorIndex: m.has_pdu = true; m.pdu.error_index.value = v; break;
    }
  }

  // The message at exactly max_size octets: minimal varbinds (7 octets:
  // 30 05 06 01 2b 05 00) up to near the end, then one OCTET STRING value
  // sized to land on max_size (lengths' own octets grow with the list, so
  // it converges in a few steps). Leaves out_ within max_size either way.
  void FillTo(size_t max_size) {
    if (message_.encrypted || !message_.has_pdu) return;
    std::vector<snmp::VarBind>& vbs = message_.pdu.varbinds;
    snmp::VarBind small;
    small.name.value.content = Keep(std::string("\x2b"));
    small.name.value.arc_count = 2;
    small.value.decoded = false;
    small.value.tag = ber::kNull;
    constexpr size_t kSlack = 48;  // list and message lengths, the pad's header
    if (out_.size() + kSlack < max_size) {
      vbs.insert(vbs.end(), (max_size - out_.size() - kSlack) / 7, small);
    }
    small.value.tag = ber::kOctetString;
    vbs.push_back(small);
    if (pad_.size() < max_size) pad_.assign(max_size, 'x');
    size_t pad = 0;
    for (int i = 0; i < 8; ++i) {
      vbs.back().value.content = snmp::Bytes(reinterpret_cast<const uint8_t*>(pad_.data()), pad);
      out_.clear();
      snmp::EncodeMessage(message_, &out_);
      if (out_.size() == max_size) return;
      const auto diff = static_cast<int64_t>(max_size) - static_cast<int64_t>(out_.size());
      if (static_cast<int64_t>(pad) + diff < 0) break;
      pad = static_cast<size_t>(static_cast<int64_t>(pad) + diff);
    }
    if (out_.size() > max_size) {
      vbs.pop_back();
      out_.clear();
      snmp::EncodeMessage(message_, &out_);
    }
  }

  // Ku per user: the 1 MiB password hash, once per user for the process.
  struct PasswordKeys {
    bool ok = false;
    usm::Key auth, priv;
  };
  const PasswordKeys& PasswordKeysFor(const usm::UserConfig& user) {
    const std::string key = user.name + '\0' + std::to_string(static_cast<int>(user.auth)) +
                            '\0' + std::to_string(static_cast<int>(user.priv));
    auto it = password_keys_.find(key);
    if (it != password_keys_.end()) return it->second;
    PasswordKeys& k = password_keys_[key];
    k.ok = user.auth != usm::AuthProtocol::kNone &&
           usm::PasswordToKey(crypto_, user.auth, user.auth_password, &k.auth) &&
           (user.priv == usm::PrivProtocol::kNone ||
            usm::PasswordToKey(crypto_, user.auth, user.priv_password, &k.priv));
    return k;
  }

  // Kul (and the privacy key) per user and engine: cheap, except Reeder's
  // extension (another 1 MiB hash), which Seal() keeps to the few corpus
  // engines.
  const SealKeys& KeysFor(const usm::UserConfig& user, const std::string& engine) {
    const std::string key = user.name + '\0' + std::to_string(static_cast<int>(user.auth)) +
                            '\0' + std::to_string(static_cast<int>(user.priv)) + '\0' + engine;
    auto it = keys_.find(key);
    if (it != keys_.end()) return it->second;
    if (keys_.size() > 4096) keys_.clear();  // bounded: engines are mutated
    SealKeys& k = keys_[key];
    const PasswordKeys& ku = PasswordKeysFor(user);
    if (!ku.ok || !usm::LocalizeKey(crypto_, user.auth, ku.auth, AsBytes(engine), &k.auth)) {
      return k;
    }
    if (user.priv != usm::PrivProtocol::kNone) {
      usm::Key priv_kul;
      const usm::PrivProtocol variant = Concrete(user.priv);
      const usm::KeyExtension extension = usm::GetPrivInfo(variant).extension;
      if (!usm::LocalizeKey(crypto_, user.auth, ku.priv, AsBytes(engine), &priv_kul) ||
          !usm::PrivacyKey(crypto_, user.auth, variant,
                           extension == usm::KeyExtension::kReeder ? usm::KeyExtension::kReeder
                                                                   : usm::KeyExtension::kBlumenthal,
                           priv_kul, AsBytes(engine), &k.priv)) {
        return k;
      }
    }
    k.ok = true;
    return k;
  }

  // A sender uses a concrete key extension; "either" users send Blumenthal.
  static usm::PrivProtocol Concrete(usm::PrivProtocol p) {
    if (p == usm::PrivProtocol::kAes192) return usm::PrivProtocol::kAes192Blumenthal;
    if (p == usm::PrivProtocol::kAes256) return usm::PrivProtocol::kAes256Blumenthal;
    return p;
  }

  // Encrypts (when the user has privacy) and signs the mutated model as
  // `user` would send it, into out_. The engine is the message's (mutated)
  // authoritative engine ID, so keys are localised to it.
  bool Seal(Rng& rng, const usm::UserConfig& user, size_t max_size) {
    snmp::Message& m = message_;
    if (user.auth == usm::AuthProtocol::kNone) {  // noAuthNoPriv: plaintext, no MAC
      m.usm.user_name.value = Keep(user.name);
      m.header.flags.value = Keep(std::string(1, '\x04'));
      m.encrypted = false;
      snmp::EncodeMessage(m, &out_);
      return true;
    }
    std::string engine(reinterpret_cast<const char*>(m.usm.engine_id.value.data()),
                       m.usm.engine_id.value.size());
    // Reeder's key extension costs a 1 MiB hash per engine, here and in
    // the dissector's processor: those users sign for the corpus engines
    // only (whose keys are then derived once), so mutants stay fast.
    // (Users that leave the extension open get Reeder's tried too.)
    const usm::KeyExtension extension = usm::GetPrivInfo(user.priv).extension;
    const bool costly_key = user.priv != usm::PrivProtocol::kNone &&
                            (extension == usm::KeyExtension::kReeder ||
                             extension == usm::KeyExtension::kEither);
    if (costly_key || (!keep_engine_ && (engine.empty() || engine.size() > 32))) {
      engine = HexBytes(kEngineIds[costly_key ? rng() % 4 : 0]);
      m.usm.engine_id.value = Keep(engine);
    }
    const SealKeys& keys = KeysFor(user, engine);
    if (!keys.ok) return false;
    m.usm.user_name.value = Keep(user.name);
    const bool priv = user.priv != usm::PrivProtocol::kNone && rng() % 8 != 0;
    uint8_t flags = 0x01 | (priv ? 0x02 : 0) | (rng() % 2 ? 0x04 : 0);
    m.header.flags.value = Keep(std::string(1, static_cast<char>(flags)));
    m.header.security_model.value = snmp::kSecurityModelUsm;
    if (priv) {
      scoped_.clear();
      snmp::EncodeScopedPdu(m, &scoped_);
      if (rng() % 4 == 0) {  // malformed BER that only an authentic sender can deliver
        const size_t n = scoped_.size();
        scoped_.resize(std::min(max_size, n + 16));
        scoped_.resize(fallback_(reinterpret_cast<uint8_t*>(scoped_.data()), n,
                                        scoped_.size()));
      }
      std::string salt = RandomBytes(rng, 0);
      salt.resize(8);
      for (char& c : salt) c = static_cast<char>(rng());
      m.usm.priv_params.value = Keep(salt);
      std::vector<uint8_t> ciphertext;
      if (usm::Encrypt(crypto_, Concrete(user.priv), keys.priv,
                       static_cast<uint32_t>(m.usm.engine_boots.value),
                       static_cast<uint32_t>(m.usm.engine_time.value), AsBytes(salt),
                       AsBytes(scoped_), &ciphertext) != usm::PrivCheck::kDone) {
        return false;
      }
      m.encrypted = true;
      m.encrypted_pdu.value = Keep(std::string(ciphertext.begin(), ciphertext.end()));
    } else {
      m.encrypted = false;
      m.has_pdu = true;
    }
    const size_t mac_length = usm::GetAuthInfo(user.auth).mac_length;
    m.usm.auth_params.value = Keep(std::string(mac_length, '\0'));
    snmp::EncodeMessage(m, &out_);
    // Find the MAC's place in the encoding and sign over the whole message.
    if (!snmp::DecodeMessage(AsBytes(out_), &check_).ok() || !check_.has_usm) return false;
    signed_.assign(out_.begin(), out_.end());
    if (!usm::SignMessage(crypto_, user.auth, keys.auth, &signed_,
                          check_.usm.auth_params.location.content_offset())) {
      return false;
    }
    out_.assign(signed_.begin(), signed_.end());
    return true;
  }

  // ---- TLV-level rewriting: well-framed BER that is not DER ----

  struct Node {
    size_t tag_offset = 0, tag_length = 0;  // identifier octets in out_
    size_t content_offset = 0, content_length = 0;
    int first_child = -1, next_sibling = -1;
    bool leaf = true;
  };

  // Parses out_ (lenient) into nodes_; constructed elements are children.
  int Parse(const ber::Reader& reader_in, int depth) {
    ber::Reader reader = reader_in;
    int first = -1, last = -1;
    while (!reader.AtEnd()) {
      ber::Element e;
      if (!reader.Next(&e).ok()) return -2;
      Node n;
      n.tag_offset = e.location.offset;
      n.content_offset = e.location.content_offset();
      n.content_length = e.location.content_length;
      // Identifier octets: up to the length octets (at most 4 of tag).
      size_t t = 1;
      if ((out_[n.tag_offset] & 0x1f) == 0x1f) {
        while (t < 5 && (static_cast<uint8_t>(out_[n.tag_offset + t]) & 0x80)) ++t;
        ++t;
      }
      n.tag_length = t;
      const int index = static_cast<int>(nodes_.size());
      nodes_.push_back(n);
      if (e.tag.constructed && depth < 16) {
        ber::Reader child;
        if (reader.Enter(e, &child).ok()) {
          const int c = Parse(child, depth + 1);
          if (c == -2) return -2;
          nodes_[index].first_child = c;
          nodes_[index].leaf = false;
        }
      }
      if (last >= 0) nodes_[last].next_sibling = index; else first = index;
      last = index;
    }
    return first;
  }

  void WriteLength(size_t length, uint8_t style, std::string* out) {
    // style 0: minimal; 1: long form even when short would do; 2: long
    // form with a leading zero octet (both BER, not DER: X.690 10.1).
    if (style == 0 && length < 0x80) {
      out->push_back(static_cast<char>(length));
      return;
    }
    std::string octets;
    for (size_t v = length; v; v >>= 8) octets.insert(octets.begin(), static_cast<char>(v & 0xff));
    if (octets.empty() || style == 2) octets.insert(octets.begin(), '\0');
    if (octets.size() > 4) octets.erase(0, octets.size() - 4);
    out->push_back(static_cast<char>(0x80 | octets.size()));
    *out += octets;
  }

  void Emit(int index, std::string* out) {
    for (int i = index; i >= 0; i = nodes_[i].next_sibling) {
      const Node& n = nodes_[i];
      std::string body;
      if (n.leaf) {
        body.assign(out_, n.content_offset, n.content_length);
      } else {
        Emit(n.first_child, &body);
      }
      const uint8_t change = styles_[i];
      std::string tag = out_.substr(n.tag_offset, n.tag_length);
      if (change == 3 && tag.size() == 1) {
        // High-tag-number form for a low number (X.690 8.1.2.4: not DER).
        const uint8_t number = static_cast<uint8_t>(tag[0]) & 0x1f;
        tag = std::string(1, static_cast<char>((tag[0] & 0xe0) | 0x1f)) +
              static_cast<char>(number);
      } else if (change == 4) {
        const uint8_t swaps[] = {0x02, 0x04, 0x05, 0x06, 0x30, 0x40, 0x41, 0x42, 0x43,
                                 0x44, 0x46, 0x47, 0x80, 0x81, 0x82, 0xa0, 0xa2, 0xa4,
                                 0xa7, 0xa8, 0x24, 0x00, 0xff};
        tag = std::string(1, static_cast<char>(swaps[swap_rng_() % sizeof(swaps)]));
        if (static_cast<uint8_t>(tag[0]) == 0xff) tag += "\x81\x01";
      }
      *out += tag;
      WriteLength(body.size(), change <= 2 ? change : 0, out);
      *out += body;
    }
  }

  void RewriteTlvs(Rng& rng) {
    nodes_.clear();
    const int root = Parse(ber::Reader(AsBytes(out_)), 0);
    if (root < 0 || nodes_.empty()) return;
    styles_.assign(nodes_.size(), 0);
    const size_t changes = 1 + rng() % 3;
    for (size_t i = 0; i < changes; ++i) styles_[rng() % nodes_.size()] = 1 + rng() % 4;
    swap_rng_.seed(rng());
    rewritten_.clear();
    Emit(root, &rewritten_);
    out_.swap(rewritten_);
  }

  std::vector<usm::UserConfig> users_;
  ByteMutator fallback_ = nullptr;
  std::vector<DimensionExtremes> extremes_;
  size_t extremes_size_ = 0;
  // This mutant's extremes that sealing would undo, or that need out_.
  bool no_seal_ = false, keep_engine_ = false, fill_ = false;
  std::string pad_;  // the filler's OCTET STRING content
  usm::Crypto crypto_;
  absl::flat_hash_map<std::string, PasswordKeys> password_keys_;
  absl::flat_hash_map<std::string, SealKeys> keys_;
  std::vector<uint8_t> input_;  // the model borrows it during a mutation
  snmp::Message message_, check_;
  std::deque<std::string> arena_;
  std::string out_, scoped_, rewritten_;
  std::vector<uint8_t> signed_;
  std::vector<Node> nodes_;
  std::vector<uint8_t> styles_;
  Rng swap_rng_;
};


}  // namespace

size_t MutateStructured(uint8_t* data, size_t size, size_t max_size, unsigned seed,
                        ByteMutator fallback) {
  static Mutator* mutator = new Mutator();
  return mutator->Mutate(data, size, max_size, seed, fallback);
}

}  // namespace snmpdissect::fuzz
