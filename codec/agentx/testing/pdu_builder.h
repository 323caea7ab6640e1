// Test support: AgentX PDUs written by hand, in either byte order, for the
// unit tests and the fuzz seeds. Writes what it is told, including what
// RFC 2741 forbids (that is what the tests need); the header's
// payload_length is the payload's size unless overridden.
//
//   agentx::testing::PduBuilder b(agentx::ByteOrder::kBigEndian);
//   b.Oid({1, 3, 6, 1, 2, 1, 1, 1, 0}).Oid({});      // one SearchRange
//   std::string pdu = b.Build(agentx::PduType::kGet, /*session_id=*/7);

#ifndef SNMPDISSECT_CODEC_AGENTX_TESTING_PDU_BUILDER_H_
#define SNMPDISSECT_CODEC_AGENTX_TESTING_PDU_BUILDER_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "absl/types/span.h"
#include "codec/agentx/model.h"
#include "codec/agentx/reader.h"

namespace snmpdissect::agentx::testing {

class PduBuilder {
 public:
  explicit PduBuilder(ByteOrder order = ByteOrder::kLittleEndian) : order_(order) {}

  PduBuilder& U8(uint8_t v) {
    payload_.push_back(static_cast<char>(v));
    return *this;
  }
  PduBuilder& U16(uint16_t v) { return Int(v, 2); }
  PduBuilder& U32(uint32_t v) { return Int(v, 4); }
  PduBuilder& U64(uint64_t v) { return Int(v, 8); }
  PduBuilder& Raw(const std::string& octets) {
    payload_ += octets;
    return *this;
  }

  // RFC 2741 5.1. With `compress`, arcs 1.3.6.1.X (X in 1..255) become the
  // prefix X, as net-snmp sends them.
  PduBuilder& Oid(const std::vector<uint32_t>& arcs, uint8_t include = 0,
                  bool compress = true, uint8_t reserved = 0) {
    size_t skip = 0;
    uint8_t prefix = 0;
    if (compress && arcs.size() >= 5 && arcs[0] == 1 && arcs[1] == 3 && arcs[2] == 6 &&
        arcs[3] == 1 && arcs[4] >= 1 && arcs[4] <= 255) {
      prefix = static_cast<uint8_t>(arcs[4]);
      skip = 5;
    }
    U8(static_cast<uint8_t>(arcs.size() - skip)).U8(prefix).U8(include).U8(reserved);
    for (size_t i = skip; i < arcs.size(); ++i) U32(arcs[i]);
    return *this;
  }

  // RFC 2741 5.3, padded with `pad` octets.
  PduBuilder& OctetString(const std::string& value, uint8_t pad = 0) {
    U32(static_cast<uint32_t>(value.size()));
    payload_ += value;
    while (payload_.size() % 4 != 0) U8(pad);
    return *this;
  }

  // RFC 2741 5.4: v.type, reserved, v.name; the data is for the caller.
  PduBuilder& VarBindHead(VarBindType type, const std::vector<uint32_t>& name) {
    return U16(static_cast<uint16_t>(type)).U16(0).Oid(name);
  }

  // The header and payload. `payload_length` overrides the true size.
  std::string Build(PduType type, uint32_t session_id = 1, uint32_t transaction_id = 2,
                    uint32_t packet_id = 3, uint8_t flags = 0,
                    std::optional<uint32_t> payload_length = std::nullopt) const {
    return BuildRaw(static_cast<uint8_t>(type), session_id, transaction_id, packet_id, flags,
                    payload_length);
  }
  std::string BuildRaw(uint8_t type, uint32_t session_id, uint32_t transaction_id,
                       uint32_t packet_id, uint8_t flags,
                       std::optional<uint32_t> payload_length = std::nullopt,
                       uint8_t version = kVersion) const {
    if (order_ == ByteOrder::kBigEndian) flags |= kFlagNetworkByteOrder;
    PduBuilder header(order_);
    header.U8(version).U8(type).U8(flags).U8(0);
    header.U32(session_id).U32(transaction_id).U32(packet_id);
    header.U32(payload_length.value_or(static_cast<uint32_t>(payload_.size())));
    return header.payload_ + payload_;
  }

  const std::string& payload() const { return payload_; }

 private:
  PduBuilder& Int(uint64_t v, int size) {
    for (int i = 0; i < size; ++i) {
      const int shift = order_ == ByteOrder::kBigEndian ? 8 * (size - 1 - i) : 8 * i;
      payload_.push_back(static_cast<char>(v >> shift));
    }
    return *this;
  }

  ByteOrder order_;
  std::string payload_;
};

// One VarBind of every RFC 2741 5.4 type, each named sysDescr.0
// (1.3.6.1.2.1.1.1.0): Integer -5, "hello", Null, an OID, IpAddress
// 192.0.2.1, Counter32 4294967295, Gauge32 7, TimeTicks 123456, an Opaque
// float, Counter64 2^64-1 and the three exceptions. The decode tests check
// these values; the fuzz seeds start from them.
inline PduBuilder& AppendEveryValueType(PduBuilder& b) {
  const std::vector<uint32_t> name = {1, 3, 6, 1, 2, 1, 1, 1, 0};
  b.VarBindHead(VarBindType::kInteger, name).U32(static_cast<uint32_t>(-5));
  b.VarBindHead(VarBindType::kOctetString, name).OctetString("hello");
  b.VarBindHead(VarBindType::kNull, name);
  b.VarBindHead(VarBindType::kObjectIdentifier, name).Oid({1, 3, 6, 1, 6, 3, 1, 1, 5, 1});
  b.VarBindHead(VarBindType::kIpAddress, name).OctetString(std::string("\xc0\x00\x02\x01", 4));
  b.VarBindHead(VarBindType::kCounter32, name).U32(4294967295u);
  b.VarBindHead(VarBindType::kGauge32, name).U32(7);
  b.VarBindHead(VarBindType::kTimeTicks, name).U32(123456);
  b.VarBindHead(VarBindType::kOpaque, name)
      .OctetString(std::string("\x9f\x78\x04\x40\x49\x0f\xd0", 7));
  b.VarBindHead(VarBindType::kCounter64, name).U64(18446744073709551615u);
  b.VarBindHead(VarBindType::kNoSuchObject, name);
  b.VarBindHead(VarBindType::kNoSuchInstance, name);
  b.VarBindHead(VarBindType::kEndOfMibView, name);
  return b;
}

inline Bytes AsBytes(const std::string& s) {
  return Bytes(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

}  // namespace snmpdissect::agentx::testing

#endif  // SNMPDISSECT_CODEC_AGENTX_TESTING_PDU_BUILDER_H_
