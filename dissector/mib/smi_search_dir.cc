#include "dissector/mib/smi_search_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "dissector/mib/smi_rows.h"

namespace snmpdissect::mib {

SmiSearchDir::~SmiSearchDir() {
  if (root_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);  // links only: their files stay
}

bool SmiSearchDir::Create(std::vector<std::string>* errors) {
  std::error_code ec;
  std::filesystem::path base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "snmpdissect-mib-XXXXXX").string();
  // libsmi's path is ':'-separated: a temporary directory named with one
  // could not be searched.
  if (pattern.find(':') != std::string::npos) pattern = "/tmp/snmpdissect-mib-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    errors->push_back(SmiPrintable(absl::StrCat(pattern, ": cannot make the MIB search directory: ",
                                                std::strerror(errno))));
    return false;
  }
  root_ = pattern;
  return true;
}

std::string SmiSearchDir::MakeSubdir(std::vector<std::string>* errors) {
  std::string dir = absl::StrCat(root_, "/", subdirs_++);
  if (mkdir(dir.c_str(), 0700) != 0) {
    errors->push_back(SmiPrintable(absl::StrCat(dir, ": ", std::strerror(errno))));
    return "";
  }
  return dir;
}

bool SmiSearchDir::Link(std::string shown, const std::string& subdir, bool from_dir,
                        std::vector<std::string>* errors) {
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(shown, ec);
  if (ec) {
    errors->push_back(SmiPrintable(absl::StrCat(shown, ": ", ec.message())));
    return false;
  }
  File file;
  file.link = absl::StrCat(subdir, "/", std::filesystem::path(shown).filename().string());
  if (symlink(real.c_str(), file.link.c_str()) != 0) {
    errors->push_back(SmiPrintable(absl::StrCat(shown, ": cannot link it for libsmi: ",
                                                std::strerror(errno))));
    return false;
  }
  file.shown = std::move(shown);
  file.real = real.string();
  file.from_dir = from_dir;
  files_.push_back(std::move(file));
  return true;
}

namespace {

// The size cap and the file type, as one line naming the file when it is
// not to be read.
bool Readable(const std::string& path, const SmiFileCaps& caps, bool quiet_if_not_file,
              std::vector<std::string>* errors) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    errors->push_back(SmiPrintable(absl::StrCat(path, ": ", std::strerror(errno))));
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    if (!quiet_if_not_file) {
      errors->push_back(SmiPrintable(absl::StrCat(path, ": not a regular file, not read")));
    }
    return false;
  }
  if (static_cast<size_t>(st.st_size) > caps.max_file_bytes) {
    errors->push_back(SmiPrintable(
        absl::StrCat(path, ": larger than ", caps.max_file_bytes, " bytes, not read")));
    return false;
  }
  return true;
}

}  // namespace

void SmiSearchDir::AddDirs(const std::vector<std::string>& dirs, const SmiFileCaps& caps,
                           std::vector<std::string>* errors) {
  size_t count = 0;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<std::filesystem::path> entries;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) {
      errors->push_back(SmiPrintable(absl::StrCat(dir, ": ", ec.message())));
      continue;
    }
    const std::string subdir = MakeSubdir(errors);
    if (subdir.empty()) continue;
    absl::StrAppend(&search_path_, search_path_.empty() ? "" : ":", subdir);
    prefixes_.emplace_back(subdir + "/", (std::filesystem::path(dir) / "").string());
    std::sort(entries.begin(), entries.end());
    for (const std::filesystem::path& entry : entries) {
      if (entry.filename().string().starts_with(".")) continue;
      // Subdirectories, sockets, devices: libsmi reads files only, and a
      // directory of MIBs often holds other things; not an error.
      struct stat st;
      if (stat(entry.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
      if (++count > caps.max_files) {
        errors->push_back(SmiPrintable(
            absl::StrCat(dir, ": more than ", caps.max_files, " files; the rest are not read")));
        break;
      }
      if (Readable(entry.string(), caps, true, errors)) Link(entry.string(), subdir, true, errors);
    }
  }
}

int SmiSearchDir::AddFile(const std::string& path, const SmiFileCaps& caps,
                          std::vector<std::string>* errors) {
  if (!Readable(path, caps, false, errors)) return -1;
  const std::string subdir = MakeSubdir(errors);
  if (subdir.empty()) return -1;
  const std::string parent = std::filesystem::path(path).parent_path().string();
  prefixes_.emplace_back(subdir + "/", parent.empty() ? "" : parent + "/");
  if (!Link(path, subdir, false, errors)) return -1;
  return static_cast<int>(files_.size() - 1);
}

std::vector<size_t> SmiSearchDir::Exclude(size_t i) {
  std::vector<size_t> excluded;
  const std::string real = files_[i].real;
  for (size_t j = 0; j < files_.size(); ++j) {
    if (files_[j].real != real || files_[j].excluded) continue;
    files_[j].excluded = true;
    unlink(files_[j].link.c_str());
    excluded.push_back(j);
  }
  return excluded;
}

int SmiSearchDir::Find(std::string_view path) const {
  for (size_t i = 0; i < files_.size(); ++i) {
    if (files_[i].link == path || files_[i].real == path) return static_cast<int>(i);
  }
  return -1;
}

std::string SmiSearchDir::Shown(std::string_view text) const {
  std::string out(text);
  for (const auto& [link, shown] : prefixes_) {
    for (size_t at = out.find(link); at != std::string::npos; at = out.find(link, at + shown.size())) {
      out.replace(at, link.size(), shown);
    }
  }
  return out;
}

}  // namespace snmpdissect::mib
