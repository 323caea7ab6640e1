#!/usr/bin/env bash
# Live-capture loss at loopback's full replay speed, per kernel buffer size:
# builds a capture of PACKETS packets (default 100000) from the sample
# captures, as tools/bench.sh does, replays it onto lo with
# `tcpreplay --topspeed` while `snmpdissect -i lo -B MiB` summarises it to
# /dev/null, and prints libpcap's counts (captured, received, dropped by the
# kernel) per -B. Root (live capture, replay). A measurement, not a test:
# run it on an idle machine.
#
#   tools/live_loss.sh                  # -B 1 2 4 8 16 32 64
#   BUFFERS="2 8" PACKETS=50000 tools/live_loss.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
ensure_packages "${BUILD_PACKAGES[@]}" tshark tcpreplay
build_preset release
packets=${PACKETS:-100000}
buffers=${BUFFERS:-1 2 4 8 16 32 64}
tool=build/bin/snmpdissect
work=$(mktemp -d /tmp/snmpdissect-live-loss.XXXXXX)
trap 'rm -rf "$work"' EXIT

have=0 parts=()
while [ "$have" -lt "$packets" ]; do
  for f in corpus/pcap/*.pcap; do
    parts+=("$f")
    have=$((have + $(capinfos -c -M "$f" | awk '/Number of packets/ {print $NF}')))
    [ "$have" -ge "$packets" ] && break
  done
done
mergecap -a -F pcap -w "$work/joined.pcap" "${parts[@]}"
editcap -r "$work/joined.pcap" "$work/big.pcap" "1-$packets"

printf '%6s %10s %10s %10s %8s  %s\n' "-B MiB" captured received dropped lost replay
for mib in $buffers; do
  "$tool" -i lo -B "$mib" -q --users corpus/pcap/snmp_users >/dev/null 2>"$work/stderr" &
  pid=$!
  sleep 1
  rate=$(tcpreplay --topspeed -i lo "$work/big.pcap" 2>&1 |
         sed -n 's/.*Rated: [0-9.]* Bps, [0-9.]* Mbps, \([0-9.]*\) pps.*/\1/p' | head -n 1)
  sleep 2
  kill -TERM "$pid"
  wait "$pid" || true
  captured=$(sed -n 's/^\([0-9]*\) packets captured$/\1/p' "$work/stderr")
  received=$(sed -n 's/^\([0-9]*\) packets received by filter$/\1/p' "$work/stderr")
  dropped=$(sed -n 's/^\([0-9]*\) packets dropped by kernel$/\1/p' "$work/stderr")
  # Loopback shows each replayed packet twice (sent and received): the
  # share lost is of what the filter received.
  lost=$(awk -v d="$dropped" -v r="$received" 'BEGIN { printf "%.1f%%", r ? 100 * d / r : 0 }')
  printf '%6s %10s %10s %10s %8s  %s pps\n' "$mib" "$captured" "$received" "$dropped" "$lost" "$rate"
done
