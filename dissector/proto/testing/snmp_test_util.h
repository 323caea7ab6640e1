// Test support for the SNMP layer: dissect a message spelled with the
// codec's TLV helpers (codec/snmp/testing/tlv.h) and get the tree and its
// -V text, with the tree's invariants checked on the way. Test-only
// (dissector_proto_testing).
//
//   Dissected d;
//   Dissect(Community(1, PduTlv(0xa0, Vb(SysDescr0(), Tlv(0x05, "")))), &d);
//   EXPECT_NE(d.text.find("get-request"), std::string::npos);

#ifndef SNMPDISSECT_DISSECTOR_PROTO_TESTING_SNMP_TEST_UTIL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_TESTING_SNMP_TEST_UTIL_H_

#include <cstddef>
#include <string>

#include "codec/usm/processor.h"
#include "dissector/proto/snmp.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto::testing {

// tree_checks.h's invariants for a tree whose frame is `frame_length`
// octets, plus one that holds for the SNMP layer alone: a node in another
// data source than its parent (dissected from decrypted bytes) lies under
// the node that holds that source.
void ExpectWellFormedSnmpTree(const tree::Tree& tree, size_t frame_length);

struct Dissected {
  tree::Tree tree;
  SnmpDissection result;
  std::string text;
};

// Dissects `message`, lying at `frame_offset` in the frame, with USM
// processing when `usm` is given; checks the tree (ExpectWellFormedSnmpTree).
// With `mib`, OIDs are named and values read by that table (snmp_mib.h).
void Dissect(const std::string& message, Dissected* out, size_t frame_offset = 0,
             usm::Processor* usm = nullptr, const mib::Table* mib = nullptr);

// The -V text of `message`.
std::string DissectedText(const std::string& message);

}  // namespace snmpdissect::proto::testing

#endif  // SNMPDISSECT_DISSECTOR_PROTO_TESTING_SNMP_TEST_UTIL_H_
