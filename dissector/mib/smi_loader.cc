#include "dissector/mib/smi_loader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <chrono>
#include <cstdio>

#include <algorithm>
#include <string>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "dissector/mib/smi_child_guard.h"
#include "dissector/mib/smi_rows.h"
#include "dissector/mib/smi_search_dir.h"
#include "dissector/mib/table_parser.h"

// smi.h is C and names a parameter "class" (smiGetAttributeParentClass);
// renamed for its declarations only.
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wkeyword-macro"
#endif
extern "C" {
#define class smi_class
#include <smi.h>
#undef class
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

namespace snmpdissect::mib {
namespace {

constexpr size_t kMaxErrors = 1000;  // lines kept; a count of the rest follows

// Where libsmi's error callback (a plain function) reports to; set while a
// load runs (in the loading child, single-threaded).
struct ErrorSink {
  std::vector<std::string>* errors = nullptr;
  const absl::flat_hash_map<std::string, std::string>* renames = nullptr;
  const SmiSearchDir* dir = nullptr;  // its link paths are shown as the user's
  size_t dropped = 0;
  std::string context;  // names a message that has no file ("--mib NAME")
  // Files (libsmi's paths) with an error of severity 0 or 1: their modules
  // are not walked (see EmitModules).
  absl::flat_hash_set<std::string> broken;
};
ErrorSink* g_sink = nullptr;

std::string Printable(std::string_view text) { return SmiPrintable(text); }

void AddError(ErrorSink* sink, std::string line) {
  if (sink->errors->size() < kMaxErrors) {
    sink->errors->push_back(std::move(line));
  } else {
    ++sink->dropped;
  }
}

// Severity 0 (internal) and 1 (the module or part of it could not be
// loaded) are errors; 2 and up are rule violations libsmi recovered from.
void OnSmiError(char* path, int line, int severity, char* msg, char* tag) {
  if (g_sink == nullptr || severity > 1) return;
  // libsmi's allocation failed: the child's memory cap (smi_child_guard.h),
  // reported as such rather than as whatever libsmi does next.
  if (tag != nullptr && std::string_view(tag) == "internal-memory") SmiChildOutOfMemory();
  std::string where = path != nullptr ? path : "";
  if (!where.empty()) g_sink->broken.insert(where);
  if (auto it = g_sink->renames->find(where); it != g_sink->renames->end()) {
    where = it->second;
  } else if (g_sink->dir != nullptr) {
    where = g_sink->dir->Shown(where);
  }
  std::string text = msg != nullptr ? msg : "";
  if (g_sink->dir != nullptr) text = g_sink->dir->Shown(text);
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

// smiInit .. smiExit (the loading child _exits without it: the process's
// end frees libsmi's memory). smiInit reads /etc/smi.conf (its
// "load" lines find nothing on Debian: no base modules in its path); the
// path is then ours alone.
class SmiSession {
 public:
  SmiSession(const std::string& path, ErrorSink* sink) {
    smiInit("snmpdissect");
    smiSetErrorHandler(OnSmiError);
    smiSetErrorLevel(1);
    smiSetFlags(SMI_FLAG_ERRORS | SMI_FLAG_NODESCR | SMI_FLAG_VIEWALL);
    smiSetPath(path.c_str());
    g_sink = sink;
  }
  ~SmiSession() {
    g_sink = nullptr;
    for (int fd : fds_) close(fd);
    smiExit();
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
  std::string base = "-", tc = "-", hint = "-";
  uint32_t fixed = 0;
  std::vector<std::pair<std::string, int64_t>> enums;  // or BITS names
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
      for (SmiNamedNumber* nn = smiGetFirstNamedNumber(type); nn != nullptr;
           nn = smiGetNextNamedNumber(nn)) {
        int64_t value = type->basetype == SMI_BASETYPE_BITS
                            ? static_cast<int64_t>(nn->value.value.unsigned32)
                            : static_cast<int64_t>(nn->value.value.integer32);
        facts.enums.emplace_back(nn->name ? nn->name : "", value);
      }
      have_enums = !facts.enums.empty();
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

// One module's objects as records (smi_rows.h): each field length-prefixed,
// so a DISPLAY-HINT holding a tab or newline cannot split or forge a row.
std::string ModuleRows(SmiModule* module) {
  std::string rows, record;
  for (SmiNode* node = smiGetFirstNode(module, SMI_NODEKIND_ANY); node != nullptr;
       node = smiGetNextNode(node, SMI_NODEKIND_ANY)) {
    if (node->name == nullptr || node->oidlen == 0) continue;
    TypeFacts facts = FactsOf(smiGetNodeType(node));
    std::string index = node->nodekind == SMI_NODEKIND_ROW ? IndexOf(node) : "-";
    record.clear();
    SmiRowWriter row(&record);
    row.Field(OidText(node->oid, node->oidlen));
    row.Field(node->name);
    row.Field(module->name);
    row.Field(KindOf(node->nodekind));
    row.Field(facts.base);
    row.Field(facts.tc);
    row.Field(facts.hint);
    row.Field(absl::StrCat(facts.fixed));
    row.Field(index);
    for (const auto& [label, value] : facts.enums) row.Enum(label, absl::StrCat(value));
    AppendSmiRecord(&rows, record);
  }
  return rows;
}

// What a loading child sends its parent: records of a type octet, a
// 4-octet little-endian length and the payload.
//   'F' path or name: about to load it        'D': done with it
//   'C' path: about to walk that module        'E' one error line
//   'M' origin NUL module NUL records: a module's objects (smi_rows.h)
// and, from the child's guard when it dies (smi_child_guard.h), 'O' the
// file it had open, 'X' out of memory, 'S' / 'L' a sanitizer report from
// our code / from inside libsmi, 'K' a fault in our code.
class Channel {
 public:
  explicit Channel(int fd) : fd_(fd) {}
  void Send(char type, std::string_view payload) {
    char header[5] = {type};
    EncodeSmiLength(static_cast<uint32_t>(payload.size()), header + 1);
    WriteAll(std::string_view(header, sizeof(header)));
    WriteAll(payload);
  }
  // Sends the error lines added since the last call.
  void FlushErrors(const std::vector<std::string>& errors) {
    for (; sent_ < errors.size(); ++sent_) Send('E', errors[sent_]);
  }

 private:
  void WriteAll(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = write(fd_, data.data(), data.size());
      if (n <= 0) _exit(3);  // the parent is gone
      data.remove_prefix(static_cast<size_t>(n));
    }
  }
  int fd_;
  size_t sent_ = 0;
};

// Sends every module libsmi loaded except the base modules, as table text.
//
// A module whose file had an error of severity 0 or 1 is left out whole:
// libsmi's node list of such a module can be inconsistent, and walking it
// crashes inside libsmi (smiGetNextNode reads a null pointer: found by the
// smi_loader fuzz target; libsmi's own `smidump -k -f identifiers` crashes
// on the same file, corpus/regressions/smi_loader-libsmi-next-node). libsmi's
// tools refuse such a module too ("aborting due to severe parsing errors").
void EmitModules(const absl::flat_hash_set<std::string>& skip,
                 const absl::flat_hash_set<std::string>& excluded,
                 const absl::flat_hash_map<std::string, std::string>& renames, ErrorSink* sink,
                 Channel* channel) {
  for (SmiModule* module = smiGetFirstModule(); module != nullptr;
       module = smiGetNextModule(module)) {
    if (module->name == nullptr) continue;
    const std::string raw = module->path != nullptr ? module->path : "";
    if (skip.contains(raw) || sink->broken.contains(raw) || excluded.contains(raw)) continue;
    // Only modules from the files we passed on: smiInit read /etc/smi.conf
    // (and ~/.smirc) before our path was set, and their "load" lines may
    // find modules elsewhere (snmp-mibs-downloader's /usr/share/snmp/mibs/ietf)
    // that passed none of our caps.
    if (!renames.contains(raw) && (sink->dir == nullptr || sink->dir->Find(raw) < 0)) continue;
    std::string shown = raw;
    if (auto it = renames.find(raw); it != renames.end()) {
      shown = it->second;
    } else if (sink->dir != nullptr) {
      shown = sink->dir->Shown(raw);
    }
    channel->Send('C', raw);
    std::string record = Printable(absl::StrCat(shown, " (", module->name, ")"));
    record.push_back('\0');
    record.append(module->name);
    record.push_back('\0');
    record.append(ModuleRows(module));
    channel->Send('M', record);
    channel->Send('D', "");
  }
  channel->FlushErrors(*sink->errors);
}

// Rows copied from libsmi, all modules together: the table parser's own
// cap, applied across its per-row calls.
constexpr size_t kMaxRows = size_t{1} << 20;

// Parses one module's records into `table`, one row at a time, so a row
// the parser refuses (a name or hint over its caps, a field the table text
// cannot carry: smi_rows.h) is one error line and the others still go in.
void AddRows(std::string_view origin, std::string_view module, std::string_view records,
             SmiLoadReport* report, Table* table) {
  const auto error = [&](std::string text) {
    if (report->errors.size() < kMaxErrors) report->errors.push_back(Printable(text));
  };
  // The rows as the table's text, one source for the module.
  SmiRecordReader reader(records);
  std::string_view record;
  std::string lines, line, problem;
  while (reader.Next(&record)) {
    if (SmiRowToTableLine(record, &line, &problem)) {
      lines.append(line);
    } else {
      error(absl::StrCat(std::string(origin), ": ", problem));
    }
  }
  if (!reader.at_end()) {
    error(absl::StrCat(std::string(origin),
                       ": the loading child's rows end inside a record; the rest of the "
                       "module is left out"));
  }
  std::string_view text = table->AddSource(std::move(lines));
  size_t copied = 0;
  while (!text.empty()) {
    const size_t end = text.find('\n');
    const std::string_view row =
        text.substr(0, end == std::string_view::npos ? text.size() : end + 1);
    text.remove_prefix(row.size());
    if (report->rows >= kMaxRows) {
      error(absl::StrCat(std::string(origin), ": more than ", kMaxRows, " objects; the rest are not read"));
      break;
    }
    if (absl::Status s = ParseTable(row, origin, table); !s.ok()) {
      error(std::string(s.message()));
      continue;
    }
    ++copied;
    ++report->rows;
  }
  if (copied > 0) report->loaded.emplace_back(module);
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

// One load the child makes: a file through its link, or a module by name
// (found by libsmi in the search directory).
struct LoadStep {
  std::string key;   // sent with 'F': a link path, "--mib NAME", or the origin
  std::string arg;   // smiLoadModule's argument
  bool by_name = false;
};

// What one loading child is asked to do.
struct ChildJob {
  const SmiLoadOptions* options = nullptr;
  const SmiSearchDir* dir = nullptr;         // LoadSmiModules
  std::vector<LoadStep> steps;               // LoadSmiModules
  std::string_view text, origin;             // LoadSmiText
  std::vector<std::string> real_paths;       // the search directory's files
  absl::flat_hash_set<std::string> excluded;  // step keys that took a child down
};

// The child: libsmi from smiInit to what it sends; never returns.
[[noreturn]] void RunChild(const ChildJob& job, int fd) {
  Channel channel(fd);
  if (!InstallSmiChildGuard(fd, job.real_paths, job.options->max_child_memory)) {
    channel.Send('E', "libsmi's loading child: could not cap its memory (RLIMIT_DATA)");
  }
  if (job.options->test_child_hook != nullptr) job.options->test_child_hook();
  std::vector<std::string> errors;
  absl::flat_hash_map<std::string, std::string> renames;
  ErrorSink sink;
  sink.errors = &errors;
  sink.renames = &renames;
  sink.dir = job.dir;
  SmiSession session(job.dir != nullptr ? job.dir->search_path() : std::string(), &sink);
  absl::flat_hash_set<std::string> skip = LoadBase(&session, &sink, &renames);
  channel.FlushErrors(errors);
  auto load = [&](const std::string& what, auto&& how) {
    if (job.excluded.contains(what)) return;
    channel.Send('F', what);
    how();
    channel.FlushErrors(errors);
    channel.Send('D', "");
  };
  if (job.dir == nullptr) {
    const std::string origin(job.origin);
    load(origin, [&] { session.LoadText(job.text, job.origin, origin, &sink, &renames); });
  } else {
    for (const LoadStep& step : job.steps) {
      load(step.key, [&] {
        if (!step.by_name) {
          smiLoadModule(step.arg.c_str());
          return;
        }
        const size_t before = errors.size();
        sink.context = step.key;
        const bool loaded = smiLoadModule(step.arg.c_str()) != nullptr;
        sink.context.clear();
        if (!loaded && errors.size() == before) {
          const std::vector<std::string>& dirs = job.options->dirs;
          AddError(&sink, Printable(absl::StrCat(
                              step.key, ": not found in ",
                              dirs.empty() ? std::string("(no --mib-dir)") : absl::StrJoin(dirs, ":"))));
        }
      });
    }
  }
  EmitModules(skip, job.excluded, renames, &sink, &channel);
  if (sink.dropped > 0) {
    channel.Send('E', absl::StrCat("... and ", sink.dropped, " more MIB errors"));
  }
  _exit(0);
}

// A child's whole run: what it sent and how it ended.
struct ChildResult {
  std::string data;
  bool clean = false;      // exited 0
  bool out_of_time = false;
  int exit_status = 0;     // when it exited (not killed, not signalled)
  int open_file = -1;      // on a timeout: the file it had open (smi_child_guard.h)
  std::string how;         // otherwise: "crashed (signal 11)", "did not finish in 20 s"
};

constexpr size_t kMaxChildBytes = size_t{512} << 20;

using Clock = std::chrono::steady_clock;

// Runs one child. It may go `file_seconds` without sending anything (each
// file it starts, each error line and module it sends is news), and must end
// by `deadline` (the whole load's).
ChildResult RunInChild(const ChildJob& job, Clock::time_point deadline) {
  ChildResult result;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    result.how = "could not start (pipe)";
    return result;
  }
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    result.how = "could not start (fork)";
    return result;
  }
  if (pid == 0) {
    close(fds[0]);
    RunChild(job, fds[1]);
  }
  close(fds[1]);
  const auto quiet = std::chrono::seconds(job.options->file_seconds);
  auto news = Clock::now();
  bool killed = false;
  char buffer[65536];
  for (;;) {
    const auto now = Clock::now();
    const auto until = std::min(news + quiet, deadline);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - now);
    pollfd p{fds[0], POLLIN, 0};
    const int ready = left.count() > 0 ? poll(&p, 1, static_cast<int>(left.count())) : 0;
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0 || result.data.size() > kMaxChildBytes) {
      if (ready <= 0) {
        result.out_of_time = true;
        result.open_file = OpenSmiFile(pid, job.real_paths);
        result.how = Clock::now() >= deadline
                         ? absl::StrCat("did not finish the load in ", job.options->total_seconds, " s")
                         : absl::StrCat("did not finish in ", job.options->file_seconds, " s");
      } else {
        result.how = absl::StrCat("sent more than ", kMaxChildBytes, " bytes");
      }
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    const ssize_t n = read(fds[0], buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.data.append(buffer, static_cast<size_t>(n));
    news = Clock::now();
  }
  close(fds[0]);
  int status = 0;
  pid_t waited;
  while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
  }
  if (killed) {
    // result.how says why.
  } else if (waited < 0) {
    // Its status is lost (SIGCHLD ignored by an embedding process): what
    // it sent cannot be taken as a finished load.
    result.how = absl::StrCat("could not be waited for (", std::strerror(errno), ")");
  } else if (WIFSIGNALED(status)) {
    result.how = absl::StrCat("crashed (signal ", WTERMSIG(status), ")");
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.exit_status = WEXITSTATUS(status);
    result.how = absl::StrCat("failed (exit status ", WEXITSTATUS(status), ")");
  } else {
    result.clean = true;
  }
  return result;
}

// What a child sent, read back.
struct ChildRecords {
  std::string current;     // the last 'F' or 'C' not followed by 'D'
  std::vector<std::string> errors;
  struct Module {
    std::string origin, name;
    std::string_view records;  // into the child's data
  };
  std::vector<Module> modules;
  int open_file = -1;      // 'O'
  bool out_of_memory = false;  // 'X'
  bool sanitizer = false;      // 'S'
  bool libsmi_report = false;  // 'L'
  bool our_fault = false;      // 'K'
};

ChildRecords ReadRecords(std::string_view data) {
  ChildRecords out;
  while (data.size() >= 5) {
    const char type = data[0];
    const uint32_t n = DecodeSmiLength(data.data() + 1);
    if (data.size() - 5 < n) break;
    const std::string_view payload = data.substr(5, n);
    data.remove_prefix(5 + size_t{n});
    switch (type) {
      case 'F':
      case 'C': out.current = std::string(payload); break;
      case 'D': out.current.clear(); break;
      case 'E':
        if (out.errors.size() < kMaxErrors + 1) out.errors.push_back(Printable(payload));
        break;
      case 'M': {
        const size_t a = payload.find('\0');
        const size_t b = a == std::string_view::npos ? a : payload.find('\0', a + 1);
        if (b == std::string_view::npos) break;
        out.modules.push_back({std::string(payload.substr(0, a)),
                               std::string(payload.substr(a + 1, b - a - 1)), payload.substr(b + 1)});
        break;
      }
      case 'O':
        if (payload.size() == 4) out.open_file = static_cast<int>(DecodeSmiLength(payload.data()));
        break;
      case 'X': out.out_of_memory = true; break;
      case 'S': out.sanitizer = true; break;
      case 'L': out.libsmi_report = true; break;
      case 'K': out.our_fault = true; break;
      default: break;
    }
  }
  return out;
}

// A sanitizer report from the child is a bug in our code (libsmi is not
// instrumented, and reports raised inside it are not sent: see
// smi_child_guard.cc), so in sanitizer builds it stops this process the
// way it would have stopped a process that ran the code itself: the fuzzing
// engine records the input, a test fails. The report is on standard error,
// which the child shares.
#if defined(SNMPDISSECT_SANITIZED)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

void OnChildSanitizerReport(const char* what) {
#if defined(SNMPDISSECT_SANITIZED)
  std::fprintf(stderr,
               "snmpdissect: the libsmi loading child %s: "
               "a bug in snmpdissect's loader, not in libsmi\n", what);
  std::abort();
#else
  (void)what;
#endif
}

// Runs libsmi in a child process (a crash, hang or runaway allocation in
// libsmi on a hostile MIB stays there) and adds what it sent to the table.
// A child that dies costs the file it was reading (the innermost open MIB
// file, else the step it was on): that file is excluded for good (unlinked
// from the search directory, so no IMPORTS finds it again) and the load
// starts again without it. Every failed attempt excludes one file or step,
// so there are at most as many attempts as files and steps, within the
// whole load's deadline.
SmiLoadReport LoadInChild(ChildJob job, SmiSearchDir* dir, std::vector<std::string> errors,
                          Table* table) {
  SmiLoadReport report;
  const auto deadline = Clock::now() + std::chrono::seconds(job.options->total_seconds);
  const size_t max_attempts = job.real_paths.size() + job.steps.size() + 2;
  const auto give_up = [&](std::string line) {
    errors.push_back(std::move(line));
    report.errors = std::move(errors);
    return report;
  };
  for (size_t attempt = 0; attempt < max_attempts; ++attempt) {
    ChildResult child = RunInChild(job, deadline);
    ChildRecords records = ReadRecords(child.data);
    // UBSan's reports (GCC: a runtime apart, smi_child_guard.h) end the
    // child with the sanitizers' exit status, 1, and no record. Our child
    // exits 0, 3 (parent gone) or kSmiChildNoMemoryExit; libsmi's scanner
    // exits 2 on its fatal errors (flex's YY_EXIT_FAILURE), a libsmi
    // failure like a crash.
    const bool unexplained_exit =
        child.exit_status == 1 && !records.libsmi_report && !records.out_of_memory;
    if (records.sanitizer || (kSanitized && unexplained_exit)) {
      OnChildSanitizerReport("stopped on a sanitizer report (above)");
    }
    // A fault in our own code (smi_child_guard.h 'K') is a bug to show,
    // never a hostile file to leave out quietly: sanitizer builds (the
    // fuzzer, the asan tests) stop on it; others say whose it is. When a
    // sanitizer's report named libsmi first, the abort that ended the
    // report is not a second crash.
    if (records.libsmi_report) records.our_fault = false;
    if (records.our_fault) {
      OnChildSanitizerReport(absl::StrCat(child.how, " in snmpdissect's own code").c_str());
    }
    if (child.clean) {
      errors.insert(errors.end(), records.errors.begin(), records.errors.end());
      report.errors = std::move(errors);
      for (const ChildRecords::Module& m : records.modules) {
        AddRows(m.origin, m.name, m.records, &report, table);
      }
      return report;
    }
    const std::string how =
        records.out_of_memory
            ? absl::StrCat("ran out of memory (its cap is ", job.options->max_child_memory >> 20,
                           " MiB)")
        : records.our_fault
            ? absl::StrCat(child.how, " in its own code, not in libsmi (a bug: please report it)")
        : records.libsmi_report ? std::string("crashed (the sanitizer's report is above)")
                                : child.how;
    const char* who = records.our_fault ? "snmpdissect's MIB loader " : "libsmi ";
    if (child.out_of_time && Clock::now() >= deadline) {
      return give_up(absl::StrCat(who, how, "; no user MIB loaded"));
    }
    // The file to blame: open when it died, else the one it was on.
    int file = child.open_file >= 0 ? child.open_file : records.open_file;
    if (file < 0 && dir != nullptr && !records.current.empty()) file = dir->Find(records.current);
    if (dir != nullptr && file >= 0 && static_cast<size_t>(file) < dir->files().size() &&
        !dir->files()[file].excluded) {
      errors.push_back(Printable(
          absl::StrCat(dir->files()[file].shown, ": ", who, how, " reading it; left out")));
      for (size_t same : dir->Exclude(static_cast<size_t>(file))) {
        job.excluded.insert(dir->files()[same].link);
      }
      continue;
    }
    if (records.current.empty() || job.excluded.contains(records.current)) {
      return give_up(absl::StrCat(who, how, "; no user MIB loaded"));
    }
    // The step's key is a link in the private search directory for a
    // directory's file: named as the user gave it.
    const std::string shown = records.current.starts_with("/proc/self/fd/") ? std::string(job.origin)
                              : dir != nullptr ? dir->Shown(records.current)
                                               : records.current;
    errors.push_back(Printable(absl::StrCat(shown, ": ", who, how, " reading it; left out")));
    job.excluded.insert(std::move(records.current));
  }
  return give_up(absl::StrCat("libsmi failed ", max_attempts, " times; no user MIB loaded"));
}

// libsmi's rule (smixlate(1)): a module argument holding a '.' or '/' is
// the path of a file to read, otherwise a module name.
bool IsPath(std::string_view arg) { return arg.find_first_of("./") != std::string_view::npos; }

}  // namespace

SmiLoadReport LoadSmiModules(const SmiLoadOptions& options, Table* table) {
  std::vector<std::string> errors;
  SmiSearchDir dir;
  if (!dir.Create(&errors)) {
    SmiLoadReport report;
    report.errors = std::move(errors);
    return report;
  }
  const SmiFileCaps caps{options.max_file_bytes, options.max_files};
  dir.AddDirs(options.dirs, caps, &errors);
  ChildJob job;
  job.options = &options;
  job.dir = &dir;
  const bool all = options.modules.empty() ||
                   std::find(options.modules.begin(), options.modules.end(), "ALL") !=
                       options.modules.end();
  if (all) {
    for (const SmiSearchDir::File& file : dir.files()) {
      job.steps.push_back({file.link, file.link, false});
    }
  }
  for (const std::string& module : options.modules) {
    if (module == "ALL") continue;
    if (IsPath(module)) {
      // Through the same caps as a directory's files.
      const int i = dir.AddFile(module, caps, &errors);
      if (i >= 0) job.steps.push_back({dir.files()[i].link, dir.files()[i].link, false});
    } else if (!all) {
      job.steps.push_back({absl::StrCat("--mib ", module), module, true});
    }
  }
  for (const SmiSearchDir::File& file : dir.files()) job.real_paths.push_back(file.real);
  return LoadInChild(std::move(job), &dir, std::move(errors), table);
}

SmiLoadReport LoadSmiText(std::string_view text, std::string_view origin, Table* table,
                          const SmiLoadOptions& options) {
  if (text.size() > options.max_file_bytes) {
    SmiLoadReport report;
    report.errors.push_back(Printable(
        absl::StrCat(std::string(origin), ": larger than ", options.max_file_bytes, " bytes, not read")));
    return report;
  }
  ChildJob job;
  job.options = &options;
  job.text = text;
  job.origin = origin;
  return LoadInChild(std::move(job), nullptr, {}, table);
}

}  // namespace snmpdissect::mib
