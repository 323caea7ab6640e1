#include "fuzz/extremes.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <set>
#include <string>

#include "codec/ber/oid.h"
#include "codec/ber/reader.h"
#include "codec/snmp/ranges.h"
#include "codec/usm/protocols.h"

namespace snmpdissect::fuzz {
namespace {

using snmp::IntegerRange;

// Octets of one subidentifier of up to 32 bits, base 128 (X.690 8.19.2).
constexpr int64_t kMaxSubidOctets = (32 + 6) / 7;

// RFC 3411 section 5: SnmpEngineID is SIZE(5..32); an empty one is
// discovery (RFC 3414 section 4). RFC 3414 section 2.4: msgUserName is
// SIZE(0..32); the decoder holds contextName to the same 32.
constexpr int64_t kMinEngineId = 5;
constexpr int64_t kMaxAdminString = 32;
// RFC 3414 section 8.1.1.1 (DES) and RFC 3826 section 3.1.2.1 (AES): the
// salt in msgPrivacyParameters is 8 octets.
constexpr int64_t kSaltOctets = 8;

std::vector<int64_t> Sorted(std::vector<int64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// A range's bounds and the values just outside them.
std::vector<int64_t> Edges(IntegerRange r) { return {r.min - 1, r.min, r.max, r.max + 1}; }

// A size rule lo..hi: empty, each bound and one past it, and twice the
// maximum (far past: a buffer sized for hi overflows by more than padding).
std::vector<int64_t> SizeEdges(int64_t lo, int64_t hi) {
  std::vector<int64_t> v = {0, lo, hi, hi + 1, 2 * hi};
  if (lo > 0) v.push_back(lo - 1);
  return Sorted(std::move(v));
}

std::vector<int64_t> AuthParamSizes() {
  std::vector<int64_t> v = {0};  // no MAC at all
  for (int p = static_cast<int>(usm::AuthProtocol::kMd5);
       p <= static_cast<int>(usm::AuthProtocol::kSha512); ++p) {
    const auto mac = static_cast<int64_t>(
        usm::GetAuthInfo(static_cast<usm::AuthProtocol>(p)).mac_length);
    for (int64_t d : {-1, 0, 1}) v.push_back(mac + d);
  }
  return Sorted(std::move(v));
}

// X.690 8.1.3: definite length, short form below 128.
std::string Length(uint64_t n) {
  if (n < 0x80) return std::string(1, static_cast<char>(n));
  std::string octets;
  for (; n != 0; n >>= 8) octets.insert(octets.begin(), static_cast<char>(n & 0xff));
  octets.insert(octets.begin(), static_cast<char>(0x80 | octets.size()));
  return octets;
}

// X.690 8.3: the fewest two's complement octets.
std::string IntegerContent(int64_t v) {
  std::string s;
  for (int i = 7; i >= 0; --i) s.push_back(static_cast<char>(static_cast<uint64_t>(v) >> (8 * i)));
  while (s.size() > 1 && ((s[0] == 0 && !(s[1] & 0x80)) ||
                          (static_cast<uint8_t>(s[0]) == 0xff && (s[1] & 0x80)))) {
    s.erase(0, 1);
  }
  return s;
}

// An identifier octet and a length.
std::string Header(char tag, uint64_t length) {
  std::string s(1, tag);
  s += Length(length);
  return s;
}

std::string Line(std::string_view dimension, int64_t value, const std::string& octets) {
  std::string line = "extreme_";
  for (char c : dimension) line.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  line += '_';
  if (value < 0) line += 'm';  // minus
  line += std::to_string(value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value));
  line += "=\"";
  char hex[5];
  for (char c : octets) {
    std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<uint8_t>(c));
    line += hex;
  }
  return line + '"';
}

}  // namespace

std::string WideSubidentifier(int64_t bits) {
  std::string s;
  const bool ones = bits % 32 == 0;
  const int64_t octets = (bits + 6) / 7;
  const int64_t top = bits - 7 * (octets - 1);  // value bits in the first octet
  for (int64_t i = 0; i < octets; ++i) {
    uint8_t v = ones ? 0x7f : 0;
    if (i == 0) {
      v = static_cast<uint8_t>(ones ? (1u << top) - 1 : 1u << (top - 1));
    }
    s.push_back(static_cast<char>(v | (i + 1 == octets ? 0 : 0x80)));
  }
  return s;
}

