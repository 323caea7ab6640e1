#include "codec/agentx/reader.h"

namespace snmpdissect::agentx {

uint16_t Load16(const uint8_t* p, ByteOrder order) {
  return order == ByteOrder::kBigEndian ? static_cast<uint16_t>(p[0] << 8 | p[1])
                                        : static_cast<uint16_t>(p[1] << 8 | p[0]);
}

uint32_t Load32(const uint8_t* p, ByteOrder order) {
  uint32_t value = 0;
  if (order == ByteOrder::kBigEndian) {
    for (int i = 0; i < 4; ++i) value = value << 8 | p[i];
  } else {
    for (int i = 3; i >= 0; --i) value = value << 8 | p[i];
  }
  return value;
}

uint64_t Load64(const uint8_t* p, ByteOrder order) {
  uint64_t value = 0;
  if (order == ByteOrder::kBigEndian) {
    for (int i = 0; i < 8; ++i) value = value << 8 | p[i];
  } else {
    for (int i = 7; i >= 0; --i) value = value << 8 | p[i];
  }
  return value;
}

Error Reader::U8(uint8_t* out, ErrorCode code) {
  const uint8_t* p;
  if (!Take(1, &p)) return Fail(code);
  *out = p[0];
  return kOk;
}

Error Reader::U16(uint16_t* out, ErrorCode code) {
  const uint8_t* p;
  if (!Take(2, &p)) return Fail(code);
  *out = Load16(p, order_);
  return kOk;
}

Error Reader::U32(uint32_t* out, ErrorCode code) {
  const uint8_t* p;
  if (!Take(4, &p)) return Fail(code);
  *out = Load32(p, order_);
  return kOk;
}

Error Reader::U64(uint64_t* out, ErrorCode code) {
  const uint8_t* p;
  if (!Take(8, &p)) return Fail(code);
  *out = Load64(p, order_);
  return kOk;
}

Error Reader::Octets(size_t size, Bytes* out, ErrorCode code) {
  const size_t at = position_;
  const uint8_t* p;
  if (!Take(size, &p)) return Error{code, base_offset_ + at};
  *out = Bytes(p, size);
  return kOk;
}

Error Reader::Child(size_t size, Reader* child, ErrorCode code) {
  const size_t at = position_;
  const uint8_t* p;
  if (!Take(size, &p)) return Error{code, base_offset_ + at};
  *child = Reader(Bytes(p, size), order_, base_offset_ + at);
  return kOk;
}

}  // namespace snmpdissect::agentx
