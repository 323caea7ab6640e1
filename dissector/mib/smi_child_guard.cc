#include "dissector/mib/smi_child_guard.h"

#include <execinfo.h>
#include <fcntl.h>
#include <link.h>
#include <signal.h>
#include <sys/resource.h>
#include <ucontext.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <new>
#include <string_view>

#include "dissector/mib/smi_rows.h"

#if defined(SNMPDISSECT_SANITIZED)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

namespace snmpdissect::mib {
namespace {

// Set once in the child before libsmi runs; read by the handlers.
int g_fd = -1;
const std::vector<std::string>* g_paths = nullptr;
uint64_t g_limit = 0;  // RLIMIT_DATA in bytes, 0: none

// Within this much of the cap, a death counts as running out of memory:
// libsmi's allocations are small, so a child that failed one is that close.
constexpr uint64_t kNearCap = uint64_t{1} << 20;

// Writes "N" in decimal at `out`; returns the end. Async-signal-safe.
char* Decimal(char* out, uint64_t n) {
  char digits[24];
  int k = 0;
  do {
    digits[k++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n != 0);
  while (k > 0) *out++ = digits[--k];
  return out;
}

void WriteAll(const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = write(g_fd, data, size);
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

void Record(char type, const char* payload, uint32_t size) {
  char header[5] = {type};
  EncodeSmiLength(size, header + 1);
  WriteAll(header, sizeof(header));
  WriteAll(payload, size);
}

// This process's data segment in bytes (/proc/self/status's "VmData:",
// in kB: what RLIMIT_DATA limits, private writable mappings and the heap),
// 0 when unreadable. Async-signal-safe.
uint64_t DataBytes() {
  const int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[4096];
  size_t size = 0;
  for (ssize_t n; size < sizeof(text) - 1 && (n = read(fd, text + size, sizeof(text) - 1 - size)) > 0;) {
    size += static_cast<size_t>(n);
  }
  close(fd);
  text[size] = '\0';
  const char* at = std::strstr(text, "VmData:");
  if (at == nullptr) return 0;
  at += 7;
  while (*at == ' ' || *at == '\t') ++at;
  uint64_t kb = 0;
  for (; *at >= '0' && *at <= '9'; ++at) kb = kb * 10 + static_cast<uint64_t>(*at - '0');
  return kb << 10;
}

bool NearCap() { return g_limit != 0 && DataBytes() + kNearCap >= g_limit; }

void ReportOpenFile() {
  if (g_paths == nullptr) return;
  const int i = OpenSmiFile(0, *g_paths);
  if (i < 0) return;
  char index[4];
  EncodeSmiLength(static_cast<uint32_t>(i), index);
  Record('O', index, sizeof(index));
}

// Where the code that may fault lives, found once at install time (the
// handler may only compare numbers): the executable segments of libsmi and
// of the runtime libraries both libsmi and we call into.
struct CodeRange {
  uintptr_t begin;
  uintptr_t end;
};
constexpr size_t kMaxRanges = 64;
struct CodeRanges {
  CodeRange ranges[kMaxRanges];
  size_t count = 0;
  bool Contains(uintptr_t pc) const {
    for (size_t i = 0; i < count; ++i) {
      if (pc >= ranges[i].begin && pc < ranges[i].end) return true;
    }
    return false;
  }
};
CodeRanges g_libsmi_code;
CodeRanges g_runtime_code;

bool NameHas(const char* path, const char* part) {
  return path != nullptr && std::strstr(path, part) != nullptr;
}

int AddObjectRanges(dl_phdr_info* info, size_t, void*) {
  const char* name = info->dlpi_name;
  CodeRanges* into = nullptr;
  if (NameHas(name, "/libsmi.so")) {
    into = &g_libsmi_code;
  } else if (NameHas(name, "/libc.so") || NameHas(name, "/ld-linux") ||
             NameHas(name, "/libstdc++.so") || NameHas(name, "/libgcc_s.so") ||
             NameHas(name, "/libm.so") || NameHas(name, "/libasan.so") ||
             NameHas(name, "/libubsan.so") || NameHas(name, "linux-vdso")) {
    into = &g_runtime_code;
  }
  if (into == nullptr) return 0;
  for (ElfW(Half) i = 0; i < info->dlpi_phnum && into->count < kMaxRanges; ++i) {
    const ElfW(Phdr)& segment = info->dlpi_phdr[i];
    if (segment.p_type != PT_LOAD || (segment.p_flags & PF_X) == 0) continue;
    const uintptr_t begin = info->dlpi_addr + segment.p_vaddr;
    into->ranges[into->count++] = {begin, begin + segment.p_memsz};
  }
  return 0;
}

// The instruction that faulted, from the signal's context; 0 when this
// architecture's context is not read here.
uintptr_t FaultingPc(const void* context) {
  const auto* uc = static_cast<const ucontext_t*>(context);
#if defined(__x86_64__)
  return static_cast<uintptr_t>(uc->uc_mcontext.gregs[REG_RIP]);
#elif defined(__aarch64__)
  return static_cast<uintptr_t>(uc->uc_mcontext.pc);
#else
  (void)uc;
  return 0;
#endif
}

// Whose code a return address or instruction is in.
enum class Owner { kRuntime, kLibsmi, kOurs };

Owner OwnerOf(uintptr_t pc) {
  if (g_libsmi_code.Contains(pc)) return Owner::kLibsmi;
  if (g_runtime_code.Contains(pc)) return Owner::kRuntime;
  return Owner::kOurs;  // the executable, the plugin: anything else loaded
}

// Whose code called into the runtime libraries that raised the signal:
// the stack (glibc's backtrace, primed at install so it allocates nothing
// here) is this handler's frames, the signal trampoline (libc's, or the
// vDSO's) and the interrupted frames; past the trampoline the runtime's
// frames (abort, raise, strlen) are skipped and the first other frame
// decides. kRuntime when the stack cannot be read that far.
Owner CallerOfTheRuntime() {
  void* frames[64];
  const int n = backtrace(frames, 64);
  int i = 0;
  while (i < n && OwnerOf(reinterpret_cast<uintptr_t>(frames[i])) != Owner::kRuntime) ++i;
  while (i < n && OwnerOf(reinterpret_cast<uintptr_t>(frames[i])) == Owner::kRuntime) ++i;
  return i < n ? OwnerOf(reinterpret_cast<uintptr_t>(frames[i])) : Owner::kRuntime;
}

// Whose fault: the faulting instruction's owner when it is libsmi or our
// own code (a wild store, a stack overflow deep in libsmi's parser: no
// unwinding needed); when it is in a runtime library (abort() from an
// assertion or a hardened check, strlen on a bad pointer), the code that
// called the runtime. Unknown counts as libsmi's, as before this check.
bool FaultInOurCode(int sig, const void* context) {
  const uintptr_t pc = sig == SIGABRT || context == nullptr ? 0 : FaultingPc(context);
  const Owner owner = pc != 0 ? OwnerOf(pc) : Owner::kRuntime;
  if (owner != Owner::kRuntime) return owner == Owner::kOurs;
  return CallerOfTheRuntime() == Owner::kOurs;
}

// Set once a sanitizer's report has been classified (OnDeath): the abort
// that ends it (abort_on_error=1) is not a crash of its own.
volatile sig_atomic_t g_reported = 0;

void OnFatalSignal(int sig, siginfo_t*, void* context) {
  if (g_reported) {
    raise(sig);
    return;
  }
  ReportOpenFile();
  if (NearCap()) Record('X', "", 0);
  if (FaultInOurCode(sig, context)) Record('K', "", 0);
  // SA_RESETHAND restored the default action; the raised signal is
  // delivered when this handler returns (a fault re-faults anyway).
  raise(sig);
}

void OnNoMemory() { SmiChildOutOfMemory(); }

#if defined(SNMPDISSECT_SANITIZED)
// What the last sanitizer report said, kept by OnReport for OnDeath.
bool g_report_memory = false;  // an allocation the cap refused
bool g_report_libsmi = false;  // its stack reached libsmi before our code
                               // (ReportInLibsmi)

// A source location in our tree: the root not inside the parentheses that
// name an object file ("(/src/build-fuzz/bin/x+0x12)": the executable
// may be built inside the tree too).
bool NamesOurSource(std::string_view frame) {
  constexpr std::string_view kRoot = SNMPDISSECT_SOURCE_ROOT;
  for (size_t at = frame.find(kRoot); at != std::string_view::npos; at = frame.find(kRoot, at + 1)) {
    if (at == 0 || frame[at - 1] != '(') return true;
  }
  return false;
}

// Whose code the report's first stack is in: its frame lines ("    #3 0x...
// in fn file:line" or "(object+0x...)"), from #0, until one decides: a
// frame in libsmi's shared object is libsmi's, one whose source is in our
// tree (SNMPDISSECT_SOURCE_ROOT) ours. The C library's frames and the
// sanitizer's interceptors (strcmp, strlen: in the executable itself in
// clang builds, without our source) decide nothing. A report with no
// deciding frame counts as ours: better a false alarm than a bug hidden.
// Unsymbolized (tools/fuzz.sh runs campaigns with symbolize=0), our frames
// name only the executable and decide nothing, so a crash in our code that
// libsmi called back (its error handler) would count as libsmi's.
bool ReportInLibsmi(const char* report) {
  const char* line = std::strstr(report, "#0 ");
  while (line != nullptr && *line == '#') {
    const char* end = std::strchr(line, '\n');
    const size_t len = end != nullptr ? static_cast<size_t>(end - line) : std::strlen(line);
    const std::string_view frame(line, len);
    if (frame.find("libsmi.so") != std::string_view::npos) return true;
    if (NamesOurSource(frame)) return false;
    if (end == nullptr) break;
    line = end + 1;
    while (*line == ' ') ++line;
  }
  return false;
}

void OnReport(const char* report) {
  g_report_memory = std::strstr(report, "out of memory") != nullptr ||
                    std::strstr(report, "out-of-memory") != nullptr ||
                    std::strstr(report, "allocator is out of") != nullptr;
  g_report_libsmi = ReportInLibsmi(report);
}

void OnDeath() {
  g_reported = 1;
  ReportOpenFile();
  if (g_report_memory || NearCap()) {
    Record('X', "", 0);
  } else {
    Record(g_report_libsmi ? 'L' : 'S', "", 0);
  }
}
#endif

// A stack for the handlers: libsmi's recursive-descent parser can overflow
// the main one on deeply nested input.
alignas(16) char g_alt_stack[1 << 16];

}  // namespace

bool InstallSmiChildGuard(int fd, const std::vector<std::string>& real_paths, size_t memory_bytes) {
  g_fd = fd;
  g_paths = &real_paths;
  stack_t ss{};
  ss.ss_sp = g_alt_stack;
  ss.ss_size = sizeof(g_alt_stack);
  sigaltstack(&ss, nullptr);
  dl_iterate_phdr(AddObjectRanges, nullptr);
  // glibc's backtrace loads libgcc's unwinder on its first call: here, not
  // in a handler.
  void* frames[2];
  backtrace(frames, 2);
  // The parent's handlers (a fuzzing engine's) are not ours. In sanitizer
  // builds the sanitizer keeps the faults it reports (SIGSEGV, SIGBUS,
  // SIGFPE): its report's stack says whose code it was (OnReport), which
  // sees through its own interceptors where the faulting instruction
  // cannot (a strcmp interceptor in the executable called by libsmi).
#if defined(SNMPDISSECT_SANITIZED)
  for (int sig : {SIGILL, SIGABRT}) {
#else
  for (int sig : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
#endif
    struct sigaction sa{};
    sa.sa_sigaction = OnFatalSignal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
  }
  std::set_new_handler(OnNoMemory);
#if defined(SNMPDISSECT_SANITIZED)
  __asan_set_error_report_callback(OnReport);
  __sanitizer_set_death_callback(OnDeath);
#endif
  // RLIMIT_DATA, not RLIMIT_AS: a sanitizer's allocator reserves its whole
  // space at start (counted in the address space, not in the data segment
  // until used), so only the data segment measures what the child uses.
  const uint64_t now = DataBytes();
  if (now == 0) return false;
  rlimit limit{now + memory_bytes, now + memory_bytes};
  // An unprivileged process cannot raise its hard limit: a lower one stays.
  rlimit current{};
  if (getrlimit(RLIMIT_DATA, &current) == 0 && current.rlim_max != RLIM_INFINITY &&
      limit.rlim_max > current.rlim_max) {
    limit.rlim_cur = limit.rlim_max = current.rlim_max;
  }
  if (setrlimit(RLIMIT_DATA, &limit) != 0) return false;
  g_limit = limit.rlim_cur;
  // A hostile MIB that crashes libsmi leaves no core file (up to the cap
  // above each) behind; the parent reports the crash.
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  return true;
}

int OpenSmiFile(pid_t pid, const std::vector<std::string>& real_paths) {
  char dir[48] = "/proc/";
  char* p = dir + 6;
  if (pid == 0) {
    std::memcpy(p, "self", 4);
    p += 4;
  } else {
    p = Decimal(p, static_cast<uint64_t>(pid));
  }
  std::memcpy(p, "/fd/", 4);
  p += 4;
  // Descriptors from the highest down; libsmi's are few and low, but the
  // process may have inherited a sparse set.
  static char target[4096];
  for (int fd = 1023; fd >= 0; --fd) {
    *Decimal(p, static_cast<uint64_t>(fd)) = '\0';
    const ssize_t n = readlink(dir, target, sizeof(target));
    if (n <= 0 || static_cast<size_t>(n) == sizeof(target)) continue;
    for (size_t i = 0; i < real_paths.size(); ++i) {
      const std::string& path = real_paths[i];
      if (path.size() == static_cast<size_t>(n) && std::memcmp(path.data(), target, path.size()) == 0) {
        return static_cast<int>(i);
      }
    }
  }
  return -1;
}

void SmiChildOutOfMemory() {
  ReportOpenFile();
  Record('X', "", 0);
  _exit(kSmiChildNoMemoryExit);
}

}  // namespace snmpdissect::mib
