#include "tools/snmpdissect/hex_mode.h"

#include <cerrno>
#include <cstring>

#include "tools/snmpdissect/hex_input.h"
#include "tools/snmpdissect/line_reader.h"
#include "tools/snmpdissect/options.h"

namespace snmpdissect::cli {

bool HexMode::DissectAndPrint() {
  tree_.Clear();
  // A bare message: frame offsets are message offsets.
  const proto::SnmpDissection d =
      dissector_.Dissect(snmp::Bytes(bytes_.data(), bytes_.size()), {},
                         &tree_, tree::Tree::kRoot);
  printer_.Print(tree_, out_);
  return d.malformed();
}

int HexMode::Finish(int status) {
  if (std::fflush(out_) != 0 || std::ferror(out_)) {
    std::fprintf(err_, "snmpdissect: writing the output failed: %s\n", std::strerror(errno));
    return kExitUsage;
  }
  return status;
}

int HexMode::RunArgument(std::string_view hex) {
  if (!ParseHex(hex, &bytes_, &error_)) {
    std::fprintf(err_, "snmpdissect: --hex: invalid hex (%s)\n", error_.c_str());
    return kExitUsage;
  }
  return Finish(DissectAndPrint() ? kExitMalformed : kExitOk);
}

int HexMode::RunStream(std::FILE* in) {
  LineReader reader(in, kMaxHexLineLength);
  bool bad_input = false;
  bool malformed = false;
  size_t messages = 0;
  std::string_view line;
  for (;;) {
    const LineReader::Result result = reader.Next(&line);
    if (result == LineReader::Result::kEnd) break;
    if (result == LineReader::Result::kError) {
      std::fprintf(err_, "snmpdissect: reading standard input failed: %s\n",
                   std::strerror(errno));
      bad_input = true;
      break;
    }
    if (result == LineReader::Result::kTooLong) {
      std::fprintf(err_, "snmpdissect: stdin line %zu: longer than %zu characters, skipped\n",
                   reader.line_number(), kMaxHexLineLength);
      bad_input = true;
      continue;
    }
    const std::string_view text = StripComment(line);
    if (text.empty()) continue;
    if (!ParseHex(text, &bytes_, &error_)) {
      std::fprintf(err_, "snmpdissect: stdin line %zu: invalid hex (%s)\n",
                   reader.line_number(), error_.c_str());
      bad_input = true;
      continue;
    }
    ++messages;
    if (messages > 1) std::fputc('\n', out_);
    std::fprintf(out_, "Message %zu (%zu byte%s)\n", messages, bytes_.size(),
                 bytes_.size() == 1 ? "" : "s");
    malformed |= DissectAndPrint();
  }
  return Finish(bad_input ? kExitUsage : malformed ? kExitMalformed : kExitOk);
}

}  // namespace snmpdissect::cli
