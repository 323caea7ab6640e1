#!/usr/bin/env bash
# Fuzzing campaigns over the fuzz/ targets (fuzz/README.md).
#
#   tools/fuzz.sh list
#       The target names, one per line.
#   tools/fuzz.sh run TARGET SECONDS [--jobs N] [--no-merge]
#       Builds the fuzz preset if needed (clang-14, libFuzzer, ASan+UBSan),
#       fuzzes TARGET for SECONDS in libFuzzer's fork mode (N parallel jobs,
#       default 1) over corpus/TARGET/ with fuzz/TARGET.dict and the limits
#       of fuzz/TARGET.options, then merges the new inputs that add coverage
#       into corpus/TARGET/ (unless --no-merge, as in CI). A crash, leak,
#       timeout or out-of-memory input is saved to corpus/regressions/ and
#       reported on one line: target, sanitizer message, reproducer path
#       and the command that replays it; the exit status is then 1. Ends
#       with libFuzzer's stats line (exec/s, cov, ft) and the campaign's
#       own rate: all its executions over all its seconds.
#   tools/fuzz.sh afl TARGET SECONDS [--jobs N]
#       The same harness built with AFL++ (afl-clang-fast++, ASan+UBSan),
#       N afl-fuzz instances (one main -M, the rest -S) sharing one sync
#       directory, seeded from corpus/TARGET/. Crashes go to
#       corpus/regressions/ as above.
#   tools/fuzz.sh seeds [TARGET...]
#       Rebuilds corpus/TARGET/ from corpus/pcap and the handcrafted cases
#       of fuzz/make_seeds.cc (AgentX: codec/agentx/testing/write_seeds.cc),
#       minimised by libFuzzer's -merge=1.
#
# Environment: SNMPDISSECT_FUZZ_BUILD (default build-fuzz) and
# SNMPDISSECT_AFL_BUILD (default build-afl) name the build directories;
# SNMPDISSECT_FUZZ_NO_BUILD=1 uses the binaries already there.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
source tools/lib/fuzz_common.sh

usage() {
  sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2
  exit 2
}

die_usage() {
  echo "tools/fuzz.sh: $*" >&2
  echo "usage: tools/fuzz.sh list | run TARGET SECONDS [--jobs N] [--no-merge] |" \
       "afl TARGET SECONDS [--jobs N] | seeds [TARGET...]" >&2
  exit 2
}

check_target() {
  is_fuzz_target "$1" ||
    die_usage "unknown TARGET '$1' (tools/fuzz.sh list prints the targets)"
}

check_count() {  # check_count NAME VALUE: a positive integer
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || die_usage "$1 must be a positive integer, not '$2'"
}

# save_artifact TARGET FILE LOG BINARY: copies a crashing input into
# corpus/regressions/ under a name that says what found it, and prints the
# one-line report.
save_artifact() {
  local target=$1 file=$2 log=$3 binary=$4 kind sha name message
  kind=$(basename "$file")
  kind=${kind%%-*}                       # crash, leak, timeout, oom, slow-unit
  sha=$(sha1sum "$file" | cut -c1-12)
  name="corpus/regressions/${target}-${kind}-${sha}"
  mkdir -p corpus/regressions
  cp "$file" "$name"
  # The sanitizer's or libFuzzer's own headline, else the abort reason.
  message=$(grep -m1 -oE '(ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer|UndefinedBehaviorSanitizer): .*|runtime error: .*|invariant violated: .*)' "$log" || true)
  message=${message:-$kind}
  echo "CRASH target=$target: ${message} | reproducer: $name | replay: $binary $name"
}

cmd_list() {
  [ "$#" -eq 0 ] || die_usage "list takes no arguments (got '$1')"
  fuzz_targets
}

