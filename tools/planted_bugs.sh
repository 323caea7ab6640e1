#!/usr/bin/env bash
# Planted-bug check: does the fuzzing harness find real bugs? (fuzz/README.md,
# "Planted bugs")
#
#   tools/planted_bugs.sh [SECONDS] [FAULT...]
#
# Each fuzz/planted/*.patch is one small fault (an off-by-one in a length
# check, a shift past the width, a missing USM length check, ...). Its header
# names the targets that should find it, in order, and a hand-made input
# (hex) that triggers it. For each fault the script:
#
#   1. applies the patch to a copy of the tree ($PLANTED/tree: the tracked
#      files of this checkout, re-synced each run; builds are incremental in
#      $PLANTED/build) and builds the fault's targets with the fuzz preset;
#   2. shows the fault detectable: the hand-made input must make one of its
#      targets abort (a sanitizer report or the target's own check);
#   3. copies corpus/<target>/ minus every input that already triggers the
#      fault (the hand-made input is in no corpus), and fuzzes each target in
#      turn for SECONDS (default 300) with its dictionary and options until
#      one finds the fault;
#   4. reverts the patch.
#
# It prints one line per fault: which target found it and after how many
# seconds, or "NOT FOUND". Exit status 1 when a fault was not found or its
# input did not trigger it. Not run by CI (a few minutes per fault).
# PLANTED (default build-planted) is the work directory.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
source tools/lib/fuzz_common.sh

seconds=${1:-300}
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] ||
  { echo "tools/planted_bugs.sh: SECONDS must be a positive integer, not '$seconds'" >&2; exit 2; }
shift $(($# > 0 ? 1 : 0))
faults=("$@")
if [ "${#faults[@]}" -eq 0 ]; then
  for f in fuzz/planted/*.patch; do faults+=("$(basename "$f" .patch)"); done
fi

ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
root=$PWD
work=$root/${PLANTED:-build-planted}
tree=$work/tree build=$work/build
mkdir -p "$tree" "$build"

# The copy: tracked files as they are in this checkout. tar keeps their
# modification times, so an unchanged file is not rebuilt.
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$tree"
if [ ! -f "$build/CMakeCache.txt" ]; then
  echo "== configuring the copy ($build; the first build takes a while)" >&2
  (cd "$tree" && cmake --preset fuzz -B "$build" >"$work/configure.log" 2>&1) ||
    { cat "$work/configure.log" >&2; exit 1; }
fi

header() {  # header FAULT KEY: the value of "# KEY: ..." in the patch
  sed -n "s/^# $2: //p" "fuzz/planted/$1.patch" | head -n 1
}

# clean_corpus TARGET BINARY DIR: DIR gets corpus/TARGET minus every input
# that makes BINARY abort. libFuzzer's merge restarts past an input that
# crashes and leaves it out (as tools/lib/make_seeds.sh relies on), and
# keeps a set with the same coverage, as the committed corpora are.
clean_corpus() {
  local target=$1 binary=$2 dir=$3
  rm -rf "$dir" && mkdir -p "$dir"
  "$binary" -merge=1 -artifact_prefix="$work/merge-" \
    -max_len="$(fuzz_option "$target" max_len 4096)" \
    -timeout="$(fuzz_option "$target" timeout 10)" \
    -rss_limit_mb="$(fuzz_option "$target" rss_limit_mb 2560)" \
    "$dir" "corpus/$target" >"$work/merge.log" 2>&1 || true
  rm -f "$work"/merge-*
  # Check: the cleaned corpus must run without a crash.
  "$binary" -runs=0 "$dir" >/dev/null 2>&1
}

status=0
results=()
for fault in "${faults[@]}"; do
  patch_file=fuzz/planted/$fault.patch
  [ -f "$patch_file" ] || { echo "tools/planted_bugs.sh: no $patch_file" >&2; exit 2; }
  read -r -a targets <<<"$(header "$fault" targets)"
  input_hex=$(header "$fault" input)
  echo "== $fault: $(header "$fault" what)" >&2
  patch -s -p1 -d "$tree" <"$patch_file"
  trap 'patch -s -R -p1 -d "$tree" <"$root/$patch_file"' EXIT
  bins=()
  for t in "${targets[@]}"; do bins+=("${t}_fuzzer"); done
  nice cmake --build "$build" -j "$(nproc)" --target "${bins[@]}" >"$work/build.log" 2>&1 ||
    { cat "$work/build.log" >&2; exit 1; }

  # 2. The hand-made input triggers it in one of the targets.
  input=$work/$fault.input
  xxd -r -p <<<"$input_hex" >"$input"
  detected=""
  for t in "${targets[@]}"; do
    if ! "$build/bin/${t}_fuzzer" "$input" >"$work/$fault.trigger.log" 2>&1; then
      detected=$t
      break
    fi
  done
  if [ -z "$detected" ]; then
    results+=("$(printf '%-34s input does NOT trigger it in %s' "$fault" "${targets[*]}")")
    status=1
  else
    found=""
    for t in "${targets[@]}"; do
      binary=$build/bin/${t}_fuzzer
      dir=$work/corpus-$t
      if ! clean_corpus "$t" "$binary" "$dir"; then
        echo "   $t: its corpus still triggers the fault after the merge" >&2
        continue
      fi
      echo "   $t: fuzzing up to ${seconds}s from $(ls "$dir" | wc -l) inputs" >&2
      rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
      start=$(date +%s.%N)
      if ! nice "$binary" -max_total_time="$seconds" -artifact_prefix="$work/" \
          -dict="fuzz/$t.dict" -max_len="$(fuzz_option "$t" max_len 4096)" \
          -timeout="$(fuzz_option "$t" timeout 10)" \
          -rss_limit_mb="$(fuzz_option "$t" rss_limit_mb 2560)" \
          "$dir" >"$work/$fault.$t.log" 2>&1; then
        elapsed=$(echo "$(date +%s.%N) - $start" | bc)
        what=$(grep -m1 -E 'ERROR: |runtime error|differential: ' "$work/$fault.$t.log" |
               sed -E 's/^==[0-9]+==//; s/^ *//' | cut -c1-70)
        found=$(printf '%-34s found by %-14s after %6.1f s  (%s)' "$fault" "$t" "$elapsed" "$what")
        break
      fi
    done
    if [ -z "$found" ]; then
      found=$(printf '%-34s NOT FOUND in %s s per target (%s)' "$fault" "$seconds" "${targets[*]}")
      status=1
    fi
    results+=("$found")
  fi
  echo "   ${results[-1]}" >&2
  patch -s -R -p1 -d "$tree" <"$patch_file"
  trap - EXIT
done

echo
echo "planted faults, ${seconds}s per target, one process each ($(nproc) cores):"
printf '%s\n' "${results[@]}"
exit "$status"
