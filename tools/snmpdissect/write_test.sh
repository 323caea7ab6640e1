#!/usr/bin/env bash
# -w FILE end to end: what snmpdissect writes, tshark reads back with the
# same frames, byte for byte, with the same absolute timestamps (to the
# nanosecond when the input has them) and original lengths: pcapng and pcap,
# every frame and a -f selection, and -P printing beside -w.
#
#   write_test.sh path/to/snmpdissect SOURCE_DIR
set -euo pipefail
bin=$1
source_dir=$2
work=$(mktemp -d /tmp/snmpdissect-write.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME=$work XDG_CONFIG_HOME=$work  # tshark: no personal profile
# A nanosecond-precision input, so the timestamps' last digits count.
editcap -F nsecpcap "$source_dir/corpus/pcap/traps-informs.pcap" "$work/in.pcap"

# frames FILE [tshark args]: per frame, its absolute time and lengths, then
# its bytes (tshark -x's hex lines, without the frame-numbered summary).
frames() {
  local file=$1; shift
  tshark -n -r "$file" "$@" -T fields -e frame.time_epoch -e frame.len -e frame.cap_len \
    2>/dev/null
  tshark -n -r "$file" "$@" -x 2>/dev/null | grep -E '^[0-9a-f]{4}  '
}
fail() { echo "write_test.sh: $*" >&2; exit 1; }

for format in pcapng pcap; do
  out=$work/out.$format
  "$bin" -q -r "$work/in.pcap" -w "$out" -F "$format" >"$work/stdout"
  [ ! -s "$work/stdout" ] || fail "-w without -P printed frames"
  [ "$(capinfos -t -M "$out" | awk -F': *' '/File type/ {print $2}')" != "" ] ||
    fail "capinfos cannot read $out"
  diff <(frames "$work/in.pcap") <(frames "$out") >/dev/null ||
    fail "-F $format: tshark reads different frames back"
  # -f selects what is written; the frames are the input's, unchanged.
  "$bin" -q -r "$work/in.pcap" -f 'udp port 162' -w "$out" -F "$format"
  diff <(frames "$work/in.pcap" -Y 'udp.port == 162') <(frames "$out") >/dev/null ||
    fail "-F $format -f: the written selection differs"
done
case "$(capinfos -t -M "$work/out.pcapng")" in
  *pcapng*) ;; *) fail "-w writes pcapng by default";;
esac
# -P prints the frames as well; -w - writes the capture to standard output.
"$bin" -q -r "$work/in.pcap" -w "$work/p.pcapng" -P | cmp -s - <("$bin" -q -r "$work/in.pcap") ||
  fail "-P does not print what a run without -w prints"
"$bin" -q -r "$work/in.pcap" -w - -F pcap >"$work/stdout.pcap"
diff <(frames "$work/in.pcap") <(frames "$work/stdout.pcap") >/dev/null ||
  fail "-w - differs"
echo "write_test.sh: pcapng and pcap written and read back by tshark, byte for byte"
