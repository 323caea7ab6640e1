#!/usr/bin/python3
"""snmpdissect -z against tshark -z: the same statistics, byte for byte.

For every sample capture in corpus/pcap (with the sample SNMPv3 users):

  * -z snmp,srt: on the SNMPv1/v2c capture, ours and tshark's tables are
    identical. Everywhere, ours with the Reports left out
    (-z 'snmp,srt,!snmp.report_element') is identical to tshark's: we pair
    a Report with its request by msgID (RFC 3412 section 7.1 step 3) and
    count it, Wireshark does not. Intended difference: captures tshark
    cannot decrypt (DECRYPTION, see tshark_fields_test.py) have more calls
    here; they are listed, not compared.
  * -z io,stat with fractional intervals and filters both tools agree on,
    and with interval 0 (the whole capture): identical. Intended
    difference: a frame lying exactly at the end of the last interval is
    counted here (in an interval of its own); tshark 4.0 drops it
    (BOUNDARY lists the captures where that happens for these intervals).

Usage: tshark_stats_test.py SNMPDISSECT SOURCE_DIR
Exit status 0 when everything agrees, 1 otherwise (with the differences).
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

DECRYPTION = {"pysnmp-privacy.pcap", "traps-informs.pcap", "v3-priv-aes192.pcap",
              "v3-priv-aes256.pcap"}
BOUNDARY = {("leading-zero.pcap", "io,stat,0.01,snmp,snmp.version==0,,udp.port==162")}
IO_STATS = ["io,stat,0.01,snmp,snmp.version==0,,udp.port==162", "io,stat,0",
            "io,stat,0.25,snmp.version==1,udp.srcport==161"]


def run(argv, env=None):
    r = subprocess.run(argv, capture_output=True, text=True, env=env)
    return r.returncode, r.stdout


def main():
    ours_bin, source = sys.argv[1], sys.argv[2]
    users = os.path.join(source, "corpus/pcap/snmp_users")
    config = tempfile.mkdtemp(prefix="snmpdissect-stats.")
    try:
        # tshark 4.0 reads SNMPv3 users only from its configuration.
        os.makedirs(os.path.join(config, "wireshark"))
        shutil.copy(users, os.path.join(config, "wireshark", "snmp_users"))
        env = dict(os.environ, XDG_CONFIG_HOME=config, HOME=config)
        failures = compared = excused = 0
        for pcap in sorted(glob.glob(os.path.join(source, "corpus/pcap/*.pcap"))):
            name = os.path.basename(pcap)
            checks = [("snmp,srt!report", ["-z", "snmp,srt,!snmp.report_element"], ["-z", "snmp,srt"])]
            if name == "v1-v2c.pcap":
                checks.append(("snmp,srt", ["-z", "snmp,srt"], ["-z", "snmp,srt"]))
            for z in IO_STATS:
                checks.append((z, ["-z", z], ["-z", z]))
            for label, ours_z, theirs_z in checks:
                if label.startswith("snmp,srt") and name in DECRYPTION:
                    excused += 1
                    print(f"{name}: {label}: not compared (tshark cannot decrypt it)")
                    continue
                if (name, label) in BOUNDARY:
                    excused += 1
                    print(f"{name}: {label}: not compared (a frame at the last interval's end)")
                    continue
                status, ours = run([ours_bin, "-q", "--users", users, "-r", pcap] + ours_z)
                _, theirs = run(["tshark", "-q", "-n", "-r", pcap] + theirs_z, env)
                compared += 1
                if status not in (0, 2) or ours != theirs:
                    failures += 1
                    print(f"{name}: {label}: exit {status}; ours:\n{ours}\ntshark's:\n{theirs}")
        print(f"{compared} statistics compared, {failures} differ, {excused} intended "
              f"differences not compared")
        return 1 if failures or compared == 0 else 0
    finally:
        shutil.rmtree(config)


if __name__ == "__main__":
    sys.exit(main())
