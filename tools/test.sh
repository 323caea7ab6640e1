#!/usr/bin/env bash
# Installs what is missing, builds the release and ASan/UBSan presets, and
# runs every test (ctest) in both. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh

# tshark: tests cross-check field names against Wireshark's.
ensure_packages "${BUILD_PACKAGES[@]}" tshark

status=0
for preset in release asan-ubsan; do
  echo "== $preset: build"
  build_preset "$preset"
  echo "== $preset: ctest"
  ctest --preset "$preset" -j "$(nproc)" --timeout 600 || status=1
done
exit "$status"
