// A bounds-checked BER reader over a borrowed byte span.
//
// Every byte read goes through one check (Reader::ByteAt); a failed read never
// advances the reader; a constructed element yields a child reader that
// cannot see past its parent. Only definite lengths are accepted (RFC 3417
// section 8), with at most 4 length octets. Non-minimal forms that BER allows
// but DER does not decode in lenient mode and are flagged on the element; in
// strict mode they fail with kNotDer.
//
//   ber::Reader reader(packet);
//   ber::Element message;
//   if (auto e = reader.Read(ber::kSequence, &message); !e.ok()) return e;
//   ber::Reader fields;
//   if (auto e = reader.Enter(message, &fields); !e.ok()) return e;
//
// Lifetimes: a Reader, and every Element and child Reader it yields, borrow
// the input span; the bytes must outlive them. Readers are cheap to copy.

#ifndef SNMPDISSECT_CODEC_BER_READER_H_
#define SNMPDISSECT_CODEC_BER_READER_H_

#include <cstddef>
#include <cstdint>

#include "absl/base/attributes.h"
#include "absl/types/span.h"
#include "codec/ber/error.h"
#include "codec/ber/tag.h"

namespace snmpdissect::ber {

using Bytes = absl::Span<const uint8_t>;

// Deeper nesting fails with kTooDeep. SNMP needs about 8 levels (message,
// security parameters, scoped PDU, PDU, varbind list, varbind, Opaque inner);
// the cap bounds recursion in generic walkers over hostile input.
inline constexpr int kMaxDepth = 32;

// Where an element sits in the outermost input.
struct Location {
  size_t offset = 0;          // first identifier octet
  uint32_t header_length = 0; // identifier + length octets
  uint32_t content_length = 0;

  size_t content_offset() const { return offset + header_length; }
  size_t end() const { return content_offset() + content_length; }
  size_t total_length() const { return header_length + content_length; }
  friend bool operator==(const Location&, const Location&) = default;
};

// One TLV. `content` borrows the reader's input.
struct Element {
  Tag tag;
  Location location;
  Bytes content;
  bool non_minimal_tag = false;     // high-tag form for a number below 31
  bool non_minimal_length = false;  // long form where short would do, or 0 pads

  // Inline even in sanitizer builds: the decoder asks for every element.
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool non_minimal() const {
    return non_minimal_tag | non_minimal_length;
  }
};

enum class Mode : uint8_t {
  kLenientBer,  // accept non-minimal tags and lengths, flag them
  kStrictDer,   // reject them (X.690 10.1)
};

class Reader {
 public:
  Reader() = default;
  // `base_offset` is the absolute offset of input[0], so that locations and
  // errors of nested readers refer to the outermost input.
  explicit Reader(Bytes input, Mode mode = Mode::kLenientBer,
                  size_t base_offset = 0)
      : input_(input), base_offset_(base_offset), mode_(mode) {}

  // Reads the next element. On error, *out is unspecified and the reader has
  // not moved.
  [[nodiscard]] Error Next(Element* out);

  // Next() that also requires the tag; a different tag is kUnexpectedTag and
  // end of input is kMissingElement, both without advancing.
  [[nodiscard]] Error Read(Tag expected, Element* out);

  // Reads the next element without advancing. On error, *out is
  // unspecified.
  [[nodiscard]] Error Peek(Element* out) const;

  // A reader over an element's content, one level deeper: a constructed
  // element, or an OCTET STRING that wraps BER (RFC 3412 msgSecurityParameters).
  [[nodiscard]] Error Enter(const Element& element, Reader* child) const;

  bool AtEnd() const { return position_ == input_.size(); }
  size_t remaining() const { return input_.size() - position_; }
  // Absolute offset of the next unread byte.
  size_t offset() const { return base_offset_ + position_; }
  int depth() const { return depth_; }
  Mode mode() const { return mode_; }

  // kTrailingData at the first unread byte unless the reader is at its end.
  [[nodiscard]] Error ExpectEnd() const;

 private:
  // The single bounds check: the byte at position_ + i, if inside the input.
  // Inline and through data(): it runs for every header octet, and the
  // check here is the one that counts (Span's operator[] would repeat it).
  ABSL_ATTRIBUTE_ALWAYS_INLINE bool ByteAt(size_t i, uint8_t* out) const {
    if (i >= input_.size() - position_) return false;
    *out = input_.data()[position_ + i];
    return true;
  }
  Error Fail(ErrorCode code, size_t relative) const {
    return Error{code, base_offset_ + position_ + relative};
  }

  Bytes input_;
  size_t position_ = 0;
  size_t base_offset_ = 0;
  int depth_ = 0;
  Mode mode_ = Mode::kLenientBer;
};

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_READER_H_
