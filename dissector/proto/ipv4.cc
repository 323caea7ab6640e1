#include "dissector/proto/ipv4.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/ipv4_fields.h"
#include "dissector/proto/malformed_fields.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::proto {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;

constexpr size_t kMinHeader = 20;

// RFC 791 option types (copy, class and number together).
constexpr uint8_t kOptEol = 0;
constexpr uint8_t kOptNop = 1;
constexpr uint8_t kOptRecordRoute = 7;
constexpr uint8_t kOptTimestamp = 68;
constexpr uint8_t kOptLooseRoute = 131;
constexpr uint8_t kOptStreamId = 136;
constexpr uint8_t kOptStrictRoute = 137;
constexpr uint8_t kOptRouterAlert = 148;  // RFC 2113

uint32_t Ipv4At(const LayerInput& in, size_t at) { return in.U32(at); }

FieldId OptionField(uint8_t type) {
  switch (type) {
    case kOptEol: return Ip::hf[Ip::kOptionsEol];
    case kOptNop: return Ip::hf[Ip::kOptionsNop];
    case kOptRecordRoute: return Ip::hf[Ip::kOptionsRecordRoute];
    case kOptLooseRoute: return Ip::hf[Ip::kOptionsRoute];
    case kOptStrictRoute: return Ip::hf[Ip::kOptionsSourceRoute];
    case kOptTimestamp: return Ip::hf[Ip::kOptionsTimestamp];
    case kOptRouterAlert: return Ip::hf[Ip::kOptionsRouterAlert];
    case kOptStreamId: return Ip::hf[Ip::kOptionsSid];
    default: return Ip::hf[Ip::kOptionsUnknown];
  }
}

// ip.opt.type and its three parts (RFC 791 section 3.1: copied flag, option
// class, option number).
void AddOptionType(const LayerInput& in, size_t at, tree::Tree* tree, NodeId option) {
  const uint8_t type = in.U8(at);
  const NodeId node = tree->AddUint(option, Ip::hf[Ip::kOptType], in.At(at, 1), type);
  tree->AddBool(node, Ip::hf[Ip::kOptTypeCopy], in.At(at, 1), (type & 0x80) != 0);
  tree->AddUint(node, Ip::hf[Ip::kOptTypeClass], in.At(at, 1), (type >> 5) & 0x03);
  tree->AddUint(node, Ip::hf[Ip::kOptTypeNumber], in.At(at, 1), type & 0x1f);
}

// The content of one option of `length` octets at `at` (type and length
// octets included), known to lie within the header.
void AddOptionContent(const LayerInput& in, size_t at, size_t length, tree::Tree* tree,
                      NodeId option) {
  const uint8_t type = in.U8(at);
  const size_t end = at + length;
  switch (type) {
    case kOptRecordRoute:
    case kOptLooseRoute:
    case kOptStrictRoute: {
      // Pointer, then route data: 4-octet addresses (RFC 791 section 3.1).
      // The pointer (counted from the option's first octet, 1-based) marks
      // the next slot: addresses before it were recorded on the way; from
      // it on, record route slots are still empty and source routes list
      // the hops to come (Wireshark shows the same split).
      if (length < 3) break;
      const size_t pointer = in.U8(at + 2);
      tree->AddUint(option, Ip::hf[Ip::kOptPtr], in.At(at + 2, 1), pointer);
      for (size_t a = at + 3; a + 4 <= end; a += 4) {
        const bool passed = a - at + 1 < pointer;
        const FieldId field = passed                     ? Ip::hf[Ip::kRecRt]
                              : type == kOptRecordRoute ? Ip::hf[Ip::kEmptyRt]
                                                        : Ip::hf[Ip::kSrcRt];
        tree->AddIpv4(option, field, in.At(a, 4), Ipv4At(in, a));
      }
      return;
    }
    case kOptTimestamp: {
      // Pointer, overflow and flag, then timestamps with or without
      // addresses by the flag (RFC 791 "Internet Timestamp").
      if (length < 4) break;
      tree->AddUint(option, Ip::hf[Ip::kOptPtr], in.At(at + 2, 1), in.U8(at + 2));
      const uint8_t of = in.U8(at + 3);
      tree->AddUint(option, Ip::hf[Ip::kOptOverflow], in.At(at + 3, 1), of >> 4);
      tree->AddUint(option, Ip::hf[Ip::kOptFlag], in.At(at + 3, 1), of & 0x0f);
      const bool with_address = (of & 0x0f) != 0;
      for (size_t a = at + 4; a + (with_address ? 8 : 4) <= end;
           a += with_address ? 8 : 4) {
        size_t ts = a;
        if (with_address) {
          tree->AddIpv4(option, Ip::hf[Ip::kOptTimeStampAddr], in.At(a, 4), Ipv4At(in, a));
          ts = a + 4;
        }
        tree->AddUint(option, Ip::hf[Ip::kOptTimeStamp], in.At(ts, 4), in.U32(ts));
      }
      return;
    }
    case kOptRouterAlert:
      if (length != 4) break;
      tree->AddUint(option, Ip::hf[Ip::kOptRa], in.At(at + 2, 2), in.U16(at + 2));
      return;
    case kOptStreamId:
      if (length != 4) break;
      tree->AddUint(option, Ip::hf[Ip::kOptSid], in.At(at + 2, 2), in.U16(at + 2));
      return;
    default:
      break;
  }
  if (length > 2) {
    tree->AddBytes(option, Ip::hf[Ip::kOptData], in.At(at + 2, length - 2),
                   in.Slice(at + 2, length - 2));
  }
}

