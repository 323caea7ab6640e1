#include "codec/snmp/model.h"

namespace snmpdissect::snmp {

void Message::Clear() {
  // Move the vectors out, reset everything, move them back: the capacity
  // survives and nothing else can be forgotten when fields are added.
  std::vector<VarBind> varbinds = std::move(pdu.varbinds);
  std::vector<Diagnostic> diags = std::move(diagnostics);
  varbinds.clear();
  diags.clear();
  *this = Message();
  pdu.varbinds = std::move(varbinds);
  diagnostics = std::move(diags);
}

const char* PduTypeName(PduType type) {
  switch (type) {
    case PduType::kGetRequest: return "get-request";
    case PduType::kGetNextRequest: return "get-next-request";
    case PduType::kResponse: return "get-response";
    case PduType::kSetRequest: return "set-request";
    case PduType::kTrapV1: return "trap";
    case PduType::kGetBulkRequest: return "getBulkRequest";
    case PduType::kInformRequest: return "informRequest";
    case PduType::kSnmpV2Trap: return "snmpV2-trap";
    case PduType::kReport: return "report";
  }
  return "unknown-pdu";
}

const char* ValueTypeName(ValueType type) {
  switch (type) {
    case ValueType::kInteger: return "INTEGER";
    case ValueType::kOctetString: return "OCTET STRING";
    case ValueType::kNull: return "NULL";
    case ValueType::kObjectIdentifier: return "OBJECT IDENTIFIER";
    case ValueType::kIpAddress: return "IpAddress";
    case ValueType::kCounter32: return "Counter32";
    case ValueType::kGauge32: return "Gauge32";
    case ValueType::kTimeTicks: return "TimeTicks";
    case ValueType::kOpaque: return "Opaque";
    case ValueType::kNsapAddress: return "NsapAddress";
    case ValueType::kCounter64: return "Counter64";
    case ValueType::kUInteger32: return "UInteger32";
    case ValueType::kNoSuchObject: return "noSuchObject";
    case ValueType::kNoSuchInstance: return "noSuchInstance";
    case ValueType::kEndOfMibView: return "endOfMibView";
    case ValueType::kUnknown: return "unknown";
  }
  return "unknown";
}

}  // namespace snmpdissect::snmp
