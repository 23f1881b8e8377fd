// output.cc: temporary directory, file writes, atomic swap.
#include "output.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>
#include <random>

#include "messages.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

std::string random_suffix() {
  std::random_device rd;
  const char* hex = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < 8; ++i) s += hex[rd() % 16];
  return s;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

}  // namespace

const char* Output::marker_name() { return ".congbo-output"; }

std::string Output::path_for_url(const std::string& url) {
  std::string p = url.substr(1);
  if (p.empty() || p.back() == '/') p += "index.html";
  return p;
}

Output::~Output() {
  if (active_) abort();
}

bool Output::begin(const fs::path& final_dir, const fs::path& site_dir, std::string* err) {
  std::error_code ec;
  final_ = fs::weakly_canonical(fs::absolute(final_dir), ec);
  fs::path site = fs::weakly_canonical(fs::absolute(site_dir), ec);
  if (is_within(site, final_)) {
    *err = msg::output_contains_site(final_dir.string());
    return false;
  }
  // Never replace a directory that congbo did not make: --out may be mistyped.
  if (fs::exists(final_, ec)) {
    bool empty = fs::is_directory(final_, ec) && fs::is_empty(final_, ec);
    if (!empty && !fs::exists(final_ / marker_name(), ec)) {
      *err = msg::output_not_ours(final_dir.string());
      return false;
    }
  }
  fs::create_directories(final_.parent_path(), ec);
  temp_ = final_.parent_path() / ("." + final_.filename().string() + ".tmp-" + random_suffix());
  if (!fs::create_directory(temp_, ec)) {
    *err = msg::output_failed(temp_.string() + ": " + ec.message());
    return false;
  }
  active_ = true;
  if (reuse_dir_.empty()) reuse_dir_ = final_;
  // The previous build's manifest: "id path" per line after "congbo", where
  // id is "HASH:SIZE" of the bytes, or "k:KEY" for keyed output.
  std::ifstream in(reuse_dir_ / marker_name());
  std::string line;
  while (std::getline(in, line)) {
    size_t space = line.find(' ');
    if (space != std::string::npos) previous_[line.substr(space + 1)] = line.substr(0, space);
  }
  return true;
}

bool Output::reuse(const std::string& rel_path, const std::string& key) {
  const std::string id = "k:" + key;
  auto prev = previous_.find(rel_path);
  if (prev == previous_.end() || prev->second != id) return false;
  fs::path p = temp_ / rel_path;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (::link((reuse_dir_ / rel_path).c_str(), p.c_str()) != 0) return false;
  std::lock_guard<std::mutex> lock(mu_);
  manifest_ += id + " " + rel_path + "\n";
  ++files_;
  ++reused_;
  return true;
}

bool Output::write_keyed(const std::string& rel_path, const std::string& key, std::string_view content,
                         std::string* err) {
  return store(rel_path, "k:" + key, content, err);
}

bool Output::write(const std::string& rel_path, std::string_view content, std::string* err) {
  return store(rel_path, stable_hash(content) + ":" + std::to_string(content.size()), content, err);
}

bool Output::store(const std::string& rel_path, const std::string& id, std::string_view content,
                   std::string* err) {
  fs::path p = temp_ / rel_path;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  {
    std::lock_guard<std::mutex> lock(mu_);
    manifest_ += id + " " + rel_path + "\n";
  }
  auto prev = previous_.find(rel_path);
  if (prev != previous_.end() && prev->second == id &&
      ::link((reuse_dir_ / rel_path).c_str(), p.c_str()) == 0) {
    std::lock_guard<std::mutex> lock(mu_);
    ++files_;
    ++reused_;
    return true;
  }
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    *err = msg::output_failed(p.string() + ": " + std::strerror(errno));
    return false;
  }
  ++files_;
  return true;
}

bool Output::commit(std::string* err) {
  std::error_code ec;
  {
    // Sorted, so the same site gives the same manifest whatever the order of writing.
    std::vector<std::string> lines;
    std::istringstream all(manifest_);
    for (std::string line; std::getline(all, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end(), [](const std::string& a, const std::string& b) {
      return a.substr(a.find(' ') + 1) < b.substr(b.find(' ') + 1);
    });
    std::ofstream marker(temp_ / marker_name(), std::ios::binary | std::ios::trunc);
    marker << "congbo\n";
    for (const auto& l : lines) marker << l << "\n";
    if (!marker) {
      *err = msg::output_failed((temp_ / marker_name()).string());
      return false;
    }
  }
  if (!fs::exists(final_, ec)) {
    if (::rename(temp_.c_str(), final_.c_str()) != 0) {
      *err = msg::output_failed(final_.string() + ": " + std::strerror(errno));
      return false;
    }
    active_ = false;
    return true;
  }
  // Swap in one step so readers never see a missing or partial directory.
  if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, final_.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove_all(temp_, ec);  // now holds the previous output
    active_ = false;
    return true;
  }
  // File systems without RENAME_EXCHANGE: two renames, a moment apart.
  fs::path old = final_.parent_path() / ("." + final_.filename().string() + ".old-" + random_suffix());
  if (::rename(final_.c_str(), old.c_str()) != 0 || ::rename(temp_.c_str(), final_.c_str()) != 0) {
    *err = msg::output_failed(final_.string() + ": " + std::strerror(errno));
    if (!fs::exists(final_, ec)) ::rename(old.c_str(), final_.c_str());
    return false;
  }
  fs::remove_all(old, ec);
  active_ = false;
  return true;
}

void Output::abort() {
  std::error_code ec;
  if (!temp_.empty()) fs::remove_all(temp_, ec);
  active_ = false;
}

}  // namespace congbo
