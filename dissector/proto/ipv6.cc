#include "dissector/proto/ipv6.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/frame_state.h"
#include "dissector/proto/info_text.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/value/value_format.h"

namespace snmpdissect::proto {
namespace {

using tree::ExpertId;
using tree::FieldId;
using tree::NodeId;
using tree::Severity;

constexpr size_t kHeaderLength = 40;

// Next Header values of the extension headers walked (IANA).
constexpr uint8_t kHopByHop = 0;
constexpr uint8_t kRouting = 43;
constexpr uint8_t kFragment = 44;
constexpr uint8_t kDestinationOptions = 60;

// Option types (RFC 8200 section 4.2, RFC 2711, RFC 2675).
constexpr uint8_t kPad1 = 0x00;
constexpr uint8_t kPadN = 0x01;
constexpr uint8_t kRouterAlert = 0x05;
constexpr uint8_t kJumbo = 0xc2;

// The options of a Hop-by-Hop or Destination Options header, octets
// [at, end) of `in`. Bounded by the header's length (at most 2048 octets).
void AddOptions(const LayerInput& in, size_t at, size_t end, tree::Tree* tree,
                NodeId header, uint32_t* jumbo) {
  while (at < end) {
    const uint8_t type = in.U8(at);
    const char* name = tree::ValueNameOf(tree::GetField(Ipv6::hf[Ipv6::kOptType]), type);
    if (type == kPad1) {
      const NodeId opt = tree->AddNone(header, Ipv6::hf[Ipv6::kOpt], in.At(at, 1));
      tree->SetLabel(opt, name);
      tree->AddUint(opt, Ipv6::hf[Ipv6::kOptType], in.At(at, 1), type);
      tree->AddNone(opt, Ipv6::hf[Ipv6::kOptPad1], in.At(at, 1));
      ++at;
      continue;
    }
    const NodeId opt =
        tree->AddNone(header, Ipv6::hf[Ipv6::kOpt], in.At(at, std::min<size_t>(2, end - at)));
    tree->SetLabel(opt, name != nullptr ? name : "Unknown IPv6 Option");
    tree->AddUint(opt, Ipv6::hf[Ipv6::kOptType], in.At(at, 1), type);
    if (at + 2 > end) {
      tree->AddDiagnostic(opt, Ipv6::ei[Ipv6::kOptInvalidLen], Severity::kError,
                          "option length octet missing: the header ends");
      return;
    }
    const size_t length = in.U8(at + 1);
    const NodeId len = tree->AddUint(opt, Ipv6::hf[Ipv6::kOptLength], in.At(at + 1, 1), length);
    if (at + 2 + length > end) {
      tree->AddDiagnostic(len, Ipv6::ei[Ipv6::kOptInvalidLen], Severity::kError,
                          [&](std::string* o) {
                            absl::StrAppendFormat(o,
                                                  "option data of %d octets runs past the "
                                                  "header's end",
                                                  length);
                          });
      return;
    }
    tree->SetRange(opt, in.At(at, 2 + length));
    const size_t data = at + 2;
    if (type == kPadN) {
      tree->AddBytes(opt, Ipv6::hf[Ipv6::kOptPadn], in.At(data, length), in.Slice(data, length));
    } else if (type == kRouterAlert && length == 2) {
      tree->AddUint(opt, Ipv6::hf[Ipv6::kOptRouterAlert], in.At(data, 2), in.U16(data));
    } else if (type == kJumbo && length == 4) {
      *jumbo = in.U32(data);
      tree->AddUint(opt, Ipv6::hf[Ipv6::kOptJumbo], in.At(data, 4), *jumbo);
    } else if (type == kRouterAlert || type == kJumbo) {
      tree->AddDiagnostic(len, Ipv6::ei[Ipv6::kOptInvalidLen], Severity::kError,
                          "Invalid IPv6 option length");
      tree->AddBytes(opt, Ipv6::hf[Ipv6::kOptUnknown], in.At(data, length),
                     in.Slice(data, length));
    } else if (length > 0) {
      tree->AddBytes(opt, Ipv6::hf[Ipv6::kOptUnknown], in.At(data, length),
                     in.Slice(data, length));
    }
    at = data + length;
  }
}

struct ExtensionFields {
  FieldId protocol, nxt, len, len_oct;
};

// Walking the headers of one packet: where the next header starts, where
// the datagram ends, and what was found so far.
struct Walk {
  const LayerInput& in;
  tree::Tree* tree;
  IpHandoff* out;
  NodeId plen = tree::kNoNode;  // the Payload Length node (for diagnostics)
  uint8_t next = 0;             // the Next Header value to look at
  size_t at = kHeaderLength;    // where that header starts
  size_t claimed = 0;           // payload length claimed (or assumed)
  size_t end = 0;               // min(captured, header + claimed)
  bool maybe_jumbo = false;     // payload length 0 with Hop-by-Hop (RFC 2675)

