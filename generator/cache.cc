// cache.cc: one file per entry under DIR/ab/abcdef….
#include "cache.h"

#include <unistd.h>

#include <fstream>
#include <functional>
#include <thread>
#include <sstream>

namespace fs = std::filesystem;

namespace congbo {

fs::path Cache::path_of(const std::string& key) const { return dir_ / key.substr(0, 2) / key; }

std::optional<std::string> Cache::get(const std::string& key) const {
  if (dir_.empty()) return std::nullopt;
  std::ifstream in(path_of(key), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  ++hits_;
  return ss.str();
}

void Cache::put(const std::string& key, std::string_view data) const {
  if (dir_.empty()) return;
  std::error_code ec;
  fs::path p = path_of(key);
  fs::create_directories(p.parent_path(), ec);
  fs::path tmp = p;
  tmp += ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return;
  }
  fs::rename(tmp, p, ec);
  if (ec) fs::remove(tmp, ec);
}

}  // namespace congbo
