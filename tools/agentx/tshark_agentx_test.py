#!/usr/bin/python3
"""snmpdissect's AgentX layer against tshark's AgentX dissector, frame by frame.

Runs `snmpdissect -T fields` and `tshark -T fields` on the same capture
with every agentx.* field tshark registers (`tshark -G fields`: generated,
so a field we lack fails the run) and requires every AgentX frame's values
to agree: header, OIDs (n_subid, prefix, include, text), octet strings, the
values, and each PDU type's own fields, occurrence by occurrence in tree
order. Intended differences, each counted and printed:

  * Octet strings that are not printable ASCII (Opaque values, IpAddresses,
    binary contexts): Wireshark's agentx.ostring is FT_STRING and shows
    replacement characters, ours escapes the octets (a backslash, x and two
    hex digits each). Not compared.

The rest come from three bugs of Wireshark 4.0's AgentX dissector
(packet-agentx.c):

  * It gives every VarBind subtree the whole payload's length, so the first
    VarBind of a Response, and the second of a Notify, TestSet or
    IndexAllocate, runs past the packet: an exception ("Malformed Packet")
    and no more fields. Its TestSet/Notify loop also stops early
    (`while (len > offset)` without the header). In those frames tshark's
    occurrences of each field must be a subsequence of ours, in order (a
    prefix per PDU: with two PDUs in a frame, tshark goes on with the second
    after the first's exception).
  * It ignores NON_DEFAULT_CONTEXT on Responses, which net-snmp's subagent
    sets (with a context) when the request had one. Those frames' header
    fields are compared; the rest is tshark reading the context as
    sysUpTime.

Usage: tshark_agentx_test.py SNMPDISSECT CAPTURE
Exit status 0 when everything agrees, 1 otherwise (with the differences).
"""

import re
import subprocess
import sys

AGG = "\x1f"
HEADER_FIELDS = {
    "agentx.version", "agentx.type", "agentx.flags", "agentx.flags.register",
    "agentx.flags.newindex", "agentx.flags.anyindex", "agentx.flags.context",
    "agentx.flags.byteorder", "agentx.session_id", "agentx.transaction_id",
    "agentx.packet_id", "agentx.payload_len",
}
VARBIND_LIST_TYPES = {"8", "12", "14", "15", "18"}  # TestSet, Notify, Index*, Response


def lines(command, env=None):
    result = subprocess.run(command, capture_output=True, text=True, errors="replace",
                            env=env)
    if result.returncode != 0:
        sys.exit(f"{command[0]} failed ({result.returncode}): {result.stderr.strip()}")
    return [line.split("\t") for line in result.stdout.rstrip("\n").split("\n") if line]


def occurrences(value):
    return value.split(AGG) if value else []


BINARY = "<binary>"
ESCAPED = re.compile(r"\\x[0-9a-f]{2}")


def agentx_fields():
    """Every agentx.* field tshark registers (-G fields: F, name, abbrev, type, protocol)."""
    rows = [line.split("\t") for line in
            subprocess.run(["tshark", "-G", "fields"], capture_output=True, text=True,
                           check=True).stdout.splitlines()]
    return [r[2] for r in rows if len(r) > 4 and r[0] == "F" and r[4] == "agentx"]


def same(theirs, ours):
    return len(theirs) == len(ours) and all(
        o == "<binary>" or t == o for t, o in zip(theirs, ours))


def subsequence(theirs, ours):
    rest = iter(ours)
    return all(any(o == "<binary>" or t == o for o in rest) for t in theirs)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    tool, pcap = sys.argv[1:]
    fields = agentx_fields()
    if len(fields) < 30:
        sys.exit(f"tshark -G fields lists only {len(fields)} agentx.* fields")
    args = ["-T", "fields", "-E", "occurrence=a", "-E", "aggregator=" + AGG,
            "-e", "frame.number"]
    field_args = [a for f in fields for a in ("-e", f)]
    ours = {row[0]: row[1:] for row in lines([tool, "-r", pcap, "-Y", "agentx"] + args +
                                             field_args)}
    theirs = {row[0]: row for row in lines(["tshark", "-n", "-r", pcap, "-Y", "agentx"] + args +
                                           ["-e", "_ws.malformed"] + field_args)}
    binary = 0
    for row in ours.values():
        values = dict(zip(fields, row))
        strings = occurrences(values["agentx.ostring"])
        marked = [BINARY if ESCAPED.search(v) else v for v in strings]
        binary += sum(v == BINARY for v in marked)
        row[fields.index("agentx.ostring")] = AGG.join(marked)

    failures = 0
    counts = {"frames": 0, "malformed": 0, "short_list": 0, "response_context": 0}

    def fail(message):
        nonlocal failures
        failures += 1
        if failures <= 40:
            print(message)

    if sorted(theirs, key=int) != sorted(ours, key=int):
        fail(f"AgentX frames differ: tshark {sorted(set(theirs) - set(ours), key=int)[:10]}, "
             f"here {sorted(set(ours) - set(theirs), key=int)[:10]} only")
    for frame in sorted(set(theirs) & set(ours), key=int):
        counts["frames"] += 1
        t_row, o_row = theirs[frame], ours[frame]
        malformed = t_row[1] != ""
        t_values = dict(zip(fields, t_row[2:]))
        o_values = dict(zip(fields, o_row))
        types = occurrences(o_values["agentx.type"])
        flags = occurrences(o_values["agentx.flags.context"])
        response_context = any(t == "18" and c == "1" for t, c in zip(types, flags))
        short_list = malformed or any(t in VARBIND_LIST_TYPES for t in types)
        counts["malformed"] += malformed
        counts["response_context"] += response_context
        counts["short_list"] += short_list and not malformed
        for field in fields:
            t, o = occurrences(t_values[field]), occurrences(o_values[field])
            if same(t, o):
                continue
            if field not in HEADER_FIELDS:
                if response_context:
                    continue
                if short_list and subsequence(t, o):
                    continue
            fail(f"frame {frame}: {field}: tshark {t}, here {o}")
    print(f"{counts['frames']} AgentX frames, {len(fields)} agentx.* fields compared: "
          f"{failures} differences; intended: {counts['malformed']} frames tshark cut short "
          f"(Malformed Packet), {counts['short_list']} more with VarBind lists compared as "
          f"a subsequence, {counts['response_context']} Responses with a context tshark misreads, "
          f"{binary} binary octet strings not compared")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
