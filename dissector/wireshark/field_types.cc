#include "dissector/wireshark/field_types.h"

#include "dissector/value/value_format.h"

namespace snmpdissect::wireshark {
namespace {

using tree::Display;
using tree::FieldType;

// The unsigned FT_ type holding `bits` bits.
enum ftenum UintOfWidth(int bits) {
  if (bits <= 8) return FT_UINT8;
  if (bits <= 16) return FT_UINT16;
  if (bits <= 24) return FT_UINT24;
  if (bits <= 32) return FT_UINT32;
  return FT_UINT64;
}

}  // namespace

int MaskShift(uint64_t mask) {
  if (mask == 0) return 0;
  int shift = 0;
  while ((mask & 1) == 0) {
    mask >>= 1;
    ++shift;
  }
  return shift;
}

EpanType EpanTypeOf(const tree::FieldInfo& row) {
  EpanType t;
  switch (row.type) {
    case FieldType::kNone:
    case FieldType::kProtocol:
      t.type = FT_NONE;
      break;
    case FieldType::kUint:
      if (row.display == Display::kFrameNumber) {
        t.type = FT_FRAMENUM;
        break;
      }
      t.display = row.display == Display::kHex ? BASE_HEX : BASE_DEC;
      if (row.bitmask != 0) {
        t.type = UintOfWidth(row.bit_width);
        t.bitmask = row.bitmask;
      } else if (row.display == Display::kHex) {
        // The tool prints HexDigits() digits; epan prints two per octet of
        // the type.
        t.type = UintOfWidth(value::HexDigits(row) * 4);
      } else {
        t.type = FT_UINT64;
      }
      break;
    case FieldType::kInt:
      t.type = FT_INT64;
      t.display = BASE_DEC;
      break;
    case FieldType::kBool:
      t.type = FT_BOOLEAN;
      if (row.bitmask != 0) {
        t.display = row.bit_width;
        t.bitmask = row.bitmask;
      }
      break;
    case FieldType::kDouble:
      t.type = row.display == Display::kSinglePrecision ? FT_FLOAT : FT_DOUBLE;
      break;
    case FieldType::kBytes:
      t.type = FT_BYTES;
      if (row.display == Display::kTextIfPrintable) t.display = BASE_SHOW_ASCII_PRINTABLE;
      break;
    case FieldType::kString:
      t.type = FT_STRING;
      break;
    case FieldType::kOid:
      t.type = FT_OID;
      break;
    case FieldType::kIpv4:
      t.type = FT_IPv4;
      break;
    case FieldType::kIpv6:
      t.type = FT_IPv6;
      break;
    case FieldType::kEther:
      t.type = FT_ETHER;
      break;
    case FieldType::kAbsoluteTime:
      t.type = FT_ABSOLUTE_TIME;
      t.display = ABSOLUTE_TIME_UTC;
      break;
    case FieldType::kRelativeTime:
      t.type = FT_RELATIVE_TIME;
      break;
  }
  return t;
}

}  // namespace snmpdissect::wireshark
