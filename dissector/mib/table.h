// The MIB table: OID names, textual conventions and INDEX clauses, copied
// out of MIB modules once at start-up and read by the SNMP dissector for
// every varbind.
//
//   mib::Table table;
//   absl::Status s = mib::ParseTable(text, "core", &table);   // table_parser.h
//   table.Finish();                                           // resolve INDEX refs
//   uint32_t arcs[] = {1, 3, 6, 1, 2, 1, 2, 2, 1, 8, 1};
//   mib::Match m = table.Lookup(arcs);
//   // m.object -> ifOperStatus (IF-MIB, column, int, up=1, ...); m.matched 10
//
// Cost model: the OID tree is a trie of nodes keyed by (parent, arc) in
// one flat hash map, so a lookup costs one hash probe per arc of the OID
// (at most 128, RFC 2578 section 3.5) and allocates nothing: the longest
// prefix that names an object wins, except that nothing below a scalar or
// column object counts (those arcs are its instance). Building allocates; lookups are const
// and may run on several threads.
//
// Ownership: every string_view an Object holds points into text the Table
// owns (AddSource copies it), so objects live as long as the table. Rows
// added later replace earlier ones for the same OID (user MIBs on top of
// the core table).

#ifndef SNMPDISSECT_DISSECTOR_MIB_TABLE_H_
#define SNMPDISSECT_DISSECTOR_MIB_TABLE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

namespace snmpdissect::mib {

// What an OID names (the macro that defined it).
enum class Kind : uint8_t { kNode, kScalar, kTable, kEntry, kColumn, kNotification };

// The SMI base type of an object's SYNTAX (RFC 2578 section 7.1; Gauge32
// and Unsigned32 share their encoding, section 7.1.11).
enum class BaseType : uint8_t {
  kNone, kInteger, kOctets, kOid, kBits, kIpAddress, kCounter32, kGauge32,
  kTimeTicks, kOpaque, kCounter64,
};

inline constexpr uint32_t kNoObject = UINT32_MAX;

// A named number of an INTEGER, or a named bit of BITS (its position).
struct NamedNumber {
  int64_t value = 0;
  std::string_view name;
};

// One INDEX object of a table entry (RFC 2578 section 7.7).
struct IndexPart {
  uint32_t object = kNoObject;  // set by Finish(); kNoObject if not in the table
  bool implied = false;
};

struct Object {
  std::string_view name;
  std::string_view module;
  std::string_view tc;    // textual convention (RFC 2579), or empty
  std::string_view hint;  // DISPLAY-HINT (RFC 2579 section 3.1), or empty
  Kind kind = Kind::kNode;
  BaseType base = BaseType::kNone;
  uint32_t fixed_size = 0;  // SIZE (n) of an OCTET STRING; 0 when not fixed
  uint32_t node = 0;        // its trie node
  uint32_t first_enum = 0, enum_count = 0;
  uint32_t first_index = 0, index_count = 0;
};

// The longest named prefix of an OID.
struct Match {
  uint32_t object = kNoObject;
  uint32_t matched = 0;  // arcs of the OID the object's OID covers
};

// The trie nodes of the last OID a Lookup walked through it. The varbinds of
// a message, and the messages of a walk, mostly share all but their last
// few arcs, so with a cursor a lookup probes only the arcs after the shared
// prefix instead of every arc. Valid for one table that has not changed
// since: Reset() it when the table changes. Fixed size, allocates nothing.
class LookupCursor {
 public:
  void Reset() { depth_ = 0; }

 private:
  friend class Table;
  static constexpr size_t kCapacity = 128;  // RFC 2578 section 3.5's arc limit
  uint32_t arcs_[kCapacity];
  uint32_t nodes_[kCapacity];
  size_t depth_ = 0;  // arcs_[0, depth_) lead to nodes_[0, depth_)
};

class Table {
 public:
  Table();

  // Keeps `text` for the life of the table and returns a view of the copy
  // (the parser's rows point into it).
  std::string_view AddSource(std::string text);
  // Static text (the compiled-in core table) is not copied.
  std::string_view AddStaticSource(std::string_view text) { return text; }

  // Adds or replaces the object at `arcs`; returns its id. The views must
  // point into a source of this table (or static storage).
  uint32_t Add(absl::Span<const uint32_t> arcs, const Object& object,
               absl::Span<const NamedNumber> enums,
               absl::Span<const std::string_view> index_oids,
               absl::Span<const uint8_t> implied);  // 1: IMPLIED

  // Resolves every entry's INDEX OIDs to objects. Call after the last Add.
  void Finish();

  [[nodiscard]] Match Lookup(absl::Span<const uint32_t> arcs) const;
  // The same answer, probing only the arcs after the prefix `arcs` shares
  // with the OID `cursor` last walked (see LookupCursor).
  [[nodiscard]] Match Lookup(absl::Span<const uint32_t> arcs, LookupCursor* cursor) const;
  // The object whose OID is exactly `arcs`, or kNoObject.
  [[nodiscard]] uint32_t Exact(absl::Span<const uint32_t> arcs) const;

  const Object& object(uint32_t id) const { return objects_[id]; }
  size_t size() const { return objects_.size(); }
  absl::Span<const NamedNumber> enums(const Object& o) const {
    return absl::MakeConstSpan(enums_).subspan(o.first_enum, o.enum_count);
  }
  absl::Span<const IndexPart> index(const Object& o) const {
    return absl::MakeConstSpan(index_).subspan(o.first_index, o.index_count);
  }
  // The entry (row) a column belongs to: its parent, when that is an entry.
  uint32_t EntryOf(uint32_t column) const;
  // The OID depth of an object (its arc count).
  uint32_t Depth(uint32_t id) const { return nodes_[objects_[id].node].depth; }
  // Writes the object's arcs (at most `capacity`) and returns its depth.
  size_t Arcs(uint32_t id, uint32_t* arcs, size_t capacity) const;

  // Named number of `value` in `o`'s enumeration, or nullptr.
  const NamedNumber* FindEnum(const Object& o, int64_t value) const;

 private:
  struct Node {
    uint32_t parent = 0;
    uint32_t arc = 0;
    uint32_t depth = 0;
    uint32_t object = kNoObject;
  };
  static uint64_t Key(uint32_t parent, uint32_t arc) {
    return (uint64_t{parent} << 32) | arc;
  }
  uint32_t Child(uint32_t parent, uint32_t arc) const;

  std::vector<std::unique_ptr<std::string>> sources_;
  std::vector<Node> nodes_;  // nodes_[0] is the root (no arcs)
  absl::flat_hash_map<uint64_t, uint32_t> children_;
  std::vector<Object> objects_;
  std::vector<NamedNumber> enums_;
  std::vector<IndexPart> index_;
  std::vector<std::string_view> index_text_;  // parallel to index_ until Finish
};

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_TABLE_H_
