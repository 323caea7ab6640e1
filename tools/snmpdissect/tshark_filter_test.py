#!/usr/bin/python3
"""snmpdissect -Y against tshark -Y: the same frames selected.

Runs every filter in FILTERS (each operator and value syntax of Wireshark
4.0's display filter language, on fields both tools have) over every sample
capture in corpus/pcap with the sample SNMPv3 users, and requires tshark
4.0's selected frame numbers and ours to be identical, except for the
intended differences below, each counted and printed:

  * Decryption tshark gets wrong (see tshark_fields_test.py): Wireshark 4.0
    cannot decrypt net-snmp's AES-192/256 with short hashes, pysnmp's
    Blumenthal users, or messages under a wrong privacy password, and shows
    garbage or nothing. Frames that are encrypted and where tshark found no
    PDU (no snmp.data) are left out of the comparison of filters that look
    inside the PDU or at its outcome (SCOPED_PDU below).
  * Reports answer requests: we pair a Report with the request of the same
    msgID (RFC 3412 section 7.1 step 3); Wireshark does not, so
    snmp.response_to / snmp.time / snmp.response_in differ on such pairs.
    Frames where the two tools' snmp.response_to or snmp.response_in values
    differ are left out of filters on those fields.
  * Non-negative values sent without their leading 0x00 octet
    (leading-zero.pcap): tshark shows Gauge32/Unsigned32/error-index as
    negative; filters on those fields skip that capture's differing frames.

Usage: tshark_filter_test.py SNMPDISSECT SOURCE_DIR
Exit status 0 when everything agrees, 1 otherwise (with the differences).
"""

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
import sys
import tempfile

