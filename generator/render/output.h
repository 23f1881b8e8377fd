// output.h: writes a build so that the output directory is only ever
// replaced whole, in one step: a failed or interrupted build never leaves a
// half-written site.
//
// The build is written into a working directory beside the output and
// swapped in (renameat2 RENAME_EXCHANGE). The output it replaces is not
// deleted: it is kept, hidden, as `.NAME.congbo-spare`, and the next build
// works in it, bringing it up to date: a file whose content (or key) is the
// same as there is left alone, one that is the same as in the output being
// served is hard-linked from it, and only the rest is written. Files the
// build did not produce are removed before the swap. So a rebuild touches
// what changed, not every file, and unchanged files keep their inode and
// modification time (rsync and static hosts reward that). Each directory's
// marker file holds its manifest (id, path).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <atomic>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace congbo {

class Output {
 public:
  /// The name of the marker file that says a directory was made by congbo.
  static const char* marker_name();
  /// Where the output a build replaces is kept: DIR/../.NAME.congbo-spare.
  static std::filesystem::path spare_for(const std::filesystem::path& final_dir);
  /// "/van-ban/x/" → "van-ban/x/index.html"; a URL naming a file stays as it is.
  static std::string path_for_url(const std::string& url);
  /// What a directory congbo wrote holds, from its marker: path → id
  /// ("HASH:SIZE" of the bytes, "k:KEY" of the inputs or "c:KEY" of the
  /// content); nullopt when the marker is missing or not congbo's.
  using Manifest = std::unordered_map<std::string, std::string>;
  static std::optional<Manifest> read_manifest(const std::filesystem::path& dir);

  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();  ///< removes the temporary directory unless committed

  /// Checks that `final_dir` may be replaced and prepares the working
  /// directory (the spare, or a new one). `site_dir` must not be inside the
  /// output. On failure `*err` says why, in words for the user.
  bool begin(const std::filesystem::path& final_dir, const std::filesystem::path& site_dir,
             std::string* err);
  /// Before begin(): link unchanged files from `dir` (a previous output, e.g.
  /// the release being served) instead of from `final_dir`.
  void reuse_from(const std::filesystem::path& dir) { reuse_dir_ = dir; }
  /// Writes `rel_path` (with '/' separators) into the working directory.
  bool write(const std::string& rel_path, std::string_view content, std::string* err);
  /// For output identified by `key` (a hash of everything it depends on):
  /// if the working directory or the previous output has it under the same
  /// key at `rel_path`, keeps or links that file and returns true, without
  /// the content ever being produced.
  bool reuse(const std::string& rel_path, const std::string& key);
  /// reuse() for every file under `dir_prefix` ("search/ab12/") that the
  /// working directory or the previous output has under `key`; false when
  /// there is none, or one could not be kept.
  bool reuse_all(const std::string& dir_prefix, const std::string& key);
  /// Writes content produced for `key`, recording the key for reuse() next time.
  bool write_keyed(const std::string& rel_path, const std::string& key, std::string_view content,
                   std::string* err);
  /// reuse() and write_keyed() for a file whose key names what it holds, not
  /// where it is: reuse_content() also links it from another path of the
  /// previous output with the same content key (a search document whose
  /// index moved to a new folder).
  bool reuse_content(const std::string& rel_path, const std::string& content_key);
  bool write_content(const std::string& rel_path, const std::string& content_key, std::string_view content,
                     std::string* err);
  /// Removes what the build did not produce from the working directory and
  /// swaps it with `final_dir`, atomically where the file system allows
  /// (renameat2 RENAME_EXCHANGE); the replaced output becomes the spare.
  bool commit(std::string* err);
  /// Stops; `final_dir` is untouched. A new working directory is removed; the
  /// spare is kept, its manifest saying what it now holds.
  void abort();

  // write(), write_keyed() and reuse() may be called from several threads.
  int files_written() const { return files_; }
  int files_reused() const { return reused_; }  ///< unchanged: kept, or linked from the previous output

 private:
  bool place(const std::string& rel_path, const std::string& id, const std::string_view* content, std::string* err);
  bool write_manifest(const std::filesystem::path& dir, const Manifest& files, const char* name);
  void sweep();

  std::filesystem::path final_, work_, reuse_dir_;
  bool active_ = false;
  bool adopted_ = false;  ///< work_ is the spare, kept between builds
  bool known_ = false;    ///< the spare's manifest says what it holds
  std::atomic<int> files_{0};
  std::atomic<int> reused_{0};
  Manifest previous_;  ///< the output being replaced (or reuse_from)
  Manifest by_content_;  ///< "c:KEY" → a path of the previous output with it
  Manifest spare_;     ///< what the working directory held when the build began
  Manifest produced_;  ///< this build's files
  std::unordered_set<std::string> unlinked_;  ///< removed from the spare to be replaced
  std::mutex mu_;      ///< guards produced_ and unlinked_
};

}  // namespace congbo
