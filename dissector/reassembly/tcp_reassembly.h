// TCP conversation tracking and stream reassembly of the PDUs of a protocol
// over TCP (a PDU may span segments and a segment may hold several), with
// hard memory bounds. The reassembler knows no protocol: the protocol's
// layer supplies its framing, a function giving the length of the PDU that
// starts at a boundary from its first octets (Wireshark's tcp_dissect_pdus
// get_pdu_len). SNMP's (RFC 3430 section 2: BER messages back to back, X.690
// 8.1.2-8.1.3) is proto::SnmpPduLength.
//
// Every TCP segment goes through Add(): the conversation table gives the
// stream index (tcp.stream) and relative sequence numbers, like Wireshark.
// When the caller passes a framing, the segment's payload is also cut into
// that protocol's PDUs ("messages" below):
//
//   reassembly::TcpReassembler tcp;
//   const reassembly::TcpResult& r = tcp.Add(segment, &proto::SnmpPduLength);
//   for (const reassembly::TcpMessage& m : r.messages) {
//     m.reassembled ? dissect m.bytes (a new data source)
//                   : dissect payload[m.offset, m.offset + m.bytes.size())
//   }
//
// Policy (kept simple and bounded; a dissector, not a TCP stack):
// - in-order data is used at once; a segment wholly before the next
//   expected octet is a retransmission and ignored; a partial overlap uses
//   only its new octets;
// - a gap (a segment past the next expected octet) drops any partial
//   message and resynchronises at that segment's first octet, with an
//   event; a segment that later fills an old gap is out of order and
//   ignored;
// - a message whose header claims more than max_message octets is not
//   buffered: an event, then its claimed octets are skipped as they arrive
//   (a stream claiming 2 GiB never allocates more than a header);
// - partial messages are held up to max_message per direction and
//   max_total across all conversations (least recently used buffers are
//   dropped first); at most max_conversations conversations are tracked,
//   least recently used evicted.
//
// Lifetimes: the result, its messages' bytes (when reassembled) and events
// are valid until the next Add. In-segment messages point into the
// segment's payload.

#ifndef SNMPDISSECT_DISSECTOR_REASSEMBLY_TCP_REASSEMBLY_H_
#define SNMPDISSECT_DISSECTOR_REASSEMBLY_TCP_REASSEMBLY_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

namespace snmpdissect::reassembly {

// The first octets of a PDU as the stream holds them: octets held from
// earlier segments, then the new segment's. Framing functions read them
// through At, which copies nothing.
class PduPrefix {
 public:
  PduPrefix(absl::Span<const uint8_t> held, absl::Span<const uint8_t> fresh)
      : held_(held), fresh_(fresh) {}
  // Octet `i` of the PDU into *v; false when the stream has not delivered
  // it yet.
  bool At(size_t i, uint8_t* v) const {
    if (i < held_.size()) {
      *v = held_[i];
      return true;
    }
    i -= held_.size();
    if (i >= fresh_.size()) return false;
    *v = fresh_[i];
    return true;
  }

 private:
  absl::Span<const uint8_t> held_;
  absl::Span<const uint8_t> fresh_;
};

// What a framing function found at a PDU boundary.
struct PduLength {
  enum State : uint8_t {
    kNeedMore,  // not enough octets yet to know the length
    kInvalid,   // not the start of a PDU: the stream is out of step
    kOk,        // `total` octets (header included) make the PDU
  } state = kNeedMore;
  uint64_t total = 0;
};

// A protocol's framing over TCP; must not allocate and must read at most a
// header's worth of octets.
using PduFraming = PduLength (*)(const PduPrefix& prefix);

struct TcpLimits {
  // Largest SNMP message reassembled. RFC 3430 puts no limit on the
  // length; RFC 3417's 484-octet floor and common msgMaxSize values
  // (65507 in net-snmp) are far below 64 KiB.
  size_t max_message = 64u << 10;
  // Partial-message octets held across all conversations.
  size_t max_total = 1u << 20;
  // Conversations tracked for stream indexes and sequence numbers.
  size_t max_conversations = 4096;
  // Frames of a reassembled message listed (the count is always exact).
  size_t max_listed_frames = 64;
};

struct TcpSegment {
  uint8_t version = 4;  // IP version: 4 or 6
  std::array<uint8_t, 16> src{};
  std::array<uint8_t, 16> dst{};
  uint16_t src_port = 0;
  uint16_t dst_port = 0;
  uint32_t seq = 0;
  uint32_t ack = 0;
  uint16_t flags = 0;  // RFC 9293 control bits (SYN 0x002, ACK 0x010 ...)
  absl::Span<const uint8_t> payload;
  uint64_t frame = 0;
};

struct TcpMessage {
  // False: the message lies in this segment's payload at `offset`.
  // True: it spans segments; `bytes` is a reassembly buffer, and `offset`
  // and `segment_length` say which part of it this segment supplied.
  bool reassembled = false;
  size_t offset = 0;
  size_t segment_length = 0;
  absl::Span<const uint8_t> bytes;
  // Reassembled messages: the frames that supplied it, in order (at most
  // max_listed_frames of them), and how many there were.
  absl::Span<const uint64_t> frames;
  size_t frame_count = 0;
  // The octets are not the start of a PDU (the framing said kInvalid; for SNMP
  // not a well-formed BER header, X.690 8.1.2-8.1.3, RFC
  // 3417 definite lengths): the rest of the segment, handed on so that the
  // SNMP dissector can show why; the stream resynchronises at the next
  // segment.
  bool undecodable = false;
};

enum class TcpEventKind : uint8_t {
  kRetransmission,   // value: octets already seen
  kOutOfOrder,       // fills an old gap; ignored
  kLostSegment,      // value: octets missing before this segment
  kPartialDropped,   // value: octets of a partial message discarded
  kMessageTooLong,   // value: the length the PDU's header claims
  kSkipping,         // value: octets of an over-long message still to skip
  kBufferLimit,      // value: octets that could not be held (max_total)
  kConversationsEvicted,  // value: how many (max_conversations)
};

struct TcpEvent {
  TcpEventKind kind;
  uint64_t value = 0;
};

struct TcpResult {
  uint32_t stream = 0;
  // Relative to the first sequence number of each direction (Wireshark's
  // default): the SYN's, or one before the first segment seen.
  uint32_t relative_seq = 0;
  uint32_t relative_ack = 0;
  uint32_t next_relative_seq = 0;
  std::vector<TcpMessage> messages;  // reused between calls
  // Octets of this segment's payload held for a message not yet complete:
  // [held_offset, held_offset + held_length).
  size_t held_offset = 0;
  size_t held_length = 0;
  std::vector<TcpEvent> events;  // reused between calls
};

struct TcpReassemblyStats {
  size_t conversations = 0;
  size_t buffered = 0;       // partial-message octets held now
  size_t peak_buffered = 0;
  uint64_t messages = 0;
  uint64_t reassembled = 0;
  uint64_t conversations_evicted = 0;
  uint64_t buffers_dropped = 0;
};

class TcpReassembler {
 public:
  explicit TcpReassembler(TcpLimits limits = {});