  LayerInput Rest() const { return in.Prefix(end); }
  void List(FieldId protocol) {
    if (out->extension_count < IpHandoff::kMaxListed) {
      out->extensions[out->extension_count++] = protocol;
    }
  }
  // The header at `at` is cut short: mark it, cover what was read.
  void Truncated(NodeId header, const char* label, size_t need) {
    AddTruncated(tree, header, label, Rest().Skip(at), need);
    tree->SetRange(out->node, in.At(0, end));
  }
};

enum class Step { kNext, kHandOff, kTruncated };

// The fixed header (RFC 8200 section 3); false when the version is wrong or
// the header was not captured whole.
bool AddFixedHeader(Walk& w) {
  const LayerInput& in = w.in;
  tree::Tree* tree = w.tree;
  IpHandoff& out = *w.out;
  if (in.size() < 1) {
    AddTruncated(tree, out.node, "Malformed Packet: IPv6", in, kHeaderLength);
    return false;
  }
  out.version = in.U8(0) >> 4;
  const NodeId version = tree->AddUint(out.node, Ipv6::hf[Ipv6::kVersion], in.At(0, 1),
                                       static_cast<uint64_t>(out.version));
  if (out.version != 6) {
    tree->AddDiagnostic(version, Ipv6::ei[Ipv6::kBogusIpv6Version], Severity::kError,
                        [&](std::string* o) {
                          absl::StrAppendFormat(o, "Bogus IP version (%d, must be 6)",
                                                out.version);
                        });
    return false;
  }
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: IPv6", in, kHeaderLength);
    return false;
  }
  const uint32_t word = in.U32(0);
  const uint32_t traffic_class = (word >> 20) & 0xff;
  const NodeId tclass =
      tree->AddUint(out.node, Ipv6::hf[Ipv6::kTclass], in.At(0, 4), traffic_class);
  tree->AddUint(tclass, Ipv6::hf[Ipv6::kTclassDscp], in.At(0, 4), traffic_class >> 2);
  tree->AddUint(tclass, Ipv6::hf[Ipv6::kTclassEcn], in.At(0, 4), traffic_class & 0x03);
  tree->AddUint(out.node, Ipv6::hf[Ipv6::kFlow], in.At(0, 4), word & 0x000fffff);
  const size_t payload_length = in.U16(4);
  w.plen = tree->AddUint(out.node, Ipv6::hf[Ipv6::kPlen], in.At(4, 2), payload_length);
  w.next = in.U8(6);
  tree->AddUint(out.node, Ipv6::hf[Ipv6::kNxt], in.At(6, 1), w.next);
  tree->AddUint(out.node, Ipv6::hf[Ipv6::kHlim], in.At(7, 1), in.U8(7));
  tree::Columns& columns = tree->mutable_columns();
  if (const NodeId src = tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kSrc], in.At(8, 16), in.Slice(8, 16));
      src != tree::kNoNode && tree->columns_wanted()) {
    value::AppendIpv6(tree->TextValue(src), &columns.source);
  }
  if (const NodeId dst = tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kDst], in.At(24, 16), in.Slice(24, 16));
      dst != tree::kNoNode && tree->columns_wanted()) {
    value::AppendIpv6(tree->TextValue(dst), &columns.destination);
  }
  tree->SetHidden(tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kAddr], in.At(8, 16), in.Slice(8, 16)));
  tree->SetHidden(
      tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kAddr], in.At(24, 16), in.Slice(24, 16)));
  for (int i = 0; i < 16; ++i) {
    out.src[i] = in.U8(8 + i);
    out.dst[i] = in.U8(24 + i);
  }

  // The payload as claimed; 0 with a Hop-by-Hop header may be a jumbogram
  // (RFC 2675), resolved once the Jumbo Payload option is read.
  w.claimed = payload_length;
  w.maybe_jumbo = payload_length == 0 && w.next == kHopByHop;
  if (payload_length == 0) {
    // A jumbogram, or (without Hop-by-Hop) a packet captured before TCP
    // segmentation offload filled in the length: take what was captured,
    // as Wireshark does.
    w.claimed = in.size() - kHeaderLength;
    if (!w.maybe_jumbo) {
      tree->AddDiagnostic(w.plen, Ipv6::ei[Ipv6::kPlenExceedsFraming], Severity::kNote,
                          "Payload length 0, assumed to be the captured length (TSO?)");
    }
  }
  w.end = std::min(in.size(), kHeaderLength + w.claimed);
  return true;
}

