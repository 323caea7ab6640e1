// Decode errors of the BER codec: a code and the byte offset where it was
// found. Small values, never exceptions; ToStatus() turns one into an
// absl::Status for public APIs ("offset 12: length exceeds input").
//
//   ber::Error e = reader.Next(&element);
//   if (!e.ok()) return ToStatus(e);

#ifndef SNMPDISSECT_CODEC_BER_ERROR_H_
#define SNMPDISSECT_CODEC_BER_ERROR_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"

namespace snmpdissect::ber {

enum class ErrorCode : uint8_t {
  kOk = 0,
  // Identifier and length octets (X.690 8.1.2, 8.1.3).
  kTruncatedHeader,     // identifier or length octets run past the input
  kTagTooLarge,         // high-tag-number form beyond kMaxTagNumber
  kTagPadding,          // high-tag-number form starting with 0x80 (8.1.2.4.2 c)
  kIndefiniteLength,    // 0x80: RFC 3417 section 8 requires definite lengths
  kReservedLength,      // 0xff is reserved (X.690 8.1.3.5 c)
  kLengthTooLong,       // more than 4 length octets
  kLengthExceedsInput,  // content runs past the end of its parent
  kNotDer,              // non-minimal form met in strict DER mode
  kTooDeep,             // nesting deeper than kMaxDepth
  // Structure.
  kUnexpectedTag,       // an element of another type than the syntax requires
  kMissingElement,      // the enclosing element ended where one was required
  kTrailingData,        // bytes after the last element
  kUnsupportedValue,    // a value the decoder cannot go on from (e.g. version)
  // Primitive contents.
  kEmptyInteger,        // INTEGER with no content octets (X.690 8.3.1)
  kIntegerOverflow,     // does not fit the requested width
  kNegativeUnsigned,    // an unsigned type with its sign bit set
  kOidEmpty,            // OBJECT IDENTIFIER with no subidentifier
  kOidPadding,          // subidentifier starting with 0x80 (X.690 8.19.2)
  kOidTruncatedArc,     // last octet has its continuation bit set
  kOidArcOverflow,      // an arc above 2^32-1 (RFC 2578 section 3.5)
  kOidTooManyArcs,      // more than 128 arcs (RFC 2578 section 3.5)
};

// Human-readable description of a code, e.g. "length exceeds input".
const char* ErrorText(ErrorCode code);

struct [[nodiscard]] Error {
  ErrorCode code = ErrorCode::kOk;
  size_t offset = 0;  // absolute byte offset in the outermost input

  bool ok() const { return code == ErrorCode::kOk; }
  friend bool operator==(const Error&, const Error&) = default;
};

inline constexpr Error kOk{};

// "offset N: description" as an InvalidArgument status; OkStatus for kOk.
// The status owns its message, so every error status allocates.
absl::Status ToStatus(Error error);

// Appends ToStatus(error)'s message ("offset N: description"; "ok" for kOk)
// to *out: the same text without the status, for callers that format an
// error per input into a reused string and so allocate nothing once it has
// grown (the snmp_message fuzz target).
void AppendErrorText(Error error, std::string* out);

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_ERROR_H_
