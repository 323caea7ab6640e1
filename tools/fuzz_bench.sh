#!/usr/bin/env bash
# Benchmark: the snmp_message and der_roundtrip fuzz targets against
# net-snmp's comparable target, on the same inputs and with the same
# compiler and flags (fuzz/README.md, "Beside net-snmp").
#
#   tools/fuzz_bench.sh            # 5 rounds of 30 s per target
#   tools/fuzz_bench.sh 20 7       # 7 rounds of 20 s
#
# The peer is net-snmp 5.9.3 (Debian bookworm's source, fetched once from
# deb.debian.org and checked against its SHA-256), its libnetsnmp built with
# clang-14 and the fuzz preset's flags (-O2, ASan + UBSan, libFuzzer
# coverage and comparison tracing), and tools/peer/net_snmp_parse_fuzzer.c,
# which does per input what net-snmp's own snmp_parse_fuzzer does. Each run
# fuzzes one process for SECONDS from its own fresh copy of
# corpus/snmp_message, with the snmp_message dictionary and max_len.
#
# The machine may be shared, and its load changes from one minute to the
# next: a ratio of two runs made minutes apart measures the load as much as
# the targets. So the runs are paired: each round runs the three targets
# back to back with the same seed (the round's number), in an order that
# rotates from round to round (no target always runs first), and each
# target's ratio is taken within its round; the summary gives the median
# over the rounds of every figure, the spread of the ratios, and the load
# average (1 minute, /proc/loadavg) before and after every run. A benchmark,
# not a test: it prints numbers and the goal beside them; it does not fail
# on them. The peer build (about 5 minutes) is kept in
# $SNMPDISSECT_FUZZ_BUILD/peer (default build-fuzz/peer).
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
source tools/lib/fuzz_common.sh

seconds=${1:-30}
rounds=${2:-5}
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] ||
  { echo "tools/fuzz_bench.sh: SECONDS must be a positive integer, not '$seconds'" >&2; exit 2; }
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] ||
  { echo "tools/fuzz_bench.sh: ROUNDS must be a positive integer, not '$rounds'" >&2; exit 2; }
[ "$#" -le 2 ] ||
  { echo "tools/fuzz_bench.sh: too many arguments (usage: tools/fuzz_bench.sh [SECONDS [ROUNDS]])" >&2; exit 2; }

# The fuzz preset's compile flags (CMakePresets.json "fuzz": RelWithDebInfo,
# SNMPDISSECT_SANITIZERS=address,undefined, SNMPDISSECT_FUZZ=ON).
FLAGS="-O2 -g -DNDEBUG -fsanitize=address,undefined -fno-sanitize-recover=all \
-fno-omit-frame-pointer -fsanitize=fuzzer-no-link"
PEER_VERSION=5.9.3
PEER_TARBALL=net-snmp_${PEER_VERSION}+dfsg.orig.tar.xz
PEER_SHA256=b78f93276a80d40726d94956aa7d06fd8752b5c0624af5bbf155cbc33fd521d1
PEER_URLS=(
  "http://deb.debian.org/debian/pool/main/n/net-snmp/$PEER_TARBALL"
  "https://snapshot.debian.org/archive/debian/20250520T000000Z/pool/main/n/net-snmp/$PEER_TARBALL"
)
peer_dir=$FUZZ_BUILD/peer
peer_src=$peer_dir/net-snmp-$PEER_VERSION
peer_binary=$peer_dir/net_snmp_parse_fuzzer

ensure_packages "${BUILD_PACKAGES[@]}" "${FUZZ_PACKAGES[@]}" curl ca-certificates xz-utils

# fetch_peer: the checked tarball in $peer_dir, from the first URL that works.
fetch_peer() {
  local url
  [ -f "$peer_dir/$PEER_TARBALL" ] &&
    echo "$PEER_SHA256  $peer_dir/$PEER_TARBALL" | sha256sum -c --status && return 0
  for url in "${PEER_URLS[@]}"; do
    curl -fsSL --retry 2 -o "$peer_dir/$PEER_TARBALL.part" "$url" || continue
    if echo "$PEER_SHA256  $peer_dir/$PEER_TARBALL.part" | sha256sum -c --status; then
      mv "$peer_dir/$PEER_TARBALL.part" "$peer_dir/$PEER_TARBALL"
      return 0
    fi
    echo "tools/fuzz_bench.sh: $url: SHA-256 mismatch, trying the next source" >&2
  done
  echo "tools/fuzz_bench.sh: could not fetch $PEER_TARBALL" >&2
  return 1
}

# build_peer: libnetsnmp.a with the fuzz preset's flags, then the harness.
# Only the library (snmplib) is built: no agent, no applications, no MIBs.
build_peer() {
  local lib=$peer_src/snmplib/.libs/libnetsnmp.a log=$peer_dir/build.log
  mkdir -p "$peer_dir"
  if [ ! -f "$lib" ]; then
    fetch_peer
    echo "== building net-snmp $PEER_VERSION's library with the fuzz flags ($peer_dir, a few minutes)" >&2
    rm -rf "$peer_src"
    tar -xJf "$peer_dir/$PEER_TARBALL" -C "$peer_dir"
    (cd "$peer_src" &&
      CC=clang-14 CFLAGS="$FLAGS -Wno-error" ./configure --with-defaults \
        --disable-agent --disable-applications --disable-manuals --disable-scripts \
        --disable-embedded-perl --without-perl-modules --disable-mib-loading \
        --disable-shared --enable-static &&
      make -C snmplib -j "$(nproc)") >"$log" 2>&1 ||
      { tail -n 30 "$log" >&2; echo "tools/fuzz_bench.sh: net-snmp build failed (log: $log)" >&2; return 1; }
  fi
  # shellcheck disable=SC2086  # FLAGS is a list of flags
  clang-14 $FLAGS -fsanitize=fuzzer -I"$peer_src/include" tools/peer/net_snmp_parse_fuzzer.c \
    "$lib" -lssl -lcrypto -lm -o "$peer_binary"
}

