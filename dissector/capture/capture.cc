#include "dissector/capture/capture.h"

#include <pcap/pcap.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "dissector/time_arithmetic.h"

namespace snmpdissect::capture {
namespace {

// libpcap error buffers are NUL-terminated C strings; a message may end in a
// newline (some platforms' strerror texts), which would break our one-line
// rule.
std::string OneLine(const char* text) {
  std::string line = text != nullptr ? text : "";
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

}  // namespace

const char* LinkTypeName(int link_type) {
  const char* name = pcap_datalink_val_to_name(link_type);
  return name != nullptr ? name : "unknown";
}

Capture::Capture(pcap* handle, std::string name, bool live, std::FILE* file,
                 const Options& options)
    : handle_(handle),
      name_(std::move(name)),
      live_(live),
      file_(file),
      max_packets_(options.max_packets),
      timeout_ms_(options.timeout_ms),
      link_type_(pcap_datalink(handle)) {
  // pcap_get_tstamp_precision says what the fractional part of a timestamp
  // counts: we ask for nanoseconds, but a live device may refuse.
  fraction_scale_ = pcap_get_tstamp_precision(handle) == PCAP_TSTAMP_PRECISION_NANO ? 1 : 1000;
}

int64_t Capture::bytes_read() const {
  return file_ != nullptr ? static_cast<int64_t>(std::ftell(file_)) : -1;
}

Capture::~Capture() {
  if (program_ != nullptr) pcap_freecode(program_.get());
  pcap_close(handle_);  // also closes file_
}

absl::Status Capture::ApplyFilter(const std::string& filter) {
  if (filter.empty()) return absl::OkStatus();
  bpf_u_int32 netmask = PCAP_NETMASK_UNKNOWN;
  if (live_) {
    // The netmask only matters for "ip broadcast"; failing to find it (an
    // interface without IPv4) is not an error.
    bpf_u_int32 net = 0;
    char error[PCAP_ERRBUF_SIZE] = {0};
    if (pcap_lookupnet(name_.c_str(), &net, &netmask, error) != 0) {
      netmask = PCAP_NETMASK_UNKNOWN;
    }
  }
  auto program = std::make_unique<bpf_program>();
  if (pcap_compile(handle_, program.get(), filter.c_str(), /*optimize=*/1, netmask) != 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        name_, ": bad filter \"", filter, "\": ", OneLine(pcap_geterr(handle_))));
  }
  if (live_) {
    // In the kernel where possible: packets the filter rejects never reach
    // us.
    const int rc = pcap_setfilter(handle_, program.get());
    pcap_freecode(program.get());
    if (rc != 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          name_, ": cannot apply filter \"", filter, "\": ", OneLine(pcap_geterr(handle_))));
    }
    return absl::OkStatus();
  }
  program_ = std::move(program);
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Capture>> Capture::OpenStream(std::FILE* file,
                                                             std::string name,
                                                             const Options& options) {
  // The precision the file stores, for printing times as tshark does (6 or 9
  // decimals): a pcap file's magic says (pcap-savefile(5)); pcapng's default
  // if_tsresol is microseconds. Peeked only where the stream can seek back.
  int decimals = 6;
  if (const long start = std::ftell(file); start >= 0) {
    uint8_t magic[4] = {0, 0, 0, 0};
    const size_t got = std::fread(magic, 1, sizeof(magic), file);
    if (std::fseek(file, start, SEEK_SET) != 0) {
      std::fclose(file);
      return absl::InvalidArgumentError(absl::StrCat(name, ": cannot rewind"));
    }
    const uint32_t be = uint32_t{magic[0]} << 24 | uint32_t{magic[1]} << 16 |
                        uint32_t{magic[2]} << 8 | magic[3];
    if (got == sizeof(magic) && (be == 0xa1b23c4d || be == 0x4d3cb2a1)) decimals = 9;
  }
  char error[PCAP_ERRBUF_SIZE] = {0};
  // Nanosecond precision whatever the file stores: libpcap scales
  // microsecond files up, so timestamps are uniform.
  pcap* handle =
      pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, error);
  if (handle == nullptr) {
    std::fclose(file);  // on failure libpcap leaves the stream to us
    const std::string why = OneLine(error);
    if (absl::StrContains(why, "unknown file format")) {
      return absl::InvalidArgumentError(
          absl::StrCat(name, ": not a pcap or pcapng capture (", why, ")"));
    }
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": cannot read capture header: ", why));
  }
  std::unique_ptr<Capture> capture(
      new Capture(handle, std::move(name), /*live=*/false, file, options));
  capture->timestamp_decimals_ = decimals;
  if (absl::Status s = capture->ApplyFilter(options.filter); !s.ok()) return s;
  return capture;
}

