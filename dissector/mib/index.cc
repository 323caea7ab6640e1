#include "dissector/mib/index.h"

#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "dissector/mib/display.h"

namespace snmpdissect::mib {
namespace {

bool IsString(BaseType base) {
  return base == BaseType::kOctets || base == BaseType::kBits || base == BaseType::kOpaque;
}

// The InetAddressType of the part before `i`, when it is one; else 0.
uint32_t InetTypeBefore(const Table& table, const DecodedIndex* parts, size_t i) {
  if (i == 0 || parts[i - 1].object == kNoObject || parts[i - 1].arcs.size() != 1) return 0;
  return table.object(parts[i - 1].object).tc == "InetAddressType" ? parts[i - 1].arcs[0] : 0;
}

bool Printable(std::string_view octets) {
  for (const char c : octets) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

}  // namespace

size_t DecodeIndex(const Table& table, uint32_t entry, absl::Span<const uint32_t> suffix,
                   DecodedIndex* parts, bool* complete) {
  const absl::Span<const IndexPart> index = table.index(table.object(entry));
  size_t at = 0;
  size_t n = 0;
  bool ok = true;
  for (const IndexPart& part : index) {
    if (n == kMaxIndexParts || part.object == kNoObject) {
      ok = false;
      break;
    }
    const Object& o = table.object(part.object);
    size_t begin = at;
    size_t length = 0;
    const size_t left = suffix.size() - at;
    if (part.implied && (IsString(o.base) || o.base == BaseType::kOid)) {
      length = left;
    } else if (o.base == BaseType::kIpAddress) {
      length = 4;
    } else if (IsString(o.base) && o.fixed_size != 0) {
      length = o.fixed_size;
    } else if (IsString(o.base) || o.base == BaseType::kOid) {
      if (left == 0) {
        ok = false;
        break;
      }
      length = suffix[at];
      begin = at + 1;
    } else {
      length = 1;  // INTEGER and the unsigned types
    }
    if (begin > suffix.size() || length > suffix.size() - begin) {
      ok = false;
      break;
    }
    if (IsString(o.base) || o.base == BaseType::kIpAddress) {
      for (size_t k = begin; k < begin + length; ++k) {
        if (suffix[k] > 255) ok = false;
      }
      if (!ok) break;
    }
    parts[n++] = DecodedIndex{part.object, suffix.subspan(begin, length)};
    at = begin + length;
  }
  if (complete != nullptr) *complete = ok && at == suffix.size() && n == index.size();
  return n;
}

void AppendIndexPart(const Table& table, const DecodedIndex* parts, size_t count, size_t i,
                     std::string* out) {
  if (i >= count) return;
  const DecodedIndex& part = parts[i];
  const Object& o = table.object(part.object);
  out->append(o.name);
  out->append(" = ");
  if (o.base == BaseType::kOid) {
    for (size_t k = 0; k < part.arcs.size(); ++k) {
      if (k != 0) out->push_back('.');
      absl::StrAppend(out, part.arcs[k]);
    }
    return;
  }
  if (o.base == BaseType::kIpAddress) {
    absl::StrAppend(out, part.arcs[0], ".", part.arcs[1], ".", part.arcs[2], ".", part.arcs[3]);
    return;
  }
  if (!IsString(o.base)) {
    const int64_t value = part.arcs[0];
    if (!AppendIntegerDisplay(table, o, value, out)) absl::StrAppend(out, value);
    return;
  }
  char octets_buffer[128];  // string arcs are octets (checked by DecodeIndex)
  const size_t size = std::min(part.arcs.size(), sizeof(octets_buffer));
  for (size_t k = 0; k < size; ++k) octets_buffer[k] = static_cast<char>(part.arcs[k]);
  const std::string_view octets(octets_buffer, size);
  if (o.tc == "InetAddress" && AppendInetAddress(InetTypeBefore(table, parts, i), octets, out)) {
    return;
  }
  if (AppendOctetsDisplay(table, o, octets, out)) return;
  if (Printable(octets)) {
    out->append(octets);
    return;
  }
  for (size_t k = 0; k < size; ++k) {
    if (k != 0) out->push_back(':');
    absl::StrAppendFormat(out, "%02x", static_cast<uint8_t>(octets[k]));
  }
}

}  // namespace snmpdissect::mib
