#!/usr/bin/env bash
# gen-corpus.sh - regenerate corpus/pcap/ from REAL net-snmp traffic on loopback.
#
# Usage:  tools/gen-corpus.sh [all|snmp|agentx]   (as root, or via sudo; re-execs itself with sudo)
#
#   all     (default) every capture: the SNMP ones, then agentx.pcap
#   snmp    the SNMP captures, users files and README.md, not agentx.pcap
#   agentx  ONLY corpus/pcap/agentx.pcap (and its row in README.md): the other
#           captures, whose bytes the goldens depend on, are left alone
#           (tools/gen-corpus/agentx.sh says what it captures)
#
# What it does, in order:
#   1. makes sure snmp, snmpd, snmptrapd, tcpdump and python3-pysnmp4 are installed;
#   2. moves into a private network namespace (lo and the agent's Ethernet-like dum0,
#      tools/gen-corpus/agent_interface.sh; falls back to the host's lo), and starts its OWN snmpd (agent, port 161) and snmptrapd (notification receiver,
#      port 162) from a temporary directory, with their own configuration, persistent
#      directory, pid and log files; any snmpd/snmptrapd (e.g. started by the Debian
#      package) that holds those ports is stopped first;
#   3. for each capture file, starts tcpdump on lo (port 161 or 162), drives traffic with
#      net-snmp's command line tools (snmpget, snmpgetnext, snmpwalk, snmpbulkget,
#      snmpbulkwalk, snmpset, snmptrap, snmpinform), then stops tcpdump cleanly;
#   4. uses pysnmp (Debian's /usr/bin/python3) for privacy protocols net-snmp lacks
#      (3DES, AES-192/256 with the Reeder key extension);
#   5. writes corpus/pcap/snmp_users (Wireshark's snmp_users UAT), snmp_users.explicit
#      and README.md, moves the captures into corpus/pcap/ and prints a summary.
#
# Every command that should be answered is checked: the script stops (leaving the
# previous corpus untouched) if an agent/trapd answer is missing, if a failure case
# unexpectedly succeeds, or if a trap does not show up in snmptrapd's log.
#
# Environment knobs:
#   OUT_DIR=...    where the corpus goes (default: <repo>/corpus/pcap)
#   KEEP_WORK=1    keep the temporary directory (configs, daemon logs, command log)
#   NO_VERIFY=1    skip tools/gen-corpus/verify.sh at the end (it needs tshark)

set -euo pipefail

# --------------------------------------------------------------------------------------
# Locations
# --------------------------------------------------------------------------------------
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
HELPER_DIR=$SCRIPT_DIR/gen-corpus
OUT_DIR=${OUT_DIR:-$REPO_ROOT/corpus/pcap}
PYTHON=/usr/bin/python3           # Debian's python3-pysnmp4 lives here, not in pyenv
source "$HELPER_DIR/agent_interface.sh"  # AGENT_IF* and agent_interface_up/down

STEP=${1:-all}
case $STEP in
    all|snmp) PACKAGES=(snmp snmpd snmptrapd tcpdump python3-pysnmp4) ;;
    agentx) PACKAGES=(snmp snmpd tcpdump) ;;
    *) printf 'usage: %s [all|snmp|agentx]\n' "$0" >&2; exit 1 ;;
esac

# --------------------------------------------------------------------------------------
# Fixed engine IDs (RFC 3411 SnmpEngineID, enterprise 8072 = net-snmp, 20408 = pysnmp).
# Different formats on purpose, so that a dissector sees several of them.
# --------------------------------------------------------------------------------------
text_hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
AGENT_ENGINE_ID=0x80001f8804$(text_hex snmpdissect-agent)  # format 4: text
TRAPD_ENGINE_ID=0x80001f88017f000001                       # format 1: IPv4 127.0.0.1
SENDER_ENGINE_ID=0x80001f880302005e005301                  # format 3: MAC 02:00:5e:00:53:01
PYSNMP_ENGINE_ID=0x80004fb805$(text_hex snmpdissect-pysnmp) # format 5: octets

# --------------------------------------------------------------------------------------
# OIDs (numeric: Debian ships the tools without the IETF MIB files, and we do not
# want any MIB loading anyway, see MIBS="" below)
# --------------------------------------------------------------------------------------
SYSTEM=1.3.6.1.2.1.1
SYS_DESCR=$SYSTEM.1.0
SYS_OBJECTID=$SYSTEM.2.0
SYS_UPTIME=$SYSTEM.3.0
SYS_CONTACT=$SYSTEM.4.0
SYS_NAME=$SYSTEM.5.0
SYS_LOCATION=$SYSTEM.6.0
SYS_SERVICES=$SYSTEM.7.0
SYS_OR_LAST_CHANGE=$SYSTEM.8.0
INTERFACES=1.3.6.1.2.1.2
IF_ENTRY=$INTERFACES.2.1                      # IF-MIB ifEntry (RFC 2863)
IF_DESCR=$IF_ENTRY.2                         # OctetString column
IF_X_TABLE=1.3.6.1.2.1.31.1.1                # IF-MIB ifXTable
IF_HC_IN_OCTETS=1.3.6.1.2.1.31.1.1.1.6       # Counter64 column (ifXTable)
IP_ADDR_TABLE=1.3.6.1.2.1.4.20               # IpAddress values
HR_SYSTEM_DATE=1.3.6.1.2.1.25.1.2.0          # DateAndTime OctetString
LA_LOAD_FLOAT_1=1.3.6.1.4.1.2021.10.1.6.1    # UCD-SNMP-MIB laLoadFloat: Opaque(Float)
SNMP_ENGINE=1.3.6.1.6.3.10.2.1               # snmpEngineID/Boots/Time/MaxMessageSize
PLAYPEN=1.3.6.1.4.1.8072.9999.9999           # NET-SNMP-MIB::netSnmpPlaypen, for traps
COLD_START=1.3.6.1.6.3.1.1.5.1
LINK_DOWN=1.3.6.1.6.3.1.1.5.3
HEARTBEAT=1.3.6.1.4.1.8072.2.3.0.1           # NET-SNMP-EXAMPLES-MIB heartbeat notification
HEARTBEAT_RATE=1.3.6.1.4.1.8072.2.3.2.1

# SNMPv3 users exercised on UDP/IPv6 and TCP (every user is exercised on UDP/IPv4)
REPRESENTATIVE=(noauth md5-none sha-des sha-aes sha256-aes192 sha512-aes256)

# --------------------------------------------------------------------------------------
# Captures: name -> one line description (also used for README.md), in output order
# --------------------------------------------------------------------------------------
CAPTURES=(v1-v2c v3-noauth v3-auth v3-priv-des v3-priv-aes128 v3-priv-aes192
          v3-priv-aes256 traps-informs ipv6 tcp failures pysnmp-privacy)