// Options from octet 20 to `header_length`; at most 40 octets, so the loop
// is bounded by the header itself.
void AddOptions(const LayerInput& in, size_t header_length, tree::Tree* tree, NodeId ip) {
  const NodeId options = tree->AddNone(ip, Ip::hf[Ip::kOptions],
                                       in.At(kMinHeader, header_length - kMinHeader));
  size_t at = kMinHeader;
  while (at < header_length) {
    const uint8_t type = in.U8(at);
    if (type == kOptEol || type == kOptNop) {
      const NodeId option = tree->AddProtocol(options, OptionField(type), in.At(at, 1));
      AddOptionType(in, at, tree, option);
      ++at;
      if (type == kOptEol) return;  // the rest is padding
      continue;
    }
    const NodeId option = tree->AddProtocol(
        options, OptionField(type), in.At(at, std::min<size_t>(2, header_length - at)));
    AddOptionType(in, at, tree, option);
    if (at + 1 >= header_length) {
      tree->AddDiagnostic(option, Ip::ei[Ip::kOptLenInvalid], Severity::kError,
                          "option length octet missing: the header ends");
      return;
    }
    const size_t length = in.U8(at + 1);
    const NodeId len = tree->AddUint(option, Ip::hf[Ip::kOptLen], in.At(at + 1, 1), length);
    if (length < 2 || at + length > header_length) {
      tree->AddDiagnostic(len, Ip::ei[Ip::kOptLenInvalid], Severity::kError,
                          [&](std::string* out) {
                            absl::StrAppendFormat(out,
                                                  "option length %d: below 2 or past the "
                                                  "header's %d octets",
                                                  length, header_length);
                          });
      return;  // cannot find the next option
    }
    tree->SetRange(option, in.At(at, length));
    AddOptionContent(in, at, length, tree, option);
    at += length;
  }
}

}  // namespace

