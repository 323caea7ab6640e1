// The filter's one window onto the field table and the tree (fields.h,
// experts.h, tree.h). Everything else in dissector/filter/ sees fields only
// as FieldRef and values only as Value, so a change to how fields are
// declared or numbered (a registry of per-layer descriptors) is a change to
// this file and field_access.cc alone.
//
//   std::optional<FieldRef> f = LookupField("snmp.name");
//   ForEachOccurrence(tree, *f, [](const Value& v) { ...; return false; });
//
// Besides the table's fields, three names Wireshark's filters know are
// made here from the tree's diagnostics (Wireshark's _ws.expert tree):
//   _ws.expert           present when the frame has any diagnostic
//   _ws.expert.severity  each diagnostic's severity, Wireshark's PI_* value
//                        (comment 0x00100000 .. error 0x00800000), by name too
//   _ws.expert.message   each diagnostic's text (or its expert's summary)
// and every expert abbreviation (snmp.invalid_oid, ...) names a field that is
// present when a diagnostic of that expert is.
//
// Cost: ForEachOccurrence scans the tree's node (or diagnostic) vector once,
// allocating nothing; values are views into the tree, valid until it changes.

#ifndef SNMPDISSECT_DISSECTOR_FILTER_FIELD_ACCESS_H_
#define SNMPDISSECT_DISSECTOR_FILTER_FIELD_ACCESS_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/functional/function_ref.h"

namespace snmpdissect::tree {
class Tree;
}

namespace snmpdissect::filter {

// What a field's values are, as the filter types them.
enum class Kind : uint8_t {
  kNone,      // no value: presence only
  kProtocol,  // a protocol layer: presence only here
  kUint,
  kInt,
  kBool,
  kDouble,
  kBytes,
  kString,
  kOid,        // dotted decimal text
  kIpv4,       // host order
  kIpv6,       // 16 octets
  kEther,      // 6 octets
  kAbsTime,    // ns since the epoch
  kRelTime,    // ns
};

const char* KindName(Kind kind);

struct FieldRef {
  uint32_t id = 0;  // opaque to everything outside field_access.cc
  Kind kind = Kind::kNone;
  std::string_view abbrev;  // static storage
};

// One occurrence's value. scalar: kUint/kBool/kIpv4 as unsigned, kInt and
// times as int64 bits, kDouble as IEEE bits. bytes: kBytes, kString, kOid
// (the dotted text), kIpv6, kEther. A node whose value did not decode (raw
// bytes in a typed field) comes with kind kBytes.
struct Value {
  Kind kind = Kind::kNone;
  uint64_t scalar = 0;
  std::string_view bytes;
};

// The field (or protocol, or _ws.expert name, or expert) called `name`.
std::optional<FieldRef> LookupField(std::string_view name);

// The value named `name` in an integer field's value names (snmp.version ==
// v2c), compared as Wireshark does, ignoring ASCII case.
std::optional<int64_t> LookupValueName(const FieldRef& field, std::string_view name);

// Calls `visit` for each occurrence of `field` in `tree`, in tree order,
// until it returns true. Returns whether some call returned true.
bool ForEachOccurrence(const tree::Tree& tree, const FieldRef& field,
                       absl::FunctionRef<bool(const Value&)> visit);

}  // namespace snmpdissect::filter

#endif  // SNMPDISSECT_DISSECTOR_FILTER_FIELD_ACCESS_H_
