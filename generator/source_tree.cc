// source_tree.cc: the working-directory SourceTree.
#include "source_tree.h"

#include <algorithm>
#include <fstream>

#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

class DiskSource : public SourceTree {
 public:
  DiskSource(fs::path root, ReadDigests* record) : root_(std::move(root)), record_(record) {}

  std::optional<std::string> read(const std::string& rel) const override {
    auto bytes = file_bytes(root_ / rel);
    if (bytes && record_) record_->add(rel, *bytes);
    return bytes;
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
      // Lexically: the walk's paths start with root_, and fs::relative would
      // resolve both through the file system, several calls per file.
      if (it->is_regular_file()) out.push_back(it->path().lexically_relative(root_).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  fs::path root_;
  ReadDigests* record_;
};

}  // namespace

std::optional<std::string> file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return std::nullopt;
  // In one read at the size it has now (a stream iterator goes byte by
  // byte); a file being saved meanwhile may have grown or shrunk, so what
  // is there is taken either way.
  std::string bytes(static_cast<size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  for (int c; (c = in.get()) != std::char_traits<char>::eof();) bytes += static_cast<char>(c);
  return bytes;
}

std::unique_ptr<SourceTree> disk_source(const fs::path& site_dir, ReadDigests* record) {
  return std::make_unique<DiskSource>(site_dir, record);
}

std::string bytes_digest(std::string_view bytes) { return std::to_string(bytes.size()) + ':' + stable_hash(bytes); }

void ReadDigests::add(const std::string& rel, std::string_view bytes) {
  std::string digest = bytes_digest(bytes);
  std::lock_guard<std::mutex> lock(mu_);
  digests_[rel] = std::move(digest);
}

std::optional<std::string> ReadDigests::find(const std::string& rel) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = digests_.find(rel);
  if (it == digests_.end()) return std::nullopt;
  return it->second;
}

}  // namespace congbo
