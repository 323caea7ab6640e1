#!/usr/bin/env bash
# snmpdissect -i lo end to end (needs root, as live capture does; CI runs as
# root): capture on loopback with a filter and -c 2 while SNMP get-requests
# go to an unprivileged port named with -d, and check both are dissected.
#
#   live_test.sh path/to/snmpdissect
set -euo pipefail
bin=$1
port=16161
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"; kill "$pid" 2>/dev/null || true' EXIT

"$bin" -i lo -c 2 -f "udp dst port $port" -d "udp.port==$port,snmp" \
  -T fields -e snmp.community -e snmp.request_id -e snmp.name >"$out" 2>"$err" &
pid=$!
# An SNMPv2c get-request for sysDescr.0, request-id 1234.
message='\x30\x27\x02\x01\x01\x04\x06public\xa0\x1a\x02\x02\x04\xd2\x02\x01\x00\x02\x01\x00\x30\x0e\x30\x0c\x06\x08\x2b\x06\x01\x02\x01\x01\x01\x00\x05\x00'
# Keep sending until the capture has its two packets (it needs a moment to
# start); give up after 10 s.
for _ in $(seq 100); do
  kill -0 "$pid" 2>/dev/null || break
  printf "$message" >/dev/udp/127.0.0.1/$port || true
  sleep 0.1
done
status=0
wait "$pid" || status=$?
expected=$'public\t1234\t1.3.6.1.2.1.1.1.0\npublic\t1234\t1.3.6.1.2.1.1.1.0'
# libpcap's counts on standard error when the capture ends (tcpdump's lines).
if [ "$status" -ne 0 ] || [ "$(cat "$out")" != "$expected" ] ||
   ! grep -qx '2 packets captured' "$err" ||
   ! grep -qE '^[0-9]+ packets received by filter$' "$err" ||
   ! grep -qE '^[0-9]+ packets dropped by kernel$' "$err" ||
   ! grep -qE '^[0-9]+ packets dropped by interface$' "$err"; then
  echo "live_test.sh: exit status $status, output:" >&2
  cat "$out" "$err" >&2
  exit 1
fi
echo "live_test.sh: two packets captured on lo and dissected; $(tr '\n' ' ' <"$err")"
