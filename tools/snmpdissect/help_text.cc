// The --help text and --version line (declared in options.h).

#include "absl/strings/str_cat.h"
#include "tools/snmpdissect/options.h"

#ifndef SNMPDISSECT_VERSION
#error "SNMPDISSECT_VERSION must come from the CMake project version"
#endif

namespace snmpdissect::cli {
namespace {

constexpr char kHelp[] = R"HELP(Usage: snmpdissect [OPTION]... -r FILE | -i INTERFACE | --hex HEX
Dissect SNMP (v1, v2c, v3 with USM) in captures or live traffic and print it
as tshark does: a summary line per frame, the full tree, JSON or fields.

Input (exactly one):
  -r FILE       read a pcap or pcapng file; "-r -" reads standard input
  -i INTERFACE  capture live ("any", "lo", "eth0", ...) until -c N packets
                or Ctrl-C
  --hex HEX     dissect one SNMP message given as hex digits; spaces, tabs
                and colons between them are ignored
  --hex -       read one message per line of standard input (blank lines and
                '#' comments are skipped) and print each tree after a
                "Message N (L bytes)" line; a line that is not hex is
                reported on standard error and the run goes on

Capture:
  -c N          stop after N packets (those that passed -f)
  -B MiB        live capture: the kernel's capture buffer (default 8 MiB);
                when it fills, the kernel drops packets. At the end of a
                live capture (-c, Ctrl-C, SIGTERM) standard error shows
                libpcap's counts, as tcpdump does: packets captured,
                received by filter, dropped by kernel, dropped by interface
  -f EXPR       pcap-filter(7) expression, for files and live captures alike
                (frame numbers stay those of the file)
  -d udp.port==N,snmp | tcp.port==N,snmp
                dissect that port as SNMP too (161 and 162 always are);
                repeatable
  -2            two passes over a file: requests show the frame of their
                response (snmp.response_in) and unanswered requests are
                flagged; without it, responses name their request
                (snmp.response_to, snmp.time), as tshark does

Output (standard output):
  (default)     one line per frame: number, time since the first frame,
                source -> destination, protocol, length, and the SNMP PDU
                type with the OIDs of its variable bindings
  -V            the full tree of every layer
  -O PROTOCOLS  the tree with only these protocols expanded (e.g. -O snmp)
  -T FORMAT     text (default), json (one array), ndjson (one object per
                line), or fields
  -e FIELD      with -T fields: a field to print (e.g. snmp.name,
                ip.src, frame.number); repeatable, printed in order,
                repeated occurrences joined by commas, empty when absent
  -E SETTING    with -T fields: header=y|n, separator=/t|/s|CHAR,
                occurrence=a|f|l, aggregator=,|/s|CHAR, quote=d|s|n
  -x            a hex and ASCII dump of each frame (and of decrypted or
                reassembled data) after it
  -q            no progress report (it appears on standard error only when
                that is a terminal and a file is being read)
  -n            accepted for tshark's sake: names are never resolved

SNMPv3 users (USM: RFC 3414, RFC 3826, RFC 7860), to verify and decrypt:
  --users FILE  read users from FILE, in Wireshark's snmp_users format:
                "ENGINEID","NAME","AUTH","AUTHPASS","PRIV","PRIVPASS" per
                line (ENGINEID hex, or empty for any engine); repeatable
  -o snmp.users_file:FILE
                the same, spelled as tshark's preference
  --user NAME:AUTH:PASS[:PRIV:PASS[:ENGINEID]]
                one user on the command line (write \: for a ':' and \\
                for a '\' in a password); repeatable
                AUTH: NONE MD5 SHA1 SHA2-224 SHA2-256 SHA2-384 SHA2-512
                PRIV: NONE DES 3DES AES AES192 AES256, where AES192/AES256
                try both AES key extensions; AES192B/AES256B name
                Blumenthal's (net-snmp), AES192C/AES256C Reeder's (Cisco)
                Passwords and keys never appear in any output.

Other:
  -h, --help    print this help and exit
  --version     print the version and exit

One-letter options may be bundled ("-nr FILE", "-Vx").

Text from packets is escaped: control characters and invalid UTF-8 print as
\xNN, so a packet cannot drive the terminal. JSON output is valid UTF-8.

Exit status:
  0  everything was read and every SNMP message decoded completely
  1  usage error; missing, unreadable or unsupported input file (not a
     capture, unsupported link type); bad filter; input that is not hex;
     writing the output failed
  2  some SNMP message was malformed (its tree shows what decoded, then a
     [Malformed Packet: SNMP] line naming the error and its offset), or the
     file is truncated or corrupt: every frame before the damage is
     dissected, then one line names the file, the last good packet and the
     byte offset
)HELP";

}  // namespace

const char* HelpText() { return kHelp; }

std::string VersionText() { return absl::StrCat("snmpdissect ", SNMPDISSECT_VERSION, "\n"); }

}  // namespace snmpdissect::cli
