#!/usr/bin/python3
"""snmpdissect -z snmp,agents against what tshark sees in the same frames.

tshark has no per manager/agent table, so this counts with tshark what each
of our records claims, from one `tshark -T fields` run per sample capture
(with the sample SNMPv3 users), the way `tshark -Y FILTER | wc -l` would
per pair but in one pass:

  * PDUs sent to the listening side: for a command pair (manager M, agent
    A, port P) the get/get-next/set/bulk requests from M to A's port P;
    for a notification pair the traps, informs and SNMPv2-traps from A to
    M's port P. Ours must equal tshark's, per pair and per PDU type.
  * Answers (get-response, report) come from the listening side's port:
    per listening address and port, the sum over our records equals
    tshark's count (on loopback a command pair and a notification pair at
    the same port share those frames, and only the request pairing tells
    them apart, which a filter cannot).
  * Error-status values of those answers, the same way.
  * Communities: each record's, when none was cut or left out, is the set
    tshark shows in that pair's direction(s) of traffic.
  * Every SNMP message tshark shows is in exactly one record: the sum of
    our messages equals tshark's count of snmp.msgVersion/snmp.version.

PDU and error names are mapped to numbers through `tshark -G values`, so
the test shares no list with the tool. Intended differences: captures
tshark cannot decrypt (DECRYPTION, as in tshark_fields_test.py) are
compared only on what does not need the PDU (message totals and requests'
direction, not PDU types).

Usage: tshark_agents_test.py SNMPDISSECT SOURCE_DIR
Exit status 0 when everything agrees, 1 otherwise (with the differences).
"""

import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

DECRYPTION = {"pysnmp-privacy.pcap", "traps-informs.pcap", "v3-priv-aes192.pcap",
              "v3-priv-aes256.pcap"}
COMMANDS = {0, 1, 3, 5}
NOTIFICATIONS = {4, 6, 7}
ANSWERS = {2, 8}
FIELDS = ["ip.src", "ipv6.src", "ip.dst", "ipv6.dst", "udp.srcport", "tcp.srcport",
          "udp.dstport", "tcp.dstport", "snmp.data", "snmp.error_status", "snmp.community",
          "snmp.msgVersion", "snmp.version"]


def tshark_values(field):
    out = subprocess.run(["tshark", "-G", "values"], capture_output=True, text=True).stdout
    names = {}
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) == 4 and cols[0] == "V" and cols[1] == field:
            names[cols[3]] = int(cols[2])
    return names


def tshark_frames(pcap, env):
    """One dict per frame with SNMP: addresses, ports, PDU tags, ..."""
    argv = ["tshark", "-n", "-r", pcap, "-Y", "snmp", "-T", "fields", "-E", "occurrence=a",
            "-E", "aggregator=\x1f"]
    for f in FIELDS:
        argv += ["-e", f]
    out = subprocess.run(argv, capture_output=True, text=True, env=env).stdout
    frames = []
    for line in out.splitlines():
        c = dict(zip(FIELDS, line.split("\t")))
        split = lambda v: [x for x in v.split("\x1f") if x != ""]
        frames.append({
            "src": c["ip.src"] or c["ipv6.src"], "dst": c["ip.dst"] or c["ipv6.dst"],
            "sport": int(c["udp.srcport"] or c["tcp.srcport"] or 0),
            "dport": int(c["udp.dstport"] or c["tcp.dstport"] or 0),
            "pdus": [int(x) for x in split(c["snmp.data"])],
            "errors": [int(x) for x in split(c["snmp.error_status"])],
            "communities": split(c["snmp.community"]),
            "messages": len(split(c["snmp.msgVersion"])) + len(split(c["snmp.version"])),
        })
    return frames


