// The Wireshark 4.0 epan plugin: its exported entry points, protocol,
// preferences, hand-off and dissectors. The C++ work happens in the engine
// (engine.h); this file is the epan side and keeps to what epan allows:
// no C++ object with a destructor is live in a frame while an epan
// function that may throw (longjmp) runs.
//
// Hand-off: UDP and TCP ports 161 and 162 (RFC 3417 section 4, RFC 3430),
// taken from the built-in SNMP dissector when the plugin loads unless
// snmpdissect.leave_ports_to_builtin is set (then it is reached through
// Decode As, offered on both tables). Over TCP, epan's reassembly cuts the
// stream into messages (tcp_dissect_pdus) by their BER length (RFC 3430
// section 2), as the tool's reassembler does with the same framing.

#include <epan/packet.h>
#include <epan/prefs.h>
#include <epan/proto_data.h>
#include <epan/dissectors/packet-tcp.h>
#include <wsutil/filesystem.h>
#include <wsutil/report_message.h>
#include <ws_version.h>

#include <string>
#include <vector>

#include "dissector/value/escape.h"
#include "dissector/proto/snmp_framing.h"
#include "dissector/wireshark/engine.h"
#include "dissector/wireshark/epan_tree.h"
#include "dissector/wireshark/registration.h"
#include "dissector/wireshark/users_source.h"

#ifndef SNMPDISSECT_VERSION
#define SNMPDISSECT_VERSION "0"
#endif

// What epan's plugin loader looks up (C linkage; `extern` gives the
// const objects external linkage, which C++ const would not).
extern "C" WS_DLL_PUBLIC_DEF const gchar plugin_version[] = SNMPDISSECT_VERSION;
extern "C" WS_DLL_PUBLIC_DEF const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
extern "C" WS_DLL_PUBLIC_DEF const int plugin_want_minor = WIRESHARK_VERSION_MINOR;
extern "C" WS_DLL_PUBLIC_DEF void plugin_register(void);

