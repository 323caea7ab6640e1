#!/usr/bin/python3
"""What the plugin does inside tshark beyond the field comparison:

  * it loads (tshark -G plugins lists it) and a run with no SNMP traffic
    at all ends cleanly (exit 0, nothing on standard error);
  * it takes UDP port 161 from the built-in dissector, and gives it back
    with snmpdissect.leave_ports_to_builtin;
  * Decode As reaches it on another port (-d udp.port==1161,snmpdissect);
  * messages the built-in dissector cannot decrypt (net-snmp's AES-192/256
    with MD5 or SHA-1 keys, extended Blumenthal's way; pysnmp's 3DES and
    Blumenthal users) show a decrypted ScopedPDU and its PDU through the
    plugin, with the users in Wireshark's personal snmp_users table;
  * the decrypted ScopedPDU is a data source of its own (-x prints it).

Usage: plugin_behaviour_test.py PLUGIN_DIR SOURCE_DIR
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "testing"))
from tshark_plugin import PluginTshark  # noqa: E402

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def fields(tshark, pcap, names, extra=()):
    r = tshark.run(["-n", "-r", pcap, "-T", "fields"] + list(extra) +
                   [a for n in names for a in ("-e", n)])
    return [dict(zip(names, line.split("\t"))) for line in r.stdout.rstrip("\n").split("\n")]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    plugin_dir, source = sys.argv[1:]
    pcaps = os.path.join(source, "corpus", "pcap")
    testdata = os.path.join(source, "tools", "snmpdissect", "testdata")
    users = os.path.join(pcaps, "snmp_users")
    with PluginTshark(plugin_dir, personal_users=users) as tshark:
        listed = tshark.run(["-G", "plugins"]).stdout
        check("snmpdissect.so" in listed, "tshark -G plugins lists snmpdissect.so")

        # Types as field_types.h maps them (tshark -G fields: name, type,
        # base, mask).
        registered = {}
        for line in tshark.run(["-G", "fields"]).stdout.splitlines():
            cols = line.split("\t")
            if cols[0] == "F" and cols[2].startswith("snmpdissect"):
                registered[cols[2]] = (cols[3], cols[5], cols[6])
        for name, want in (("snmpdissect.response_in", ("FT_FRAMENUM", "", "0x0")),
                           ("snmpdissect.response_to", ("FT_FRAMENUM", "", "0x0")),
                           ("snmpdissect.time", ("FT_RELATIVE_TIME", "", "0x0")),
                           ("snmpdissect.name", ("FT_OID", "", "0x0")),
                           ("snmpdissect.name.raw", ("FT_BYTES", "", "0x0")),
                           ("snmpdissect.agent_addr", ("FT_IPv4", "", "0x0")),
                           ("snmpdissect.engineid.ipv6", ("FT_IPv6", "", "0x0")),
                           ("snmpdissect.engineid.mac", ("FT_ETHER", "", "0x0")),
                           ("snmpdissect.engineid.time", ("FT_ABSOLUTE_TIME", "", "0x0")),
                           ("snmpdissect.v3.flags.auth", ("FT_BOOLEAN", "8", "0x1")),
                           ("snmpdissect.msgUserName", ("FT_STRING", "", "0x0")),
                           ("snmpdissect.request_id", ("FT_INT64", "BASE_DEC", "0x0"))):
            check(registered.get(name) == want,
                  f"{name} registered as {want} (found {registered.get(name)})")

        quiet = tshark.run(["-n", "-r", os.path.join(testdata, "port1161.pcap")], check=False)
        check(quiet.returncode == 0 and not quiet.stderr.strip() and " UDP " in quiet.stdout,
              "no SNMP traffic: exit 0, nothing on stderr, the frame left to UDP")

        v1 = os.path.join(pcaps, "v1-v2c.pcap")
        ours = fields(tshark, v1, ["snmpdissect.request_id", "snmp.request_id"])
        check(ours[0]["snmpdissect.request_id"] and not ours[0]["snmp.request_id"],
              "port 161 taken from the built-in dissector")
        builtin = fields(tshark, v1, ["snmpdissect.request_id", "snmp.request_id"],
                         ["-o", "snmpdissect.leave_ports_to_builtin:TRUE"])
        check(builtin[0]["snmp.request_id"] and not builtin[0]["snmpdissect.request_id"],
              "leave_ports_to_builtin gives port 161 back")

        decoded = fields(tshark, os.path.join(testdata, "port1161.pcap"),
                         ["snmpdissect.request_id"], ["-d", "udp.port==1161,snmpdissect"])
        check(decoded[0]["snmpdissect.request_id"] == "1234", "Decode As udp.port==1161")

        names = ["frame.number", "snmpdissect.msgUserName", "snmpdissect.v3.flags.crypt",
                 "snmpdissect.decrypted_pdu", "snmpdissect.request_id", "snmp.data"]
        for capture, users_shown in (("v3-priv-aes256.pcap", ("md5-aes256", "sha-aes256")),
                                     ("v3-priv-aes192.pcap", ("md5-aes192", "sha-aes192")),
                                     ("pysnmp-privacy.pcap", None)):
            pcap = os.path.join(pcaps, capture)
            plugin_rows = fields(tshark, pcap, names)
            builtin_rows = fields(tshark, pcap, names,
                                  ["-o", "snmpdissect.leave_ports_to_builtin:TRUE"])
            gained = [p for p, b in zip(plugin_rows, builtin_rows)
                      if p["snmpdissect.decrypted_pdu"] and p["snmpdissect.request_id"] and
                      not b["snmp.data"]]
            check(gained, f"{capture}: {len(gained)} messages decrypted by the plugin only")
            if users_shown:
                for user in users_shown:
                    check(any(p["snmpdissect.msgUserName"] == user for p in gained),
                          f"{capture}: {user} decrypted by the plugin only")
            encrypted = [p for p in plugin_rows if p["snmpdissect.v3.flags.crypt"] == "1"]
            check(encrypted and all(p["snmpdissect.request_id"] for p in encrypted
                                    if p["snmpdissect.decrypted_pdu"]),
                  f"{capture}: every decrypted ScopedPDU shows its PDU")

        aes256 = os.path.join(pcaps, "v3-priv-aes256.pcap")
        first = next(p for p in fields(tshark, aes256, names)
                     if p["snmpdissect.msgUserName"] == "md5-aes256" and
                     p["snmpdissect.decrypted_pdu"])
        dump = tshark.run(["-n", "-r", aes256, "-x", "-Y",
                           f"frame.number == {first['frame.number']}"]).stdout
        check("Decrypted ScopedPDU (" in dump, "the decrypted ScopedPDU is a data source (-x)")
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
