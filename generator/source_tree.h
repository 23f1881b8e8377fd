// source_tree.h: where the site's files are read from. The working directory
// normally; a git tree for `congbo build --ref REV` (see history.h). The only
// seam between the pipeline and the disk, so --ref needs no special cases.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace congbo {

class SourceTree {
 public:
  virtual ~SourceTree() = default;
  /// Bytes of the file at `rel` ("content/van-ban/a.md"), or nullopt.
  virtual std::optional<std::string> read(const std::string& rel) const = 0;
  virtual bool exists(const std::string& rel) const = 0;
  /// Every file below directory `rel_dir`, recursively, as site-relative
  /// paths with '/' separators, sorted.
  virtual std::vector<std::string> list(const std::string& rel_dir) const = 0;
  virtual bool is_dir(const std::string& rel_dir) const = 0;
};

/// The working directory at `site_dir`.
std::unique_ptr<SourceTree> disk_source(const std::filesystem::path& site_dir);

/// The bytes of a file on disk, read at the size it has (and whatever is
/// there, should it be saved meanwhile), or nullopt when it cannot be opened.
std::optional<std::string> file_bytes(const std::filesystem::path& file);

}  // namespace congbo