// The Fragment header (RFC 8200 section 4.5): 8 octets; offset in 8-octet
// units, M flag.
Step AddFragmentHeader(Walk& w) {
  tree::Tree* tree = w.tree;
  IpHandoff& out = *w.out;
  const LayerInput rest = w.Rest();
  const size_t at = w.at;
  const NodeId frag =
      tree->AddProtocol(out.node, Ipv6::hf[Ipv6::kFraghdr],
                        rest.At(at, std::min<size_t>(8, w.end - std::min(w.end, at))));
  w.List(Ipv6::hf[Ipv6::kFraghdr]);
  if (at + 8 > w.end) {
    w.Truncated(frag, "Malformed Packet: IPv6 fragment header", 8);
    return Step::kTruncated;
  }
  const uint16_t offset_flags = rest.U16(at + 2);
  tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrNxt], rest.At(at, 1), rest.U8(at));
  tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrReservedOctet], rest.At(at + 1, 1),
                rest.U8(at + 1));
  tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrOffset], rest.At(at + 2, 2), offset_flags >> 3);
  tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrReservedBits], rest.At(at + 2, 2),
                (offset_flags >> 1) & 0x3);
  tree->AddBool(frag, Ipv6::hf[Ipv6::kFraghdrMore], rest.At(at + 2, 2), (offset_flags & 1) != 0);
  tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrIdent], rest.At(at + 4, 4), rest.U32(at + 4));
  w.next = rest.U8(at);
  out.fragment_offset = offset_flags & 0xfff8u;
  out.more_fragments = (offset_flags & 1) != 0;
  out.fragment_id = rest.U32(at + 4);
  w.at += 8;
  // An atomic fragment (offset 0, M clear; RFC 6946) is a whole datagram.
  // Any other fragment's payload is a piece of one: headers after it are
  // only readable once reassembled.
  out.fragment = out.more_fragments || out.fragment_offset != 0;
  return out.fragment ? Step::kHandOff : Step::kNext;
}

