# Sourced by tools/fuzz.sh, tools/coverage.sh and tools/test.sh: the fuzz
# targets and how to build them (fuzz/README.md).
#
#   source tools/lib/deps.sh; source tools/lib/fuzz_common.sh
#   fuzz_targets                 # ber_reader capture der_roundtrip ...
#   fuzz_build ber_reader ...    # configures and builds the fuzz preset
#
# Needs the repository root as the working directory.

# Packages a libFuzzer build needs beyond BUILD_PACKAGES: clang-14 and its
# runtime (libFuzzer, ASan, UBSan live in libclang-rt-14-dev).
FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)

# Where the fuzz preset builds: build-fuzz/ (CMakePresets.json) unless
# SNMPDISSECT_FUZZ_BUILD names another directory (several checkouts or
# engineers sharing a machine each use their own).
FUZZ_BUILD=${SNMPDISSECT_FUZZ_BUILD:-build-fuzz}

# The targets: one fuzz/<name>_fuzzer.cc each, sorted. The file names are
# the one list; nothing else repeats it.
fuzz_targets() {
  local f
  for f in fuzz/*_fuzzer.cc; do
    f=${f#fuzz/}
    printf '%s\n' "${f%_fuzzer.cc}"
  done
}

is_fuzz_target() {
  local t
  for t in $(fuzz_targets); do [ "$t" = "$1" ] && return 0; done
  return 1
}

# fuzz_option TARGET KEY DEFAULT: a value from fuzz/TARGET.options.
fuzz_option() {
  local value
  value=$(sed -n "s/^$2 *= *//p" "fuzz/$1.options" 2>/dev/null | head -n 1)
  printf '%s\n' "${value:-$3}"
}

# fuzz_build [TARGET...]: configures $FUZZ_BUILD with the fuzz preset once,
# then builds the given targets' binaries (all of them when none are given).
# SNMPDISSECT_FUZZ_NO_BUILD=1 skips it (binaries built elsewhere). The build
# log goes to stderr only on failure.
fuzz_build() {
  [ "${SNMPDISSECT_FUZZ_NO_BUILD:-0}" = 1 ] && return 0
  local log="$FUZZ_BUILD.log" targets=() t
  [ "$#" -eq 0 ] && set -- $(fuzz_targets)
  for t in "$@"; do targets+=("${t}_fuzzer"); done
  mkdir -p "$(dirname "$FUZZ_BUILD")"
  if [ ! -f "$FUZZ_BUILD/CMakeCache.txt" ]; then
    cmake --preset fuzz -B "$FUZZ_BUILD" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
  fi
  cmake --build "$FUZZ_BUILD" -j "$(nproc)" --target "${targets[@]}" >"$log" 2>&1 ||
    { cat "$log" >&2; return 1; }
}

fuzz_binary() { printf '%s\n' "$FUZZ_BUILD/bin/$1_fuzzer"; }
