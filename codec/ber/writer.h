// A DER writer (X.690 section 10): minimal tags, minimal definite lengths,
// minimal integers. Appends to a caller-owned buffer, so a buffer reused
// across messages stops allocating once it has grown to the largest.
//
//   std::string out;
//   ber::Writer w(&out);
//   size_t message = w.Begin(ber::kSequence);
//   w.WriteInteger(ber::kInteger, 1);
//   w.WritePrimitive(ber::kOctetString, community);
//   w.End(message);

#ifndef SNMPDISSECT_CODEC_BER_WRITER_H_
#define SNMPDISSECT_CODEC_BER_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "codec/ber/oid.h"
#include "codec/ber/reader.h"
#include "codec/ber/tag.h"

namespace snmpdissect::ber {

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}

  void WritePrimitive(Tag tag, Bytes content);
  void WriteInteger(Tag tag, int64_t value);
  // Unsigned types (Counter32, Counter64, ...): a zero octet is prepended
  // when the top bit is set, so 2^63 and above take 9 octets.
  void WriteUnsigned(Tag tag, uint64_t value);
  void WriteNull(Tag tag) { WritePrimitive(tag, {}); }
  void WriteOid(Tag tag, const OidView& oid) { WritePrimitive(tag, oid.content); }

  // Opens a constructed element (or an OCTET STRING whose content is BER,
  // like msgSecurityParameters); returns the mark to pass to End().
  [[nodiscard]] size_t Begin(Tag tag);
  // Closes it, writing its length now that the content is known.
  void End(size_t mark);

 private:
  std::string* out_;
};

// View of a std::string buffer as bytes.
inline Bytes AsBytes(const std::string& s) {
  return Bytes(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_WRITER_H_