# load: the 1-minute load average.
load() { cut -d ' ' -f 1 /proc/loadavg; }

# bench NAME BINARY SEED: fuzzes SECONDS from a fresh copy of the corpus;
# sets the globals execs cov ft from libFuzzer's final line and load_before
# load_after.
bench() {
  local name=$1 binary=$2 seed=$3 corpus line
  corpus=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-bench-corpus.XXXXXX")
  cp -r corpus/snmp_message/. "$corpus"
  echo "== $name: fuzzing ${seconds}s, -seed=$seed" >&2
  load_before=$(load)
  line=$("$binary" -max_total_time="$seconds" -seed="$seed" -max_len="$max_len" \
           -dict=fuzz/snmp_message.dict -rss_limit_mb=2560 "$corpus" 2>&1 |
         grep -E '^#[0-9]+[[:space:]]+DONE' | tail -n 1 || true)
  load_after=$(load)
  rm -rf "$corpus"
  [ -n "$line" ] || { echo "tools/fuzz_bench.sh: $name did not finish (run $binary by hand)" >&2; exit 1; }
  execs=$(sed -E 's/.*exec\/s: ([0-9]+).*/\1/' <<<"$line")
  cov=$(sed -E 's/.*cov: ([0-9]+).*/\1/' <<<"$line")
  ft=$(sed -E 's/.*ft: ([0-9]+).*/\1/' <<<"$line")
}

# median NUMBER...: the middle value (the mean of the middle two for an
# even count).
median() {
  printf '%s\n' "$@" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# A peer run that reported no exec/s (it died at start) gives "n/a", not a
# division by zero that would end the whole bench.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) printf "n/a"; else printf "%.2f", a / b }'; }

echo "== building snmpdissect's targets ($FUZZ_BUILD)" >&2
fuzz_build snmp_message der_roundtrip
build_peer
max_len=$(fuzz_option snmp_message max_len 2048)

names=(peer snmp_message der_roundtrip)
binaries=("$peer_binary" "$(fuzz_binary snmp_message)" "$(fuzz_binary der_roundtrip)")
labels=("net-snmp $PEER_VERSION snmp_parse (peer)" snmp_message der_roundtrip)
declare -A all_execs all_cov all_ft all_ratio median_ratio

echo "machine: $(nproc) cores; $(clang-14 --version | head -n 1); flags: $FLAGS"
echo "inputs: corpus/snmp_message ($(find corpus/snmp_message -type f | wc -l) files), ${seconds}s per run," \
     "$rounds rounds, one process at a time, each round's three runs back to back with -seed=ROUND"
echo
printf '%-6s %-34s %10s %6s %7s %8s %12s\n' round target exec/s cov ft ratio "load (1 min)"
for ((round = 1; round <= rounds; ++round)); do
  declare -A round_execs=() round_cov=() round_ft=() round_load=()
  for ((k = 0; k < 3; ++k)); do
    i=$(((round - 1 + k) % 3))  # round 1: peer first; round 2: snmp_message first; ...
    bench "${names[$i]}" "${binaries[$i]}" "$round"
    round_execs[$i]=$execs round_cov[$i]=$cov round_ft[$i]=$ft
    round_load[$i]="$load_before-$load_after"
    all_execs[$i]+="$execs " all_cov[$i]+="$cov " all_ft[$i]+="$ft "
  done
  for i in 0 1 2; do
    r=$(ratio "${round_execs[$i]}" "${round_execs[0]}")
    [ "$i" = 0 ] || all_ratio[$i]+="$r "
    printf '%-6s %-34s %10s %6s %7s %8s %12s\n' "$round" "${labels[$i]}" "${round_execs[$i]}" \
      "${round_cov[$i]}" "${round_ft[$i]}" "${r}x" "${round_load[$i]}"
  done
done

echo
echo "median over $rounds rounds (ratio: the median of the rounds' ratios, each within its round):"
printf '%-34s %10s %6s %7s %8s %14s\n' target exec/s cov ft ratio "ratio min-max"
for i in 0 1 2; do
  # shellcheck disable=SC2086  # the lists are space-separated numbers
  execs=$(median ${all_execs[$i]}) cov=$(median ${all_cov[$i]}) ft=$(median ${all_ft[$i]})
  if [ "$i" = 0 ]; then
    printf '%-34s %10s %6s %7s %8s %14s\n' "${labels[$i]}" "$execs" "$cov" "$ft" 1.00x -
    continue
  fi
  # shellcheck disable=SC2086
  sorted=$(printf '%s\n' ${all_ratio[$i]} | sort -g)
  # shellcheck disable=SC2086
  median_ratio[$i]=$(ratio "$(median ${all_ratio[$i]})" 1)
  printf '%-34s %10s %6s %7s %8s %14s\n' "${labels[$i]}" "$execs" "$cov" "$ft" \
    "${median_ratio[$i]}x" "$(head -n 1 <<<"$sorted")-$(tail -n 1 <<<"$sorted")"
done
echo
echo "goal (fuzz/README.md, round two): snmp_message and der_roundtrip at >= 1.0x net-snmp's target:" \
     "${median_ratio[1]}x and ${median_ratio[2]}x; load average now $(cut -d ' ' -f 1-3 /proc/loadavg)"
