// IPv4 and IPv6 fragment reassembly (RFC 791 section 3.2, RFC 8200
// section 4.5) with hard memory bounds, for a dissector reading untrusted
// captures: a flood of fragments cannot grow the table past its caps, stale
// datagrams are evicted, and overlaps, conflicting data, extra tails and
// oversize datagrams are reported rather than silently merged.
//
//   reassembly::IpReassembler reassembler;          // default limits
//   const reassembly::FragmentResult& r = reassembler.Add(key, fragment);
//   for (const reassembly::FragmentEvent& e : r.events) ...  // diagnostics
//   if (r.status == reassembly::FragmentStatus::kComplete) {
//     dissect r.data (the datagram's payload) as protocol r.protocol
//   }
//
// Policy: the first data received for an offset wins (later overlapping
// octets that differ are a conflict, reported and dropped); a datagram is
// complete when the last fragment (MF clear) is in and the octets [0, end)
// are all covered. Limits apply in this order on each Add: stale datagrams
// (older than max_age_frames frames or max_age_ns) go first, then the
// oldest datagrams until the new one fits max_pending and max_total_bytes.
//
// Lifetimes: the result (and its data, fragments and events) is valid until
// the next Add. Nothing here knows about trees; the pipeline turns events
// into diagnostics.

#ifndef SNMPDISSECT_DISSECTOR_REASSEMBLY_IP_REASSEMBLY_H_
#define SNMPDISSECT_DISSECTOR_REASSEMBLY_IP_REASSEMBLY_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"

namespace snmpdissect::reassembly {

struct IpLimits {
  // Octets held across all pending datagrams (buffers plus a per-datagram
  // overhead); at least max_datagram.
  size_t max_total_bytes = 4u << 20;
  // Datagrams waiting for fragments.
  size_t max_pending = 1024;
  // Largest reassembled payload: an IPv4 datagram cannot exceed 65535
  // octets (RFC 791 total length), nor a non-jumbo IPv6 payload.
  size_t max_datagram = 65535;
  // Fragments kept per datagram (64 KiB in 8-octet pieces would be 8192;
  // real senders use a handful).
  size_t max_fragments = 256;
  // A datagram not completed within this many frames, or this long in
  // capture time (0: no time limit), is dropped. RFC 791 suggests a 15 s
  // timer; Linux waits 30 s (ipfrag_time).
  uint64_t max_age_frames = 100000;
  int64_t max_age_ns = int64_t{30} * 1'000'000'000;
};

// Identifies a datagram: RFC 791 section 3.2 (source, destination,
// protocol, identification) and RFC 8200 section 4.5 (source, destination,
// identification).
struct FragmentKey {
  uint8_t version = 4;
  uint8_t protocol = 0;  // IPv4 only; 0 for IPv6
  uint32_t id = 0;
  std::array<uint8_t, 16> src{};
  std::array<uint8_t, 16> dst{};

  friend bool operator==(const FragmentKey&, const FragmentKey&) = default;
  template <typename H>
  friend H AbslHashValue(H h, const FragmentKey& k) {
    return H::combine(std::move(h), k.version, k.protocol, k.id, k.src, k.dst);
  }
};

struct Fragment {
  uint32_t offset = 0;  // octets into the datagram's payload
  bool more = false;    // MF: not the last fragment
  absl::Span<const uint8_t> data;
  uint64_t frame = 0;
  int64_t time_ns = 0;
  // IPv6: the Next Header of the fragmentable part, meaningful in the
  // fragment at offset 0 (RFC 8200 section 4.5). IPv4: ignored (the key
  // holds the protocol).
  uint8_t next_header = 0;
};

enum class FragmentStatus : uint8_t {
  kHeld,      // stored; the datagram is still incomplete
  kComplete,  // this fragment completed the datagram: data holds it
  kDropped,   // not stored (see events)
};

enum class FragmentEventKind : uint8_t {
  kOverlap,           // octets received before, identical: harmless
  kOverlapConflict,   // octets received before, different: first kept
  kMultipleTails,     // a second last fragment, or data past the last one
  kTooLong,           // would end past max_datagram: dropped
  kTooManyFragments,  // max_fragments reached: the datagram is dropped
  kEvictedStale,      // older datagrams dropped (value: how many)
  kEvictedForSpace,   // older datagrams dropped for room (value: how many)
};

struct FragmentEvent {
  FragmentEventKind kind;
  uint64_t value = 0;  // a count, or the offending end offset
};

// Where one fragment of a completed datagram came from.
struct FragmentSource {
  uint64_t frame = 0;
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct FragmentResult {
  FragmentStatus status = FragmentStatus::kDropped;
  // kComplete: the reassembled payload and the fragments in offset order.
  absl::Span<const uint8_t> data;
  absl::Span<const FragmentSource> fragments;
  // kComplete: the upper-layer protocol (IPv4: the key's; IPv6: the Next
  // Header of the fragment at offset 0).
  uint8_t protocol = 0;
  std::vector<FragmentEvent> events;  // reused between calls
};

struct IpReassemblyStats {
  size_t pending = 0;          // datagrams waiting now
  size_t bytes = 0;            // octets accounted now (<= max_total_bytes)
  size_t peak_bytes = 0;
  uint64_t completed = 0;
  uint64_t evicted_stale = 0;
  uint64_t evicted_for_space = 0;
  uint64_t dropped_fragments = 0;
};

class IpReassembler {
 public:
  explicit IpReassembler(IpLimits limits = {});

  [[nodiscard]] const FragmentResult& Add(const FragmentKey& key, const Fragment& fragment);

  const IpReassemblyStats& stats() const { return stats_; }
  const IpLimits& limits() const { return limits_; }

  // Accounted cost of a datagram besides its buffer (its bookkeeping).
  static constexpr size_t kDatagramOverhead = 256;

 private:
  struct Interval {
    uint32_t begin;
    uint32_t end;
  };
  struct Datagram {
    FragmentKey key;
    uint64_t first_frame = 0;
    int64_t first_time_ns = 0;
    std::vector<uint8_t> buffer;       // payload octets, sized to the highest end
    std::vector<Interval> covered;     // sorted, disjoint, merged
    std::vector<FragmentSource> sources;
    bool tail_known = false;
    uint32_t tail_end = 0;
    uint8_t protocol = 0;
    size_t accounted = 0;              // bytes charged to stats_.bytes
  };
  using List = std::list<Datagram>;

  void EvictStale(const Fragment& fragment);
  // Evicts oldest datagrams (never `keep`) until `extra` more octets and one
  // more datagram (if `new_datagram`) fit.
  void MakeRoom(size_t extra, bool new_datagram, const Datagram* keep);
  void Erase(List::iterator it);
  void Charge(Datagram* d);
  // Copies the parts of [begin, end) not yet covered and reports overlaps.
  void Store(Datagram* d, uint32_t begin, absl::Span<const uint8_t> data);
  bool Complete(const Datagram& d) const;

  IpLimits limits_;
  List datagrams_;  // oldest first (by first fragment)
  absl::flat_hash_map<FragmentKey, List::iterator> index_;
  FragmentResult result_;
  std::vector<uint8_t> completed_;
  std::vector<FragmentSource> completed_sources_;
  IpReassemblyStats stats_;
};

}  // namespace snmpdissect::reassembly

#endif  // SNMPDISSECT_DISSECTOR_REASSEMBLY_IP_REASSEMBLY_H_
