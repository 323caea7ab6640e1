#include "dissector/mib/smi_loader.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/synchronization/mutex.h"
#include "dissector/mib/table_parser.h"

// smi.h is C and names a parameter "class" (smiGetAttributeParentClass);
// renamed for its declarations only.
extern "C" {
#define class smi_class
#include <smi.h>
#undef class
}

namespace snmpdissect::mib {
namespace {

// libsmi's state is global: one load at a time.
absl::Mutex g_smi_mutex;

constexpr size_t kMaxErrors = 1000;  // lines kept; a count of the rest follows

// Where libsmi's error callback (a plain function) reports to; set while a
// load holds g_smi_mutex.
struct ErrorSink {
  std::vector<std::string>* errors = nullptr;
  const absl::flat_hash_map<std::string, std::string>* renames = nullptr;
  size_t dropped = 0;
  std::string context;  // names a message that has no file ("--mib NAME")
  // Files (libsmi's paths) with an error of severity 0 or 1: their modules
  // are not walked (see CopyModules).
  absl::flat_hash_set<std::string> broken;
};
ErrorSink* g_sink = nullptr;

// A message quotes the file's text: control and non-ASCII bytes as \xNN so
// a MIB cannot drive the terminal.
std::string Printable(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f) {
      out.push_back(static_cast<char>(c));
    } else {
      absl::StrAppend(&out, "\\x", absl::Hex(c, absl::kZeroPad2));
    }
  }
  return out;
}

void AddError(ErrorSink* sink, std::string line) {
  if (sink->errors->size() < kMaxErrors) {
    sink->errors->push_back(std::move(line));
  } else {
    ++sink->dropped;
  }
}

// Severity 0 (internal) and 1 (the module or part of it could not be
// loaded) are errors; 2 and up are rule violations libsmi recovered from.
void OnSmiError(char* path, int line, int severity, char* msg, char* /*tag*/) {
  if (g_sink == nullptr || severity > 1) return;
  std::string where = path != nullptr ? path : "";
  if (!where.empty()) g_sink->broken.insert(where);
  if (auto it = g_sink->renames->find(where); it != g_sink->renames->end()) {
    where = it->second;
  }
  std::string text = msg != nullptr ? msg : "";
  // Some messages carry the path in their text instead.
  for (const auto& [fd_path, shown] : *g_sink->renames) {
    const size_t at = text.find(fd_path);
    const size_t end = at + fd_path.size();
    // "/proc/self/fd/1" must not match the start of "/proc/self/fd/17".
    if (at != std::string::npos && (end == text.size() || !absl::ascii_isdigit(text[end]))) {
      text.replace(at, fd_path.size(), shown);
    }
  }
  text = Printable(text);
  if (where.empty()) {
    AddError(g_sink, g_sink->context.empty() ? text : absl::StrCat(g_sink->context, ": ", text));
  } else {
    AddError(g_sink, absl::StrCat(Printable(where), ":", line, ": ", text));
  }
}

// smiInit .. smiExit under the mutex. smiInit reads /etc/smi.conf (its
// "load" lines find nothing on Debian: no base modules in its path); the
// path is then ours alone.
class SmiSession {
 public:
  SmiSession(const std::vector<std::string>& dirs, ErrorSink* sink) {
    g_smi_mutex.Lock();
    smiInit("snmpdissect");
    smiSetErrorHandler(OnSmiError);
    smiSetErrorLevel(1);
    smiSetFlags(SMI_FLAG_ERRORS | SMI_FLAG_NODESCR | SMI_FLAG_VIEWALL);
    std::string path = absl::StrJoin(dirs, ":");
    smiSetPath(path.c_str());
    g_sink = sink;
  }
  ~SmiSession() {
    g_sink = nullptr;
    for (int fd : fds_) close(fd);
    smiExit();
    g_smi_mutex.Unlock();
  }
  SmiSession(const SmiSession&) = delete;
  SmiSession& operator=(const SmiSession&) = delete;

  // Loads `text` from a memfd (libsmi reads files only), its errors naming
  // `shown`; returns the /proc path it used, or "" when the memfd could not
  // be made.
  std::string LoadText(std::string_view text, std::string_view name, std::string shown,
                       ErrorSink* sink, absl::flat_hash_map<std::string, std::string>* renames) {
    std::string label(name);
    int fd = memfd_create(label.c_str(), MFD_CLOEXEC);
    if (fd < 0) {
      AddError(sink, absl::StrCat(Printable(name), ": memfd_create failed"));
      return "";
    }
    fds_.push_back(fd);
    size_t done = 0;
    while (done < text.size()) {
      ssize_t n = write(fd, text.data() + done, text.size() - done);
      if (n <= 0) {
        AddError(sink, absl::StrCat(Printable(name), ": writing its memfd failed"));
        return "";
      }
      done += static_cast<size_t>(n);
    }
    std::string path = absl::StrCat("/proc/self/fd/", fd);
    (*renames)[path] = std::move(shown);
    smiLoadModule(path.c_str());
    return path;
  }

