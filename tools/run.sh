#!/usr/bin/env bash
# Installs what is missing, builds the release preset into build/ when stale,
# and runs build/bin/snmpdissect with the given options.
#
#   tools/run.sh                      # dissect the bundled sample messages
#   tools/run.sh --hex 3026020101...  # any snmpdissect options
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh

ensure_packages "${BUILD_PACKAGES[@]}"
build_preset release

if [ "$#" -eq 0 ]; then
  # Real net-snmp messages from corpus/pcap (see corpus/README.md).
  exec build/bin/snmpdissect --hex - <corpus/samples/messages.hex
fi
exec build/bin/snmpdissect "$@"
