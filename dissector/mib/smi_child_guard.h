// The guards of the libsmi loading child (smi_loader.cc): what it tells its
// parent when it dies, and the cap on its memory.
//
//   in the child, before libsmi runs:
//     InstallSmiChildGuard(pipe_fd, real_paths, memory_bytes);
//   in the parent, before killing a child that ran out of time:
//     int i = OpenSmiFile(pid, real_paths);   // the file it was reading
//
// Which file: libsmi reads a module, and each module it IMPORTS, from a
// FILE it keeps open while it parses (an import opens the next file inside
// the importer's parse), so the open MIB file with the highest descriptor
// is the innermost one it was reading, the file to blame for a crash or a
// hang even when the top-level file it was asked for is another.
//
// Records written to the pipe (type octet, 4-octet little-endian length,
// payload: the loader's channel format):
//   'O' 4-octet index into real_paths: the file open when it died
//   'X' the child ran out of memory: an allocation failed, or it died with
//       its data segment within 1 MiB of the cap (RLIMIT_DATA, set to what
//       it had at fork plus `memory_bytes`)
//   'S' a sanitizer report from our code, or one whose stack names neither
//       (sanitizer builds only): the parent aborts, so a fuzzing engine
//       sees it (smi_loader.h)
//   'L' a sanitizer report whose stack reaches libsmi's object before our
//       source (the sanitizer's interceptors, such as strcmp's in the
//       executable, and the C library decide nothing): a libsmi crash
//   'K' a fatal signal raised in our own code: the faulting instruction
//       is ours (not libsmi's, not a runtime library's), or the signal was
//       raised inside a runtime library (abort, raise, strlen) called from
//       our code (glibc's backtrace past the signal frame). The parent
//       reports it as our bug, and aborts on it in sanitizer builds, as
//       for 'S'. A stack that cannot be read counts as libsmi's.
// In GCC builds UBSan is a runtime apart from ASan's and does not call the
// death callback set here; its reports end the child with the sanitizers'
// exit status (1) and no record, which the parent of a sanitizer build
// reads as 'S' (nothing else in the child exits 1).
// A fatal signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT; in sanitizer
// builds SIGILL and SIGABRT only, the sanitizer reporting the others) is
// reported from an alternate stack with async-signal-safe calls only (and
// backtrace, loaded at install), then the signal is raised again with its
// default action, so the parent reads the exit status as before.

#ifndef SNMPDISSECT_DISSECTOR_MIB_SMI_CHILD_GUARD_H_
#define SNMPDISSECT_DISSECTOR_MIB_SMI_CHILD_GUARD_H_

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <vector>

namespace snmpdissect::mib {

// The exit status of a child that ran out of memory in an allocation.
inline constexpr int kSmiChildNoMemoryExit = 86;

// Installs the handlers and the memory cap. `real_paths` must outlive the
// child (it never returns). Returns false when the cap could not be set
// (the child then reports that and goes on without it).
bool InstallSmiChildGuard(int fd, const std::vector<std::string>& real_paths, size_t memory_bytes);

// The index into `real_paths` of the file process `pid` (0: this process)
// has open with the highest descriptor, or -1. Async-signal-safe.
int OpenSmiFile(pid_t pid, const std::vector<std::string>& real_paths);

// Reports that the child ran out of memory ('X' after 'O'); for the
// loader's own checks (libsmi's "out of memory" error), then _exits.
[[noreturn]] void SmiChildOutOfMemory();

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_SMI_CHILD_GUARD_H_
