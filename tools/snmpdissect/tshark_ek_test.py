#!/usr/bin/python3
"""snmpdissect -T ek against tshark -T ek, and the bulk format's rules.

For every sample capture in corpus/pcap (with the sample SNMPv3 users):

  * Every key of every document is in the index mapping -G elastic-mapping
    prints.
  * Our output follows the bulk API's rules as Elasticsearch 8 and
    OpenSearch 2 accept them: newline-delimited, each line one valid JSON
    object, an action line ({"index":{"_index":...}}, no "_type": both
    reject it) before every document, and each document a "timestamp" and
    "layers".
  * tshark 4.0's documents and ours agree: the same action index and
    timestamp, the same layers, and every key both have in a layer the
    same values (tshark repeats a key for each occurrence, we write one
    array; both are read as the list of occurrences). Intended differences,
    counted and printed, not compared: the keys tshark_fields_test.py
    excuses (values tshark decrypts wrongly or not at all, Reports matched
    to their requests, values sent without their leading zero octet), per
    frame: where the values differ and the field is in INTENDED; and the
    differences of the lower layers' trees listed in ELSEWHERE, which -T
    fields shows as well; in the agentx layer, tshark's values a
    subsequence of ours (its AgentX dissector stops early).

Usage: tshark_ek_test.py SNMPDISSECT SOURCE_DIR
Exit status 0 when everything agrees, 1 otherwise (with the differences).
"""

import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

# Fields whose values may differ for the reasons tshark_fields_test.py
# lists (decryption, Report matching, missing leading zeros).
INTENDED = {
    "snmp.response_to", "snmp.response_in", "snmp.time", "snmp.data", "snmp.name",
    "snmp.value.int", "snmp.value.u32", "snmp.value.g32", "snmp.value.octets",
    "snmp.value.oid", "snmp.value.null", "snmp.value.timeticks", "snmp.value.counter",
    "snmp.value.ipv4", "snmp.value.counter64", "snmp.value.opaque", "snmp.request_id",
    "snmp.error_status", "snmp.error_index", "snmp.non_repeaters", "snmp.max_repetitions",
    "snmp.contextEngineID", "snmp.contextName", "snmp.decrypted_pdu",
    "snmp.variable_bindings", "snmp.VarBind_element", "snmp.noSuchObject",
    "snmp.noSuchInstance", "snmp.endOfMibView", "snmp.v3.auth",
    # A decrypted ScopedPDU's contextEngineID is dissected like the
    # authoritative one: where tshark cannot decrypt, it shows one.
    "snmp.engineid",
}
# Differences of the tree below SNMP that -T ek shows but no -T ek code
# causes (the same values print with -T fields); listed so that they stay
# visible: tshark numbers TCP streams from 0 across all TCP conversations
# and shows relative sequence numbers, and lists in frame.protocols a
# protocol once per dissector call (snmp:snmp for a PDU's value lookups,
# tcp:agentx where tshark's AgentX dissector gives up).
ELSEWHERE = {"tcp.stream", "tcp.seq", "tcp.nxtseq", "tcp.ack", "frame.protocols"}


def subsequence(theirs, ours):
    """True when tshark's occurrences appear in ours, in order. tshark 4.0's
    AgentX dissector stops early in VarBind and SearchRange lists and on
    frames it marks malformed (tools/agentx/tshark_agentx_test.py lists
    these), so in the agentx layer it shows a subsequence of our values."""
    it = iter(ours)
    return all(any(t == o for o in it) for t in theirs)


def pairs(items):
    """A JSON object whose repeated keys become lists of every value."""
    out = {}
    for key, value in items:
        if key in out:
            if not isinstance(out[key], list) or key not in repeated:
                out[key] = [out[key]]
                repeated.add(key)
            out[key].append(value)
        else:
            out[key] = value
    return out


repeated = set()


def as_list(v):
    return v if isinstance(v, list) else [v]


