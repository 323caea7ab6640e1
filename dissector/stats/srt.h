// -z snmp,srt[,FILTER]: SNMP service response times per request type, as
// tshark 4.0 prints them (ui/cli/tap-srt.c's layout, Wireshark's SNMP
// procedure names: Get, GetNext, Set, Bulk, Inform).
//
//   SnmpSrt srt(filter_or_null);
//   for each frame: srt.AddFrame(tree, result, frame_number);
//   srt.AppendText(&out);
//
// A call is a response the request tracker matched to its request
// (dissector/conversation: request-id for SNMPv1/v2c, msgID for SNMPv3, so
// Reports answering a request count too; tshark matches only Responses by
// request-id); its time is the tracker's (snmp.time) and its row the
// request's PDU type. The filter, like tshark's tap filter, is tested on
// the response's frame.
//
// Memory: the request types of the last kRememberedRequests request frames
// in a ring allocated once (the tracker forgets exchanges at a similar
// cap), and nine rows of counters: nothing grows per packet.

#ifndef SNMPDISSECT_DISSECTOR_STATS_SRT_H_
#define SNMPDISSECT_DISSECTOR_STATS_SRT_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "dissector/filter/filter.h"
#include "dissector/pipeline/frame_dissector.h"
#include "dissector/tree/tree.h"

namespace snmpdissect::stats {

inline constexpr size_t kRememberedRequests = 65536;

class SnmpSrt {
 public:
  // `filter` (may be null: every response) is not owned and must outlive
  // this. The table's "Filter:" line shows "snmp.data" whatever it is, as
  // tshark's does.
  explicit SnmpSrt(const filter::DisplayFilter* filter);

  // `tree` and `result` are FrameDissector::Dissect's for frame
  // `frame_number`.
  void AddFrame(const tree::Tree& tree, const pipeline::FrameResult& result,
                uint64_t frame_number);
  void AppendText(std::string* out) const;
  // {"statistic":"snmp,srt","rows":[{"index":0,"procedure":"Get","calls":4,
  //  "min_srt":0.000205,"max_srt":...,"avg_srt":...,"sum_srt":...}, ...]}:
  // the text table's rows, times in seconds rounded to the microsecond.
  void AppendJson(std::string* out) const;

  struct Row {
    uint64_t calls = 0;
    int64_t min_ns = 0;
    int64_t max_ns = 0;
    int64_t sum_ns = 0;
  };
  // Indexed by the request's PDU tag (0 get-request .. 8 report).
  const std::array<Row, 9>& rows() const { return rows_; }

 private:
  struct Remembered {
    uint64_t frame = 0;  // 0: empty slot
    uint8_t pdu = 0;
  };
  const filter::DisplayFilter* filter_;
  std::array<Row, 9> rows_{};
  std::vector<Remembered> requests_;  // ring indexed by frame number
};

}  // namespace snmpdissect::stats

#endif  // SNMPDISSECT_DISSECTOR_STATS_SRT_H_
