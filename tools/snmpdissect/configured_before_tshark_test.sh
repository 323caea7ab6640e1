#!/usr/bin/env bash
# The README's order on a fresh machine: tools/run.sh configures build/ before
# tools/test.sh installs tshark and python3. This configures a build tree
# while both are missing, then runs the tshark comparison that tree
# registered with both present, and requires it to pass. Nothing a later
# script installs may be looked up only when CMake configures.
#
# "Missing" is made real, not simulated with PATH alone (CMake also searches
# /usr/bin): in a private mount namespace (root, as CI runs) a non-executable
# empty file is bind-mounted over each program, so every lookup fails there,
# and only there.
#
#   configured_before_tshark_test.sh SOURCE_DIR path/to/snmpdissect
set -euo pipefail
source_dir=$1
tool=$2
if [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
  echo "configured_before_tshark_test.sh: needs root and unshare (a private mount namespace)" >&2
  exit 1
fi
work=$(mktemp -d /tmp/snmpdissect-configure.XXXXXX)
trap 'rm -rf "$work"' EXIT
: >"$work/absent"
chmod 0644 "$work/absent"

# Configure with tshark and /usr/bin/python3 hidden. The release preset's
# settings, without benchmarks (nothing is built here).
unshare --mount --propagation private env WORK="$work" SRC="$source_dir" \
  PATH=/usr/sbin:/usr/bin:/sbin:/bin bash -euo pipefail -c '
  for program in /usr/bin/tshark /usr/bin/python3; do
    target=$(readlink -f "$program" || true)
    [ -e "$target" ] && mount --bind "$WORK/absent" "$target"
  done
  # (bash'"'"'s command -v also names non-executable files: test -x instead.)
  if [ -x "$(command -v tshark)" ] || [ -x /usr/bin/python3 ]; then
    echo "configured_before_tshark_test.sh: could not hide tshark and python3" >&2
    exit 1
  fi
  cmake -S "$SRC" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ \
        -DSNMPDISSECT_BENCHMARKS=OFF >"$WORK/configure.log" 2>&1 ||
    { cat "$WORK/configure.log" >&2; exit 1; }
'

# Back with both present: the tree's own test, run by ctest (so its
# registered command and properties are what runs), on the built tool.
mkdir -p "$work/build/bin"
ln -s "$(readlink -f "$tool")" "$work/build/bin/snmpdissect"
ctest --test-dir "$work/build" -R '^snmpdissect_fields_match_tshark$' --output-on-failure \
  --no-tests=error
echo "configured_before_tshark_test.sh: a tree configured without tshark and python3 runs the comparison"
