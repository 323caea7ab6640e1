# agent_interface.sh - the agent's second interface, dum0; sourced by
# tools/gen-corpus.sh inside its private network namespace.
#
# Why: with lo alone the agent's ifTable has one row whose ifType is
# softwareLoopback(24) and whose ifPhysAddress is empty, so the captures never
# carry an ethernetCsmacd(6) ifType or a MAC address for a dissector to show
# (IF-MIB, RFC 2863 section 6: ifType, ifPhysAddress). dum0 is an Ethernet-like
# interface with a fixed, locally administered MAC (IEEE 802: bit 1 of the
# first octet set; 02:00:5e is also the prefix of the sender engine ID's MAC)
# and a documentation address (RFC 5737 TEST-NET-2), so regenerating gives the
# same ifTable, ifXTable and ipAddrTable rows on any machine.
#
# dum0 is a dummy interface ("ip link add dum0 type dummy") where the kernel
# has the dummy driver. Kernels built without it (some VM and container
# kernels) get one end of a veth pair named dum0 with the same MAC and
# address, its peer moved into a second, throw-away network namespace so that
# the agent still sees exactly lo and dum0 and dum0 has carrier (a veth is up
# only while its peer is). The two differ in what ethtool reports as speed
# (veth: 10 Gb/s, so ifSpeed 4294967295 and ifHighSpeed 10000; dummy: none);
# AGENT_IF_KIND says which one this run used.
#
# IPv6 is off on dum0 (and on the peer): no router solicitations or MLD
# reports move its counters while the captures run.

AGENT_IF=dum0
AGENT_IF_MAC=02:00:5e:10:00:01
AGENT_IF_ADDR=198.51.100.1/24
AGENT_IF_KIND=""
AGENT_IF_INDEX=2            # fixed, whichever driver (a veth peer is made first: it gets 3)
AGENT_IF_PEER_PID=""        # the process holding the veth peer's namespace

agent_interface_up() {
    local peer_ns i
    if ip link add "$AGENT_IF" index "$AGENT_IF_INDEX" type dummy 2>/dev/null; then
        AGENT_IF_KIND=dummy
    else
        # No dummy driver: a veth pair, the peer in a namespace of its own.
        unshare --net sleep infinity &
        AGENT_IF_PEER_PID=$!
        peer_ns=/proc/$AGENT_IF_PEER_PID/ns/net
        for ((i = 0; i < 50; i++)); do
            [[ $(readlink "$peer_ns" 2>/dev/null) != "$(readlink /proc/self/ns/net)" ]] && break
            sleep 0.1
        done
        ip link add "$AGENT_IF" index "$AGENT_IF_INDEX" type veth \
                peer name "$AGENT_IF-peer" index $((AGENT_IF_INDEX + 1)) \
            || die "cannot create $AGENT_IF: this kernel has neither the dummy nor the veth driver"
        ip link set "$AGENT_IF-peer" netns "$AGENT_IF_PEER_PID"
        nsenter --net="$peer_ns" sysctl -q -w "net.ipv6.conf.$AGENT_IF-peer.disable_ipv6=1"
        nsenter --net="$peer_ns" ip link set "$AGENT_IF-peer" up
        AGENT_IF_KIND=veth
    fi
    ip link set "$AGENT_IF" address "$AGENT_IF_MAC"
    sysctl -q -w "net.ipv6.conf.$AGENT_IF.disable_ipv6=1"
    ip addr add "$AGENT_IF_ADDR" dev "$AGENT_IF"
    ip link set "$AGENT_IF" up
    # /sys is the host's (no mount namespace): ask ip for the index.
    [[ $(ip -o link show "$AGENT_IF" | cut -d: -f1) == "$AGENT_IF_INDEX" ]] \
        || die "$AGENT_IF does not have ifIndex $AGENT_IF_INDEX" "$(ip -o link show "$AGENT_IF")"
    for ((i = 0; i < 50; i++)); do
        ip -br link show "$AGENT_IF" | grep -q LOWER_UP && break
        sleep 0.1
    done
    ip -br link show "$AGENT_IF" | grep -q LOWER_UP || die "$AGENT_IF has no carrier" "$(ip link show "$AGENT_IF")"
    say "agent interface $AGENT_IF ($AGENT_IF_KIND, ifIndex $AGENT_IF_INDEX, $AGENT_IF_MAC, $AGENT_IF_ADDR)"
}

agent_interface_down() {  # from the EXIT trap: the namespace takes dum0 with it
    [[ -n $AGENT_IF_PEER_PID ]] || return 0
    kill "$AGENT_IF_PEER_PID" 2>/dev/null || true
    wait "$AGENT_IF_PEER_PID" 2>/dev/null || true
    AGENT_IF_PEER_PID=""
}