std::vector<std::string> DictionaryLines() {
  std::vector<std::string> lines;
  std::set<std::string> seen;  // one line per octet string, named by its first use
  auto add = [&](std::string_view name, int64_t v, const std::string& octets) {
    if (seen.insert(octets).second) lines.push_back(Line(name, v, octets));
  };
  for (const DimensionExtremes& d : Extremes(0)) {
    for (int64_t v : d.values) {
      std::string octets;
      switch (d.dimension) {
        case Dimension::kMsgFlagsOctets:
        case Dimension::kEngineIdOctets:
        case Dimension::kUserNameOctets:
        case Dimension::kAuthParamsOctets:
        case Dimension::kPrivParamsOctets:
        case Dimension::kContextEngineIdOctets:
        case Dimension::kContextNameOctets:
          octets = Header(0x04, static_cast<uint64_t>(v));  // OCTET STRING
          break;
        case Dimension::kMsgId:
        case Dimension::kMsgMaxSize:
        case Dimension::kEngineBoots:
        case Dimension::kEngineTime:
        case Dimension::kRequestId:
        case Dimension::kErrorStatus:
        case Dimension::kErrorIndex: {
          const std::string content = IntegerContent(v);
          octets = Header(0x02, content.size()) + content;
          break;
        }
        case Dimension::kOidArcBits: octets = WideSubidentifier(v); break;
        // An OID header for that many one-octet subidentifiers (the first
        // carries two arcs), or for that many content octets.
        case Dimension::kOidArcs:
          if (v >= 2) octets = Header(0x06, static_cast<uint64_t>(v - 1));
          break;
        case Dimension::kOidContentOctets: octets = Header(0x06, static_cast<uint64_t>(v)); break;
        // INTEGER and Counter64 headers of that width (X.690 8.3, RFC 2578
        // section 7.1.10).
        case Dimension::kIntegerOctets:
          add("counter64 octets", v, Header(0x46, static_cast<uint64_t>(v)));
          octets = Header(0x02, static_cast<uint64_t>(v));
          break;
        // A 33-deep nest or a whole message does not fit a dictionary
        // entry (libFuzzer keeps at most 64 octets): the mutator's alone.
        case Dimension::kNestingDepth:
        case Dimension::kMessageOctets:
          break;
      }
      if (!octets.empty()) add(d.name, v, octets);
    }
  }
  return lines;
}

std::vector<DimensionExtremes> Extremes(size_t max_size) {
  constexpr auto kArcs = static_cast<int64_t>(ber::kMaxOidArcs);
  // The first subidentifier carries two arcs (X.690 8.19.4), so a non-empty
  // OID has at least 2; the widest valid OID is kArcs - 1 subidentifiers of
  // kMaxSubidOctets each.
  const int64_t widest = (kArcs - 1) * kMaxSubidOctets;
  return {
      {Dimension::kOidArcs, "OID arcs", {0, 2, 3, kArcs - 1, kArcs, kArcs + 1}},
      // RFC 2578 section 7.1.3: a subidentifier is at most 2^32-1; 64 and
      // 65 bits straddle a uint64_t decoder's width.
      {Dimension::kOidArcBits, "OID arc bits", {32, 33, 64, 65}},
      {Dimension::kOidContentOctets, "OID content octets", {widest, widest + 1}},
      {Dimension::kNestingDepth,
       "nesting depth",
       {ber::kMaxDepth - 1, ber::kMaxDepth, ber::kMaxDepth + 1, ber::kMaxDepth + 2}},
      {Dimension::kMessageOctets, "message octets", {static_cast<int64_t>(max_size)}},
      // X.690 8.3.1: at least one octet. Integer32/Counter32 fit 4 (5 with
      // the 0x00 an unsigned maximum needs), Counter64 8 (9); one more is
      // past any reader's width.
      {Dimension::kIntegerOctets, "integer value octets", {0, 1, 4, 5, 6, 8, 9, 10}},
      {Dimension::kMsgId, "msgID", Edges(snmp::kMsgIdRange)},
      {Dimension::kMsgMaxSize, "msgMaxSize", Edges(snmp::kMsgMaxSizeRange)},
      // RFC 3412 section 6: msgFlags is OCTET STRING (SIZE(1)).
      {Dimension::kMsgFlagsOctets, "msgFlags octets", {0, 1, 2}},
      {Dimension::kEngineIdOctets, "engine ID octets", SizeEdges(kMinEngineId, kMaxAdminString)},
      {Dimension::kEngineBoots, "engine boots", Edges(snmp::kEngineBootsRange)},
      {Dimension::kEngineTime, "engine time", Edges(snmp::kEngineTimeRange)},
      {Dimension::kUserNameOctets, "user name octets", SizeEdges(1, kMaxAdminString)},
      {Dimension::kAuthParamsOctets, "auth params octets", AuthParamSizes()},
      {Dimension::kPrivParamsOctets, "priv params octets", SizeEdges(kSaltOctets, kSaltOctets)},
      {Dimension::kContextEngineIdOctets,
       "contextEngineID octets",
       SizeEdges(kMinEngineId, kMaxAdminString)},
      {Dimension::kContextNameOctets, "contextName octets", SizeEdges(1, kMaxAdminString)},
      {Dimension::kRequestId, "request-id", Edges(snmp::kRequestIdRange)},
      {Dimension::kErrorStatus, "error-status", Edges(snmp::kErrorStatusRange)},
      {Dimension::kErrorIndex, "error-index", Edges(snmp::kMaxBindingsRange)},
  };
}

}  // namespace snmpdissect::fuzz
