#include "codec/usm/users.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace snmpdissect::usm {
namespace {

// RFC 3414 section 2.4 (msgUserName SIZE(0..32)) and section 5 (usmUserName
// SIZE(1..32)).
constexpr size_t kMaxUserNameOctets = 32;
// RFC 3411 section 5: SnmpEngineID ::= OCTET STRING (SIZE(5..32)).
constexpr size_t kMinEngineIdOctets = 5;
constexpr size_t kMaxEngineIdOctets = 32;

enum Column : size_t {
  kEngineIdColumn,
  kUserNameColumn,
  kAuthProtocolColumn,
  kAuthPasswordColumn,
  kPrivProtocolColumn,
  kPrivPasswordColumn,
  kColumnCount,
};

constexpr const char* kColumnNames[kColumnCount] = {
    "engine ID",                // kEngineIdColumn
    "user name",                // kUserNameColumn
    "authentication protocol",  // kAuthProtocolColumn
    "authentication password",  // kAuthPasswordColumn
    "privacy protocol",         // kPrivProtocolColumn
    "privacy password",         // kPrivPasswordColumn
};

std::string ColumnLabel(size_t column) {
  if (column < kColumnCount) {
    return absl::StrCat("field ", column + 1, " (", kColumnNames[column], ")");
  }
  return absl::StrCat("field ", column + 1);
}

constexpr const char* kAuthNamesHint = "MD5, SHA1, SHA2-224, SHA2-256, SHA2-384, SHA2-512 or NONE";
constexpr const char* kPrivNamesHint =
    "DES, 3DES, AES, AES192, AES256, AES192B, AES256B, AES192C, AES256C or NONE";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char ToUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool StartsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ToUpper(text[i]) != ToUpper(prefix[i])) return false;
  }
  return true;
}

// One pass of Wireshark's uat_unesc() escapes (see users.h), stricter: an
// escape it would silently mangle is an error. Returns false on a bad escape.
bool UnescapeOnce(std::string_view in, std::string* out) {
  out->clear();
  out->reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (++i == in.size()) return false;  // a dangling backslash
    const char e = in[i];
    switch (e) {
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'e': out->push_back('\x1b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '\\':
      case '"': out->push_back(e); break;
      case 'x': {
        if (in.size() - i < 3) return false;  // needs exactly two digits
        const int hi = HexValue(in[i + 1]);
        const int lo = HexValue(in[i + 2]);
        if (hi < 0 || lo < 0) return false;
        out->push_back(static_cast<char>(hi << 4 | lo));
        i += 2;
        break;
      }
      default: {
        if (e < '0' || e > '7') return false;
        // One to three octal digits, as uat_unesc() takes them; Wireshark
        // clamps values above \377 to 0xff, we refuse them.
        unsigned value = 0;
        size_t digits = 0;
        while (digits < 3 && i < in.size() && in[i] >= '0' && in[i] <= '7') {
          value = value * 8 + static_cast<unsigned>(in[i] - '0');
          ++digits;
          ++i;
        }
        --i;  // the loop's ++i moves past the last digit
        if (value > 0xff) return false;
        out->push_back(static_cast<char>(value));
        break;
      }
    }
  }
  return true;
}

// Hex octets: optional "0x", then pairs of hex digits; with
// `allow_separators`, each pair may be followed by one ':' or ' ' (the
// pattern Wireshark's dialog accepts for FT_BYTES columns,
// "([0-9a-f]{2}[ :]?)*"). Empty text is no octets. On error returns the
// problem; never quotes the text.
std::optional<std::string> DecodeEngineIdHex(std::string_view text, bool allow_separators,
                                             std::string* out) {
  out->clear();
  if (text.empty()) return std::nullopt;
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    if (text.empty()) return "engine ID has no hex digits after \"0x\"";
  }
  int pending = -1;  // the high nibble of a pair not yet complete
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const int v = HexValue(c);
    if (v >= 0) {
      if (pending < 0) {
        pending = v;
      } else {
        out->push_back(static_cast<char>(pending << 4 | v));
        pending = -1;
      }
      continue;
    }
    if (allow_separators && (c == ':' || c == ' ')) {
      if (pending >= 0) {
        return "engine ID has a separator inside a byte (write each byte as two hex digits)";
      }
      if (i > 0 && HexValue(text[i - 1]) >= 0) continue;  // one after a complete pair
    }
    return allow_separators ? "engine ID is not hex (expected pairs of hex digits, "
                              "optionally separated by ':' or ' ')"
                            : "engine ID is not hex (expected pairs of hex digits)";
  }
  if (pending >= 0) return "engine ID has an odd number of hex digits";
  return std::nullopt;
}

