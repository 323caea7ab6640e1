#include "dissector/wireshark/names.h"

#include <string>
#include <string_view>

namespace snmpdissect::wireshark {
namespace {

constexpr std::string_view kToolProtocol = "snmp";
constexpr std::string_view kWiresharkPseudo = "_ws.";

}  // namespace

std::string PluginAbbrev(std::string_view ours) {
  std::string out(kPluginFilterName);
  if (ours == kToolProtocol) return out;
  if (ours.size() > kToolProtocol.size() && ours.substr(0, kToolProtocol.size()) == kToolProtocol &&
      ours[kToolProtocol.size()] == '.') {
    out.append(ours.substr(kToolProtocol.size()));
    return out;
  }
  if (ours.substr(0, kWiresharkPseudo.size()) == kWiresharkPseudo) {
    ours.remove_prefix(kWiresharkPseudo.size());
  }
  out.push_back('.');
  out.append(ours);
  return out;
}

std::string BytesTwinAbbrev(std::string_view plugin_abbrev) {
  std::string out(plugin_abbrev);
  out.append(".raw");
  return out;
}

std::string SeverityVariantAbbrev(std::string_view plugin_abbrev, std::string_view severity) {
  std::string out(plugin_abbrev);
  out.push_back('.');
  for (const char c : severity) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return out;
}

}  // namespace snmpdissect::wireshark
