#!/usr/bin/env bash
# Runs a test command after checking, at run time, that the tools it needs
# are installed. Tests never look such tools up when CMake configures: a
# build tree configured before tools/test.sh installs tshark (tools/run.sh
# first, as the README orders) must still run the tshark comparisons.
#
#   require_tools.sh tshark /usr/bin/python3 -- /usr/bin/python3 script.py ARGS
#
# A name with a slash must be an executable file; a bare name is searched on
# PATH. Exit status 1 with one line naming what is missing; otherwise the
# command's own status.
set -euo pipefail
missing=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
  case "$1" in
    */*) [ -x "$1" ] || missing+=("$1") ;;
    *) command -v "$1" >/dev/null 2>&1 || missing+=("$1") ;;
  esac
  shift
done
[ "$#" -gt 0 ] || { echo "require_tools.sh: usage: require_tools.sh TOOL... -- COMMAND..." >&2; exit 1; }
shift
if [ "${#missing[@]}" -gt 0 ]; then
  echo "require_tools.sh: not installed: ${missing[*]} (tools/test.sh installs them)" >&2
  exit 1
fi
exec "$@"
