#include "tools/snmpdissect/capture_mode.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "tools/snmpdissect/frame_output.h"
#include "tools/snmpdissect/progress.h"

namespace snmpdissect::cli {
namespace {

// The capture a signal should stop. Capture::Stop is async-signal-safe
// (pcap_breakloop and an atomic flag).
std::atomic<capture::Capture*> g_stoppable{nullptr};

extern "C" void StopOnSignal(int) {
  if (capture::Capture* c = g_stoppable.load()) c->Stop();
}

// While a live capture runs, Ctrl-C and SIGTERM end it cleanly: what
// arrived is printed and the output closed (a JSON array included).
class StopOnSignals {
 public:
  explicit StopOnSignals(capture::Capture* capture) {
    g_stoppable.store(capture);
    struct sigaction action {};
    action.sa_handler = StopOnSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopOnSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    g_stoppable.store(nullptr);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

int64_t FileSize(const std::string& path) {
  struct stat info;
  if (path == "-" || stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return -1;
  return static_cast<int64_t>(info.st_size);
}

}  // namespace

CaptureMode::~CaptureMode() {
  if (stats_file_ != nullptr) std::fclose(stats_file_);
}

int CaptureMode::Fail(const absl::Status& status) const {
  std::fprintf(err_, "snmpdissect: %.*s\n", static_cast<int>(status.message().size()),
               status.message().data());
  return kExitUsage;
}

absl::StatusOr<std::unique_ptr<capture::Capture>> CaptureMode::Open() const {
  capture::Options capture_options;
  capture_options.filter = options_.filter;
  capture_options.max_packets = options_.count;
  capture_options.buffer_bytes = options_.buffer_mib << 20;
  absl::StatusOr<std::unique_ptr<capture::Capture>> in =
      options_.action == Options::Action::kLive
          ? capture::Capture::OpenLive(options_.interface, capture_options)
          : capture::Capture::OpenFile(options_.path, capture_options);
  if (!in.ok()) return in.status();
  const pipeline::FrameDissector& dissector = *dissector_;
  if (absl::Status s = (*in)->RequireLinkType(
          [&](int link_type) { return dissector.registry().HasLinkType(link_type); });
      !s.ok()) {
    return s;
  }
  return in;
}

bool CaptureMode::CompileFilters() {
  struct {
    const std::string& text;
    const char* option;
    std::unique_ptr<filter::DisplayFilter>* out;
  } filters[] = {{options_.read_filter, "-R", &read_filter_},
                 {options_.display_filter, "-Y", &display_filter_}};
  for (auto& f : filters) {
    if (f.text.empty()) continue;
    filter::FilterError error;
    *f.out = filter::DisplayFilter::Compile(f.text, &error);
    if (*f.out == nullptr) {
      const std::string message = filter::FormatError(
          absl::StrCat("snmpdissect: ", f.option, ": "), f.text, error);
      std::fprintf(err_, "%s\n", message.c_str());
      return false;
    }
  }
  if (!options_.statistics.empty()) {
    std::string error;
    statistics_ = Statistics::Create(options_.statistics, &error);
    if (statistics_ == nullptr) {
      std::fprintf(err_, "%s\n", error.c_str());
      return false;
    }
  }
  if (!options_.stats_file.empty()) {
    // Opened now: a file that cannot be written stops the run before any
    // frame is read.
    stats_file_ = std::fopen(options_.stats_file.c_str(), "w");
    if (stats_file_ == nullptr) {
      std::fprintf(err_, "snmpdissect: %s: %s\n", options_.stats_file.c_str(),
                   std::strerror(errno));
      return false;
    }
  }
  return true;
}

bool CaptureMode::PassedFirstPass(uint64_t frame_number) const {
  return read_filter_ == nullptr ||
         (frame_number < first_pass_selected_.size() && first_pass_selected_[frame_number]);
}

bool CaptureMode::Selected(uint64_t frame_number) const {
  if (!PassedFirstPass(frame_number)) return false;
  return display_filter_ == nullptr || display_filter_->Matches(tree_);
}

int CaptureMode::Run() {
  // Filters first: a bad one stops the run before any frame is read.
  if (!CompileFilters()) return kExitUsage;
  pipeline::Options pipeline_options;
  // -2: the first pass records which frame answered each request, for
  // snmp.response_in and the no-response notes of the second.
  pipeline_options.requests.record_answers = options_.two_pass;
  dissector_ = std::make_unique<pipeline::FrameDissector>(pipeline_options);
  if (usm_ != nullptr) dissector_->snmp().set_usm(usm_);
  dissector_->snmp().set_mib(mib_);
  for (const std::string& spec : options_.decode_as) {
    if (absl::Status s = dissector_->registry().AddDecodeAs(spec); !s.ok()) {
      return Fail(absl::InvalidArgumentError(absl::StrCat("-d: ", s.message())));
    }
  }
  absl::StatusOr<std::unique_ptr<capture::Capture>> in = Open();
  if (!in.ok()) return Fail(in.status());
  absl::StatusOr<std::unique_ptr<FrameOutput>> output =
      FrameOutput::Create(options_, (*in)->timestamp_decimals(), out_);
  if (!output.ok()) return Fail(output.status());

  const bool live = options_.action == Options::Action::kLive;
  int status = kExitOk;
  if (options_.two_pass) {
    // Pass one teaches the matcher; its diagnostics reach the user in pass
    // two, from the same bytes.
    tree_.set_columns_wanted(false);  // nothing is printed in pass one
    status = Pass(**in, nullptr, nullptr, live, /*first_pass=*/true);
    if (status == kExitUsage) return status;
    dissector_->StartSecondPass();
    in = Open();
    if (!in.ok()) return Fail(in.status());
  }
  // -w: the frames go to a capture file, and are printed only with -P.
  std::unique_ptr<capture::Writer> writer;
  if (!options_.write_path.empty()) {
    absl::StatusOr<std::unique_ptr<capture::Writer>> opened = capture::Writer::Open(
        options_.write_path,
        {.format = options_.write_format,
         .link_type = (*in)->link_type(),
         .nanoseconds = (*in)->timestamp_decimals() == 9,
         .application = std::string(absl::StripTrailingAsciiWhitespace(VersionText()))});
    if (!opened.ok()) return Fail(opened.status());
    writer = *std::move(opened);
  }
  // -q with -z: the statistics instead of the frames, as tshark -q -z.
  const bool frames_shown = statistics_ == nullptr || !options_.quiet;
  FrameOutput* printing =
      frames_shown && (writer == nullptr || options_.print_while_writing) ? output->get()
                                                                          : nullptr;
  tree_.set_columns_wanted(printing != nullptr && printing->WantsColumns());
  if (printing != nullptr) printing->Begin();
  const int printed = Pass(**in, printing, writer.get(), live, /*first_pass=*/false);
  const bool written = printing == nullptr || printing->End();
  if (live) ReportLiveStats(**in);
  bool stats_written = true;
  if (statistics_ != nullptr) {
    // JSON beside JSON frames (-T json, ndjson, ek), text otherwise; into
    // --stats-file when given.
    std::string text;
    const Options::Format f = options_.format;
    if (f == Options::Format::kJson || f == Options::Format::kNdjson ||
        f == Options::Format::kEk) {
      statistics_->AppendJson(&text);
    } else {
      statistics_->AppendText(&text);
    }
    std::FILE* to = stats_file_ != nullptr ? stats_file_ : out_;
    stats_written = std::fwrite(text.data(), 1, text.size(), to) == text.size() &&
                    std::fflush(to) == 0;
    if (stats_file_ != nullptr) {
      stats_written = std::fclose(stats_file_) == 0 && stats_written;
      stats_file_ = nullptr;
    }
  }
  if (!written || !stats_written) {
    std::fprintf(err_, "snmpdissect: writing the output failed: %s\n", std::strerror(errno));
    return kExitUsage;
  }
  if (writer != nullptr) {
    if (absl::Status s = writer->Close(); !s.ok()) return Fail(s);
  }
  return printed != kExitOk ? printed : status;
}

// Never lose frames silently: tcpdump's closing lines, also with -q (they
// are the capture's outcome, not progress), after the output is flushed.
void CaptureMode::ReportLiveStats(const capture::Capture& in) const {
  const absl::StatusOr<capture::LiveStats> stats = in.Stats();
  if (!stats.ok()) {
    std::fprintf(err_, "snmpdissect: %.*s\n", static_cast<int>(stats.status().message().size()),
                 stats.status().message().data());
    return;
  }
  std::fprintf(err_,
               "%llu packets captured\n%llu packets received by filter\n"
               "%llu packets dropped by kernel\n%llu packets dropped by interface\n",
               static_cast<unsigned long long>(in.packets()),
               static_cast<unsigned long long>(stats->received),
               static_cast<unsigned long long>(stats->dropped_by_kernel),
               static_cast<unsigned long long>(stats->dropped_by_interface));
}

int CaptureMode::Pass(capture::Capture& in, FrameOutput* output, capture::Writer* writer,
                      bool live, bool first_pass) {
  std::optional<StopOnSignals> signals;
  if (live) signals.emplace(&in);
  // Progress only where it cannot mix with the output: stderr a terminal,
  // stdout not the same one (there, the lines themselves show progress).
  Progress progress(err_,
                    output != nullptr && !options_.quiet && !live && isatty(fileno(err_)) &&
                        !isatty(fileno(out_)),
                    FileSize(options_.path));
  bool malformed = false;
  capture::Packet packet;
  for (;;) {
    const capture::ReadResult r = in.Next(&packet);
    if (r == capture::ReadResult::kTimeout) {
      if (output != nullptr) output->Flush();  // show what arrived so far
      continue;
    }
    if (r == capture::ReadResult::kEnd) break;
    if (r == capture::ReadResult::kError) {
      progress.Finish();
      if (!first_pass) {
        // Everything before the damage is printed first, then the line
        // (also when nothing prints frames: -w, -q -z).
        if (output != nullptr) output->Flush();
        std::fprintf(err_, "snmpdissect: %.*s\n", static_cast<int>(in.status().message().size()),
                     in.status().message().data());
      }
      return kExitMalformed;
    }
    const pipeline::FrameInput input{.link_type = packet.link_type,
                                     .timestamp_ns = packet.timestamp_ns,
                                     .original_length = packet.original_length,
                                     .number = packet.number,
                                     .data = packet.data};
    const pipeline::FrameResult& result = dissector_->Dissect(input, &tree_);
    malformed |= result.malformed;
    for (const pipeline::SnmpMessage& m : result.messages) malformed |= m.malformed;
    if (first_pass) {
      // -2 -R: remember the verdict; the second pass dissects every frame
      // again (the matcher keeps what it learnt) but shows only these.
      if (read_filter_ != nullptr) {
        if (first_pass_selected_.size() <= packet.number) {
          first_pass_selected_.resize(packet.number + 1);
        }
        first_pass_selected_[packet.number] = read_filter_->Matches(tree_);
      }
    } else if (statistics_ != nullptr && PassedFirstPass(packet.number)) {
      // Statistics see what tshark's taps see: -Y only chooses what prints.
      statistics_->AddFrame(input, tree_, result);
    }
    if (!first_pass && !Selected(packet.number)) {
      progress.Update(in.packets(), in.bytes_read());
      continue;
    }
    if (output != nullptr) {
      output->Frame(tree_, packet.data);
      if (live) output->Flush();
    }
    if (writer != nullptr) writer->Write(packet);
    progress.Update(in.packets(), in.bytes_read());
  }
  return malformed ? kExitMalformed : kExitOk;
}

}  // namespace snmpdissect::cli
