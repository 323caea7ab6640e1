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
//   fuzz::DictionaryLines()  // the same values as dictionary entries

#ifndef SNMPDISSECT_FUZZ_EXTREMES_H_
#define SNMPDISSECT_FUZZ_EXTREMES_H_

#include <cstddef>
#include <cstdint>
#include <string>
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
// 33: 2^32, 64: 2^64-1, 65: 2^64; WideSubidentifier).
std::vector<DimensionExtremes> Extremes(size_t max_size);

// One subidentifier `bits` wide, base 128 (X.690 8.19.2): all ones at a
// machine width (32: 2^32-1, 64: 2^64-1), a one then zeros one bit past it
// (33: 2^32, 65: 2^64); written octet by octet, as 2^64 fits no integer.
std::string WideSubidentifier(int64_t bits);

// The dictionary lines (libFuzzer/AFL format, name="\xHH...") that put
// the extremes within a byte mutator's reach: the identifier and length
// octets of each USM, header and context field at each listed size, each
// INTEGER field at each listed value, the widest arcs, and OID and
// integer-value headers at their caps. The message targets' dictionaries
// carry them (checked by structured_mutator_test.cc, which prints them).
std::vector<std::string> DictionaryLines();

}  // namespace snmpdissect::fuzz

#endif  // SNMPDISSECT_FUZZ_EXTREMES_H_
