#!/usr/bin/env bash
# Picks a few real messages out of corpus/pcap/ into corpus/samples/messages.hex
# (the bundled sample tools/run.sh dissects when given nothing). Uses tshark
# only to cut UDP payloads out of the captures.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
ensure_packages tshark

pick() {  # FILE COUNT: the first COUNT SNMP-over-UDP payloads of FILE
  tshark -r "corpus/pcap/$1" -Y 'snmp && udp' -T fields -e udp.payload 2>/dev/null |
    grep -v '^$' | head -n "$2" || true  # head closes the pipe early
}

out=corpus/samples/messages.hex
{
  echo "# Real net-snmp messages from corpus/pcap/ (v1/v2c requests and responses, v3"
  echo "# authNoPriv, v3 authPriv with AES-128, traps and informs), one hex message per"
  echo "# line: the input of 'tools/run.sh' with no arguments. Regenerate with"
  echo "# tools/gen-samples.sh after tools/gen-corpus.sh."
  pick v1-v2c.pcap 24
  pick v3-auth.pcap 6
  pick v3-priv-aes128.pcap 4
  pick traps-informs.pcap 4
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(grep -vc '^#' "$out") messages)"