 private:
  std::vector<int> fds_;
};

// The table's base type names (table_parser.h) of the SMI application
// types, by the type's name (RFC 2578 section 7.1, RFC 1155 section 6).
const char* ApplicationBase(std::string_view name) {
  static constexpr std::pair<std::string_view, const char*> kTypes[] = {
      {"IpAddress", "ipaddr"},   {"NetworkAddress", "ipaddr"}, {"Counter32", "counter32"},
      {"Counter", "counter32"},  {"Gauge32", "gauge32"},       {"Gauge", "gauge32"},
      {"Unsigned32", "gauge32"}, {"TimeTicks", "timeticks"},   {"Opaque", "opaque"},
      {"Counter64", "counter64"}, {"Integer32", "int"},
  };
  for (const auto& [type, base] : kTypes) {
    if (name == type) return base;
  }
  return nullptr;
}

bool IsSmiModule(SmiType* type) {
  SmiModule* module = smiGetTypeModule(type);
  if (module == nullptr || module->name == nullptr) return true;  // built in
  std::string_view name = module->name;
  return name == "SNMPv2-SMI" || name == "RFC1155-SMI" || name.empty();
}

std::string OidText(const SmiSubid* oid, unsigned len) {
  std::string out;
  for (unsigned i = 0; i < len; ++i) absl::StrAppend(&out, i ? "." : "", oid[i]);
  return out;
}

// libsmi type chains are short; a cap keeps a cyclic one (hostile input)
// from looping.
constexpr int kMaxTypeDepth = 32;

struct TypeFacts {
  std::string base = "-", tc = "-", hint = "-", enums = "-";
  uint32_t fixed = 0;
};

TypeFacts FactsOf(SmiType* type) {
  TypeFacts facts;
  if (type == nullptr) return facts;
  // Without an application type's name in the chain, the base type comes
  // from libsmi's basetype of the object's own type.
  switch (type->basetype) {
    case SMI_BASETYPE_INTEGER32:
    case SMI_BASETYPE_ENUM: facts.base = "int"; break;
    case SMI_BASETYPE_OCTETSTRING: facts.base = "octets"; break;
    case SMI_BASETYPE_OBJECTIDENTIFIER: facts.base = "oid"; break;
    case SMI_BASETYPE_BITS: facts.base = "bits"; break;
    case SMI_BASETYPE_UNSIGNED32: facts.base = "gauge32"; break;
    case SMI_BASETYPE_UNSIGNED64: facts.base = "counter64"; break;
    default: break;
  }
  bool have_ranges = false, have_enums = false;
  for (int depth = 0; type != nullptr && depth < kMaxTypeDepth;
       ++depth, type = smiGetParentType(type)) {
    std::string_view name = type->name != nullptr ? type->name : "";
    if (!name.empty() && IsSmiModule(type)) {
      if (const char* base = ApplicationBase(name)) {
        facts.base = base;
        break;
      }
    }
    if (!name.empty() && facts.tc == "-" && !IsSmiModule(type) &&
        type->decl == SMI_DECL_TEXTUALCONVENTION) {
      facts.tc = name;
    }
    if (facts.hint == "-" && type->format != nullptr && *type->format != '\0') {
      facts.hint = type->format;
    }
    if (!have_ranges && type->basetype == SMI_BASETYPE_OCTETSTRING) {
      SmiRange* range = smiGetFirstRange(type);
      if (range != nullptr) {
        have_ranges = true;
        if (smiGetNextRange(range) == nullptr &&
            range->minValue.value.unsigned32 == range->maxValue.value.unsigned32) {
          facts.fixed = static_cast<uint32_t>(range->minValue.value.unsigned32);
        }
      }
    }
    if (!have_enums &&
        (type->basetype == SMI_BASETYPE_ENUM || type->basetype == SMI_BASETYPE_BITS)) {
      std::string list;
      for (SmiNamedNumber* nn = smiGetFirstNamedNumber(type); nn != nullptr;
           nn = smiGetNextNamedNumber(nn)) {
        int64_t value = type->basetype == SMI_BASETYPE_BITS
                            ? static_cast<int64_t>(nn->value.value.unsigned32)
                            : static_cast<int64_t>(nn->value.value.integer32);
        absl::StrAppend(&list, list.empty() ? "" : ",", nn->name ? nn->name : "", "=", value);
      }
      if (!list.empty()) {
        have_enums = true;
        facts.enums = std::move(list);
      }
    }
  }
  return facts;
}

