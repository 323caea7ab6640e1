// --hex HEX and --hex -: dissect SNMP messages given as hex and print their
// trees. One HexMode serves a whole run; its tree, dissector and buffers are
// reused, so a long stream of lines does not allocate per message.
//
//   HexMode mode(stdout, stderr);
//   return mode.RunStream(stdin);   // an exit status (options.h)

#ifndef SNMPDISSECT_TOOLS_SNMPDISSECT_HEX_MODE_H_
#define SNMPDISSECT_TOOLS_SNMPDISSECT_HEX_MODE_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "dissector/print/text_tree.h"
#include "dissector/proto/snmp.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::cli {

// A line of more hex text than this is skipped as too long: twice the
// largest SNMP message over UDP, and room for TCP ones.
inline constexpr size_t kMaxHexLineLength = 4 << 20;

class HexMode {
 public:
  HexMode(std::FILE* out, std::FILE* err) : out_(out), err_(err) {}

  // Verifies and decrypts SNMPv3 messages with these users (not owned).
  void set_usm(usm::Processor* usm) { dissector_.set_usm(usm); }
  // Names OIDs and reads values by this MIB table (not owned).
  void set_mib(const mib::Table* mib) { dissector_.set_mib(mib); }

  // One message. Returns kExitOk, kExitMalformed, or kExitUsage for text
  // that is not hex.
  int RunArgument(std::string_view hex);

  // One message per line of `in` until its end; "Message N (L bytes)"
  // before each tree and a blank line between trees. Bad lines are
  // reported on err and skipped. Returns kExitUsage if any line was bad or
  // reading failed, else kExitMalformed if any message was malformed, else
  // kExitOk.
  int RunStream(std::FILE* in);

 private:
  // Dissects bytes_ and prints its tree; true when it was malformed.
  bool DissectAndPrint();
  // kExitUsage, after a message on err_, if writing to out_ failed.
  int Finish(int status);

  std::FILE* out_;
  std::FILE* err_;
  std::vector<uint8_t> bytes_;
  std::string error_;
  tree::Tree tree_;
  proto::SnmpDissector dissector_;
  print::TextTreePrinter printer_;
};

}  // namespace snmpdissect::cli

#endif  // SNMPDISSECT_TOOLS_SNMPDISSECT_HEX_MODE_H_
