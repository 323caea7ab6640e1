// libFuzzer target: the two readers of SNMPv3 users (codec/usm/users.h) on
// text an analyst hands the tool, often someone else's: the whole input as
// a snmp_users file (Wireshark's UAT format, --users), and each of its
// lines as a --user argument.
//
// Beyond "no crash", it checks what the tool relies on (abort otherwise):
// - An error is InvalidArgument with one line of printable ASCII (the tool
//   prints it on a terminal); a file's starts "FILE:N: " with N a line the
//   input has.
// - What reads is what the header promises (name 1 to 32 octets, engine ID
//   empty or 5 to 32, a password exactly when its protocol is not NONE,
//   privacy only with authentication).
// - What reads survives a round trip: the file's users written back as
//   Wireshark saves them (every field quoted, names and passwords escaped
//   twice) read the same; so does a --user user written back with its
//   "\:" and "\\" escapes.
// - The two readers agree: a user either one reads, written in the other's
//   form, reads the same there.
// - A password is never quoted in an error: one typed into the protocol
//   column (users.h, "Secrets") is not echoed by "unknown protocol".

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/escaping.h"
#include "absl/strings/string_view.h"
#include "codec/usm/protocols.h"
#include "codec/usm/users.h"
#include "fuzz/fuzz_check.h"

namespace {

using snmpdissect::usm::AuthProtocol;
using snmpdissect::usm::PrivProtocol;
using snmpdissect::usm::UserConfig;

constexpr std::string_view kFileName = "fuzz";
// The --user reader gets the first lines only: enough for every shape of
// argument, and a long input stays one file parse plus a bounded number of
// argument parses.
constexpr size_t kMaxSpecLines = 16;

void Check(bool condition, const char* what) {
  snmpdissect::fuzz::CheckInvariant("users", condition, what);
}

bool SameUser(const UserConfig& a, const UserConfig& b) {
  return a.engine_id == b.engine_id && a.name == b.name && a.auth == b.auth &&
         a.auth_password == b.auth_password && a.priv == b.priv &&
         a.priv_password == b.priv_password;
}

void CheckUserShape(const UserConfig& u) {
  Check(!u.name.empty() && u.name.size() <= 32, "user name not 1 to 32 octets");
  Check(u.engine_id.empty() || (u.engine_id.size() >= 5 && u.engine_id.size() <= 32),
        "engine ID neither empty nor 5 to 32 octets");
  Check(u.auth_password.empty() == (u.auth == AuthProtocol::kNone),
        "authentication password present exactly when the protocol is not NONE");
  Check(u.priv_password.empty() == (u.priv == PrivProtocol::kNone),
        "privacy password present exactly when the protocol is not NONE");
  Check(u.priv == PrivProtocol::kNone || u.auth != AuthProtocol::kNone,
        "privacy without authentication");
}

// One line of printable ASCII (no control characters, nothing past 0x7e).
void CheckErrorMessage(const absl::Status& status) {
  Check(status.code() == absl::StatusCode::kInvalidArgument, "error is not InvalidArgument");
  Check(!status.message().empty(), "empty error message");
  for (char c : status.message()) {
    Check(c >= 0x20 && c <= 0x7e, "error message is not one line of printable ASCII");
  }
}

size_t LineCount(std::string_view text) {
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines + (!text.empty() && text.back() != '\n');
}

// "fuzz:N: ..." with 1 <= N <= the input's line count.
void CheckFileError(const absl::Status& status, std::string_view text) {
  CheckErrorMessage(status);
  std::string_view m(status.message().data(), status.message().size());
  Check(m.substr(0, kFileName.size() + 1) == "fuzz:", "file error does not start with FILE:");
  m.remove_prefix(kFileName.size() + 1);
  size_t line = 0, digits = 0;
  while (digits < m.size() && m[digits] >= '0' && m[digits] <= '9' && digits < 12) {
    line = line * 10 + static_cast<size_t>(m[digits] - '0');
    ++digits;
  }
  Check(digits > 0 && m.substr(digits, 2) == ": ", "file error has no LINE: after FILE:");
  Check(line >= 1 && line <= LineCount(text), "file error names a line the input lacks");
}

// Wireshark's uat_esc(): printable ASCII but '"' and '\' as it is, any
// other octet as \xHH.
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
      out.push_back(c);
    } else {
      out += "\\x";
      out += absl::BytesToHexString(absl::string_view(&c, 1));
    }
  }
  return out;
}

// Engine IDs as Wireshark writes them: lowercase hex, no separators.
std::string LowerHex(const std::string& octets) { return absl::BytesToHexString(octets); }

// Strings are built by appending: GCC 12 warns wrongly (-Wrestrict) about
// `"literal" + std::string` at -O2.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  out.append(s);
  out.push_back('"');
  return out;
}

// Fields joined by `separator`.
std::string Join(std::initializer_list<std::string_view> fields, char separator) {
  std::string out;
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out.push_back(separator);
    first = false;
    out.append(field);
  }
  return out;
}