declare -A DESCRIPTION=(
  [v1-v2c]="SNMPv1 and SNMPv2c over UDP/IPv4: get, getnext, walk of system (and sysORTable), bulkwalk of interfaces/ipAddrTable/ifHCInOctets/ifXTable, gets of the ifTable and ifXTable rows of the agent's Ethernet-like interface dum0 (ifType ethernetCsmacd, ifPhysAddress $AGENT_IF_MAC), getbulk with non-repeaters, sets (community private), error-status values (noSuchName, notWritable, wrongType, wrongLength, noAccess), noSuchObject/noSuchInstance/endOfMibView, Counter32/Gauge32/TimeTicks/OctetString/OID/IpAddress/Counter64/Opaque(Float) values."
  [v3-noauth]="SNMPv3 noAuthNoPriv (user noauth) over UDP/IPv4: engine discovery, get, getnext, walk, getbulk, set."
  [v3-auth]="SNMPv3 authNoPriv over UDP/IPv4, one user per auth protocol (md5-none, sha-none, sha224-none, sha256-none, sha384-none, sha512-none): discovery, get, getnext, walk, getbulk, set."
  [v3-priv-des]="SNMPv3 authPriv with DES, one user per auth protocol (md5-des ... sha512-des), UDP/IPv4."
  [v3-priv-aes128]="SNMPv3 authPriv with AES-128 (RFC 3826), one user per auth protocol (md5-aes ... sha512-aes), UDP/IPv4."
  [v3-priv-aes192]="SNMPv3 authPriv with net-snmp's AES-192 (Blumenthal key extension), one user per auth protocol (md5-aes192 ... sha512-aes192), UDP/IPv4."
  [v3-priv-aes256]="SNMPv3 authPriv with net-snmp's AES-256 (Blumenthal key extension), one user per auth protocol (md5-aes256 ... sha512-aes256), UDP/IPv4."
  [traps-informs]="Notifications over UDP/IPv4 to snmptrapd: v1 traps (generic coldStart/linkDown, enterprise-specific), v2c trap and inform with a showcase of every value type (negative/extreme integers, Counter64 max, long strings, BITS, NULL, Opaque int64/uint64/float/double, OIDs with large arcs), and an SNMPv3 trap (sender engine ID $SENDER_ENGINE_ID) plus an SNMPv3 inform (discovers snmptrapd engine ID $TRAPD_ENGINE_ID) for every user."
  [ipv6]="UDP/IPv6 ([::1]): v1/v2c get/walk/bulkwalk/set, SNMPv3 requests for users ${REPRESENTATIVE[*]} (every security level), v1/v2c/v3 traps and v2c/v3 informs (v3: noauth, sha-none, sha-aes, sha512-aes256)."
  [tcp]="TCP over IPv4 (TCP6): v1/v2c get/walk/set/bulkwalk and SNMPv3 get/set for users ${REPRESENTATIVE[*]}, v1/v2c/v3 traps and v2c/v3 informs (one TCP connection per command, with handshakes: a dissector must strip TCP); over IPv6 a v2c get, SNMPv3 get/set for noauth and sha-aes, and the same notifications."
  [failures]="Failure cases: wrong community (v1/v2c, no answer), unknown v3 user (Report usmStatsUnknownUserNames), wrong auth password / protocol (Report usmStatsWrongDigests), wrong priv password / protocol (agent stays silent), unsupported security level (Report usmStatsUnsupportedSecLevels), unknown engine ID (Report usmStatsUnknownEngineIDs), wrong boots/time (Report usmStatsNotInTimeWindows), too-low level for VACM (authorizationError), unknown context (agent stays silent)."
  [pysnmp-privacy]="pysnmp 4.4.12 authPriv GET/trap/inform with privacy protocols net-snmp lacks: 3DES-EDE and AES-192/256 with the Reeder key extension (agent/trapd answer with Reports: they do not know these users), plus pysnmp's Blumenthal AES-192/256 with net-snmp's users md5/sha-aes192/aes256 (interoperable: real responses and acknowledged informs)."
)

# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------
say()  { printf '%s\n' "$*"; }
step() { printf '\n==> %s\n' "$*"; }
die()  {
    printf 'gen-corpus: ERROR: %s\n' "$1" >&2
    if [[ $# -gt 1 ]]; then printf '%s\n' "$2" | sed 's/^/    /' >&2; fi
    exit 1
}

# --------------------------------------------------------------------------------------
# 1. Root and packages
# --------------------------------------------------------------------------------------
missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
    done
}

if [[ $EUID -ne 0 ]]; then
    # Everything below needs root: tcpdump, ports 161/162, apt-get.
    if command -v sudo >/dev/null 2>&1; then
        say "gen-corpus: not root, re-running under sudo"
        exec sudo --preserve-env=OUT_DIR,KEEP_WORK,NO_VERIFY -- "$0" "$@"
    fi
    mapfile -t MISSING < <(missing_packages)
    if ((${#MISSING[@]})); then
        say "gen-corpus: missing packages; as root run:"
        say "    apt-get install -y ${MISSING[*]}"
    fi
    die "must run as root (tcpdump, ports 161/162) and sudo is not available"
fi

mapfile -t MISSING < <(missing_packages)
if ((${#MISSING[@]})); then
    step "installing ${MISSING[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y "${MISSING[@]}" || { apt-get update && apt-get install -y "${MISSING[@]}"; }
fi
[[ $STEP == agentx ]] || "$PYTHON" -c 'import pysnmp.hlapi' 2>/dev/null \
    || die "$PYTHON cannot import pysnmp (python3-pysnmp4 is installed for Debian's python only)"

# --------------------------------------------------------------------------------------
# 1b. A private network namespace
#     Everything below (daemons, tcpdump, clients) runs in a new network namespace
#     whose interfaces are lo and dum0 (a fixed MAC and address, see
#     tools/gen-corpus/agent_interface.sh), and a new UTS namespace (fixed host name):
#     the agent's interface/IP tables then contain just lo/127.0.0.1 and
#     dum0/198.51.100.1 whatever machine runs this, and Debian's own snmpd/snmptrapd (if any) keep their ports in the host
#     namespace.  Without unshare (e.g. in an unprivileged container) we fall back to
#     the host's lo, stopping stray snmpd/snmptrapd that hold ports 161/162.
# --------------------------------------------------------------------------------------
if [[ -z ${GEN_CORPUS_NETNS:-} ]]; then
    if unshare --net --uts true 2>/dev/null; then
        exec unshare --net --uts env GEN_CORPUS_NETNS=private "$0" "$@"
    fi
    say "gen-corpus: WARNING: cannot create a network namespace; using the host's lo"
    say "gen-corpus: (the interface tables in the captures will show this machine's interfaces)"
    GEN_CORPUS_NETNS=host
fi
if [[ $GEN_CORPUS_NETNS == private ]]; then
    ip link set lo up
    # own UTS namespace too: the default sysName is the host name
    echo snmpdissect-host >/proc/sys/kernel/hostname
fi

# --------------------------------------------------------------------------------------
# 2. Working directory and cleanup
# --------------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/gen-corpus.XXXXXX)
CMDLOG=$WORK/commands.log          # every command we ran, with its output
mkdir -p "$WORK/snmpd" "$WORK/snmptrapd" "$WORK/client" "$WORK/pcap"
: >"$CMDLOG"

SNMPD_PID=""
TRAPD_PID=""
TCPDUMP_PID=""

stop_pid() {  # stop_pid PID: SIGTERM a process we started and reap it
    local pid=$1
    [[ -n $pid ]] || return 0
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    set +e
    if [[ -n $TCPDUMP_PID ]]; then kill -INT "$TCPDUMP_PID" 2>/dev/null; wait "$TCPDUMP_PID" 2>/dev/null; fi
    stop_pid "$SNMPD_PID"
    stop_pid "$TRAPD_PID"
    stop_pid "${AGENTX_SUB_PID:-}"
    stop_pid "${AGENTX_MASTER_PID:-}"
    agent_interface_down
    if [[ $rc -ne 0 ]]; then
        say "gen-corpus: failed; last commands (full log in $CMDLOG):" >&2
        tail -n 25 "$CMDLOG" >&2
        KEEP_WORK=1
    fi
    if [[ ${KEEP_WORK:-0} == 1 ]]; then
        say "gen-corpus: work directory kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# No MIB loading anywhere (the tools would only print "Cannot find module" noise) and
# no ~/.snmp or /etc/snmp client configuration: the tools read $WORK/client only.
export MIBS=""
export SNMPCONFPATH=$WORK/client
export SNMP_PERSISTENT_DIR=$WORK/client

# The agent's Ethernet-like interface (only in our own namespace: never add one to
# the host's).
if [[ $GEN_CORPUS_NETNS == private ]]; then
    agent_interface_up
else
    say "gen-corpus: WARNING: host namespace: no $AGENT_IF; the agent shows this machine's interfaces"
    AGENT_IF_INDEX=1 AGENT_IF_KIND="none (host namespace)"  # the first host interface
fi

# --------------------------------------------------------------------------------------
# 3. USM users: every auth x priv combination of net-snmp 5.9.3, plus noauth.
#    name = <auth>-<priv>, authPassword = <name>-authpass, privPassword = <name>-privpass
# --------------------------------------------------------------------------------------
AUTH_PROTOS=(MD5 SHA SHA-224 SHA-256 SHA-384 SHA-512)    # net-snmp spelling
PRIV_PROTOS=(none DES AES AES-192 AES-256)
declare -A AUTH_TAG=([MD5]=md5 [SHA]=sha [SHA-224]=sha224 [SHA-256]=sha256 [SHA-384]=sha384 [SHA-512]=sha512)
declare -A PRIV_TAG=([none]=none [DES]=des [AES]=aes [AES-192]=aes192 [AES-256]=aes256)
# Wireshark snmp_users spelling
declare -A WS_AUTH=([MD5]=MD5 [SHA]=SHA1 [SHA-224]=SHA2-224 [SHA-256]=SHA2-256 [SHA-384]=SHA2-384 [SHA-512]=SHA2-512)
declare -A WS_PRIV=([DES]=DES [AES]=AES [AES-192]=AES192 [AES-256]=AES256)

USERS=(noauth)                     # in a stable order
declare -A U_AUTH=([noauth]=none) U_PRIV=([noauth]=none)
for a in "${AUTH_PROTOS[@]}"; do
    for p in "${PRIV_PROTOS[@]}"; do
        u=${AUTH_TAG[$a]}-${PRIV_TAG[$p]}
        USERS+=("$u"); U_AUTH[$u]=$a; U_PRIV[$u]=$p
    done
done
authpass() { printf '%s-authpass' "$1"; }
privpass() { printf '%s-privpass' "$1"; }
users_with_priv() {  # users_with_priv PRIV: the users using that privacy protocol
    local u
    for u in "${USERS[@]}"; do [[ ${U_PRIV[$u]} == "$1" && ${U_AUTH[$u]} != none ]] && printf '%s\n' "$u"; done
    return 0
}
level_of() {  # level_of USER: its (only) security level, in snmpd.conf's words
    if [[ ${U_AUTH[$1]} == none ]]; then echo noauth
    elif [[ ${U_PRIV[$1]} == none ]]; then echo auth
    else echo priv; fi
}
usm_args() {  # usm_args USER: set array USM to the net-snmp options for USER at its level
    local u=$1 a=${U_AUTH[$1]} p=${U_PRIV[$1]}
    USM=(-v3 -u "$u")
    if [[ $a == none ]]; then
        USM+=(-l noAuthNoPriv)
    elif [[ $p == none ]]; then
        USM+=(-l authNoPriv -a "$a" -A "$(authpass "$u")")
    else
        USM+=(-l authPriv -a "$a" -A "$(authpass "$u")" -x "$p" -X "$(privpass "$u")")
    fi
}

# Users sent by pysnmp (pysnmp-privacy.pcap): name auth priv expect.  The Reeder/3DES users are
# unknown to net-snmp (it cannot do these protocols), the Blumenthal ones are the
# net-snmp users of the same name (cross-check: the agent must answer normally).
PYSNMP_USERS=(
  "md5-3des MD5 3DES report"
  "sha-3des SHA 3DES report"
  "sha256-3des SHA-256 3DES report"
  "md5-aes192-reeder MD5 AES-192-Reeder report"
  "sha-aes192-reeder SHA AES-192-Reeder report"
  "md5-aes256-reeder MD5 AES-256-Reeder report"
  "sha-aes256-reeder SHA AES-256-Reeder report"
  "sha224-aes256-reeder SHA-224 AES-256-Reeder report"
  "md5-aes192 MD5 AES-192-Blumenthal response"
  "sha-aes192 SHA AES-192-Blumenthal response"
  "md5-aes256 MD5 AES-256-Blumenthal response"
  "sha-aes256 SHA AES-256-Blumenthal response"
)

# --------------------------------------------------------------------------------------
# 4. Daemon configuration
# --------------------------------------------------------------------------------------
write_snmpd_conf() {
    local u
    {
        cat <<EOF
# snmpd.conf generated by tools/gen-corpus.sh (read with snmpd -C -c)
exactEngineID $AGENT_ENGINE_ID
sysDescr snmpdissect corpus agent (net-snmp 5.9.3)
sysServices 72
# sysContact, sysName and sysLocation are deliberately NOT set here: that keeps them
# writable with snmpset.

# The only view: a few subtrees (snmpd.conf allows no trailing comments):
# system, interfaces, ipAddrTable, snmp group, hrSystemUptime, hrSystemDate,
# ifXTable, UCD laTable, snmpEngine group.  In our private network namespace the
# interface tables contain lo (ifIndex 1, 127.0.0.1) and dum0 (ifIndex
# $AGENT_IF_INDEX, $AGENT_IF_MAC, ${AGENT_IF_ADDR%/*}).
# (Do not restrict rows with view masks: net-snmp 5.9.3 then answers GETBULK with
# out-of-order, wrong varbinds.)
view corpus included $SYSTEM
view corpus included $INTERFACES
view corpus included $IP_ADDR_TABLE
view corpus included 1.3.6.1.2.1.11
view corpus included 1.3.6.1.2.1.25.1.1
view corpus included 1.3.6.1.2.1.25.1.2
view corpus included 1.3.6.1.2.1.31.1.1
view corpus included 1.3.6.1.4.1.2021.10
view corpus included $SNMP_ENGINE

# v1/v2c: read-only "public", read-write "private", IPv4 and IPv6, UDP and TCP
rocommunity  public  default -V corpus
rocommunity6 public  default -V corpus
rwcommunity  private default -V corpus
rwcommunity6 private default -V corpus

# SNMPv3 USM users (name = auth-priv) with read-write access at their level
EOF
        for u in "${USERS[@]}"; do
            case $(level_of "$u") in
                noauth) printf 'createUser %s\n' "$u" ;;
                auth)   printf 'createUser %s %s %s\n' "$u" "${U_AUTH[$u]}" "$(authpass "$u")" ;;
                priv)   printf 'createUser %s %s %s %s %s\n' "$u" "${U_AUTH[$u]}" "$(authpass "$u")" \
                               "${U_PRIV[$u]}" "$(privpass "$u")" ;;
            esac
            printf 'rwuser %s %s -V corpus\n' "$u" "$(level_of "$u")"
        done
    } >"$WORK/snmpd.conf"
}

write_snmptrapd_conf() {
    local u line
    {
        cat <<EOF
# snmptrapd.conf generated by tools/gen-corpus.sh (read with snmptrapd -C -c)
exactEngineID $TRAPD_ENGINE_ID
authCommunity log,execute,net public

# Each user twice: with -e = the engine ID snmptrap -v3 uses (traps: the sender is
# authoritative), and without = snmptrapd's own engine ID (informs: we are).
EOF
        for u in "${USERS[@]}"; do
            case $(level_of "$u") in
                noauth) line="$u" ;;
                auth)   line="$u ${U_AUTH[$u]} $(authpass "$u")" ;;
                priv)   line="$u ${U_AUTH[$u]} $(authpass "$u") ${U_PRIV[$u]} $(privpass "$u")" ;;
            esac
            printf 'createUser -e %s %s\n' "$SENDER_ENGINE_ID" "$line"
            printf 'createUser %s\n' "$line"
            printf 'authUser log,execute,net %s %s\n' "$u" "$(level_of "$u")"
        done
    } >"$WORK/snmptrapd.conf"
}

# --------------------------------------------------------------------------------------
# 5. Starting and stopping the daemons
# --------------------------------------------------------------------------------------
free_port() {  # free_port PORT: stop a snmpd/snmptrapd (e.g. Debian's) that holds PORT
    local port=$1 pid comm i
    for pid in $(ss -Hlnptu "sport = :$port" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do
        comm=$(cat "/proc/$pid/comm" 2>/dev/null || echo '?')
        case $comm in
            snmpd|snmptrapd) say "stopping stray $comm (pid $pid) that holds port $port"; kill "$pid" ;;
            *) die "port $port is in use by $comm (pid $pid); stop it first" ;;
        esac
    done
    for ((i = 0; i < 50; i++)); do
        [[ -z $(ss -Hlnptu "sport = :$port") ]] && return 0
        sleep 0.1
    done
    die "port $port is still in use" "$(ss -Hlnptu "sport = :$port")"
}

wait_listening() {  # wait_listening PID PORT ADDRESS...: until PID listens on all of them
    local pid=$1 port=$2 i want missing
    shift 2
    for ((i = 0; i < 100; i++)); do
        kill -0 "$pid" 2>/dev/null || return 1
        missing=0
        for want in "$@"; do
            ss -Hlnptu "sport = :$port" | grep -F "$want:$port " | grep -q "pid=$pid," || missing=1
        done
        [[ $missing == 0 ]] && return 0
        sleep 0.1
    done
    return 1
}

# start_daemon NAME PORT: start snmpd or snmptrapd in the foreground (-f), in the
# background of this script.  Tries with tcp6 first and falls back without it.
# Sets SNMPD_PID/TRAPD_PID and ${NAME}_TRANSPORTS (the addresses it listens on).
start_daemon() {
    local name=$1 port=$2 pid with_tcp6 extra=() transports
    [[ $name == snmptrapd ]] && extra=(-n -X)   # numeric addresses, no AgentX subagent
    for with_tcp6 in 1 0; do
        transports=("udp:127.0.0.1:$port" "udp6:[::1]:$port" "tcp:127.0.0.1:$port")
        [[ $with_tcp6 == 1 ]] && transports+=("tcp6:[::1]:$port")
        SNMP_PERSISTENT_DIR=$WORK/$name \
            "$name" -f -C -c "$WORK/$name.conf" -p "$WORK/$name.pid" -Lf "$WORK/$name.log" \
                "${extra[@]}" "${transports[@]}" >>"$WORK/$name.stderr" 2>&1 &
        pid=$!
        if wait_listening "$pid" "$port" 127.0.0.1 '[::1]'; then
            if [[ $name == snmpd ]]; then SNMPD_PID=$pid; SNMPD_TRANSPORTS=("${transports[@]}")
            else TRAPD_PID=$pid; TRAPD_TRANSPORTS=("${transports[@]}"); fi
            say "$name (pid $pid) listening on ${transports[*]}"
            return 0
        fi
        stop_pid "$pid"
        say "$name did not start with ${transports[*]}; $( ((with_tcp6)) && echo 'retrying without tcp6')"
    done
    die "$name does not start" "$(cat "$WORK/$name.log" "$WORK/$name.stderr" 2>/dev/null)"
}

# --------------------------------------------------------------------------------------
# 6. Capturing
# --------------------------------------------------------------------------------------
CURRENT_CAPTURE=""
start_capture() {  # start_capture NAME [FILTER]: tcpdump on lo into $WORK/pcap/NAME.pcap
    local name=$1 filter=${2:-'port 161 or port 162'} i
    CURRENT_CAPTURE=$name
    step "$name.pcap"
    printf '\n######## %s ########\n' "$name" >>"$CMDLOG"
    # -Z root: do not drop to the tcpdump user (it could not write into $WORK)
    # -B: a 16 MiB kernel buffer, so a busy machine does not drop packets.
    tcpdump -i lo -n -U --immediate-mode -B 16384 -Z root -w "$WORK/pcap/$name.pcap" \
        "$filter" 2>"$WORK/tcpdump-$name.err" &
    TCPDUMP_PID=$!
    for ((i = 0; i < 100; i++)); do
        grep -qs 'listening on' "$WORK/tcpdump-$name.err" && return 0
        kill -0 "$TCPDUMP_PID" 2>/dev/null || break
        sleep 0.1
    done
    die "tcpdump did not start" "$(cat "$WORK/tcpdump-$name.err")"
}

stop_capture() {  # stop_capture: let the last packets through, then SIGINT and wait
    sleep 0.3
    kill -INT "$TCPDUMP_PID"
    wait "$TCPDUMP_PID" || true
    TCPDUMP_PID=""
    local err=$WORK/tcpdump-$CURRENT_CAPTURE.err
    say "   $(grep -E 'packets? captured' "$err")"
    grep -qE '^0 packets dropped by kernel' "$err" || die "tcpdump lost packets" "$(cat "$err")"
}

count_packets() {  # count_packets FILE
    if command -v capinfos >/dev/null 2>&1; then
        capinfos -c -M "$1" | awk -F': *' '/Number of packets/ {print $2}'
    else
        tcpdump -r "$1" 2>/dev/null | wc -l
    fi
}

# --------------------------------------------------------------------------------------
# 7. Running the SNMP tools.  Output goes to $CMDLOG; each helper checks the outcome.
# --------------------------------------------------------------------------------------
# Quick failures: 1 s timeout, no retry; numeric OIDs in the log.
COMMON=(-t 1 -r 0 -On)
N_CMDS=0

run_logged() {  # run_logged CMD...: run, log, leave output in $OUT and status in $RC
    N_CMDS=$((N_CMDS + 1))
    printf '+ %s\n' "$*" >>"$CMDLOG"
    RC=0
    OUT=$("$@" 2>&1) || RC=$?
    [[ -n $OUT ]] && printf '%s\n' "$OUT" >>"$CMDLOG"
    printf '  [exit %d]\n' "$RC" >>"$CMDLOG"
}

# A normal answer is required (exit status 0).
expect_response() {
    run_logged "$@"
    [[ $RC == 0 && $OUT != *Timeout* ]] || die "expected a normal answer: $*" "$OUT"
}

# Some answer is required (error-status, Report, ...), but not a timeout.
expect_reply() {
    run_logged "$@"
    [[ $OUT != *"Timeout: No Response"* ]] || die "expected an (error) answer, got a timeout: $*" "$OUT"
    [[ $RC != 0 ]] || die "expected an error answer, but the command succeeded: $*" "$OUT"
}

# No answer is expected at all.
expect_timeout() {
    run_logged "$@"
    [[ $OUT == *"Timeout: No Response"* ]] || die "expected a timeout: $*" "$OUT"
}

# Traps are unacknowledged: send them (snmptrap must exit 0), remember a marker string
# carried in a varbind, and later check that snmptrapd logged it.
TRAP_MARKERS=()
send_trap() {  # send_trap MARKER snmptrap-args...
    local marker=$1
    shift
    expect_response "$@" "$PLAYPEN.0" s "$marker"
    TRAP_MARKERS+=("$marker")
}
check_traps_logged() {
    local marker i missing
    for ((i = 0; i < 30; i++)); do
        missing=()
        for marker in "${TRAP_MARKERS[@]}"; do
            grep -qF "\"$marker\"" "$WORK/snmptrapd.log" || missing+=("$marker")
        done
        ((${#missing[@]} == 0)) && break
        sleep 0.1
    done
    ((${#missing[@]} == 0)) || die "snmptrapd did not log these notifications: ${missing[*]}"
    say "   snmptrapd logged all ${#TRAP_MARKERS[@]} notifications (traps and informs)"
    TRAP_MARKERS=()
}

# The standard set of requests for one SNMPv3 user at its own security level: get, set,
# and unless "short": getnext, a walk of the system scalars (-CE: stop at sysORTable)
# and a getbulk.  Every command starts with net-snmp's engine discovery exchange.
v3_requests() {  # v3_requests USER AGENT [short]
    local u=$1 agent=$2 short=${3:-}
    usm_args "$u"
    expect_response snmpget "${COMMON[@]}" "${USM[@]}" "$agent" $SYS_DESCR $SYS_OBJECTID $SYS_UPTIME $SYS_NAME
    expect_response snmpset "${COMMON[@]}" "${USM[@]}" "$agent" $SYS_LOCATION s "set by $u"
    [[ -n $short ]] && return 0
    expect_response snmpgetnext "${COMMON[@]}" "${USM[@]}" "$agent" $SYSTEM.4 $SNMP_ENGINE.1
    expect_response snmpwalk "${COMMON[@]}" "${USM[@]}" -CE $SYSTEM.9 "$agent" $SYSTEM
    expect_response snmpbulkget "${COMMON[@]}" "${USM[@]}" -Cn1 -Cr3 "$agent" $SYS_UPTIME $IF_DESCR $IF_HC_IN_OCTETS
}

# v1/v2c get + walk + set on one transport (used for IPv6 and TCP).
community_requests() {  # community_requests AGENT
    local agent=$1 v
    for v in 1 2c; do
        expect_response snmpget "${COMMON[@]}" -v$v -c public "$agent" $SYS_DESCR $SYS_UPTIME
        expect_response snmpwalk "${COMMON[@]}" -v$v -c public -CE $SYSTEM.9 "$agent" $SYSTEM
        expect_response snmpset "${COMMON[@]}" -v$v -c private "$agent" $SYS_CONTACT s "v$v via $agent"
    done
    expect_response snmpbulkwalk "${COMMON[@]}" -v2c -c public -Cr10 "$agent" $INTERFACES
}

# A representative set of notifications to one snmptrapd address.
notifications() {  # notifications TRAPD TAG
    local trapd=$1 tag=$2 u
    send_trap "v1-trap-$tag" snmptrap "${COMMON[@]}" -v1 -c public "$trapd" \
        $HEARTBEAT 127.0.0.1 6 1 '' $HEARTBEAT_RATE i 60
    send_trap "v2c-trap-$tag" snmptrap "${COMMON[@]}" -v2c -c public "$trapd" '' $COLD_START
    send_trap "v2c-inform-$tag" snmpinform "${COMMON[@]}" -v2c -c public "$trapd" '' $COLD_START
    for u in noauth sha-none sha-aes sha512-aes256; do
        usm_args "$u"
        send_trap "v3-trap-$u-$tag" snmptrap "${COMMON[@]}" -e $SENDER_ENGINE_ID "${USM[@]}" \
            "$trapd" '' $COLD_START
        send_trap "v3-inform-$u-$tag" snmpinform "${COMMON[@]}" "${USM[@]}" "$trapd" '' $COLD_START
    done
    check_traps_logged
}

# --------------------------------------------------------------------------------------
# agentx.pcap (tools/gen-corpus/agentx.sh): alone, or after the SNMP captures
# --------------------------------------------------------------------------------------
source "$HELPER_DIR/agentx.sh"
if [[ $STEP == agentx ]]; then
    agentx_capture
    agentx_install
    exit 0
fi

# --------------------------------------------------------------------------------------
# Start
# --------------------------------------------------------------------------------------
step "starting our own snmpd and snmptrapd (work directory $WORK)"
# On the host's lo, the Debian package may have started its own daemons.
if [[ $GEN_CORPUS_NETNS == host && -d /run/systemd/system ]]; then
    for svc in snmpd snmptrapd; do
        if systemctl is-active --quiet "$svc" 2>/dev/null; then
            say "stopping the $svc service"; systemctl stop "$svc"
        fi
    done
fi
free_port 161
free_port 162
write_snmpd_conf
write_snmptrapd_conf
start_daemon snmpd 161
start_daemon snmptrapd 162
TCP6_OK=0
[[ " ${SNMPD_TRANSPORTS[*]} ${TRAPD_TRANSPORTS[*]} " == *" tcp6:[::1]:161 "*"tcp6:[::1]:162 "* ]] && TCP6_OK=1
if [[ $TCP6_OK == 1 ]]; then
    DESCRIPTION[tcp]=${DESCRIPTION[tcp]/"(TCP6)"/"and IPv6"}
else
    DESCRIPTION[tcp]="${DESCRIPTION[tcp]/"(TCP6)"/"only"}"
    DESCRIPTION[tcp]="${DESCRIPTION[tcp]%%; over IPv6*}. (tcp6 did not work on the generating machine.)"
fi

# The agent needs a moment after binding: poll it (no capture running yet).
for ((i = 0; i < 50; i++)); do
    snmpget -t 1 -r 0 -v2c -c public 127.0.0.1 $SYS_UPTIME >/dev/null 2>&1 && break
    sleep 0.2
done
expect_response snmpget "${COMMON[@]}" -v2c -c public 127.0.0.1 $SNMP_ENGINE.1.0
[[ ${OUT,,} == *"$(sed 's/../& /g' <<<"${AGENT_ENGINE_ID#0x}" | cut -c1-20)"* ]] \
    || die "agent engine ID is not $AGENT_ENGINE_ID" "$OUT"

A4=udp:127.0.0.1:161; A6=udp6:[::1]:161; AT=tcp:127.0.0.1:161; AT6=tcp6:[::1]:161
T4=udp:127.0.0.1:162; T6=udp6:[::1]:162; TT=tcp:127.0.0.1:162; TT6=tcp6:[::1]:162

# --------------------------------------------------------------------------------------
# v1-v2c.pcap
# --------------------------------------------------------------------------------------
start_capture v1-v2c
# SNMPv1
expect_response snmpget "${COMMON[@]}" -v1 -c public $A4 $SYS_DESCR $SYS_OBJECTID $SYS_UPTIME $SYS_SERVICES
expect_response snmpgetnext "${COMMON[@]}" -v1 -c public $A4 $SYSTEM $INTERFACES.2.1.5
expect_response snmpwalk "${COMMON[@]}" -v1 -c public $A4 $SYSTEM
expect_response snmpwalk "${COMMON[@]}" -v1 -c public $A4 $IP_ADDR_TABLE
# dum0's ifTable row: ifDescr, ifType, ifMtu, ifSpeed, ifPhysAddress, ifAdminStatus, ifOperStatus
expect_response snmpget "${COMMON[@]}" -v1 -c public $A4 \
    $(for c in 2 3 4 5 6 7 8; do printf '%s ' "$IF_ENTRY.$c.$AGENT_IF_INDEX"; done)
expect_response snmpset "${COMMON[@]}" -v1 -c private $A4 $SYS_CONTACT s "v1 contact <corpus@example.org>" \
    $SYS_NAME s snmpdissect $SYS_LOCATION s "loopback, v1"
expect_reply snmpget "${COMMON[@]}" -v1 -c public $A4 $SYSTEM.1.1          # noSuchName
expect_reply snmpgetnext "${COMMON[@]}" -v1 -c public $A4 1.3.6.1.6.3.99   # past the end: noSuchName
expect_reply snmpset "${COMMON[@]}" -v1 -c private $A4 $SYS_UPTIME t 0     # read-only: noSuchName
expect_reply snmpset "${COMMON[@]}" -v1 -c public $A4 $SYS_LOCATION s x    # ro community
# SNMPv2c
expect_response snmpget "${COMMON[@]}" -v2c -c public $A4 $SYS_DESCR $SYS_OBJECTID $SYS_UPTIME \
    $SYS_CONTACT $SYS_NAME $SYS_LOCATION $SYS_SERVICES $SYS_OR_LAST_CHANGE $HR_SYSTEM_DATE \
    $LA_LOAD_FLOAT_1 $SNMP_ENGINE.1.0 $SNMP_ENGINE.2.0 $SNMP_ENGINE.3.0 $SNMP_ENGINE.4.0
expect_response snmpgetnext "${COMMON[@]}" -v2c -c public $A4 $SYS_DESCR $IF_DESCR $IF_HC_IN_OCTETS
expect_response snmpwalk "${COMMON[@]}" -v2c -c public $A4 $SYSTEM
expect_response snmpbulkwalk "${COMMON[@]}" -v2c -c public -Cr10 $A4 $INTERFACES
expect_response snmpbulkwalk "${COMMON[@]}" -v2c -c public -Cr10 $A4 $IP_ADDR_TABLE
expect_response snmpbulkwalk "${COMMON[@]}" -v2c -c public -Cr10 $A4 $IF_HC_IN_OCTETS
expect_response snmpbulkwalk "${COMMON[@]}" -v2c -c public -Cr10 $A4 $IF_X_TABLE
# dum0's ifXTable row: ifName, ifHCInOctets, ifHighSpeed, ifPromiscuousMode, ifConnectorPresent, ifAlias
expect_response snmpget "${COMMON[@]}" -v2c -c public $A4 \
    $(for c in 1 6 15 16 17 18; do printf '%s ' "$IF_X_TABLE.1.$c.$AGENT_IF_INDEX"; done)
expect_response snmpbulkget "${COMMON[@]}" -v2c -c public -Cn2 -Cr4 $A4 $SYS_UPTIME $SYS_NAME $IF_DESCR $SYSTEM.9.1.3
expect_response snmpset "${COMMON[@]}" -v2c -c private $A4 $SYS_CONTACT s "v2c contact" \
    $SYS_NAME s snmpdissect-v2c $SYS_LOCATION s ""
expect_response snmpget "${COMMON[@]}" -v2c -c public $A4 $SYSTEM.1.1 $SYSTEM.99.0 $SYS_NAME  # noSuchInstance, noSuchObject
expect_response snmpgetnext "${COMMON[@]}" -v2c -c public $A4 1.3.6.1.6.3.99 2.999          # endOfMibView
expect_reply snmpset "${COMMON[@]}" -v2c -c private $A4 $SYS_UPTIME t 0                    # notWritable
expect_reply snmpset "${COMMON[@]}" -v2c -c private $A4 $SYS_CONTACT i 42                  # wrongType
expect_reply snmpset "${COMMON[@]}" -v2c -c private $A4 $SYS_CONTACT s "$(printf 'x%.0s' {1..300})" # wrongLength
expect_reply snmpset "${COMMON[@]}" -v2c -c public $A4 $SYS_CONTACT s "read-only community"  # noAccess
stop_capture

# --------------------------------------------------------------------------------------
# SNMPv3 requests, one file per security level / privacy protocol
# --------------------------------------------------------------------------------------
start_capture v3-noauth
v3_requests noauth $A4
stop_capture

start_capture v3-auth
for u in $(users_with_priv none); do v3_requests "$u" $A4; done
stop_capture

for p in DES AES AES-192 AES-256; do
    case $p in DES) f=des ;; AES) f=aes128 ;; AES-192) f=aes192 ;; AES-256) f=aes256 ;; esac
    start_capture "v3-priv-$f"
    for u in $(users_with_priv "$p"); do v3_requests "$u" $A4; done
    stop_capture
done

# --------------------------------------------------------------------------------------
# traps-informs.pcap
# --------------------------------------------------------------------------------------
LONG_STRING=$(printf 'long string %03d; ' $(seq 1 18))     # > 255 octets: 2-byte length
SHOWCASE=(                                                  # one varbind per value type
    $PLAYPEN.1  i -2147483648
    $PLAYPEN.2  i 2147483647
    $PLAYPEN.3  i 0
    $PLAYPEN.4  u 4294967295                    # Gauge32/Unsigned32
    $PLAYPEN.5  c 4294967295                    # Counter32
    $PLAYPEN.6  t 4294967295                    # TimeTicks
    $PLAYPEN.7  a 192.0.2.1                     # IpAddress
    $PLAYPEN.8  o 1.3.6.1.4.1.8072.4294967295.128.16383.16384
    $PLAYPEN.9  o 2.999.1                       # first arcs 2.999: 0x88 0x37
    $PLAYPEN.10 o 0.0                           # zeroDotZero
    $PLAYPEN.11 s ""                            # empty OctetString
    $PLAYPEN.12 s "$LONG_STRING"
    $PLAYPEN.13 x "00 ff 80 7f"                 # binary OctetString
    $PLAYPEN.14 d "1.2.3.255"                   # decimal-string OctetString
    $PLAYPEN.15 b "0 3 8 15"                    # BITS (OctetString 90 81)
    $PLAYPEN.16 n ""                            # NULL
    $PLAYPEN.17 U 18446744073709551615          # Opaque(UInt64)
    $PLAYPEN.18 I -9223372036854775808          # Opaque(Int64)
    $PLAYPEN.19 F 3.14159                       # Opaque(Float)
    $PLAYPEN.20 D 2.718281828459045             # Opaque(Double)
    $PLAYPEN.21 C 18446744073709551615          # Counter64 (keep last: not in v1)
)
start_capture traps-informs
# SNMPv1 traps: generic (coldStart, linkDown with varbinds) and enterprise-specific
send_trap v1-coldstart snmptrap "${COMMON[@]}" -v1 -c public $T4 $HEARTBEAT 127.0.0.1 0 0 ''
send_trap v1-linkdown snmptrap "${COMMON[@]}" -v1 -c public $T4 $HEARTBEAT 127.0.0.1 2 0 '' \
    $INTERFACES.2.1.1.1 i 1 $INTERFACES.2.1.7.1 i 1 $INTERFACES.2.1.8.1 i 2
send_trap v1-specific-showcase snmptrap "${COMMON[@]}" -v1 -c public $T4 $HEARTBEAT 192.0.2.1 6 1 12345 \
    $HEARTBEAT_RATE i 60 "${SHOWCASE[@]:0:${#SHOWCASE[@]}-3}"    # all but Counter64
# SNMPv2c trap and inform with every value type, and a linkDown
send_trap v2c-trap-showcase snmptrap "${COMMON[@]}" -v2c -c public $T4 '' $HEARTBEAT "${SHOWCASE[@]}"
send_trap v2c-trap-linkdown snmptrap "${COMMON[@]}" -v2c -c public $T4 4242 $LINK_DOWN \
    $INTERFACES.2.1.1.1 i 1 $INTERFACES.2.1.7.1 i 1 $INTERFACES.2.1.8.1 i 2
send_trap v2c-inform-showcase snmpinform "${COMMON[@]}" -v2c -c public $T4 '' $HEARTBEAT "${SHOWCASE[@]}"
# SNMPv3: a trap (authoritative engine = $SENDER_ENGINE_ID) and an inform (authoritative
# engine = snmptrapd, discovered) for every user; the showcase once, encrypted.
for u in "${USERS[@]}"; do
    usm_args "$u"
    send_trap "v3-trap-$u" snmptrap "${COMMON[@]}" -e $SENDER_ENGINE_ID "${USM[@]}" $T4 '' $COLD_START
    send_trap "v3-inform-$u" snmpinform "${COMMON[@]}" "${USM[@]}" $T4 '' $COLD_START
done
usm_args sha256-aes
send_trap v3-inform-showcase snmpinform "${COMMON[@]}" "${USM[@]}" $T4 '' $HEARTBEAT "${SHOWCASE[@]}"
check_traps_logged
stop_capture

# --------------------------------------------------------------------------------------
# ipv6.pcap and tcp.pcap: representative sets on the other transports
# --------------------------------------------------------------------------------------
start_capture ipv6
community_requests $A6
for u in "${REPRESENTATIVE[@]}"; do v3_requests "$u" $A6; done
notifications $T6 udp6
stop_capture

start_capture tcp
community_requests $AT
for u in "${REPRESENTATIVE[@]}"; do v3_requests "$u" $AT short; done
notifications $TT tcp
if [[ $TCP6_OK == 1 ]]; then
    expect_response snmpget "${COMMON[@]}" -v2c -c public $AT6 $SYS_DESCR $SYS_UPTIME
    for u in noauth sha-aes; do v3_requests "$u" $AT6 short; done
    notifications $TT6 tcp6
fi
stop_capture

# --------------------------------------------------------------------------------------
# failures.pcap
# --------------------------------------------------------------------------------------
start_capture failures
# wrong community: the agent silently drops the request (snmpInBadCommunityNames)
expect_timeout snmpget "${COMMON[@]}" -v1 -c wrong-community $A4 $SYS_DESCR
expect_timeout snmpget "${COMMON[@]}" -v2c -c wrong-community $A4 $SYS_DESCR
# unknown user: Report usmStatsUnknownUserNames
expect_reply snmpget "${COMMON[@]}" -v3 -u no-such-user -l noAuthNoPriv $A4 $SYS_DESCR
expect_reply snmpget "${COMMON[@]}" -v3 -u no-such-user -l authPriv -a SHA -A no-such-authpass \
    -x AES -X no-such-privpass $A4 $SYS_DESCR
# wrong authentication password / protocol: Report usmStatsWrongDigests
expect_reply snmpget "${COMMON[@]}" -v3 -u sha-none -l authNoPriv -a SHA -A wrong-authpass $A4 $SYS_DESCR
expect_reply snmpget "${COMMON[@]}" -v3 -u sha256-aes -l authPriv -a SHA-256 -A wrong-authpass \
    -x AES -X "$(privpass sha256-aes)" $A4 $SYS_DESCR
expect_reply snmpget "${COMMON[@]}" -v3 -u sha-none -l authNoPriv -a MD5 -A "$(authpass sha-none)" $A4 $SYS_DESCR
# wrong privacy password / protocol: authentication succeeds, the decrypted PDU is
# garbage; net-snmp drops it without a Report (so the client times out)
expect_timeout snmpget "${COMMON[@]}" -v3 -u sha-aes -l authPriv -a SHA -A "$(authpass sha-aes)" \
    -x AES -X wrong-privpass $A4 $SYS_DESCR
expect_timeout snmpget "${COMMON[@]}" -v3 -u md5-des -l authPriv -a MD5 -A "$(authpass md5-des)" \
    -x DES -X wrong-privpass $A4 $SYS_DESCR
expect_timeout snmpget "${COMMON[@]}" -v3 -u sha-aes -l authPriv -a SHA -A "$(authpass sha-aes)" \
    -x DES -X "$(privpass sha-aes)" $A4 $SYS_DESCR
# security level the user does not support: Report usmStatsUnsupportedSecLevels
expect_reply snmpget "${COMMON[@]}" -v3 -u md5-none -l authPriv -a MD5 -A "$(authpass md5-none)" \
    -x DES -X some-privpass $A4 $SYS_DESCR
expect_reply snmpget "${COMMON[@]}" -v3 -u noauth -l authNoPriv -a SHA -A some-authpass $A4 $SYS_DESCR
# user fine for USM, but below the level its VACM entry requires: authorizationError
expect_reply snmpget "${COMMON[@]}" -v3 -u sha-aes -l authNoPriv -a SHA -A "$(authpass sha-aes)" $A4 $SYS_DESCR
expect_reply snmpget "${COMMON[@]}" -v3 -u sha-aes -l noAuthNoPriv $A4 $SYS_DESCR
# unknown context name: net-snmp 5.9.3 counts it in snmpUnknownContexts but sends no Report
expect_timeout snmpget "${COMMON[@]}" -v3 -u noauth -l noAuthNoPriv -n no-such-context $A4 $SYS_DESCR
# authenticated request to a wrong engine ID: the agent answers with a Report
# usmStatsUnknownEngineIDs, but snmpget (told -e/-Z) ignores it and reports a timeout
run_logged snmpget "${COMMON[@]}" -v3 -e 0x80001f880401020304 -Z 1,1 -u sha-none -l authNoPriv \
    -a SHA -A "$(authpass sha-none)" $A4 $SYS_DESCR
# right engine ID, wrong boots/time: Report usmStatsNotInTimeWindows (net-snmp then
# resynchronises and retries: the last exchange succeeds)
run_logged snmpget "${COMMON[@]}" -v3 -e $AGENT_ENGINE_ID -Z 99,12345 -u sha-none -l authNoPriv \
    -a SHA -A "$(authpass sha-none)" $A4 $SYS_DESCR
[[ $OUT != *"Timeout: No Response"* ]] || die "no answer to the not-in-time-window request" "$OUT"
stop_capture

# --------------------------------------------------------------------------------------
# pysnmp-privacy.pcap
# --------------------------------------------------------------------------------------
PY_ARGS=()
for entry in "${PYSNMP_USERS[@]}"; do
    read -r name auth priv expect <<<"$entry"
    PY_ARGS+=(--user "$name,$auth,$priv,$(authpass "$name"),$(privpass "$name"),$expect")
done
start_capture pysnmp-privacy
# TMPDIR: pysnmp keeps its engine boots counter in $TMPDIR/__pysnmp/
run_logged env TMPDIR="$WORK" "$PYTHON" "$HELPER_DIR/pysnmp_privacy.py" --agent 127.0.0.1 --trapd 127.0.0.1 \
    --engine-id "${PYSNMP_ENGINE_ID#0x}" "${PY_ARGS[@]}"
printf '%s\n' "$OUT" | sed 's/^/   /'
[[ $RC == 0 ]] || die "pysnmp step failed" "$OUT"
stop_capture

# agentx.pcap needs port 161 for its own master snmpd.
if [[ $STEP == all ]]; then
    stop_pid "$SNMPD_PID"
    SNMPD_PID=""
    agentx_capture
fi

# --------------------------------------------------------------------------------------
# Users files and README, then move everything into place
# --------------------------------------------------------------------------------------
step "writing snmp_users, snmp_users.explicit and README.md"

ws_priv_of() {  # ws_priv_of PYSNMP-PRIV: Wireshark-compatible spelling
    case $1 in 3DES) echo 3DES ;; AES-192-*) echo AES192 ;; AES-256-*) echo AES256 ;; esac
}
explicit_priv_of() {  # B = Blumenthal key extension, C = Reeder ("Cisco") key extension
    case $1 in 3DES) echo 3DES ;; AES-192-Reeder) echo AES192C ;; AES-256-Reeder) echo AES256C ;;
        AES-192-Blumenthal) echo AES192B ;; AES-256-Blumenthal) echo AES256B ;; esac
}

