// Internal to the SNMP layer: the pieces snmp.cc, snmp_pdu.cc,
// snmp_engine_id.cc and snmp_experts.cc share.

#ifndef SNMPDISSECT_DISSECTOR_PROTO_SNMP_INTERNAL_H_
#define SNMPDISSECT_DISSECTOR_PROTO_SNMP_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>

#include "codec/snmp/diagnostic.h"
#include "codec/snmp/model.h"
#include "codec/usm/processor.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::proto::internal {

// Frame ranges out of codec locations (relative to the SNMP payload).
class Ranges {
 public:
  explicit Ranges(size_t frame_offset, tree::SourceId source = tree::kFrameSource)
      : base_(frame_offset), source_(source) {}

  // The whole TLV.
  tree::Range Of(const snmp::Location& location) const {
    return At(location.offset, location.total_length());
  }
  // `length` octets at payload offset `offset`.
  tree::Range At(size_t offset, size_t length) const {
    return {Clamp(base_ + offset), Clamp(length), source_};
  }
  size_t base() const { return base_; }
  tree::SourceId source() const { return source_; }

 private:
  // Frames are far below 4 GiB; clamping only keeps hostile sums in range.
  static uint32_t Clamp(size_t v) {
    return static_cast<uint32_t>(std::min<size_t>(v, std::numeric_limits<uint32_t>::max()));
  }

  size_t base_;
  tree::SourceId source_;
};

// A decoded element has at least an identifier and a length octet; the
// codec leaves a Location zeroed when the decode stopped before reaching it.
inline bool Reached(const snmp::Location& location) {
  return location.header_length != 0;
}

// An IPv4 address from its 4 octets in network order (RFC 2578 section
// 7.1.5 IpAddress, RFC 3411 engine ID format 1).
inline uint32_t Ipv4Address(snmp::Bytes four) {
  return uint32_t{four[0]} << 24 | uint32_t{four[1]} << 16 | uint32_t{four[2]} << 8 |
         four[3];
}

// The PDU (data: ... and everything under it) under `parent`.
void AddPdu(const snmp::Pdu& pdu, const Ranges& ranges, tree::Tree* tree,
            tree::NodeId parent);

// The SnmpEngineID structure (RFC 3411 section 5) under `engine_node`, for an
// engine ID whose content octets start at payload offset `content_offset`.
// `check_length` adds a diagnostic for 1 to 4 octets (the USM decoder
// already does for msgAuthoritativeEngineID).
void AddEngineIdFields(snmp::Bytes id, size_t content_offset, bool check_length,
                       const Ranges& ranges, tree::Tree* tree, tree::NodeId engine_node);

// USM outcomes (snmp_usm.cc). AddAuthOutcome hangs the verdict on the
// msgAuthenticationParameters node `params`. AddDecryption adds the
// decrypted ScopedPDU under the encryptedPDU node and returns its node, the
// data source for the ScopedPDU's fields, or kNoNode when there is nothing
// to dissect from it.
void AddAuthOutcome(const usm::Result& result, const snmp::Message& message,
                    tree::Tree* tree, tree::NodeId params);
tree::NodeId AddDecryption(const usm::Result& result, const snmp::Message& message,
                           tree::Tree* tree, tree::NodeId encrypted);

// The expert for a codec diagnostic (its severity: codec_severity.h).
tree::ExpertId ExpertFor(snmp::DiagnosticCode code);

// What packet-snmp.c does to the Info column for the message whose node is
// `snmp` (snmp_info.cc); `malformed` is the tree's first malformed marker.
// `info_start` is where the column begins in *out.
void ApplySnmpInfo(const tree::Tree& tree, tree::NodeId snmp, tree::NodeId malformed,
                   size_t info_start, std::string* out);

}  // namespace snmpdissect::proto::internal

#endif  // SNMPDISSECT_DISSECTOR_PROTO_SNMP_INTERNAL_H_