// One record as Wireshark saves it: the engine ID bare, the rest quoted,
// the user name and passwords escaped twice (users.h).
std::string FileRecord(const UserConfig& u) {
  using snmpdissect::usm::AuthProtocolKeyword;
  using snmpdissect::usm::PrivProtocolKeyword;
  return Join({LowerHex(u.engine_id), Quoted(Escape(Escape(u.name))),
               Quoted(AuthProtocolKeyword(u.auth)), Quoted(Escape(Escape(u.auth_password))),
               Quoted(PrivProtocolKeyword(u.priv)), Quoted(Escape(Escape(u.priv_password)))},
              ',') +
         '\n';
}

// A --user field: ':' and '\' escaped with a backslash.
std::string SpecField(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ':' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// NAME:AUTH:PASS:PRIV:PASS:ENGINEID, all six fields.
std::string Spec(const UserConfig& u) {
  using snmpdissect::usm::AuthProtocolKeyword;
  using snmpdissect::usm::PrivProtocolKeyword;
  return Join({SpecField(u.name), AuthProtocolKeyword(u.auth), SpecField(u.auth_password),
               PrivProtocolKeyword(u.priv), SpecField(u.priv_password), LowerHex(u.engine_id)},
              ':');
}

// A record the file format can hold: lines are capped (users.h), and
// escaping twice makes an octet up to seven characters.
bool FitsOneLine(const std::string& record) {
  return record.size() <= snmpdissect::usm::kMaxUsersLineBytes;
}

// The user, read back from a file holding its record alone, is itself.
void CheckFileForm(const UserConfig& u, const char* what) {
  const std::string record = FileRecord(u);
  if (!FitsOneLine(record)) return;
  const auto back = snmpdissect::usm::ParseUsersFile(record, kFileName);
  Check(back.ok() && back->size() == 1 && SameUser((*back)[0], u), what);
}

void CheckSpecForm(const UserConfig& u, const char* what) {
  const auto back = snmpdissect::usm::ParseUserSpec(Spec(u));
  Check(back.ok() && SameUser(*back, u), what);
}

bool QuotesSecret(const absl::Status& status, const std::string& secret) {
  const std::string quoted = Quoted(secret);
  return std::string_view(status.message().data(), status.message().size()).find(quoted) !=
         std::string_view::npos;
}

// The user's passwords typed into the protocol columns (the mistake
// users.h's "Secrets" names): whatever that reads as, an error never
// quotes the password.
void CheckPasswordsNotShown(const UserConfig& u) {
  for (const std::string* secret : {&u.auth_password, &u.priv_password}) {
    if (secret->empty()) continue;
    const std::string once = Quoted(Escape(*secret));
    const std::string twice = Quoted(Escape(Escape(*secret)));
    const std::string record =
        Join({"", Quoted(Escape(Escape(u.name))), once, twice, once, twice}, ',') + '\n';
    if (FitsOneLine(record)) {
      const auto read = snmpdissect::usm::ParseUsersFile(record, kFileName);
      if (!read.ok()) {
        CheckFileError(read.status(), record);
        Check(!QuotesSecret(read.status(), *secret), "file error quotes a password");
      }
    }
    const std::string field = SpecField(*secret);
    const std::string spec = Join({SpecField(u.name), field, field, field, field}, ':');
    const auto read = snmpdissect::usm::ParseUserSpec(spec);
    if (!read.ok()) {
      CheckErrorMessage(read.status());
      Check(!QuotesSecret(read.status(), *secret), "--user error quotes a password");
    }
  }
}

void CheckUser(const UserConfig& u) {
  CheckUserShape(u);
  CheckFileForm(u, "user does not read back the same from its file record");
  CheckSpecForm(u, "user does not read back the same from its --user form");
  CheckPasswordsNotShown(u);
}

void FuzzFile(std::string_view text) {
  const auto users = snmpdissect::usm::ParseUsersFile(text, kFileName);
  if (!users.ok()) {
    CheckFileError(users.status(), text);
    return;
  }
  std::string saved;
  bool fits = true;
  for (const UserConfig& u : *users) {
    CheckUser(u);
    const std::string record = FileRecord(u);
    fits = fits && FitsOneLine(record);
    saved += record;
  }
  if (!fits) return;
  // The whole table, saved and read again: same users in the same order
  // (duplicates were refused the first time, so none appear now).
  const auto back = snmpdissect::usm::ParseUsersFile(saved, kFileName);
  Check(back.ok() && back->size() == users->size(), "saved table does not read back");
  for (size_t i = 0; i < users->size(); ++i) {
    Check(SameUser((*back)[i], (*users)[i]), "saved table reads back different users");
  }
}

void FuzzSpecs(std::string_view text) {
  for (size_t n = 0; n < kMaxSpecLines && !text.empty(); ++n) {
    const size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    const auto user = snmpdissect::usm::ParseUserSpec(line);
    if (!user.ok()) {
      CheckErrorMessage(user.status());
      continue;
    }
    CheckUser(*user);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzFile(text);
  FuzzSpecs(text);
  return 0;
}
