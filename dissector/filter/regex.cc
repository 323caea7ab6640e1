#define PCRE2_CODE_UNIT_WIDTH 8
#include "dissector/filter/regex.h"

#include <pcre2.h>

namespace snmpdissect::filter {

struct Regex::State {
  pcre2_code* code = nullptr;
  pcre2_match_data* data = nullptr;
  pcre2_match_context* context = nullptr;
};

std::unique_ptr<Regex> Regex::Compile(std::string_view pattern, std::string* error) {
  pcre2_compile_context* cc = pcre2_compile_context_create(nullptr);
  if (cc == nullptr) {
    *error = "out of memory";
    return nullptr;
  }
  pcre2_set_parens_nest_limit(cc, kRegexNestLimit);
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* compiled =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                    PCRE2_CASELESS | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &code, &offset, cc);
  pcre2_compile_context_free(cc);
  if (compiled == nullptr) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(code, buffer, sizeof buffer);
    *error = std::string("Regex compilation error: ") + reinterpret_cast<const char*>(buffer) + ".";
    return nullptr;
  }
  std::unique_ptr<Regex> regex(new Regex());
  regex->state_ = new State();
  regex->state_->code = compiled;
  regex->state_->data = pcre2_match_data_create_from_pattern(compiled, nullptr);
  regex->state_->context = pcre2_match_context_create(nullptr);
  if (regex->state_->data == nullptr || regex->state_->context == nullptr) {
    *error = "out of memory";
    return nullptr;
  }
  pcre2_set_match_limit(regex->state_->context, kRegexMatchLimit);
  pcre2_set_depth_limit(regex->state_->context, kRegexDepthLimit);
  pcre2_set_heap_limit(regex->state_->context, kRegexHeapLimitKiB);
  return regex;
}

Regex::~Regex() {
  if (state_ == nullptr) return;
  pcre2_match_context_free(state_->context);
  pcre2_match_data_free(state_->data);
  pcre2_code_free(state_->code);
  delete state_;
}

bool Regex::Matches(std::string_view subject) const {
  // A view of no bytes may have a null data(): PCRE2 wants a valid pointer.
  static constexpr char kEmpty[1] = {0};
  const char* data = subject.empty() ? kEmpty : subject.data();
  const int rc = pcre2_match(state_->code, reinterpret_cast<PCRE2_SPTR>(data), subject.size(), 0,
                             0, state_->data, state_->context);
  return rc >= 0;
}

}  // namespace snmpdissect::filter