{
    cat <<EOF
# Wireshark "snmp_users" UAT for the captures in this directory (generated by
# tools/gen-corpus.sh).  Fields: engine ID (hex, empty = any engine), user name,
# auth protocol, auth password, priv protocol, priv password.  Copy this file into a
# Wireshark profile (e.g. ~/.config/wireshark/profiles/NAME/snmp_users) or pass entries
# with: tshark -o 'uat:snmp_users:"","sha-aes","SHA1","sha-aes-authpass","AES","sha-aes-privpass"'
#
# Engine IDs in the captures: agent $AGENT_ENGINE_ID, snmptrapd $TRAPD_ENGINE_ID,
# snmptrap -v3 sender $SENDER_ENGINE_ID, pysnmp $PYSNMP_ENGINE_ID.
#
# AES192/AES256 below are net-snmp's AES-192/AES-256, which use the Blumenthal key
# extension (draft-blumenthal-aes-usm-04).  With MD5 or SHA-1 (hash shorter than the
# key) the extension matters; see snmp_users.explicit for unambiguous names.
# The user "noauth" (noAuthNoPriv) needs no entry.  authNoPriv users carry a dummy
# priv protocol with an empty priv password (the UAT requires a value).
EOF
    for u in "${USERS[@]}"; do
        [[ ${U_AUTH[$u]} == none ]] && continue
        if [[ ${U_PRIV[$u]} == none ]]; then
            printf '"","%s","%s","%s","DES",""\n' "$u" "${WS_AUTH[${U_AUTH[$u]}]}" "$(authpass "$u")"
        else
            printf '"","%s","%s","%s","%s","%s"\n' "$u" "${WS_AUTH[${U_AUTH[$u]}]}" "$(authpass "$u")" \
                "${WS_PRIV[${U_PRIV[$u]}]}" "$(privpass "$u")"
        fi
    done
    printf '#\n# pysnmp users (pysnmp-privacy.pcap).  Their AES192/AES256 use the Reeder key\n'
    printf '# extension (pysnmp usmAesCfb192Protocol/usmAesCfb256Protocol, what Cisco ships).\n'
    printf '# 3DES users are commented out: this Wireshark version has no 3DES and rejects the value.\n'
    for entry in "${PYSNMP_USERS[@]}"; do
        read -r name auth priv expect <<<"$entry"
        [[ $priv == *Blumenthal ]] && continue      # same user as net-snmp's, listed above
        [[ $priv == 3DES ]] && printf '# '
        printf '"","%s","%s","%s","%s","%s"\n' "$name" "${WS_AUTH[$auth]}" "$(authpass "$name")" \
            "$(ws_priv_of "$priv")" "$(privpass "$name")"
    done
} >"$WORK/pcap/snmp_users"

