"""Small pcap reading and writing for the plugin's tests (classic pcap,
microsecond or nanosecond, either byte order), and the Ethernet/IPv4/UDP
and TCP framing of SNMP payloads. Only what the tests need; no checksums
(Wireshark does not verify them by default)."""

import struct

MAGIC_US = 0xA1B2C3D4
MAGIC_NS = 0xA1B23C4D


def read_pcap(path):
    """(link type, [(seconds, fraction, original length, data)], nanosecond)"""
    with open(path, "rb") as f:
        raw = f.read()
    for order in ("<", ">"):
        magic, = struct.unpack(order + "I", raw[:4])
        if magic in (MAGIC_US, MAGIC_NS):
            break
    else:
        raise ValueError(f"{path}: not a pcap file")
    link = struct.unpack(order + "I", raw[20:24])[0]
    records = []
    at = 24
    while at + 16 <= len(raw):
        sec, frac, caplen, origlen = struct.unpack(order + "IIII", raw[at:at + 16])
        records.append((sec, frac, origlen, raw[at + 16:at + 16 + caplen]))
        at += 16 + caplen
    return link, records, magic == MAGIC_NS


class PcapWriter:
    def __init__(self, path, link_type, nanoseconds=False):
        self.f = open(path, "wb")
        self.frames = 0
        self.f.write(struct.pack("<IHHiIII", MAGIC_NS if nanoseconds else MAGIC_US, 2, 4, 0, 0,
                                 262144, link_type))

    def add(self, data, original_length=None, seconds=1700000000, fraction=0):
        self.frames += 1
        original = len(data) if original_length is None else original_length
        self.f.write(struct.pack("<IIII", seconds, fraction, len(data), original) + data)

    def close(self):
        self.f.close()


def ipv4(protocol, payload, src=0x7F000001, dst=0x7F000001):
    header = struct.pack(">BBHHHBBHII", 0x45, 0, 20 + len(payload), 0, 0x4000, 64, protocol, 0,
                         src, dst)
    return header + payload


def ethernet(ip_packet):
    return b"\x00" * 12 + b"\x08\x00" + ip_packet


def udp_frame(payload, src_port=40000, dst_port=161):
    udp = struct.pack(">HHHH", src_port, dst_port, 8 + len(payload), 0) + payload
    return ethernet(ipv4(17, udp))


def tcp_frame(payload, seq, src_port=40000, dst_port=161, flags=0x18):
    tcp = struct.pack(">HHIIBBHHH", src_port, dst_port, seq, 1, 5 << 4, flags, 65535, 0, 0)
    return ethernet(ipv4(6, tcp + payload))
