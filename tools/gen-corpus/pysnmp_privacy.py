#!/usr/bin/python3
"""Send SNMPv3 authPriv traffic with privacy protocols net-snmp lacks.

Helper of tools/gen-corpus.sh (which runs it while tcpdump is capturing).
It must run under Debian's /usr/bin/python3 with python3-pysnmp4 (pysnmp
4.4.12), not under some other python3 that happens to be first on PATH.

net-snmp 5.9.3 offers DES, AES(-128) and the *Blumenthal* variants of
AES-192/AES-256.  pysnmp can additionally do:

  * 3DES-EDE (draft-reeder-snmpv3-usm-3desede)       usm3DESEDEPrivProtocol
  * AES-192/256 with the *Reeder* key extension       usmAesCfb192Protocol /
    (what Cisco and many other vendors ship)          usmAesCfb256Protocol

Every user is given on the command line as

    --user NAME,AUTH,PRIV,AUTHPASS,PRIVPASS,EXPECT

AUTH is one of MD5 SHA SHA-224 SHA-256 SHA-384 SHA-512; PRIV is one of
3DES AES-192-Reeder AES-256-Reeder AES-192-Blumenthal AES-256-Blumenthal;
EXPECT says what the net-snmp agent should answer to the GET:

  response  the agent knows the user with the same keys (cross-check of
            pysnmp's Blumenthal AES against net-snmp's AES-192/256)
  report    the agent does not know the user (it cannot do 3DES or Reeder
            AES), so it answers with a Report (usmStatsUnknownUserNames).
            The encrypted request is still in the capture, which is all we
            need for a dissector test.

For each user the script sends
  1. a GET of sysDescr.0 to the agent (after pysnmp's engine discovery),
  2. an SNMPv3 trap to snmptrapd (authoritative engine = ours, fixed ID),
  3. an INFORM to snmptrapd (discovers snmptrapd's engine ID first; as
     snmptrapd does not know these users it answers with a Report).

Exit status: 0 if everything behaved as EXPECTed, 1 otherwise (the
message on stdout says what went wrong).
"""

import argparse
import sys

from pysnmp.hlapi import (
    ContextData,
    NotificationType,
    ObjectIdentity,
    ObjectType,
    OctetString,
    SnmpEngine,
    UdpTransportTarget,
    UsmUserData,
    getCmd,
    sendNotification,
    usm3DESEDEPrivProtocol,
    usmAesBlumenthalCfb192Protocol,
    usmAesBlumenthalCfb256Protocol,
    usmAesCfb192Protocol,
    usmAesCfb256Protocol,
    usmHMAC128SHA224AuthProtocol,
    usmHMAC192SHA256AuthProtocol,
    usmHMAC256SHA384AuthProtocol,
    usmHMAC384SHA512AuthProtocol,
    usmHMACMD5AuthProtocol,
    usmHMACSHAAuthProtocol,
)

AUTH_PROTOCOLS = {
    "MD5": usmHMACMD5AuthProtocol,
    "SHA": usmHMACSHAAuthProtocol,
    "SHA-224": usmHMAC128SHA224AuthProtocol,
    "SHA-256": usmHMAC192SHA256AuthProtocol,
    "SHA-384": usmHMAC256SHA384AuthProtocol,
    "SHA-512": usmHMAC384SHA512AuthProtocol,
}

PRIV_PROTOCOLS = {
    "3DES": usm3DESEDEPrivProtocol,
    "AES-192-Reeder": usmAesCfb192Protocol,
    "AES-256-Reeder": usmAesCfb256Protocol,
    "AES-192-Blumenthal": usmAesBlumenthalCfb192Protocol,
    "AES-256-Blumenthal": usmAesBlumenthalCfb256Protocol,
}

SYS_DESCR_0 = "1.3.6.1.2.1.1.1.0"
COLD_START = "1.3.6.1.6.3.1.1.5.1"   # SNMPv2-MIB::coldStart


def parse_user(text):
    fields = text.split(",")
    if len(fields) != 6:
        raise argparse.ArgumentTypeError("expected NAME,AUTH,PRIV,AUTHPASS,PRIVPASS,EXPECT: %r" % text)
    name, auth, priv, authpass, privpass, expect = fields
    if auth not in AUTH_PROTOCOLS:
        raise argparse.ArgumentTypeError("unknown auth protocol %r" % auth)
    if priv not in PRIV_PROTOCOLS:
        raise argparse.ArgumentTypeError("unknown priv protocol %r" % priv)
    if expect not in ("response", "report"):
        raise argparse.ArgumentTypeError("EXPECT must be response or report, not %r" % expect)
    return name, auth, priv, authpass, privpass, expect


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agent", default="127.0.0.1", help="agent address (UDP/IPv4)")
    parser.add_argument("--agent-port", type=int, default=161)
    parser.add_argument("--trapd", default="127.0.0.1", help="snmptrapd address (UDP/IPv4)")
    parser.add_argument("--trapd-port", type=int, default=162)
    parser.add_argument("--engine-id", required=True,
                        help="our own snmpEngineID in hex (authoritative for the traps)")
    parser.add_argument("--user", type=parse_user, action="append", required=True)
    args = parser.parse_args()

    # One engine for everything, with a fixed engine ID so that the traps
    # carry a predictable msgAuthoritativeEngineID.
    engine = SnmpEngine(OctetString(hexValue=args.engine_id))
    problems = 0

    for name, auth, priv, authpass, privpass, expect in args.user:
        usm = UsmUserData(name, authpass, privpass,
                          authProtocol=AUTH_PROTOCOLS[auth],
                          privProtocol=PRIV_PROTOCOLS[priv])
        label = "%-22s %-8s %-19s" % (name, auth, priv)

        # 1. GET sysDescr.0 from the agent.
        error_indication, error_status, _, var_binds = next(getCmd(
            engine, usm,
            UdpTransportTarget((args.agent, args.agent_port), timeout=1, retries=0),
            ContextData(),
            ObjectType(ObjectIdentity(SYS_DESCR_0))))
        if error_indication:
            outcome = "report/error: %s" % error_indication
            got = "timeout" if "timeout" in str(error_indication).lower() else "report"
        elif error_status:
            outcome = "error-status %s" % error_status.prettyPrint()
            got = "response"
        else:
            outcome = "response: %s" % var_binds[0][1].prettyPrint()[:40]
            got = "response"
        verdict = "ok" if got == expect else "UNEXPECTED (wanted %s)" % expect
        problems += got != expect
        print("GET    %s -> %s [%s]" % (label, outcome, verdict))

        notification = NotificationType(ObjectIdentity(COLD_START)).addVarBinds(
            ObjectType(ObjectIdentity(SYS_DESCR_0),
                       OctetString("pysnmp %s %s/%s" % (name, auth, priv))))

        # 2. Trap (fire and forget): we are the authoritative engine.
        error_indication, _, _, _ = next(sendNotification(
            engine, usm,
            UdpTransportTarget((args.trapd, args.trapd_port), timeout=1, retries=0),
            ContextData(), "trap", notification))
        print("TRAP   %s -> %s" % (label, error_indication or "sent"))
        if error_indication:
            problems += 1

        # 3. Inform: snmptrapd is authoritative; it does not know the user,
        #    so a Report (or, at worst, a timeout) comes back.
        error_indication, _, _, _ = next(sendNotification(
            engine, usm,
            UdpTransportTarget((args.trapd, args.trapd_port), timeout=1, retries=0),
            ContextData(), "inform", notification))
        print("INFORM %s -> %s" % (label, error_indication or "acknowledged"))

    if problems:
        print("%d unexpected outcome(s)" % problems)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
