// output.h: writes a build into a fresh directory beside the target and puts
// it in place only when everything was written, so a failed or interrupted
// build never leaves a half-written site.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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
  /// Writes `rel_path` (with '/' separators) under the temporary directory.
  bool write(const std::string& rel_path, std::string_view content, std::string* err);
  /// Replaces `final_dir` with what was written, atomically where the file
  /// system allows (renameat2 RENAME_EXCHANGE), and removes the old output.
  bool commit(std::string* err);
  /// Drops everything written; `final_dir` is untouched.
  void abort();

  int files_written() const { return files_; }

 private:
  std::filesystem::path final_, temp_;
  bool active_ = false;
  int files_ = 0;
};

}  // namespace congbo
