#!/usr/bin/env bash
# What MIB names make of the sample captures in corpus/pcap/ (issue 17, "Done
# when"), end to end through the command line:
#
#  1. Summary: every OID of the system group (SNMPv2-MIB, RFC 3418: 1.3.6.1.2.1.1,
#     sysORTable .1.9 in it), the interfaces group and ifTable (IF-MIB, RFC 2863:
#     1.3.6.1.2.1.2, ifTable .2.2) and ifXTable (1.3.6.1.2.1.31.1.1) that the -n
#     summary prints as numbers is a name, word for word, in the summary with
#     names; each of system, sysORTable, ifTable and ifXTable occurs (the check
#     is not empty).
#  2. Tree (-V): every ifType, ifAdminStatus and ifOperStatus value is an
#     enumeration, name(number) (IANAifType, RFC 2863 ifEntry), among them
#     dum0's (tools/gen-corpus/agent_interface.sh) ethernetCsmacd(6) and up(1)
#     and lo's softwareLoopback(24); every ifPhysAddress is a MAC address
#     (PhysAddress DISPLAY-HINT "1x:", RFC 2579) or empty (lo), dum0's being
#     02:00:5e:10:00:01; every sysUpTime is "(ticks) [D day(s), ]H:MM:SS.CC".
#  3. --mib-dir /usr/share/snmp/mibs --mib ALL (net-snmp's MIBs, Debian's
#     libsnmp-base): no error line, and every sysObjectID value names
#     NET-SNMP-TC::linux (1.3.6.1.4.1.8072.3.2.10, the agent's).
#
#   mib_samples_test.sh path/to/snmpdissect SOURCE_DIR
set -euo pipefail
bin=$1
source_dir=$2
pcaps=("$source_dir"/corpus/pcap/*.pcap)
users=$source_dir/corpus/pcap/snmp_users
work=$(mktemp -d /tmp/snmpdissect-mib-samples.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "mib_samples_test.sh: $*" >&2; exit 1; }

# run FILE ARGS...: snmpdissect into FILE; exit status 2 (a malformed message,
# failures.pcap) is what those captures give.
run() {
  local out=$1; shift
  "$bin" -q --users "$users" "$@" >"$out" || [ $? -eq 2 ] || fail "snmpdissect $* failed"
}

# 1. Summaries, names off and on, word by word.
for pcap in "${pcaps[@]}"; do
  name=$(basename "$pcap")
  run "$work/numeric" -n -r "$pcap"
  run "$work/named" -r "$pcap"
  # One line per frame either way; an empty or short output must not pass
  # by having nothing to compare.
  lines=$(wc -l <"$work/numeric")
  [ "$lines" -gt 0 ] || fail "$name: no summary lines with -n"
  [ "$(wc -l <"$work/named")" -eq "$lines" ] ||
    fail "$name: $(wc -l <"$work/named") summary lines with names, $lines without"
  awk -v capture="$name" '
    FILENAME == ARGV[1] { numeric[FNR] = $0; next }
    {
      n = split(numeric[FNR], word, " ")
      if (n != NF) {
        printf "%s line %d: %d words without names, %d with\n", capture, FNR, n, NF > "/dev/stderr"
        bad = 1; next
      }
      for (i = 1; i <= n; i++) {
        if (word[i] !~ /^1\.3\.6\.1\.2\.1\.(1|2|31\.1\.1)(\.[0-9]+)*$/) continue
        if (word[i] ~ /^1\.3\.6\.1\.2\.1\.1\.9(\.|$)/) group = "sysORTable"
        else if (word[i] ~ /^1\.3\.6\.1\.2\.1\.1(\.|$)/) group = "system"
        else if (word[i] ~ /^1\.3\.6\.1\.2\.1\.2\.2(\.|$)/) group = "ifTable"
        else if (word[i] ~ /^1\.3\.6\.1\.2\.1\.2(\.|$)/) group = "interfaces"
        else group = "ifXTable"
        print group
        if ($i !~ /^[A-Za-z]/) {
          printf "%s line %d: %s not named (%s)\n", capture, FNR, word[i], $i > "/dev/stderr"
          bad = 1
        }
      }
    }
    END { exit bad }' "$work/numeric" "$work/named" >>"$work/groups" \
    || fail "$name: the summary with names leaves OIDs as numbers (above)"
done
for group in system sysORTable ifTable ifXTable; do
  count=$(grep -cx "$group" "$work/groups" || true)
  [ "$count" -gt 0 ] || fail "no $group OID in the summaries of ${pcaps[*]}"
  echo "summary: $count $group OIDs named"
done

# 2. Values in the tree. values COLUMN: the display of every COLUMN varbind
# that carries a value (requests carry NULL), one per line.
for pcap in "${pcaps[@]}"; do run "$work/tree.$(basename "$pcap")" -V -r "$pcap"; done
values() {
  cat "$work"/tree.* | sed -n -E "s/^ *[A-Za-z0-9-]+::$1(\\.[0-9]+)* \\([0-9.]+\\): //p" |
    grep -v '^Value (Null)$' || true
}
check_all() {  # check_all COLUMN REGEX REQUIRED...: every value matches, each REQUIRED occurs
  local column=$1 regex=$2 want
  shift 2
  values "$column" >"$work/values"
  [ -s "$work/values" ] || fail "no $column value in the trees"
  if grep -vqE "$regex" "$work/values"; then
    fail "$column: $(grep -vE "$regex" "$work/values" | sort -u | head -n 3 | tr '\n' ' ')does not match $regex"
  fi
  for want in "$@"; do
    grep -qxF -- "$want" "$work/values" || fail "$column: no '$want' among $(sort -u "$work/values" | tr '\n' ' ')"
  done
  echo "tree: $(wc -l <"$work/values") $column values, $(sort -u "$work/values" | tr '\n' ' ')" | cut -c1-160
}
check_all ifType '^[a-zA-Z][a-zA-Z0-9-]*\([0-9]+\)$' 'ethernetCsmacd(6)' 'softwareLoopback(24)'
check_all ifAdminStatus '^[a-zA-Z]+\([0-9]+\)$' 'up(1)'
check_all ifOperStatus '^[a-zA-Z]+\([0-9]+\)$' 'up(1)'
check_all ifPhysAddress '^([0-9a-f]{2}(:[0-9a-f]{2})*)?$' '02:00:5e:10:00:01'
check_all sysUpTime '^\([0-9]+\) ([0-9]+ days?, )?[0-9]+:[0-9]{2}:[0-9]{2}\.[0-9]{2}$'
# dum0's row by its ifIndex (2), not only somewhere in the captures.
grep -qE '^ *IF-MIB::ifPhysAddress\.2 \(1\.3\.6\.1\.2\.1\.2\.2\.1\.6\.2\): 02:00:5e:10:00:01$' \
  "$work"/tree.* || fail "no ifPhysAddress.2 02:00:5e:10:00:01 (dum0) in the trees"
grep -qE '^ *IF-MIB::ifType\.2 \(1\.3\.6\.1\.2\.1\.2\.2\.1\.3\.2\): ethernetCsmacd\(6\)$' \
  "$work"/tree.* || fail "no ifType.2 ethernetCsmacd(6) (dum0) in the trees"

# 3. net-snmp's own MIBs: the agent's sysObjectID by its name.
mibs=/usr/share/snmp/mibs
[ -f "$mibs/NET-SNMP-TC.txt" ] || fail "$mibs/NET-SNMP-TC.txt is missing (Debian package libsnmp-base)"
rm -f "$work"/tree.*
for pcap in "${pcaps[@]}"; do
  "$bin" -q --users "$users" --mib-dir "$mibs" --mib ALL -V -r "$pcap" \
    >"$work/tree.$(basename "$pcap")" 2>"$work/stderr" || [ $? -eq 2 ] || fail "--mib ALL on $pcap failed"
  [ ! -s "$work/stderr" ] || fail "--mib-dir $mibs --mib ALL: $(head -n 1 "$work/stderr")"
done
check_all sysObjectID '^1\.3\.6\.1\.4\.1\.8072\.3\.2\.10 \(NET-SNMP-TC::linux\)$' \
  '1.3.6.1.4.1.8072.3.2.10 (NET-SNMP-TC::linux)'
echo "mib_samples_test.sh: OK"