{
    cat <<EOF
# Same users as snmp_users, but with unambiguous privacy protocol names
# (NOT loadable by Wireshark as is):
#   DES, AES (= AES-128, RFC 3826), 3DES (draft-reeder-snmpv3-usm-3desede),
#   AES192B/AES256B = AES-192/256 with the Blumenthal key extension (net-snmp),
#   AES192C/AES256C = AES-192/256 with the Reeder ("Cisco") key extension (pysnmp's
#                     usmAesCfb192Protocol/usmAesCfb256Protocol),
#   NONE = no privacy; auth NONE = noAuthNoPriv.
# Fields as in snmp_users: engine ID, user, auth, auth password, priv, priv password.
EOF
    for u in "${USERS[@]}"; do
        a=${U_AUTH[$u]} p=${U_PRIV[$u]}
        case $p in none) ep=NONE ;; AES-192) ep=AES192B ;; AES-256) ep=AES256B ;; *) ep=${WS_PRIV[$p]} ;; esac
        if [[ $a == none ]]; then
            printf '"","%s","NONE","","NONE",""\n' "$u"
        elif [[ $p == none ]]; then
            printf '"","%s","%s","%s","NONE",""\n' "$u" "${WS_AUTH[$a]}" "$(authpass "$u")"
        else
            printf '"","%s","%s","%s","%s","%s"\n' "$u" "${WS_AUTH[$a]}" "$(authpass "$u")" "$ep" "$(privpass "$u")"
        fi
    done
    for entry in "${PYSNMP_USERS[@]}"; do
        read -r name auth priv expect <<<"$entry"
        [[ $priv == *Blumenthal ]] && continue
        printf '"","%s","%s","%s","%s","%s"\n' "$name" "${WS_AUTH[$auth]}" "$(authpass "$name")" \
            "$(explicit_priv_of "$priv")" "$(privpass "$name")"
    done
} >"$WORK/pcap/snmp_users.explicit"