// An unknown protocol name goes into the message only when it looks like
// one: a protocol family prefix, at most 12 characters of [A-Za-z0-9_-],
// and no lowercase letters after the prefix. Anything else (a password in
// the wrong column, say) is not echoed.
bool LooksLikeProtocolName(std::string_view name) {
  if (name.empty() || name.size() > 12) return false;
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_') return false;
  }
  static constexpr std::string_view kFamilies[] = {"3DES", "HMAC", "NONE", "TDES",
                                                   "SHA",  "AES",  "DES",  "MD"};
  for (std::string_view family : kFamilies) {
    if (StartsWithIgnoringCase(name, family)) {
      for (char c : name.substr(family.size())) {
        if (c >= 'a' && c <= 'z') return false;
      }
      return true;
    }
  }
  return false;
}

// The fields of one user as written, escapes and hex already resolved.
struct UserFields {
  std::string engine_id;  // octets
  std::string name;
  std::string auth_name;
  std::string auth_password;
  std::string priv_name;
  std::string priv_password;
};

enum class Source { kFile, kCommandLine };

std::string UnknownProtocol(const char* what, const std::string& name, const UserFields& f,
                            const char* hint) {
  if (LooksLikeProtocolName(name) && name != f.auth_password && name != f.priv_password) {
    return absl::StrCat("unknown ", what, " protocol \"", name, "\" (expected ", hint, ")");
  }
  return absl::StrCat("unknown ", what, " protocol (not shown; expected ", hint, ")");
}

// The checks users.h lists. Returns the problem, or nothing and fills `out`.
std::optional<std::string> BuildUser(UserFields f, Source source, UserConfig* out) {
  if (f.name.empty()) return "empty user name";
  if (f.name.size() > kMaxUserNameOctets) {
    return absl::StrCat("user name is ", f.name.size(),
                        " octets; at most 32 are allowed (RFC 3414 section 2.4)");
  }
  if (!f.engine_id.empty() &&
      (f.engine_id.size() < kMinEngineIdOctets || f.engine_id.size() > kMaxEngineIdOctets)) {
    return absl::StrCat("engine ID is ", f.engine_id.size(),
                        " octets; it must be 5 to 32 (RFC 3411 section 5), or empty for "
                        "any engine");
  }

  AuthProtocol auth = AuthProtocol::kNone;
  if (f.auth_name.empty()) {
    if (source == Source::kCommandLine) {
      return "missing authentication protocol (NONE for a user without authentication)";
    }
  } else if (!ParseAuthProtocol(f.auth_name, &auth)) {
    return UnknownProtocol("authentication", f.auth_name, f, kAuthNamesHint);
  }
  if (auth == AuthProtocol::kNone && !f.auth_password.empty()) {
    return "authentication password given but the authentication protocol is NONE";
  }
  if (auth != AuthProtocol::kNone && f.auth_password.empty()) {
    return absl::StrCat("authentication protocol ", f.auth_name,
                        " needs an authentication password");
  }

  PrivProtocol priv = PrivProtocol::kNone;
  if (!f.priv_name.empty() && !ParsePrivProtocol(f.priv_name, &priv)) {
    return UnknownProtocol("privacy", f.priv_name, f, kPrivNamesHint);
  }
  if (f.priv_password.empty()) {
    if (priv != PrivProtocol::kNone && source == Source::kCommandLine) {
      return absl::StrCat("privacy protocol ", f.priv_name,
                          " needs a privacy password (leave PRIV out, or NONE, for no "
                          "privacy)");
    }
    // The file's authNoPriv convention: Wireshark's table needs some
    // protocol, so "DES","" (say) means no privacy.
    priv = PrivProtocol::kNone;
  } else if (priv == PrivProtocol::kNone) {
    return "privacy password given but the privacy protocol is NONE";
  }
  if (priv != PrivProtocol::kNone && auth == AuthProtocol::kNone) {
    return "privacy needs authentication: the authentication protocol is NONE "
           "(RFC 3411 section 3.4.3 has no noAuthPriv level)";
  }

  out->engine_id = std::move(f.engine_id);
  out->name = std::move(f.name);
  out->auth = auth;
  out->auth_password = std::move(f.auth_password);
  out->priv = priv;
  out->priv_password = std::move(f.priv_password);
  return std::nullopt;
}

// ---------------------------------------------------------------------------
// snmp_users file

// One field of a record line as written: the text between the quotes
// (escapes not yet resolved) or a bare token.
struct RawField {
  std::string_view text;
  bool quoted = false;
};

