// agentx_write_seeds DIR [CAPTURE]: fuzz seed candidates for agentx_fuzzer
// (an AgentX TCP stream), written to DIR (made if missing) as one file
// each: every PDU of CAPTURE (default corpus/pcap/agentx.pcap) alone and
// in runs of 8 as a stream, plus hand-built PDUs of every type in both
// byte orders and the hostile cases of hostile_test.cc. libFuzzer's
// -merge=1 then keeps the ones that add coverage, named by SHA-1
// (fuzz/README.md, Corpora; tools/fuzz.sh seeds agentx does both):
//
//   build/bin/agentx_write_seeds /tmp/agentx-seeds
//   build-fuzz/bin/agentx_fuzzer -merge=1 corpus/agentx /tmp/agentx-seeds

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "codec/agentx/testing/capture_pdus.h"
#include "codec/agentx/testing/pdu_builder.h"

namespace snmpdissect::agentx::testing {
namespace {

const std::vector<uint32_t> kSysDescr0 = {1, 3, 6, 1, 2, 1, 1, 1, 0};

// One well-formed PDU of every type, in `order`.
std::vector<std::string> EveryType(ByteOrder order) {
  std::vector<std::string> out;
  auto b = [&] { return PduBuilder(order); };
  out.push_back(b().U8(5).U8(0).U8(0).U8(0).Oid({1, 3, 6, 1, 4, 1, 8072, 3, 2, 10})
                    .OctetString("Net-SNMP AgentX sub-agent").Build(PduType::kOpen, 0));
  out.push_back(b().U8(5).U8(0).U8(0).U8(0).Build(PduType::kClose));
  out.push_back(b().OctetString("ctx").U8(30).U8(127).U8(10).U8(0)
                    .Oid({1, 3, 6, 1, 2, 1, 2, 2, 1, 1, 1}).U32(22)
                    .Build(PduType::kRegister, 5, 0, 9,
                           kFlagNonDefaultContext | kFlagInstanceRegistration));
  out.push_back(b().U8(0).U8(127).U8(0).U8(0).Oid({1, 3, 6, 1, 4, 1, 2021, 10})
                    .Build(PduType::kUnregister));
  out.push_back(b().Oid(kSysDescr0).Oid({}).Oid({1, 3, 6, 1, 2, 1, 1, 2, 0}).Oid({})
                    .Build(PduType::kGet));
  out.push_back(b().Oid({1, 3, 6, 1, 2, 1, 1}, 1).Oid({1, 3, 6, 1, 2, 1, 2})
                    .Build(PduType::kGetNext));
  out.push_back(b().OctetString("").U16(1).U16(10).Oid(kSysDescr0).Oid({})
                    .Build(PduType::kGetBulk, 1, 2, 3, kFlagNonDefaultContext));
  for (PduType type : {PduType::kTestSet, PduType::kNotify, PduType::kIndexAllocate,
                       PduType::kIndexDeallocate}) {
    PduBuilder v = b();
    AppendEveryValueType(v);
    out.push_back(v.Build(type, 1, 2, 3, type == PduType::kIndexAllocate ? kFlagAnyIndex : 0));
  }
  for (PduType type : {PduType::kCommitSet, PduType::kUndoSet, PduType::kCleanupSet,
                       PduType::kPing}) {
    out.push_back(b().Build(type));
  }
  out.push_back(b().OctetString("c1").Build(PduType::kPing, 1, 2, 3, kFlagNonDefaultContext));
  out.push_back(b().Oid({1, 3, 6, 1, 6, 3, 10, 3, 1, 1}).OctetString("The SNMP Architecture MIB.")
                    .Build(PduType::kAddAgentCaps));
  out.push_back(b().Oid({1, 3, 6, 1, 6, 3, 10, 3, 1, 1}).Build(PduType::kRemoveAgentCaps));
  PduBuilder response = b();
  response.U32(4242).U16(263).U16(1);
  AppendEveryValueType(response);
  out.push_back(response.Build(PduType::kResponse));
  out.push_back(b().OctetString("").U32(0).U16(0).U16(0)
                    .VarBindHead(VarBindType::kInteger, {1, 3, 6, 1, 4, 1, 2021, 10, 1, 1, 1})
                    .U32(1).Build(PduType::kResponse, 5, 51, 52, kFlagNonDefaultContext));
  return out;
}

std::vector<std::string> Hostile() {
  std::vector<std::string> out;
  const std::string ping = PduBuilder().Build(PduType::kPing);
  out.push_back(ping.substr(0, 11));                                  // truncated header
  out.push_back(PduBuilder().BuildRaw(13, 1, 2, 3, 0, 4));            // lying long
  out.push_back(PduBuilder(ByteOrder::kBigEndian).BuildRaw(18, 0, 0, 0, 0, 0xffffffffu));
  out.push_back(PduBuilder().BuildRaw(13, 1, 2, 3, 0, std::nullopt, 2));  // version 2
  out.push_back(PduBuilder().BuildRaw(19, 1, 2, 3, 0));               // unknown type
  out.push_back(PduBuilder().Build(PduType::kPing, 1, 2, 3, 0xe6));   // reserved, misplaced
  PduBuilder many;
  many.U8(129).U8(0).U8(0).U8(0);
  for (int i = 0; i < 129; ++i) many.U32(i);
  out.push_back(many.Oid({}).Build(PduType::kGet));                   // n_subid 129
  PduBuilder max;
  max.U8(128).U8(2).U8(0).U8(0);
  for (int i = 0; i < 128; ++i) max.U32(4294967295u);
  out.push_back(max.Oid({}).Build(PduType::kGet));                    // 133 arcs
  out.push_back(PduBuilder().U8(0).U8(0).U8(0).U8(0).Oid({}).U32(0xfffffffdu).U32(0)
                    .Build(PduType::kOpen));                          // string too long
  out.push_back(PduBuilder().U32(0).U16(0).U16(0).U16(3).U16(0).Oid(kSysDescr0).U32(0)
                    .Build(PduType::kResponse));                      // unknown v.type
  out.push_back(PduBuilder().U8(1).U8(0).U8(0).U8(0).U8(9).Build(PduType::kClose));  // trailing
  out.push_back(PduBuilder().VarBindHead(VarBindType::kIpAddress, kSysDescr0)
                    .OctetString("12345", 0xee).Build(PduType::kNotify));  // size, padding
  out.push_back(PduBuilder().U8(0).U8(127).U8(12).U8(0).Oid({1, 3, 6, 1, 2, 1, 2}).U32(9)
                    .Build(PduType::kRegister));                      // range_subid
  // A stream: two PDUs and the start of a third.
  const std::vector<std::string> le = EveryType(ByteOrder::kLittleEndian);
  const std::vector<std::string> be = EveryType(ByteOrder::kBigEndian);
  out.push_back(le.back() + be.back() + be[0].substr(0, 30));
  // A payload_length that lies short by 4 inside a stream.
  std::string short_by_4 = le.back();
  short_by_4[16] = static_cast<char>(short_by_4[16] - 4);
  out.push_back(short_by_4 + le[1]);
  return out;
}

int Run(const std::string& dir, const std::string& capture) {
  // The directory is made here, and every write checked: a candidate that
  // is not on disk would silently drop out of the -merge=1 that follows.
  std::error_code made;
  std::filesystem::create_directories(dir, made);
  if (made) {
    std::fprintf(stderr, "agentx_write_seeds: %s: %s\n", dir.c_str(), made.message().c_str());
    return 1;
  }
  int n = 0;
  bool failed = false;
  auto write = [&](const std::string& name, const std::string& bytes) {
    const std::string path = dir + "/" + name;
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    out.close();
    if (!out) {
      if (!failed) std::fprintf(stderr, "agentx_write_seeds: %s: cannot write\n", path.c_str());
      failed = true;
    }
    ++n;
  };
  for (const ByteOrder order : {ByteOrder::kLittleEndian, ByteOrder::kBigEndian}) {
    int i = 0;
    for (const std::string& pdu : EveryType(order)) {
      write((order == ByteOrder::kBigEndian ? "type-nbo-" : "type-le-") + std::to_string(i++), pdu);
    }
  }
  int i = 0;
  for (const std::string& bytes : Hostile()) write("hostile-" + std::to_string(i++), bytes);
  const auto pdus = ReadCapturePdus(capture);
  if (!pdus.ok()) {
    std::fprintf(stderr, "agentx_write_seeds: %s\n", std::string(pdus.status().message()).c_str());
    return 1;
  }
  for (size_t k = 0; k < pdus->size(); ++k) {
    write("capture-" + std::to_string(k), (*pdus)[k].bytes);
    if (k % 8 == 0) {
      std::string run;
      for (size_t j = k; j < k + 8 && j < pdus->size(); ++j) run += (*pdus)[j].bytes;
      write("capture-run-" + std::to_string(k), run);
    }
  }
  if (failed) return 1;
  std::printf("%d seed candidates in %s\n", n, dir.c_str());
  return 0;
}

}  // namespace
}  // namespace snmpdissect::agentx::testing

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: agentx_write_seeds DIR [CAPTURE]\n");
    return 1;
  }
  return snmpdissect::agentx::testing::Run(argv[1], argc == 3 ? argv[2]
                                                              : "corpus/pcap/agentx.pcap");
}