def main():
    ours_bin, source = sys.argv[1], sys.argv[2]
    users = os.path.join(source, "corpus/pcap/snmp_users")
    config = tempfile.mkdtemp(prefix="snmpdissect-ek.")
    try:
        os.makedirs(os.path.join(config, "wireshark"))
        shutil.copy(users, os.path.join(config, "wireshark", "snmp_users"))
        env = dict(os.environ, XDG_CONFIG_HOME=config, HOME=config)
        failures = compared = excused = elsewhere = 0
        # The mapping (-G elastic-mapping) names every key we write.
        mapping = json.loads(subprocess.run([ours_bin, "-G", "elastic-mapping"],
                                            capture_output=True, text=True, check=True).stdout)
        mapped = mapping["template"]["mappings"]["properties"]["layers"]["properties"]
        for pcap in sorted(glob.glob(os.path.join(source, "corpus/pcap/*.pcap"))):
            name = os.path.basename(pcap)
            r = subprocess.run([ours_bin, "-q", "--users", users, "-r", pcap, "-T", "ek"],
                               capture_output=True, text=True)
            t = subprocess.run(["tshark", "-n", "-r", pcap, "-T", "ek"], capture_output=True,
                               text=True, env=env)
            if r.returncode not in (0, 2) or t.returncode != 0:
                print(f"{name}: exit {r.returncode} here, {t.returncode} in tshark")
                failures += 1
                continue
            ours_lines = r.stdout.split("\n")
            if ours_lines[-1] != "" or len(ours_lines) % 2 != 1:
                print(f"{name}: output is not newline-terminated action/document pairs")
                failures += 1
                continue
            ours_lines.pop()
            theirs_lines = [l for l in t.stdout.split("\n") if l]
            if len(ours_lines) != len(theirs_lines):
                print(f"{name}: {len(ours_lines)} lines here, {len(theirs_lines)} in tshark")
                failures += 1
                continue
            for n in range(0, len(ours_lines), 2):
                frame = n // 2 + 1
                action = json.loads(ours_lines[n])
                doc = json.loads(ours_lines[n + 1], object_pairs_hook=pairs)
                their_action = json.loads(theirs_lines[n])
                their_doc = json.loads(theirs_lines[n + 1], object_pairs_hook=pairs)
                if list(action) != ["index"] or list(action["index"]) != ["_index"]:
                    print(f"{name} frame {frame}: bad action line {ours_lines[n]}")
                    failures += 1
                if action["index"]["_index"] != their_action["index"]["_index"]:
                    print(f"{name} frame {frame}: index {action} vs {their_action}")
                    failures += 1
                if sorted(doc) != ["layers", "timestamp"] or doc["timestamp"] != their_doc["timestamp"]:
                    print(f"{name} frame {frame}: document keys or timestamp differ")
                    failures += 1
                    continue
                for layer, ours in doc["layers"].items():
                    for one in as_list(ours):
                        for key in one:
                            if key not in mapped.get(layer, {}).get("properties", {}):
                                print(f"{name} frame {frame}: {layer}.{key} not in the mapping")
                                failures += 1
                    theirs = their_doc["layers"].get(layer)
                    if theirs is None or isinstance(ours, list) or isinstance(theirs, list):
                        continue  # a layer tshark lacks, or repeated layers
                    for key, value in ours.items():
                        if key not in theirs or key == "text":
                            continue
                        field = key[len(layer) + 1:].replace("_", ".")
                        compared += 1
                        if as_list(value) == as_list(theirs[key]):
                            continue
                        if any(field.startswith(f.replace("_", ".")) for f in INTENDED):
                            excused += 1
                            continue
                        if layer == "agentx" and subsequence(as_list(theirs[key]), as_list(value)):
                            excused += 1
                            continue
                        if field in ELSEWHERE:
                            elsewhere += 1
                            continue
                        failures += 1
                        print(f"{name} frame {frame}: {key}: {value!r} here, "
                              f"{theirs[key]!r} in tshark")
        print(f"{compared} values compared, {failures} differ, {excused} intended differences, "
              f"{elsewhere} differences of the tree below SNMP (ELSEWHERE)")
        return 1 if failures or compared == 0 else 0
    finally:
        shutil.rmtree(config)


if __name__ == "__main__":
    sys.exit(main())
