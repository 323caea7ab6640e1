#!/usr/bin/env bash
# Benchmark: snmpdissect against tshark and tcpdump -vv on the same capture,
# in one run. Builds a capture of PACKETS packets (default 100000) by
# repeating the sample captures in corpus/pcap, then times each tool on it
# for the summary, -V, JSON and fields outputs (output to /dev/null), and
# prints wall time, peak memory (max RSS) and the ratios, best of RUNS runs
# (default 3). A second, 10x smaller capture shows whether snmpdissect's
# peak memory depends on the capture's length. A benchmark, not a test:
# it prints numbers and the goals beside them; it does not fail on them.
#
#   tools/bench.sh                 # 100000 packets, 3 runs each
#   PACKETS=20000 RUNS=1 tools/bench.sh
#   MODE=names RUNS=7 tools/bench.sh   # only the MIB rows (issue 17), below
#   CAPTURE=/tmp/big.pcap tools/bench.sh   # an existing capture, not made
#   MODE=baseline BASELINE=/tmp/old/build/bin/snmpdissect ARGS=-n RUNS=9 tools/bench.sh
#
# The capture is made by make_capture below (the sample captures merged
# with mergecap -a until PACKETS packets, cut with editcap -r); KEEP=FILE
# keeps a copy of it for later CAPTURE= runs.
#
# MODE=names: the MIB-name rows only, on a loaded machine: RUNS rounds, in
# each round names on (the default), -n, and --mib-dir /usr/share/snmp/mibs
# --mib ALL run one after another (interleaved, so load changes hit all
# three alike); prints each one's median seconds and median peak RSS, the
# median of the per-round ratios names-on / -n (goal <= 1.25x) and the load
# average before and after.
#
# MODE=baseline: this tree's snmpdissect against another build of it
# (BASELINE=PATH, e.g. a worktree of an older commit) for the summary, -V,
# JSON and fields outputs: RUNS interleaved rounds, each output run by both
# one after the other, the first alternating by round; prints the median
# CPU seconds (user + system) of each and the median of the per-round ratios this / baseline (goal: no
# slowdown, each within 3%: <= 1.03x). ARGS are given to this tree's binary
# only: -n when the baseline predates MIB names (its output is then the
# same).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh

packets=${PACKETS:-100000}
runs=${RUNS:-3}
case "$packets$runs" in *[!0-9]*) echo "bench.sh: PACKETS and RUNS must be numbers" >&2; exit 1;; esac

ensure_packages "${BUILD_PACKAGES[@]}" tshark tcpdump time
case "${MODE:-}" in
  '' | names | baseline) ;;
  *) echo "bench.sh: MODE=$MODE: unknown (names, baseline, or unset for the full run)" >&2; exit 1 ;;
esac
if [ "${MODE:-}" = baseline ] && [ ! -x "${BASELINE:-}" ]; then
  echo "bench.sh: BASELINE=${BASELINE:-}: not an executable (MODE=baseline needs one)" >&2; exit 1
fi
if [ "${MODE:-}" = names ] || [ "${MODE:-}" = baseline ]; then
  # The tool only (the MIB rows need nothing else).
  [ -f build/CMakeCache.txt ] || cmake --preset release >/dev/null
  cmake --build --preset release -j "$(nproc)" --target snmpdissect >/dev/null
else
  build_preset release
fi
tool=build/bin/snmpdissect
users=corpus/pcap/snmp_users

