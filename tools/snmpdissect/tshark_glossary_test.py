#!/usr/bin/python3
"""snmpdissect -G fields against tshark -G fields: the type column.

For every field both tools have, our type (FT_UINT8, FT_STRING, ...) must
be tshark 4.0's, but for the intended differences listed here with their
reason; a listed difference that no longer differs fails too, so the list
stays true.

Usage: tshark_glossary_test.py SNMPDISSECT
Exit status 0 when the columns agree, 1 otherwise (with the differences).
"""

import subprocess
import sys

# Frame numbers: the table's kFrameNumber rows print FT_UINT32 (README).
FRAMENUM = {"ip.fragment", "ipv6.fragment", "tcp.segment", "snmp.response_in",
            "snmp.response_to"}
# Integers the SNMP model holds signed (RFC 3416: INTEGER (0..2147483647) and
# the like; Wireshark declares them unsigned) or, for SMI values, by their
# SMI type where Wireshark uses one 64-bit type for several.
SIGNEDNESS = {"snmp.max_repetitions", "snmp.non_repeaters", "snmp.msgAuthoritativeEngineBoots",
              "snmp.msgAuthoritativeEngineTime", "snmp.msgID", "snmp.msgMaxSize",
              "snmp.msgSecurityModel", "snmp.time_stamp", "snmp.value.g32", "snmp.value.u32"}
# Rows whose meaning differs: Wireshark's snmp.name.index is an index arc
# (FT_UINT64), ours the decoded INDEX text; snmp.value.nsap Wireshark
# declares FT_UINT64, ours holds the octets; ip.fragments is Wireshark's
# FT_BYTES subtree, ours a subtree without a value.
MEANING = {"snmp.name.index", "snmp.value.nsap", "ip.fragments"}
INTENDED = FRAMENUM | SIGNEDNESS | MEANING


def types(argv):
    out = subprocess.run(argv, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) >= 4 and cols[0] == "F":
            rows[cols[2]] = cols[3]
    return rows


def main():
    ours = types([sys.argv[1], "-G", "fields"])
    theirs = types(["tshark", "-G", "fields"])
    shared = sorted(set(ours) & set(theirs))
    failures = []
    for name in shared:
        differs = ours[name] != theirs[name]
        if differs and name not in INTENDED:
            failures.append(f"{name}: ours {ours[name]}, tshark {theirs[name]}")
        if not differs and name in INTENDED:
            failures.append(f"{name}: listed as an intended difference, but both say {ours[name]}")
    for name in sorted(INTENDED - set(shared)):
        failures.append(f"{name}: listed, but not a field of both")
    for f in failures:
        print(f)
    print(f"{len(shared)} fields compared, {len(failures)} wrong, "
          f"{len(INTENDED)} intended differences")
    return 1 if failures or len(shared) < 100 else 0


if __name__ == "__main__":
    sys.exit(main())
