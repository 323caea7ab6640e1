#include "codec/ber/error.h"

#include <string>

#include "gtest/gtest.h"

namespace snmpdissect::ber {
namespace {

TEST(ErrorTest, AppendErrorTextIsToStatusMessageForEveryCode) {
  for (int c = static_cast<int>(ErrorCode::kTruncatedHeader);
       c <= static_cast<int>(ErrorCode::kOidTooManyArcs); ++c) {
    const Error error{static_cast<ErrorCode>(c), 4294967296u + c};
    std::string text = "kept: ";
    AppendErrorText(error, &text);
    const absl::Status status = ToStatus(error);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_EQ(text, "kept: " + std::string(status.message())) << c;
    EXPECT_EQ(text, "kept: offset " + std::to_string(4294967296u + c) + ": " +
                        ErrorText(error.code));
    EXPECT_NE(std::string(ErrorText(error.code)), "unknown error") << c;
  }
}

TEST(ErrorTest, OkIsAnOkStatusAndTheWordOk) {
  EXPECT_TRUE(ToStatus(kOk).ok());
  std::string text;
  AppendErrorText(kOk, &text);
  EXPECT_EQ(text, "ok");
}

}  // namespace
}  // namespace snmpdissect::ber
