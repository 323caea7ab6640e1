#include "dissector/reassembly/tcp_reassembly.h"

#include <algorithm>
#include <utility>

namespace snmpdissect::reassembly {
namespace {

constexpr uint16_t kFin = 0x001;
constexpr uint16_t kSyn = 0x002;
constexpr uint16_t kAck = 0x010;

// The framing's verdict on a boundary: the held octets, then new ones.
PduLength Frame(PduFraming framing, absl::Span<const uint8_t> held,
                absl::Span<const uint8_t> fresh) {
  return framing(PduPrefix(held, fresh));
}

}  // namespace

TcpReassembler::TcpReassembler(TcpLimits limits) : limits_(limits) {
  limits_.max_total = std::max(limits_.max_total, limits_.max_message);
  limits_.max_conversations = std::max<size_t>(limits_.max_conversations, 1);
}

TcpReassembler::Conversation* TcpReassembler::Find(const TcpSegment& s, int* direction) {
  Endpoint src{s.version, s.src, s.src_port};
  Endpoint dst{s.version, s.dst, s.dst_port};
  const bool forward = !(dst < src);
  ConversationKey key{forward ? src : dst, forward ? dst : src};
  *direction = forward ? 0 : 1;
  auto found = index_.find(key);
  if (found != index_.end()) {
    conversations_.splice(conversations_.begin(), conversations_, found->second);
    return &conversations_.front();
  }
  uint64_t evicted = 0;
  while (conversations_.size() >= limits_.max_conversations) {
    Conversation& old = conversations_.back();
    for (Direction& d : old.dir) DropPartial(&d);
    index_.erase(old.key);
    conversations_.pop_back();
    ++evicted;
  }
  if (evicted > 0) {
    stats_.conversations_evicted += evicted;
    result_.events.push_back({TcpEventKind::kConversationsEvicted, evicted});
  }
  Conversation& fresh = conversations_.emplace_front();
  fresh.key = key;
  fresh.stream = next_stream_++;
  index_.emplace(key, conversations_.begin());
  stats_.conversations = conversations_.size();
  return &fresh;
}

void TcpReassembler::DropPartial(Direction* d) {
  // Released, not kept for reuse: idle conversations pin no memory, and the
  // accounting stays exact. (The SNMP-over-TCP path is not the one that must
  // not allocate.)
  stats_.buffered -= d->partial.capacity();
  std::vector<uint8_t>().swap(d->partial);
  d->frames.clear();
  d->frame_count = 0;
}

bool TcpReassembler::Hold(Conversation* c, Direction* d, absl::Span<const uint8_t> data,
                          uint64_t frame) {
  const size_t needed = d->partial.size() + data.size();
  const size_t growth = needed > d->partial.capacity() ? needed - d->partial.capacity() : 0;
  // Room across conversations: drop the least recently used partial
  // messages of others first.
  for (auto it = conversations_.rbegin();
       stats_.buffered + growth > limits_.max_total && it != conversations_.rend(); ++it) {
    if (&*it == c) continue;
    for (Direction& other : it->dir) {
      if (other.partial.capacity() == 0) continue;
      if (!other.partial.empty()) {
        // Its header is known: skip the rest of that message when it comes,
        // so the stream stays in step.
        const PduLength h = other.framing != nullptr ? Frame(other.framing, other.partial, {})
                                                     : PduLength{};
        if (h.state == PduLength::kOk && h.total > other.partial.size()) {
          other.skip = h.total - other.partial.size();
        }
        ++stats_.buffers_dropped;
      }
      stats_.buffered -= other.partial.capacity();
      std::vector<uint8_t>().swap(other.partial);
      other.frames.clear();
      other.frame_count = 0;
    }
  }
  if (stats_.buffered + growth > limits_.max_total || needed > limits_.max_message) {
    result_.events.push_back({TcpEventKind::kBufferLimit, needed});
    DropPartial(d);
    ++stats_.buffers_dropped;
    return false;
  }
  stats_.buffered -= d->partial.capacity();
  d->partial.reserve(needed);
  d->partial.insert(d->partial.end(), data.begin(), data.end());
  stats_.buffered += d->partial.capacity();
  stats_.peak_buffered = std::max(stats_.peak_buffered, stats_.buffered);
  if (d->frames.size() < limits_.max_listed_frames) d->frames.push_back(frame);
  ++d->frame_count;
  return true;
}

void TcpReassembler::EmitReassembled(Direction* d, absl::Span<const uint8_t> tail,
                                     size_t offset, uint64_t frame) {
  assembled_.assign(d->partial.begin(), d->partial.end());
  assembled_.insert(assembled_.end(), tail.begin(), tail.end());
  assembled_frames_.assign(d->frames.begin(), d->frames.end());
  if (assembled_frames_.size() < limits_.max_listed_frames) assembled_frames_.push_back(frame);
  TcpMessage m;
  m.reassembled = true;
  m.offset = offset;
  m.segment_length = tail.size();
  m.bytes = assembled_;
  m.frames = assembled_frames_;
  m.frame_count = d->frame_count + 1;
  result_.messages.push_back(m);
  DropPartial(d);
  ++stats_.messages;
  ++stats_.reassembled;
}

void TcpReassembler::Split(Conversation* c, Direction* d, absl::Span<const uint8_t> data,
                           size_t base, uint64_t frame) {
  const size_t n = data.size();
  size_t pos = 0;
  auto hold_rest = [&](size_t from) {
    if (Hold(c, d, data.subspan(from), frame)) {
      result_.held_offset = base + from;
      result_.held_length = n - from;
    }
  };
  auto skip = [&]() {
    const size_t take = static_cast<size_t>(std::min<uint64_t>(d->skip, n - pos));
    d->skip -= take;
    pos += take;
    if (d->skip > 0) result_.events.push_back({TcpEventKind::kSkipping, d->skip});
  };
  auto undecodable = [&](size_t from) {
    TcpMessage m;
    m.offset = base + from;
    m.segment_length = n - from;
    m.bytes = data.subspan(from);
    m.undecodable = true;
    result_.messages.push_back(m);
  };

  if (d->skip > 0) skip();

  // A message begun in earlier segments.
  if (pos < n && !d->partial.empty()) {
    const PduLength h = Frame(d->framing, d->partial, data.subspan(pos));
    if (h.state == PduLength::kNeedMore) {
      hold_rest(pos);
      return;
    }
    if (h.state == PduLength::kInvalid) {
      // Cannot happen for held octets we checked, but a header split
      // across segments is only checked once complete.
      result_.events.push_back({TcpEventKind::kPartialDropped, d->partial.size()});
      DropPartial(d);
      undecodable(pos);
      return;
    }
    if (h.total > limits_.max_message) {
      result_.events.push_back({TcpEventKind::kMessageTooLong, h.total});
      d->skip = h.total - d->partial.size();
      DropPartial(d);
      skip();
    } else {
      const size_t need = static_cast<size_t>(h.total) - d->partial.size();
      if (n - pos < need) {
        hold_rest(pos);
        return;
      }
      EmitReassembled(d, data.subspan(pos, need), base + pos, frame);
      pos += need;
    }
  }

  // Messages that start in this segment.
  while (pos < n) {
    const PduLength h = Frame(d->framing, {}, data.subspan(pos));
    if (h.state == PduLength::kNeedMore) {
      hold_rest(pos);
      return;
    }
    if (h.state == PduLength::kInvalid) {
      undecodable(pos);
      return;
    }
    if (h.total > limits_.max_message) {
      // Not buffered: skip the claimed octets as they come (RFC 3430 gives
      // no other way to find the next message).
      result_.events.push_back({TcpEventKind::kMessageTooLong, h.total});
      d->skip = h.total;
      skip();
      continue;
    }
    const size_t total = static_cast<size_t>(h.total);
    if (n - pos < total) {
      hold_rest(pos);
      return;
    }
    TcpMessage m;
    m.offset = base + pos;
    m.segment_length = total;
    m.bytes = data.subspan(pos, total);
    result_.messages.push_back(m);
    ++stats_.messages;
    pos += total;
  }
}

const TcpResult& TcpReassembler::Add(const TcpSegment& s, PduFraming framing) {
  result_.messages.clear();
  result_.events.clear();
  result_.held_offset = 0;
  result_.held_length = 0;
  int direction = 0;
  Conversation* c = Find(s, &direction);
  const bool syn = (s.flags & kSyn) != 0;
  const bool ack = (s.flags & kAck) != 0;
  if (syn && !ack && c->dir[direction].base_known && s.seq != c->dir[direction].base_seq) {
    // A new connection on the same ports (a new SYN, not a retransmitted
    // one): a new stream, as Wireshark numbers them.
    for (Direction& d : c->dir) DropPartial(&d);
    c->dir = {};
    c->stream = next_stream_++;
  }
  Direction& d = c->dir[direction];
  Direction& other = c->dir[1 - direction];
  if (!d.base_known) {
    d.base_known = true;
    d.base_seq = syn ? s.seq : s.seq - 1;
  }
  if (ack && !other.base_known) {
    other.base_known = true;
    other.base_seq = s.ack - 1;
  }
  result_.stream = c->stream;
  result_.relative_seq = s.seq - d.base_seq;
  result_.relative_ack = ack ? s.ack - other.base_seq : 0;
  result_.next_relative_seq = result_.relative_seq + static_cast<uint32_t>(s.payload.size()) +
                              (syn ? 1 : 0) + ((s.flags & kFin) != 0 ? 1 : 0);
  if (framing == nullptr) return result_;
  d.framing = framing;

  // The stream's octets (RFC 9293 section 3.4: a SYN occupies one sequence
  // number before the data).
  const uint32_t data_seq = s.seq + (syn ? 1 : 0);
  if (syn) {
    DropPartial(&d);
    d.skip = 0;
    d.gap = false;
    d.synced = true;
    d.next_seq = data_seq;
  }
  if (s.payload.empty()) return result_;
  if (!d.synced) {  // joined mid-stream: start at this segment
    d.synced = true;
    d.next_seq = data_seq;
  }
  const uint32_t ahead = data_seq - d.next_seq;  // modulo 2^32 (RFC 9293 3.4)
  size_t skip_front = 0;
  if (ahead != 0 && ahead < 0x80000000u) {
    // Octets missing before this segment: what was partial cannot be
    // completed. Start afresh here.
    result_.events.push_back({TcpEventKind::kLostSegment, ahead});
    if (!d.partial.empty()) {
      result_.events.push_back({TcpEventKind::kPartialDropped, d.partial.size()});
    }
    DropPartial(&d);
    d.skip = 0;
    d.gap = true;
    d.gap_begin = d.next_seq;
    d.gap_end = data_seq;
  } else if (ahead != 0) {
    const uint32_t behind = d.next_seq - data_seq;
    if (behind >= s.payload.size()) {
      const bool in_gap = d.gap && data_seq - d.gap_begin < d.gap_end - d.gap_begin;
      result_.events.push_back({in_gap ? TcpEventKind::kOutOfOrder
                                       : TcpEventKind::kRetransmission,
                                s.payload.size()});
      return result_;
    }
    result_.events.push_back({TcpEventKind::kRetransmission, behind});
    skip_front = behind;
  }
  d.next_seq = data_seq + static_cast<uint32_t>(s.payload.size());
  Split(c, &d, s.payload.subspan(skip_front), skip_front, s.frame);
  return result_;
}

}  // namespace snmpdissect::reassembly
