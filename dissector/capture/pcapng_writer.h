// The pcapng half of capture::Writer (writer.h says why it is ours): a
// Section Header Block, one Interface Description Block, then an Enhanced
// Packet Block per packet (draft-ietf-opsawg-pcapng sections 4.1-4.3).

#ifndef SNMPDISSECT_DISSECTOR_CAPTURE_PCAPNG_WRITER_H_
#define SNMPDISSECT_DISSECTOR_CAPTURE_PCAPNG_WRITER_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "dissector/capture/writer.h"

namespace snmpdissect::capture {

[[nodiscard]] absl::StatusOr<std::unique_ptr<Writer>> OpenPcapng(const std::string& path,
                                                                 const WriterOptions& options);

}  // namespace snmpdissect::capture

#endif  // SNMPDISSECT_DISSECTOR_CAPTURE_PCAPNG_WRITER_H_