def main():
    ours_bin, source = sys.argv[1], sys.argv[2]
    users = os.path.join(source, "corpus/pcap/snmp_users")
    pdu_tag = tshark_values("snmp.data")
    error_value = tshark_values("snmp.error_status")
    if len(pdu_tag) != 9 or len(error_value) < 19:
        print("tshark -G values: no snmp.data / snmp.error_status names")
        return 1
    config = tempfile.mkdtemp(prefix="snmpdissect-agents.")
    failures, compared, excused = [], 0, 0
    try:
        os.makedirs(os.path.join(config, "wireshark"))
        shutil.copy(users, os.path.join(config, "wireshark", "snmp_users"))
        env = dict(os.environ, XDG_CONFIG_HOME=config, HOME=config)
        for pcap in sorted(glob.glob(os.path.join(source, "corpus/pcap/*.pcap"))):
            name = os.path.basename(pcap)
            r = subprocess.run([ours_bin, "-q", "-T", "json", "--users", users, "-r", pcap,
                                "-z", "snmp,agents"], capture_output=True, text=True)
            if r.returncode not in (0, 2):
                failures.append(f"{name}: exit {r.returncode}: {r.stderr}")
                continue
            stat = json.loads(r.stdout)["statistics"][0]
            pairs = stat["pairs"]
            frames = tshark_frames(pcap, env)

            def check(what, ours, theirs):
                nonlocal compared
                compared += 1
                if ours != theirs:
                    failures.append(f"{name}: {what}: ours {ours}, tshark {theirs}")

            check("messages in all records",
                  sum(p["messages"] for p in pairs), sum(f["messages"] for f in frames))
            check("evicted pairs", stat["evicted_pairs"], 0)
            decrypts = name not in DECRYPTION
            if not decrypts:
                excused += 1
                print(f"{name}: PDU types not compared (tshark cannot decrypt it)")
            answers_ours = collections.Counter()
            errors_ours = collections.Counter()
            for p in pairs:
                to_manager = p["listener"] == "manager"
                sender, receiver = (p["agent"], p["manager"]) if to_manager else (p["manager"], p["agent"])
                label = f"{sender} -> {receiver}:{p['port']}"
                sent = [f for f in frames
                        if f["src"] == sender and f["dst"] == receiver and f["dport"] == p["port"]]
                types = NOTIFICATIONS if to_manager else COMMANDS
                pdus = {pdu_tag[k]: v for k, v in p["pdus"].items()}
                if decrypts:
                    for t in sorted(types):
                        check(f"{label}: PDU {t}", pdus.get(t, 0),
                              sum(f["pdus"].count(t) for f in sent))
                for t in ANSWERS:
                    answers_ours[(receiver, sender, p["port"], t)] += pdus.get(t, 0)
                for k, v in p["error_status"].items():
                    errors_ours[(receiver, sender, p["port"],
                                 error_value.get(k, k))] += v
                communities = p["communities"]
                if communities and p["communities_messages_not_kept"] == 0 and \
                        not any(c["truncated"] for c in communities):
                    back = [f for f in frames
                            if f["src"] == receiver and f["dst"] == sender and f["sport"] == p["port"]]
                    seen = {c for f in sent + back for c in f["communities"]}
                    check(f"{label}: communities", sorted(c["text"] for c in communities),
                          sorted(seen))
            if decrypts:
                for (listener, other, port, t), ours in sorted(answers_ours.items()):
                    back = [f for f in frames
                            if f["src"] == listener and f["dst"] == other and f["sport"] == port]
                    check(f"answers {t} from {listener}:{port}", ours,
                          sum(f["pdus"].count(t) for f in back))
                tshark_errors = collections.Counter()
                for (listener, other, port) in {k[:3] for k in answers_ours}:
                    for f in frames:
                        if f["src"] == listener and f["dst"] == other and f["sport"] == port:
                            for e in f["errors"]:
                                if e != 0:
                                    tshark_errors[(listener, other, port, e)] += 1
                check("error-status of answers", dict(errors_ours), dict(tshark_errors))
        for f in failures:
            print(f)
        print(f"{compared} counts compared, {len(failures)} differ, {excused} captures "
              f"compared without PDU types (intended: tshark cannot decrypt them)")
        return 1 if failures or compared == 0 else 0
    finally:
        shutil.rmtree(config)


if __name__ == "__main__":
    sys.exit(main())