// The part Hop-by-Hop, Routing and Destination Options headers share: Next
// Header and Hdr Ext Len (RFC 8200 section 4.3: 8-octet units beyond the
// first). Sets *length and *header; kTruncated when the header does not fit.
Step AddExtensionPrefix(Walk& w, const ExtensionFields& f, size_t* length, NodeId* header) {
  tree::Tree* tree = w.tree;
  const LayerInput rest = w.Rest();
  const size_t at = w.at;
  *header = tree->AddProtocol(w.out->node, f.protocol,
                              rest.At(at, std::min<size_t>(2, w.end - std::min(w.end, at))));
  w.List(f.protocol);
  if (at + 2 > w.end) {
    w.Truncated(*header, "Malformed Packet: IPv6 extension header", 2);
    return Step::kTruncated;
  }
  *length = (size_t{rest.U8(at + 1)} + 1) * 8;
  tree->AddUint(*header, f.nxt, rest.At(at, 1), rest.U8(at));
  tree->AddUint(*header, f.len, rest.At(at + 1, 1), rest.U8(at + 1));
  tree->SetGenerated(tree->AddUint(*header, f.len_oct, rest.At(at + 1, 1), *length));
  if (at + *length > w.end) {
    tree->SetRange(*header, rest.At(at, w.end - at));
    w.Truncated(*header, "Malformed Packet: IPv6 extension header", *length);
    return Step::kTruncated;
  }
  tree->SetRange(*header, rest.At(at, *length));
  return Step::kNext;
}

// The Routing header (RFC 8200 section 4.4): type and segments left; the
// type-specific data is shown as octets.
Step AddRoutingHeader(Walk& w) {
  size_t length = 0;
  NodeId header = tree::kNoNode;
  const ExtensionFields f = {Ipv6::hf[Ipv6::kRouting], Ipv6::hf[Ipv6::kRoutingNxt],
                             Ipv6::hf[Ipv6::kRoutingLen], Ipv6::hf[Ipv6::kRoutingLenOct]};
  if (AddExtensionPrefix(w, f, &length, &header) == Step::kTruncated) return Step::kTruncated;
  const LayerInput rest = w.Rest();
  const size_t at = w.at;
  w.tree->AddUint(header, Ipv6::hf[Ipv6::kRoutingType], rest.At(at + 2, 1), rest.U8(at + 2));
  w.tree->AddUint(header, Ipv6::hf[Ipv6::kRoutingSegleft], rest.At(at + 3, 1),
                  rest.U8(at + 3));
  w.tree->AddBytes(header, Ipv6::hf[Ipv6::kRoutingUnknownData], rest.At(at + 4, length - 4),
                   rest.Slice(at + 4, length - 4));
  w.next = rest.U8(at);
  w.at += length;
  return Step::kNext;
}

// Hop-by-Hop and Destination Options headers (RFC 8200 sections 4.3, 4.6):
// their options; a Jumbo Payload option in Hop-by-Hop sets the length.
Step AddOptionsHeader(Walk& w, bool hop_by_hop) {
  size_t length = 0;
  NodeId header = tree::kNoNode;
  const ExtensionFields f =
      hop_by_hop ? ExtensionFields{Ipv6::hf[Ipv6::kHopopts], Ipv6::hf[Ipv6::kHopoptsNxt],
                                   Ipv6::hf[Ipv6::kHopoptsLen], Ipv6::hf[Ipv6::kHopoptsLenOct]}
                 : ExtensionFields{Ipv6::hf[Ipv6::kDstopts], Ipv6::hf[Ipv6::kDstoptsNxt],
                                   Ipv6::hf[Ipv6::kDstoptsLen], Ipv6::hf[Ipv6::kDstoptsLenOct]};
  if (AddExtensionPrefix(w, f, &length, &header) == Step::kTruncated) return Step::kTruncated;
  const LayerInput rest = w.Rest();
  uint32_t jumbo = 0;
  AddOptions(rest, w.at + 2, w.at + length, w.tree, header, &jumbo);
  if (w.maybe_jumbo && hop_by_hop && jumbo != 0) {
    w.claimed = jumbo;  // RFC 2675: the length after the IPv6 header
    w.end = std::min(w.in.size(), kHeaderLength + w.claimed);
  }
  w.next = rest.U8(w.at);
  w.at += length;
  return Step::kNext;
}

