// build_stamp.cc: see build_stamp.h.
#include "build_stamp.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "source_tree.h"
#include "text.h"

namespace fs = std::filesystem;

namespace congbo {
namespace {

// A file's mtime comes from a coarse clock (a few milliseconds): two saves
// within one tick, of the same size, look alike. So a file changed in the
// last seconds is told apart by its bytes as well, as git does with
// "racily clean" index entries; older files by their stat alone. `name` is
// what the file is recorded as: the same file named through another
// spelling of the site's folder ("site", "/home/x/site") keeps its key.
void add_file(std::string& state, const std::string& name, const fs::path& path, bool racy_check = true) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    state += name + "|-\n";
    return;
  }
  state += name + '|' + std::to_string(st.st_size) + '|' + std::to_string(st.st_mtim.tv_sec) + '.' +
           std::to_string(st.st_mtim.tv_nsec) + '|' + std::to_string(st.st_ino);
  if (racy_check && S_ISREG(st.st_mode) && st.st_mtim.tv_sec + 2 >= std::time(nullptr)) {
    state += '|' + stable_hash(file_bytes(path).value_or(""));
  }
  state += '\n';
}

// Every file a build reads from the working copy, relative to the site
// ("content/van-ban/a.md"), sorted. A symbolic link is not followed here:
// what it leads to may change unseen (a folder's files, a file outside), so
// a site with one is marked never up to date, and is always built.
std::vector<std::string> source_files(const fs::path& site, bool* links) {
  *links = false;
  std::vector<std::string> all;
  std::error_code ec;
  for (const char* top : {"content", "layouts", "static", "themes"}) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(site / top, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_symlink(ec)) *links = true;
      else if (it->is_regular_file(ec)) files.push_back(it->path().lexically_relative(site).generic_string());
    }
    std::sort(files.begin(), files.end());  // directory order is not stable across file systems
    all.insert(all.end(), files.begin(), files.end());
  }
  all.push_back("site.toml");
  all.push_back("strings.toml");  // the readers' words, when the site changes any
  return all;
}

}  // namespace

std::string source_fingerprint(const fs::path& site) {
  std::string state;
  bool links = false;
  for (const auto& f : source_files(site, &links)) add_file(state, f, site / f);
  if (links) state += "links|" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  return state;
}

std::string source_content_fingerprint(const fs::path& site, const ReadDigests* read) {
  StableHasher h;
  bool links = false;
  for (const auto& f : source_files(site, &links)) {
    std::optional<std::string> digest = read ? read->find(f) : std::nullopt;
    if (!digest) {
      const auto bytes = file_bytes(site / f);
      digest = bytes ? bytes_digest(*bytes) : "-";
    }
    h.add(f);
    h.add("|");
    h.add(*digest);
    h.add("\n");
  }
  if (links) h.add("links|" + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
  return h.hex();
}

std::string output_fingerprint(const fs::path& out_dir) {
  std::string state;
  // (Where the output is, the settings say.)
  add_file(state, "marker", out_dir / ".congbo-output", false);
  add_file(state, "folder", out_dir, false);  // something added or removed at the top
  return state;
}

std::string binary_fingerprint() {
  std::string state = CONGBO_VERSION;
  add_file(state, "binary", "/proc/self/exe", false);
  return state;
}

std::optional<BuildStamp::Previous> BuildStamp::matches(const std::string& key,
                                                        const std::function<std::string()>& content_key) const {
  std::ifstream in(file_, std::ios::binary);
  std::string line, content;
  if (!std::getline(in, line) || !std::getline(in, content)) return std::nullopt;
  Previous previous;
  if (line != key) {
    if (!content_key || content.empty() || content_key() != content) return std::nullopt;
    previous.by_content = true;
  }
  if (!std::getline(in, line)) return std::nullopt;
  previous.pages = std::atoi(line.c_str());
  std::vector<Diagnostic>& diags = previous.diagnostics;
  while (std::getline(in, line)) {
    // severity \t line \t col \t path \t message
    std::vector<std::string> f;
    std::istringstream ss(line);
    std::string part;
    while (f.size() < 4 && std::getline(ss, part, '\t')) f.push_back(part);
    std::getline(ss, part);
    f.push_back(part);
    if (f.size() != 5) return std::nullopt;
    Diagnostic d;
    d.severity = f[0] == "E" ? Severity::Error : (f[0] == "W" ? Severity::Warning : Severity::Note);
    d.line = std::atoi(f[1].c_str());
    d.col = std::atoi(f[2].c_str());
    d.path = f[3];
    d.message = f[4];
    diags.push_back(std::move(d));
  }
  return previous;
}

void BuildStamp::write(const std::string& key, const std::string& content_key, int pages,
                       const Diagnostics& diags) const {
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  fs::path tmp = file_;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << key << '\n' << content_key << '\n' << pages << '\n';
    for (const auto& d : diags.items()) {
      std::string message = d.message;
      for (char& c : message) {
        if (c == '\n' || c == '\t') c = ' ';
      }
      out << (d.severity == Severity::Error ? "E" : d.severity == Severity::Warning ? "W" : "N") << '\t' << d.line
          << '\t' << d.col << '\t' << d.path << '\t' << message << '\n';
    }
    if (!out) return;
  }
  fs::rename(tmp, file_, ec);
}

void BuildStamp::clear() const {
  std::error_code ec;
  fs::remove(file_, ec);
}

}  // namespace congbo
