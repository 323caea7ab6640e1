#!/usr/bin/env bash
# Installs what is missing, builds the release preset into build/ when stale,
# and runs build/bin/snmpdissect with the given options.
#
#   tools/run.sh                      # summarise a bundled sample capture
#   tools/run.sh -r x.pcap -V         # any snmpdissect options
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh

ensure_packages "${BUILD_PACKAGES[@]}"
build_preset release

if [ "$#" -eq 0 ]; then
  # Real net-snmp traffic (corpus/pcap/README.md): SNMPv3 gets, walks, sets
  # and traps at every security level with AES-128, decrypted with the
  # sample users' passwords.
  exec build/bin/snmpdissect --users corpus/pcap/snmp_users -r corpus/pcap/v3-priv-aes128.pcap
fi
exec build/bin/snmpdissect "$@"
