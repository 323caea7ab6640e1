#include "codec/ber/integer.h"

namespace snmpdissect::ber {
namespace {

// X.690 8.3.2: a first octet 0x00 followed by a clear sign bit, or 0xff
// followed by a set one, is redundant.
bool IsPadded(Bytes c) {
  return c.size() >= 2 && ((c[0] == 0x00 && (c[1] & 0x80) == 0) ||
                           (c[0] == 0xff && (c[1] & 0x80) != 0));
}

}  // namespace

Error DecodeInt64(const Element& element, int64_t* out, bool* non_minimal) {
  Bytes c = element.content;
  const size_t at = element.location.content_offset();
  if (c.empty()) return Error{ErrorCode::kEmptyInteger, at};
  *non_minimal = IsPadded(c);
  // Drop redundant sign octets so a padded small value still fits.
  while (c.size() > 8 && IsPadded(c)) c.remove_prefix(1);
  if (c.size() > 8) return Error{ErrorCode::kIntegerOverflow, at};
  // Sign-extend from the first octet, then shift the rest in as unsigned.
  uint64_t value = (c[0] & 0x80) ? ~uint64_t{0} : 0;
  for (uint8_t octet : c) value = (value << 8) | octet;
  *out = static_cast<int64_t>(value);
  return kOk;
}

Error DecodeUint64(const Element& element, uint64_t* out, bool* non_minimal) {
  Bytes c = element.content;
  const size_t at = element.location.content_offset();
  if (c.empty()) return Error{ErrorCode::kEmptyInteger, at};
  if (c[0] & 0x80) return Error{ErrorCode::kNegativeUnsigned, at};
  *non_minimal = IsPadded(c);
  while (c.size() > 1 && c[0] == 0x00) c.remove_prefix(1);
  if (c.size() > 8) return Error{ErrorCode::kIntegerOverflow, at};
  uint64_t value = 0;
  for (uint8_t octet : c) value = (value << 8) | octet;
  *out = value;
  return kOk;
}

bool ReadAsUnsigned(Bytes content, size_t max_octets, uint64_t* out) {
  if (content.empty() || content.size() > max_octets || content.size() > 8) return false;
  uint64_t value = 0;
  for (uint8_t octet : content) value = (value << 8) | octet;
  *out = value;
  return true;
}

}  // namespace snmpdissect::ber
