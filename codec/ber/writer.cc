#include "codec/ber/writer.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace snmpdissect::ber {
namespace {

// Number of octets in the minimal big-endian form of `v` (at least one).
int OctetCount(uint64_t v) {
  int n = 1;
  while (v >>= 8) ++n;
  return n;
}

// Octets of the minimal two's complement form of a value whose magnitude
// bits (the value, or its complement when negative) are `magnitude`: one
// more bit than the magnitude needs, for the sign (X.690 8.3.2).
int TwosComplementOctets(uint64_t magnitude) {
  return std::bit_width(magnitude) / 8 + 1;
}

// Identifier and length octets, at most 1 + 5 + 1 + 8 of them: each element
// appends its header in one go rather than an octet at a time.
constexpr size_t kMaxHeader = 16;
// Content up to this size is appended together with its header.
constexpr size_t kSmallContent = 64;

// Identifier octets of `tag` at `out`; returns their number.
size_t EncodeTag(Tag tag, char* out) {
  const uint8_t head = static_cast<uint8_t>(
      static_cast<uint8_t>(tag.tag_class) << 6 | (tag.constructed ? 0x20 : 0));
  if (tag.number < 0x1f) {
    out[0] = static_cast<char>(head | tag.number);
    return 1;
  }
  // High-tag-number form (X.690 8.1.2.4), base 128, most significant first.
  size_t n = 0;
  out[n++] = static_cast<char>(head | 0x1f);
  int shift = 0;
  while ((tag.number >> shift) >= 0x80) shift += 7;
  for (; shift > 0; shift -= 7) {
    out[n++] = static_cast<char>(0x80 | ((tag.number >> shift) & 0x7f));
  }
  out[n++] = static_cast<char>(tag.number & 0x7f);
  return n;
}

// Definite length octets (X.690 8.1.3, minimal as 10.1 wants) at `out`;
// returns their number.
size_t EncodeLength(size_t length, char* out) {
  if (length < 0x80) {
    out[0] = static_cast<char>(length);
    return 1;
  }
  const int n = OctetCount(length);
  out[0] = static_cast<char>(0x80 | n);
  for (int i = 0; i < n; ++i) out[1 + i] = static_cast<char>(length >> (8 * (n - 1 - i)));
  return 1 + n;
}

}  // namespace

void Writer::WritePrimitive(Tag tag, Bytes content) {
  // Small elements (most of a message) are assembled on the stack and
  // appended once; each append re-checks capacity and length.
  char element[kMaxHeader + kSmallContent];
  size_t n = EncodeTag(tag, element);
  n += EncodeLength(content.size(), element + n);
  const auto* data = reinterpret_cast<const char*>(content.data());
  if (content.size() <= kSmallContent) {
    if (!content.empty()) std::memcpy(element + n, data, content.size());
    out_->append(element, n + content.size());
    return;
  }
  out_->append(element, n);
  out_->append(data, content.size());
}

void Writer::WriteInteger(Tag tag, int64_t value) {
  // Minimal two's complement (X.690 8.3.2): as many octets as the bits that
  // differ from the sign need, plus the sign bit.
  const uint64_t bits = static_cast<uint64_t>(value);
  const int n = TwosComplementOctets(value < 0 ? ~bits : bits);
  char element[kMaxHeader + 8];
  size_t at = EncodeTag(tag, element);
  element[at++] = static_cast<char>(n);  // short-form length (X.690 8.1.3.4)
  for (int i = 0; i < n; ++i) element[at++] = static_cast<char>(bits >> (8 * (n - 1 - i)));
  out_->append(element, at);
}

void Writer::WriteUnsigned(Tag tag, uint64_t value) {
  // Read as a non-negative INTEGER: a zero octet leads when the top bit of
  // the value's first octet is set, so 2^63 and above take 9 octets.
  const int n = TwosComplementOctets(value);
  char element[kMaxHeader + 9];
  size_t at = EncodeTag(tag, element);
  element[at++] = static_cast<char>(n);  // short-form length (X.690 8.1.3.4)
  if (n == 9) element[at++] = 0;
  for (int i = std::min(n, 8) - 1; i >= 0; --i) {
    element[at++] = static_cast<char>(value >> (8 * i));
  }
  out_->append(element, at);
}

size_t Writer::Begin(Tag tag) {
  const size_t mark = out_->size();
  char header[kMaxHeader];
  const size_t n = EncodeTag(tag, header);
  header[n] = 0;  // one-octet length placeholder, widened by End()
  out_->append(header, n + 1);
  return mark;
}

void Writer::End(size_t mark) {
  // Find the placeholder: skip the identifier octets written by Begin().
  size_t at = mark + 1;
  if (((*out_)[mark] & 0x1f) == 0x1f) {
    while ((*out_)[at] & 0x80) ++at;
    ++at;
  }
  const size_t content_start = at + 1;
  const size_t length = out_->size() - content_start;
  if (length < 0x80) {
    (*out_)[at] = static_cast<char>(length);
    return;
  }
  const int n = OctetCount(length);
  (*out_)[at] = static_cast<char>(0x80 | n);
  char buffer[8];
  for (int i = 0; i < n; ++i) buffer[i] = static_cast<char>(length >> (8 * (n - 1 - i)));
  out_->insert(content_start, buffer, n);
}

}  // namespace snmpdissect::ber
