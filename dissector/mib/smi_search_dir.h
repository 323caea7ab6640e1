// The private search directory of the libsmi loading child (smi_loader.cc):
// a temporary directory of symbolic links to the MIB files the parent
// accepted, and nothing else, so libsmi finds a module, whether asked for
// by name or through another module's IMPORTS, only in a file that passed
// the caps and has not taken a loading child down.
//
//   SmiSearchDir dir;
//   dir.AddDirs({"/usr/share/snmp/mibs"}, caps, &errors);   // --mib-dir
//   int f = dir.AddFile("./vendor/ACME-MIB.txt", caps, &errors);  // --mib PATH
//   smiSetPath(dir.search_path().c_str());                   // in the child
//   dir.Exclude(i);        // it crashed libsmi: unlinked, for good, under
//                          // every name it was linked by
//
// Layout: one subdirectory per --mib-dir, in order (libsmi's path searches
// them in order, so the first directory's file of a name still wins), and
// one per --mib file argument (not on the search path). A link keeps its
// file's name, so libsmi's own lookup by module name ("NAME", "NAME.txt",
// "NAME.my", ... and lower case) applies unchanged.
//
// Caps, on every way in: a file over `max_file_bytes` or not a regular
// file is not linked, a line naming it; at most `max_files` files across
// the directories. The directory is removed by the destructor; a process
// killed first leaves it in $TMPDIR (links only).

#ifndef SNMPDISSECT_DISSECTOR_MIB_SMI_SEARCH_DIR_H_
#define SNMPDISSECT_DISSECTOR_MIB_SMI_SEARCH_DIR_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace snmpdissect::mib {

struct SmiFileCaps {
  size_t max_file_bytes = 0;
  size_t max_files = 0;
};

class SmiSearchDir {
 public:
  struct File {
    std::string shown;  // the path as the user gave it (errors name it)
    std::string real;   // canonical path: what /proc/PID/fd shows open
    std::string link;   // its link in the search directory
    bool from_dir = false;  // found in a --mib-dir (loaded by ALL)
    bool excluded = false;
  };

  SmiSearchDir() = default;
  ~SmiSearchDir();
  SmiSearchDir(const SmiSearchDir&) = delete;
  SmiSearchDir& operator=(const SmiSearchDir&) = delete;

  // Makes the temporary directory; false with a line in `errors`.
  [[nodiscard]] bool Create(std::vector<std::string>* errors);

  // Links every regular file of each directory (sorted by name, dot files
  // skipped) that meets the caps; a problem is one line in `errors`.
  void AddDirs(const std::vector<std::string>& dirs, const SmiFileCaps& caps,
               std::vector<std::string>* errors);
  // Links one file named on the command line; its index, or -1 with a line
  // in `errors`.
  int AddFile(const std::string& path, const SmiFileCaps& caps, std::vector<std::string>* errors);

  // Unlinks file `i` and every other link to the same file (its canonical
  // path: a directory given twice, a symlink beside its target, a --mib
  // path inside a --mib-dir), so no later load finds it under any name;
  // returns the indexes excluded. Blame follows the canonical path
  // (OpenSmiFile names its first index), so a copy left linked would crash
  // the next attempt too and the blame would fall on the step instead.
  std::vector<size_t> Exclude(size_t i);

  const std::vector<File>& files() const { return files_; }
  // The directories of AddDirs, ':'-separated: libsmi's path.
  const std::string& search_path() const { return search_path_; }
  // The file whose link or canonical path is `path`, or -1.
  int Find(std::string_view path) const;
  // `text` with every link path replaced by the path the user gave.
  std::string Shown(std::string_view text) const;

 private:
  std::string MakeSubdir(std::vector<std::string>* errors);
  bool Link(std::string shown, const std::string& subdir, bool from_dir,
            std::vector<std::string>* errors);

  std::string root_;
  std::string search_path_;
  size_t subdirs_ = 0;
  std::vector<File> files_;
  // (link directory + "/", the user's directory + "/"), for Shown.
  std::vector<std::pair<std::string, std::string>> prefixes_;
};

}  // namespace snmpdissect::mib

#endif  // SNMPDISSECT_DISSECTOR_MIB_SMI_SEARCH_DIR_H_
