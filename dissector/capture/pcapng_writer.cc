#include "dissector/capture/pcapng_writer.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "absl/strings/str_cat.h"

namespace snmpdissect::capture {
namespace {

// Block types and option codes, draft-ietf-opsawg-pcapng sections 4.1-4.3
// and 3.5: the byte-order magic is written in host order, which tells the
// reader the order of every other field.
constexpr uint32_t kSectionHeaderBlock = 0x0A0D0D0A;
constexpr uint32_t kByteOrderMagic = 0x1A2B3C4D;
constexpr uint32_t kInterfaceDescriptionBlock = 0x00000001;
constexpr uint32_t kEnhancedPacketBlock = 0x00000006;
constexpr uint16_t kOptEndOfOpt = 0;
constexpr uint16_t kShbUserAppl = 4;
constexpr uint16_t kIfTsresol = 9;

size_t Padded(size_t n) { return (n + 3) & ~size_t{3}; }

class PcapngWriter final : public Writer {
 public:
  PcapngWriter(std::string name, std::FILE* file, bool owned, bool nanoseconds)
      : name_(std::move(name)), file_(file), owned_(owned), nanoseconds_(nanoseconds) {}
  ~PcapngWriter() override { (void)Close(); }

  void WriteHeader(const WriterOptions& o) {
    // Section Header Block: magic, version 1.0, section length unknown (-1).
    block_.clear();
    Put32(kByteOrderMagic);
    Put16(1);
    Put16(0);
    Put64(~uint64_t{0});
    if (!o.application.empty()) PutOption(kShbUserAppl, o.application);
    PutEndOfOptions();
    EmitBlock(kSectionHeaderBlock);
    // Interface Description Block: link type, reserved, snaplen; if_tsresol
    // 9 (10^-9 s) when timestamps carry nanoseconds, else the default 6.
    block_.clear();
    Put16(static_cast<uint16_t>(o.link_type));
    Put16(0);
    Put32(static_cast<uint32_t>(o.snaplen));
    if (nanoseconds_) PutOption(kIfTsresol, std::string_view("\x09", 1));
    PutEndOfOptions();
    EmitBlock(kInterfaceDescriptionBlock);
  }

  void Write(const Packet& packet) override {
    // Enhanced Packet Block: interface 0, 64-bit timestamp in if_tsresol
    // units (high word first), captured and original lengths, the data
    // padded to 32 bits. The buffer keeps its capacity: no allocation per
    // packet once it has held the largest.
    const uint64_t units = nanoseconds_ ? static_cast<uint64_t>(packet.timestamp_ns)
                                        : static_cast<uint64_t>(packet.timestamp_ns / 1000);
    block_.clear();
    Put32(0);
    Put32(static_cast<uint32_t>(units >> 32));
    Put32(static_cast<uint32_t>(units));
    Put32(static_cast<uint32_t>(packet.data.size()));
    Put32(packet.original_length);
    block_.append(reinterpret_cast<const char*>(packet.data.data()), packet.data.size());
    block_.append(Padded(packet.data.size()) - packet.data.size(), '\0');
    EmitBlock(kEnhancedPacketBlock);
  }

  absl::Status Close() override {
    if (file_ == nullptr) return status_;
    if (std::fflush(file_) != 0 || std::ferror(file_)) Fail();
    if (owned_ && std::fclose(file_) != 0) Fail();
    file_ = nullptr;
    return status_;
  }

 private:
  template <typename T>
  void PutRaw(T value) {
    block_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void Put16(uint16_t v) { PutRaw(v); }
  void Put32(uint32_t v) { PutRaw(v); }
  void Put64(uint64_t v) { PutRaw(v); }
  void PutOption(uint16_t code, std::string_view value) {
    Put16(code);
    Put16(static_cast<uint16_t>(value.size()));
    block_.append(value);
    block_.append(Padded(value.size()) - value.size(), '\0');
  }
  void PutEndOfOptions() {
    Put16(kOptEndOfOpt);
    Put16(0);
  }

  // Type, total length, body, total length again (section 3.1).
  void EmitBlock(uint32_t type) {
    const uint32_t total = static_cast<uint32_t>(block_.size() + 12);
    if (std::fwrite(&type, 4, 1, file_) != 1 || std::fwrite(&total, 4, 1, file_) != 1 ||
        std::fwrite(block_.data(), 1, block_.size(), file_) != block_.size() ||
        std::fwrite(&total, 4, 1, file_) != 1) {
      Fail();
    }
  }

  void Fail() {
    if (status_.ok()) status_ = absl::UnavailableError(absl::StrCat(name_, ": ", std::strerror(errno)));
  }

  std::string name_;
  std::FILE* file_;
  bool owned_;
  bool nanoseconds_;
  std::string block_;
  absl::Status status_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Writer>> OpenPcapng(const std::string& path,
                                                   const WriterOptions& options) {
  const bool to_stdout = path == "-";
  std::FILE* file = to_stdout ? stdout : std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", std::strerror(errno)));
  }
  auto writer = std::make_unique<PcapngWriter>(to_stdout ? "standard output" : path, file,
                                               !to_stdout, options.nanoseconds);
  writer->WriteHeader(options);
  return std::unique_ptr<Writer>(std::move(writer));
}

}  // namespace snmpdissect::capture