namespace snmpdissect::wireshark {
namespace {

constexpr guint32 kPorts[] = {161, 162};  // RFC 3417 section 4: agent, notifications
// Octets tcp_dissect_pdus must have before asking the length: the BER
// identifier and first length octet; longer headers ask for more.
constexpr guint kFramingPrefix = 2;
// The longest BER header of an SNMP message: identifier, 0x84, 4 octets.
constexpr guint kMaxHeader = 6;
// p_add_proto_data key: how many messages this dissection of the frame
// has shown so far (several PDUs in one TCP segment).
constexpr guint32 kMessageCountKey = 0;

dissector_handle_t udp_handle = nullptr;
dissector_handle_t tcp_handle = nullptr;
gboolean leave_ports = FALSE;
gboolean ports_taken = FALSE;
const char* users_file_pref = "";

// --- Dissection.

uint32_t NextMessageIndex(packet_info* pinfo, int proto) {
  // The count lives in the packet's pool: it starts at 0 on every
  // dissection of the frame, so each pass numbers the messages alike.
  auto* count = static_cast<uint32_t*>(p_get_proto_data(pinfo->pool, pinfo, proto, kMessageCountKey));
  if (count == nullptr) {
    count = wmem_new0(pinfo->pool, uint32_t);
    p_add_proto_data(pinfo->pool, pinfo, proto, kMessageCountKey, count);
  }
  return (*count)++;
}

void CopyAddress(const address& from, std::array<uint8_t, 16>* to, uint8_t* version) {
  if (from.type == AT_IPv4 && from.len == 4) {
    *version = 4;
  } else if (from.type == AT_IPv6 && from.len == 16) {
    *version = 6;
  } else {
    *version = 0;
    return;
  }
  const auto* data = static_cast<const uint8_t*>(from.data);
  std::copy_n(data, from.len, to->begin());
}

MessageContext ContextOf(packet_info* pinfo, uint32_t index) {
  MessageContext c;
  c.frame = pinfo->num;
  c.index = index;
  c.visited = pinfo->fd->visited;
  c.time_ns = static_cast<int64_t>(pinfo->abs_ts.secs) * 1'000'000'000 + pinfo->abs_ts.nsecs;
  uint8_t src_version = 0;
  uint8_t dst_version = 0;
  CopyAddress(pinfo->src, &c.flow.src, &src_version);
  CopyAddress(pinfo->dst, &c.flow.dst, &dst_version);
  c.flow.ip_version = src_version == dst_version ? src_version : 0;
  c.flow.transport = pinfo->ptype == PT_UDP   ? conversation::kUdp
                     : pinfo->ptype == PT_TCP ? conversation::kTcp
                                              : 0;
  c.flow.src_port = static_cast<uint16_t>(pinfo->srcport);
  c.flow.dst_port = static_cast<uint16_t>(pinfo->destport);
  return c;
}

void SetColumns(packet_info* pinfo, const tree::Tree& t, uint32_t index, Engine& engine) {
  const char* short_name = tree::GetField(Registration::Get().protocol_row).short_name;
  col_set_str(pinfo->cinfo, COL_PROTOCOL, short_name != nullptr ? short_name : "SNMP");
  std::string& info = engine.scratch();
  info.clear();
  value::AppendEscaped(t.info(), value::EscapeQuotes::kNo, &info);
  if (t.first_malformed() != tree::kNoNode) info.append(" [Malformed Packet]");
  if (index == 0) {
    col_clear(pinfo->cinfo, COL_INFO);
    col_add_str(pinfo->cinfo, COL_INFO, info.c_str());
  } else {
    col_append_sep_str(pinfo->cinfo, COL_INFO, ", ", info.c_str());
  }
}

// One SNMP message: all of `tvb`.
int DissectMessage(tvbuff_t* tvb, packet_info* pinfo, proto_tree* parent, void*) {
  const Registration& reg = Registration::Get();
  const uint32_t index = NextMessageIndex(pinfo, reg.proto);
  const guint length = tvb_captured_length(tvb);
  const guint8* bytes = length > 0 ? tvb_get_ptr(tvb, 0, static_cast<gint>(length)) : nullptr;
  Engine& engine = Engine::Get();
  const tree::Tree* t = engine.Dissect(absl::MakeConstSpan(bytes, length), ContextOf(pinfo, index));
  if (t == nullptr) return static_cast<int>(length);
  SetColumns(pinfo, *t, index, engine);
  EmitTree(*t, t->node(tree::Tree::kRoot).first_child,
           EmitTarget{.pinfo = pinfo, .tvb = tvb, .parent = parent, .engine = &engine});
  return static_cast<int>(length);
}

// RFC 3430 section 2: the message's BER header gives its length.
guint TcpMessageLength(packet_info* pinfo, tvbuff_t* tvb, int offset, void*) {
  const gint available = tvb_captured_length_remaining(tvb, offset);
  guint8 header[kMaxHeader] = {};
  const guint n = std::min<guint>(static_cast<guint>(std::max(available, 0)), kMaxHeader);
  tvb_memcpy(tvb, header, offset, n);
  const reassembly::PduLength l =
      proto::SnmpPduLength(reassembly::PduPrefix(absl::MakeConstSpan(header, n), {}));
  switch (l.state) {
    case reassembly::PduLength::kOk:
      return l.total > G_MAXUINT ? G_MAXUINT : static_cast<guint>(l.total);
    case reassembly::PduLength::kNeedMore:
      // 0 asks epan for another segment, which it may only do when it can.
      if (pinfo->can_desegment) return 0;
      break;
    case reassembly::PduLength::kInvalid:
      break;
  }
  // Not a message boundary: the rest of the segment is one (malformed)
  // message, shown with the tool's diagnostics.
  return static_cast<guint>(tvb_reported_length_remaining(tvb, offset));
}

int DissectTcp(tvbuff_t* tvb, packet_info* pinfo, proto_tree* tree, void* data) {
  tcp_dissect_pdus(tvb, pinfo, tree, TRUE, kFramingPrefix, &TcpMessageLength, &DissectMessage,
                   data);
  return static_cast<int>(tvb_captured_length(tvb));
}

// --- Users: read at every (re)start of a dissection, so edits to the
// table apply to the next file without restarting.

void LoadUsersNow() {
  char* personal = get_persconffile_path("snmp_users", TRUE);
  std::vector<std::string> problems;
  std::vector<usm::UserConfig> users =
      LoadUsers(personal != nullptr ? personal : "", users_file_pref != nullptr ? users_file_pref : "",
                &problems);
  g_free(personal);
  for (const std::string& p : problems) report_failure("snmpdissect: %s", p.c_str());
  Engine::Get().SetUsers(std::move(users));
}

void InitRoutine() {
  Engine::Get().Reset();
  LoadUsersNow();
}

// --- Registration and hand-off.

void ApplyPorts() {
  if (!leave_ports && !ports_taken) {
    for (const guint32 port : kPorts) {
      dissector_add_uint("udp.port", port, udp_handle);
      dissector_add_uint("tcp.port", port, tcp_handle);
    }
    ports_taken = TRUE;
  } else if (leave_ports && ports_taken) {
    // Back to the built-in dissector's handles, when it has them.
    dissector_handle_t builtin_udp = find_dissector("snmp");
    dissector_handle_t builtin_tcp = find_dissector("snmp_tcp");
    for (const guint32 port : kPorts) {
      if (builtin_udp != nullptr) {
        dissector_add_uint("udp.port", port, builtin_udp);
      } else {
        dissector_delete_uint("udp.port", port, udp_handle);
      }
      if (builtin_tcp != nullptr) {
        dissector_add_uint("tcp.port", port, builtin_tcp);
      } else {
        dissector_delete_uint("tcp.port", port, tcp_handle);
      }
    }
    ports_taken = FALSE;
  }
}

void RegisterProtocol() {
  Registration& reg = Registration::Build();
  udp_handle = register_dissector("snmpdissect", &DissectMessage, reg.proto);
  tcp_handle = register_dissector("snmpdissect_tcp", &DissectTcp, reg.proto);
  module_t* module = prefs_register_protocol(reg.proto, &ApplyPorts);
  prefs_register_filename_preference(
      module, "users_file", "SNMPv3 users file",
      "A file of SNMPv3 users in Wireshark's snmp_users format, read in addition to the "
      "snmp_users table of the personal configuration folder",
      &users_file_pref, FALSE);
  prefs_register_bool_preference(
      module, "leave_ports_to_builtin", "Leave ports 161/162 to the built-in SNMP dissector",
      "Do not take UDP and TCP ports 161 and 162 from Wireshark's SNMP dissector; use "
      "Decode As to choose snmpdissect",
      &leave_ports);
  register_init_routine(&InitRoutine);
}

void Handoff() {
  Registration::Get().ResolveForeign();
  dissector_add_for_decode_as("udp.port", udp_handle);
  dissector_add_for_decode_as("tcp.port", tcp_handle);
  ApplyPorts();
}

}  // namespace
}  // namespace snmpdissect::wireshark

void plugin_register(void) {
  static proto_plugin plugin;
  plugin.register_protoinfo = &snmpdissect::wireshark::RegisterProtocol;
  plugin.register_handoff = &snmpdissect::wireshark::Handoff;
  proto_register_plugin(&plugin);
}
