#!/usr/bin/env bash
# Regenerates the golden outputs in corpus/golden/ from the sample captures
# in corpus/pcap/ with the current build: per capture, the summary lines
# and the -T fields output of every frame, and the -V tree and JSON (two
# passes, -2) of the first 20 frames (every frame's would be 40 MB; the
# first 20 cover discovery, a get, its response and more in each capture),
# all with the sample users (so SNMPv3 traffic is verified and decrypted),
# once with -n (no MIB names) and once with names (<capture>.names.*, the
# resolved fields listed in names-fields.txt). ctest (golden_* tests, see
# corpus/golden/CMakeLists.txt) compares snmpdissect's output with these
# files byte for byte; after an intended output change, run this, read the
# diff, and commit it with the change.
#
#   tools/gen-golden.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
ensure_packages "${BUILD_PACKAGES[@]}"
build_preset release

out=corpus/golden
mapfile -t fields < <(grep -v '^#' "$out/fields.txt")
field_args=()
for f in "${fields[@]}"; do field_args+=(-e "$f"); done
mapfile -t names_fields < <(grep -v '^#' "$out/names-fields.txt")
names_field_args=()
for f in "${names_fields[@]}"; do names_field_args+=(-e "$f"); done

for pcap in corpus/pcap/*.pcap; do
  name=$(basename "$pcap" .pcap)
  # The same arguments as corpus/golden/CMakeLists.txt; exit status 2 (a
  # malformed message, failures.pcap) is part of what the goldens record.
  # -n: these are the outputs without MIB names (as tshark without MIBs).
  run() {
    local file=$1; shift
    build/bin/snmpdissect -q -n --users corpus/pcap/snmp_users -r "$pcap" "$@" >"$out/$name.$file" ||
      [ $? -eq 2 ]
  }
  run summary.txt
  run verbose.txt -2 -c 20 -V
  run json -2 -c 20 -T json
  run fields.tsv -T fields -E header=y "${field_args[@]}"
  # With MIB names (the default): the same runs, and the resolved fields.
  names() {
    local file=$1; shift
    build/bin/snmpdissect -q --users corpus/pcap/snmp_users -r "$pcap" "$@" \
      >"$out/$name.names.$file" || [ $? -eq 2 ]
  }
  names summary.txt
  names verbose.txt -2 -c 20 -V
  names json -2 -c 20 -T json
  names fields.tsv -T fields -E header=y "${names_field_args[@]}"
  echo "gen-golden.sh: $name"
done
