#!/usr/bin/env bash
# Regenerates dissector/mib/smi_base/, the SMI base modules libsmi needs for
# the IMPORTS of user MIBs (compiled into snmpdissect, loaded before them),
# from the modules Debian ships with pysnmp (tools/gen-smi-base.py). With
# --check, writes nothing and exits 1 when the committed modules differ from
# what the installed packages give (ctest: mib_smi_base_current).
#
#   tools/gen-smi-base.sh            # installs the packages, rewrites the modules
#   tools/gen-smi-base.sh --check
set -euo pipefail
cd "$(dirname "$0")/.."
dir=dissector/mib/smi_base
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
if [ "${1:-}" = "--check" ]; then
  for src in /usr/lib/python3/dist-packages/pysnmp/smi/mibs /usr/lib/python3/dist-packages/pysnmp_mibs; do
    [ -d "$src" ] || { echo "gen-smi-base.sh: $src missing: install python3-pysnmp4 python3-pysnmp4-mibs (tools/test.sh does)" >&2; exit 1; }
  done
  /usr/bin/python3 tools/gen-smi-base.py "$fresh"
  if ! diff -r "$dir" "$fresh" >"$fresh.diff" 2>&1; then
    echo "gen-smi-base.sh: $dir is not what tools/gen-smi-base.py gives; run tools/gen-smi-base.sh" >&2
    head -20 "$fresh.diff" >&2
    rm -f "$fresh.diff"
    exit 1
  fi
  rm -f "$fresh.diff"
  exit 0
fi
source tools/lib/deps.sh
ensure_packages python3 python3-pysnmp4 python3-pysnmp4-mibs
/usr/bin/python3 tools/gen-smi-base.py "$fresh"
rm -rf "$dir"
cp -r "$fresh" "$dir"
echo "gen-smi-base.sh: $(ls "$dir" | wc -l) modules in $dir"
