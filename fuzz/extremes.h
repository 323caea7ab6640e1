// The extremes of every dimension the SNMP message model has, for the
// structured mutator (structured_mutator.h) to build on purpose and for its
// test to check it does. Byte mutations rarely make a 128-arc OID, an arc
// of 2^64, a value nested 33 deep or a USM field one octet past its rule;
// these are where decoders' off-by-one and width bugs live.
//
// Every value is generated here from the limit it tests (the codec's own
// constants and ranges, the USM protocol table, the RFC rules cited), at the
// limit, just inside and just outside it: the one list of them.
//
//   for (const fuzz::DimensionExtremes& d : fuzz::Extremes(4096)) ...

#ifndef SNMPDISSECT_FUZZ_EXTREMES_H_
#define SNMPDISSECT_FUZZ_EXTREMES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace snmpdissect::fuzz {

enum class Dimension : uint8_t {
  kOidArcs,             // arcs of one OID (0: empty content)
  kOidArcBits,          // bits of the widest subidentifier after the first
  kOidContentOctets,    // content octets of one OID
  kNestingDepth,        // TLV nesting depth of the message (the message is 1)
  kMessageOctets,       // the whole message: at the mutator's max_size
  kIntegerOctets,       // content octets of an INTEGER-shaped varbind value
  kMsgId,               // SNMPv3 header fields (RFC 3412 section 6)
  kMsgMaxSize,
  kMsgFlagsOctets,
  kEngineIdOctets,      // USM fields (RFC 3414 section 2.4)
  kEngineBoots,
  kEngineTime,
  kUserNameOctets,
  kAuthParamsOctets,
  kPrivParamsOctets,
  kContextEngineIdOctets,  // ScopedPDU (RFC 3412 section 6)
  kContextNameOctets,
  kRequestId,           // PDU fields (RFC 3416 section 3)
  kErrorStatus,
  kErrorIndex,
};

struct DimensionExtremes {
  Dimension dimension;
  std::string_view name;
  std::vector<int64_t> values;  // each to be reached at least once
};

// Arc magnitudes do not fit int64_t: kOidArcBits counts bits (32: 2^32-1,
// 33: 2^32, 64: 2^64-1, 65: 2^64). The widest subidentifier of a given
// bit count the mutator writes is the largest (2^b - 1) when b is within
// the 32-bit rule, the smallest (2^(b-1)) past it.
std::vector<DimensionExtremes> Extremes(size_t max_size);

}  // namespace snmpdissect::fuzz

#endif  // SNMPDISSECT_FUZZ_EXTREMES_H_
