#!/usr/bin/env bash
# verify.sh [DIR] - check the SNMP capture corpus with tshark.
#
# Run by tools/gen-corpus.sh at the end (if tshark is installed), or by hand:
#     tools/gen-corpus/verify.sh corpus/pcap
#
# For every capture: number of frames, of SNMP messages, and of frames tshark flags as
# malformed or with an expert error, once without keys and once with DIR/snmp_users
# (with keys, wrong-password and undecryptable packets legitimately raise errors).
# Then a per-user matrix over all captures: encrypted messages, how many tshark
# decrypted, how many it decrypted into garbage ("wrong key?"), and how many
# authenticated messages it verified / rejected.
#
# Exit status 1 if a capture has malformed packets or no SNMP at all without keys.

set -euo pipefail

DIR=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/corpus/pcap}
command -v tshark >/dev/null 2>&1 || { echo "verify.sh: tshark is not installed" >&2; exit 1; }

# A throw-away Wireshark configuration directory holding only snmp_users.
KEYS_HOME=$(mktemp -d)
NOKEYS_HOME=$(mktemp -d)
trap 'rm -rf "$KEYS_HOME" "$NOKEYS_HOME"' EXIT
mkdir -p "$KEYS_HOME/wireshark" "$NOKEYS_HOME/wireshark"
cp "$DIR/snmp_users" "$KEYS_HOME/wireshark/snmp_users"

# ts KEYS|NOKEYS tshark-args...: tshark with or without the users file (stderr dropped:
# it only says that we run as root)
ts() {
    local home=$NOKEYS_HOME
    [[ $1 == KEYS ]] && home=$KEYS_HOME
    shift
    HOME=$home XDG_CONFIG_HOME=$home tshark "$@" 2>/dev/null
}
count() { local k=$1 f=$2; shift 2; ts "$k" -r "$f" -Y "$*" | wc -l; }

status=0
# AgentX frames (agentx.pcap) are left out: Wireshark 4.0's AgentX dissector throws
# on correct Responses and Notifies (corpus/pcap/README.md, AgentX).
BAD='not agentx and (_ws.malformed or _ws.expert.severity >= error)'
printf '%-22s %7s %6s %10s %13s\n' capture frames snmp "bad(nokey)" "bad(withkeys)"
for f in "$DIR"/*.pcap; do
    frames=$(ts NOKEYS -r "$f" | wc -l)
    snmp=$(count NOKEYS "$f" snmp)
    bad=$(count NOKEYS "$f" "$BAD")
    badk=$(count KEYS "$f" "$BAD")
    printf '%-22s %7s %6s %10s %13s\n' "$(basename "$f")" "$frames" "$snmp" "$bad" "$badk"
    if [[ $snmp == 0 || $bad != 0 ]]; then status=1; fi
done

echo
echo "Per user, over all captures, with snmp_users (tshark $(tshark -v 2>/dev/null | head -1 | awk '{print $3}')):"
printf '%-22s %6s %6s %9s %9s %7s %7s\n' user msgs crypt decrypted garbage authOK authBAD
# One line per SNMP message: user, encrypted?, PDU dissected?, "wrong key?" expert,
# authentication verdict (empty when not checked).
for f in "$DIR"/*.pcap; do
    ts KEYS -r "$f" -Y 'snmp.msgUserName != ""' -T fields -E occurrence=f -E separator='|' \
        -e snmp.msgUserName -e snmp.v3.flags.crypt -e snmp.data \
        -e snmp.decrypted_data_bad_formatted -e snmp.v3.auth
done | awk -F'|' '
    function yes(v) { return v == "1" || v == "True" || v == "true" }
    {
        u = $1; n[u]++
        if (yes($2)) { c[u]++; if ($3 != "") d[u]++; if ($4 != "") g[u]++ }
        if (yes($5)) ok[u]++; else if ($5 != "") bad[u]++
    }
    END {
        for (u in n)
            printf "%-22s %6d %6d %9d %9d %7d %7d\n", u, n[u], c[u], d[u], g[u], ok[u], bad[u]
    }' | sort

exit $status