const char* KindOf(SmiNodekind kind) {
  switch (kind) {
    case SMI_NODEKIND_SCALAR: return "scalar";
    case SMI_NODEKIND_TABLE: return "table";
    case SMI_NODEKIND_ROW: return "entry";
    case SMI_NODEKIND_COLUMN: return "column";
    case SMI_NODEKIND_NOTIFICATION: return "notification";
    default: return "node";
  }
}

// An entry's INDEX as OIDs, "!" before an IMPLIED one (RFC 2578 section
// 7.7); an AUGMENTS (or SPARSE) row takes its base row's (section 7.8.1).
std::string IndexOf(SmiNode* row) {
  for (int depth = 0; row != nullptr && depth < 8; ++depth) {
    if (row->indexkind == SMI_INDEX_INDEX) {
      std::vector<std::string> parts;
      for (SmiElement* e = smiGetFirstElement(row); e != nullptr; e = smiGetNextElement(e)) {
        SmiNode* node = smiGetElementNode(e);
        if (node == nullptr || node->oidlen == 0) return "-";
        parts.push_back(OidText(node->oid, node->oidlen));
      }
      if (parts.empty()) return "-";
      if (row->implied) parts.back() = absl::StrCat("!", parts.back());
      return absl::StrJoin(parts, ",");
    }
    if (row->indexkind != SMI_INDEX_AUGMENT && row->indexkind != SMI_INDEX_SPARSE) break;
    row = smiGetRelatedNode(row);
  }
  return "-";
}

// One module's objects as table text (the format of table_parser.h).
std::string ModuleRows(SmiModule* module) {
  std::string rows;
  for (SmiNode* node = smiGetFirstNode(module, SMI_NODEKIND_ANY); node != nullptr;
       node = smiGetNextNode(node, SMI_NODEKIND_ANY)) {
    if (node->name == nullptr || node->oidlen == 0) continue;
    TypeFacts facts = FactsOf(smiGetNodeType(node));
    std::string index = node->nodekind == SMI_NODEKIND_ROW ? IndexOf(node) : "-";
    absl::StrAppend(&rows, OidText(node->oid, node->oidlen), "\t", node->name, "\t",
                    module->name, "\t", KindOf(node->nodekind), "\t", facts.base, "\t",
                    facts.tc, "\t", facts.hint, "\t", facts.fixed, "\t", facts.enums, "\t",
                    index, "\n");
  }
  return rows;
}

// Rows copied from libsmi, all modules together: the table parser's own
// cap, applied across its per-row calls.
constexpr size_t kMaxRows = size_t{1} << 20;

// Copies every module libsmi loaded except the base modules into `table`,
// one row at a time through the table parser, so a row it refuses (a name
// or hint over its caps, say) is one error line and the others still go in.
//
// A module whose file had an error of severity 0 or 1 is left out whole:
// libsmi's node list of such a module can be inconsistent, and walking it
// crashes inside libsmi (smiGetNextNode reads a null pointer: found by the
// smi_loader fuzz target; libsmi's own `smidump -k -f identifiers` crashes
// on the same file, corpus/regressions/smi_loader-libsmi-next-node). libsmi's
// tools refuse such a module too ("aborting due to severe parsing errors").
void CopyModules(const absl::flat_hash_set<std::string>& skip,
                 const absl::flat_hash_map<std::string, std::string>& renames,
                 ErrorSink* sink, SmiLoadReport* report, Table* table) {
  for (SmiModule* module = smiGetFirstModule(); module != nullptr;
       module = smiGetNextModule(module)) {
    if (module->name == nullptr) continue;
    std::string path = module->path != nullptr ? module->path : "";
    if (skip.contains(path) || sink->broken.contains(path)) continue;
    if (auto it = renames.find(path); it != renames.end()) path = it->second;
    const std::string origin = Printable(absl::StrCat(path, " (", module->name, ")"));
    std::string_view text = table->AddSource(ModuleRows(module));
    size_t copied = 0;
    while (!text.empty()) {
      const size_t end = text.find('\n');
      const std::string_view row = text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
      text.remove_prefix(row.size());
      if (report->rows >= kMaxRows) {
        AddError(sink, absl::StrCat(origin, ": more than ", kMaxRows, " objects; the rest are not read"));
        break;
      }
      if (absl::Status s = ParseTable(row, origin, table); !s.ok()) {
        AddError(sink, Printable(std::string(s.message())));
        continue;
      }
      ++copied;
      ++report->rows;
    }
    if (copied > 0) report->loaded.push_back(module->name);
  }
}

