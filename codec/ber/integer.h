// INTEGER contents (X.690 8.3) to native integers, with exact overflow checks.
//
// Content octets are big-endian two's complement. Each decoder reports, via
// `non_minimal`, a first octet that could have been dropped (X.690 8.3.2: the
// first nine bits may not be all zeros or all ones) so callers can warn.
//
//   int64_t id;
//   bool padded;
//   if (auto e = DecodeInt64(element, &id, &padded); !e.ok()) ...

#ifndef SNMPDISSECT_CODEC_BER_INTEGER_H_
#define SNMPDISSECT_CODEC_BER_INTEGER_H_

#include <cstdint>

#include "codec/ber/error.h"
#include "codec/ber/reader.h"

namespace snmpdissect::ber {

// Signed value of at most 8 content octets.
[[nodiscard]] Error DecodeInt64(const Element& element, int64_t* out,
                                bool* non_minimal);

// Non-negative value of at most 64 bits: 8 octets, or 9 with a leading zero
// octet (a Counter64 of 2^63 or more needs it). A set sign bit is
// kNegativeUnsigned.
[[nodiscard]] Error DecodeUint64(const Element& element, uint64_t* out,
                                 bool* non_minimal);

// Content read as an unsigned number whatever its sign bit, for the agents
// that leave out the leading 0x00 octet X.690 8.3.2 needs before a
// non-negative value whose top bit is set (221 sent as `02 01 dd`). False,
// with *out untouched, when the content is empty or longer than
// `max_octets` (at most 8): then no unsigned reading of that width exists.
[[nodiscard]] bool ReadAsUnsigned(Bytes content, size_t max_octets, uint64_t* out);

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_INTEGER_H_
