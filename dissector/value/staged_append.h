// StagedAppend: collects the short pieces an escaper produces (a run of
// plain text, "\x1b", "\u202e") in a stack buffer and appends them to the
// output string in one call per 256 octets. Escaping binary octet by octet
// otherwise costs two string appends per octet.
//
//   {
//     StagedAppend staged(out);   // nothing else may write to *out ...
//     staged.Put("\\t");
//     staged.PutHex("\\x", 0x1b, 2);
//   }                             // ... until it is destroyed (flushes)

#ifndef SNMPDISSECT_DISSECTOR_VALUE_STAGED_APPEND_H_
#define SNMPDISSECT_DISSECTOR_VALUE_STAGED_APPEND_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "dissector/value/hex_digits.h"

namespace snmpdissect::value {

class StagedAppend {
 public:
  explicit StagedAppend(std::string* out) : out_(out) {}
  ~StagedAppend() { Flush(); }
  StagedAppend(const StagedAppend&) = delete;
  StagedAppend& operator=(const StagedAppend&) = delete;

  void Put(char c) {
    if (used_ == kCapacity) Flush();
    buffer_[used_++] = c;
  }

  void Put(std::string_view text) {
    if (text.size() > kCapacity - used_) {
      Flush();
      if (text.size() > kCapacity) {  // long runs go straight through
        out_->append(text);
        return;
      }
    }
    std::memcpy(buffer_ + used_, text.data(), text.size());
    used_ += text.size();
  }

  // `prefix` then the low `digits` (1 to 8) hex digits of `value`.
  void PutHex(std::string_view prefix, uint32_t value, int digits) {
    if (digits < 1) digits = 1;
    if (digits > 8) digits = 8;
    Put(prefix);
    if (static_cast<size_t>(digits) > kCapacity - used_) Flush();
    for (int i = digits - 1; i >= 0; --i) {
      buffer_[used_ + static_cast<size_t>(i)] = kHexDigits[value & 0xf];
      value >>= 4;
    }
    used_ += static_cast<size_t>(digits);
  }

  void Flush() {
    out_->append(buffer_, used_);
    used_ = 0;
  }

 private:
  static constexpr size_t kCapacity = 256;
  std::string* out_;
  char buffer_[kCapacity];
  size_t used_ = 0;
};

}  // namespace snmpdissect::value

#endif  // SNMPDISSECT_DISSECTOR_VALUE_STAGED_APPEND_H_
