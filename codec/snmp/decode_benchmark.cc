// Decode and encode speed for typical messages: a v2c response of a walk
// (10 varbinds of mixed types) and an SNMPv3 authPriv message (header, USM
// parameters, encrypted PDU) plus a v3 plaintext response.
//
//   build/bin/codec_snmp_benchmark

#include <string>

#include "benchmark/benchmark.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/encode.h"
#include "codec/snmp/testing/tlv.h"

namespace snmpdissect::snmp {
namespace {

using namespace testing;  // NOLINT: the TLV spelling helpers

std::string V2cResponse() {
  std::string varbinds;
  for (int i = 0; i < 2; ++i) {
    varbinds += Vb(SysDescr0(), Octets("Linux snmp-agent 6.1.0-13-amd64 #1 SMP x86_64")) +
                Vb(SysUpTime0(), Int(8231674, 0x43)) +
                Vb(OidHex("2b060102010202010a02"), Int(2923481213LL, 0x41)) +
                Vb(OidHex("2b06010201020201050a"), Int(1000000000, 0x42)) +
                Vb(OidHex("2b060102011f01010106"), Tlv(0x46, Hex("00f1e2d3c4b5a69788")));
  }
  return Community(1, PduTlv(0xa2, varbinds));
}

std::string V3AuthPriv() {
  return V3("\x07",
            UsmFields(NetSnmpEngineId(), "sha256-aes", std::string(24, '\x11'), "\x01\x02\x03\x04\x05\x06\x07\x08"),
            Octets(std::string(112, '\x5a')));
}

std::string V3Plain() {
  return V3("\x05", UsmFields(NetSnmpEngineId(), "sha-none", std::string(12, 'a')),
            Seq(Octets(NetSnmpEngineId()) + Octets("") +
                PduTlv(0xa2, Vb(SysDescr0(), Octets("Linux")) + Vb(SysUpTime0(), Int(5, 0x43)))));
}

void Decode(benchmark::State& state, const std::string& wire) {
  Message message;
  for (auto _ : state) {
    ber::Error e = DecodeMessage(AsBytes(wire), &message);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(message);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(wire.size()));
  state.SetItemsProcessed(state.iterations());
}

void BM_DecodeV2cResponse(benchmark::State& state) { Decode(state, V2cResponse()); }
void BM_DecodeV3AuthPriv(benchmark::State& state) { Decode(state, V3AuthPriv()); }
void BM_DecodeV3Plaintext(benchmark::State& state) { Decode(state, V3Plain()); }

void BM_EncodeV2cResponse(benchmark::State& state) {
  const std::string wire = V2cResponse();
  Message message;
  if (!DecodeMessage(AsBytes(wire), &message).ok()) state.SkipWithError("decode failed");
  std::string out;
  for (auto _ : state) {
    out.clear();
    EncodeMessage(message, &out);
    benchmark::DoNotOptimize(out);
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(wire.size()));
}

BENCHMARK(BM_DecodeV2cResponse);
BENCHMARK(BM_DecodeV3AuthPriv);
BENCHMARK(BM_DecodeV3Plaintext);
BENCHMARK(BM_EncodeV2cResponse);

}  // namespace
}  // namespace snmpdissect::snmp

BENCHMARK_MAIN();
