// libFuzzer target: the MIB table reader (dissector/mib/table_parser.h) on
// text that may come from anyone (the rows a MIB loader writes, the
// compiled-in core table), and everything the dissector then does with the
// table: name lookups, INDEX decoding (RFC 2578 section 7.7) and value
// display by named numbers and DISPLAY-HINTs (RFC 2579 section 3.1).
//
// Input: the table text. The octets of the input double as the packet
// data shown through each object (instance suffixes, integer and octet
// values), so the fuzzer steers both from one input.
//
// Beyond "no crash", it checks (abort otherwise):
// - An error is one line of printable ASCII starting "fuzz:"; the rows
//   before the bad line stay usable.
// - Every object's OID leads back to it: Exact(Arcs(id)) == id, and
//   Lookup of its OID plus any suffix names it, a deeper object, or an
//   object type above it.
// - Index decoding never claims more parts than the entry's INDEX has.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "dissector/mib/display.h"
#include "dissector/mib/index.h"
#include "dissector/mib/table.h"
#include "dissector/mib/table_parser.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace snmpdissect::mib;  // NOLINT: the target exercises this namespace

void Check(bool condition, const char* what) {
  snmpdissect::fuzz::CheckInvariant("mib_table", condition, what);
}

// Objects examined per input: a long table stays a bounded amount of work
// beyond the parse itself.
constexpr uint32_t kMaxObjects = 256;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Table table;
  ParseLimits limits;
  limits.max_rows = 4096;
  const absl::Status status = ParseTable(text, "fuzz", &table, limits);
  if (!status.ok()) {
    const std::string_view message(status.message().data(), status.message().size());
    Check(message.substr(0, 5) == "fuzz:", "error names the origin");
    for (const char c : message) Check(c >= 0x20 && c < 0x7f, "error is printable, one line");
  }
  table.Finish();

  std::string out;
  uint32_t arcs[128 + 16];
  for (uint32_t id = 0; id < table.size() && id < kMaxObjects; ++id) {
    const size_t depth = table.Arcs(id, arcs, 128);
    Check(depth >= 1 && depth <= 128, "depth within RFC 2578's 128 arcs");
    Check(table.Exact(absl::MakeConstSpan(arcs, depth)) == id, "OID leads back to its object");
    // An instance suffix taken from the input.
    size_t n = depth;
    for (size_t i = 0; i < 16 && i < size; ++i) arcs[n++] = data[(id + i) % size];
    const absl::Span<const uint32_t> oid(arcs, n);
    const Match m = table.Lookup(oid);
    Check(m.object != kNoObject && m.matched <= n, "lookup names a prefix");
    // Only an object type above it (whose instances those arcs are) stops
    // the lookup short of the object.
    Check(m.matched >= depth || table.object(m.object).kind == Kind::kScalar ||
              table.object(m.object).kind == Kind::kColumn,
          "lookup finds the object, a deeper one, or an object type above it");
    out.clear();
    AppendOidName(table, oid, m, true, &out);
    const Object& o = table.object(id);
    const uint32_t entry = table.EntryOf(id);
    if (entry != kNoObject) {
      DecodedIndex parts[kMaxIndexParts];
      const size_t count = DecodeIndex(table, entry, oid.subspan(depth), parts);
      Check(count <= table.index(table.object(entry)).size(), "no more parts than INDEX");
      for (size_t i = 0; i < count; ++i) AppendIndexPart(table, parts, count, i, &out);
    }
    int64_t value = 0;
    for (size_t i = 0; i < 8 && i < size; ++i) value = (value << 8) | data[(id + i) % size];
    AppendIntegerDisplay(table, o, value, &out);
    AppendOctetsDisplay(table, o, text.substr(id % (size + 1)), &out);
    AppendInetAddress(static_cast<uint32_t>(value & 0x1f), text.substr(0, 20), &out);
  }
  return 0;
}
