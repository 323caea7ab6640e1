// libFuzzer target: USM on one SNMPv3 message. A fixed set of users covers
// every authentication and privacy protocol (both AES key extensions,
// 3DES, DES) with the corpus's passwords (corpus/pcap/README.md), so seeds
// from the real captures reach verification, decryption and the decrypted
// ScopedPDU's decoder. The users' keys are derived once, at start-up, for
// the corpus agent's engine ID; the message's tree is built and printed
// too, as the tool does.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codec/snmp/decode.h"
#include "codec/usm/processor.h"
#include "codec/usm/testing/messages.h"
#include "dissector/print/text_tree.h"
#include "dissector/proto/snmp.h"

namespace {

using snmpdissect::usm::AuthProtocol;
using snmpdissect::usm::PrivProtocol;

std::vector<snmpdissect::usm::UserConfig> Users() {
  struct Spec {
    const char* name;
    AuthProtocol auth;
    PrivProtocol priv;
  };
  const Spec specs[] = {
      {"noauth", AuthProtocol::kNone, PrivProtocol::kNone},
      {"md5-none", AuthProtocol::kMd5, PrivProtocol::kNone},
      {"md5-des", AuthProtocol::kMd5, PrivProtocol::kDes},
      {"sha-aes", AuthProtocol::kSha1, PrivProtocol::kAes128},
      {"md5-aes192", AuthProtocol::kMd5, PrivProtocol::kAes192},  // both extensions tried
      {"sha-aes256", AuthProtocol::kSha1, PrivProtocol::kAes256Blumenthal},
      {"sha224-aes256", AuthProtocol::kSha224, PrivProtocol::kAes256},
      {"sha256-aes192", AuthProtocol::kSha256, PrivProtocol::kAes192Blumenthal},
      {"sha384-des", AuthProtocol::kSha384, PrivProtocol::kDes},
      {"sha512-aes256", AuthProtocol::kSha512, PrivProtocol::kAes256},
      {"md5-3des", AuthProtocol::kMd5, PrivProtocol::kTripleDes},
      {"sha256-3des", AuthProtocol::kSha256, PrivProtocol::kTripleDes},
      {"md5-aes192-reeder", AuthProtocol::kMd5, PrivProtocol::kAes192Reeder},
      {"sha-aes256-reeder", AuthProtocol::kSha1, PrivProtocol::kAes256Reeder},
  };
  std::vector<snmpdissect::usm::UserConfig> users;
  for (const Spec& s : specs) users.push_back(snmpdissect::usm::testing::User(s.name, s.auth, s.priv));
  return users;
}

struct Harness {
  Harness() : processor(Users()) {
    dissector.set_usm(&processor);
    // Derive every user's keys now, for the corpus agent's engine: one
    // message each through the processor.
    for (const snmpdissect::usm::UserConfig& user : processor.users()) {
      if (user.auth == AuthProtocol::kNone) continue;
      snmpdissect::usm::testing::BuildOptions o;
      o.priv = user.priv != PrivProtocol::kNone;
      const snmpdissect::usm::PrivInfo& info = snmpdissect::usm::GetPrivInfo(user.priv);
      o.sender_priv = info.reeder_variant;  // the costlier of the two
      const std::string bytes = snmpdissect::usm::testing::Build(user, o);
      Run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    }
  }

  void Run(const uint8_t* data, size_t size) {
    tree.Clear();
    dissector.Dissect({data, size}, {}, &tree, snmpdissect::tree::Tree::kRoot);
    text.clear();
    printer.Print(tree, &text);
  }

  snmpdissect::usm::Processor processor;
  snmpdissect::proto::SnmpDissector dissector;
  snmpdissect::tree::Tree tree;
  snmpdissect::print::TextTreePrinter printer;
  std::string text;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Harness* harness = new Harness();
  harness->Run(data, size);
  return 0;
}
