#include "codec/ber/reader.h"

namespace snmpdissect::ber {

Error Reader::Peek(Element* out) const {
  // Fills *out as it goes: no element-sized temporary to clear and copy.
  size_t i = 0;
  uint8_t octet = 0;
  if (!ByteAt(i++, &octet)) return Fail(ErrorCode::kTruncatedHeader, 0);

  // Identifier octets (X.690 8.1.2).
  Element& element = *out;
  element.tag.tag_class = static_cast<TagClass>(octet >> 6);
  element.tag.constructed = (octet & 0x20) != 0;
  element.tag.number = octet & 0x1f;
  element.non_minimal_tag = false;
  if (element.tag.number == 0x1f) {
    // High-tag-number form (8.1.2.4): base-128 digits, continuation bit set
    // on all but the last; the first may not be 0x80 (8.1.2.4.2 c).
    uint32_t number = 0;
    for (;;) {
      if (!ByteAt(i, &octet)) return Fail(ErrorCode::kTruncatedHeader, i);
      if (number == 0 && octet == 0x80) return Fail(ErrorCode::kTagPadding, i);
      number = (number << 7) | (octet & 0x7f);
      if (number > kMaxTagNumber) return Fail(ErrorCode::kTagTooLarge, i);
      ++i;
      if ((octet & 0x80) == 0) break;
    }
    element.tag.number = number;
    // Numbers below 31 belong in the low form (8.1.2.2).
    element.non_minimal_tag = number < 0x1f;
  }

  // Length octets (X.690 8.1.3).
  if (!ByteAt(i, &octet)) return Fail(ErrorCode::kTruncatedHeader, i);
  const size_t length_octet_at = i++;
  uint64_t length = octet;
  element.non_minimal_length = false;
  if (octet & 0x80) {  // the long form; the short one costs this one test
    if (octet == 0x80) return Fail(ErrorCode::kIndefiniteLength, length_octet_at);
    if (octet == 0xff) return Fail(ErrorCode::kReservedLength, length_octet_at);
    const int count = octet & 0x7f;
    if (count > 4) return Fail(ErrorCode::kLengthTooLong, length_octet_at);
    length = 0;
    for (int k = 0; k < count; ++k) {
      if (!ByteAt(i++, &octet)) return Fail(ErrorCode::kTruncatedHeader, i - 1);
      // A leading zero octet means fewer octets would have done (10.1).
      if (k == 0 && octet == 0) element.non_minimal_length = true;
      length = (length << 8) | octet;
    }
    if (length < 0x80) element.non_minimal_length = true;
  }
  if (element.non_minimal() && mode_ == Mode::kStrictDer) {
    return Fail(ErrorCode::kNotDer, 0);
  }
  // `i` is at most 1 + 3 + 1 + 4 bytes, all inside the input.
  if (length > input_.size() - position_ - i) {
    return Fail(ErrorCode::kLengthExceedsInput, length_octet_at);
  }

  element.location.offset = offset();
  element.location.header_length = static_cast<uint32_t>(i);
  element.location.content_length = static_cast<uint32_t>(length);
  // Checked just above: the content lies inside the input.
  element.content = Bytes(input_.data() + position_ + i, static_cast<size_t>(length));
  return kOk;
}

// Next and Read peek straight into *out (unspecified on error).
Error Reader::Next(Element* out) {
  if (Error e = Peek(out); !e.ok()) return e;
  position_ += out->location.total_length();
  return kOk;
}

Error Reader::Read(Tag expected, Element* out) {
  if (AtEnd()) return Fail(ErrorCode::kMissingElement, 0);
  if (Error e = Peek(out); !e.ok()) return e;
  if (!(out->tag == expected)) return Fail(ErrorCode::kUnexpectedTag, 0);
  position_ += out->location.total_length();
  return kOk;
}

Error Reader::Enter(const Element& element, Reader* child) const {
  if (depth_ + 1 > kMaxDepth) {
    return Error{ErrorCode::kTooDeep, element.location.offset};
  }
  Reader nested(element.content, mode_, element.location.content_offset());
  nested.depth_ = depth_ + 1;
  *child = nested;
  return kOk;
}

Error Reader::ExpectEnd() const {
  if (AtEnd()) return kOk;
  return Fail(ErrorCode::kTrailingData, 0);
}

}  // namespace snmpdissect::ber
