#!/usr/bin/env bash
# Builds snmpdissect's Wireshark 4.0 plugin (release preset, build/),
# installs it where Wireshark loads it, and checks that tshark lists it.
#
#   tools/plugin.sh               # build, install, check
#   tools/plugin.sh --uninstall   # remove the installed plugin
#
# Where: Wireshark reads plugins from its global folder and, unless it runs
# with special privileges, from the personal one (tshark -G folders names
# both). It counts root as privileged (wsutil/privileges.c): run as root,
# it ignores the personal folder and WIRESHARK_PLUGIN_DIR. So as root this
# installs into the global folder (for every user, root included);
# otherwise into the user's personal folder (no root needed, that user
# only). The plugin is plugins/4.0/epan/snmpdissect.so in either.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh

folder() {  # tshark -G folders: "Personal Plugins:\t/path"
  tshark -G folders 2>/dev/null | awk -F'\t' -v want="$1" 'index($1, want) == 1 {print $2; exit}'
}

ensure_packages "${BUILD_PACKAGES[@]}" tshark
if [ "$(id -u)" -eq 0 ]; then
  target="$(folder "Global Plugins:")/epan"
else
  target="$(folder "Personal Plugins:")/epan"
fi
[ "$target" != "/epan" ] || { echo "plugin.sh: tshark -G folders names no plugin folder" >&2; exit 1; }

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$target/snmpdissect.so"
  echo "removed $target/snmpdissect.so"
  exit 0
fi

# A build tree configured before libwireshark-dev was installed has no
# plugin target: configure it again.
if [ -f build/CMakeCache.txt ] && ! grep -q '^WIRESHARK_FOUND:INTERNAL=1' build/CMakeCache.txt; then
  cmake --preset release >build.log 2>&1 || { cat build.log >&2; exit 1; }
fi
build_preset release
built=$(ls build/plugins/*/epan/snmpdissect.so)
mkdir -p "$target"
install -m 0644 "$built" "$target/snmpdissect.so"
if tshark -G plugins 2>/dev/null | grep -q '^snmpdissect\.so'; then
  echo "installed $target/snmpdissect.so; tshark loads it:"
  tshark -G plugins 2>/dev/null | grep '^snmpdissect\.so'
else
  echo "plugin.sh: installed $target/snmpdissect.so, but tshark does not list it" >&2
  exit 1
fi