# (filter, tags): tags say which intended differences may apply; "error":
# a filter both tools must refuse.
FILTERS = [
    ("snmp", ""),
    ("udp", ""),
    ("ip", ""),
    ("ipv6", ""),
    ("tcp", ""),
    ("not snmp", ""),
    ("snmp.community", ""),
    ("snmp.community == \"public\"", ""),
    ("snmp.community == public", ""),
    ("snmp.community != \"public\"", ""),
    ("snmp.community contains \"ub\"", ""),
    ("snmp.community matches \"^PUB\"", ""),
    ("snmp.community ~ \"l.c$\"", ""),
    ("snmp.community matches \"(?-i)^PUB\"", ""),
    ("snmp.community[0:2] == \"pu\"", ""),
    ("snmp.community[1-2] == 75:62", ""),
    ("snmp.community[-1] == \"c\"", ""),
    ("snmp.community[2:] == \"blic\"", ""),
    ("len(snmp.community) > 6", ""),
    ("snmp.community > \"p\"", ""),
    ("snmp.community == \"pub\\x6cic\"", ""),
    ("snmp.community == r\"public\"", ""),
    ("snmp.version == 1", ""),
    ("snmp.version eq v2c", ""),
    ("snmp.version in {0, 1}", ""),
    ("snmp.msgVersion == 3", ""),
    ("snmp.msgID > 1000 and snmp.msgID <= 0x7fffffff", ""),
    ("snmp.msgMaxSize ge 65507", ""),
    ("snmp.msgFlags == 07", ""),
    ("ip.ttl & 0x40", ""),
    ("udp.srcport & 0x01 == 1", ""),
    ("snmp.v3.flags.auth == 1", ""),
    ("snmp.v3.flags.crypt == True", ""),
    ("snmp.v3.flags.report == FALSE", ""),
    ("snmp.msgSecurityModel == 3", ""),
    ("snmp.msgUserName", ""),
    ("snmp.msgUserName contains \"aes\"", ""),
    ("snmp.msgUserName matches \"^(md5|sha)-\"", ""),
    ("snmp.msgUserName in {\"md5-des\", \"sha-aes128\"}", ""),
    ("snmp.msgAuthoritativeEngineID[0:4] == 80:00:1f:88", ""),
    ("snmp.msgAuthoritativeEngineID contains 1f:88", ""),
    ("snmp.msgAuthoritativeEngineBoots > 0", ""),
    ("snmp.msgAuthoritativeEngineTime lt 100", ""),
    ("len(snmp.msgAuthenticationParameters) == 12", ""),
    ("snmp.msgPrivacyParameters", ""),
    ("snmp.name == 1.3.6.1.2.1.1.1.0", "pdu"),
    ("snmp.name != 1.3.6.1.2.1.1.1.0", "pdu"),
    ("snmp.name ~= 1.3.6.1.2.1.1.1.0", "pdu"),
    ("snmp.name !== 1.3.6.1.2.1.1.3.0", "pdu"),
    ("snmp.name === 1.3.6.1.2.1.1.3.0", "pdu"),
    ("all snmp.name == 1.3.6.1.2.1.1.1.0", "pdu"),
    ("any snmp.name != 1.3.6.1.2.1.1.1.0", "pdu"),
    ("snmp.name in {1.3.6.1.2.1.1.1.0, 1.3.6.1.2.1.1.5.0}", "pdu"),
    ("len(snmp.name) == 8", "pdu"),
    ("count(snmp.name) >= 3", "pdu"),
    ("snmp.request_id > 1000000", "pdu"),
    ("snmp.request_id in {1..100, 1000..2000}", "pdu"),
    ("snmp.error_status != 0", "pdu"),
    ("snmp.error_status == noSuchName", "pdu"),
    ("snmp.error_index > 0", "pdu unsigned"),
    ("snmp.value.int < 0", "pdu"),
    ("snmp.value.octets contains \"Linux\"", "pdu"),
    ("snmp.value.octets matches \"linux\"", "pdu"),
    ("snmp.value.oid == 1.3.6.1.4.1.8072.3.2.10", "pdu"),
    ("snmp.value.timeticks > 100", "pdu"),
    ("snmp.value.counter >= 1", "pdu"),
    ("snmp.value.g32 > 10", "pdu unsigned"),
    ("snmp.value.ipv4 == 127.0.0.1", "pdu"),
    ("snmp.value.null", "pdu"),
    ("snmp.noSuchObject or snmp.noSuchInstance or snmp.endOfMibView", "pdu"),
    ("snmp.contextName == \"\"", "pdu"),
    ("snmp.non_repeaters == 0 && snmp.max_repetitions > 5", "pdu"),
    ("snmp.enterprise == 1.3.6.1.4.1.8072.3.2.10", "pdu"),
    ("snmp.agent_addr == 127.0.0.0/8", "pdu"),
    ("snmp.generic_trap == 6 or snmp.specific_trap > 0", "pdu"),
    ("snmp.get_request_element", "pdu"),
    ("snmp.get_response_element and not snmp.get_request_element", "pdu"),
    ("snmp.report_element", "pdu"),
    ("snmp.set_request_element || snmp.get_next_request_element", "pdu"),
    ("snmp.time > 0.001", "pdu match"),
    ("snmp.time", "pdu match"),
    ("snmp.response_to", "pdu match"),
    ("snmp.response_to < 10", "pdu match"),
    ("snmp.decrypted_pdu", "pdu"),
    ("snmp.encryptedPDU", ""),
    ("ip.src == 127.0.0.1", ""),
    ("ip.addr == 10.0.0.0/8", ""),
    ("ip.dst != 127.0.0.1", ""),
    ("ip.ttl == 64 && ip.flags.df == 1", ""),
    ("ip.proto in {6, 17}", ""),
    ("ip.proto in {6 17}", "error"),            # both refuse: 4.0 wants commas
    ("frame.number == 3.0", "error"),
    ("snmp.community == \"\\q\"", "error"),
    ("ip.src == 127.0.0.1/33", "error"),
    ("frame.number == 1 or", "error"),
    ("ipv6.src == ::1", ""),
    ("ipv6.addr == 2001:db8::/32", ""),
    ("udp.port == 161", ""),
    ("udp.srcport == 162 || udp.dstport == 162", ""),
    ("udp.length >= 100", ""),
    ("tcp.port == 161 and tcp.len > 0", ""),
    ("frame.number in {1, 3..5}", ""),
    ("frame.number & 1", ""),
    ("frame.number == 010 or frame.number == 0b11 or frame.number == '\\x05'", ""),
    ("frame.len > 200", ""),
    ("frame.time_relative < 0.01", ""),
    ("!(frame.number <= 2) && (snmp or udp)", ""),
    ("not snmp or ip and frame.number == 1", ""),
    ("snmp and udp.port == 161 or frame.number == 2", ""),
]

PDU_FIELDS_GARBLED_NOTE = "encrypted messages tshark did not decrypt"


def run(command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, errors="replace", env=env)
    return result


def frames(result):
    return [int(line) for line in result.stdout.split() if line.strip()]