// Splits one line (no line end) into fields, following uat_load.l's states:
// blanks before a field and before a ',' are skipped; a field is quoted,
// bare [0-9A-Za-z]+, or empty. Returns the problem, if any.
std::optional<std::string> SplitRecord(std::string_view line, std::vector<RawField>* fields) {
  fields->clear();
  size_t pos = 0;
  while (true) {
    while (pos < line.size() && IsBlank(line[pos])) ++pos;
    const size_t column = fields->size();
    RawField field;
    if (pos < line.size() && line[pos] == '"') {
      const size_t start = ++pos;
      // A backslash always takes the next character, so \" stays inside.
      // (Wireshark's lexer pattern would end "..\\" at the second '"' it
      // can reach; its own writer never produces that, see uat.c.)
      while (pos < line.size() && line[pos] != '"') {
        pos += (line[pos] == '\\' && pos + 1 < line.size()) ? 2 : 1;
      }
      if (pos >= line.size()) {
        return absl::StrCat("unterminated quoted string in ", ColumnLabel(column),
                            " (a line break inside quotes must be written \\n)");
      }
      field.text = line.substr(start, pos - start);
      field.quoted = true;
      ++pos;  // the closing quote
    } else if (pos < line.size() && IsAsciiAlnum(line[pos])) {
      const size_t start = pos;
      while (pos < line.size() && IsAsciiAlnum(line[pos])) ++pos;
      field.text = line.substr(start, pos - start);
    } else if (pos < line.size() && line[pos] != ',') {
      return absl::StrCat("unexpected character at the start of ", ColumnLabel(column),
                          " (expected '\"', hex digits, ',' or the end of the line)");
    }
    fields->push_back(field);
    while (pos < line.size() && IsBlank(line[pos])) ++pos;
    if (pos == line.size()) return std::nullopt;
    if (line[pos] != ',') {
      return absl::StrCat("unexpected character after ", ColumnLabel(column),
                          field.quoted ? " (expected ',' or the end of the line; is there an "
                                         "unescaped '\"' inside the value?)"
                                       : " (expected ',' or the end of the line)");
    }
    ++pos;
  }
}

// Turns a record's raw fields into UserFields, unescaping as Wireshark does
// per column type (users.h): engine ID hex, protocol names once, user name
// and passwords twice.
std::optional<std::string> DecodeRecord(const std::vector<RawField>& raw, UserFields* f) {
  std::string once;
  const RawField& engine = raw[kEngineIdColumn];
  if (engine.quoted) {
    if (!UnescapeOnce(engine.text, &once)) return "bad escape sequence in the engine ID";
    if (auto problem = DecodeEngineIdHex(once, /*allow_separators=*/true, &f->engine_id)) {
      return problem;
    }
  } else if (auto problem =
                 DecodeEngineIdHex(engine.text, /*allow_separators=*/false, &f->engine_id)) {
    return problem;
  }

  std::string* const targets[kColumnCount] = {nullptr,           &f->name,      &f->auth_name,
                                              &f->auth_password, &f->priv_name, &f->priv_password};
  for (size_t column = kUserNameColumn; column < kColumnCount; ++column) {
    const RawField& field = raw[column];
    std::string* target = targets[column];
    if (!field.quoted) {
      if (!field.text.empty()) {
        return absl::StrCat(ColumnLabel(column), " must be a quoted string");
      }
      target->clear();
      continue;
    }
    const bool is_protocol = column == kAuthProtocolColumn || column == kPrivProtocolColumn;
    if (!UnescapeOnce(field.text, is_protocol ? target : &once)) {
      return absl::StrCat("bad escape sequence in the ", kColumnNames[column]);
    }
    if (!is_protocol && !UnescapeOnce(once, target)) {
      return absl::StrCat("bad escape sequence in the ", kColumnNames[column],
                          " after the first unescaping (Wireshark unescapes it twice: write "
                          "a backslash as \\\\\\\\ or \\x5cx5c)");
    }
  }
  return std::nullopt;
}

absl::Status LineError(std::string_view file_name, size_t line_number, std::string_view what) {
  // This Abseil's string_view is its own type, not std::string_view.
  return absl::InvalidArgumentError(
      absl::StrCat(absl::string_view(file_name.data(), file_name.size()), ":", line_number, ": ",
                   absl::string_view(what.data(), what.size())));
}

// ---------------------------------------------------------------------------
// --user

