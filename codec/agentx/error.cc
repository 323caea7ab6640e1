#include "codec/agentx/error.h"

#include "absl/strings/str_cat.h"

namespace snmpdissect::agentx {

const char* ErrorText(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kTruncatedHeader: return "truncated AgentX header (20 octets)";
    case ErrorCode::kUnsupportedVersion: return "unsupported AgentX version (not 1)";
    case ErrorCode::kPayloadTooLong: return "payload_length above the limit";
    case ErrorCode::kPayloadTruncated: return "payload_length runs past the input";
    case ErrorCode::kUnknownPduType: return "unknown AgentX PDU type";
    case ErrorCode::kTruncated: return "field runs past the end of the payload";
    case ErrorCode::kOidTooManySubids:
      return "object identifier with more than 128 subidentifiers";
    case ErrorCode::kOctetStringTooLong: return "octet string runs past the end of the payload";
    case ErrorCode::kUnknownValueType: return "unknown VarBind type";
  }
  return "unknown error";
}

absl::Status ToStatus(Error error) {
  if (error.ok()) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat("offset ", error.offset, ": ", ErrorText(error.code)));
}

}  // namespace snmpdissect::agentx
