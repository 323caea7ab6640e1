#!/usr/bin/env bash
# Regenerates dissector/mib/core_mib.tsv, the core MIB table compiled into
# snmpdissect, from the MIB modules Debian ships with pysnmp
# (tools/gen-mib-table.py). With --check, writes nothing and exits 1 when
# the committed table differs from what the installed modules give (ctest:
# mib_core_table_current).
#
#   tools/gen-mib-table.sh            # installs the packages, rewrites the table
#   tools/gen-mib-table.sh --check
set -euo pipefail
cd "$(dirname "$0")/.."
table=dissector/mib/core_mib.tsv
if [ "${1:-}" = "--check" ]; then
  for dir in /usr/lib/python3/dist-packages/pysnmp/smi/mibs /usr/lib/python3/dist-packages/pysnmp_mibs; do
    [ -d "$dir" ] || { echo "gen-mib-table.sh: $dir missing: install python3-pysnmp4 python3-pysnmp4-mibs (tools/test.sh does)" >&2; exit 1; }
  done
  fresh=$(mktemp)
  trap 'rm -f "$fresh"' EXIT
  /usr/bin/python3 tools/gen-mib-table.py >"$fresh"
  if ! cmp -s "$fresh" "$table"; then
    echo "gen-mib-table.sh: $table is not what tools/gen-mib-table.py gives; run tools/gen-mib-table.sh" >&2
    diff "$table" "$fresh" | head -20 >&2
    exit 1
  fi
  exit 0
fi
source tools/lib/deps.sh
ensure_packages python3 python3-pysnmp4 python3-pysnmp4-mibs
/usr/bin/python3 tools/gen-mib-table.py >"$table.new"
mv "$table.new" "$table"
echo "gen-mib-table.sh: $(wc -l <"$table") rows in $table"
