#!/usr/bin/env bash
# Regenerates the README's screenshot of Wireshark with the plugin: a
# net-snmp SNMPv3 message encrypted with AES-256 (Blumenthal key extension,
# which the built-in dissector cannot decrypt), decrypted and dissected by
# snmpdissect, the whole tree expanded. Runs wireshark-qt on a virtual X
# display (Xvfb), as "nobody" when run as root, with the plugin from
# build/plugins and the sample users as its personal snmp_users table.
#
#   tools/plugin_screenshot.sh [OUTPUT.png]   # default dissector/wireshark/wireshark-aes256.png
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib/deps.sh
ensure_packages "${BUILD_PACKAGES[@]}" wireshark-qt tshark xvfb xauth xdotool imagemagick
build_preset release
out=$(realpath -m "${1:-dissector/wireshark/wireshark-aes256.png}")
capture=$PWD/corpus/pcap/v3-priv-aes256.pcap

work=$(mktemp -d /tmp/snmpdissect-screenshot-XXXXXX)
chmod 755 "$work"
mkdir -p "$work/wireshark"
install -m 0644 corpus/pcap/snmp_users "$work/wireshark/snmp_users"
# The main window's size and place (Wireshark keeps them in recent_common,
# not in its preferences).
cat >"$work/wireshark/recent_common" <<'RECENT'
gui.geometry_main_x: 0
gui.geometry_main_y: 0
gui.geometry_main_width: 1280
gui.geometry_main_height: 1000
gui.geometry_main_maximized: FALSE
RECENT
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  # As root, Wireshark would not load the plugin from WIRESHARK_PLUGIN_DIR
  # (README, Wireshark plugin): run it as nobody, who must own its
  # configuration folder (it writes profiles and recent files there).
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown -R nobody:nogroup "$work"
fi
run() {
  "${as_user[@]}" env -i PATH="$PATH" HOME="$work" XDG_CONFIG_HOME="$work" TZ=UTC \
    DISPLAY=:97 WIRESHARK_PLUGIN_DIR="$PWD/build/plugins" "$@"
}

# The first md5-aes256 message the plugin decrypted.
frame=$(run tshark -n -r "$capture" -Y 'snmpdissect.msgUserName == "md5-aes256" && snmpdissect.decrypted_pdu && snmpdissect.data == 2' \
          -T fields -e frame.number -c 400 | head -1)
[ -n "$frame" ] || { echo "plugin_screenshot.sh: no decrypted md5-aes256 response" >&2; exit 1; }

Xvfb :97 -screen 0 1280x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$wireshark" "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 2
run wireshark -r "$capture" -g "$frame" >"$work/wireshark.log" 2>&1 &
wireshark=$!
# Wait for the main window, then expand every subtree of the details.
for _ in $(seq 60); do
  window=$(DISPLAY=:97 xdotool search --name "v3-priv-aes256" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 1
done
[ -n "${window:-}" ] || { cat "$work/wireshark.log" >&2; echo "plugin_screenshot.sh: no window" >&2; exit 1; }
sleep 3
# No window manager runs: focus the window directly, click into the
# details, collapse everything (Ctrl+Left), select the last layer (End:
# snmpdissect) and expand all of its subtrees (Shift+Right).
DISPLAY=:97 xdotool windowfocus "$window"
sleep 1
DISPLAY=:97 xdotool mousemove 300 600 click 1
sleep 1
DISPLAY=:97 xdotool key --clearmodifiers ctrl+Left End shift+Right
# Down to the decrypted PDU's variable bindings, so that the pane shows
# the decryption and what it revealed.
sleep 1
DISPLAY=:97 xdotool key --clearmodifiers --repeat 40 --delay 20 Down
sleep 2
DISPLAY=:97 import -window root "$out"
echo "wrote $out (frame $frame)"