IpHandoff DissectIpv4(const LayerInput& in, tree::Tree* tree) {
  IpHandoff out;
  const size_t first = in.U8(0);
  const size_t header_length = (first & 0x0f) * 4;
  out.node = tree->AddProtocol(
      tree::Tree::kRoot, Ip::hf[Ip::kIp],
      in.At(0, std::min(in.size(), std::max(header_length, kMinHeader))));
  // The address columns (tree.h Columns) are this header's, even when it
  // is cut short: packet-ip.c sets COL_DEF_SRC/DST over the link layer's.
  tree::Columns& columns = tree->mutable_columns();
  if (out.node != tree::kNoNode) {
    columns.source.clear();
    columns.destination.clear();
  }
  if (in.size() < 1) {
    AddTruncated(tree, out.node, "Malformed Packet: IPv4", in, kMinHeader);
    return out;
  }
  out.version = static_cast<int>(first >> 4);
  const NodeId version =
      tree->AddUint(out.node, Ip::hf[Ip::kVersion], in.At(0, 1), first >> 4);
  if (out.version != 4) {
    tree->AddDiagnostic(version, Ip::ei[Ip::kBogusIpVersion], Severity::kError,
                        [&](std::string* o) {
                          absl::StrAppendFormat(o, "Bogus IP version (%d, must be 4)",
                                                first >> 4);
                        });
    return out;
  }
  const NodeId hdr_len =
      tree->AddUint(out.node, Ip::hf[Ip::kHdrLen], in.At(0, 1), header_length);
  if (header_length < kMinHeader) {
    tree->AddDiagnostic(hdr_len, Ip::ei[Ip::kBogusHeaderLength], Severity::kError,
                        [&](std::string* o) {
                          absl::StrAppendFormat(
                              o, "Bogus IP header length (%d, must be at least 20)",
                              header_length);
                        });
    return out;
  }
  if (in.size() < header_length) {
    AddTruncated(tree, out.node, "Malformed Packet: IPv4", in, header_length);
    return out;
  }
  const uint8_t ds = in.U8(1);
  const NodeId dsfield = tree->AddUint(out.node, Ip::hf[Ip::kDsfield], in.At(1, 1), ds);
  tree->AddUint(dsfield, Ip::hf[Ip::kDsfieldDscp], in.At(1, 1), ds >> 2);
  tree->AddUint(dsfield, Ip::hf[Ip::kDsfieldEcn], in.At(1, 1), ds & 0x03);
  size_t total = in.U16(2);
  const NodeId len = tree->AddUint(out.node, Ip::hf[Ip::kLen], in.At(2, 2), total);
  if (total == 0) {
    // TCP segmentation offload: the stack captured the packet before the
    // NIC filled in the length. Take the captured length, as Wireshark
    // does.
    tree->AddDiagnostic(len, Ip::ei[Ip::kBogusIpLength], Severity::kNote,
                        "Total length 0, assumed to be the captured length (TSO?)");
    total = in.size();
  } else if (total < header_length) {
    tree->AddDiagnostic(len, Ip::ei[Ip::kBogusIpLength], Severity::kError,
                        [&](std::string* o) {
                          absl::StrAppendFormat(
                              o, "Bogus IP length (%d, less than header length %d)", total,
                              header_length);
                        });
    return out;
  }
  tree->AddUint(out.node, Ip::hf[Ip::kId], in.At(4, 2), in.U16(4));
  const uint16_t flags_offset = in.U16(6);
  const NodeId flags =
      tree->AddUint(out.node, Ip::hf[Ip::kFlags], in.At(6, 1), flags_offset >> 13);
  tree->AddBool(flags, Ip::hf[Ip::kFlagsRb], in.At(6, 1), (flags_offset & 0x8000) != 0);
  tree->AddBool(flags, Ip::hf[Ip::kFlagsDf], in.At(6, 1), (flags_offset & 0x4000) != 0);
  tree->AddBool(flags, Ip::hf[Ip::kFlagsMf], in.At(6, 1), (flags_offset & 0x2000) != 0);
  tree->AddUint(out.node, Ip::hf[Ip::kFragOffset], in.At(6, 2), flags_offset & 0x1fff);
  tree->AddUint(out.node, Ip::hf[Ip::kTtl], in.At(8, 1), in.U8(8));
  tree->AddUint(out.node, Ip::hf[Ip::kProto], in.At(9, 1), in.U8(9));
  // Not verified, like Wireshark by default: offloading makes bad checksums
  // common in captures taken on the sending host.
  tree->AddUint(out.node, Ip::hf[Ip::kChecksum], in.At(10, 2), in.U16(10));
  const bool columns_wanted = tree->columns_wanted();
  if (tree->AddIpv4(out.node, Ip::hf[Ip::kSrc], in.At(12, 4), in.U32(12)) != tree::kNoNode &&
      columns_wanted) {
    value::AppendIpv4(in.U32(12), &columns.source);
  }
  if (tree->AddIpv4(out.node, Ip::hf[Ip::kDst], in.At(16, 4), in.U32(16)) != tree::kNoNode &&
      columns_wanted) {
    value::AppendIpv4(in.U32(16), &columns.destination);
  }
  tree->SetHidden(tree->AddIpv4(out.node, Ip::hf[Ip::kAddr], in.At(12, 4), in.U32(12)));
  tree->SetHidden(tree->AddIpv4(out.node, Ip::hf[Ip::kAddr], in.At(16, 4), in.U32(16)));
  if (header_length > kMinHeader) AddOptions(in, header_length, tree, out.node);

  for (int i = 0; i < 4; ++i) {
    out.src[i] = in.U8(12 + i);
    out.dst[i] = in.U8(16 + i);
  }
  out.next = in.U8(9);
  out.fragment_id = in.U16(4);
  out.more_fragments = (flags_offset & 0x2000) != 0;
  out.fragment_offset = (flags_offset & 0x1fffu) * 8;
  out.fragment = out.more_fragments || out.fragment_offset != 0;
  out.claimed_payload_length = total - header_length;
  out.datagram_end = std::min(total, in.size());
  out.payload_offset = header_length;
  out.payload_length = out.datagram_end - header_length;
  out.ok = true;
  if (total > in.size()) {
    tree->AddDiagnostic(len, Malformed::ei[Malformed::kExpert], Severity::kError, [&](std::string* o) {
      absl::StrAppendFormat(o, "Total length %d exceeds the %d octets captured", total,
                            in.size());
    });
  }
  return out;
}


// --- Entry point and hand-off (protocol.h).

namespace {

void Ipv4Entry(const LayerInput& in, FrameState& state) { IpLayer(false, in, state); }

// LINKTYPE_IPV4 (228): the frame is the datagram.
constexpr TableKey kIpv4Keys[] = {{Table::kEthertype, kEthertypeIpv4}, {Table::kLinkType, 228}};
constexpr DissectorHandle kIpv4Handle = {.name = "ip", .dissect = &Ipv4Entry, .keys = kIpv4Keys};
constexpr const DissectorHandle* kHandles[] = {&kIpv4Handle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Ip::kRows};

}  // namespace

const Protocol kIpv4Protocol = {.rows = kRowSets, .handles = kHandles};

// packet-ip.c: "Internet Protocol Version 4, Src: 127.0.0.1, Dst: 127.0.0.1".
bool Ip::AppendSummary(const tree::Tree& tree, uint32_t ip, std::string* out) {
  out->append(tree.field(ip).name);
  info::AppendChildValue(tree, ip, hf[kSrc], ", Src: ", out);
  info::AppendChildValue(tree, ip, hf[kDst], ", Dst: ", out);
  return true;
}

}  // namespace snmpdissect::proto
