// How a row of the field table becomes an epan header_field_info: its
// FT_ type, display base and bit mask, chosen so that epan renders and
// filters the value as the tool does (tshark -T fields prints the same
// text for both).
//
//   kUint                 FT_UINT64, BASE_DEC (FT_FRAMENUM for kFrameNumber);
//                         kHex: FT_UINT8..64 of the row's hex digits, BASE_HEX;
//                         bit fields: FT_UINTn of bit_width
//   kInt                  FT_INT64, BASE_DEC
//   value names           + BASE_RANGE_STRING (ranges, as the rows give them)
//   kBool                 FT_BOOLEAN: bit_width with a mask, BASE_NONE without
//   kDouble               FT_DOUBLE (FT_FLOAT for kSinglePrecision)
//   kBytes                FT_BYTES (BASE_SHOW_ASCII_PRINTABLE for kTextIfPrintable)
//   kString, kOid         FT_STRING, FT_OID
//   kIpv4, kIpv6, kEther  FT_IPv4, FT_IPv6, FT_ETHER
//   kAbsoluteTime         FT_ABSOLUTE_TIME, UTC
//   kRelativeTime         FT_RELATIVE_TIME
//   kNone                 FT_NONE
//
// Integer rows get 64-bit types because the tree's integers are 64-bit and
// a row says nothing narrower; epan prints them alike.

#ifndef SNMPDISSECT_DISSECTOR_WIRESHARK_FIELD_TYPES_H_
#define SNMPDISSECT_DISSECTOR_WIRESHARK_FIELD_TYPES_H_

#include <cstdint>

#include <epan/proto.h>

#include "dissector/tree/fields.h"

namespace snmpdissect::wireshark {

struct EpanType {
  enum ftenum type = FT_NONE;
  int display = BASE_NONE;
  uint64_t bitmask = 0;
};

// Without value names (the caller adds BASE_RANGE_STRING when it has them).
EpanType EpanTypeOf(const tree::FieldInfo& row);

// The number of low zero bits of a mask (epan shifts bit-field values by it).
int MaskShift(uint64_t mask);

}  // namespace snmpdissect::wireshark

#endif  // SNMPDISSECT_DISSECTOR_WIRESHARK_FIELD_TYPES_H_
