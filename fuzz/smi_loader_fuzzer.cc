// libFuzzer target: a user MIB file through libsmi and into our table
// (dissector/mib/smi_loader.h): libsmi's parser on untrusted text, after
// the compiled-in SMI base modules, then the copy of what it loaded into
// table rows and the table parser's checks of them.
//
// Input: the text of one MIB module (or several, or garbage), loaded from
// a memfd as --mib-dir would load a file, by libsmi in a child process as
// the tool does (a libsmi crash is an error line there, not a finding).
// The child's deadlines are short (2 s without news, 5 s for the whole
// load, within the engine's 10 s per input: smi_loader.options), so a
// libsmi hang is an error line too. A sanitizer report from our code in
// the child (the conversion of libsmi's nodes into records) aborts this
// process (smi_loader.h), so the engine records it as a finding.
//
// Beyond "no crash", it checks (abort otherwise):
// - Every error is one line of printable ASCII (a MIB cannot drive the
//   terminal or split a line), at most the loader's cap of them plus the
//   count line and the lines of libsmi crashes.
// - Every object copied leads back to itself: Exact(Arcs(id)) == id, and
//   an entry's INDEX parts resolve to objects of the table or to none.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dissector/mib/smi_loader.h"
#include "dissector/mib/table.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace snmpdissect::mib;  // NOLINT: the target exercises this namespace

void Check(bool condition, const char* what) {
  snmpdissect::fuzz::CheckInvariant("smi_loader", condition, what);
}

constexpr uint32_t kMaxObjects = 1024;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Table table;
  SmiLoadOptions options;
  options.file_seconds = 2;
  options.total_seconds = 5;
  const SmiLoadReport report = LoadSmiText(text, "fuzz.mib", &table, options);
  for (const std::string& line : report.errors) {
    for (const char c : line) Check(c >= 0x20 && c < 0x7f, "error is printable, one line");
  }
  // 1,000 lines, a count line, and a line per failed child: one input is
  // one file, so one that leaves it out and one last word.
  Check(report.errors.size() <= 1000 + 1 + 2, "errors capped");
  table.Finish();
  uint32_t arcs[128];
  for (uint32_t id = 0; id < table.size() && id < kMaxObjects; ++id) {
    const size_t depth = table.Arcs(id, arcs, 128);
    Check(depth >= 1 && depth <= 128, "depth within RFC 2578's 128 arcs");
    Check(table.Exact(absl::MakeConstSpan(arcs, depth)) == id, "OID leads back to its object");
    const Object& o = table.object(id);
    for (const IndexPart& part : table.index(o)) {
      Check(part.object == kNoObject || part.object < table.size(), "INDEX part resolves");
    }
  }
  return 0;
}