  // Tracks `segment`'s conversation; with a `framing` (not nullptr), also
  // cuts its payload into that protocol's PDUs. A conversation keeps the
  // framing it was last given (for its held octets).
  [[nodiscard]] const TcpResult& Add(const TcpSegment& segment, PduFraming framing);

  const TcpReassemblyStats& stats() const { return stats_; }
  const TcpLimits& limits() const { return limits_; }

 private:
  struct Endpoint {
    uint8_t version = 4;
    std::array<uint8_t, 16> address{};
    uint16_t port = 0;
    friend bool operator==(const Endpoint&, const Endpoint&) = default;
    friend auto operator<=>(const Endpoint& a, const Endpoint& b) {
      if (a.address != b.address) return a.address <=> b.address;
      return a.port <=> b.port;
    }
  };
  struct ConversationKey {
    Endpoint a, b;  // a <= b
    friend bool operator==(const ConversationKey&, const ConversationKey&) = default;
    template <typename H>
    friend H AbslHashValue(H h, const ConversationKey& k) {
      return H::combine(std::move(h), k.a.version, k.a.address, k.a.port, k.b.address,
                        k.b.port);
    }
  };
  struct Direction {
    bool base_known = false;
    uint32_t base_seq = 0;  // relative numbers count from here
    bool synced = false;    // next_seq is meaningful
    uint32_t next_seq = 0;
    // The last gap (lost or not yet arrived octets), to tell a late
    // out-of-order segment from a retransmission.
    bool gap = false;
    uint32_t gap_begin = 0;
    uint32_t gap_end = 0;
    std::vector<uint8_t> partial;   // octets of a message not yet complete
    std::vector<uint64_t> frames;   // frames that supplied `partial` (bounded)
    size_t frame_count = 0;
    uint64_t skip = 0;              // octets of an over-long message to skip
    PduFraming framing = nullptr;   // how `partial` is delimited
  };
  struct Conversation {
    ConversationKey key;
    uint32_t stream = 0;
    std::array<Direction, 2> dir;  // [0]: a -> b, [1]: b -> a
  };
  using List = std::list<Conversation>;

  Conversation* Find(const TcpSegment& segment, int* direction);
  void Split(Conversation* c, Direction* d, absl::Span<const uint8_t> data, size_t base,
             uint64_t frame);
  // Appends to d->partial if the caps allow (evicting other buffers first).
  bool Hold(Conversation* c, Direction* d, absl::Span<const uint8_t> data, uint64_t frame);
  void DropPartial(Direction* d);
  void EmitReassembled(Direction* d, absl::Span<const uint8_t> tail, size_t offset,
                       uint64_t frame);

  TcpLimits limits_;
  List conversations_;  // most recently used first
  absl::flat_hash_map<ConversationKey, List::iterator> index_;
  uint32_t next_stream_ = 0;
  TcpResult result_;
  std::vector<uint8_t> assembled_;
  std::vector<uint64_t> assembled_frames_;
  TcpReassemblyStats stats_;
};

}  // namespace snmpdissect::reassembly

#endif  // SNMPDISSECT_DISSECTOR_REASSEMBLY_TCP_REASSEMBLY_H_
