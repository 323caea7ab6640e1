#include "tools/snmpdissect/option_table.h"

#include "dissector/stats/agent_table.h"

namespace snmpdissect::cli {
namespace {

// The -z help spells the snmp,agents cap out.
static_assert(stats::kMaxAgentPairs == 4096, "update the -z snmp,agents help text");

using G = OptionGroup;

constexpr OptionSpec kOptions[] = {
    // Input (exactly one).
    {'r', nullptr, "FILE", G::kInput, false,
     "read a pcap or pcapng file; \"-r -\" reads standard input"},
    {'i', nullptr, "INTERFACE", G::kInput, false,
     "capture live (\"any\", \"lo\", \"eth0\", ...) until -c N packets or Ctrl-C"},
    {'\0', "--hex", "HEX", G::kInput, false,
     "dissect one SNMP message given as hex digits; spaces, tabs and colons between them "
     "are ignored. \"--hex -\" reads one message per line of standard input (blank lines and "
     "'#' comments are skipped) and prints each tree after a \"Message N (L bytes)\" line; a "
     "line that is not hex is reported on standard error and the run goes on"},
    // Capture.
    {'c', nullptr, "N", G::kCapture, true, "stop after N packets (those that passed -f)"},
    {'f', nullptr, "EXPR", G::kCapture, true,
     "pcap-filter(7) expression, for files and live captures alike (frame numbers stay "
     "those of the file)"},
    {'Y', nullptr, "EXPR", G::kCapture, true,
     "display filter (wireshark-filter(4), Wireshark 4.0's language): only the frames it "
     "selects are printed, or written with -w, e.g. -Y 'snmp.name == 1.3.6.1.2.1.1.3.0'; "
     "the last -Y given counts. A filter that does not compile is reported with a caret "
     "under the offending column before any frame is read"},
    {'R', nullptr, "EXPR", G::kCapture, true,
     "with -2: the first pass's display filter; frames it rejects are dropped before the "
     "second pass (which -Y then filters), as tshark -2 -R does"},
    {'B', nullptr, "MiB", G::kCapture, true,
     "live capture: the kernel's capture buffer (default 32 MiB); when it fills, the kernel "
     "drops packets. At the end of a live capture (-c, Ctrl-C, SIGTERM) standard error shows "
     "libpcap's counts, as tcpdump does: packets captured, received by filter, dropped by "
     "kernel, dropped by interface"},
    {'d', nullptr, "udp.port==N,snmp | tcp.port==N,snmp", G::kCapture, true,
     "dissect that port as SNMP too (161 and 162 always are); repeatable"},
    {'w', nullptr, "FILE", G::kCapture, true,
     "write the frames that pass -f to FILE (\"-w -\": standard output), keeping link type, "
     "timestamps and original lengths; nothing is printed unless -P is given"},
    {'F', nullptr, "FORMAT", G::kCapture, true, "with -w: pcapng (default) or pcap"},
    {'P', nullptr, nullptr, G::kCapture, true, "with -w FILE: print the frames too"},
    {'2', nullptr, nullptr, G::kCapture, true,
     "two passes over a file: requests show the frame of their response "
     "(snmp.response_in) and unanswered requests are flagged; without it, responses name "
     "their request (snmp.response_to, snmp.time), as tshark does"},
    // Output.
    {'V', nullptr, nullptr, G::kOutput, false, "the full tree of every layer"},
    {'O', nullptr, "PROTOCOLS", G::kOutput, true,
     "the tree with only these protocols expanded (e.g. -O snmp)"},
    {'T', nullptr, "FORMAT", G::kOutput, true,
     "text (default: one line per frame: number, time since the first frame, source -> "
     "destination, protocol, length, and the SNMP PDU type with the OIDs of its variable "
     "bindings), json (one array), ndjson (one object per line), fields, or ek (Elasticsearch "
     "bulk lines as tshark -T ek writes them, without _type; see -G elastic-mapping)"},
    {'e', nullptr, "FIELD", G::kOutput, true,
     "with -T fields: a field to print (e.g. snmp.name, ip.src, frame.number); repeatable, "
     "printed in order, repeated occurrences joined by commas, empty when absent"},
    {'E', nullptr, "SETTING", G::kOutput, true,
     "with -T fields: header=y|n, separator=/t|/s|CHAR, occurrence=a|f|l, "
     "aggregator=,|/s|CHAR, quote=d|s|n"},
    {'x', nullptr, nullptr, G::kOutput, true,
     "a hex and ASCII dump of each frame (and of decrypted or reassembled data) after it"},
    {'q', nullptr, nullptr, G::kOutput, false,
     "no progress report (it appears on standard error only when that is a terminal and a "
     "file is being read); with -z, the statistics alone, without the frames"},
    {'n', nullptr, nullptr, G::kOutput, false,
     "no MIB names: OIDs as numbers and values as their SMI types, as tshark without MIBs "
     "shows them (by default OIDs are named and values read by the standard MIBs: "
     "\"sysDescr.0\", \"up(1)\", MAC addresses, TimeTicks as time)"},
    {'\0', "--mib-dir", "DIR", G::kOutput, false,
     "read MIB text files from DIR with libsmi, on top of the compiled-in standard MIBs "
     "(vendor MIBs: their enterprise OIDs get names, types and indices); repeatable, searched "
     "in order; without --mib every file in the directories is loaded. The SMI base modules "
     "(SNMPv2-SMI, SNMPv2-TC, SNMPv2-CONF, RFC1155-SMI, RFC-1212, RFC-1215, "
     "SNMP-FRAMEWORK-MIB, ...) are built in. A MIB that does not load is one line on "
     "standard error naming the file; the run goes on with what loaded and exits 1 if it "
     "would have exited 0; -o snmp.mib_path:DIR is the same as --mib-dir DIR"},
    {'\0', "--mib", "MODULE|ALL", G::kOutput, false,
     "load only MODULE (and what it imports) from the --mib-dir directories; repeatable; "
     "ALL: every file (the default)"},
    // Statistics.
    {'z', nullptr, "STATISTIC", G::kOutput, true,
     "statistics printed after the frames (with -q: instead of them), as text; repeatable:\n"
     "snmp,srt[,FILTER]: SNMP service response time per request type (calls, min, max, "
     "average and sum), tshark's table; FILTER selects responses\n"
     "io,stat,INTERVAL[,FILTER...]: frames and bytes per INTERVAL seconds (0: the whole "
     "capture), one column per display filter (none: every frame)\n"
     "snmp,agents[,FILTER]: one record per manager/agent pair (versions, communities, "
     "users, security levels, PDUs, errors, unanswered requests, Reports, first/last "
     "time, sysDescr/sysName); at most 4096 pairs, the least recently seen evicted and "
     "counted"},
    {'\0', "--stats-file", "FILE", G::kOutput, true,
     "with -z: write the statistics to FILE instead of standard output (as JSON with -T "
     "json, ndjson or ek; with those, -q instead makes standard output the statistics "
     "object)"},
    // SNMPv3 users.
    {'\0', "--users", "FILE", G::kUsers, false,
     "read users from FILE, in Wireshark's snmp_users format: "
     "\"ENGINEID\",\"NAME\",\"AUTH\",\"AUTHPASS\",\"PRIV\",\"PRIVPASS\" per line (ENGINEID "
     "hex, or empty for any engine); repeatable"},
    {'o', nullptr, "snmp.users_file:FILE", G::kUsers, false,
     "the same, spelled as tshark's preference"},
    {'\0', "--user", "NAME:AUTH:PASS[:PRIV:PASS[:ENGINEID]]", G::kUsers, false,
     "one user on the command line (write \\: for a ':' and \\\\ for a '\\' in a password); "
     "repeatable\n"
     "AUTH: NONE MD5 SHA1 SHA2-224 SHA2-256 SHA2-384 SHA2-512\n"
     "PRIV: NONE DES 3DES AES AES192 AES256, where AES192/AES256 try both AES key "
     "extensions; AES192B/AES256B name Blumenthal's (net-snmp), AES192C/AES256C Reeder's "
     "(Cisco)\n"
     "Passwords and keys never appear in any output."},
    // Other.
    {'h', "--help", nullptr, G::kOther, false, "print this help and exit"},
    {'\0', "--version", nullptr, G::kOther, false, "print the version and exit"},
    {'G', nullptr, "fields|protocols|elastic-mapping", G::kOther, false,
     "print a report generated from the field table and exit: fields (tshark -G's columns: "
     "P name abbreviation; F name abbreviation type parent base bitmask description), "
     "protocols (name, short name, abbreviation) or elastic-mapping (the index template "
     "for -T ek documents)"},
};

}  // namespace

absl::Span<const OptionSpec> OptionTable() { return kOptions; }

const OptionSpec* FindShortOption(char letter) {
  if (letter == '\0') return nullptr;
  for (const OptionSpec& spec : kOptions) {
    if (spec.letter == letter) return &spec;
  }
  return nullptr;
}

const OptionSpec* FindLongOption(std::string_view name) {
  for (const OptionSpec& spec : kOptions) {
    if (spec.long_name != nullptr && name == spec.long_name) return &spec;
  }
  return nullptr;
}

const char* OptionGroupHeading(OptionGroup group) {
  switch (group) {
    case OptionGroup::kInput: return "Input (exactly one):";
    case OptionGroup::kCapture: return "Capture:";
    case OptionGroup::kOutput: return "Output (standard output):";
    case OptionGroup::kUsers:
      return "SNMPv3 users (USM: RFC 3414, RFC 3826, RFC 7860), to verify and decrypt:";
    case OptionGroup::kOther: return "Other:";
  }
  return "";
}

}  // namespace snmpdissect::cli
