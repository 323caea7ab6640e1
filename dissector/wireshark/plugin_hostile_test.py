#!/usr/bin/python3
"""Hostile input through tshark with the plugin loaded.

Captures built from what the tool's own hostile tests and fuzzers use:
  * every seed of corpus/snmp_message and corpus/regressions as a UDP
    datagram to port 161, each as one TCP segment of its own stream, and
    all of them back to back on one TCP stream cut into 100-octet
    segments (epan's reassembly, cut by the plugin's framing);
  * every corpus/pipeline seed's frames, one capture per link type;
  * the first frames of every sample capture cut at every length.
tshark reads each with the sample users, as one pass (summary lines) and
as two passes with the full tree (-2 -V): both must exit 0, print one
line (one "Frame N:" tree) per frame, and say nothing on standard error;
no output may hold "Dissector bug" or an exception. Run with LD_PRELOAD of
the ASan runtime (the CMake test of the sanitizer build does), any ASan or
UBSan report on standard error fails the test too.

Usage: plugin_hostile_test.py PLUGIN_DIR SOURCE_DIR
"""

import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "testing"))
from pcap_files import PcapWriter, read_pcap, tcp_frame, udp_frame  # noqa: E402
from tshark_plugin import PluginTshark  # noqa: E402

# fuzz/fuzz_support.h kLinkTypes, by the selector byte of a pipeline seed.
PIPELINE_LINK_TYPES = [1, 0, 108, 12, 14, 101, 113, 276, 228, 229, 105]
PIPELINE_MAX_FRAMES = 512  # fuzz/pipeline_fuzzer.cc kMaxFrames
CUT_FRAMES_PER_CAPTURE = 4
BAD_OUTPUT = re.compile(r"Dissector bug|DissectorError|Unhandled exception|ERROR: AddressSanitizer|"
                        r"runtime error:|ERROR: LeakSanitizer")


def seeds(*folders):
    for folder in folders:
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                yield f.read()


def message_captures(out, source):
    corpus = [os.path.join(source, "corpus", d) for d in ("snmp_message", "regressions")]
    messages = [m[:65000] for m in seeds(*corpus)]
    udp = PcapWriter(os.path.join(out, "messages-udp.pcap"), 1)
    for m in messages:
        udp.add(udp_frame(m))
    udp.close()
    tcp = PcapWriter(os.path.join(out, "messages-tcp.pcap"), 1)
    for i, m in enumerate(messages):
        tcp.add(tcp_frame(m, seq=1, src_port=20000 + i % 40000))
    stream = b"".join(messages)
    seq = 1
    for at in range(0, len(stream), 100):
        tcp.add(tcp_frame(stream[at:at + 100], seq=seq, src_port=61000))
        seq += len(stream[at:at + 100])
    tcp.close()


def pipeline_captures(out, source):
    writers = {}
    for seed in seeds(os.path.join(source, "corpus", "pipeline")):
        if len(seed) < 2:
            continue
        link = PIPELINE_LINK_TYPES[seed[0] % len(PIPELINE_LINK_TYPES)]
        if link not in writers:
            writers[link] = PcapWriter(os.path.join(out, f"pipeline-{link}.pcap"), link)
        at, frames, now = 2, 0, 1700000000.0
        while len(seed) - at >= 3 and frames < PIPELINE_MAX_FRAMES:
            length = min(seed[at] << 8 | seed[at + 1], len(seed) - at - 3)
            now += seed[at + 2] * 0.1
            writers[link].add(seed[at + 3:at + 3 + length], seconds=int(now),
                              fraction=int((now % 1) * 1e6))
            at += 3 + length
            frames += 1
    for w in writers.values():
        w.close()


def cut_captures(out, source):
    pcap_dir = os.path.join(source, "corpus", "pcap")
    for name in sorted(os.listdir(pcap_dir)):
        if not name.endswith(".pcap"):
            continue
        link, records, ns = read_pcap(os.path.join(pcap_dir, name))
        w = PcapWriter(os.path.join(out, f"cut-{name}"), link, ns)
        for sec, frac, original, data in records[:CUT_FRAMES_PER_CAPTURE]:
            for length in range(len(data)):
                w.add(data[:length], original_length=original, seconds=sec, fraction=frac)
        w.close()


def frame_count(path):
    return len(read_pcap(path)[1])


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    plugin_dir, source = sys.argv[1:]
    users = os.path.join(source, "corpus", "pcap", "snmp_users")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="snmpdissect-hostile-") as out:
        os.chmod(out, 0o755)
        message_captures(out, source)
        pipeline_captures(out, source)
        cut_captures(out, source)
        with PluginTshark(plugin_dir) as tshark:
            for name in sorted(os.listdir(out)):
                pcap = os.path.join(out, name)
                os.chmod(pcap, 0o644)
                frames = frame_count(pcap)
                prefs = ["-o", f"snmpdissect.users_file:{users}"]
                one = tshark.run(["-n", "-r", pcap] + prefs, check=False)
                two = tshark.run(["-n", "-2", "-V", "-r", pcap] + prefs, check=False)
                problems = []
                for label, r in (("one pass", one), ("-2 -V", two)):
                    if r.returncode != 0:
                        problems.append(f"{label}: exit status {r.returncode}")
                    if r.stderr.strip():
                        problems.append(f"{label}: stderr: {r.stderr.strip()[:2000]}")
                    bad = BAD_OUTPUT.search(r.stdout)
                    if bad:
                        line = r.stdout[max(0, bad.start() - 200):bad.end() + 200]
                        problems.append(f"{label}: {bad.group(0)}: ...{line}...")
                lines = one.stdout.count("\n")
                trees = len(re.findall(r"^Frame \d+:", two.stdout, re.M))
                if lines != frames:
                    problems.append(f"{lines} summary lines for {frames} frames")
                if trees != frames:
                    problems.append(f"{trees} trees for {frames} frames")
                print(f"{name}: {frames} frames{': ' + '; '.join(problems) if problems else ''}")
                failures += len(problems)
    print(f"{failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
