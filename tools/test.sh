#!/usr/bin/env bash
# Installs what is missing, builds the release and ASan/UBSan presets, and
# runs every test (ctest) in both, which includes replaying every fuzz
# corpus and regression input through the fuzz targets (fuzz_replay.*,
# built with fuzz/replay_main.cc). Then builds the fuzz preset (clang-14,
# libFuzzer, ASan+UBSan) and fuzzes each target briefly
# (SNMPDISSECT_FUZZ_SECONDS, default 20 s each); a crash there fails too,
# and its input is saved in corpus/regressions/. Exits non-zero on any
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
source tools/lib/fuzz_common.sh

# tshark (and Debian's python3 to drive it): tests compare fields and output
# with Wireshark's. pysnmp's compiled MIBs: mib_core_table_current checks
# dissector/mib/core_mib.tsv against them.
ensure_packages "${BUILD_PACKAGES[@]}" tshark python3 python3-pysnmp4 python3-pysnmp4-mibs \
  "${FUZZ_PACKAGES[@]}"

status=0
for preset in release asan-ubsan; do
  echo "== $preset: build"
  build_preset "$preset"
  echo "== $preset: ctest"
  ctest --preset "$preset" -j "$(nproc)" --timeout 600 || status=1
done

seconds=${SNMPDISSECT_FUZZ_SECONDS:-20}
echo "== fuzz: build ($FUZZ_BUILD)"
fuzz_build
for target in $(fuzz_targets); do
  echo "== fuzz: $target, ${seconds}s"
  # --no-merge: CI leaves the checkout's corpora as they are.
  SNMPDISSECT_FUZZ_NO_BUILD=1 tools/fuzz.sh run "$target" "$seconds" --no-merge || status=1
done
exit "$status"
