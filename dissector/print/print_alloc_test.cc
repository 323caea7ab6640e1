// Steady-state printing allocates nothing (DESIGN.md: no per-packet
// allocation): once a printer and its output string have printed the frames
// of the corpus, printing them all again performs zero heap allocations, for
// the summary line, JSON (array and NDJSON), -T fields, hex dump and the
// text tree. The trees are dissected beforehand, so only printing is
// measured.
//
// The allocation counter replaces the global operator new: this is a test
// binary of its own.

#include <string>
#include <vector>

#include "codec/snmp/testing/allocation_counter.h"
#include "dissector/print/fields_printer.h"
#include "dissector/print/hex_dump.h"
#include "dissector/print/json_tree.h"
#include "dissector/print/summary_line.h"
#include "dissector/print/testing/corpus_trees.h"
#include "dissector/print/text_tree.h"
#include "gtest/gtest.h"

namespace snmpdissect::print {
namespace {

TEST(PrintAllocTest, SteadyStatePrintingDoesNotAllocate) {
  std::vector<std::unique_ptr<testing::CorpusTrees>> captures;
  size_t frames = 0;
  for (const char* name : {"v1-v2c.pcap", "v3-priv-des.pcap", "traps-informs.pcap", "tcp.pcap",
                           "ipv6.pcap", "failures.pcap"}) {
    captures.push_back(
        std::make_unique<testing::CorpusTrees>(testing::CorpusDir() + "/" + name, true));
    frames += captures.back()->frames().size();
  }
  ASSERT_GT(frames, 1200u);
  ASSERT_GT(snmpdissect::testing::AllocationCount(), 0);  // the counter is linked in

  FieldsOptions options;
  options.fields = {"frame.number", "frame.time",   "frame.time_relative", "frame",
                    "ip.src",       "ipv6.src",     "ip.flags",            "udp",
                    "tcp.flags",    "tcp",          "snmp",                "snmp.msgFlags",
                    "snmp.name",    "snmp.value.octets", "snmp.community", "snmp.v3.auth",
                    "eth.src",      "snmp.decrypted_pdu"};
  auto fields = FieldsPrinter::Create(options);
  ASSERT_TRUE(fields.ok());
  SummaryLinePrinter summary;
  JsonTreePrinter json(JsonStyle::kArray);
  JsonTreePrinter ndjson(JsonStyle::kNdjson);
  TextTreePrinter text;
  std::string out_summary, out_json, out_ndjson, out_fields, out_hex, out_text;
  size_t bytes = 0;
  auto pass = [&] {
    for (const auto& capture : captures) {
      json.Begin(&out_json);
      for (const testing::DissectedFrame& f : capture->frames()) {
        out_summary.clear();
        out_ndjson.clear();
        out_fields.clear();
        out_hex.clear();
        out_text.clear();
        summary.Append(f.tree, &out_summary);
        ndjson.AppendFrame(f.tree, &out_ndjson);
        fields->AppendFrame(f.tree, &out_fields);
        AppendHexDump(f.tree, f.bytes(), &out_hex);
        text.Print(f.tree, &out_text);
        // The array style grows one document: keep it to one frame.
        out_json.clear();
        json.AppendFrame(f.tree, &out_json);
        bytes += out_summary.size() + out_ndjson.size() + out_fields.size() + out_hex.size() +
                 out_text.size() + out_json.size();
      }
      json.End(&out_json);
    }
  };
  pass();  // warm-up: the output strings and the printers' buffers grow
  pass();
  bytes = 0;
  const long before = snmpdissect::testing::AllocationCount();
  for (int round = 0; round < 3; ++round) pass();
  EXPECT_EQ(snmpdissect::testing::AllocationCount() - before, 0);
  EXPECT_GT(bytes, 3 * frames * 100);
}

}  // namespace
}  // namespace snmpdissect::print
