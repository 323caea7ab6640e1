#!/usr/bin/python3
r"""The plugin inside tshark against the tool, field for field.

On every sample capture, with the sample users, tshark with the plugin
loaded prints every field the plugin registers (-T fields, the
snmpdissect.* names) and the tool prints the same fields under their own
names (snmp.*); every frame's values must be equal, with no exception.
Twice: in one pass with the users in Wireshark's personal snmp_users
table, and in two passes (-2: requests show the frame that answered them)
with the users named by the snmpdissect.users_file preference.

Two differences of printing, not of values, are allowed and counted:
  * epan prints -T fields doubles with 15 significant digits (FT_DOUBLE)
    and floats with 6 (FT_FLOAT), where the tool prints the shortest text
    that reads back exactly: equal when the tool's value, rounded so, is
    the plugin's.
  * The tool escapes control characters in strings (\xHH: a packet must
    not drive the terminal), epan prints them raw: equal when the tool's
    text, unescaped, is the plugin's.

Usage: plugin_fields_test.py SNMPDISSECT PLUGIN_DIR SOURCE_DIR
Exit status 0 when every value agrees, 1 otherwise (the differences listed).
"""

import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "testing"))
from tshark_plugin import PluginTshark, plugin_fields, tool_name  # noqa: E402


FLOAT_DIGITS = {"snmpdissect.value.opaque.float": 6, "snmpdissect.value.opaque.double": 15}


def same_number(field, plugin, tool):
    digits = FLOAT_DIGITS.get(field)
    if digits is None:
        return False
    a, b = plugin.split(","), tool.split(",")
    try:
        return len(a) == len(b) and all(
            float(x) == float(f"{float(y):.{digits}g}") for x, y in zip(a, b))
    except ValueError:
        return False


def same_unescaped(plugin, tool):
    if "\\x" not in tool:
        return False
    return re.sub(r"\\x([0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), tool) == plugin


def rows(stdout):
    return [line.split("\t") for line in stdout.rstrip("\n").split("\n")]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    tool, plugin_dir, source = sys.argv[1:]
    users = os.path.join(source, "corpus/pcap/snmp_users")
    pcap_dir = os.path.join(source, "corpus/pcap")
    captures = sorted(n for n in os.listdir(pcap_dir) if n.endswith(".pcap"))
    failures = 0
    compared = 0
    allowed = 0
    for two_pass in (False, True):
        personal = None if two_pass else users
        with PluginTshark(plugin_dir, personal_users=personal) as tshark:
            fields = plugin_fields(tshark)
            if len(fields) < 50:
                print(f"the plugin registered {len(fields)} fields: not loaded?")
                return 1
            passes = ["-2"] if two_pass else []
            prefs = ["-o", f"snmpdissect.users_file:{users}"] if two_pass else []
            for name in captures:
                pcap = os.path.join(pcap_dir, name)
                theirs = rows(tshark.run(["-n", "-r", pcap] + passes + prefs + ["-T", "fields"] +
                                         [a for f in fields for a in ("-e", f)]).stdout)
                ours_run = subprocess.run(
                    [tool, "-q", "--users", users, "-r", pcap] + passes + ["-T", "fields"] +
                    [a for f in fields for a in ("-e", tool_name(f))],
                    capture_output=True, text=True, errors="replace")
                if ours_run.returncode not in (0, 2):
                    print(f"{name}: snmpdissect failed: {ours_run.stderr.strip()}")
                    failures += 1
                    continue
                ours = rows(ours_run.stdout)
                if len(theirs) != len(ours):
                    print(f"{name}: {len(theirs)} frames in tshark, {len(ours)} here")
                    failures += 1
                    continue
                for number, (t, o) in enumerate(zip(theirs, ours), start=1):
                    for field, a, b in zip(fields, t, o):
                        compared += 1
                        if a != b and (same_number(field, a, b) or same_unescaped(a, b)):
                            allowed += 1
                        elif a != b:
                            failures += 1
                            if failures <= 40:
                                print(f"{name} frame {number}{' (-2)' if two_pass else ''}: "
                                      f"{field}: plugin {a!r}, tool {b!r}")
    print(f"{compared} values compared on {len(captures)} captures: {failures} differences; "
          f"{allowed} printed differently (float digits, escaped control characters)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
