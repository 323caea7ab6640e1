#!/usr/bin/env bash
# Source-based coverage (clang-14 -fprofile-instr-generate -fcoverage-mapping)
# of codec/ and dissector/ by the fuzz corpora (fuzz/README.md):
#
#   tools/coverage.sh [--html DIR] [TARGET...]
#
# Builds the `coverage` preset (build-coverage/, or SNMPDISSECT_COVERAGE_BUILD)
# with every fuzz target linked to fuzz/replay_main.cc, runs each target over
# corpus/<target>/ and corpus/regressions/ (no mutation: what the committed
# corpora reach), merges the profiles and prints llvm-cov's line and branch
# coverage per file, then the totals for codec/ and dissector/ and their
# goals (90% and 80% of lines). Unit tests, test support (testing/), fuzz/
# and tools/ are not counted. --html DIR also writes an annotated source
# report there. Exits 1 when a replay fails; the goals are reported, not
# enforced.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
source tools/lib/fuzz_common.sh

html=""
targets=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --html) [ "$#" -ge 2 ] || { echo "tools/coverage.sh: --html needs a DIR" >&2; exit 2; }
            html=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//p}' "$0"; exit 0 ;;
    -*) echo "tools/coverage.sh: unknown option '$1'" >&2; exit 2 ;;
    *) is_fuzz_target "$1" ||
         { echo "tools/coverage.sh: unknown TARGET '$1' (tools/fuzz.sh list)" >&2; exit 2; }
       targets+=("$1"); shift ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || mapfile -t targets < <(fuzz_targets)

ensure_packages "${BUILD_PACKAGES[@]}" clang-14 llvm-14
build=${SNMPDISSECT_COVERAGE_BUILD:-build-coverage}
log="$build.log"
mkdir -p "$(dirname "$build")"
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake --preset coverage -B "$build" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
fi
bins=()
for t in "${targets[@]}"; do bins+=("${t}_fuzzer"); done
cmake --build "$build" -j "$(nproc)" --target "${bins[@]}" >"$log" 2>&1 ||
  { cat "$log" >&2; exit 1; }

profiles="$build/profiles"
rm -rf "$profiles"
mkdir -p "$profiles"
objects=()  # llvm-cov: the first binary, then -object BINARY for the others
for t in "${targets[@]}"; do
  binary="$build/bin/${t}_fuzzer"
  if [ "${#objects[@]}" -eq 0 ]; then objects=("$binary"); else objects+=(-object "$binary"); fi
  mkdir -p "corpus/$t"
  LLVM_PROFILE_FILE="$profiles/$t-%p.profraw" "$binary" "corpus/$t" corpus/regressions \
    >"$profiles/$t.log" 2>&1 || { cat "$profiles/$t.log" >&2; exit 1; }
done
llvm-profdata-14 merge -sparse "$profiles"/*.profraw -o "$profiles/merged.profdata"

# Only the libraries: not tests, test support, fuzz harnesses or tools.
ignore='(_test\.cc|_benchmark\.cc|/testing/|/fuzz/|/tools/|^/usr/)'
report() {
  llvm-cov-14 report "${objects[@]}" -instr-profile="$profiles/merged.profdata" \
    -ignore-filename-regex="$ignore" -show-region-summary=false \
    -show-instantiation-summary=false "$@"
}
report "$PWD/codec" "$PWD/dissector"

# Totals per tree from llvm-cov's TOTAL row (llvm-cov 14 without regions:
#   TOTAL functions missed executed lines missed cover branches missed cover)
total() {
  report "$PWD/$1" | awk -v tree="$1" -v goal="$2" '
    $1 == "TOTAL" {
      lc = $5 ? 100 * ($5 - $6) / $5 : 0
      bc = $8 ? 100 * ($8 - $9) / $8 : 0
      printf "%-10s lines %6.2f%% (%d/%d)  branches %6.2f%% (%d/%d)  goal %d%% of lines: %s\n",
             tree "/", lc, $5 - $6, $5, bc, $8 - $9, $8, goal, (lc >= goal ? "met" : "NOT met")
    }'
}
echo
total codec 90
total dissector 80

if [ -n "$html" ]; then
  llvm-cov-14 show "${objects[@]}" -instr-profile="$profiles/merged.profdata" \
    -ignore-filename-regex="$ignore" -format=html -output-dir="$html" \
    "$PWD/codec" "$PWD/dissector"
  echo "HTML report: $html/index.html"
fi
