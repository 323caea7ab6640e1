// BER identifier octets as a value (X.690 8.1.2) and the tags SNMP uses
// (RFC 3416 section 3, RFC 2578 section 7.1.1 application types).

#ifndef SNMPDISSECT_CODEC_BER_TAG_H_
#define SNMPDISSECT_CODEC_BER_TAG_H_

#include <cstdint>

namespace snmpdissect::ber {

enum class TagClass : uint8_t {
  kUniversal = 0,
  kApplication = 1,
  kContextSpecific = 2,
  kPrivate = 3,
};

// Tag numbers above this are rejected: no SNMP type comes near, and it keeps
// the high-tag-number form to at most 3 subsequent octets (X.690 8.1.2.4).
inline constexpr uint32_t kMaxTagNumber = (1u << 21) - 1;

struct Tag {
  TagClass tag_class = TagClass::kUniversal;
  bool constructed = false;
  uint32_t number = 0;
};

// The three parts of a tag as one integer: equal tags, equal keys. Lets a
// comparison be one test and a dispatch on the tag a switch (the decoder
// compares tags for every element).
constexpr uint64_t TagKey(Tag tag) {
  return uint64_t{tag.number} << 16 | uint64_t{static_cast<uint8_t>(tag.tag_class)} << 8 |
         uint64_t{tag.constructed};
}

constexpr bool operator==(const Tag& a, const Tag& b) { return TagKey(a) == TagKey(b); }

constexpr Tag Universal(uint32_t n, bool constructed = false) {
  return {TagClass::kUniversal, constructed, n};
}
constexpr Tag Application(uint32_t n) { return {TagClass::kApplication, false, n}; }
constexpr Tag ContextPrimitive(uint32_t n) {
  return {TagClass::kContextSpecific, false, n};
}
constexpr Tag ContextConstructed(uint32_t n) {
  return {TagClass::kContextSpecific, true, n};
}

// Universal types (X.680 8.4).
inline constexpr Tag kInteger = Universal(2);
inline constexpr Tag kOctetString = Universal(4);
inline constexpr Tag kNull = Universal(5);
inline constexpr Tag kObjectIdentifier = Universal(6);
inline constexpr Tag kSequence = Universal(16, /*constructed=*/true);

// SMIv2 application types (RFC 2578 section 7.1.1, RFC 3416 section 3) and
// RFC 1442's UInteger32, which SMIv2 dropped but agents still send.
inline constexpr Tag kIpAddress = Application(0);
inline constexpr Tag kCounter32 = Application(1);
inline constexpr Tag kGauge32 = Application(2);  // also Unsigned32
inline constexpr Tag kTimeTicks = Application(3);
inline constexpr Tag kOpaque = Application(4);
inline constexpr Tag kNsapAddress = Application(5);
inline constexpr Tag kCounter64 = Application(6);
inline constexpr Tag kUInteger32 = Application(7);

// Varbind exceptions (RFC 3416 section 3): [0]..[2] IMPLICIT NULL.
inline constexpr Tag kNoSuchObject = ContextPrimitive(0);
inline constexpr Tag kNoSuchInstance = ContextPrimitive(1);
inline constexpr Tag kEndOfMibView = ContextPrimitive(2);

}  // namespace snmpdissect::ber

#endif  // SNMPDISSECT_CODEC_BER_TAG_H_
