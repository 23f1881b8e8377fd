// source_tree.cc: the working-directory SourceTree.
#include "source_tree.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace congbo {
namespace {

class DiskSource : public SourceTree {
 public:
  explicit DiskSource(fs::path root) : root_(std::move(root)) {}

  std::optional<std::string> read(const std::string& rel) const override {
    std::ifstream in(root_ / rel, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  bool exists(const std::string& rel) const override {
    std::error_code ec;
    return fs::is_regular_file(root_ / rel, ec);
  }
  bool is_dir(const std::string& rel) const override {
    std::error_code ec;
    return fs::is_directory(root_ / rel, ec);
  }
  std::vector<std::string> list(const std::string& rel_dir) const override {
    std::vector<std::string> out;
    std::error_code ec;
    fs::path dir = root_ / rel_dir;
    if (!fs::is_directory(dir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file()) out.push_back(fs::relative(it->path(), root_).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  fs::path root_;
};

}  // namespace

std::unique_ptr<SourceTree> disk_source(const fs::path& site_dir) {
  return std::make_unique<DiskSource>(site_dir);
}

}  // namespace congbo
