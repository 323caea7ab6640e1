// The ranges of the SNMP message's INTEGER fields, one table for the decoder
// (which checks them, and reads a negative encoding of a non-negative field
// unsigned when that reading is in range: agents that drop the leading 0x00
// octet X.690 8.3.2 requires) and the encoder (which must write an
// out-of-range negative value so that it decodes back to the same value).

#ifndef SNMPDISSECT_CODEC_SNMP_RANGES_H_
#define SNMPDISSECT_CODEC_SNMP_RANGES_H_

#include <cstdint>

namespace snmpdissect::snmp {

struct IntegerRange {
  int64_t min;
  int64_t max;
};

inline constexpr int64_t kInt32Min = -2147483648LL;
inline constexpr int64_t kInt32Max = 2147483647;
inline constexpr int64_t kUint32Max = 4294967295LL;

// RFC 3412 section 6: msgID, msgMaxSize; RFC 3411 section 5
// SnmpSecurityModel; RFC 3414 section 2.4 msgAuthoritativeEngineBoots/Time.
inline constexpr IntegerRange kMsgIdRange{0, kInt32Max};
inline constexpr IntegerRange kMsgMaxSizeRange{484, kInt32Max};
inline constexpr IntegerRange kSecurityModelRange{1, kInt32Max};
inline constexpr IntegerRange kEngineBootsRange{0, kInt32Max};
inline constexpr IntegerRange kEngineTimeRange{0, kInt32Max};
// RFC 3416 section 3: request-id is Integer32; error-status 0..18;
// error-index, and GetBulk's non-repeaters and max-repetitions in the same
// places, 0..max-bindings.
inline constexpr IntegerRange kRequestIdRange{kInt32Min, kInt32Max};
inline constexpr IntegerRange kErrorStatusRange{0, 18};
inline constexpr IntegerRange kMaxBindingsRange{0, kInt32Max};
// RFC 1157 section 4.1.6 Trap-PDU: generic-trap 0..6, specific-trap
// INTEGER, time-stamp TimeTicks (RFC 1155: 0..4294967295).
inline constexpr IntegerRange kGenericTrapRange{0, 6};
inline constexpr IntegerRange kSpecificTrapRange{kInt32Min, kInt32Max};
inline constexpr IntegerRange kTimeStampRange{0, kUint32Max};

}  // namespace snmpdissect::snmp

#endif  // SNMPDISSECT_CODEC_SNMP_RANGES_H_