// The next extension header, if `w.next` names one we walk.
Step AddExtensionHeader(Walk& w) {
  switch (w.next) {
    case kHopByHop: return AddOptionsHeader(w, /*hop_by_hop=*/true);
    case kDestinationOptions: return AddOptionsHeader(w, /*hop_by_hop=*/false);
    case kRouting: return AddRoutingHeader(w);
    case kFragment: return AddFragmentHeader(w);
    default: return Step::kHandOff;  // an upper layer (or AH, ESP, No Next Header)
  }
}

bool IsWalked(uint8_t next) {
  return next == kHopByHop || next == kRouting || next == kFragment ||
         next == kDestinationOptions;
}

}  // namespace

IpHandoff DissectIpv6(const LayerInput& in, int max_extension_headers, tree::Tree* tree) {
  IpHandoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Ipv6::hf[Ipv6::kIpv6],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  // The address columns (tree.h Columns) are this header's, even when it
  // is cut short: packet-ipv6.c sets COL_DEF_SRC/DST over the link layer's.
  if (out.node != tree::kNoNode) {
    tree->mutable_columns().source.clear();
    tree->mutable_columns().destination.clear();
  }
  Walk w{.in = in, .tree = tree, .out = &out};
  if (!AddFixedHeader(w)) return out;
  for (int walked = 0; IsWalked(w.next); ++walked) {
    if (walked == max_extension_headers) {
      tree->AddDiagnostic(out.node, Ipv6::ei[Ipv6::kTooManyExtensionHeaders], Severity::kWarning,
                          [&](std::string* o) {
                            absl::StrAppendFormat(
                                o, "more than %d extension headers; stopped before header %d",
                                max_extension_headers, w.next);
                          });
      break;
    }
    const Step step = AddExtensionHeader(w);
    if (step == Step::kTruncated) return out;
    if (step == Step::kHandOff) break;
  }

  // Like Wireshark's, the node covers the extension headers it holds.
  const size_t at = w.at, end = w.end, claimed = w.claimed;
  tree->SetRange(out.node, in.At(0, std::min(at, end)));
  out.next = w.next;
  out.claimed_payload_length = claimed >= at - kHeaderLength ? claimed - (at - kHeaderLength) : 0;
  out.datagram_end = end;
  out.payload_offset = std::min(at, end);
  out.payload_length = end - out.payload_offset;
  out.ok = true;
  if (kHeaderLength + claimed > in.size()) {
    tree->AddDiagnostic(w.plen, Ipv6::ei[Ipv6::kPlenExceedsFraming], Severity::kWarning,
                        [&](std::string* o) {
                          absl::StrAppendFormat(
                              o, "Payload length %d exceeds the %d octets captured after "
                                 "the header",
                              claimed, in.size() - kHeaderLength);
                        });
  }
  return out;
}


// --- Entry point and hand-off (protocol.h).

namespace {

void Ipv6Entry(const LayerInput& in, FrameState& state) { IpLayer(true, in, state); }

// LINKTYPE_IPV6 (229): the frame is the datagram.
constexpr TableKey kIpv6Keys[] = {{Table::kEthertype, kEthertypeIpv6}, {Table::kLinkType, 229}};
constexpr DissectorHandle kIpv6Handle = {.name = "ipv6", .dissect = &Ipv6Entry, .keys = kIpv6Keys};
constexpr const DissectorHandle* kHandles[] = {&kIpv6Handle};
constexpr const tree::ProtocolRows* kRowSets[] = {&Ipv6::kRows};

}  // namespace

const Protocol kIpv6Protocol = {.rows = kRowSets, .handles = kHandles};

// packet-ipv6.c: "Internet Protocol Version 6, Src: ::1, Dst: ::1".
bool Ipv6::AppendSummary(const tree::Tree& tree, uint32_t ipv6, std::string* out) {
  out->append(tree.field(ipv6).name);
  info::AppendChildValue(tree, ipv6, hf[kSrc], ", Src: ", out);
  info::AppendChildValue(tree, ipv6, hf[kDst], ", Dst: ", out);
  return true;
}

}  // namespace snmpdissect::proto