// The loaded module of that name, or nullptr (smiGetModule would try to
// load it from the path).
SmiModule* FindLoaded(std::string_view name) {
  for (SmiModule* m = smiGetFirstModule(); m != nullptr; m = smiGetNextModule(m)) {
    if (m->name != nullptr && name == m->name) return m;
  }
  return nullptr;
}

// Loads the compiled-in base modules not already loaded (smi.conf's "load"
// lines may have found a system copy); returns their memfd paths.
absl::flat_hash_set<std::string> LoadBase(SmiSession* session, ErrorSink* sink,
                                          absl::flat_hash_map<std::string, std::string>* renames) {
  absl::flat_hash_set<std::string> paths;
  for (const SmiBaseModule& base : SmiBaseModules()) {
    std::string name(base.name);
    if (SmiModule* loaded = FindLoaded(name); loaded != nullptr) {
      if (loaded->path != nullptr) paths.insert(loaded->path);
      continue;
    }
    std::string path =
        session->LoadText(base.text, name, absl::StrCat("built-in ", name), sink, renames);
    if (!path.empty()) paths.insert(path);
  }
  return paths;
}

void Finish(ErrorSink* sink, SmiLoadReport* report) {
  if (sink->dropped > 0) {
    report->errors.push_back(absl::StrCat("... and ", sink->dropped, " more MIB errors"));
  }
}

}  // namespace

SmiLoadReport LoadSmiModules(const SmiLoadOptions& options, Table* table) {
  SmiLoadReport report;
  absl::flat_hash_map<std::string, std::string> renames;
  ErrorSink sink;
  sink.errors = &report.errors;
  sink.renames = &renames;
  SmiSession session(options.dirs, &sink);
  absl::flat_hash_set<std::string> skip = LoadBase(&session, &sink, &renames);

  const bool all = options.modules.empty() ||
                   std::find(options.modules.begin(), options.modules.end(), "ALL") !=
                       options.modules.end();
  if (all) {
    size_t files = 0;
    for (const std::string& dir : options.dirs) {
      std::error_code ec;
      std::vector<std::filesystem::path> entries;
      for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end;
           it.increment(ec)) {
        entries.push_back(it->path());
      }
      if (ec) {
        AddError(&sink, absl::StrCat(Printable(dir), ": ", ec.message()));
        continue;
      }
      std::sort(entries.begin(), entries.end());
      for (const std::filesystem::path& entry : entries) {
        if (entry.filename().string().starts_with(".")) continue;
        struct stat st;
        if (stat(entry.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if (++files > options.max_files) {
          AddError(&sink, absl::StrCat(Printable(dir), ": more than ", options.max_files,
                                       " files; the rest are not read"));
          break;
        }
        if (static_cast<size_t>(st.st_size) > options.max_file_bytes) {
          AddError(&sink, absl::StrCat(Printable(entry.string()), ": larger than ",
                                       options.max_file_bytes, " bytes, not read"));
          continue;
        }
        smiLoadModule(entry.c_str());
      }
    }
  } else {
    for (const std::string& name : options.modules) {
      const size_t before = report.errors.size();
      sink.context = absl::StrCat("--mib ", Printable(name));
      const bool loaded = smiLoadModule(name.c_str()) != nullptr;
      sink.context.clear();
      if (!loaded && report.errors.size() == before) {
        AddError(&sink, absl::StrCat("--mib ", Printable(name), ": not found in ",
                                     options.dirs.empty() ? std::string("(no --mib-dir)")
                                                          : absl::StrJoin(options.dirs, ":")));
      }
    }
  }
  CopyModules(skip, renames, &sink, &report, table);
  Finish(&sink, &report);
  return report;
}

SmiLoadReport LoadSmiText(std::string_view text, std::string_view origin, Table* table) {
  SmiLoadReport report;
  absl::flat_hash_map<std::string, std::string> renames;
  ErrorSink sink;
  sink.errors = &report.errors;
  sink.renames = &renames;
  SmiSession session({}, &sink);
  absl::flat_hash_set<std::string> skip = LoadBase(&session, &sink, &renames);
  session.LoadText(text, origin, std::string(origin), &sink, &renames);
  CopyModules(skip, renames, &sink, &report, table);
  Finish(&sink, &report);
  return report;
}

}  // namespace snmpdissect::mib
