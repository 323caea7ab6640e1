#include "codec/ber/writer.h"

namespace snmpdissect::ber {
namespace {

// Number of octets in the minimal big-endian form of `v` (at least one).
int OctetCount(uint64_t v) {
  int n = 1;
  while (v >>= 8) ++n;
  return n;
}

}  // namespace

void Writer::WriteTag(Tag tag) {
  const uint8_t head = static_cast<uint8_t>(
      static_cast<uint8_t>(tag.tag_class) << 6 | (tag.constructed ? 0x20 : 0));
  if (tag.number < 0x1f) {
    out_->push_back(static_cast<char>(head | tag.number));
    return;
  }
  // High-tag-number form (X.690 8.1.2.4), base 128, most significant first.
  out_->push_back(static_cast<char>(head | 0x1f));
  int shift = 0;
  while ((tag.number >> shift) >= 0x80) shift += 7;
  for (; shift > 0; shift -= 7) {
    out_->push_back(static_cast<char>(0x80 | ((tag.number >> shift) & 0x7f)));
  }
  out_->push_back(static_cast<char>(tag.number & 0x7f));
}

void Writer::WriteLength(size_t length) {
  if (length < 0x80) {
    out_->push_back(static_cast<char>(length));
    return;
  }
  const int n = OctetCount(length);
  out_->push_back(static_cast<char>(0x80 | n));
  for (int i = n - 1; i >= 0; --i) {
    out_->push_back(static_cast<char>(length >> (8 * i)));
  }
}

void Writer::WritePrimitive(Tag tag, Bytes content) {
  WriteTag(tag);
  WriteLength(content.size());
  out_->append(reinterpret_cast<const char*>(content.data()), content.size());
}

void Writer::WriteInteger(Tag tag, int64_t value) {
  // Minimal two's complement (X.690 8.3.2): drop leading octets while the
  // next one carries the same sign.
  uint8_t octets[8];
  for (int i = 0; i < 8; ++i) {
    octets[i] = static_cast<uint8_t>(static_cast<uint64_t>(value) >> (56 - 8 * i));
  }
  int start = 0;
  while (start < 7 && ((octets[start] == 0x00 && !(octets[start + 1] & 0x80)) ||
                       (octets[start] == 0xff && (octets[start + 1] & 0x80)))) {
    ++start;
  }
  WritePrimitive(tag, Bytes(octets + start, 8 - start));
}

void Writer::WriteUnsigned(Tag tag, uint64_t value) {
  uint8_t octets[9] = {0};
  const int n = OctetCount(value);
  const bool pad = (value >> (8 * n - 1)) & 1;  // top bit set: needs a zero
  for (int i = 0; i < n; ++i) {
    octets[pad + i] = static_cast<uint8_t>(value >> (8 * (n - 1 - i)));
  }
  WritePrimitive(tag, Bytes(octets, n + pad));
}

size_t Writer::Begin(Tag tag) {
  const size_t mark = out_->size();
  WriteTag(tag);
  out_->push_back(0);  // one-octet length placeholder, widened by End()
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