absl::StatusOr<std::unique_ptr<Capture>> Capture::OpenFile(const std::string& path,
                                                           const Options& options) {
  std::FILE* file = nullptr;
  if (path == "-") {
    // A duplicate of standard input, so that closing the capture does not
    // close descriptor 0 behind the caller's back.
    const int fd = dup(STDIN_FILENO);
    if (fd < 0 || (file = fdopen(fd, "rb")) == nullptr) {
      const int saved = errno;
      if (fd >= 0) close(fd);
      return absl::InvalidArgumentError(
          absl::StrCat("-: cannot read standard input: ", std::strerror(saved)));
    }
  } else {
    struct stat info;
    if (stat(path.c_str(), &info) != 0) {
      const int saved = errno;
      if (saved == ENOENT) {
        return absl::NotFoundError(absl::StrCat(path, ": No such file or directory"));
      }
      return absl::InvalidArgumentError(absl::StrCat(path, ": ", std::strerror(saved)));
    }
    if (S_ISDIR(info.st_mode)) {
      return absl::InvalidArgumentError(absl::StrCat(path, ": is a directory"));
    }
    file = std::fopen(path.c_str(), "rb");
    if (file == nullptr) {
      const int saved = errno;
      if (saved == EACCES) {
        return absl::PermissionDeniedError(absl::StrCat(path, ": Permission denied"));
      }
      return absl::InvalidArgumentError(absl::StrCat(path, ": ", std::strerror(saved)));
    }
  }
  return OpenStream(file, path, options);
}

absl::StatusOr<std::unique_ptr<Capture>> Capture::OpenBuffer(absl::Span<const uint8_t> bytes,
                                                             std::string name,
                                                             const Options& options) {
  if (bytes.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": not a pcap or pcapng capture (empty)"));
  }
  // fmemopen wants a non-const buffer even for reading; "rb" never writes.
  std::FILE* file = fmemopen(const_cast<uint8_t*>(bytes.data()), bytes.size(), "rb");
  if (file == nullptr) {
    return absl::InternalError(absl::StrCat(name, ": fmemopen: ", std::strerror(errno)));
  }
  return OpenStream(file, std::move(name), options);
}

absl::StatusOr<std::unique_ptr<Capture>> Capture::OpenLive(const std::string& interface,
                                                           const Options& options) {
  char error[PCAP_ERRBUF_SIZE] = {0};
  pcap* handle = pcap_create(interface.c_str(), error);
  if (handle == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(interface, ": ", OneLine(error)));
  }
  // Immediate mode: each packet is delivered as it arrives rather than when
  // a kernel buffer fills, so a live view keeps up with slow SNMP traffic.
  pcap_set_snaplen(handle, options.snaplen);
  pcap_set_promisc(handle, options.promiscuous ? 1 : 0);
  pcap_set_timeout(handle, options.timeout_ms);
  pcap_set_immediate_mode(handle, 1);
  const int64_t buffer =
      options.buffer_bytes > 0 ? options.buffer_bytes : kDefaultBufferBytes;
  pcap_set_buffer_size(handle, static_cast<int>(std::min<int64_t>(buffer, INT32_MAX)));
  pcap_set_tstamp_precision(handle, PCAP_TSTAMP_PRECISION_NANO);  // if it can
  const int rc = pcap_activate(handle);
  if (rc < 0) {
    // pcap_geterr holds the details for PCAP_ERROR and some others; the
    // status text names the kind (no such device, permission denied, ...).
    std::string detail = OneLine(pcap_geterr(handle));
    std::string message = absl::StrCat(interface, ": ", pcap_statustostr(rc));
    if (!detail.empty()) absl::StrAppend(&message, " (", detail, ")");
    pcap_close(handle);
    if (rc == PCAP_ERROR_PERM_DENIED || rc == PCAP_ERROR_PROMISC_PERM_DENIED) {
      return absl::PermissionDeniedError(message);
    }
    if (rc == PCAP_ERROR_NO_SUCH_DEVICE) return absl::NotFoundError(message);
    return absl::InvalidArgumentError(message);
  }
  // Warnings (rc > 0, e.g. promiscuous mode unsupported) do not stop a
  // capture. Immediate mode makes libpcap ignore the read timeout on Linux,
  // so reads are non-blocking and Next() waits in poll(2) for at most
  // timeout_ms: a Stop() request is noticed promptly.
  if (pcap_get_selectable_fd(handle) >= 0 && pcap_setnonblock(handle, 1, error) != 0) {
    std::string message = absl::StrCat(interface, ": ", OneLine(error));
    pcap_close(handle);
    return absl::InternalError(message);
  }
  std::unique_ptr<Capture> capture(
      new Capture(handle, interface, /*live=*/true, /*file=*/nullptr, options));
  if (absl::Status s = capture->ApplyFilter(options.filter); !s.ok()) return s;
  return capture;
}

