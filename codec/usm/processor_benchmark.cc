// USM at capture scale: 100,000 authPriv messages from the real corpus
// (every auth x priv pair net-snmp and pysnmp sent, cycled), each verified,
// decrypted and its ScopedPDU decoded, as the dissector does per packet.
// The counters show that key derivation happens once per (user, engine),
// not per message: passwords_to_keys and localizations stay at the number
// of users and engines while messages grow.
//
//   build/bin/codec_usm_benchmark
//
// A benchmark, not a test: it asserts nothing and is not run by ctest.

#include <cstdio>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/testing/capture_messages.h"
#include "codec/usm/processor.h"
#include "codec/usm/users.h"

namespace snmpdissect::usm {
namespace {

constexpr size_t kMessages = 100'000;

// The corpus's authPriv messages (flags auth+priv, decodable), cycled to
// kMessages.
const std::vector<std::string>& AuthPrivMessages() {
  static const std::vector<std::string> messages = [] {
    std::vector<std::string> found;
    snmp::Message m;
    for (const std::string& path : snmp::testing::CorpusCaptures()) {
      auto captured = snmp::testing::ReadCaptureMessages(path);
      if (!captured.ok()) continue;
      for (const auto& c : *captured) {
        const snmp::Bytes bytes(reinterpret_cast<const uint8_t*>(c.bytes.data()),
                                c.bytes.size());
        if (snmp::DecodeMessage(bytes, &m).ok() && m.encrypted &&
            (m.header.flag_bits() & snmp::kFlagAuth)) {
          found.push_back(c.bytes);
        }
      }
    }
    std::vector<std::string> cycled;
    for (size_t i = 0; !found.empty() && i < kMessages; ++i) {
      cycled.push_back(found[i % found.size()]);
    }
    return cycled;
  }();
  return messages;
}

void BM_VerifyDecryptDecode(benchmark::State& state) {
  const std::vector<std::string>& messages = AuthPrivMessages();
  auto users = LoadUsersFile(snmp::testing::SourceDir() + "/corpus/pcap/snmp_users.explicit");
  if (messages.empty() || !users.ok()) {
    state.SkipWithError("corpus/pcap or its users file is missing (tools/gen-corpus.sh)");
    return;
  }
  // One processor for the whole run, as for one capture: the first pass
  // pays the key derivations, every later message finds its keys cached.
  Processor processor(*std::move(users));
  snmp::Message message;
  Result result;
  size_t decrypted = 0;
  for (auto _ : state) {
    for (const std::string& bytes : messages) {
      const snmp::Bytes view(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      if (!snmp::DecodeMessage(view, &message).ok()) continue;
      processor.Process(view, &message, &result);
      decrypted += result.priv == PrivOutcome::kDecrypted;
    }
  }
  const Stats& stats = processor.stats();
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * messages.size()));
  state.counters["messages"] = static_cast<double>(messages.size());
  state.counters["decrypted_per_pass"] =
      static_cast<double>(decrypted) / static_cast<double>(state.iterations());
  state.counters["passwords_to_keys"] = static_cast<double>(stats.passwords_to_keys);
  state.counters["localizations"] = static_cast<double>(stats.localizations);
  state.counters["verifications"] = static_cast<double>(stats.verifications);
}
BENCHMARK(BM_VerifyDecryptDecode)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace snmpdissect::usm

BENCHMARK_MAIN();
