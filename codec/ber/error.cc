#include "codec/ber/error.h"

#include "absl/strings/str_cat.h"

namespace snmpdissect::ber {

const char* ErrorText(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kTruncatedHeader: return "truncated identifier or length octets";
    case ErrorCode::kTagTooLarge: return "tag number too large";
    case ErrorCode::kTagPadding: return "tag number padded with 0x80";
    case ErrorCode::kIndefiniteLength: return "indefinite length (forbidden in SNMP)";
    case ErrorCode::kReservedLength: return "reserved length octet 0xff";
    case ErrorCode::kLengthTooLong: return "more than 4 length octets";
    case ErrorCode::kLengthExceedsInput: return "length exceeds input";
    case ErrorCode::kNotDer: return "non-minimal encoding in strict DER mode";
    case ErrorCode::kTooDeep: return "nesting too deep";
    case ErrorCode::kUnexpectedTag: return "unexpected tag";
    case ErrorCode::kMissingElement: return "missing element";
    case ErrorCode::kTrailingData: return "trailing data";
    case ErrorCode::kUnsupportedValue: return "unsupported value";
    case ErrorCode::kEmptyInteger: return "empty integer";
    case ErrorCode::kIntegerOverflow: return "integer overflow";
    case ErrorCode::kNegativeUnsigned: return "negative value for an unsigned type";
    case ErrorCode::kOidEmpty: return "empty object identifier";
    case ErrorCode::kOidPadding: return "object identifier arc padded with 0x80";
    case ErrorCode::kOidTruncatedArc: return "truncated object identifier arc";
    case ErrorCode::kOidArcOverflow: return "object identifier arc above 2^32-1";
    case ErrorCode::kOidTooManyArcs: return "object identifier with more than 128 arcs";
  }
  return "unknown error";
}

absl::Status ToStatus(Error error) {
  if (error.ok()) return absl::OkStatus();
  std::string message;
  AppendErrorText(error, &message);
  return absl::InvalidArgumentError(message);
}

void AppendErrorText(Error error, std::string* out) {
  if (error.ok()) {
    out->append(ErrorText(error.code));
    return;
  }
  absl::StrAppend(out, "offset ", error.offset, ": ", ErrorText(error.code));
}

}  // namespace snmpdissect::ber
