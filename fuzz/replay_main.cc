// A main() for the fuzz targets without libFuzzer, so that every target
// builds with g++ (the release and asan-ubsan presets) and ctest replays
// the corpora through it. Links into the target instead of
// -fsanitize=fuzzer; the target's LLVMFuzzerTestOneInput is unchanged.
//
//   replay_fuzzer [-mutations=N] [-verbose=1] [-flag=value ...] PATH...
//
// Each PATH is a file, or a directory whose regular files are run in name
// order (not recursively: corpus/<target>/ is flat). Unknown -flags are
// ignored, so libFuzzer command lines (e.g. -runs=0 -dict=...) work as they
// are. -mutations=N (for targets with LLVMFuzzerCustomMutator) also runs N
// mutants of every input, made by the target's own mutator from a fixed
// seed, so the mutator itself is tested under the sanitizers of this build.
//
// On a crash the input being run is named on stderr (signal handler and the
// sanitizers' death callback), so a failing ctest says which file. Exit
// status: 0 when every input ran; 1 for a bad path (an empty corpus
// directory is fine: a new target starts with none).

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" __attribute__((weak)) size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size,
                                                                size_t max_size,
                                                                unsigned int seed);
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)(void));

// What libFuzzer's LLVMFuzzerMutate does for a custom mutator's fallback:
// here a few deterministic byte-level edits (flip, insert, erase), enough
// for a mutator that calls it to run under replay. Exported so targets with
// a custom mutator link without libFuzzer.
extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size) {
  static std::minstd_rand rng(12345);
  switch (rng() % 3) {
    case 0:
      if (size > 0) data[rng() % size] ^= static_cast<uint8_t>(1u << (rng() % 8));
      return size;
    case 1:
      if (size < max_size) {
        const size_t at = size == 0 ? 0 : rng() % (size + 1);
        std::memmove(data + at + 1, data + at, size - at);
        data[at] = static_cast<uint8_t>(rng());
        return size + 1;
      }
      return size;
    default:
      if (size > 1) {
        const size_t at = rng() % size;
        std::memmove(data + at, data + at + 1, size - at - 1);
        return size - 1;
      }
      return size;
  }
}

// Sanitizer defaults for the replay binaries (the environment's
// ASAN_OPTIONS/UBSAN_OPTIONS still override them): end a report with
// abort(), so that the SIGABRT handler below can name the input (without
// it the sanitizers _exit(), and the death callback is not always there).
extern "C" const char* __asan_default_options() { return "abort_on_error=1"; }
extern "C" const char* __ubsan_default_options() {
  return "abort_on_error=1:print_stacktrace=1";
}

namespace {

// The input being run, for the crash report (a fixed buffer: read from a
// signal handler).
char current_input[4096] = "(none)";

void SayCurrentInput() {
  const char prefix[] = "\n==replay== crashed on input: ";
  (void)!write(2, prefix, sizeof(prefix) - 1);
  (void)!write(2, current_input, std::strlen(current_input));
  (void)!write(2, "\n", 1);
}

void OnSignal(int signal) {
  SayCurrentInput();
  ::signal(signal, SIG_DFL);
  raise(signal);
}

bool ReadFile(const std::filesystem::path& path, std::vector<uint8_t>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

void Run(const std::vector<uint8_t>& bytes) {
  // A copy of exactly `size` bytes on the heap, as libFuzzer does, so ASan
  // catches a read one past the end.
  std::vector<uint8_t> copy(bytes);
  LLVMFuzzerTestOneInput(copy.empty() ? nullptr : copy.data(), copy.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  long mutations = 0;
  bool verbose = false;
  std::vector<std::filesystem::path> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("-mutations=", 0) == 0) {
      mutations = std::strtol(arg.c_str() + 11, nullptr, 10);
      continue;
    }
    if (arg.rfind("-verbose=", 0) == 0) {
      verbose = arg != "-verbose=0";
      continue;
    }
    if (arg.size() > 1 && arg[0] == '-') continue;  // a libFuzzer flag
    std::error_code error;
    const std::filesystem::path path(arg);
    if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> in_dir;
      for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
        if (entry.is_regular_file()) in_dir.push_back(entry.path());
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (std::filesystem::is_regular_file(path, error)) {
      files.push_back(path);
    } else {
      std::fprintf(stderr, "%s: %s: no such file or directory\n", argv[0], arg.c_str());
      return 1;
    }
  }
  if (mutations > 0 && !LLVMFuzzerCustomMutator) {
    std::fprintf(stderr, "%s: -mutations=%ld: this target has no custom mutator\n", argv[0],
                 mutations);
    return 1;
  }

  for (int s : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL}) ::signal(s, OnSignal);
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(SayCurrentInput);

  size_t runs = 0;
  std::vector<uint8_t> bytes;
  for (const std::filesystem::path& path : files) {
    std::snprintf(current_input, sizeof(current_input), "%s", path.c_str());
    if (!ReadFile(path, &bytes)) {
      std::fprintf(stderr, "%s: %s: cannot read\n", argv[0], path.c_str());
      return 1;
    }
    if (verbose) std::fprintf(stderr, "Running: %s (%zu bytes)\n", path.c_str(), bytes.size());
    Run(bytes);
    ++runs;
    if (mutations > 0) {
      // Mutants of this input, as libFuzzer would make them: seeded from
      // the input's position so a failure reproduces with the same command.
      constexpr size_t kMaxSize = 65536;
      std::vector<uint8_t> mutant;
      for (long m = 0; m < mutations; ++m) {
        mutant = bytes;
        mutant.resize(std::max(kMaxSize, bytes.size()));
        const size_t n = LLVMFuzzerCustomMutator(mutant.data(), bytes.size(), mutant.size(),
                                                 static_cast<unsigned>(runs * 7919 + m));
        mutant.resize(std::min(n, mutant.size()));
        std::snprintf(current_input, sizeof(current_input), "%s (mutant %ld)", path.c_str(), m);
        Run(mutant);
        ++runs;
      }
    }
  }
  std::fprintf(stderr, "%s: %zu inputs from %zu files ran without a crash\n", argv[0], runs,
               files.size());
  return 0;
}