def main():
    tool, source = sys.argv[1], sys.argv[2]
    users = os.path.join(source, "corpus/pcap/snmp_users")
    config = tempfile.mkdtemp(prefix="snmpdissect-tshark-")
    os.makedirs(os.path.join(config, "wireshark"))
    shutil.copy(users, os.path.join(config, "wireshark", "snmp_users"))
    env = dict(os.environ, HOME=config, XDG_CONFIG_HOME=config, TZ="UTC")
    pcaps = sorted(os.path.join(source, "corpus/pcap", f)
                   for f in os.listdir(os.path.join(source, "corpus/pcap")) if f.endswith(".pcap"))
    failures = 0
    compared = 0
    excused = {"pdu": 0, "match": 0, "unsigned": 0}
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
    try:
        for pcap in pcaps:
            name = os.path.basename(pcap)
            # Frames tshark could not decrypt: encrypted, no snmp.data.
            t = run(["tshark", "-n", "-r", pcap, "-T", "fields", "-e", "frame.number",
                     "-e", "snmp.v3.flags.crypt", "-e", "snmp.data", "-e", "snmp.response_to",
                     "-e", "snmp.response_in", "-E", "occurrence=f"], env)
            o = run([tool, "-q", "-n", "--users", users, "-r", pcap, "-T", "fields",
                     "-e", "frame.number", "-e", "snmp.v3.flags.crypt", "-e", "snmp.data",
                     "-e", "snmp.response_to", "-e", "snmp.response_in", "-E", "occurrence=f"])
            garbled, matched_differently = set(), set()
            ours_rows = {r.split("\t")[0]: r.split("\t") for r in o.stdout.splitlines()}
            for row in t.stdout.splitlines():
                cols = row.split("\t")
                if cols[1] == "1" and not cols[2]:
                    garbled.add(int(cols[0]))
                mine = ours_rows.get(cols[0])
                if mine is None or mine[3:5] != cols[3:5]:
                    matched_differently.add(int(cols[0]))
                    # Both ends of a pair are affected.
                    for v in cols[3:5] + (mine[3:5] if mine else []):
                        if v.isdigit():
                            matched_differently.add(int(v))
            # Every filter's two runs at once, as many in parallel as there
            # are processors (about 1,400 tshark runs in all), read in order.
            runs = [(text, tags,
                     pool.submit(run, ["tshark", "-n", "-r", pcap, "-Y", text, "-T", "fields",
                                       "-e", "frame.number"], env),
                     pool.submit(run, [tool, "-q", "-n", "--users", users, "-r", pcap, "-Y", text,
                                       "-T", "fields", "-e", "frame.number"]))
                    for text, tags in FILTERS]
            for text, tags, theirs_run, ours_run in runs:
                theirs, ours = theirs_run.result(), ours_run.result()
                if "error" in tags:
                    # Both must refuse the filter (exit 2 in tshark, 1 here).
                    compared += 1
                    if theirs.returncode == 0 or ours.returncode != 1:
                        failures += 1
                        print(f"{name}: {text!r}: tshark exit {theirs.returncode}, "
                              f"here exit {ours.returncode}: both should refuse it")
                    continue
                if theirs.returncode != 0 or ours.returncode not in (0, 2):
                    print(f"{name}: {text!r}: tshark exit {theirs.returncode} "
                          f"{theirs.stderr.strip()!r}, here exit {ours.returncode} "
                          f"{ours.stderr.strip()!r}")
                    failures += 1
                    continue
                a, b = set(frames(theirs)), set(frames(ours))
                compared += 1
                differ = a ^ b
                if "pdu" in tags and differ & garbled:
                    excused["pdu"] += len(differ & garbled)
                    differ -= garbled
                if "match" in tags and differ & matched_differently:
                    excused["match"] += len(differ & matched_differently)
                    differ -= matched_differently
                if "unsigned" in tags and name == "leading-zero.pcap" and differ:
                    excused["unsigned"] += len(differ)
                    differ = set()
                if differ:
                    failures += 1
                    print(f"{name}: {text!r}: only tshark {sorted(a - b)[:20]}, "
                          f"only here {sorted(b - a)[:20]}")
    finally:
        pool.shutdown()
        shutil.rmtree(config, ignore_errors=True)
    print(f"{len(FILTERS)} filters x {len(pcaps)} captures: {compared} runs compared, "
          f"{failures} disagreements; intended: {excused['pdu']} frame verdicts on "
          f"{PDU_FIELDS_GARBLED_NOTE}, {excused['match']} on Report/request pairs tshark does "
          f"not match, {excused['unsigned']} on values tshark shows negative")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
