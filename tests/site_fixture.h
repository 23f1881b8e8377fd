// site_fixture.h: a small site written into a temporary directory from
// strings, built with the real pipeline, and its output read back.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include "diagnostic.h"
#include "site.h"

namespace congbo::testing {

inline const char* kMinimalConfig =
    "title = \"Đảng ủy Khối thử\"\n"
    "base_url = \"https://example.vn/\"\n"
    "committee = \"Ban Thường vụ Đảng ủy Khối thử\"\n"
    "paginate = 2\n"
    "[kinds]\n"
    "KH = \"Kế hoạch\"\n"
    "CT = \"Chỉ thị\"\n"
    "[issuers.duk]\n"
    "abbr = \"ĐUK\"\n"
    "name = \"Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre\"\n"
    "parent = \"Đảng bộ tỉnh Bến Tre\"\n";

class TempSite {
 public:
  TempSite() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("congbo-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~TempSite() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path out() const { return dir_ / "public"; }

  TempSite& file(const std::string& rel, const std::string& content) {
    auto p = dir_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return *this;
  }

  /// Runs `congbo build` (or `check` when write is false) and keeps the diagnostics.
  bool build(bool write = true) {
    BuildOptions o;
    o.write = write;
    return build_with(o);
  }
  /// A build of this site into `out_dir` (--out).
  bool build_into(const std::filesystem::path& out_dir) {
    BuildOptions o;
    o.out_dir = out_dir;
    return build_with(o);
  }
  bool build_with(BuildOptions o) {
    diags = Diagnostics();
    report = BuildReport();
    o.site_dir = dir_;
    return congbo::build(o, diags, &report);
  }

  bool exists(const std::string& rel) const { return std::filesystem::exists(out() / rel); }
  std::string read(const std::string& rel) const {
    std::ifstream in(out() / rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  /// Every error and warning as main() prints it, one per line.
  std::string messages() const {
    std::string s;
    for (const auto& d : diags.sorted()) {
      if (d.severity != Severity::Note) s += d.format() + "\n";
    }
    return s;
  }
  /// The notes ("no history available"…), one per line.
  std::string notes() const {
    std::string s;
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::Note) s += d.format() + "\n";
    }
    return s;
  }

  Diagnostics diags;
  BuildReport report;

 private:
  std::filesystem::path dir_;
};

/// A file's bytes ("" if it cannot be read).
inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Every file under `dir` with its bytes, to compare outputs byte for byte.
inline std::map<std::string, std::string> snapshot(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), dir).string()] = read_file(e.path());
  }
  return files;
}

/// What `site` builds into a directory of its own, from nothing (no previous
/// output, spare, stamp or history cache), as a snapshot; nothing is left behind.
inline std::map<std::string, std::string> built_from_nothing(const TempSite& site) {
  BuildOptions o;
  o.site_dir = site.dir();
  o.out_dir = site.dir() / "tu-dau";
  o.cache_dir = site.dir() / "tu-dau-cache";
  Diagnostics d;
  BuildReport r;
  if (!congbo::build(o, d, &r)) return {};
  auto files = snapshot(o.out_dir);
  for (const char* p : {"tu-dau", "tu-dau-cache", ".tu-dau.congbo-spare"}) std::filesystem::remove_all(site.dir() / p);
  return files;
}

inline std::string contains_msg(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos ? "yes" : "no: " + haystack;
}

}  // namespace congbo::testing
