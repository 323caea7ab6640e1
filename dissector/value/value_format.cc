#include "dissector/value/value_format.h"

#include <arpa/inet.h>

#include <charconv>
#include <ctime>

#include "dissector/value/hex_digits.h"

namespace snmpdissect::value {
namespace {

template <typename T>
void AppendChars(T value, std::string* out) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out->append(buffer, result.ptr);
}

// Appends `value` as exactly `width` decimal digits (zero padded).
void AppendZeroPadded(uint64_t value, int width, std::string* out) {
  char buffer[24];
  for (int i = width - 1; i >= 0; --i) {
    buffer[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out->append(buffer, static_cast<size_t>(width));
}

}  // namespace

void AppendDecimal(uint64_t value, std::string* out) { AppendChars(value, out); }
void AppendDecimal(int64_t value, std::string* out) { AppendChars(value, out); }

void AppendHexPadded(uint64_t value, int digits, std::string* out) {
  char buffer[2 + 16];
  int n = 16;
  do {
    buffer[2 + --n] = kHexDigits[value & 0xf];
    value >>= 4;
  } while (value != 0 && n > 0);
  while (n > 0 && 16 - n < digits) buffer[2 + --n] = '0';
  buffer[n] = '0';
  buffer[n + 1] = 'x';
  out->append(buffer + n, static_cast<size_t>(2 + 16 - n));
}

void AppendHexBytes(std::string_view bytes, std::string* out) {
  // Through a stack buffer in chunks: one append per 64 octets.
  char buffer[128];
  while (!bytes.empty()) {
    const size_t chunk = bytes.size() < 64 ? bytes.size() : 64;
    for (size_t i = 0; i < chunk; ++i) {
      WriteHexByte(static_cast<uint8_t>(bytes[i]), buffer + 2 * i);
    }
    out->append(buffer, 2 * chunk);
    bytes.remove_prefix(chunk);
  }
}

void AppendIpv4(uint32_t a, std::string* out) {
  AppendDecimal(uint64_t{a >> 24}, out);
  out->push_back('.');
  AppendDecimal(uint64_t{(a >> 16) & 0xff}, out);
  out->push_back('.');
  AppendDecimal(uint64_t{(a >> 8) & 0xff}, out);
  out->push_back('.');
  AppendDecimal(uint64_t{a & 0xff}, out);
}

void AppendIpv6(std::string_view octets, std::string* out) {
  char buffer[INET6_ADDRSTRLEN];
  if (octets.size() == 16 && inet_ntop(AF_INET6, octets.data(), buffer, sizeof(buffer))) {
    out->append(buffer);
  } else {
    AppendHexBytes(octets, out);
  }
}

void AppendEther(std::string_view octets, std::string* out) {
  for (size_t i = 0; i < octets.size(); ++i) {
    char buffer[3] = {':'};
    WriteHexByte(static_cast<uint8_t>(octets[i]), buffer + 1);
    out->append(i == 0 ? buffer + 1 : buffer, i == 0 ? 2 : 3);
  }
}

void AppendAbsoluteTime(int64_t unix_ns, std::string* out) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int64_t seconds = unix_ns / 1'000'000'000;
  int64_t fraction = unix_ns % 1'000'000'000;
  if (fraction < 0) {
    fraction += 1'000'000'000;
    --seconds;
  }
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm;
  if (gmtime_r(&t, &tm) == nullptr || tm.tm_mon < 0 || tm.tm_mon > 11) {
    out->append("(out of range) ");
    AppendDecimal(unix_ns, out);
    return;
  }
  out->append(kMonths[tm.tm_mon]);
  out->push_back(' ');
  if (tm.tm_mday < 10) out->push_back(' ');
  AppendDecimal(int64_t{tm.tm_mday}, out);
  out->append(", ");
  AppendDecimal(int64_t{tm.tm_year} + 1900, out);
  out->push_back(' ');
  AppendZeroPadded(static_cast<uint64_t>(tm.tm_hour), 2, out);
  out->push_back(':');
  AppendZeroPadded(static_cast<uint64_t>(tm.tm_min), 2, out);
  out->push_back(':');
  AppendZeroPadded(static_cast<uint64_t>(tm.tm_sec), 2, out);
  out->push_back('.');
  AppendZeroPadded(static_cast<uint64_t>(fraction), 9, out);
  out->append(" UTC");
}

void AppendRelativeTime(int64_t ns, int decimals, std::string* out) {
  if (decimals < 0) decimals = 0;
  if (decimals > 9) decimals = 9;
  const uint64_t magnitude =
      ns < 0 ? 0 - static_cast<uint64_t>(ns) : static_cast<uint64_t>(ns);
  if (ns < 0) out->push_back('-');
  AppendDecimal(magnitude / 1'000'000'000, out);
  if (decimals == 0) return;
  out->push_back('.');
  uint64_t fraction = magnitude % 1'000'000'000;
  for (int i = decimals; i < 9; ++i) fraction /= 10;  // truncate, as Wireshark
  AppendZeroPadded(fraction, decimals, out);
}

void AppendDouble(double value, bool single, std::string* out) {
  char buffer[64];
  const auto result =
      single ? std::to_chars(buffer, buffer + sizeof(buffer), static_cast<float>(value))
             : std::to_chars(buffer, buffer + sizeof(buffer), value);
  out->append(buffer, result.ptr);
}

int HexDigits(const tree::FieldInfo& field) {
  // Wireshark 4.0 counts the digits of the field's FT_UINTn type even for
  // bit fields (ip.flags "0x02"); the row says where that is not the default.
  if (field.hex_digits != 0) return field.hex_digits;
  if (field.bitmask != 0 && field.bit_width > 0) return (field.bit_width + 7) / 8 * 2;
  return 4;  // the rest are FT_UINT16: EtherTypes, checksums, ip.id
}

}  // namespace snmpdissect::value
