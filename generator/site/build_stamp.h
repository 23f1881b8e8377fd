// build_stamp.h: knowing in milliseconds that there is nothing to build
// (ninja's "no work to do"). After a build, a stamp records a fingerprint of
// everything it read — each source file's path, size, modification time and
// inode (not its bytes), the commit its history starts from, the settings, the
// congbo binary — and of the output it wrote. When the next build finds the
// same fingerprint, the output is already what it would write: nothing is read
// or rendered, and the warnings of that build are shown again.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diagnostic.h"

namespace congbo {

class ReadDigests;  // source_tree.h

/// Path, size, modification time and inode of every file a build reads from
/// the working copy (site.toml, content/, static/, layouts/, themes/). Cheap
/// enough to compute every few hundred milliseconds on thousands of files.
std::string source_fingerprint(const std::filesystem::path& site_dir);

/// The same files' paths and bytes, hashed: when files were saved again
/// unchanged (an editor, a checkout, a copy without times), their stat
/// differs but this does not. Reads every file, so it is asked for only when
/// the stat says something changed; but not those in `read`, which a build
/// has just loaded (their digests are taken from there).
std::string source_content_fingerprint(const std::filesystem::path& site_dir, const ReadDigests* read = nullptr);

/// The same facts about the output's marker file, which every build rewrites.
std::string output_fingerprint(const std::filesystem::path& out_dir);

/// The running congbo binary's version, size and modification time: another
/// binary may render differently.
std::string binary_fingerprint();

class BuildStamp {
 public:
  explicit BuildStamp(std::filesystem::path file) : file_(std::move(file)) {}
  struct Previous {
    int pages = 0;
    std::vector<Diagnostic> diagnostics;  ///< its warnings and notes, to show again
    bool by_content = false;              ///< the stat key differed, the contents did not
  };
  /// What the build that wrote the stamp reported, when its key is `key`, or
  /// else when its content key is what `content_key()` says (asked only then).
  std::optional<Previous> matches(const std::string& key,
                                  const std::function<std::string()>& content_key = nullptr) const;
  /// Records a finished build (atomically: a killed build leaves no half stamp).
  void write(const std::string& key, const std::string& content_key, int pages, const Diagnostics& diags) const;
  /// Forgets the last build (before one that may leave the output changed).
  void clear() const;

 private:
  std::filesystem::path file_;
};

}  // namespace congbo
