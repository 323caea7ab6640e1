#include "fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/ber/reader.h"
#include "codec/snmp/decode.h"
#include "codec/snmp/model.h"
#include "codec/snmp/testing/tlv.h"
#include "codec/usm/protocols.h"
#include "codec/usm/testing/messages.h"
#include "dissector/mib/core_table.h"
#include "dissector/print/fields_printer.h"
#include "dissector/print/hex_dump.h"
#include "dissector/print/json_tree.h"
#include "dissector/print/summary_line.h"
#include "dissector/print/text_tree.h"
#include "dissector/tree/fields.h"

namespace snmpdissect::fuzz {
namespace {

using usm::AuthProtocol;
using usm::PrivProtocol;

struct Spec {
  const char* name;
  AuthProtocol auth;
  PrivProtocol priv;
};

// corpus/pcap/snmp_users.explicit, spelled out: a fuzz binary runs where
// the source tree may not be (ClusterFuzzLite, OSS-Fuzz), so it cannot read
// the file.
constexpr Spec kCorpusUsers[] = {
    {"noauth", AuthProtocol::kNone, PrivProtocol::kNone},
    {"md5-none", AuthProtocol::kMd5, PrivProtocol::kNone},
    {"md5-des", AuthProtocol::kMd5, PrivProtocol::kDes},
    {"md5-aes", AuthProtocol::kMd5, PrivProtocol::kAes128},
    {"md5-aes192", AuthProtocol::kMd5, PrivProtocol::kAes192Blumenthal},
    {"md5-aes256", AuthProtocol::kMd5, PrivProtocol::kAes256Blumenthal},
    {"sha-none", AuthProtocol::kSha1, PrivProtocol::kNone},
    {"sha-des", AuthProtocol::kSha1, PrivProtocol::kDes},
    {"sha-aes", AuthProtocol::kSha1, PrivProtocol::kAes128},
    {"sha-aes192", AuthProtocol::kSha1, PrivProtocol::kAes192Blumenthal},
    {"sha-aes256", AuthProtocol::kSha1, PrivProtocol::kAes256Blumenthal},
    {"sha224-none", AuthProtocol::kSha224, PrivProtocol::kNone},
    {"sha224-des", AuthProtocol::kSha224, PrivProtocol::kDes},
    {"sha224-aes", AuthProtocol::kSha224, PrivProtocol::kAes128},
    {"sha224-aes192", AuthProtocol::kSha224, PrivProtocol::kAes192Blumenthal},
    {"sha224-aes256", AuthProtocol::kSha224, PrivProtocol::kAes256Blumenthal},
    {"sha256-none", AuthProtocol::kSha256, PrivProtocol::kNone},
    {"sha256-des", AuthProtocol::kSha256, PrivProtocol::kDes},
    {"sha256-aes", AuthProtocol::kSha256, PrivProtocol::kAes128},
    {"sha256-aes192", AuthProtocol::kSha256, PrivProtocol::kAes192Blumenthal},
    {"sha256-aes256", AuthProtocol::kSha256, PrivProtocol::kAes256Blumenthal},
    {"sha384-none", AuthProtocol::kSha384, PrivProtocol::kNone},
    {"sha384-des", AuthProtocol::kSha384, PrivProtocol::kDes},
    {"sha384-aes", AuthProtocol::kSha384, PrivProtocol::kAes128},
    {"sha384-aes192", AuthProtocol::kSha384, PrivProtocol::kAes192Blumenthal},
    {"sha384-aes256", AuthProtocol::kSha384, PrivProtocol::kAes256Blumenthal},
    {"sha512-none", AuthProtocol::kSha512, PrivProtocol::kNone},
    {"sha512-des", AuthProtocol::kSha512, PrivProtocol::kDes},
    {"sha512-aes", AuthProtocol::kSha512, PrivProtocol::kAes128},
    {"sha512-aes192", AuthProtocol::kSha512, PrivProtocol::kAes192Blumenthal},
    {"sha512-aes256", AuthProtocol::kSha512, PrivProtocol::kAes256Blumenthal},
    {"md5-3des", AuthProtocol::kMd5, PrivProtocol::kTripleDes},
    {"sha-3des", AuthProtocol::kSha1, PrivProtocol::kTripleDes},
    {"sha256-3des", AuthProtocol::kSha256, PrivProtocol::kTripleDes},
    {"md5-aes192-reeder", AuthProtocol::kMd5, PrivProtocol::kAes192Reeder},
    {"sha-aes192-reeder", AuthProtocol::kSha1, PrivProtocol::kAes192Reeder},
    {"md5-aes256-reeder", AuthProtocol::kMd5, PrivProtocol::kAes256Reeder},
    {"sha-aes256-reeder", AuthProtocol::kSha1, PrivProtocol::kAes256Reeder},
    {"sha224-aes256-reeder", AuthProtocol::kSha224, PrivProtocol::kAes256Reeder},
};

// Users that leave the AES key extension open (Wireshark's "AES192"), so the
// processor's try-both path runs; listed after the corpus users of the same
// name, which win when their MAC verifies.
constexpr Spec kOpenExtensionUsers[] = {
    {"md5-aes192", AuthProtocol::kMd5, PrivProtocol::kAes192},
    {"sha224-aes256", AuthProtocol::kSha224, PrivProtocol::kAes256},
    {"fuzz-sha-aes256", AuthProtocol::kSha1, PrivProtocol::kAes256},
};

// The engines seen in the corpus (corpus/pcap/README.md): agent, snmptrapd,
// snmptrap -v3 sender, pysnmp.
const char* const kEngineIdsHex[] = {
    "80001f8804736e6d70646973736563742d6167656e74",
    "80001f88017f000001",
    "80001f880302005e005301",
    "80004fb805736e6d70646973736563742d7079736e6d70",
};

}  // namespace

std::vector<usm::UserConfig> FuzzUsers() {
  std::vector<usm::UserConfig> users;
  // Users bound to an engine come first (snmp_users entries with an engine
  // ID): one for the corpus agent, one for an engine no message has, so
  // both the engine match and the mismatch paths run.
  users.push_back(usm::testing::User("sha-aes", AuthProtocol::kSha1, PrivProtocol::kAes128,
                                     snmp::testing::Hex(kEngineIdsHex[0])));
  users.push_back(usm::testing::User("md5-des", AuthProtocol::kMd5, PrivProtocol::kDes,
                                     snmp::testing::Hex("80001f8804656c736577686572")));
  for (const Spec& s : kCorpusUsers) users.push_back(usm::testing::User(s.name, s.auth, s.priv));
  for (const Spec& s : kOpenExtensionUsers) {
    users.push_back(usm::testing::User(s.name, s.auth, s.priv));
  }
  return users;
}

usm::Processor& SharedProcessor() {
  static usm::Processor* processor = [] {
    auto* p = new usm::Processor(FuzzUsers());
    // Warm the key cache: for every user and corpus engine, one authPriv
    // message with a zero MAC of the right length and one block of
    // ciphertext. Verifying derives Ku and Kul; trying to decrypt derives
    // the privacy key (Reeder's extension stays deferred until a MAC
    // verifies, by design, so a seed that verifies pays it once).
    using namespace snmp::testing;  // NOLINT: the TLV spelling helpers
    snmp::Message message;
    usm::Result result;
    for (const char* engine_hex : kEngineIdsHex) {
      const std::string engine = Hex(engine_hex);
      for (const usm::UserConfig& user : p->users()) {
        if (user.auth == AuthProtocol::kNone) continue;
        const size_t mac = usm::GetAuthInfo(user.auth).mac_length;
        const std::string flags(1, user.priv == PrivProtocol::kNone ? '\x05' : '\x07');
        const std::string wire =
            V3(flags, UsmFields(engine, user.name, std::string(mac, '\0'), std::string(8, '\1')),
               Octets(std::string(16, '\2')));
        if (!snmp::DecodeMessage(AsBytes(wire), &message).ok()) continue;
        p->Process(AsBytes(wire), &message, &result);
      }
    }
    return p;
  }();
  return *processor;
}

struct Printers::Impl {
  static print::FieldsPrinter AllFields() {
    print::FieldsOptions options;
    for (const tree::FieldInfo& field : tree::AllFields()) {
      if (field.abbrev != nullptr && field.abbrev[0] != '\0') options.fields.push_back(field.abbrev);
    }
    options.header = true;
    options.quote = '"';
    auto printer = print::FieldsPrinter::Create(std::move(options));
    if (!printer.ok()) {
      // The field table and the fields printer disagree: a bug to see at
      // once, not a silently weaker target.
      std::fprintf(stderr, "fuzz_support: %s\n", std::string(printer.status().message()).c_str());
      std::abort();
    }
    return *std::move(printer);
  }

