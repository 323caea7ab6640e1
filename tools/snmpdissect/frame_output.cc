#include "tools/snmpdissect/frame_output.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "dissector/print/hex_dump.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::cli {

using Format = Options::Format;

absl::StatusOr<std::unique_ptr<FrameOutput>> FrameOutput::Create(const Options& options,
                                                                 int time_decimals,
                                                                 std::FILE* out) {
  std::unique_ptr<FrameOutput> output(new FrameOutput(options, out));
  switch (options.format) {
    case Format::kSummary:
      output->summary_.emplace(print::SummaryOptions{.time_decimals = time_decimals});
      break;
    case Format::kTree: {
      print::TextTreeOptions tree_options;
      for (const std::string& name : options.expand_only) {
        // -O names protocols, as tshark's does: "snmp", "udp", "ip".
        const tree::FieldInfo* field = tree::FindField(name);
        if (field == nullptr || field->type != tree::FieldType::kProtocol) {
          return absl::InvalidArgumentError(
              absl::StrCat("-O: unknown protocol '", name, "'"));
        }
        tree_options.expand_only.push_back(field->id);
      }
      output->tree_.emplace(tree_options);
      break;
    }
    case Format::kJson:
      output->json_.emplace(print::JsonStyle::kArray);
      break;
    case Format::kNdjson:
      output->json_.emplace(print::JsonStyle::kNdjson);
      break;
    case Format::kEk:
      output->ek_.emplace();
      break;
    case Format::kFields: {
      print::FieldsOptions fields_options;
      fields_options.fields = options.fields;
      for (const std::string& setting : options.field_settings) {
        if (absl::Status s = print::ParseFieldsOption(setting, &fields_options); !s.ok()) {
          return s;  // its message names -E and the setting
        }
      }
      absl::StatusOr<print::FieldsPrinter> printer =
          print::FieldsPrinter::Create(std::move(fields_options));
      if (!printer.ok()) {
        return absl::InvalidArgumentError(absl::StrCat("-e: ", printer.status().message()));
      }
      output->fields_.emplace(*std::move(printer));
      break;
    }
  }
  return output;
}

void FrameOutput::Begin() {
  if (json_.has_value()) json_->Begin(&buffer_);
  if (fields_.has_value()) fields_->AppendHeader(&buffer_);
}

void FrameOutput::Frame(const tree::Tree& tree, absl::Span<const uint8_t> frame) {
  if (summary_.has_value()) {
    summary_->Append(tree, &buffer_);
  } else if (tree_.has_value()) {
    tree_->Print(tree, &buffer_);
  } else if (json_.has_value()) {
    json_->AppendFrame(tree, &buffer_);
  } else if (fields_.has_value()) {
    fields_->AppendFrame(tree, &buffer_);
  } else if (ek_.has_value()) {
    ek_->AppendFrame(tree, &buffer_);
  }
  if (options_.hex_dump) {
    // tshark -x: the dump (with its closing blank line) after the frame's
    // text.
    print::AppendHexDump(tree, frame, &buffer_);
  } else if (tree_.has_value()) {
    buffer_.push_back('\n');  // tshark -V separates frames by a blank line
  }
  if (buffer_.size() >= kFlushAt) Flush();
}

bool FrameOutput::Flush() {
  if (!buffer_.empty() && !write_failed_) {
    write_failed_ = std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size();
  }
  buffer_.clear();
  if (!write_failed_ && std::fflush(out_) != 0) write_failed_ = true;
  return !write_failed_;
}

bool FrameOutput::End() {
  if (json_.has_value()) json_->End(&buffer_);
  return Flush() && !std::ferror(out_);
}

}  // namespace snmpdissect::cli