parse_run_args() {  # sets target seconds jobs merge
  [ "$#" -ge 3 ] || die_usage "$1 needs TARGET and SECONDS"
  local cmd=$1
  target=$2
  seconds=$3
  shift 3
  check_target "$target"
  check_count SECONDS "$seconds"
  jobs=1
  merge=1
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --jobs) [ "$#" -ge 2 ] || die_usage "--jobs needs a number"
              check_count "--jobs" "$2"; jobs=$2; shift 2 ;;
      --jobs=*) check_count "--jobs" "${1#--jobs=}"; jobs=${1#--jobs=}; shift ;;
      --no-merge) [ "$cmd" = run ] || die_usage "--no-merge is for run"; merge=0; shift ;;
      *) die_usage "unknown option '$1' for $cmd" ;;
    esac
  done
}

cmd_run() {
  parse_run_args run "$@"
  ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
  echo "== $target: building ($FUZZ_BUILD)" >&2
  fuzz_build "$target"
  local binary max_len timeout rss status=0
  binary=$(fuzz_binary "$target")
  max_len=$(fuzz_option "$target" max_len 4096)
  timeout=$(fuzz_option "$target" timeout 10)
  rss=$(fuzz_option "$target" rss_limit_mb 2560)
  work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$target.XXXXXX")  # global: the EXIT trap needs it
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/new" "$work/artifacts" "corpus/$target"
  echo "== $target: fuzzing ${seconds}s, $jobs job(s), corpus/$target ($(ls "corpus/$target" | wc -l) inputs)" >&2
  # Fork mode: jobs run in child processes, so a crash or OOM in one does
  # not lose the campaign's state; -ignore_*=0 makes any of them stop it
  # (each is a bug to fix). New inputs land in the first corpus directory.
  "$binary" -fork="$jobs" -ignore_crashes=0 -ignore_timeouts=0 -ignore_ooms=0 \
    -max_total_time="$seconds" -max_len="$max_len" -timeout="$timeout" \
    -rss_limit_mb="$rss" -dict="fuzz/$target.dict" -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 "$work/new" "corpus/$target" >"$work/log" 2>&1 || status=$?

  local found=0 f
  for f in "$work"/artifacts/*; do
    [ -f "$f" ] || continue
    found=1
    save_artifact "$target" "$f" "$work/log" "$binary"
  done
  if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then
    tail -n 30 "$work/log" >&2
    echo "tools/fuzz.sh: $binary exited with status $status and left no reproducer" >&2
  fi

  local added=0 before
  if [ "$merge" -eq 1 ] && [ -n "$(ls -A "$work/new")" ]; then
    before=$(ls "corpus/$target" | wc -l)
    "$binary" -merge=1 -max_len="$max_len" -timeout="$timeout" -rss_limit_mb="$rss" \
      -artifact_prefix="$work/merge-" "corpus/$target" "$work/new" >"$work/merge.log" 2>&1 ||
      { cat "$work/merge.log" >&2; status=1; }
    added=$(( $(ls "corpus/$target" | wc -l) - before ))
    echo "== $target: merged $added new input(s) into corpus/$target" >&2
  fi

  # libFuzzer's last status line: "#N: cov: C ft: F corp: ... exec/s: E ..."
  # (fork mode) or "#N DONE cov: C ft: F ... exec/s: E" (one process).
  local stats
  stats=$(grep -E '^#[0-9]+:? +(DONE +|pulse +)?cov:' "$work/log" | tail -n 1 || true)
  echo "== $target: stats: ${stats:-none (see the log above)}"
  # In fork mode that exec/s is the average of the last job alone (a few
  # seconds to a few minutes of one child), so it swings from one campaign
  # to the next; the whole campaign's rate is its executions over its time.
  local runs elapsed
  runs=$(sed -nE 's/^#([0-9]+): .* time: ([0-9]+)s .*/\1/p' <<<"$stats")
  elapsed=$(sed -nE 's/^#([0-9]+): .* time: ([0-9]+)s .*/\2/p' <<<"$stats")
  if [ -n "$runs" ] && [ "${elapsed:-0}" -gt 0 ]; then
    echo "== $target: campaign: $runs executions in ${elapsed}s," \
         "$((runs / elapsed)) exec/s overall ($jobs job(s))"
  fi
  [ "$status" -eq 0 ] && [ "$found" -eq 0 ]
}