  print::TextTreePrinter text;
  print::SummaryLinePrinter summary;
  print::JsonTreePrinter json{print::JsonStyle::kArray};
  print::JsonTreePrinter ndjson{print::JsonStyle::kNdjson};
  print::FieldsPrinter fields = AllFields();
  std::string sink;
};

Printers::Printers() : impl_(std::make_unique<Impl>()) {
  impl_->fields.AppendHeader(&impl_->sink);  // once, as the tool does
}
Printers::~Printers() = default;

void Printers::Print(const tree::Tree& tree, absl::Span<const uint8_t> frame) {
  Run(Which::kAll, tree, frame);
}

void Printers::PrintSampled(const tree::Tree& tree, absl::Span<const uint8_t> frame) {
  const std::string_view bytes(reinterpret_cast<const char*>(frame.data()), frame.size());
  const uint32_t pick = static_cast<uint32_t>(std::hash<std::string_view>{}(bytes) % kSampleSpan);
  if (pick < static_cast<uint32_t>(Which::kAll)) Run(static_cast<Which>(pick), tree, frame);
}

void Printers::Run(Which which, const tree::Tree& tree, absl::Span<const uint8_t> frame) {
  const bool all = which == Which::kAll;
  std::string& sink = impl_->sink;
  if (all || which == Which::kText) {
    sink.clear();
    impl_->text.Print(tree, &sink);
  }
  if (all || which == Which::kSummary) {
    sink.clear();
    impl_->summary.Append(tree, &sink);
  }
  if (all || which == Which::kJson) {
    // JSON is the costliest printer (it escapes every string and writes
    // every field's "show" text): one style per input, picked by the
    // frame's length, covers both (their difference is framing).
    print::JsonTreePrinter& json = frame.size() % 2 ? impl_->ndjson : impl_->json;
    sink.clear();
    json.Begin(&sink);
    json.AppendFrame(tree, &sink);
    json.End(&sink);
  }
  if (all || which == Which::kFields) {
    sink.clear();
    impl_->fields.AppendFrame(tree, &sink);
  }
  if (all || which == Which::kHexDump) {
    sink.clear();
    print::AppendHexDump(tree, frame, &sink);
  }
}

Harness::Harness(Usm usm) {
  if (usm == Usm::kShared) snmp.set_usm(&SharedProcessor());
  // Names and MIB-typed values, as the tool shows them by default.
  snmp.set_mib(&mib::CoreTable());
}

proto::SnmpDissection Harness::DissectMessage(absl::Span<const uint8_t> message) {
  tree.Clear();
  return snmp.Dissect(message, {}, &tree, tree::Tree::kRoot);
}

uint8_t LinkTypeSelector(int link_type) {
  for (size_t i = 0; i < kLinkTypeCount; ++i) {
    if (kLinkTypes[i] == link_type) return static_cast<uint8_t>(i);
  }
  return 0;
}

}  // namespace snmpdissect::fuzz
