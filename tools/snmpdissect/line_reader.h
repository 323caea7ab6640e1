// Lines from a FILE*, with a cap on their length so that input without
// newlines cannot make memory grow without bound (DESIGN.md: memory is
// bounded whatever the input). Embedded NULs are kept, not truncated at.
//
//   LineReader reader(stdin, /*max_length=*/1 << 22);
//   std::string_view line;
//   for (;;) {
//     switch (reader.Next(&line)) { ... reader.line_number() ... }
//   }

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_LINE_READER_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_LINE_READER_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace snmpdissect::cli {

class LineReader {
 public:
  enum class Result {
    kLine,     // *line is the next line, without its '\n'
    kTooLong,  // the next line exceeded max_length; it was skipped whole
    kEnd,      // no more input
    kError,    // reading failed (errno says why)
  };

  LineReader(std::FILE* in, size_t max_length);

  // *line stays valid until the next call.
  [[nodiscard]] Result Next(std::string_view* line);

  // The 1-based number of the line Next last returned.
  size_t line_number() const { return line_number_; }

 private:
  std::FILE* in_;
  size_t max_length_;
  std::string chunk_;  // bytes read but not yet returned: [begin_, end_)
  size_t begin_ = 0;
  size_t end_ = 0;
  std::string line_;
  size_t line_number_ = 0;
  bool eof_ = false;
};

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_LINE_READER_H_
