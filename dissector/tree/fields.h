// The field table: every field a dissection tree can hold, declared once as
// data (like Wireshark's hf_ registration arrays). A node names its field by
// FieldId; printers look up the abbreviation, display name, type and value
// names here. Nothing else invents field names.
//
// Abbreviations follow Wireshark's (checked against `tshark -G fields` by
// fields_test when tshark is installed), so display filters, -e field lists
// and habits carry over. Where Wireshark has no field for something we show
// (net-snmp Opaque floats, ...), the entry says so with in_wireshark = false.
//
//   const FieldInfo& f = GetField(proto::Snmp::hf[proto::Snmp::kMsgId]);
//   f.abbrev  // "snmp.msgID"
//   f.name    // "msgID"
//
// The table knows no protocol: each protocol declares its rows in its own
// files under dissector/proto/ and the registry there assembles them
// (field_table.h). To add a field to a protocol: add its enumerator to the
// protocol's Field enum and its row, in the same position, to its rows.

#ifndef SNMPDISSECT_DISSECTOR_TREE_FIELDS_H_
#define SNMPDISSECT_DISSECTOR_TREE_FIELDS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/types/span.h"

namespace snmpdissect::tree {

// What kind of value a field holds (Wireshark's FT_* types, narrowed to what
// we use). A node's value kind is its field's type, except that any field may
// fall back to kBytes to show raw content that did not decode (an invalid
// OID, an IpAddress of 3 octets).
enum class FieldType : uint8_t {
  kNone,          // no value: a label, a structure
  kProtocol,      // a protocol layer's top node
  kUint,          // uint64_t
  kInt,           // int64_t
  kBool,          // bool, usually one bit of a flags octet (see bitmask)
  kDouble,        // double
  kBytes,         // raw octets, printed as hex (or text, see Display)
  kString,        // raw octets meant as text; printers escape them
  kOid,           // dotted decimal text, "1.3.6.1.2.1.1.1.0"
  kIpv4,          // uint32_t in host order
  kIpv6,          // 16 octets
  kEther,         // 6 octets
  kAbsoluteTime,  // int64_t nanoseconds since the Unix epoch, UTC
  kRelativeTime,  // int64_t nanoseconds: a duration, or since some origin
};

// How a printer renders the value, beyond its type.
enum class Display : uint8_t {
  kDefault,
  kHex,                 // integers as 0x...
  kItemCount,           // integers as "1 item" / "3 items"
  kTextIfPrintable,     // bytes as "quoted text" when they are printable UTF-8
  kSinglePrecision,     // doubles that came from a 32-bit float
  kSummaryOfChildren,   // kNone: label "<child 1 value>: <child 2 value>"
                        // (Wireshark's VarBind line)
  kFrameNumber,         // kUint naming a frame (Wireshark's FT_FRAMENUM:
                        // the epan plugin registers it so, and Wireshark
                        // links it to the frame); printed as decimal
  kOidName,             // kString child of a kOid node: the OID's name from a
                        // MIB, shown in place of the built-in one
                        // ("1.3.6.1.2.1.1.1.0 (SNMPv2-MIB::sysDescr.0)")
  kValueText,           // kString child of a value: the value as its MIB
                        // definition reads ("up(1)"), shown in the VarBind line
  kOctetCount,          // kUint counting octets: "74 bytes (592 bits)" in
                        // the tree (packet-frame.c's frame.len); decimal in
                        // -T fields
};

// A name for the integer values min..max (Wireshark's range_string).
struct ValueName {
  int64_t min;
  int64_t max;
  const char* name;
};

class Tree;  // tree.h

// A protocol's top line (Wireshark's proto_tree_add_protocol_format text,
// "User Datagram Protocol, Src Port: 53602, Dst Port: 161"), built by the
// protocol itself from the node it added (its own children): appends the
// line for node `node` to *out and returns true, or returns false having
// appended nothing when the protocol shows its name only. Printers call it
// only when they print that line (-V, -T fields, JSON), so a summary run
// pays nothing for it, as Wireshark builds it only when a tree is wanted.
using SummaryBuilder = bool (*)(const Tree& tree, uint32_t node, std::string* out);

struct TrueFalse {
  const char* true_text;
  const char* false_text;
};

// A field's id: its row in the one field table (GetField). Ids are not
// declared here: the proto registry assigns each protocol a contiguous block
// when it registers the protocol's rows (dissector/proto/protocols.cc), and
// the protocol reads its ids through its FieldBlock. Only the root's is fixed.
enum class FieldId : uint16_t {};
inline constexpr FieldId kRootField{0};  // the invisible root every tree starts with

// One row of a protocol's field table, declared as constexpr data by the
// protocol (dissector/proto/<protocol>_fields.cc) and copied into the one
// table at registration.
struct FieldInfo {
  // The row's index within its protocol's rows (the protocol's Field enum);
  // the registry checks that it matches the row's position.
  uint16_t local = 0;
  const char* abbrev;  // "snmp.msgID"; empty for kRoot only
  const char* name;    // "msgID": what printers show before the value
  FieldType type;
  Display display = Display::kDefault;
  // Integer fields: names for values (printed "name (value)").
  absl::Span<const ValueName> value_names = {};
  // Printed for an integer with no name in value_names; nullptr prints the
  // bare number (open-ended sets such as enterprise numbers).
  const char* unknown_name = nullptr;
  // kBool fields.
  TrueFalse true_false = {"True", "False"};
  // kBool / integer fields that are bits of an octet: the mask within a
  // value of bit_width bits; printers draw ".... .1.. = " like Wireshark.
  uint64_t bitmask = 0;
  uint8_t bit_width = 0;
  // False for fields Wireshark does not have (our extensions).
  bool in_wireshark = true;
  // One line saying what the field holds, citing its RFC clause where one
  // defines it (Wireshark's blurb: `tshark -G fields`, the plugin's hf
  // registration). Required: the table's start-up check refuses a row
  // without one.
  const char* description = nullptr;
  // kHex integers: the digits printed (Wireshark's FT_UINTn width, which it
  // keeps even for bit fields of a wider octet); 0: two per octet of
  // bit_width for bit fields, else 4 (FT_UINT16).
  uint8_t hex_digits = 0;
  // kBytes fields whose node is a data source (tree.h Range): the title
  // Wireshark gives that source (add_new_data_source: "Reassembled TCP").
  const char* data_source = nullptr;
  // Protocol rows: the Protocol column's text ("SNMP"); nullptr for
  // protocols that never name a frame, and for every other row.
  const char* short_name = nullptr;
  // kUint / kInt fields: the width Wireshark declares the field with
  // (FT_UINT8 .. FT_UINT64: 8, 16, 24, 32 or 64), for the glossary's type
  // column (tshark -G fields); 0: the bit field's width, else the hex
  // digits', else 32. Values are held in 64 bits whatever it says.
  uint8_t width = 0;
  // Protocol rows: the builder of the protocol's top line (SummaryBuilder);
  // nullptr: the line is the protocol's name.
  SummaryBuilder summary = nullptr;

