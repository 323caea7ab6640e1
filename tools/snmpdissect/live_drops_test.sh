#!/usr/bin/env bash
# A live capture that loses frames says so (root, loopback): snmpdissect
# captures on lo with the smallest buffer (-B 1) while its standard output,
# a pipe nobody reads, stalls it; a burst of 50,000 SNMP datagrams then
# overflows the kernel's buffer. After SIGTERM it must report libpcap's
# counts on standard error, with packets dropped by the kernel.
#
#   live_drops_test.sh path/to/snmpdissect
set -euo pipefail
bin=$1
port=16162
work=$(mktemp -d /tmp/snmpdissect-drops.XXXXXX)
pid=
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
mkfifo "$work/stdout"
# Held open for reading but not read: the tool's writes block once the
# pipe's buffer is full.
exec 3<>"$work/stdout"

"$bin" -i lo -B 1 -f "udp dst port $port" -d "udp.port==$port,snmp" \
  -T fields -e snmp.request_id >"$work/stdout" 2>"$work/stderr" &
pid=$!
sleep 1  # the capture starts
# SNMPv2c get-requests for sysDescr.0 over one socket (bash builtins only).
message='\x30\x27\x02\x01\x01\x04\x06public\xa0\x1a\x02\x02\x04\xd2\x02\x01\x00\x02\x01\x00\x30\x0e\x30\x0c\x06\x08\x2b\x06\x01\x02\x01\x01\x01\x00\x05\x00'
exec 4>"/dev/udp/127.0.0.1/$port"
for _ in $(seq 50000); do printf "$message" >&4 2>/dev/null || true; done
exec 4>&-
# Unblock it (read and discard what it writes), then end the capture.
cat <&3 >/dev/null &
drain=$!
sleep 0.5
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=
kill "$drain" 2>/dev/null || true
exec 3<&-
dropped=$(sed -n 's/^\([0-9]*\) packets dropped by kernel$/\1/p' "$work/stderr")
if [ "$status" -ne 0 ] || [ -z "$dropped" ] || [ "$dropped" -eq 0 ]; then
  echo "live_drops_test.sh: exit status $status, expected kernel drops; standard error:" >&2
  cat "$work/stderr" >&2
  exit 1
fi
echo "live_drops_test.sh: drops reported: $(tr '\n' ' ' <"$work/stderr")"
