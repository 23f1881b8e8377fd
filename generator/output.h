// output.h: writes a build into a fresh directory beside the target and puts
// it in place only when everything was written, so a failed or interrupted
// build never leaves a half-written site. A file whose bytes are the same as
// in the previous output is hard-linked from it rather than written again:
// no data is copied and its modification time stays (rsync and static hosts
// reward that). The marker file holds the manifest (hash, size, path).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <atomic>
#include <mutex>
#include <unordered_map>

namespace congbo {

class Output {
 public:
  /// The name of the marker file that says a directory was made by congbo.
  static const char* marker_name();
  /// "/van-ban/x/" → "van-ban/x/index.html"; a URL naming a file stays as it is.
  static std::string path_for_url(const std::string& url);

  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output();  ///< removes the temporary directory unless committed

  /// Checks that `final_dir` may be replaced and creates the temporary
  /// directory. `site_dir` must not be inside the output. On failure `*err`
  /// says why, in words for the user.
  bool begin(const std::filesystem::path& final_dir, const std::filesystem::path& site_dir,
             std::string* err);
  /// Before begin(): take unchanged files from `dir` (a previous output, e.g.
  /// the release being served) instead of from `final_dir`.
  void reuse_from(const std::filesystem::path& dir) { reuse_dir_ = dir; }
  /// Writes `rel_path` (with '/' separators) under the temporary directory.
  bool write(const std::string& rel_path, std::string_view content, std::string* err);
  /// For output identified by `key` (a hash of everything it depends on):
  /// if the previous output recorded the same key for `rel_path`, links that
  /// file and returns true, without the content ever being produced.
  bool reuse(const std::string& rel_path, const std::string& key);
  /// Writes content produced for `key`, recording the key for reuse() next time.
  bool write_keyed(const std::string& rel_path, const std::string& key, std::string_view content,
                   std::string* err);
  /// Replaces `final_dir` with what was written, atomically where the file
  /// system allows (renameat2 RENAME_EXCHANGE), and removes the old output.
  bool commit(std::string* err);
  /// Drops everything written; `final_dir` is untouched.
  void abort();

  // write(), write_keyed() and reuse() may be called from several threads.
  int files_written() const { return files_; }
  int files_reused() const { return reused_; }  ///< unchanged, linked from the previous output

 private:
  std::filesystem::path final_, temp_, reuse_dir_;
  bool active_ = false;
  std::atomic<int> files_{0};
  std::atomic<int> reused_{0};
  bool store(const std::string& rel_path, const std::string& id, std::string_view content, std::string* err);
  std::unordered_map<std::string, std::string> previous_;  ///< path → id ("hash size" or "k:key") of the last output
  std::string manifest_;
  std::mutex mu_;  ///< guards manifest_ and the counters
};

}  // namespace congbo