absl::StatusOr<LiveStats> Capture::Stats() const {
  if (!live_) return absl::FailedPreconditionError(absl::StrCat(name_, ": not a live capture"));
  struct pcap_stat counts {};
  if (pcap_stats(handle_, &counts) != 0) {
    return absl::UnavailableError(
        absl::StrCat(name_, ": no capture statistics (", OneLine(pcap_geterr(handle_)), ")"));
  }
  return LiveStats{counts.ps_recv, counts.ps_drop, counts.ps_ifdrop};
}

void Capture::Stop() {
  stop_.store(true, std::memory_order_relaxed);
  // Wakes a live read blocked in the kernel; a no-op flag for files.
  pcap_breakloop(handle_);
}

absl::Status Capture::RequireLinkType(absl::FunctionRef<bool(int)> supported) const {
  if (supported(link_type_)) return absl::OkStatus();
  return absl::UnimplementedError(absl::StrCat(name_, ": unsupported link type ", link_type_,
                                               " (", LinkTypeName(link_type_), ")"));
}

ReadResult Capture::Next(Packet* packet) {
  if (done_) return final_;
  auto finish = [this](ReadResult result) {
    done_ = true;
    final_ = result;
    return result;
  };
  for (;;) {
    if (stop_.load(std::memory_order_relaxed)) return finish(ReadResult::kEnd);
    if (max_packets_ != 0 && packets_ >= max_packets_) return finish(ReadResult::kEnd);
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(handle_, &header, &data);
    if (rc == 0) {  // live: nothing yet
      const int fd = pcap_get_selectable_fd(handle_);
      if (fd < 0) return ReadResult::kTimeout;
      pollfd wait = {.fd = fd, .events = POLLIN, .revents = 0};
      if (poll(&wait, 1, timeout_ms_) > 0) continue;
      return ReadResult::kTimeout;
    }
    if (rc == PCAP_ERROR_BREAK) return finish(ReadResult::kEnd);  // end of file, Stop()
    if (rc != 1) {
      const std::string why = OneLine(pcap_geterr(handle_));
      if (live_) {
        status_ = absl::UnavailableError(absl::StrCat(name_, ": capture failed: ", why));
      } else {
        // Where it broke: after the last good record, at the stream position
        // libpcap reached (unknown for pipes).
        std::string where = absl::StrCat("after packet ", records_);
        const long offset = file_ != nullptr ? std::ftell(file_) : -1;
        if (offset >= 0) absl::StrAppend(&where, " (byte offset ", offset, ")");
        status_ = absl::DataLossError(
            absl::StrCat(name_, ": truncated or corrupt ", where, ": ", why));
      }
      return finish(ReadResult::kError);
    }
    ++records_;
    if (!live_ && program_ != nullptr &&
        pcap_offline_filter(program_.get(), header, data) == 0) {
      continue;
    }
    ++packets_;
    packet->link_type = link_type_;
    // Saturating: a pcapng timestamp can hold seconds past year 2262.
    packet->timestamp_ns =
        time::SaturatingNs(static_cast<int64_t>(header->ts.tv_sec),
                           static_cast<int64_t>(header->ts.tv_usec) * fraction_scale_);
    packet->captured_length = header->caplen;
    packet->original_length = header->len;
    packet->number = live_ ? packets_ : records_;
    packet->data = absl::Span<const uint8_t>(data, header->caplen);
    return ReadResult::kPacket;
  }
}

}  // namespace snmpdissect::capture