work=$(mktemp -d /tmp/snmpdissect-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
# tshark 4.0 takes SNMPv3 users only from its configuration (the snmp_users
# UAT file): a throw-away one with the same users, so it decrypts too.
mkdir -p "$work/config/wireshark"
cp "$users" "$work/config/wireshark/snmp_users"
export XDG_CONFIG_HOME=$work/config HOME=$work/config

# make_capture N OUT: the sample captures back to back (their timestamps
# rewritten to follow each other), repeated until N packets, cut at N.
make_capture() {
  local want=$1 out=$2 have=0 i=0
  local samples=(corpus/pcap/*.pcap) parts=()
  while [ "$have" -lt "$want" ]; do
    for f in "${samples[@]}"; do
      parts+=("$f")
      have=$((have + $(capinfos -c -M "$f" | awk '/Number of packets/ {print $NF}')))
      [ "$have" -ge "$want" ] && break
    done
    i=$((i + 1))
  done
  mergecap -a -F pcap -w "$work/joined.pcap" "${parts[@]}"
  editcap -r "$work/joined.pcap" "$out" "1-$want"
  rm -f "$work/joined.pcap"
}

if [ -n "${CAPTURE:-}" ]; then
  [ -r "$CAPTURE" ] || { echo "bench.sh: CAPTURE=$CAPTURE: cannot read it" >&2; exit 1; }
  ln -s "$(realpath "$CAPTURE")" "$work/big.pcap"
  packets=$(capinfos -c -M "$CAPTURE" | awk '/Number of packets/ {print $NF}')
else
  make_capture "$packets" "$work/big.pcap"
fi
if [ -n "${KEEP:-}" ]; then cp "$work/big.pcap" "$KEEP"; fi
echo "capture: $packets packets, $(du -hL "$work/big.pcap" | cut -f1)${CAPTURE:+ ($CAPTURE)}"
echo "machine: $(nproc) cores; $($tool --version); $(tshark -v 2>/dev/null | head -1); $(tcpdump --version 2>&1 | head -1)"
echo

# measure NAME CMD...: best wall time (s) and its max RSS (KiB) over $runs
# runs, into the globals secs and rss.
measure() {
  local best_s="" best_rss="" run_s run_rss status
  for _ in $(seq "$runs"); do
    status=0
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
    # snmpdissect exits 2 when a message is malformed (failures.pcap has
    # some); anything else is a failed run.
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
      echo "bench.sh: failed ($status): $*" >&2; cat "$work/stderr" >&2; exit 1
    fi
    read -r run_s run_rss < <(tail -1 "$work/time")
    if [ -z "$best_s" ] || awk -v a="$run_s" -v b="$best_s" 'BEGIN {exit !(a < b)}'; then
      best_s=$run_s best_rss=$run_rss
    fi
  done
  secs=$best_s rss=$best_rss
}

# median: the middle of the numbers on standard input (the lower middle
# of an even count).
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

if [ "${MODE:-}" = names ]; then
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  : >"$work/on" ; : >"$work/off" ; : >"$work/all" ; : >"$work/ratio"
  for _ in $(seq "$runs"); do
    for variant in on off all; do
      case $variant in
        on) args=() ;;
        off) args=(-n) ;;
        all) args=(--mib-dir /usr/share/snmp/mibs --mib ALL) ;;
      esac
      status=0
      /usr/bin/time -f "%e %M" -o "$work/time" "$tool" -q --users "$users" -r "$work/big.pcap" \
        "${args[@]}" >/dev/null 2>"$work/stderr" || status=$?
      if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
        echo "bench.sh: failed ($status): $tool ${args[*]}" >&2; cat "$work/stderr" >&2; exit 1
      fi
      tail -1 "$work/time" >>"$work/$variant"
    done
    paste -d' ' <(tail -1 "$work/on") <(tail -1 "$work/off") | awk '{printf "%.4f\n", $1 / $3}' >>"$work/ratio"
  done
  printf '%-44s %14s %16s\n' "run ($runs interleaved rounds)" "median seconds" "median max RSS"
  for variant in on off all; do
    case $variant in
      on) label="snmpdissect (names on)" ;;
      off) label="snmpdissect -n (names off)" ;;
      all) label="snmpdissect --mib-dir net-snmp --mib ALL" ;;
    esac
    printf '%-44s %14s %12s KiB\n' "$label" "$(cut -d' ' -f1 "$work/$variant" | median)" \
      "$(cut -d' ' -f2 "$work/$variant" | median)"
  done
  echo "names on / -n, median of the rounds' ratios: $(median <"$work/ratio")x (goal <= 1.25x); peak memory goal < 32 MB"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

# cpu_seconds CMD...: runs CMD (its output thrown away) and prints its user
# + system CPU seconds to the microsecond (getrusage; time(1)'s 10 ms steps
# are 2.5% of a 0.4 s run). Exit status 2 (a malformed message) counts as
# success, as in measure.
cpu_seconds() {
  /usr/bin/python3 -c '
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
if status not in (0, 2):
    sys.exit(status if status > 0 else 1)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.6f" % (r.ru_utime + r.ru_stime))' "$@"
}

if [ "${MODE:-}" = baseline ]; then
  read -r -a ours_extra <<<"${ARGS:-}"
  echo "baseline: $BASELINE ($("$BASELINE" --version | head -1)); this tree's extra arguments: ${ARGS:-none}"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-8s %16s %16s %26s\n' output "cpu s (this)" "cpu s (baseline)" "this / baseline (median)"
  for output in summary -V json fields; do
    case $output in
      summary) args=() ;;
      -V) args=(-V) ;;
      json) args=(-T json) ;;
      fields) args=(-T fields -e frame.number -e ip.src -e udp.srcport -e snmp.name -e snmp.msgUserName) ;;
    esac
    : >"$work/this" ; : >"$work/base" ; : >"$work/ratio"
    for round in $(seq "$runs"); do
      # Who runs first alternates by round: neither gets the warmer cache
      # (or the quieter second) every time.
      order=(this base)
      if [ $((round % 2)) -eq 0 ]; then order=(base this); fi
      for side in "${order[@]}"; do
        if [ "$side" = this ]; then cmd=("$tool" "${ours_extra[@]}"); else cmd=("$BASELINE"); fi
        status=0
        cpu_seconds "${cmd[@]}" -q --users "$users" -r "$work/big.pcap" "${args[@]}" \
          >>"$work/$side" 2>"$work/stderr" || status=$?
        if [ "$status" -ne 0 ]; then
          echo "bench.sh: failed ($status): ${cmd[*]} ${args[*]}" >&2; cat "$work/stderr" >&2; exit 1
        fi
      done
      paste -d' ' <(tail -1 "$work/this") <(tail -1 "$work/base") | awk '{printf "%.4f\n", $1 / $2}' >>"$work/ratio"
    done
    printf '%-8s %16s %16s %25sx\n' "$output" "$(median <"$work/this")" "$(median <"$work/base")" \
      "$(median <"$work/ratio")"
  done
  echo "goal: each ratio <= 1.03x (no slowdown)"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

make_capture $((packets / 10)) "$work/small.pcap"
printf '%-34s %9s %10s   %s\n' "run" "seconds" "max RSS" "ratio (them / us)"
# row LABEL OUR_SECS OUR_RSS: prints a peer's row with the ratio to ours.
row() {
  local ratio
  ratio=$(awk -v a="$secs" -v b="$2" 'BEGIN {printf (b > 0 ? "%.1fx" : "n/a"), a / (b > 0 ? b : 1)}')
  printf '%-34s %9s %8s KiB  %s slower than snmpdissect\n' "$1" "$secs" "$rss" "$ratio"
}
ours() {
  printf '%-34s %9s %8s KiB\n' "$1" "$secs" "$rss"
}

all_frames_filter='frame.len > 0 && !(snmp.name == 1.2.3.4) && !(snmp.community matches "^zzz")'
fields=(-e frame.number -e ip.src -e ip.dst -e snmp.msgID -e snmp.msgUserName
        -e snmp.request_id -e snmp.error_status -e snmp.name)
declare -A goal=([summary]="tshark >= 20x, tcpdump -vv >= 2x" [V]="tshark -V >= 20x"
                 [json]="tshark -T json >= 50x" [fields]="(no goal)")

for mode in summary V json fields; do
  case $mode in
    summary) ours_args=(); shark_args=() ;;
    V) ours_args=(-V); shark_args=(-V) ;;
    json) ours_args=(-T json); shark_args=(-T json) ;;
    fields) ours_args=(-T fields "${fields[@]}"); shark_args=(-T fields "${fields[@]}") ;;
  esac
  echo "== $mode (goal: ${goal[$mode]})"
  measure "$tool" -q --users "$users" -r "$work/big.pcap" "${ours_args[@]}"
  our_secs=$secs our_rss=$rss
  ours "snmpdissect ${ours_args[*]}"
  measure tshark -n -r "$work/big.pcap" "${shark_args[@]}"
  row "tshark ${shark_args[*]}" "$our_secs"
  if [ "$mode" = summary ]; then
    measure tcpdump -n -vv -r "$work/big.pcap"
    row "tcpdump -n -vv" "$our_secs"
    # A display filter that selects every frame, touching the tree of each
    # (integer, multi-occurrence OID and regex tests): goal <= 1.15x.
    measure "$tool" -q --users "$users" -r "$work/big.pcap" -Y "$all_frames_filter"
    printf '%-34s %9s %8s KiB  %s of the plain run (goal <= 1.15x)\n' "snmpdissect -Y (every frame)" \
      "$secs" "$rss" "$(awk -v a="$secs" -v b="$our_secs" 'BEGIN {printf "%.2fx", a / b}')"
    # MIB names and values are on by default; -n turns them off. Goal: the
    # plain run (names on) <= 1.25x the -n run, under 32 MB (issue 17).
    measure "$tool" -q -n --users "$users" -r "$work/big.pcap"
    printf '%-34s %9s %8s KiB  names on: %s of this (goal <= 1.25x, < 32 MB)\n' "snmpdissect -n (no MIB names)" \
      "$secs" "$rss" "$(awk -v a="$our_secs" -v b="$secs" 'BEGIN {printf "%.2fx", a / b}')"
    # User MIBs on top (libsmi at start-up, net-snmp's 13 MIBs): the load
    # is paid once; per packet the table is the same kind of trie.
    if [ -d /usr/share/snmp/mibs ]; then
      measure "$tool" -q --users "$users" -r "$work/big.pcap" --mib-dir /usr/share/snmp/mibs --mib ALL
      printf '%-34s %9s %8s KiB  %s of the plain run\n' "snmpdissect --mib-dir net-snmp ALL" \
        "$secs" "$rss" "$(awk -v a="$secs" -v b="$our_secs" 'BEGIN {printf "%.2fx", a / b}')"
    fi
  fi
  echo
done

echo "== peak memory against capture length (goal: independent of length)"
measure "$tool" -q --users "$users" -r "$work/small.pcap" -V
small_rss=$rss
measure "$tool" -q --users "$users" -r "$work/big.pcap" -V
printf 'snmpdissect -V: %s KiB at %d packets, %s KiB at %d packets\n' \
  "$small_rss" $((packets / 10)) "$rss" "$packets"