{
    cat <<'EOF'
# SNMP capture corpus

Real net-snmp 5.9.3 (and pysnmp 4.4.12) traffic captured on the loopback interface
(`tcpdump -i lo`, Ethernet link type, filter `port 161 or port 162`; `agentx.pcap`:
`port 161 or port 705`). The agent uses
the standard port 161 and snmptrapd the standard port 162.

Regenerate everything (captures, users files, this README) with:

    tools/gen-corpus.sh

(as root, or it re-runs itself with sudo; it installs snmp, snmpd, snmptrapd, tcpdump
and python3-pysnmp4 if missing, and needs no network otherwise). Runs differ only in
timestamps, uptimes, counter values, request/message IDs, ports, salts/IVs and
digests.

## Captures

| file | packets | contents |
| --- | ---: | --- |
EOF
    for c in "${CAPTURES[@]}"; do
        printf '| `%s.pcap` | %s | %s |\n' "$c" "$(count_packets "$WORK/pcap/$c.pcap")" "${DESCRIPTION[$c]}"
    done
    agentx_readme_row
    cat <<'EOF'

## Built captures

What net-snmp never sends is built with the project's own encoder, not
captured; each generator is deterministic and a ctest requires the committed
file to equal its output:

| file | packets | contents |
| --- | ---: | --- |
| `leading-zero.pcap` | 9 | Non-negative integers sent without the leading 0x00 octet a set top bit needs (X.690 8.3.2), as some agents do (221 as `02 01 dd`): an SNMPv3 authPriv get and response (user sha-aes, AES-128) with msgID, msgMaxSize, engineBoots and engineTime so encoded; v2c Counter32, Gauge32, TimeTicks, Counter64 and UInteger32 values, an error-index and a max-repetitions; a v1 Trap-PDU time-stamp. Generator: `build/bin/leading_zero_capture corpus/pcap/leading-zero.pcap` (`tools/gen-corpus/leading_zero_capture.cc`). |
EOF
    cat <<EOF

## Users

Every SNMPv3 user is named \`<auth>-<priv>\` and has the passwords
\`<name>-authpass\` and \`<name>-privpass\`: auth md5, sha (SHA-1), sha224, sha256,
sha384, sha512 crossed with priv none (authNoPriv), des, aes (AES-128), aes192,
aes256 (net-snmp's Blumenthal AES-192/256), plus \`noauth\` (noAuthNoPriv).
pysnmp adds \`md5-3des\`, \`sha-3des\`, \`sha256-3des\` (3DES-EDE) and
\`*-aes192-reeder\`, \`*-aes256-reeder\` (AES with the Reeder key extension).

* \`snmp_users\`: Wireshark's snmp_users UAT (loadable by tshark; engine ID empty
  = any). AES192/AES256 mean Blumenthal for the net-snmp users and Reeder for the
  \`*-reeder\` users (Wireshark cannot tell them apart); the 3DES users are comments.
* \`snmp_users.explicit\`: the same with unambiguous protocol names (AES192B/AES256B =
  Blumenthal, AES192C/AES256C = Reeder, 3DES, NONE); not loadable by Wireshark.

Engine IDs: agent \`$AGENT_ENGINE_ID\` (format 4, text "snmpdissect-agent"),
snmptrapd \`$TRAPD_ENGINE_ID\` (format 1, IPv4), snmptrap -v3 sender
\`$SENDER_ENGINE_ID\` (format 3, MAC), pysnmp \`$PYSNMP_ENGINE_ID\` (format 5).

## Notes

* tshark 4.0 with \`snmp_users\` decrypts DES, AES-128, and AES-192/256 when the auth
  hash is at least as long as the key (then no key extension is involved). Its
  AES192/AES256 use the *Reeder* key extension: it decrypts pysnmp's \`*-reeder\`
  users, but not net-snmp's (Blumenthal) md5-aes192, md5-aes256, sha-aes192,
  sha-aes256 and sha224-aes256 ("Decrypted data not formatted as expected, wrong
  key?"). It has no 3DES. \`tools/gen-corpus/verify.sh\` prints the per-user matrix.
* net-snmp has no 3DES and no Reeder AES: the pysnmp requests with those protocols
  get a Report (usmStatsUnknownUserNames) from the agent and snmptrapd; only the
  requests themselves are encrypted. pysnmp's Blumenthal AES-192/256 interoperates
  with net-snmp (real responses).
* Encoding details seen in these captures: BER lengths and integers are minimal
  everywhere (net-snmp and pysnmp); net-snmp pads DES plaintext to a multiple of 8
  with N bytes of value N (0..7 bytes follow the decrypted ScopedPDU); pysnmp pads
  AES plaintext with 1..16 zero bytes to a multiple of 16 and sends them, so its AES
  ciphertext (and the decrypted ScopedPDU) carries trailing bytes too; Opaque
  values use the net-snmp "opaque special types" (9f78 float, 9f79 double, 9f7a
  int64, 9f7b uint64); pysnmp's v3 traps carry msgAuthoritativeEngineBoots/Time 0
  and snmptrapd's engine ID as contextEngineID; net-snmp never sends
  usmStatsDecryptionErrors (a wrong privacy key just gets no answer).
* The script runs everything in a private network namespace (\`unshare --net\`) whose
  interfaces are lo (ifIndex 1) and dum0 (ifIndex $AGENT_IF_INDEX, MAC \`$AGENT_IF_MAC\`,
  \`$AGENT_IF_ADDR\`, IPv6 off: \`tools/gen-corpus/agent_interface.sh\`), an Ethernet-like
  interface so that ifType (ethernetCsmacd), ifPhysAddress and ifXTable carry real
  values; dum0 is a dummy interface, or one end of a veth pair where the kernel has no
  dummy driver (these captures: $AGENT_IF_KIND). The agent's view exposes only
  system, interfaces, ipAddrTable, the snmp group, hrSystemUptime/hrSystemDate,
  ifXTable, laTable and snmpEngine: the captures do not depend on (or leak) the
  generating machine's interfaces and addresses.
EOF
    agentx_readme_notes
} >"$WORK/pcap/README.md"

# Everything worked: replace the previous corpus.
mkdir -p "$OUT_DIR"
for c in "${CAPTURES[@]}"; do mv -f "$WORK/pcap/$c.pcap" "$OUT_DIR/$c.pcap"; done
mv -f "$WORK/pcap/snmp_users" "$WORK/pcap/snmp_users.explicit" "$WORK/pcap/README.md" "$OUT_DIR/"
OUTPUTS=("${CAPTURES[@]/#/$OUT_DIR/}")
OUTPUTS=("${OUTPUTS[@]/%/.pcap}" "$OUT_DIR/snmp_users" "$OUT_DIR/snmp_users.explicit" "$OUT_DIR/README.md")
chmod 644 "${OUTPUTS[@]}"
# Invoked through sudo: hand the files back to the user.
if [[ -n ${SUDO_UID:-} ]]; then chown "$SUDO_UID:${SUDO_GID:-$SUDO_UID}" "$OUT_DIR" "${OUTPUTS[@]}"; fi
if [[ $STEP == all ]]; then agentx_install; fi

# --------------------------------------------------------------------------------------
# Summary
# --------------------------------------------------------------------------------------
step "summary ($N_CMDS commands run; corpus in $OUT_DIR)"
total=0
for c in "${CAPTURES[@]}"; do
    f=$OUT_DIR/$c.pcap
    size=$(stat -c %s "$f")
    total=$((total + size))
    printf '  %-22s %6s packets %9s bytes\n' "$c.pcap" "$(count_packets "$f")" "$size"
done
printf '  %-22s %24s bytes\n' total "$total"

if [[ ${NO_VERIFY:-0} != 1 ]] && command -v tshark >/dev/null 2>&1; then
    step "verifying with tshark (tools/gen-corpus/verify.sh)"
    "$HELPER_DIR/verify.sh" "$OUT_DIR" || say "gen-corpus: verify.sh reported problems (see above)"
fi