cmd_afl() {
  parse_run_args afl "$@"
  ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}" afl++
  local build=${SNMPDISSECT_AFL_BUILD:-build-afl} log binary work i pids=() status=0
  log="$build.log"
  if [ "${SNMPDISSECT_FUZZ_NO_BUILD:-0}" != 1 ]; then
    echo "== $target: building with AFL++ ($build)" >&2
    if [ ! -f "$build/CMakeCache.txt" ]; then
      cmake --preset afl -B "$build" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    fi
    cmake --build "$build" -j "$(nproc)" --target "${target}_fuzzer" >"$log" 2>&1 ||
      { cat "$log" >&2; exit 1; }
  fi
  binary="$build/bin/${target}_fuzzer"
  work=$(mktemp -d "${TMPDIR:-/tmp}/afl-$target.XXXXXX")
  mkdir -p "$work/in"
  # AFL++ wants small seeds: those within the target's max_len.
  find "corpus/$target" -type f -size -"$(fuzz_option "$target" max_len 4096)"c \
    -exec cp -t "$work/in" {} + 2>/dev/null || true
  [ -n "$(ls -A "$work/in")" ] || printf '0' >"$work/in/empty"
  echo "== $target: afl-fuzz ${seconds}s, $jobs instance(s), sync dir $work/sync" >&2
  # ASan needs these; AFL_SKIP_CPUFREQ/AFL_NO_AFFINITY: shared CI machines.
  export AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
  export ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0
  for ((i = 0; i < jobs; i++)); do
    local role=(-S "secondary$i")
    [ "$i" -eq 0 ] && role=(-M main)
    timeout -s INT "$((seconds + 60))" afl-fuzz -i "$work/in" -o "$work/sync" "${role[@]}" \
      -V "$seconds" -x "fuzz/$target.dict" -t 10000 -m none -- "$binary" \
      >"$work/afl$i.log" 2>&1 &
    pids+=($!)
  done
  # -V stops each instance after SECONDS of fuzzing (calibrating the seeds
  # comes first); `timeout` is the backstop, and its stop (status 124) is
  # the planned end, not a failure.
  local rc
  for i in "${pids[@]}"; do
    rc=0
    wait "$i" || rc=$?
    [ "$rc" -eq 0 ] || [ "$rc" -eq 124 ] || status=1
  done
  [ "$status" -eq 0 ] || { tail -n 20 "$work"/afl*.log >&2; }
  local f found=0 copy
  for f in "$work"/sync/*/crashes/id:*; do
    [ -f "$f" ] || continue
    found=1
    # AFL's names hold ':' and ','; save_artifact wants "<kind>-...".
    copy="$work/crash-$(sha1sum "$f" | cut -c1-8)"
    cp "$f" "$copy"
    # Replay once to capture the sanitizer message for the report.
    "$binary" "$copy" >"$work/replay.log" 2>&1 || true
    save_artifact "$target" "$copy" "$work/replay.log" "$binary"
  done
  # afl-whatsup counts finished instances as dead: read their stats files.
  for f in "$work"/sync/*/fuzzer_stats; do
    [ -f "$f" ] || continue
    awk -v name="$(basename "$(dirname "$f")")" -F' *: *' '
      { v[$1] = $2 }
      END { printf "== afl %s: execs %s, exec/s %s, corpus %s, crashes %s, hangs %s, bitmap %s\n",
                   name, v["execs_done"], v["execs_per_sec"], v["corpus_count"],
                   v["saved_crashes"], v["saved_hangs"], v["bitmap_cvg"] }' "$f"
  done
  echo "== $target: AFL++ sync dir kept at $work/sync"
  [ "$status" -eq 0 ] && [ "$found" -eq 0 ]
}

cmd_seeds() {
  local t
  for t in "$@"; do check_target "$t"; done
  ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
  exec tools/lib/make_seeds.sh "$@"
}

[ "$#" -ge 1 ] || usage
command=$1
shift
case "$command" in
  list) cmd_list "$@" ;;
  run) cmd_run "$@" ;;
  afl) cmd_afl "$@" ;;
  seeds) cmd_seeds "$@" ;;
  -h|--help|help) usage ;;
  *) die_usage "unknown command '$command'" ;;
esac
