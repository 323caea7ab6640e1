// A bounds-checked reader of AgentX's fixed-width binary fields (RFC 2741
// section 5) over a borrowed byte span, in the byte order the PDU's
// NETWORK_BYTE_ORDER flag selects (RFC 2741 6.1).
//
// Built like codec/ber/reader.h: every read goes through one check
// (Reader::Take); a failed read never advances and reports the offset of the
// field it could not read; Child() hands out a reader over the next N octets
// that cannot see past them (the payload of a PDU, an octet string), and the
// parent moves past them.
//
//   agentx::Reader payload;
//   if (auto e = stream.Child(payload_length, &payload); !e.ok()) return e;
//   uint32_t sys_uptime;
//   if (auto e = payload.U32(&sys_uptime); !e.ok()) return e;
//
// Lifetimes: a Reader, its children and every span it yields borrow the
// input; the bytes must outlive them. Readers are cheap to copy.
//
// Cost: a read is one comparison and a load per octet; nothing allocates.

#ifndef SNMPDISSECT_CODEC_AGENTX_READER_H_
#define SNMPDISSECT_CODEC_AGENTX_READER_H_

#include <cstddef>
#include <cstdint>

#include "absl/base/attributes.h"
#include "absl/types/span.h"
#include "codec/agentx/error.h"

namespace snmpdissect::agentx {

using Bytes = absl::Span<const uint8_t>;

// RFC 2741 6.1: NETWORK_BYTE_ORDER set means big-endian for every
// multi-octet integer of the PDU, header included; clear, little-endian.
enum class ByteOrder : uint8_t { kLittleEndian, kBigEndian };

// Reads a 16/32/64-bit integer at p (which must hold that many octets).
uint16_t Load16(const uint8_t* p, ByteOrder order);
uint32_t Load32(const uint8_t* p, ByteOrder order);
uint64_t Load64(const uint8_t* p, ByteOrder order);

class Reader {
 public:
  Reader() = default;
  // `base_offset` is the absolute offset of input[0], so that offsets and
  // errors of child readers refer to the outermost input.
  Reader(Bytes input, ByteOrder order, size_t base_offset = 0)
      : input_(input), base_offset_(base_offset), order_(order) {}

  // Fixed-width integers in the reader's byte order. A short input gives
  // `code` (kTruncated unless said otherwise) at the field's offset.
  [[nodiscard]] Error U8(uint8_t* out, ErrorCode code = ErrorCode::kTruncated);
  [[nodiscard]] Error U16(uint16_t* out, ErrorCode code = ErrorCode::kTruncated);
  [[nodiscard]] Error U32(uint32_t* out, ErrorCode code = ErrorCode::kTruncated);
  [[nodiscard]] Error U64(uint64_t* out, ErrorCode code = ErrorCode::kTruncated);

  // The next `size` octets, borrowed.
  [[nodiscard]] Error Octets(size_t size, Bytes* out,
                            ErrorCode code = ErrorCode::kTruncated);

  // A reader over the next `size` octets, in the same byte order; this
  // reader moves past them.
  [[nodiscard]] Error Child(size_t size, Reader* child,
                            ErrorCode code = ErrorCode::kTruncated);

  bool AtEnd() const { return position_ == input_.size(); }
  size_t remaining() const { return input_.size() - position_; }
  // Absolute offset of the next unread octet.
  size_t offset() const { return base_offset_ + position_; }
  ByteOrder order() const { return order_; }

 private:
  // The single bounds check: `size` octets at position_, if inside the
  // input; advances past them.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool Take(size_t size, const uint8_t** out) {
    if (size > input_.size() - position_) return false;
    *out = input_.data() + position_;
    position_ += size;
    return true;
  }
  Error Fail(ErrorCode code) const { return Error{code, offset()}; }

  Bytes input_;
  size_t position_ = 0;
  size_t base_offset_ = 0;
  ByteOrder order_ = ByteOrder::kLittleEndian;
};

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_READER_H_
