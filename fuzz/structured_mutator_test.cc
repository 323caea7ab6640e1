// The structured mutator reaches every extreme of extremes.h: mutants made
// deterministically from two seed messages (and from earlier mutants, so
// extremes compose), measured here by their own reading, independent of the
// mutator: a TLV walk with no depth cap for nesting and OIDs, the decoded
// model for the header, USM, ScopedPDU and PDU fields. Each listed value
// must be produced at least once. Not timed: a fixed count of mutants.

#include "fuzz/structured_mutator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "codec/ber/testing/test_bytes.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/model.h"
#include "fuzz/extremes.h"
#include "gtest/gtest.h"

namespace snmpdissect::fuzz {
namespace {

// structured.options' max_len, so the message-size extreme is the target's.
constexpr size_t kMaxSize = 4096;
constexpr int kMutants = 50000;
constexpr size_t kPool = 64;

using Seen = std::map<Dimension, std::set<int64_t>>;

// The byte mutator's stand-in: leaves the input as it is, so only the
// structured mutator's own mutants differ from their inputs.
size_t Unchanged(uint8_t*, size_t size, size_t) { return size; }

// Bits of a subidentifier's value (X.690 8.19.2, base 128; a leading 0x80
// would be padding, counted as written).
int64_t SubidBits(const uint8_t* p, size_t n) {
  int lead = 0;
  for (unsigned v = p[0] & 0x7f; v != 0; v >>= 1) ++lead;
  return static_cast<int64_t>(7 * (n - 1)) + lead;
}

void MeasureOid(const uint8_t* p, size_t n, Seen* seen) {
  (*seen)[Dimension::kOidContentOctets].insert(static_cast<int64_t>(n));
  int64_t subids = 0, widest = 0;
  size_t start = 0;
  for (size_t i = 0; i < n; ++i) {
    if (p[i] & 0x80) continue;
    if (subids > 0) widest = std::max(widest, SubidBits(p + start, i + 1 - start));
    ++subids;
    start = i + 1;
  }
  if (start != n) return;  // a truncated last subidentifier: no arc count
  (*seen)[Dimension::kOidArcs].insert(subids == 0 ? 0 : subids + 1);
  if (subids > 1) (*seen)[Dimension::kOidArcBits].insert(widest);
}

// Walks BER TLVs in [p, end) at `depth`; returns the deepest element's
// depth, or -1 when the framing breaks. Records every OID.
int Walk(const uint8_t* p, const uint8_t* end, int depth, Seen* seen) {
  int deepest = depth - 1;
  while (p < end) {
    const uint8_t id = *p++;
    if ((id & 0x1f) == 0x1f) {
      while (p < end && (*p & 0x80)) ++p;
      if (p++ >= end) return -1;
    }
    if (p >= end) return -1;
    size_t length = *p++;
    if (length & 0x80) {
      const size_t octets = length & 0x7f;
      if (octets == 0 || octets > 4 || static_cast<size_t>(end - p) < octets) return -1;
      length = 0;
      for (size_t i = 0; i < octets; ++i) length = length << 8 | *p++;
    }
    if (length > static_cast<size_t>(end - p)) return -1;
    int inner = depth;
    if (id & 0x20) {
      inner = Walk(p, p + length, depth + 1, seen);
      if (inner < 0) return -1;
      inner = std::max(inner, depth);
    } else if (id == 0x06) {
      MeasureOid(p, length, seen);
    }
    deepest = std::max(deepest, inner);
    p += length;
  }
  return deepest;
}

// Records the output's dimensions; returns whether it decodes.
bool Measure(const std::vector<uint8_t>& out, Seen* seen) {
  (*seen)[Dimension::kMessageOctets].insert(static_cast<int64_t>(out.size()));
  const int depth = Walk(out.data(), out.data() + out.size(), 1, seen);
  if (depth > 0) (*seen)[Dimension::kNestingDepth].insert(depth);

  snmp::Message m;
  const bool decodes = snmp::DecodeMessage(snmp::Bytes(out), &m).ok();  // partial ones count too
  auto value = [&](Dimension d, const snmp::Field<int64_t>& f) {
    if (f.present) (*seen)[d].insert(f.value);
  };
  auto size = [&](Dimension d, const snmp::Field<snmp::Bytes>& f) {
    if (f.present) (*seen)[d].insert(static_cast<int64_t>(f.value.size()));
  };
  value(Dimension::kMsgId, m.header.msg_id);
  value(Dimension::kMsgMaxSize, m.header.max_size);
  size(Dimension::kMsgFlagsOctets, m.header.flags);
  if (m.has_usm) {
    size(Dimension::kEngineIdOctets, m.usm.engine_id);
    value(Dimension::kEngineBoots, m.usm.engine_boots);
    value(Dimension::kEngineTime, m.usm.engine_time);
    size(Dimension::kUserNameOctets, m.usm.user_name);
    size(Dimension::kAuthParamsOctets, m.usm.auth_params);
    size(Dimension::kPrivParamsOctets, m.usm.priv_params);
  }
  size(Dimension::kContextEngineIdOctets, m.context_engine_id);
  size(Dimension::kContextNameOctets, m.context_name);
  if (!m.has_pdu) return decodes;
  value(Dimension::kRequestId, m.pdu.request_id);
  value(Dimension::kErrorStatus, m.pdu.error_status);
  value(Dimension::kErrorIndex, m.pdu.error_index);
  for (const snmp::VarBind& vb : m.pdu.varbinds) {
    const ber::Tag t = vb.value.tag;
    const bool integer_shaped =
        t == ber::kInteger || t == ber::kCounter32 || t == ber::kGauge32 ||
        t == ber::kTimeTicks || t == ber::kCounter64 || t == ber::kUInteger32;
    if (integer_shaped) {
      (*seen)[Dimension::kIntegerOctets].insert(static_cast<int64_t>(vb.value.content.size()));
    }
  }
  return decodes;
}

// A v2c GetRequest for sysObjectID-ish 1.3.6.1.2.1, and a v3
// noAuthNoPriv one (empty engine ID and user: discovery).
const char* const kSeeds[] = {
    "3026 020101 0406 7075626c6963 a019 020412345678 020100 020100"
    " 300b 3009 06052b06010201 0500",
    "3047 020103 300f 02021234 020300ffe3 040104 020103"
    " 0410 300e 0400 020100 020100 0400 0400 0400"
    " 301f 0400 0400 a019 020412345678 020100 020100 300b 3009 06052b06010201 0500",
};

TEST(StructuredMutator, SeedsDecode) {
  for (const char* hex : kSeeds) {
    const std::vector<uint8_t> seed = ber::testing::HexBytes(hex);
    snmp::Message m;
    EXPECT_TRUE(snmp::DecodeMessage(snmp::Bytes(seed), &m).ok()) << hex;
  }
}

TEST(StructuredMutator, ReachesEveryExtreme) {
  std::vector<std::vector<uint8_t>> pool;
  for (const char* hex : kSeeds) pool.push_back(ber::testing::HexBytes(hex));
  std::minstd_rand rng(18);
  Seen seen;
  std::vector<uint8_t> buffer;
  for (int i = 0; i < kMutants; ++i) {
    buffer = pool[rng() % pool.size()];
    const size_t size = buffer.size();
    buffer.resize(kMaxSize);
    const size_t n = MutateStructured(buffer.data(), size, kMaxSize, static_cast<unsigned>(i),
                                      Unchanged);
    ASSERT_LE(n, kMaxSize);
    buffer.resize(n);
    const bool decodes = Measure(buffer, &seen);
    // Mutants that decode seed later mutants (a bounded pool beside the
    // seeds), so extremes compose; one that does not would only come back
    // from the byte mutator, here a no-op.
    if (decodes && rng() % 2 == 0) {
      if (pool.size() < kPool) {
        pool.push_back(buffer);
      } else {
        pool[std::size(kSeeds) + rng() % (kPool - std::size(kSeeds))] = buffer;
      }
    }
  }
  for (const DimensionExtremes& d : Extremes(kMaxSize)) {
    for (int64_t v : d.values) {
      EXPECT_TRUE(seen[d.dimension].count(v)) << d.name << " = " << v << " never produced";
    }
  }
}

// The mutator is a pure function of input and seed.
TEST(StructuredMutator, Deterministic) {
  for (const char* hex : kSeeds) {
    for (unsigned seed = 0; seed < 200; ++seed) {
      std::vector<uint8_t> a = ber::testing::HexBytes(hex), b = a;
      const size_t size = a.size();
      a.resize(kMaxSize);
      b.resize(kMaxSize);
      const size_t na = MutateStructured(a.data(), size, kMaxSize, seed, Unchanged);
      const size_t nb = MutateStructured(b.data(), size, kMaxSize, seed, Unchanged);
      ASSERT_EQ(na, nb) << "seed " << seed;
      a.resize(na);
      b.resize(nb);
      EXPECT_EQ(a, b) << "seed " << seed;
    }
  }
}

// Each message target's dictionary carries every extreme's line; a missing
// one is printed ready to paste (the lines are generated, extremes.h).
TEST(StructuredMutator, DictionariesCarryTheExtremes) {
  const std::vector<std::string> lines = DictionaryLines();
  ASSERT_FALSE(lines.empty());
  const std::string dicts = SNMPDISSECT_MESSAGE_DICTS;
  size_t start = 0;
  int checked = 0;
  while (start <= dicts.size()) {
    size_t end = dicts.find(':', start);
    if (end == std::string::npos) end = dicts.size();
    const std::string path = dicts.substr(start, end - start);
    start = end + 1;
    std::ifstream in(path);
    ASSERT_TRUE(in) << path;
    std::set<std::string> present;
    for (std::string line; std::getline(in, line);) present.insert(line);
    std::string missing;
    for (const std::string& line : lines) {
      if (!present.count(line)) missing += line + "\n";
    }
    EXPECT_TRUE(missing.empty()) << path << " lacks:\n" << missing;
    ++checked;
  }
  EXPECT_GE(checked, 4);  // snmp_message, der_roundtrip, usm, structured (+ differential)
}

}  // namespace
}  // namespace snmpdissect::fuzz
