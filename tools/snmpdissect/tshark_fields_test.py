#!/usr/bin/python3
"""snmpdissect -T fields against tshark -T fields, frame by frame.

Runs both on every sample capture with the same SNMPv3 users and the snmp.*
fields both know (those in corpus/golden/fields.txt that tshark has), and
requires every frame's values to agree, except for the intended differences
below, each counted and printed:

  * Decryption tshark gets wrong. Wireshark 4.0 cannot decrypt net-snmp's
    AES-192/256 when the hash is too short for the key (MD5, SHA-1,
    SHA-224: net-snmp extends the key Blumenthal's way, Wireshark does not)
    nor pysnmp's Blumenthal users; it "decrypts" them, and messages under a
    wrong privacy password, to garbage, shows that as snmp.decrypted_pdu,
    and often throws an exception on it that also loses its
    "Authentication: OK". Where tshark found no PDU in an encrypted message
    (no snmp.data), the fields inside the ScopedPDU, snmp.decrypted_pdu, and
    a snmp.v3.auth tshark lost are not compared for that frame. (Garbage is
    never shown as decrypted here: snmp.decrypted_data_bad_formatted says
    the key is wrong.)
  * Reports answer requests. A Report PDU answers the request with the same
    msgID (RFC 3412 section 7.1 step 3 and 7.2 step 13: engine ID
    discovery, time window, unknown user ...); Wireshark does not pair it,
    we give it snmp.response_to and snmp.time.
  * Non-negative values sent without their leading 0x00 octet
    (corpus/pcap/leading-zero.pcap: X.690 8.3.2 needs it before a set top
    bit). We read every such field as its sender meant it, unsigned, and
    warn. tshark 4.0 does so for engineBoots/Time, msgID, msgMaxSize,
    Counter32, TimeTicks, Counter64, max-repetitions and time-stamp, but
    shows Gauge32/Unsigned32 (snmp.value.g32, snmp.value.u32) and
    error-index as negative numbers, although RFC 2578 section 7.1.7 and
    RFC 3416 section 3 make them non-negative. For those fields a negative
    tshark value is accepted when ours is its unsigned reading (it plus
    256^n for an n-octet encoding).

Usage: tshark_fields_test.py SNMPDISSECT SOURCE_DIR
Exit status 0 when everything agrees, 1 otherwise (with the differences).
"""

import os
import shutil
import subprocess
import sys
import tempfile

# Fields that come from inside the ScopedPDU (RFC 3412 section 6), plus the
# request/response matching that needs its request-id.
SCOPED_PDU_FIELDS = {
    "snmp.contextEngineID", "snmp.contextName", "snmp.data", "snmp.request_id",
    "snmp.error_status", "snmp.error_index", "snmp.non_repeaters",
    "snmp.max_repetitions", "snmp.name", "snmp.response_to", "snmp.time",
} | {f"snmp.value.{kind}" for kind in (
    "int", "u32", "octets", "oid", "ipv4", "counter", "g32", "timeticks", "null")}


# Fields tshark 4.0 reads as signed though their type is non-negative.
SIGNED_IN_TSHARK = {"snmp.value.g32", "snmp.value.u32", "snmp.error_index"}


def unsigned_reading(theirs, ours):
    """True when every occurrence of `ours` is the unsigned reading of the
    same occurrence of tshark's negative value: it plus 256^n, n <= 4."""
    t_values, o_values = theirs.split(","), ours.split(",")
    if len(t_values) != len(o_values):
        return False
    for t, o in zip(t_values, o_values):
        if t == o:
            continue
        try:
            t, o = int(t), int(o)
        except ValueError:
            return False
        if t >= 0 or (o - t) not in (256**n for n in range(1, 5)):
            return False
    return True


def tshark_fields():
    out = subprocess.run(["tshark", "-G", "fields"], capture_output=True, text=True,
                         check=True).stdout
    return {line.split("\t")[2] for line in out.splitlines() if line.startswith("F\t")}


def run(command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, errors="replace", env=env)
    if result.returncode not in (0, 2):
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()}")
    return [line.split("\t") for line in result.stdout.rstrip("\n").split("\n")]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tool, source = sys.argv[1:]
    known = tshark_fields()
    with open(os.path.join(source, "corpus/golden/fields.txt")) as f:
        wanted = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    fields = [f for f in wanted if f.startswith("snmp.") and f in known]
    fields = ["frame.number"] + fields + ["snmp.decrypted_pdu"]
    users = os.path.join(source, "corpus/pcap/snmp_users")
    pcap_dir = os.path.join(source, "corpus/pcap")
    args = ["-T", "fields", "-E", "header=y"] + [a for f in fields for a in ("-e", f)]

    # tshark 4.0 reads users only from its configuration (the snmp_users
    # UAT file): give it a throw-away one holding just the sample users.
    config = tempfile.mkdtemp(prefix="snmpdissect-tshark-")
    os.makedirs(os.path.join(config, "wireshark"))
    shutil.copy(users, os.path.join(config, "wireshark", "snmp_users"))
    env = dict(os.environ, HOME=config, XDG_CONFIG_HOME=config, TZ="UTC")

    failures = 0
    frames = 0
    garbled_frames = 0
    report_frames = 0
    unsigned_values = 0
    for name in sorted(os.listdir(pcap_dir)):
        if not name.endswith(".pcap"):
            continue
        pcap = os.path.join(pcap_dir, name)
        theirs = run(["tshark", "-n", "-r", pcap] + args, env)
        ours = run([tool, "-q", "-n", "--users", users, "-r", pcap] + args)
        if theirs[0] != ours[0] or len(theirs) != len(ours):
            print(f"{name}: {len(theirs) - 1} frames in tshark, {len(ours) - 1} here")
            failures += 1
            continue
        header = theirs[0]
        column = {field: i for i, field in enumerate(header)}
        for t, o in zip(theirs[1:], ours[1:]):
            frames += 1
            tshark_garbled = t[column["snmp.v3.flags.crypt"]] == "1" and not t[column["snmp.data"]]
            report = o[column["snmp.data"]] == "8"  # report(8), RFC 3416 section 3
            garbled_frames += tshark_garbled
            report_frames += report and not t[column["snmp.response_to"]]
            for i, field in enumerate(header):
                if t[i] == o[i]:
                    continue
                if tshark_garbled and (field in SCOPED_PDU_FIELDS or
                                       field == "snmp.decrypted_pdu" or
                                       (field == "snmp.v3.auth" and not t[i])):
                    continue
                if report and not t[i] and field in ("snmp.response_to", "snmp.time"):
                    continue
                if field in SIGNED_IN_TSHARK and unsigned_reading(t[i], o[i]):
                    unsigned_values += 1
                    continue
                failures += 1
                if failures <= 40:
                    print(f"{name} frame {t[0]}: {field}: tshark '{t[i]}', here '{o[i]}'")
    shutil.rmtree(config)
    print(f"{frames} frames, {len(fields)} fields compared: {failures} differences; "
          f"intended: {garbled_frames} encrypted messages tshark decrypted to garbage, "
          f"{report_frames} Reports matched to their requests here only, "
          f"{unsigned_values} values without their leading zero octet tshark shows negative")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