  // Set by the table at registration: the row's id, and its protocol's (the
  // protocol row's own id for a protocol row).
  FieldId id{};
  FieldId parent{};
};

// A protocol's field ids (Wireshark's hf_ ints, as one base per protocol):
// its rows' local indexes plus the base the table gave the protocol. A
// constinit object owned by the protocol, written once at registration,
// before any packet; reading it costs a load and an add.
//
//   tree->AddUint(node, Udp::hf[Udp::kSrcport], range, port);
class FieldBlock {
 public:
  constexpr FieldBlock() = default;
  FieldId operator[](uint16_t local) const {
    return static_cast<FieldId>(base_ + local);
  }
  uint16_t base() const { return base_; }

 private:
  friend class FieldTableBuilder;
  uint16_t base_ = 0;
};

namespace internal {
// The installed table (field_table.h); before installation, the root's row
// only.
extern const FieldInfo* field_rows;
extern size_t field_count;
}  // namespace internal

// The row for `id`, O(1): an index into the one table. `id` must come from
// a registered protocol's FieldBlock (or be kRootField).
inline const FieldInfo& GetField(FieldId id) {
  return internal::field_rows[static_cast<uint16_t>(id)];
}

// The number of rows (ids run from 0 to FieldCount() - 1).
inline size_t FieldCount() { return internal::field_count; }

// Every row, in id order: the root, then each protocol's rows in
// registration order.
absl::Span<const FieldInfo> AllFields();

// The field with this abbreviation, or nullptr. A hash lookup (options
// parsing, never per packet).
const FieldInfo* FindField(std::string_view abbrev);

// The name for `value` in `field`'s value_names, or unknown_name (possibly
// nullptr) when none matches.
const char* ValueNameOf(const FieldInfo& field, int64_t value);

}  // namespace snmpdissect::tree

#endif  // SNMPDISSECT_DISSECTOR_TREE_FIELDS_H_
