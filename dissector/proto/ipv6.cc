#include "dissector/proto/ipv6.h"

#include "absl/strings/str_format.h"
#include "dissector/proto/ipv6_fields.h"
#include "dissector/proto/frame_state.h"

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

}  // namespace

IpHandoff DissectIpv6(const LayerInput& in, int max_extension_headers, tree::Tree* tree) {
  IpHandoff out;
  out.node = tree->AddProtocol(tree::Tree::kRoot, Ipv6::hf[Ipv6::kIpv6],
                               in.At(0, std::min(in.size(), kHeaderLength)));
  if (in.size() < 1) {
    AddTruncated(tree, out.node, "Malformed Packet: IPv6", in, kHeaderLength);
    return out;
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
    return out;
  }
  if (in.size() < kHeaderLength) {
    AddTruncated(tree, out.node, "Malformed Packet: IPv6", in, kHeaderLength);
    return out;
  }
  const uint32_t word = in.U32(0);
  const uint32_t traffic_class = (word >> 20) & 0xff;
  const NodeId tclass =
      tree->AddUint(out.node, Ipv6::hf[Ipv6::kTclass], in.At(0, 4), traffic_class);
  tree->AddUint(tclass, Ipv6::hf[Ipv6::kTclassDscp], in.At(0, 4), traffic_class >> 2);
  tree->AddUint(tclass, Ipv6::hf[Ipv6::kTclassEcn], in.At(0, 4), traffic_class & 0x03);
  tree->AddUint(out.node, Ipv6::hf[Ipv6::kFlow], in.At(0, 4), word & 0x000fffff);
  const size_t payload_length = in.U16(4);
  const NodeId plen = tree->AddUint(out.node, Ipv6::hf[Ipv6::kPlen], in.At(4, 2), payload_length);
  uint8_t next = in.U8(6);
  tree->AddUint(out.node, Ipv6::hf[Ipv6::kNxt], in.At(6, 1), next);
  tree->AddUint(out.node, Ipv6::hf[Ipv6::kHlim], in.At(7, 1), in.U8(7));
  tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kSrc], in.At(8, 16), in.Slice(8, 16));
  tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kDst], in.At(24, 16), in.Slice(24, 16));
  tree->SetHidden(tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kAddr], in.At(8, 16), in.Slice(8, 16)));
  tree->SetHidden(tree->AddIpv6(out.node, Ipv6::hf[Ipv6::kAddr], in.At(24, 16), in.Slice(24, 16)));
  for (int i = 0; i < 16; ++i) {
    out.src[i] = in.U8(8 + i);
    out.dst[i] = in.U8(24 + i);
  }

  // The payload as claimed; 0 with a Hop-by-Hop header may be a jumbogram
  // (RFC 2675), resolved once the Jumbo Payload option is read.
  size_t claimed = payload_length;
  const bool maybe_jumbo = payload_length == 0 && next == kHopByHop;
  if (payload_length == 0) {
    // A jumbogram, or (without Hop-by-Hop) a packet captured before TCP
    // segmentation offload filled in the length: take what was captured,
    // as Wireshark does.
    claimed = in.size() - kHeaderLength;
    if (!maybe_jumbo) {
      tree->AddDiagnostic(plen, Ipv6::ei[Ipv6::kPlenExceedsFraming], Severity::kNote,
                          "Payload length 0, assumed to be the captured length (TSO?)");
    }
  }
  size_t end = std::min(in.size(), kHeaderLength + claimed);

  size_t at = kHeaderLength;
  int walked = 0;
  for (;;) {
    if (next != kHopByHop && next != kRouting && next != kFragment &&
        next != kDestinationOptions) {
      break;  // an upper layer (or AH, ESP, No Next Header): hand off
    }
    if (walked == max_extension_headers) {
      tree->AddDiagnostic(out.node, Ipv6::ei[Ipv6::kTooManyExtensionHeaders], Severity::kWarning,
                          [&](std::string* o) {
                            absl::StrAppendFormat(
                                o, "more than %d extension headers; stopped before header %d",
                                max_extension_headers, next);
                          });
      break;
    }
    ++walked;
    const LayerInput rest = in.Prefix(end);
    if (next == kFragment) {
      // RFC 8200 section 4.5: 8 octets; offset in 8-octet units, M flag.
      const NodeId frag =
          tree->AddProtocol(out.node, Ipv6::hf[Ipv6::kFraghdr],
                            rest.At(at, std::min<size_t>(8, end - std::min(end, at))));
      if (out.extension_count < IpHandoff::kMaxListed) {
        out.extensions[out.extension_count++] = Ipv6::hf[Ipv6::kFraghdr];
      }
      if (at + 8 > end) {
        AddTruncated(tree, frag, "Malformed Packet: IPv6 fragment header", rest.Skip(at), 8);
        tree->SetRange(out.node, in.At(0, end));
        return out;
      }
      const uint16_t offset_flags = rest.U16(at + 2);
      tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrNxt], rest.At(at, 1), rest.U8(at));
      tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrReservedOctet], rest.At(at + 1, 1),
                    rest.U8(at + 1));
      tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrOffset], rest.At(at + 2, 2),
                    offset_flags >> 3);
      tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrReservedBits], rest.At(at + 2, 2),
                    (offset_flags >> 1) & 0x3);
      tree->AddBool(frag, Ipv6::hf[Ipv6::kFraghdrMore], rest.At(at + 2, 2),
                    (offset_flags & 1) != 0);
      tree->AddUint(frag, Ipv6::hf[Ipv6::kFraghdrIdent], rest.At(at + 4, 4), rest.U32(at + 4));
      next = rest.U8(at);
      out.fragment_offset = offset_flags & 0xfff8u;
      out.more_fragments = (offset_flags & 1) != 0;
      out.fragment_id = rest.U32(at + 4);
      at += 8;
      // An atomic fragment (offset 0, M clear; RFC 6946) is a whole
      // datagram. Any other fragment's payload is a piece of one: headers
      // after it are only readable once reassembled.
      out.fragment = out.more_fragments || out.fragment_offset != 0;
      if (out.fragment) break;
      continue;
    }
    const ExtensionFields f =
        next == kHopByHop
            ? ExtensionFields{Ipv6::hf[Ipv6::kHopopts], Ipv6::hf[Ipv6::kHopoptsNxt],
                              Ipv6::hf[Ipv6::kHopoptsLen], Ipv6::hf[Ipv6::kHopoptsLenOct]}
        : next == kRouting
            ? ExtensionFields{Ipv6::hf[Ipv6::kRouting], Ipv6::hf[Ipv6::kRoutingNxt],
                              Ipv6::hf[Ipv6::kRoutingLen], Ipv6::hf[Ipv6::kRoutingLenOct]}
            : ExtensionFields{Ipv6::hf[Ipv6::kDstopts], Ipv6::hf[Ipv6::kDstoptsNxt],
                              Ipv6::hf[Ipv6::kDstoptsLen], Ipv6::hf[Ipv6::kDstoptsLenOct]};
    const NodeId header = tree->AddProtocol(
        out.node, f.protocol, rest.At(at, std::min<size_t>(2, end - std::min(end, at))));
    if (out.extension_count < IpHandoff::kMaxListed) {
      out.extensions[out.extension_count++] = f.protocol;
    }
    if (at + 2 > end) {
      AddTruncated(tree, header, "Malformed Packet: IPv6 extension header", rest.Skip(at), 2);
      tree->SetRange(out.node, in.At(0, end));
      return out;
    }
    // Hdr Ext Len counts 8-octet units beyond the first (RFC 8200 4.3).
    const size_t length = (size_t{rest.U8(at + 1)} + 1) * 8;
    tree->AddUint(header, f.nxt, rest.At(at, 1), rest.U8(at));
    tree->AddUint(header, f.len, rest.At(at + 1, 1), rest.U8(at + 1));
    tree->SetGenerated(tree->AddUint(header, f.len_oct, rest.At(at + 1, 1), length));
    if (at + length > end) {
      tree->SetRange(header, rest.At(at, end - at));
      AddTruncated(tree, header, "Malformed Packet: IPv6 extension header", rest.Skip(at),
                   length);
      tree->SetRange(out.node, in.At(0, end));
      return out;
    }
    tree->SetRange(header, rest.At(at, length));
    if (next == kRouting) {
      tree->AddUint(header, Ipv6::hf[Ipv6::kRoutingType], rest.At(at + 2, 1), rest.U8(at + 2));
      tree->AddUint(header, Ipv6::hf[Ipv6::kRoutingSegleft], rest.At(at + 3, 1),
                    rest.U8(at + 3));
      tree->AddBytes(header, Ipv6::hf[Ipv6::kRoutingUnknownData], rest.At(at + 4, length - 4),
                     rest.Slice(at + 4, length - 4));
    } else {
      uint32_t jumbo = 0;
      AddOptions(rest, at + 2, at + length, tree, header, &jumbo);
      if (maybe_jumbo && next == kHopByHop && jumbo != 0) {
        claimed = jumbo;  // RFC 2675: the length after the IPv6 header
        end = std::min(in.size(), kHeaderLength + claimed);
      }
    }
    next = rest.U8(at);
    at += length;
  }

  // Like Wireshark's, the node covers the extension headers it holds.
  tree->SetRange(out.node, in.At(0, std::min(at, end)));
  out.next = next;
  out.claimed_payload_length = claimed >= at - kHeaderLength ? claimed - (at - kHeaderLength) : 0;
  out.datagram_end = end;
  out.payload_offset = std::min(at, end);
  out.payload_length = end - out.payload_offset;
  out.ok = true;
  if (kHeaderLength + claimed > in.size()) {
    tree->AddDiagnostic(plen, Ipv6::ei[Ipv6::kPlenExceedsFraming], Severity::kWarning,
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

}  // namespace snmpdissect::proto
