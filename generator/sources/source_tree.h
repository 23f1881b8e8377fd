// source_tree.h: where the site's files are read from. The working directory
// normally; a git tree for `congbo build --ref REV` (see history.h). The only
// seam between the pipeline and the disk, so --ref needs no special cases.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diagnostic.h"

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
  /// What could not be read safely so far, each an error at its file: a
  /// symbolic link leading out of the site (never followed), one that leads
  /// nowhere or round in a loop, an object of a damaged git repository.
  /// Such files are left out of list() and read() gives nullopt.
  Diagnostics problems() const;

 protected:
  void problem(const std::string& rel, std::string message) const;

 private:
  mutable std::mutex problems_mu_;  // files are read on several threads
  mutable Diagnostics problems_;
};

/// `rel_dir + "/" + target`, the path a symbolic link at `rel_link` names,
/// resolved lexically ("a/b/../c" → "a/c") against the site's root; nullopt
/// when it climbs out of the site or is absolute.
std::optional<std::string> link_target(const std::string& rel_link, const std::string& target);

/// A digest of the bytes of each file a tree has read, by site-relative
/// path: the build stamp's content key is made from these, so the files a
/// build loads are not read a second time to make it. Safe to share between
/// the threads that read.
class ReadDigests {
 public:
  void add(const std::string& rel, std::string_view bytes);
  std::optional<std::string> find(const std::string& rel) const;

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::string> digests_;
};

/// The digest ReadDigests keeps of a file's bytes.
std::string bytes_digest(std::string_view bytes);

/// The working directory at `site_dir`; with `record`, each file read is noted there.
std::unique_ptr<SourceTree> disk_source(const std::filesystem::path& site_dir, ReadDigests* record = nullptr);

/// The bytes of a file on disk, read at the size it has (and whatever is
/// there, should it be saved meanwhile), or nullopt when it cannot be opened.
std::optional<std::string> file_bytes(const std::filesystem::path& file);

}  // namespace congbo
