// Decode errors of the AgentX codec (RFC 2741): a code and the absolute byte
// offset where decoding could not go on. Small values, never exceptions, as
// in codec/ber/error.h; ToStatus() makes one an absl::Status for public APIs
// ("offset 24: object identifier with more than 128 subidentifiers").
//
//   agentx::Error e = agentx::DecodePdu(bytes, 0, &pdu);
//   if (!e.ok()) return agentx::ToStatus(e);
//
// An error means the structure could not be followed further (the model
// keeps what was decoded before it); problems that leave the structure
// intact are diagnostics (diagnostic.h) instead.

#ifndef SNMPDISSECT_CODEC_AGENTX_ERROR_H_
#define SNMPDISSECT_CODEC_AGENTX_ERROR_H_

#include <cstddef>
#include <cstdint>

#include "absl/status/status.h"

namespace snmpdissect::agentx {

enum class ErrorCode : uint8_t {
  kOk = 0,
  kTruncatedHeader,     // fewer than the 20 header octets (RFC 2741 6.1)
  kUnsupportedVersion,  // h.version is not 1 (RFC 2741 6.1)
  kPayloadTooLong,      // h.payload_length above kMaxPayloadLength
  kPayloadTruncated,    // h.payload_length runs past the input
  kUnknownPduType,      // h.type outside 1..18 (RFC 2741 6.1)
  kTruncated,           // a field runs past the end of the payload
  kOidTooManySubids,    // n_subid above 128 (RFC 2741 5.1)
  kOctetStringTooLong,  // octet_string_length (+ padding) past the payload
                        // (RFC 2741 5.3)
  kUnknownValueType,    // v.type RFC 2741 5.4 does not define: the length of
                        // its data, and everything after it, is unknown
};

// Human-readable description of a code, e.g. "payload_length runs past the
// input".
const char* ErrorText(ErrorCode code);

struct [[nodiscard]] Error {
  ErrorCode code = ErrorCode::kOk;
  size_t offset = 0;  // absolute byte offset of the field concerned

  bool ok() const { return code == ErrorCode::kOk; }
  friend bool operator==(const Error&, const Error&) = default;
};

inline constexpr Error kOk{};

// "offset N: description" as an InvalidArgument status; OkStatus for kOk.
absl::Status ToStatus(Error error);

}  // namespace snmpdissect::agentx

#endif  // SNMPDISSECT_CODEC_AGENTX_ERROR_H_