// Splits on unescaped ':', resolving "\:" and "\\". Returns the problem.
std::optional<std::string> SplitSpec(std::string_view spec, std::vector<std::string>* fields) {
  fields->assign(1, std::string());
  for (size_t i = 0; i < spec.size(); ++i) {
    const char c = spec[i];
    if (c == ':') {
      fields->emplace_back();
    } else if (c == '\\') {
      if (i + 1 == spec.size() || (spec[i + 1] != ':' && spec[i + 1] != '\\')) {
        return absl::StrCat("bad escape in field ", fields->size(),
                            ": a backslash must be followed by ':' or '\\'");
      }
      fields->back().push_back(spec[++i]);
    } else {
      fields->back().push_back(c);
    }
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<std::vector<UserConfig>> ParseUsersFile(std::string_view text,
                                                       std::string_view file_name) {
  // A UTF-8 byte order mark from a Windows editor is not part of line 1.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);

  std::vector<UserConfig> users;
  std::map<std::pair<std::string, std::string>, size_t> first_line;  // (engine, name)
  std::vector<RawField> raw;
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.size() > kMaxUsersLineBytes) {
      return LineError(file_name, line_number,
                       absl::StrCat("line is longer than ", kMaxUsersLineBytes, " bytes"));
    }
    if (line.find('\0') != std::string_view::npos) {
      return LineError(file_name, line_number, "NUL byte in the line (not a text file?)");
    }
    // uat_load.l's line end is "[ \t]*\r?\n": a CR only just before the LF
    // (or, leniently, before the end of the file).
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    size_t first = 0;
    while (first < line.size() && IsBlank(line[first])) ++first;
    if (first == line.size() || line[first] == '#') continue;  // blank or comment

    if (auto problem = SplitRecord(line, &raw)) {
      return LineError(file_name, line_number, *problem);
    }
    if (raw.size() != kColumnCount) {
      return LineError(file_name, line_number,
                       absl::StrCat("expected 6 fields (engine ID, user name, authentication "
                                    "protocol and password, privacy protocol and password), "
                                    "found ",
                                    raw.size()));
    }
    UserFields fields;
    if (auto problem = DecodeRecord(raw, &fields)) {
      return LineError(file_name, line_number, *problem);
    }
    UserConfig user;
    if (auto problem = BuildUser(std::move(fields), Source::kFile, &user)) {
      return LineError(file_name, line_number, *problem);
    }
    const auto [it, inserted] =
        first_line.try_emplace(std::make_pair(user.engine_id, user.name), line_number);
    if (!inserted) {
      return LineError(
          file_name, line_number,
          absl::StrCat("duplicate user: same user name and engine ID as line ", it->second));
    }
    users.push_back(std::move(user));
  }
  return users;
}

absl::StatusOr<std::vector<UserConfig>> LoadUsersFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return absl::ErrnoToStatus(errno, path);
  // Closes on every return below.
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};

  struct stat st;
  if (fstat(fd, &st) != 0) return absl::ErrnoToStatus(errno, path);
  if (S_ISDIR(st.st_mode)) return absl::ErrnoToStatus(EISDIR, path);
  const absl::Status too_large = absl::InvalidArgumentError(absl::StrCat(
      path, ": larger than ", kMaxUsersFileBytes / (1 << 20), " MiB; not a snmp_users file?"));
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > kMaxUsersFileBytes) {
    return too_large;
  }

  // Read to the end rather than trusting st_size: pipes (<(...)) have none,
  // and a file may grow while we read.
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::ErrnoToStatus(errno, path);
    }
    if (n == 0) break;
    if (text.size() + static_cast<size_t>(n) > kMaxUsersFileBytes) return too_large;
    text.append(buffer, static_cast<size_t>(n));
  }
  return ParseUsersFile(text, path);
}

absl::StatusOr<UserConfig> ParseUserSpec(std::string_view spec) {
  std::vector<std::string> parts;
  if (auto problem = SplitSpec(spec, &parts)) return absl::InvalidArgumentError(*problem);
  if (parts.size() > kColumnCount) {
    return absl::InvalidArgumentError(
        absl::StrCat("too many ':'-separated fields (", parts.size(),
                     "; at most 6: NAME:AUTH:PASS:PRIV:PASS:ENGINEID); write a ':' inside "
                     "a password as \\:"));
  }
  UserFields f;
  f.name = std::move(parts[0]);
  if (parts.size() == 1 && !f.name.empty()) {
    return absl::InvalidArgumentError(
        "missing authentication protocol: expected NAME:AUTH:PASS[:PRIV:PASS[:ENGINEID]], "
        "or NAME:NONE");
  }
  if (parts.size() > 1) f.auth_name = std::move(parts[1]);
  if (parts.size() > 2) f.auth_password = std::move(parts[2]);
  if (parts.size() > 3) f.priv_name = std::move(parts[3]);
  if (parts.size() > 4) f.priv_password = std::move(parts[4]);
  if (parts.size() > 5) {
    if (auto problem = DecodeEngineIdHex(parts[5], /*allow_separators=*/true, &f.engine_id)) {
      return absl::InvalidArgumentError(*problem);
    }
  }
  UserConfig user;
  if (auto problem = BuildUser(std::move(f), Source::kCommandLine, &user)) {
    return absl::InvalidArgumentError(*problem);
  }
  return user;
}

}  // namespace snmpdissect::usm
